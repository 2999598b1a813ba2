-- Nama bidang urusan menurut kode (nomenklatur), untuk menjelaskan kode OPD.
SELECT kode_urusan, nama_urusan FROM urusan ORDER BY kode_urusan;
