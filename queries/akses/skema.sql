-- Database akses (<nama>.akses.duckdb, di samping database data): akun, peran, OPD yang
-- diberikan, gagal masuk, pengaturan akses, jejak akses. Dibuat bila belum ada.
CREATE TABLE IF NOT EXISTS versi_akses (versi INTEGER NOT NULL);

-- jenis 'lokal': nama = nama pengguna, sandi_hash argon2id.
-- jenis 'sso':   nama = email (huruf kecil) atau subject dari penyedia identitas; tanpa sandi.
CREATE TABLE IF NOT EXISTS pengguna (
    jenis        VARCHAR NOT NULL CHECK (jenis IN ('lokal', 'sso')),
    nama         VARCHAR NOT NULL,
    nama_tampil  VARCHAR,
    sandi_hash   VARCHAR,
    peran        VARCHAR NOT NULL CHECK (peran IN ('penonton', 'analis', 'notulis', 'opd', 'admin')),
    aktif        BOOLEAN NOT NULL DEFAULT TRUE,
    dibuat       TIMESTAMPTZ NOT NULL DEFAULT current_timestamp,
    diubah       TIMESTAMPTZ NOT NULL DEFAULT current_timestamp,
    PRIMARY KEY (jenis, nama)
);

CREATE TABLE IF NOT EXISTS pengguna_opd (
    jenis     VARCHAR NOT NULL,
    nama      VARCHAR NOT NULL,
    kode_opd  VARCHAR NOT NULL,
    PRIMARY KEY (jenis, nama, kode_opd)
);

-- Satu baris per percobaan masuk yang salah; jenis_kunci 'akun' (nama yang dicoba) atau
-- 'alamat' (alamat klien). Baris yang lebih tua dari jendela hitungan dibuang.
CREATE TABLE IF NOT EXISTS gagal_masuk (
    jenis_kunci  VARCHAR NOT NULL,
    kunci        VARCHAR NOT NULL,
    waktu        TIMESTAMPTZ NOT NULL
);

CREATE TABLE IF NOT EXISTS pengaturan_akses (
    kunci  VARCHAR PRIMARY KEY,
    nilai  VARCHAR NOT NULL
);

CREATE SEQUENCE IF NOT EXISTS jejak_akses_id;
CREATE TABLE IF NOT EXISTS jejak_akses (
    id        INTEGER PRIMARY KEY DEFAULT nextval('jejak_akses_id'),
    waktu     TIMESTAMPTZ NOT NULL DEFAULT current_timestamp,
    pengguna  VARCHAR NOT NULL,
    tindakan  VARCHAR NOT NULL,   -- 'masuk' | 'gagal masuk' | 'keluar' | 'pengguna' | 'pengaturan' | 'ditolak' ...
    rincian   VARCHAR,
    asal      VARCHAR
);

-- Aktivitas terakhir identitas SSO (cookie masuknya bertahan antarsesi): sesi baru dari
-- identitas yang sudah lebih lama diam daripada batasnya diakhiri. Ditulis paling sering
-- sekali semenit per sesi.
CREATE TABLE IF NOT EXISTS aktivitas (
    jenis     VARCHAR NOT NULL,
    nama      VARCHAR NOT NULL,
    terakhir  TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (jenis, nama)
);
