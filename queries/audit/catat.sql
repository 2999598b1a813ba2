-- Satu baris jejak audit (hanya ditambah; aplikasi tidak pernah mengubah atau menghapusnya).
INSERT INTO jejak_audit (waktu, pengguna, tindakan, rincian, asal)
VALUES (current_timestamp, $pengguna, $tindakan, $rincian, $asal);
