-- Riwayat impor terbaru: siapa, kapan, berkas apa (sidik SHA-256), hasilnya.
SELECT waktu, pengguna, nama_file, sha256, format, jumlah_baris, hasil, pesan
FROM log_impor
ORDER BY id DESC
LIMIT 50;
