INSERT OR REPLACE INTO anggaran_bulanan
    (kode_pemda, kode_opd, tahun, bulan, pagu, rencana_kumulatif, realisasi_kumulatif, realisasi_fisik)
SELECT kode_pemda, kode_opd, tahun, bulan, pagu, rak_kumulatif, realisasi_kumulatif, realisasi_fisik
FROM baru_anggaran;
