-- Satu akun (aktif atau tidak) menurut jenis dan nama, dengan OPD yang diberikan.
SELECT p.jenis, p.nama, p.nama_tampil, p.sandi_hash, p.peran, p.aktif,
       list(o.kode_opd ORDER BY o.kode_opd) FILTER (WHERE o.kode_opd IS NOT NULL) AS opd
FROM pengguna p
LEFT JOIN pengguna_opd o ON o.jenis = p.jenis AND o.nama = p.nama
WHERE p.jenis = $jenis AND p.nama = $akun
GROUP BY ALL;
