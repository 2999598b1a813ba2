-- RAK setahun menggantikan RAK OPD itu untuk tahun itu; rencana kumulatif OPD per
-- bulan masuk anggaran_bulanan. Pagu dari LRA (bila sudah ada) dipertahankan.
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
