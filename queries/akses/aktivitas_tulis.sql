INSERT OR REPLACE INTO aktivitas (jenis, nama, terakhir) VALUES ($jenis, $akun, to_timestamp($waktu));
