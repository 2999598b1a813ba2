SELECT kode_urusan FROM urusan;
