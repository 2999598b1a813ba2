-- Paket rapat: semua indikator OPD dalam filter pada satu periode, dengan
-- capaian, kategori dan keterangan, urut OPD lalu indikator.
SELECT kode_opd, nama_opd, singkatan, indikator_id, indikator, tingkat, satuan, polaritas,
       target, target_atas, realisasi, capaian, capaian_dibatasi, tanda_batas, kategori, status
FROM capaian_indikator_rinci
WHERE kode_pemda = $kode_pemda AND tahun = $tahun AND triwulan = $triwulan
  AND cocok_filter(kode_pemda, kode_opd, $kelompok, $kode_urusan, $opd)
ORDER BY nama_opd, kode_opd, indikator, indikator_id;
