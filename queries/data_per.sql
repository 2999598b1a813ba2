-- Waktu impor terakhir yang berhasil: "data per" di setiap halaman.
SELECT max(waktu) AS waktu FROM log_impor WHERE hasil = 'berhasil';
