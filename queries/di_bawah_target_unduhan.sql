-- Daftar lengkap untuk diunduh: setiap indikator di bawah ambang (semua OPD,
-- bukan hanya yang tampil di layar) dengan capaian OPD-nya dan kendala serta
-- tindak lanjut OPD pada periode itu (beberapa kendala digabung, satu per baris).
-- Ambang seperti di_bawah_target_ringkas.sql; urutan sama dengan halaman.
WITH skala AS (
    SELECT label, urutan FROM skala_kategori
    WHERE skala = (SELECT nilai FROM pengaturan WHERE kunci = 'skala_aktif')
), per_opd AS (
    SELECT kode_opd, capaian AS capaian_opd, kategori AS kategori_opd, peringkat
    FROM capaian_opd_rinci
    WHERE kode_pemda = $kode_pemda AND tahun = $tahun AND triwulan = $triwulan
      AND cocok_filter(kode_pemda, kode_opd, $kelompok, $kode_urusan, $opd)
), per_indikator AS (
    SELECT kode_pemda, tahun, triwulan, kode_opd, nama_opd, singkatan, indikator_id, indikator,
           tingkat, satuan, polaritas, target, target_atas, realisasi, capaian, capaian_dibatasi, tanda_batas,
           kategori, status
    FROM capaian_indikator_rinci
    WHERE kode_pemda = $kode_pemda AND tahun = $tahun AND triwulan = $triwulan
      AND cocok_filter(kode_pemda, kode_opd, $kelompok, $kode_urusan, $opd)
), catatan AS (
    SELECT kode_opd,
           string_agg(kendala, chr(10) ORDER BY urutan) AS kendala,
           string_agg(coalesce(tindak_lanjut, '-'), chr(10) ORDER BY urutan) AS tindak_lanjut
    FROM kendala
    WHERE kode_pemda = $kode_pemda AND tahun = $tahun AND triwulan = $triwulan
    GROUP BY kode_opd
)
SELECT i.tahun, i.triwulan, i.kode_opd, i.nama_opd, i.singkatan,
       o.capaian_opd, o.kategori_opd, o.peringkat,
       i.indikator_id, i.indikator, i.tingkat, i.satuan,
       i.polaritas, i.target, i.target_atas, i.realisasi, i.capaian, i.capaian_dibatasi, i.tanda_batas, i.kategori, i.status,
       c.kendala, c.tindak_lanjut
FROM per_indikator i
JOIN per_opd o ON o.kode_opd = i.kode_opd
LEFT JOIN skala s ON s.label = i.kategori
LEFT JOIN catatan c ON c.kode_opd = i.kode_opd
WHERE di_bawah_ambang(i.capaian, s.urutan, $ambang, $urutan_kategori)
ORDER BY o.capaian_opd ASC NULLS LAST, i.nama_opd, i.kode_opd, i.capaian ASC, i.indikator;
