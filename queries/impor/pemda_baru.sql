-- Pemda satu-satunya database baru (python -m kinerja baru).
INSERT INTO pemda (kode_pemda, nama_pemda, keterangan) VALUES ($kode_pemda, $nama_pemda, $keterangan);
