INSERT OR REPLACE INTO opd (kode_pemda, kode_opd, nama_opd, singkatan, kode_urusan)
SELECT kode_pemda, kode_opd, nama_opd, singkatan, kode_urusan FROM baru_opd;
