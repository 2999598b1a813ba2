"""Tidak ada yang hilang: sebelum setiap penulisan (impor, perbarui, pulihkan) isi lama disimpan
sebagai cadangan bertanggal di samping berkasnya; hanya N terakhir yang disimpan;
`python -m kinerja cadangan` mendaftarnya dan `pulihkan` memulihkan salah satunya."""

from __future__ import annotations

import hashlib
import os
import re
import shutil
from pathlib import Path
from types import SimpleNamespace

import duckdb
import pytest

from kinerja.basisdata import cadangan
from kinerja.impor.masalah import ImporGagal
from kinerja.impor.muat import impor_template
from kinerja.impor.tukar import DatabaseBerubah, tulis_lewat_salinan
from tests.test_cli import FIXTURE, _jalankan, _pemegang

# Indikator dan periode yang diubah tes (ada di tests/fixtures/kecil/capaian.csv).
KUNCI = {"p": "T01", "i": "A1", "t": 2025, "w": 4}


def _sidik(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _realisasi(path: Path) -> float:
    con = duckdb.connect(str(path), read_only=True)
    try:
        return con.execute("SELECT realisasi FROM target_realisasi WHERE kode_pemda = $p AND "
                           "indikator_id = $i AND tahun = $t AND triwulan = $w", KUNCI).fetchone()[0]
    finally:
        con.close()


def _ubah_realisasi(nilai: float):
    """Penulisan kecil lewat tulis_lewat_salinan (seperti impor, tanpa berkas)."""
    def tulis(con):
        con.execute("UPDATE target_realisasi SET realisasi = $v WHERE kode_pemda = $p AND "
                    "indikator_id = $i AND tahun = $t AND triwulan = $w", {**KUNCI, "v": nilai})
    return tulis


def _folder(db: Path) -> Path:
    return db.with_name(f"{db.stem}.cadangan")


def _berkas_cadangan(db: Path) -> set[Path]:
    folder = _folder(db)
    return set(folder.iterdir()) if folder.exists() else set()


def _log(path: Path) -> list[tuple]:
    con = duckdb.connect(str(path), read_only=True)
    try:
        return con.execute("SELECT nama_file, hasil, pesan FROM log_impor ORDER BY id").fetchall()
    finally:
        con.close()


def _atur_jumlah(db: Path, nilai: str) -> None:
    con = duckdb.connect(str(db))
    try:
        con.execute("INSERT OR REPLACE INTO pengaturan VALUES ('jumlah_cadangan', $n, 'tes')", {"n": nilai})
    finally:
        con.close()


def _fixture_dengan(tmp_path: Path, realisasi_a1: str) -> Path:
    """Salinan tests/fixtures/kecil dengan realisasi A1 diganti."""
    folder = tmp_path / "sumber"
    shutil.copytree(FIXTURE, folder)
    capaian = folder / "capaian.csv"
    baris = capaian.read_text().splitlines()
    i = next(n for n, b in enumerate(baris) if b.startswith("T01,A1,2025,4,"))
    kolom = baris[i].split(",")
    kolom[-1] = realisasi_a1
    baris[i] = ",".join(kolom)
    capaian.write_text("\n".join(baris) + "\n")
    return folder


# --- Cadangan dibuat sebelum setiap penulisan ----------------------------------------------------

def test_impor_menyimpan_cadangan_isi_sebelumnya(db_kecil_berkas, tmp_path):
    db = db_kecil_berkas
    sebelum, sidik_sebelum = _realisasi(db), _sidik(db)
    hasil = _jalankan("impor", "--db", str(db), str(_fixture_dengan(tmp_path, "77")))
    assert hasil.returncode == 0, hasil.stderr
    assert _realisasi(db) == 77 != sebelum
    simpanan = _berkas_cadangan(db)
    assert len(simpanan) == 1
    (b,) = simpanan
    assert re.fullmatch(r"kecil-\d{8}-\d{6}(-\d+)?\.duckdb", b.name), b.name
    assert _sidik(b) == sidik_sebelum            # persis berkas sebelum impor
    assert _realisasi(b) == sebelum


def test_impor_ditolak_tanpa_cadangan_baru(db_kecil_berkas, tmp_path):
    db = db_kecil_berkas
    sidik = _sidik(db)
    buruk = _fixture_dengan(tmp_path, "bukan-angka")
    hasil = _jalankan("impor", "--db", str(db), str(buruk))
    assert hasil.returncode == 1 and "database tidak berubah" in hasil.stderr
    # Jalur halaman Kelola Data: validasi di dalam penulisan, ImporGagal di tengah jalan.
    with pytest.raises(ImporGagal):
        tulis_lewat_salinan(db, lambda con: impor_template(con, [buruk]))
    assert _sidik(db) == sidik
    assert _berkas_cadangan(db) == set()


def test_penulisan_yang_gagal_atau_bentrok_tanpa_cadangan(db_kecil_berkas):
    db = db_kecil_berkas
    sidik = _sidik(db)

    def gagal(con):
        _ubah_realisasi(1.0)(con)
        raise ValueError("gagal")

    with pytest.raises(ValueError):
        tulis_lewat_salinan(db, gagal)

    def bentrok(con):
        st = db.stat()                      # "proses lain" mengubah berkas lebih dulu
        os.utime(db, ns=(st.st_atime_ns, st.st_mtime_ns + 1_000_000_000))

    with pytest.raises(DatabaseBerubah):
        tulis_lewat_salinan(db, bentrok)
    assert _sidik(db) == sidik and _berkas_cadangan(db) == set()


def test_hanya_n_terakhir_menurut_pengaturan(db_kecil_berkas):
    db = db_kecil_berkas
    _atur_jumlah(db, "3")
    sebelum_tiap_tulis = []
    for n in range(5):
        sebelum_tiap_tulis.append(_realisasi(db))
        tulis_lewat_salinan(db, _ubah_realisasi(100.0 + n))
    assert len(set(sebelum_tiap_tulis)) == 5
    daftar = cadangan.daftar(db)
    assert len(daftar) == 3 and len(_berkas_cadangan(db)) == 3
    # Terbaru dulu: isi sebelum tulis ke-5, ke-4, ke-3 (walau dibuat dalam detik yang sama).
    assert [_realisasi(c.path) for c in daftar] == sebelum_tiap_tulis[:-4:-1]


@pytest.fixture
def db_mini(tmp_path) -> Path:
    """Database kecil dengan tabel pengaturan seperti skema aplikasi."""
    path = tmp_path / "m.duckdb"
    con = duckdb.connect(str(path))
    con.execute("CREATE TABLE pengaturan (kunci VARCHAR PRIMARY KEY, nilai VARCHAR NOT NULL, keterangan VARCHAR);"
                "CREATE TABLE t (x INTEGER); INSERT INTO t VALUES (0)")
    con.close()
    return path


@pytest.mark.parametrize("nilai", [None, "0", "-2", "tiga", "", "2.5"])
def test_bawaan_sepuluh_juga_bila_pengaturan_tidak_sah(db_mini, nilai):
    if nilai is not None:
        _atur_jumlah(db_mini, nilai)
    for n in range(12):
        tulis_lewat_salinan(db_mini, lambda con, n=n: con.execute("UPDATE t SET x = $n", {"n": n + 1}))
    assert len(cadangan.daftar(db_mini)) == 10     # bawaan dari issue: 10
    assert len(_berkas_cadangan(db_mini)) == 10


def test_cadangan_saat_ada_wal_tetap_lengkap(db_kecil_berkas, tmp_path):
    db = db_kecil_berkas
    asli = _realisasi(db)
    # Proses sebelumnya berhenti tanpa checkpoint: perubahan terakhir hanya ada di .wal.
    con = duckdb.connect(str(db))
    con.execute("PRAGMA disable_checkpoint_on_shutdown")
    _ubah_realisasi(55.0)(con)
    con.close()
    wal = db.with_name(db.name + ".wal")
    assert wal.exists()
    tanpa_wal = tmp_path / "tanpa-wal.duckdb"
    shutil.copyfile(db, tanpa_wal)
    assert _realisasi(tanpa_wal) == asli != 55.0     # berkas utama saja belum memuat 55

    tulis_lewat_salinan(db, _ubah_realisasi(66.0))
    assert _realisasi(db) == 66.0 and not wal.exists()
    (b,) = _berkas_cadangan(db)                         # satu berkas utuh, tanpa .wal pendamping
    sendiri = tmp_path / "sendiri.duckdb"
    shutil.copyfile(b, sendiri)
    assert _realisasi(sendiri) == 55.0


def test_tanpa_hardlink_disalin(db_kecil_berkas, monkeypatch):
    db = db_kecil_berkas
    sebelum, sidik = _realisasi(db), _sidik(db)

    def tanpa_link(*_):
        raise OSError(95, "Operation not supported")   # mis. FAT atau share jaringan

    monkeypatch.setattr(os, "link", tanpa_link)
    tulis_lewat_salinan(db, _ubah_realisasi(33.0))
    (b,) = _berkas_cadangan(db)
    assert _sidik(b) == sidik and _realisasi(b) == sebelum and _realisasi(db) == 33.0


def test_cadangan_gagal_penulisan_dibatalkan(db_kecil_berkas, monkeypatch):
    """Cadangan tidak dapat disimpan (tanpa hardlink, lalu disk penuh): tidak ditukar."""
    db = db_kecil_berkas
    sidik = _sidik(db)

    def tanpa_link(*_):
        raise PermissionError(1, "Operation not permitted")

    def disk_penuh(masuk, keluar, *_):
        keluar.write(masuk.read(100))                  # sebagian tertulis, lalu disk penuh
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "link", tanpa_link)
    monkeypatch.setattr(cadangan, "shutil", SimpleNamespace(copyfileobj=disk_penuh, copyfile=shutil.copyfile))
    with pytest.raises(cadangan.CadanganGagal):
        tulis_lewat_salinan(db, _ubah_realisasi(33.0))
    assert _sidik(db) == sidik and _berkas_cadangan(db) == set()


