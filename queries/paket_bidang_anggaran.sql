-- Paket rapat, kurva S per bidang urusan: serapan anggaran gabungan OPD anggota
-- setiap bidang (anggota seperti paket_bidang.sql) per bulan pada tahun terpilih,
-- s.d. bulan akhir triwulan. Persen dari pagu bulan itu (seperti tren_anggaran_bulanan);
-- bulan tanpa data tidak muncul (bukan nol). Satu kueri untuk semua bidang.
SELECT g.kode_urusan, a.bulan,
       count(*) AS jumlah_opd,
       sum(a.pagu) AS pagu,
       sum(a.rencana_kumulatif) AS rencana_kumulatif,
       sum(a.realisasi_kumulatif) AS realisasi_kumulatif,
       persen_pagu(sum(a.rencana_kumulatif), sum(a.pagu)) AS persen_rencana,
       persen_pagu(sum(a.realisasi_kumulatif), sum(a.pagu)) AS persen_realisasi,
       persen_pagu(sum(a.realisasi_kumulatif), sum(a.pagu))
         - persen_pagu(sum(a.rencana_kumulatif), sum(a.pagu)) AS deviasi,
       fisik_tertimbang(a.realisasi_fisik, a.pagu) AS realisasi_fisik
FROM anggota_bidang($kode_pemda, $kelompok, $opd) g
JOIN anggaran_bulanan a ON a.kode_pemda = $kode_pemda AND a.kode_opd = g.kode_opd
WHERE a.tahun = $tahun AND a.bulan <= $triwulan * 3
GROUP BY g.kode_urusan, a.bulan
ORDER BY g.kode_urusan, a.bulan;
