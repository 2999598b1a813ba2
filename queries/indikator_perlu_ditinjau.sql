-- Indikator dengan capaian di atas ambang_perlu_ditinjau (status 'target perlu
-- ditinjau': target kemungkinan terlalu rendah), capaian mentah tertinggi dulu.
SELECT kode_opd, nama_opd, singkatan, indikator_id, indikator, tingkat, satuan, polaritas,
       target, target_atas, realisasi, capaian, capaian_dibatasi, tanda_batas, kategori
FROM capaian_indikator_rinci
WHERE kode_pemda = $kode_pemda AND tahun = $tahun AND triwulan = $triwulan
  AND cocok_filter(kode_pemda, kode_opd, $kelompok, $kode_urusan, $opd)
  AND status = 'target perlu ditinjau'
ORDER BY capaian DESC, nama_opd, indikator;
