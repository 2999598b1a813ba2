-- Kendala dan tindak lanjut periode ini untuk OPD yang punya indikator di bawah
-- ambang (ambang seperti di_bawah_target_ringkas.sql), urut per OPD.
WITH skala AS (
    SELECT label, urutan FROM skala_kategori
    WHERE skala = (SELECT nilai FROM pengaturan WHERE kunci = 'skala_aktif')
), per_indikator AS (
    SELECT kode_opd, capaian, kategori
    FROM capaian_indikator_rinci
    WHERE kode_pemda = $kode_pemda AND tahun = $tahun AND triwulan = $triwulan
      AND cocok_filter(kode_pemda, kode_opd, $kelompok, $kode_urusan, $opd)
), opd_bawah AS (
    SELECT DISTINCT p.kode_opd
    FROM per_indikator p LEFT JOIN skala s ON s.label = p.kategori
    WHERE di_bawah_ambang(p.capaian, s.urutan, $ambang, $urutan_kategori)
)
SELECT k.kode_opd, k.urutan, k.kendala, k.tindak_lanjut
FROM kendala k
JOIN opd_bawah b ON b.kode_opd = k.kode_opd
WHERE k.kode_pemda = $kode_pemda AND k.tahun = $tahun AND k.triwulan = $triwulan
ORDER BY k.kode_opd, k.urutan;
