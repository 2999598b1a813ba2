-- Riwayat kendala dan tindak lanjut satu OPD, semua periode, terbaru lebih dulu.
SELECT tahun, triwulan, urutan, kendala, tindak_lanjut
FROM kendala
WHERE kode_pemda = $kode_pemda AND kode_opd = $kode_opd
ORDER BY tahun DESC, triwulan DESC, urutan;
