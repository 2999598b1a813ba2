SELECT epoch(terakhir) FROM aktivitas WHERE jenis = $jenis AND nama = $akun;
