DELETE FROM pengguna_opd WHERE jenis = $jenis AND nama = $akun;
