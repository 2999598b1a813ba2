-- Berkas LRA terakhir yang berhasil dimuat untuk suatu bulan (dari catatan log impornya).
SELECT nama_file FROM log_impor
WHERE format = 'sipd-lra' AND hasil = 'berhasil' AND pesan LIKE $pola
ORDER BY id DESC
LIMIT 1;
