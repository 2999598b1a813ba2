INSERT OR REPLACE INTO pemda (kode_pemda, nama_pemda, keterangan)
SELECT kode_pemda, nama_pemda, keterangan FROM baru_pemda;
