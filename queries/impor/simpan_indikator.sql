INSERT OR REPLACE INTO indikator
    (kode_pemda, indikator_id, kode_opd, nama, satuan, polaritas, agregasi, tingkat, rentang_atas_baik)
SELECT kode_pemda, indikator_id, kode_opd, indikator, satuan, polaritas, agregasi, tingkat, rentang_atas_baik
FROM baru_indikator;
