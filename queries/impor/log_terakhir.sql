-- Catatan terakhir log impor yang mengubah isi (impor berhasil atau pemulihan dari cadangan):
-- ringkasan isi sebuah cadangan di `python -m kinerja cadangan`.
SELECT waktu, pengguna, nama_file, format, hasil
FROM log_impor
WHERE hasil IN ('berhasil', 'dipulihkan')
ORDER BY id DESC
LIMIT 1;
