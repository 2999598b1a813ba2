-- Ringkasan kinerja pemda per tahun untuk satu triwulan (untuk kartu, perbandingan
-- dengan tahun lalu dan garis kecil tren). Capaian pemda = rata-rata capaian OPD
-- dalam filter (sektor, OPD). Kolom dikualifikasi (o.) agar tidak tertukar dengan alias.
SELECT o.tahun,
       avg(o.capaian) AS capaian,
       kategori_capaian(avg(o.capaian)) AS kategori,
       count(*) AS jumlah_opd,
       count(o.capaian) AS jumlah_opd_dinilai,
       count(*) FILTER (WHERE o.di_bawah_target) AS jumlah_opd_di_bawah_target,
       sum(o.jumlah_indikator) AS jumlah_indikator,
       sum(o.jumlah_na) AS jumlah_indikator_na,
       sum(o.jumlah_perlu_ditinjau) AS jumlah_perlu_ditinjau,
       sum(o.jumlah_di_bawah_target) AS jumlah_indikator_di_bawah_target
FROM capaian_opd_rinci o
WHERE kode_pemda = $kode_pemda AND triwulan = $triwulan
  AND cocok_filter(kode_pemda, kode_opd, $kelompok, $kode_urusan, $opd)
GROUP BY o.tahun
ORDER BY o.tahun;
