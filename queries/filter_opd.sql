-- OPD dalam sektor terpilih (pilihan filter OPD).
SELECT kode_opd, nama_opd, singkatan
FROM opd
WHERE kode_pemda = $kode_pemda
  AND cocok_filter(kode_pemda, kode_opd, $kelompok, $kode_urusan, [])
ORDER BY kode_opd;
