-- OPD yang punya sedikitnya satu indikator di bawah ambang, terburuk dulu
-- (capaian OPD terendah). Ambang seperti di_bawah_target_ringkas.sql.
-- opd_di_bawah: capaian OPD sendiri di bawah ambang (dihitung di kepala halaman).
-- jumlah_opd_diperingkat: pembagi peringkat ("peringkat 38 dari 47"), atas semua OPD pemda.
WITH skala AS (
    SELECT label, urutan FROM skala_kategori
    WHERE skala = (SELECT nilai FROM pengaturan WHERE kunci = 'skala_aktif')
), per_opd AS (
    SELECT kode_opd, nama_opd, singkatan, capaian, kategori, peringkat,
           jumlah_indikator, jumlah_terhitung, jumlah_na
    FROM capaian_opd_rinci
    WHERE kode_pemda = $kode_pemda AND tahun = $tahun AND triwulan = $triwulan
      AND cocok_filter(kode_pemda, kode_opd, $kelompok, $kode_urusan, $opd)
), per_indikator AS (
    SELECT kode_opd, capaian, kategori
    FROM capaian_indikator_rinci
    WHERE kode_pemda = $kode_pemda AND tahun = $tahun AND triwulan = $triwulan
      AND cocok_filter(kode_pemda, kode_opd, $kelompok, $kode_urusan, $opd)
), bawah AS (
    SELECT p.kode_opd, count(*) AS jumlah_di_bawah
    FROM per_indikator p LEFT JOIN skala s ON s.label = p.kategori
    WHERE di_bawah_ambang(p.capaian, s.urutan, $ambang, $urutan_kategori)
    GROUP BY p.kode_opd
)
SELECT o.kode_opd, o.nama_opd, o.singkatan, o.capaian, o.kategori, o.peringkat,
       (SELECT count(capaian) FROM capaian_opd_rinci
        WHERE kode_pemda = $kode_pemda AND tahun = $tahun AND triwulan = $triwulan) AS jumlah_opd_diperingkat,
       o.jumlah_indikator, o.jumlah_terhitung, o.jumlah_na, b.jumlah_di_bawah,
       di_bawah_ambang(o.capaian, s.urutan, $ambang, $urutan_kategori) AS opd_di_bawah
FROM per_opd o
JOIN bawah b ON b.kode_opd = o.kode_opd
LEFT JOIN skala s ON s.label = o.kategori
ORDER BY o.capaian ASC NULLS LAST, o.nama_opd, o.kode_opd;
