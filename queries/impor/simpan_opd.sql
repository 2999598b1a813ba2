INSERT OR REPLACE INTO opd (kode_pemda, kode_opd, nama_opd, singkatan, kode_urusan)
SELECT kode_pemda, kode_opd, nama_opd, singkatan, kode_urusan FROM baru_opd;
-- Bidang OPD dibaca dari kodenya (sampai tiga bidang); diganti seluruhnya.
DELETE FROM opd_bidang b
WHERE EXISTS (SELECT 1 FROM baru_opd n WHERE n.kode_pemda = b.kode_pemda AND n.kode_opd = b.kode_opd);
INSERT INTO opd_bidang (kode_pemda, kode_opd, kode_urusan)
SELECT DISTINCT kode_pemda, kode_opd, bidang
FROM (SELECT kode_pemda, kode_opd, unnest(bidang) AS bidang FROM baru_opd);