# --- python -m kinerja cadangan --------------------------------------------------------------------

def test_bantuan_berbahasa_indonesia():
    for perintah in ("cadangan", "pulihkan"):
        hasil = _jalankan(perintah, "--help")
        assert hasil.returncode == 0
        assert "Pemakaian:" in hasil.stdout and "tampilkan bantuan ini" in hasil.stdout
        assert "usage:" not in hasil.stdout


def test_cli_cadangan_mendaftar_terbaru_dulu(db_kecil_berkas):
    db = db_kecil_berkas
    kosong = _jalankan("cadangan", "--db", str(db))
    assert kosong.returncode == 0, kosong.stderr
    assert "Belum ada cadangan" in kosong.stdout
    tulis_lewat_salinan(db, _ubah_realisasi(11.0))
    (pertama,) = _berkas_cadangan(db)
    tulis_lewat_salinan(db, _ubah_realisasi(22.0))
    (kedua,) = _berkas_cadangan(db) - {pertama}
    impor_terakhir = _log(pertama)[-1][0]          # isi cadangan: impor fixture kecil

    hasil = _jalankan("cadangan", "--db", str(db))
    assert hasil.returncode == 0, hasil.stderr
    keluaran = hasil.stdout
    assert "1. " + kedua.name in keluaran and "2. " + pertama.name in keluaran
    assert keluaran.index(kedua.name) < keluaran.index(pertama.name)
    assert impor_terakhir in keluaran
    assert "python -m kinerja pulihkan" in keluaran


