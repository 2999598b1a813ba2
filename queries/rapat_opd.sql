-- Mode Rapat: satu baris per OPD dalam filter pada satu periode, untuk menyusun
-- slide (urutan, himpunan, per bidang) dan isi slide OPD: capaian, kategori,
-- peringkat di antara semua OPD pemda, jumlah indikator di bawah target, bidang
-- urusan utama, dan realisasi keuangan pada bulan akhir triwulan (atau bulan
-- terakhir yang ada sebelumnya pada tahun itu).
WITH bulan_akhir AS (
    SELECT bulan FROM bulan_akhir_anggaran($kode_pemda, $triwulan) WHERE tahun = $tahun
), anggaran AS (
    SELECT a.kode_opd, a.bulan, a.pagu, a.realisasi_kumulatif, a.persen_rencana,
           a.persen_realisasi, a.deviasi
    FROM anggaran_opd_rinci a
    JOIN bulan_akhir b ON a.bulan = b.bulan
    WHERE a.kode_pemda = $kode_pemda AND a.tahun = $tahun
)
SELECT o.kode_opd, o.nama_opd, o.singkatan, o.kode_urusan, u.nama_urusan,
       o.jumlah_indikator, o.jumlah_terhitung, o.jumlah_na, o.jumlah_di_bawah_target,
       o.capaian, o.kategori, o.di_bawah_target, o.jumlah_dibatasi, o.jumlah_dipotong,
       o.peringkat,
       (SELECT count(capaian) FROM capaian_opd_rinci
        WHERE kode_pemda = $kode_pemda AND tahun = $tahun AND triwulan = $triwulan) AS jumlah_opd_dinilai,
       -- OPD yang berbagi peringkat ini (nilai sama), termasuk OPD ini; NULL bila tanpa peringkat.
       CASE WHEN o.peringkat IS NOT NULL THEN (SELECT count(*) FROM capaian_opd_rinci s
        WHERE s.kode_pemda = o.kode_pemda AND s.tahun = o.tahun AND s.triwulan = o.triwulan
          AND s.peringkat = o.peringkat) END AS jumlah_sama_peringkat,
       a.bulan AS bulan_anggaran, a.pagu, a.realisasi_kumulatif, a.persen_rencana,
       a.persen_realisasi, a.deviasi
FROM capaian_opd_rinci o
LEFT JOIN urusan u ON u.kode_urusan = o.kode_urusan
LEFT JOIN anggaran a ON a.kode_opd = o.kode_opd
WHERE o.kode_pemda = $kode_pemda AND o.tahun = $tahun AND o.triwulan = $triwulan
  AND cocok_filter(o.kode_pemda, o.kode_opd, $kelompok, $kode_urusan, $opd)
ORDER BY o.peringkat NULLS LAST, o.nama_opd, o.kode_opd;
