-- Indikator yang capaiannya tidak dapat dihitung (n/a) pada satu periode dan
-- filter, dengan alasannya (status: target kosong, target nol, rentang tidak
-- lengkap, realisasi kosong, tidak dapat dihitung).
SELECT kode_opd, nama_opd, singkatan, indikator_id, indikator, tingkat, satuan, polaritas,
       target, target_atas, realisasi, coalesce(status, 'tidak dapat dihitung') AS status
FROM capaian_indikator_rinci
WHERE kode_pemda = $kode_pemda AND tahun = $tahun AND triwulan = $triwulan
  AND cocok_filter(kode_pemda, kode_opd, $kelompok, $kode_urusan, $opd)
  AND capaian IS NULL
ORDER BY nama_opd, kode_opd, indikator;
