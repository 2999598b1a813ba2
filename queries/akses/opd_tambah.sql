INSERT INTO pengguna_opd (jenis, nama, kode_opd) VALUES ($jenis, $akun, $kode_opd);
