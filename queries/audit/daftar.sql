-- Jejak audit terbaru lebih dulu; $batas NULL = semuanya (unduhan).
SELECT waktu, pengguna, tindakan, rincian, asal FROM jejak_audit ORDER BY id DESC LIMIT $batas;
