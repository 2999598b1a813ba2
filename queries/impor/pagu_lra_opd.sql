-- Pagu per OPD di LRA yang sudah dimuat, per bulan (pembanding pagu RAK).
SELECT kode_opd, bulan, sum(pagu) AS pagu
FROM anggaran_rinci
WHERE kode_pemda = $kode_pemda AND tahun = $tahun AND tingkat = 'opd'
GROUP BY kode_opd, bulan;
