-- Paket rapat, slide per bidang urusan: untuk setiap bidang yang dicakup OPD dalam
-- filter, anggotanya dan capaian bidang. Anggota seperti filter sektor di Mode Rapat
-- (cocok_filter dengan bidang itu): semua OPD yang kodenya mencakup bidang tersebut
-- (opd_bidang), dibatasi kelompok dan daftar OPD filter. Capaian bidang = rata-rata
-- capaian OPD anggotanya, seperti ringkasan_kinerja_tahunan. Satu kueri untuk semua bidang.
SELECT a.kode_urusan,
       avg(o.capaian) AS capaian,
       kategori_capaian(avg(o.capaian)) AS kategori,
       count(*) AS jumlah_opd,
       count(o.capaian) AS jumlah_opd_dinilai,
       count(*) FILTER (WHERE o.di_bawah_target) AS jumlah_opd_di_bawah_target,
       list(o.kode_opd ORDER BY o.peringkat NULLS LAST, o.nama_opd, o.kode_opd) AS anggota
FROM anggota_bidang($kode_pemda, $kelompok, $opd) a
JOIN capaian_opd_rinci o ON o.kode_pemda = $kode_pemda AND o.kode_opd = a.kode_opd
     AND o.tahun = $tahun AND o.triwulan = $triwulan
GROUP BY a.kode_urusan
ORDER BY a.kode_urusan;
