-- Tabel dasar Dasbor Kinerja OPD. Dijalankan sekali saat database dibuat.
-- Versi skema dicatat di skema_info; menaikkan versi berarti menambah migrasi.

CREATE TABLE skema_info (
    versi       INTEGER NOT NULL,
    dibuat_pada TIMESTAMP NOT NULL DEFAULT current_localtimestamp()
);

-- Pengaturan yang dapat diubah per daerah (batas atas capaian, ambang, skala aktif).
CREATE TABLE pengaturan (
    kunci      VARCHAR PRIMARY KEY,
    nilai      VARCHAR NOT NULL,
    keterangan VARCHAR
);

-- Skala kategori capaian. Satu skala = beberapa pita yang tertutup di bawah:
-- capaian >= batas_bawah (dan < batas_bawah pita berikutnya) masuk pita itu.
CREATE TABLE skala_kategori (
    skala       VARCHAR NOT NULL,
    urutan      INTEGER NOT NULL,      -- 1 = terbaik
    label       VARCHAR NOT NULL,
    batas_bawah DOUBLE  NOT NULL,
    warna       VARCHAR NOT NULL,      -- heksadesimal, palet aman buta warna
    warna_teks  VARCHAR NOT NULL,      -- teks yang kontras di atas warna
    PRIMARY KEY (skala, urutan)
);

CREATE TABLE pemda (
    kode_pemda VARCHAR PRIMARY KEY,
    nama_pemda VARCHAR NOT NULL,
    keterangan VARCHAR
);

-- Nomenklatur bidang urusan (Permendagri 90/2019), termasuk kelompoknya.
CREATE TABLE urusan (
    kode_urusan VARCHAR PRIMARY KEY,
    nama_urusan VARCHAR NOT NULL,
    kelompok    VARCHAR NOT NULL
);

CREATE TABLE opd (
    kode_pemda  VARCHAR NOT NULL,
    kode_opd    VARCHAR NOT NULL,
    nama_opd    VARCHAR NOT NULL,
    singkatan   VARCHAR,
    kode_urusan VARCHAR NOT NULL,      -- bidang pertama pada kode OPD
    PRIMARY KEY (kode_pemda, kode_opd)
);

-- Semua bidang yang dicakup kode OPD (sampai tiga), untuk filter sektor:
-- Diskominfo 2.16.2.20.2.21 ikut tampil bila difilter Statistik (2.20).
CREATE TABLE opd_bidang (
    kode_pemda  VARCHAR NOT NULL,
    kode_opd    VARCHAR NOT NULL,
    kode_urusan VARCHAR NOT NULL,
    PRIMARY KEY (kode_pemda, kode_opd, kode_urusan)
);

CREATE TABLE indikator (
    kode_pemda        VARCHAR NOT NULL,
    indikator_id      VARCHAR NOT NULL,
    kode_opd          VARCHAR NOT NULL,
    nama              VARCHAR NOT NULL,
    satuan            VARCHAR,
    polaritas         VARCHAR NOT NULL CHECK (polaritas IN ('naik', 'turun', 'rentang')),
    agregasi          VARCHAR NOT NULL DEFAULT 'terakhir' CHECK (agregasi IN ('jumlah', 'terakhir')),
    tingkat           VARCHAR NOT NULL DEFAULT 'IKU' CHECK (tingkat IN ('IKU', 'program', 'kegiatan')),
    -- Untuk target rentang: apakah di atas batas atas tetap baik (inflasi: tidak).
    rentang_atas_baik BOOLEAN NOT NULL DEFAULT false,
    PRIMARY KEY (kode_pemda, indikator_id)
);

-- Target dan realisasi kumulatif s.d. triwulan; triwulan 4 = setahun penuh.
CREATE TABLE target_realisasi (
    kode_pemda   VARCHAR NOT NULL,
    indikator_id VARCHAR NOT NULL,
    tahun        INTEGER NOT NULL CHECK (tahun BETWEEN 2000 AND 2100),
    triwulan     INTEGER NOT NULL CHECK (triwulan BETWEEN 1 AND 4),
    target       DOUBLE,
    target_atas  DOUBLE,               -- batas atas rentang, selain itu NULL
    realisasi    DOUBLE,
    PRIMARY KEY (kode_pemda, indikator_id, tahun, triwulan)
);

