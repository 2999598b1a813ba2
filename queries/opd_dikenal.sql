-- Kode dan nama semua OPD di database data: untuk memeriksa dan memilih OPD yang diberikan
-- kepada akun peran opd.
SELECT kode_opd, any_value(nama_opd) AS nama_opd FROM opd GROUP BY kode_opd ORDER BY kode_opd;
