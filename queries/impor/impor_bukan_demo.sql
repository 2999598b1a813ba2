-- Impor yang bukan pembangunan database demo (dari berkas pengguna), terbaru lebih dulu.
SELECT nama_file, pengguna, waktu
FROM log_impor
WHERE hasil = 'berhasil' AND pengguna IS DISTINCT FROM $pengguna_demo
ORDER BY id DESC;
