-- Jumlah OPD per pita skala aktif (pita tanpa OPD tetap tampil dengan 0).
SELECT s.urutan, s.label, s.warna, s.warna_teks, count(o.kode_opd) AS jumlah_opd
FROM skala_kategori s
LEFT JOIN capaian_opd_rinci o
       ON o.kategori = s.label AND o.kode_pemda = $kode_pemda
      AND o.tahun = $tahun AND o.triwulan = $triwulan
      AND cocok_filter(o.kode_pemda, o.kode_opd, $kelompok, $kode_urusan, $opd)
WHERE s.skala = (SELECT nilai FROM pengaturan WHERE kunci = 'skala_aktif')
GROUP BY ALL
ORDER BY s.urutan;
