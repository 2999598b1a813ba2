-- Semua akun untuk halaman Pengguna & Akses dan `pengguna daftar`.
SELECT p.jenis, p.nama, p.nama_tampil, p.peran, p.aktif, p.dibuat, p.diubah,
       coalesce(list(o.kode_opd ORDER BY o.kode_opd) FILTER (WHERE o.kode_opd IS NOT NULL), []) AS opd
FROM pengguna p
LEFT JOIN pengguna_opd o ON o.jenis = p.jenis AND o.nama = p.nama
GROUP BY ALL
ORDER BY p.jenis, p.nama;