# --- python -m kinerja pulihkan --------------------------------------------------------------------

def test_pulihkan_mengembalikan_isi_lama_dan_dapat_dibatalkan(db_kecil_berkas):
    db = db_kecil_berkas
    lama = _realisasi(db)
    tulis_lewat_salinan(db, _ubah_realisasi(42.0))
    (b1,) = _berkas_cadangan(db)
    sidik_b1 = _sidik(b1)

    hasil = _jalankan("pulihkan", "--db", str(db), b1.name)
    assert hasil.returncode == 0, hasil.stderr
    assert _realisasi(db) == lama
    assert _sidik(b1) == sidik_b1                   # cadangan yang dipulihkan tidak berubah
    (b2,) = _berkas_cadangan(db) - {b1}             # isi yang diganti disimpan dulu
    assert _realisasi(b2) == 42.0
    assert b2.name in hasil.stdout
    log = _log(db)
    assert b1.name in log[-1][0] and log[-1][1] == "dipulihkan"
    assert len(log) == len(_log(b1)) + 1

    batal = _jalankan("pulihkan", "--db", str(db), str(b2))   # path di dalam folder juga boleh
    assert batal.returncode == 0, batal.stderr
    assert _realisasi(db) == 42.0


def test_pulihkan_ke_berkas_yang_hilang(db_kecil_berkas):
    db = db_kecil_berkas
    lama = _realisasi(db)
    tulis_lewat_salinan(db, _ubah_realisasi(42.0))
    (b1,) = _berkas_cadangan(db)
    db.unlink()
    hasil = _jalankan("pulihkan", "--db", str(db), b1.name)
    assert hasil.returncode == 0, hasil.stderr
    assert _realisasi(db) == lama and _berkas_cadangan(db) == {b1}


