-- Capaian setiap OPD (dalam filter) pada periode ini dan periode yang sama tahun lalu,
-- untuk poin penting: penurunan dan kenaikan terbesar.
SELECT k.kode_opd, k.nama_opd, k.singkatan, k.capaian, k.kategori,
       l.capaian AS capaian_lalu, k.capaian - l.capaian AS perubahan
FROM capaian_opd_rinci k
LEFT JOIN capaian_opd_rinci l
       ON l.kode_pemda = k.kode_pemda AND l.kode_opd = k.kode_opd
      AND l.tahun = k.tahun - 1 AND l.triwulan = k.triwulan
WHERE k.kode_pemda = $kode_pemda AND k.tahun = $tahun AND k.triwulan = $triwulan
  AND cocok_filter(k.kode_pemda, k.kode_opd, $kelompok, $kode_urusan, $opd)
ORDER BY perubahan NULLS LAST, k.nama_opd;
