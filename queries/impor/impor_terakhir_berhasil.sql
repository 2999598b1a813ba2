SELECT sha256 FROM log_impor WHERE hasil = 'berhasil' ORDER BY id DESC LIMIT 1;