-- Anggaran per OPD per bulan, kumulatif s.d. bulan itu. Pagu adalah pagu yang
-- berlaku pada bulan itu (berubah setelah pergeseran/perubahan APBD).
CREATE TABLE anggaran_bulanan (
    kode_pemda          VARCHAR NOT NULL,
    kode_opd            VARCHAR NOT NULL,
    tahun               INTEGER NOT NULL CHECK (tahun BETWEEN 2000 AND 2100),
    bulan               INTEGER NOT NULL CHECK (bulan BETWEEN 1 AND 12),
    pagu                DOUBLE,
    rencana_kumulatif   DOUBLE,        -- RAK kumulatif
    realisasi_kumulatif DOUBLE,        -- realisasi keuangan (LRA) kumulatif
    realisasi_fisik     DOUBLE,        -- persen 0-100
    PRIMARY KEY (kode_pemda, kode_opd, tahun, bulan)
);

-- Rincian ekspor SIPD "Rekapitulasi Belanja" (LRA) per bulan: OPD, program, kegiatan,
-- sub kegiatan, per kelompok belanja. Realisasi disimpan kumulatif s.d. bulan itu.
CREATE TABLE anggaran_rinci (
    kode_pemda          VARCHAR NOT NULL,
    kode_opd            VARCHAR NOT NULL,
    tahun               INTEGER NOT NULL,
    bulan               INTEGER NOT NULL CHECK (bulan BETWEEN 1 AND 12),
    kode                VARCHAR NOT NULL,   -- kode OPD untuk baris OPD, selain itu kode program/kegiatan/sub
    tingkat             VARCHAR NOT NULL CHECK (tingkat IN ('opd', 'program', 'kegiatan', 'sub_kegiatan')),
    uraian              VARCHAR,
    kelompok            VARCHAR NOT NULL CHECK (kelompok IN ('operasi', 'modal', 'tak_terduga', 'transfer')),
    pagu                DOUBLE,
    realisasi_kumulatif DOUBLE,
    PRIMARY KEY (kode_pemda, kode_opd, tahun, bulan, kode, kelompok)
);

-- Rincian SIPD "Rencana Anggaran Kas" (RAK): rencana kas per bulan (bukan kumulatif).
CREATE TABLE rak_rinci (
    kode_pemda VARCHAR NOT NULL,
    kode_opd   VARCHAR NOT NULL,
    tahun      INTEGER NOT NULL,
    kode       VARCHAR NOT NULL,
    tingkat    VARCHAR NOT NULL CHECK (tingkat IN ('opd', 'program', 'kegiatan', 'sub_kegiatan')),
    uraian     VARCHAR,
    pagu       DOUBLE,
    bulan      INTEGER NOT NULL CHECK (bulan BETWEEN 1 AND 12),
    rencana    DOUBLE,
    PRIMARY KEY (kode_pemda, kode_opd, tahun, kode, bulan)
);

CREATE TABLE kendala (
    kode_pemda    VARCHAR NOT NULL,
    kode_opd      VARCHAR NOT NULL,
    tahun         INTEGER NOT NULL,
    triwulan      INTEGER NOT NULL CHECK (triwulan BETWEEN 1 AND 4),
    urutan        INTEGER NOT NULL,
    kendala       VARCHAR NOT NULL,
    tindak_lanjut VARCHAR,
    PRIMARY KEY (kode_pemda, kode_opd, tahun, triwulan, urutan)
);

CREATE SEQUENCE log_impor_id;
CREATE TABLE log_impor (
    id           INTEGER PRIMARY KEY DEFAULT nextval('log_impor_id'),
    waktu        TIMESTAMPTZ NOT NULL,
    pengguna     VARCHAR,
    nama_file    VARCHAR NOT NULL,
    sha256       VARCHAR NOT NULL,
    format       VARCHAR NOT NULL,
    jumlah_baris VARCHAR,              -- JSON: baris per tabel
    hasil        VARCHAR NOT NULL,     -- 'berhasil' | 'tidak berubah' | 'gagal'
    pesan        VARCHAR
);
