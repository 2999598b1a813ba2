-- Ringkasan kinerja pemda per tahun untuk satu triwulan (untuk kartu, perbandingan
-- dengan tahun lalu dan garis kecil tren). Capaian pemda = rata-rata capaian OPD
-- dalam filter (sektor, OPD).
SELECT tahun,
       avg(capaian) AS capaian,
       kategori_capaian(avg(capaian)) AS kategori,
       count(*) AS jumlah_opd,
       count(capaian) AS jumlah_opd_dinilai,
       count(*) FILTER (WHERE capaian < pengaturan_angka('ambang_di_bawah_target')) AS jumlah_opd_di_bawah_target,
       sum(jumlah_indikator) AS jumlah_indikator,
       sum(jumlah_na) AS jumlah_indikator_na,
       sum(jumlah_perlu_ditinjau) AS jumlah_perlu_ditinjau,
       sum(jumlah_di_bawah_target) AS jumlah_indikator_di_bawah_target
FROM capaian_opd_rinci
WHERE kode_pemda = $kode_pemda AND triwulan = $triwulan
  AND cocok_filter(kode_pemda, kode_opd, $kelompok, $kode_urusan, $opd)
GROUP BY tahun
ORDER BY tahun;
