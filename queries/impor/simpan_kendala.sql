-- Kendala suatu OPD dan periode diganti seluruhnya oleh isi berkas baru.
DELETE FROM kendala k
WHERE EXISTS (SELECT 1 FROM baru_kendala b
              WHERE b.kode_pemda = k.kode_pemda AND b.kode_opd = k.kode_opd
                AND b.tahun = k.tahun AND b.triwulan = k.triwulan);
INSERT INTO kendala (kode_pemda, kode_opd, tahun, triwulan, urutan, kendala, tindak_lanjut)
SELECT kode_pemda, kode_opd, tahun, triwulan,
       row_number() OVER (PARTITION BY kode_pemda, kode_opd, tahun, triwulan ORDER BY _baris),
       kendala, tindak_lanjut
FROM baru_kendala;
