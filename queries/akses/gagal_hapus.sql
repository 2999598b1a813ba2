-- Masuk berhasil (atau administrator membuka kunci): hitungan untuk akun itu mulai dari nol.
DELETE FROM gagal_masuk WHERE jenis_kunci = 'akun' AND kunci = $kunci;
