-- Kurva S: serapan anggaran OPD dalam filter per bulan, tahun terpilih dan tahun
-- sebelumnya. Persen dihitung dari pagu bulan itu sendiri (pagu berubah setelah
-- APBD-P); bulan tanpa data tidak muncul (bukan nol). Fisik dibobot pagu.
SELECT a.tahun, a.bulan,
       count(*) AS jumlah_opd,
       sum(a.pagu) AS pagu,
       sum(a.rencana_kumulatif) AS rencana_kumulatif,
       sum(a.realisasi_kumulatif) AS realisasi_kumulatif,
       persen_pagu(sum(a.rencana_kumulatif), sum(a.pagu)) AS persen_rencana,
       persen_pagu(sum(a.realisasi_kumulatif), sum(a.pagu)) AS persen_realisasi,
       persen_pagu(sum(a.realisasi_kumulatif), sum(a.pagu))
         - persen_pagu(sum(a.rencana_kumulatif), sum(a.pagu)) AS deviasi,
       fisik_tertimbang(a.realisasi_fisik, a.pagu) AS realisasi_fisik
FROM anggaran_bulanan a
WHERE a.kode_pemda = $kode_pemda AND a.tahun IN ($tahun, $tahun - 1)
  AND cocok_filter(a.kode_pemda, a.kode_opd, $kelompok, $kode_urusan, $opd)
GROUP BY a.tahun, a.bulan
ORDER BY a.tahun, a.bulan;
