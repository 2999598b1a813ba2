-- NULL = tidak diubah.
UPDATE pengguna SET
    nama_tampil = coalesce($nama_tampil, nama_tampil),
    sandi_hash  = coalesce($sandi_hash, sandi_hash),
    peran       = coalesce($peran, peran),
    aktif       = coalesce($aktif, aktif),
    diubah      = current_timestamp
WHERE jenis = $jenis AND nama = $akun;
