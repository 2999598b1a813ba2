-- Periode (tahun, triwulan) yang sudah punya realisasi kinerja atau realisasi anggaran,
-- terbaru lebih dulu. Anggaran bulan b masuk triwulan ceil(b/3): pemda yang baru memuat
-- ekspor SIPD (tanpa capaian indikator) tetap dapat melihat serapannya.
SELECT DISTINCT kode_pemda, tahun, triwulan FROM (
    SELECT kode_pemda, tahun, triwulan FROM target_realisasi WHERE realisasi IS NOT NULL
    UNION
    SELECT kode_pemda, tahun, CAST(ceil(bulan / 3) AS INTEGER) AS triwulan
    FROM anggaran_bulanan WHERE realisasi_kumulatif IS NOT NULL
)
ORDER BY kode_pemda, tahun DESC, triwulan DESC;
