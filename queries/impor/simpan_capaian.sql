INSERT OR REPLACE INTO target_realisasi
    (kode_pemda, indikator_id, tahun, triwulan, target, target_atas, realisasi)
SELECT kode_pemda, indikator_id, tahun, triwulan, target, target_atas, realisasi
FROM baru_capaian;
