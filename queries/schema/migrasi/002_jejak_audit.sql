-- Versi 2: jejak audit. Setiap tindakan yang mengubah database (impor, pulihkan,
-- perbarui, pembuatan database), dan kelak masuk/gagal masuk serta komitmen: siapa,
-- kapan, apa, dari mana. Hanya ditambah, tidak pernah diubah dari aplikasi.
CREATE SEQUENCE jejak_audit_id;
CREATE TABLE jejak_audit (
    id        INTEGER PRIMARY KEY DEFAULT nextval('jejak_audit_id'),
    waktu     TIMESTAMPTZ NOT NULL DEFAULT current_timestamp,
    pengguna  VARCHAR NOT NULL,
    tindakan  VARCHAR NOT NULL,     -- 'impor' | 'pulihkan' | 'perbarui' | 'baru' | ...
    rincian   VARCHAR,
    asal      VARCHAR               -- alamat klien, atau 'baris perintah (nama mesin)'
);