def test_pulihkan_berkas_tidak_dikenal_ditolak(db_kecil_berkas, tmp_path):
    db = db_kecil_berkas
    tulis_lewat_salinan(db, _ubah_realisasi(42.0))
    (b1,) = _berkas_cadangan(db)
    luar = tmp_path / "luar"
    luar.mkdir()
    kembar = luar / b1.name                          # nama sah, tetapi di luar folder cadangan
    shutil.copyfile(b1, kembar)
    sidik, ada = _sidik(db), _berkas_cadangan(db)
    for berkas in ("kecil-20000101-000000.duckdb", f"../{db.name}", str(kembar)):
        hasil = _jalankan("pulihkan", "--db", str(db), berkas)
        assert hasil.returncode == 1, berkas
        assert "python -m kinerja cadangan" in hasil.stderr, (berkas, hasil.stderr)
        assert "Traceback" not in hasil.stderr
    for berkas in (str(db), f"{_folder(db)}/../{db.name}", f"{_folder(db)}/./../{b1.name}", "..", ".", ""):
        with pytest.raises(cadangan.CadanganTidakDikenal):
            cadangan.cari(db, berkas)
    assert cadangan.cari(db, f"{_folder(db)}/./{b1.name}") == b1
    assert _sidik(db) == sidik and _berkas_cadangan(db) == ada


def test_pulihkan_cadangan_bukan_database_ditolak(db_kecil_berkas, db_mini):
    db = db_kecil_berkas
    tulis_lewat_salinan(db, _ubah_realisasi(42.0))
    folder = _folder(db)
    rusak = folder / "kecil-20000101-000000.duckdb"
    rusak.write_text("ini bukan database")
    asing = folder / "kecil-20000101-000001.duckdb"
    shutil.copyfile(db_mini, asing)                # DuckDB sah, tetapi bukan database dasbor
    sidik, ada = _sidik(db), _berkas_cadangan(db)
    for b in (rusak, asing):
        hasil = _jalankan("pulihkan", "--db", str(db), b.name)
        assert hasil.returncode == 1
        assert b.name in hasil.stderr and "tidak berubah" in hasil.stderr, hasil.stderr
        assert "Traceback" not in hasil.stderr
    assert _sidik(db) == sidik and _berkas_cadangan(db) == ada
    # Daftar tetap tampil walau ada berkas yang tidak terbaca.
    daftar = _jalankan("cadangan", "--db", str(db))
    assert daftar.returncode == 0, daftar.stderr
    assert rusak.name in daftar.stdout and asing.name in daftar.stdout


def test_pulihkan_saat_proses_lain_menulis(db_kecil_berkas):
    db = db_kecil_berkas
    tulis_lewat_salinan(db, _ubah_realisasi(42.0))
    (b1,) = _berkas_cadangan(db)
    pemegang = _pemegang(db, baca_saja=False)
    try:
        sidik = _sidik(db)
        hasil = _jalankan("pulihkan", "--db", str(db), b1.name)
        assert hasil.returncode == 1
        assert "sedang ditulis proses lain" in hasil.stderr and "Traceback" not in hasil.stderr
        assert _sidik(db) == sidik and _berkas_cadangan(db) == {b1}
    finally:
        pemegang.kill()
        pemegang.wait()
