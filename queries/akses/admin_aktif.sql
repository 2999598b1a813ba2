-- Jumlah administrator aktif: selama nol, administrator awal dari secrets boleh masuk.
SELECT count(*) FROM pengguna WHERE peran = 'admin' AND aktif;
