-- Satu bulan LRA menggantikan bulan yang sama (bukan menambah): rincian dihapus lalu
-- ditulis ulang, dan baris OPD di anggaran_bulanan diperbarui (pagu, realisasi).
-- Rencana kas diambil dari RAK yang sudah dimuat bila ada; bila tidak, tetap.
DELETE FROM anggaran_rinci a
WHERE EXISTS (SELECT 1 FROM baru_lra b
              WHERE b.kode_pemda = a.kode_pemda AND b.kode_opd = a.kode_opd
                AND b.tahun = a.tahun AND b.bulan = a.bulan);
INSERT INTO anggaran_rinci (kode_pemda, kode_opd, tahun, bulan, kode, tingkat, uraian, kelompok, pagu,
                            realisasi_kumulatif)
SELECT kode_pemda, kode_opd, tahun, bulan, kode, tingkat, uraian, kelompok, pagu, realisasi_kumulatif
FROM baru_lra;
INSERT INTO anggaran_bulanan AS ab (kode_pemda, kode_opd, tahun, bulan, pagu, rencana_kumulatif,
                                    realisasi_kumulatif, realisasi_fisik)
SELECT b.kode_pemda, b.kode_opd, b.tahun, b.bulan, sum(b.pagu),
       (SELECT sum(r.rencana) FROM rak_rinci r
        WHERE r.kode_pemda = b.kode_pemda AND r.kode_opd = b.kode_opd AND r.tahun = b.tahun
          AND r.tingkat = 'opd' AND r.bulan <= b.bulan),
       sum(b.realisasi_kumulatif), NULL
FROM baru_lra b
WHERE b.tingkat = 'opd'
GROUP BY b.kode_pemda, b.kode_opd, b.tahun, b.bulan
ON CONFLICT (kode_pemda, kode_opd, tahun, bulan) DO UPDATE SET
    pagu = excluded.pagu,
    realisasi_kumulatif = excluded.realisasi_kumulatif,
    rencana_kumulatif = coalesce(excluded.rencana_kumulatif, ab.rencana_kumulatif);
