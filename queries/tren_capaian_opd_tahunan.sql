-- Capaian tiap OPD dalam filter per tahun untuk satu triwulan, dengan perubahan
-- terhadap tahun sebelumnya dan peringkatnya di antara SEMUA OPD pemda pada periode itu
-- (dari dinilai = jumlah OPD yang capaiannya dapat dihitung). Dipakai Tren (1-6 OPD
-- terpilih) dan Profil OPD (satu OPD).
WITH periode AS (
    SELECT tahun, count(peringkat) AS jumlah_opd_dinilai
    FROM capaian_opd_rinci
    WHERE kode_pemda = $kode_pemda AND triwulan = $triwulan
    GROUP BY tahun
), per_opd AS (
    SELECT c.tahun, c.kode_opd, c.nama_opd, c.singkatan, c.capaian, c.kategori, c.peringkat,
           p.jumlah_opd_dinilai,
           -- OPD pemda yang berbagi peringkat ini (nilai sama), termasuk OPD ini.
           CASE WHEN c.peringkat IS NOT NULL THEN (SELECT count(*) FROM capaian_opd_rinci s
            WHERE s.kode_pemda = c.kode_pemda AND s.tahun = c.tahun AND s.triwulan = c.triwulan
              AND s.peringkat = c.peringkat) END AS jumlah_sama_peringkat,
           c.jumlah_indikator, c.jumlah_terhitung, c.jumlah_na,
           c.jumlah_perlu_ditinjau, c.jumlah_di_bawah_target
    FROM capaian_opd_rinci c
    JOIN periode p USING (tahun)
    WHERE c.kode_pemda = $kode_pemda AND c.triwulan = $triwulan
      AND cocok_filter(c.kode_pemda, c.kode_opd, $kelompok, $kode_urusan, $opd)
)
SELECT *,
       CASE WHEN lag(tahun) OVER w = tahun - 1 THEN capaian - lag(capaian) OVER w END AS perubahan
FROM per_opd
WINDOW w AS (PARTITION BY kode_opd ORDER BY tahun)
ORDER BY kode_opd, tahun;
