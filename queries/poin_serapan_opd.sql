-- Serapan anggaran setiap OPD (dalam filter) pada bulan akhir triwulan (atau bulan
-- terakhir yang ada sebelumnya), urut deviasi terhadap rencana kas, terburuk dulu.
WITH bulan_akhir AS (
    SELECT bulan FROM bulan_akhir_anggaran($kode_pemda, $triwulan) WHERE tahun = $tahun
)
SELECT a.kode_opd, a.nama_opd, a.singkatan, a.bulan, a.pagu,
       a.persen_rencana, a.persen_realisasi, a.deviasi
FROM anggaran_opd_rinci a, bulan_akhir b
WHERE a.kode_pemda = $kode_pemda AND a.tahun = $tahun AND a.bulan = b.bulan
  AND cocok_filter(a.kode_pemda, a.kode_opd, $kelompok, $kode_urusan, $opd)
ORDER BY a.deviasi NULLS LAST, a.nama_opd;
