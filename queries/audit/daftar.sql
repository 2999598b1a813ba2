-- Jejak audit terbaru lebih dulu.
SELECT waktu, pengguna, tindakan, rincian, asal FROM jejak_audit ORDER BY id DESC LIMIT $batas;
