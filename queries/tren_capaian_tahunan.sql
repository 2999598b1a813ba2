-- Capaian rata-rata OPD dalam filter (sektor, OPD) per tahun untuk satu triwulan,
-- dengan perubahan terhadap tahun sebelumnya (NULL bila tahun sebelumnya tidak ada).
WITH per_tahun AS (
    SELECT tahun,
           avg(capaian) AS capaian,
           count(*) AS jumlah_opd,
           count(capaian) AS jumlah_opd_dinilai
    FROM capaian_opd_rinci
    WHERE kode_pemda = $kode_pemda AND triwulan = $triwulan
      AND cocok_filter(kode_pemda, kode_opd, $kelompok, $kode_urusan, $opd)
    GROUP BY tahun
)
SELECT tahun, capaian, kategori_capaian(capaian) AS kategori, jumlah_opd, jumlah_opd_dinilai,
       CASE WHEN lag(tahun) OVER w = tahun - 1 THEN capaian - lag(capaian) OVER w END AS perubahan
FROM per_tahun
WINDOW w AS (ORDER BY tahun)
ORDER BY tahun;
