-- Peringkat OPD dalam filter pada satu periode, menurut dasar $dasar:
--   'kinerja'  : capaian kinerja OPD (rata-rata capaian dibatasi, capaian_opd_rinci)
--   'serapan'  : skor penyerapan = realisasi terhadap rencana kas, maks. 100 (skor_serapan)
--   'gabungan' : skor_gabungan(capaian, skor penyerapan), bobot dari pengaturan
-- Anggaran diambil pada bulan akhir triwulan ($triwulan * 3) atau bulan terakhir
-- sebelumnya yang ada pada tahun itu. Peringkat dengan RANK() di dalam himpunan
-- yang difilter: nilai sama = peringkat sama; skor NULL tidak diberi peringkat
-- (di akhir daftar). skor_tanpa_batas = skor yang sama tanpa batas atas (capaian
-- indikator di atas 100%, serapan di atas rencana kas): hanya untuk tampilan pemecah
-- seri, bukan peringkat resmi. Peringkat tahun lalu memakai triwulan, dasar dan filter
-- yang sama, sehingga perubahan peringkat dapat dibaca langsung.
WITH bulan_anggaran AS (
    SELECT tahun, bulan FROM bulan_akhir_anggaran($kode_pemda, $triwulan)
    WHERE tahun IN ($tahun, $tahun - 1)
), kinerja AS (
    SELECT tahun, kode_opd, jumlah_indikator, jumlah_na, jumlah_dibatasi, capaian,
           capaian_tanpa_batas, kategori
    FROM capaian_opd_rinci
    WHERE kode_pemda = $kode_pemda AND triwulan = $triwulan AND tahun IN ($tahun, $tahun - 1)
), anggaran AS (
    SELECT a.tahun, a.bulan, a.kode_opd, a.pagu, a.realisasi_kumulatif,
           a.persen_rencana, a.persen_realisasi, a.deviasi
    FROM anggaran_opd_rinci a
    JOIN bulan_anggaran b ON b.tahun = a.tahun AND b.bulan = a.bulan
    WHERE a.kode_pemda = $kode_pemda
), gabung AS (
    SELECT coalesce(k.tahun, a.tahun) AS tahun,
           coalesce(k.kode_opd, a.kode_opd) AS kode_opd,
           k.jumlah_indikator, k.jumlah_na, k.jumlah_dibatasi, k.capaian, k.capaian_tanpa_batas, k.kategori,
           a.bulan AS bulan_anggaran, a.pagu, a.realisasi_kumulatif,
           a.persen_realisasi, a.persen_rencana, a.deviasi,
           skor_serapan(a.persen_realisasi, a.persen_rencana) AS skor_serapan,
           a.persen_realisasi / CASE WHEN a.persen_rencana > 0 THEN a.persen_rencana END * 100
               AS serapan_tanpa_batas
    FROM kinerja k
    FULL JOIN anggaran a ON a.tahun = k.tahun AND a.kode_opd = k.kode_opd
), skor AS (
    SELECT g.*, o.nama_opd, o.singkatan,
           skor_gabungan(g.capaian, g.skor_serapan) AS skor_gabungan,
           CASE $dasar
               WHEN 'kinerja' THEN g.capaian
               WHEN 'serapan' THEN g.skor_serapan
               WHEN 'gabungan' THEN skor_gabungan(g.capaian, g.skor_serapan)
               ELSE error('Dasar peringkat tidak dikenal: ' || $dasar)
           END AS skor,
           CASE $dasar
               WHEN 'kinerja' THEN g.capaian_tanpa_batas
               WHEN 'serapan' THEN g.serapan_tanpa_batas
               WHEN 'gabungan' THEN skor_gabungan(g.capaian_tanpa_batas, g.serapan_tanpa_batas)
           END AS skor_tanpa_batas
    FROM gabung g
    JOIN opd o ON o.kode_pemda = $kode_pemda AND o.kode_opd = g.kode_opd
    WHERE cocok_filter(o.kode_pemda, o.kode_opd, $kelompok, $kode_urusan, $opd)
), berperingkat AS (
    SELECT *,
           CASE WHEN skor IS NOT NULL THEN
               rank() OVER (PARTITION BY tahun ORDER BY round(skor, 6) DESC NULLS LAST)
           END AS peringkat,
           -- Tampilan pemecah seri: seri menurut skor dipecah dengan skor tanpa batas.
           CASE WHEN skor IS NOT NULL THEN
               rank() OVER (PARTITION BY tahun ORDER BY round(skor, 6) DESC NULLS LAST,
                                                        round(skor_tanpa_batas, 6) DESC NULLS LAST)
           END AS peringkat_pemecah_seri
    FROM skor
)
SELECT kini.kode_opd, kini.nama_opd, kini.singkatan,
       kini.jumlah_indikator, kini.jumlah_na,
       kini.capaian, kini.kategori,
       kini.bulan_anggaran, kini.pagu, kini.realisasi_kumulatif,
       kini.persen_realisasi, kini.persen_rencana, kini.deviasi,
       kini.skor_serapan, kini.skor_gabungan,
       kini.skor, kini.skor_tanpa_batas, kini.capaian_tanpa_batas, kini.jumlah_dibatasi,
       di_bawah_target(kini.skor) AS di_bawah_target,
       -- Pita untuk batang: kategori skor yang diperingkat (skala aktif).
       kategori_capaian(kini.skor) AS kategori_skor,
       kini.peringkat,
       count(kini.skor) OVER () AS jumlah_dinilai,
       -- OPD dalam filter yang berbagi peringkat ini (skor sama), termasuk OPD ini.
       CASE WHEN kini.peringkat IS NOT NULL THEN count(*) OVER (PARTITION BY kini.peringkat)
       END AS jumlah_sama_peringkat,
       -- Seri yang dibuat oleh batas atas: skor sama, skor tanpa batas berbeda.
       coalesce(kini.peringkat IS NOT NULL
                AND max(round(kini.skor_tanpa_batas, 6)) OVER (PARTITION BY kini.peringkat)
                    > min(round(kini.skor_tanpa_batas, 6)) OVER (PARTITION BY kini.peringkat), false)
           AS seri_karena_batas,
       kini.peringkat_pemecah_seri,
       CASE WHEN kini.peringkat_pemecah_seri IS NOT NULL
            THEN count(*) OVER (PARTITION BY kini.peringkat_pemecah_seri) END AS jumlah_sama_pemecah_seri,
       lalu.peringkat AS peringkat_lalu,
       lalu.skor AS skor_lalu,
       lalu.peringkat - kini.peringkat AS naik
FROM berperingkat kini
LEFT JOIN berperingkat lalu ON lalu.tahun = $tahun - 1 AND lalu.kode_opd = kini.kode_opd
WHERE kini.tahun = $tahun
ORDER BY kini.peringkat NULLS LAST, kini.nama_opd;
