SELECT kode_pemda, nama_pemda, keterangan FROM pemda ORDER BY nama_pemda;
