-- Kurva S: serapan anggaran OPD dalam filter per bulan, tahun terpilih dan tahun
-- sebelumnya. Persen dihitung dari pagu bulan itu sendiri (pagu berubah setelah
-- APBD-P); bulan tanpa data tidak muncul (bukan nol). Fisik dibobot pagu.
-- opd_pagu_lra / opd_pagu_rak: berapa OPD yang pagu bulannya dari LRA SIPD bulan itu,
-- dan dari RAK SIPD (bulan tanpa LRA); sisanya dari templat impor.
WITH lra AS (
    SELECT DISTINCT kode_opd, tahun, bulan FROM anggaran_rinci
    WHERE kode_pemda = $kode_pemda AND tahun IN ($tahun, $tahun - 1)
), rak AS (
    SELECT DISTINCT kode_opd, tahun FROM rak_rinci
    WHERE kode_pemda = $kode_pemda AND tahun IN ($tahun, $tahun - 1)
)
SELECT a.tahun, a.bulan,
       count(*) AS jumlah_opd,
       sum(a.pagu) AS pagu,
       sum(a.rencana_kumulatif) AS rencana_kumulatif,
       sum(a.realisasi_kumulatif) AS realisasi_kumulatif,
       persen_pagu(sum(a.rencana_kumulatif), sum(a.pagu)) AS persen_rencana,
       persen_pagu(sum(a.realisasi_kumulatif), sum(a.pagu)) AS persen_realisasi,
       persen_pagu(sum(a.realisasi_kumulatif), sum(a.pagu))
         - persen_pagu(sum(a.rencana_kumulatif), sum(a.pagu)) AS deviasi,
       fisik_tertimbang(a.realisasi_fisik, a.pagu) AS realisasi_fisik,
       count(l.bulan) AS opd_pagu_lra,
       count(r.tahun) FILTER (WHERE l.bulan IS NULL) AS opd_pagu_rak
FROM anggaran_bulanan a
LEFT JOIN lra l ON l.kode_opd = a.kode_opd AND l.tahun = a.tahun AND l.bulan = a.bulan
LEFT JOIN rak r ON r.kode_opd = a.kode_opd AND r.tahun = a.tahun
WHERE a.kode_pemda = $kode_pemda AND a.tahun IN ($tahun, $tahun - 1)
  AND cocok_filter(a.kode_pemda, a.kode_opd, $kelompok, $kode_urusan, $opd)
GROUP BY a.tahun, a.bulan
ORDER BY a.tahun, a.bulan;
