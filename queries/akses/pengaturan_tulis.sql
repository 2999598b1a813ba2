INSERT OR REPLACE INTO pengaturan_akses (kunci, nilai) VALUES ($kunci, $nilai);
