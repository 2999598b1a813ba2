-- Cakupan data per pemda: jumlah OPD, indikator, rentang tahun kinerja dan anggaran.
SELECT p.kode_pemda, p.nama_pemda,
       (SELECT count(*) FROM opd o WHERE o.kode_pemda = p.kode_pemda) AS jumlah_opd,
       (SELECT count(*) FROM indikator i WHERE i.kode_pemda = p.kode_pemda) AS jumlah_indikator,
       (SELECT min(tahun) FROM target_realisasi t WHERE t.kode_pemda = p.kode_pemda) AS tahun_awal,
       (SELECT max(tahun) FROM target_realisasi t WHERE t.kode_pemda = p.kode_pemda) AS tahun_akhir,
       (SELECT count(*) FROM target_realisasi t WHERE t.kode_pemda = p.kode_pemda) AS baris_capaian,
       (SELECT count(*) FROM anggaran_bulanan a WHERE a.kode_pemda = p.kode_pemda) AS baris_anggaran
FROM pemda p
ORDER BY p.nama_pemda;
