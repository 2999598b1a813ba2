INSERT INTO pengguna (jenis, nama, nama_tampil, sandi_hash, peran)
VALUES ($jenis, $akun, $nama_tampil, $sandi_hash, $peran);
