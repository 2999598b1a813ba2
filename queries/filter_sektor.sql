-- Kelompok urusan dan bidang yang dicakup OPD suatu pemda (pilihan filter sektor).
SELECT u.kelompok, u.kode_urusan, u.nama_urusan,
       min(u.kode_urusan) OVER (PARTITION BY u.kelompok) AS urutan_kelompok
FROM urusan u
WHERE u.kode_urusan IN (SELECT kode_urusan FROM opd_bidang WHERE kode_pemda = $kode_pemda)
ORDER BY urutan_kelompok, u.kode_urusan;
