-- Capaian rata-rata OPD dalam filter (sektor, OPD) per tahun untuk satu triwulan,
-- dengan perubahan terhadap tahun sebelumnya (NULL bila tahun sebelumnya tidak ada).
WITH per_tahun AS (
    -- Kolom masukan dikualifikasi (o.): alias "capaian" bernama sama.
    SELECT o.tahun,
           avg(o.capaian) AS capaian,
           count(*) AS jumlah_opd,
           count(o.capaian) AS jumlah_opd_dinilai
    FROM capaian_opd_rinci o
    WHERE o.kode_pemda = $kode_pemda AND o.triwulan = $triwulan
      AND cocok_filter(o.kode_pemda, o.kode_opd, $kelompok, $kode_urusan, $opd)
    GROUP BY o.tahun
)
SELECT tahun, capaian, kategori_capaian(capaian) AS kategori, jumlah_opd, jumlah_opd_dinilai,
       CASE WHEN lag(tahun) OVER w = tahun - 1 THEN capaian - lag(capaian) OVER w END AS perubahan
FROM per_tahun
WINDOW w AS (ORDER BY tahun)
ORDER BY tahun;
