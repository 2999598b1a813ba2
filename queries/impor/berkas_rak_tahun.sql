-- Berkas RAK terakhir yang berhasil dimuat untuk suatu tahun (dari catatan log impornya).
SELECT nama_file FROM log_impor
WHERE format = 'sipd-rak' AND hasil = 'berhasil' AND pesan LIKE $pola
ORDER BY id DESC
LIMIT 1;
