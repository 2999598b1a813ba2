-- RAK setahun menggantikan RAK OPD itu untuk tahun itu; rencana kumulatif OPD per
-- bulan masuk anggaran_bulanan. Pagu bulan yang LRA-nya sudah dimuat tetap pagu LRA;
-- bulan lain memakai pagu RAK ini (juga bila RAK sebelumnya berpagu lain).
DELETE FROM rak_rinci r
WHERE EXISTS (SELECT 1 FROM baru_rak b
              WHERE b.kode_pemda = r.kode_pemda AND b.kode_opd = r.kode_opd AND b.tahun = r.tahun);
INSERT INTO rak_rinci (kode_pemda, kode_opd, tahun, kode, tingkat, uraian, pagu, bulan, rencana)
SELECT kode_pemda, kode_opd, tahun, kode, tingkat, uraian, pagu, bulan, rencana FROM baru_rak;
INSERT INTO anggaran_bulanan AS ab (kode_pemda, kode_opd, tahun, bulan, pagu, rencana_kumulatif,
                                    realisasi_kumulatif, realisasi_fisik)
SELECT kode_pemda, kode_opd, tahun, bulan, pagu,
       sum(rencana) OVER (PARTITION BY kode_pemda, kode_opd, tahun ORDER BY bulan), NULL, NULL
FROM baru_rak
WHERE tingkat = 'opd'
ON CONFLICT (kode_pemda, kode_opd, tahun, bulan) DO UPDATE SET
    rencana_kumulatif = excluded.rencana_kumulatif,
    pagu = coalesce(ab.pagu, excluded.pagu);
UPDATE anggaran_bulanan AS ab SET pagu = b.pagu
FROM baru_rak b
WHERE b.tingkat = 'opd' AND b.kode_pemda = ab.kode_pemda AND b.kode_opd = ab.kode_opd
  AND b.tahun = ab.tahun AND b.bulan = ab.bulan
  AND NOT EXISTS (SELECT 1 FROM anggaran_rinci l
                  WHERE l.kode_pemda = ab.kode_pemda AND l.kode_opd = ab.kode_opd
                    AND l.tahun = ab.tahun AND l.bulan = ab.bulan);
