-- Pita skala kategori yang berlaku; label dan warna dibaca dari tabel yang sama
-- dengan makro kategori_capaian.
SELECT urutan, label, batas_bawah, warna, warna_teks
FROM skala_kategori
WHERE skala = (SELECT nilai FROM pengaturan WHERE kunci = 'skala_aktif')
ORDER BY urutan;
