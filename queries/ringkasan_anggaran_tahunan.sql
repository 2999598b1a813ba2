-- Serapan anggaran pemda per tahun pada bulan yang mewakili triwulan (makro
-- bulan_akhir_anggaran). Fisik dibobot pagu.
WITH bulan_akhir AS (
    SELECT tahun, bulan FROM bulan_akhir_anggaran($kode_pemda, $triwulan)
)
SELECT a.tahun, b.bulan,
       sum(a.pagu) AS pagu,
       sum(a.rencana_kumulatif) AS rencana_kumulatif,
       sum(a.realisasi_kumulatif) AS realisasi_kumulatif,
       persen_pagu(sum(a.rencana_kumulatif), sum(a.pagu)) AS persen_rencana,
       persen_pagu(sum(a.realisasi_kumulatif), sum(a.pagu)) AS persen_realisasi,
       persen_pagu(sum(a.realisasi_kumulatif), sum(a.pagu))
         - persen_pagu(sum(a.rencana_kumulatif), sum(a.pagu)) AS deviasi,
       fisik_tertimbang(a.realisasi_fisik, a.pagu) AS realisasi_fisik
FROM anggaran_bulanan a
JOIN bulan_akhir b ON a.tahun = b.tahun AND a.bulan = b.bulan
WHERE a.kode_pemda = $kode_pemda
  AND cocok_filter(a.kode_pemda, a.kode_opd, $kelompok, $kode_urusan, $opd)
GROUP BY a.tahun, b.bulan
ORDER BY a.tahun;
