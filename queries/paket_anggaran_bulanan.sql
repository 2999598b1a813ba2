-- Paket rapat: pagu, rencana kas dan realisasi setiap OPD dalam filter per bulan
-- pada tahun terpilih, s.d. bulan akhir triwulan ($triwulan * 3). Bulan tanpa
-- data tidak muncul (bukan nol).
SELECT kode_opd, nama_opd, singkatan, bulan, pagu, rencana_kumulatif, realisasi_kumulatif,
       persen_rencana, persen_realisasi, deviasi, realisasi_fisik
FROM anggaran_opd_rinci
WHERE kode_pemda = $kode_pemda AND tahun = $tahun AND bulan <= $triwulan * 3
  AND cocok_filter(kode_pemda, kode_opd, $kelompok, $kode_urusan, $opd)
ORDER BY nama_opd, kode_opd, bulan;
