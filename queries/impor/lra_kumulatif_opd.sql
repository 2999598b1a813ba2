-- Realisasi kumulatif LRA per OPD untuk bulan lain yang sudah dimuat (pemeriksaan "kumulatif
-- tidak turun").
SELECT kode_opd, bulan, sum(realisasi_kumulatif) AS realisasi
FROM anggaran_rinci
WHERE kode_pemda = $kode_pemda AND tahun = $tahun AND tingkat = 'opd' AND bulan <> $bulan
GROUP BY kode_opd, bulan;
