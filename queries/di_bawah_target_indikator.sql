-- Indikator di bawah ambang, dikelompokkan per OPD terburuk dulu lalu capaian
-- terendah. Ambang seperti di_bawah_target_ringkas.sql. Capaian mentah (dipotong
-- di 0; status menjelaskan), kategori dari capaian yang dibatasi.
WITH skala AS (
    SELECT label, urutan FROM skala_kategori
    WHERE skala = (SELECT nilai FROM pengaturan WHERE kunci = 'skala_aktif')
), per_opd AS (
    SELECT kode_opd, capaian AS capaian_opd
    FROM capaian_opd_rinci
    WHERE kode_pemda = $kode_pemda AND tahun = $tahun AND triwulan = $triwulan
      AND cocok_filter(kode_pemda, kode_opd, $kelompok, $kode_urusan, $opd)
), per_indikator AS (
    SELECT kode_opd, nama_opd, singkatan, indikator_id, indikator, tingkat, satuan, polaritas,
           target, target_atas, realisasi, capaian, capaian_dibatasi, tanda_batas, kategori, status
    FROM capaian_indikator_rinci
    WHERE kode_pemda = $kode_pemda AND tahun = $tahun AND triwulan = $triwulan
      AND cocok_filter(kode_pemda, kode_opd, $kelompok, $kode_urusan, $opd)
)
SELECT i.kode_opd, i.nama_opd, i.singkatan, o.capaian_opd, i.indikator_id, i.indikator, i.tingkat,
       i.satuan, i.polaritas, i.target, i.target_atas, i.realisasi, i.capaian, i.capaian_dibatasi, i.tanda_batas,
       i.kategori, i.status
FROM per_indikator i
JOIN per_opd o ON o.kode_opd = i.kode_opd
LEFT JOIN skala s ON s.label = i.kategori
WHERE di_bawah_ambang(i.capaian, s.urutan, $ambang, $urutan_kategori)
ORDER BY o.capaian_opd ASC NULLS LAST, i.nama_opd, i.kode_opd, i.capaian ASC, i.indikator;
