INSERT INTO gagal_masuk (jenis_kunci, kunci, waktu) VALUES ($jenis_kunci, $kunci, $waktu);
