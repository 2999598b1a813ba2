-- Mode Rapat: kendala dan tindak lanjut satu OPD pada satu periode, urut laporan.
SELECT urutan, kendala, tindak_lanjut
FROM kendala
WHERE kode_pemda = $kode_pemda AND kode_opd = $kode_opd AND tahun = $tahun AND triwulan = $triwulan
ORDER BY urutan;
