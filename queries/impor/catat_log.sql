INSERT INTO log_impor (waktu, pengguna, nama_file, sha256, format, jumlah_baris, hasil, pesan)
VALUES (current_timestamp, $pengguna, $nama_file, $sha256, $format, $jumlah_baris, $hasil, $pesan);
