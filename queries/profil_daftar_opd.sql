-- OPD yang dapat diprofilkan: semua OPD dalam sektor terpilih (daftar OPD filter
-- diabaikan), dengan bidang utamanya untuk kepala halaman.
SELECT o.kode_opd, o.nama_opd, o.singkatan, o.kode_urusan, u.nama_urusan
FROM opd o
LEFT JOIN urusan u ON u.kode_urusan = o.kode_urusan
WHERE o.kode_pemda = $kode_pemda
  AND cocok_filter(o.kode_pemda, o.kode_opd, $kelompok, $kode_urusan, [])
ORDER BY o.kode_opd;
