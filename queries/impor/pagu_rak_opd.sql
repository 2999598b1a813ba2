-- Pagu setahun per OPD dari RAK yang sudah dimuat (pembanding pagu LRA).
SELECT kode_opd, max(pagu) AS pagu
FROM rak_rinci
WHERE kode_pemda = $kode_pemda AND tahun = $tahun AND tingkat = 'opd'
GROUP BY kode_opd;
