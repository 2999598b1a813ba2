-- Paket rapat: kendala dan tindak lanjut setiap OPD dalam filter pada satu periode,
-- dengan capaian OPD-nya; urut capaian terendah dulu, lalu urutan kendala.
SELECT k.kode_opd, o.nama_opd, o.singkatan, c.capaian, c.kategori,
       k.urutan, k.kendala, k.tindak_lanjut
FROM kendala k
JOIN opd o ON o.kode_pemda = k.kode_pemda AND o.kode_opd = k.kode_opd
LEFT JOIN capaian_opd_rinci c ON c.kode_pemda = k.kode_pemda AND c.kode_opd = k.kode_opd
     AND c.tahun = k.tahun AND c.triwulan = k.triwulan
WHERE k.kode_pemda = $kode_pemda AND k.tahun = $tahun AND k.triwulan = $triwulan
  AND cocok_filter(k.kode_pemda, k.kode_opd, $kelompok, $kode_urusan, $opd)
ORDER BY c.capaian ASC NULLS LAST, o.nama_opd, k.kode_opd, k.urutan;
