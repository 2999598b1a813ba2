-- Indikator satu OPD pada satu periode: target, realisasi, capaian mentah dan
-- dibatasi, kategori, dan tanda yang menjelaskan n/a atau nilai janggal.
SELECT indikator_id, indikator, tingkat, satuan, polaritas, target, target_atas, realisasi,
       capaian, capaian_dibatasi, tanda_batas, kategori, status,
       CASE WHEN status IN ('target kosong', 'target nol', 'rentang tidak lengkap',
                            'realisasi kosong', 'tidak dapat dihitung')
            THEN 'n/a: ' || status
            ELSE status END AS tanda,
       di_bawah_target(capaian) AS di_bawah_target
FROM capaian_indikator_rinci
WHERE kode_pemda = $kode_pemda AND tahun = $tahun AND triwulan = $triwulan AND kode_opd = $kode_opd
ORDER BY CASE tingkat WHEN 'IKU' THEN 1 WHEN 'program' THEN 2 ELSE 3 END, indikator_id;
