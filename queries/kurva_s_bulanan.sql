-- Kurva S (serapan anggaran terhadap rencana kas) per unit per bulan, tahun terpilih dan tahun
-- sebelumnya, untuk jenis unit dalam $jenis (daftar):
--   'pemda'  kode '': semua OPD dalam filter digabung (halaman Tren, Profil OPD, paket rapat);
--   'opd'    setiap OPD dalam filter (slide OPD);
--   'bidang' setiap bidang urusan, anggota seperti paket_bidang.sql (slide bidang).
-- Persen dihitung dari pagu bulan itu sendiri (pagu berubah setelah APBD-P); bulan tanpa data
-- tidak muncul (bukan nol). Fisik dibobot pagu. opd_pagu_lra / opd_pagu_rak: berapa OPD yang
-- pagu bulannya dari LRA SIPD bulan itu, dan dari RAK SIPD (bulan tanpa LRA); sisanya dari
-- templat impor. Satu kueri untuk semua kurva: layar dan cetakan menghitungnya sama.
WITH lra AS (
    SELECT DISTINCT kode_opd, tahun, bulan FROM anggaran_rinci
    WHERE kode_pemda = $kode_pemda AND tahun IN ($tahun, $tahun - 1)
), rak AS (
    SELECT DISTINCT kode_opd, tahun FROM rak_rinci
    WHERE kode_pemda = $kode_pemda AND tahun IN ($tahun, $tahun - 1)
), dalam_filter AS (
    SELECT kode_opd FROM opd
    WHERE kode_pemda = $kode_pemda AND cocok_filter(kode_pemda, kode_opd, $kelompok, $kode_urusan, $opd)
), unit AS (
    SELECT 'pemda' AS jenis, '' AS kode, kode_opd FROM dalam_filter WHERE list_contains($jenis, 'pemda')
    UNION ALL
    SELECT 'opd', kode_opd, kode_opd FROM dalam_filter WHERE list_contains($jenis, 'opd')
    UNION ALL
    SELECT 'bidang', kode_urusan, kode_opd FROM anggota_bidang($kode_pemda, $kelompok, $opd)
    WHERE list_contains($jenis, 'bidang')
)
SELECT u.jenis, u.kode, a.tahun, a.bulan,
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
FROM unit u
JOIN anggaran_bulanan a ON a.kode_pemda = $kode_pemda AND a.kode_opd = u.kode_opd
     AND a.tahun IN ($tahun, $tahun - 1)
LEFT JOIN lra l ON l.kode_opd = a.kode_opd AND l.tahun = a.tahun AND l.bulan = a.bulan
LEFT JOIN rak r ON r.kode_opd = a.kode_opd AND r.tahun = a.tahun
GROUP BY u.jenis, u.kode, a.tahun, a.bulan
ORDER BY u.jenis, u.kode, a.tahun, a.bulan;
