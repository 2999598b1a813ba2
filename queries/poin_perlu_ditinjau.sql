-- Indikator dengan capaian di atas ambang "target perlu ditinjau", tertinggi dulu.
SELECT kode_opd, nama_opd, singkatan, indikator, satuan, target, realisasi, capaian
FROM capaian_indikator_rinci
WHERE kode_pemda = $kode_pemda AND tahun = $tahun AND triwulan = $triwulan
  AND status = 'target perlu ditinjau'
  AND cocok_filter(kode_pemda, kode_opd, $kelompok, $kode_urusan, $opd)
ORDER BY capaian DESC, nama_opd;
