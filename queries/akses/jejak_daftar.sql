-- Jejak akses terbaru lebih dulu; $batas NULL = semuanya (unduhan).
SELECT waktu, pengguna, tindakan, rincian, asal FROM jejak_akses ORDER BY id DESC LIMIT $batas;
