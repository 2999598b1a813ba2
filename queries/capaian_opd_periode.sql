-- Capaian setiap OPD pada satu periode, urut peringkat (OPD tanpa capaian di akhir).
SELECT kode_opd, nama_opd, singkatan, kode_urusan, jumlah_indikator, jumlah_na,
       jumlah_perlu_ditinjau, capaian, kategori, di_bawah_target, peringkat
FROM capaian_opd_rinci
WHERE kode_pemda = $kode_pemda AND tahun = $tahun AND triwulan = $triwulan
  AND cocok_filter(kode_pemda, kode_opd, $kelompok, $kode_urusan, $opd)
ORDER BY peringkat NULLS LAST, nama_opd;
