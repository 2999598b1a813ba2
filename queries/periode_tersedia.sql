-- Periode (tahun, triwulan) yang sudah punya realisasi, terbaru lebih dulu.
SELECT DISTINCT kode_pemda, tahun, triwulan
FROM target_realisasi
WHERE realisasi IS NOT NULL
ORDER BY kode_pemda, tahun DESC, triwulan DESC;
