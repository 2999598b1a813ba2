SELECT kode_pemda, nama_pemda FROM pemda ORDER BY kode_pemda;
