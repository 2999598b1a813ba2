SELECT kode_pemda FROM pemda;
