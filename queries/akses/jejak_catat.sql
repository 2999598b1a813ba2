-- Satu baris jejak akses (hanya ditambah; aplikasi tidak pernah mengubah atau menghapusnya).
INSERT INTO jejak_akses (waktu, pengguna, tindakan, rincian, asal)
VALUES (current_timestamp, $pengguna, $tindakan, $rincian, $asal);
