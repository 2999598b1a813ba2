-- Realisasi kumulatif bulan sebelumnya per baris rincian (untuk berkas berisi angka
-- bulan itu saja): kumulatif = bulan sebelumnya + bulan ini.
SELECT kode_opd, kode, kelompok, realisasi_kumulatif
FROM anggaran_rinci
WHERE kode_pemda = $kode_pemda AND tahun = $tahun AND bulan = $bulan;
