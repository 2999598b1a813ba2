"""Kelola Data: disk penuh dan folder tanpa hak tulis saat Muat dan saat Buat database pemda.

Halaman menampilkan st.error berbahasa Indonesia (apa yang gagal, apa yang harus dilakukan),
tanpa traceback dan tanpa nama kelas galat Python, dan database tidak berubah (checksum)."""

from __future__ import annotations

import errno
import shutil
from types import SimpleNamespace

import duckdb
import pytest

from tests.test_halaman_kelola import _csv_kecil, _masuk, _sha, _tombol, _unggah, db, _db_lamsel  # noqa: F401

# Pesan kinerja.galat.pesan_tulis, ditulis ulang di sini dengan tangan.
RUANG = "Ruang disk tidak cukup untuk menulis di"
IZIN = "tidak dapat ditulis (baca-saja atau tanpa hak tulis)"
_GALAT = {
    "ruang": (OSError(errno.ENOSPC, "No space left on device"), RUANG, "Kosongkan ruang"),
    "izin": (PermissionError(errno.EACCES, "Permission denied"), IZIN, "administrator server"),
}


def _galat_layar(at) -> str:
    assert not at.exception, [e.value for e in at.exception]
    return " ".join(e.value.replace("\\", "") for e in at.error)


def _tanpa_istilah_python(pesan: str) -> None:
    for kata in ("Traceback", "OSError", "PermissionError", "PenulisanGagal", "Errno", "IOException"):
        assert kata not in pesan, pesan


@pytest.mark.parametrize("jenis", sorted(_GALAT))
def test_muat_disk_penuh_atau_tanpa_hak_tulis(monkeypatch, db, tmp_path, jenis):
    from kinerja.impor import tukar

    galat, ciri, saran = _GALAT[jenis]
    at = _masuk(monkeypatch, db)
    _unggah(at, _csv_kecil(tmp_path))
    _tombol(at, "Periksa").click().run()
    assert any("siap dimuat" in s.value for s in at.success)
    sebelum = _sha(db)

    def gagal(*a, **k):
        raise galat

    monkeypatch.setattr(tukar.shutil, "copyfile", gagal)
    _tombol(at, "Muat ke database").click().run()
    pesan = _galat_layar(at)
    assert "Impor gagal" in pesan and ciri in pesan and saran in pesan, pesan
    assert str(db.parent) in pesan and "database tidak berubah" in pesan
    _tanpa_istilah_python(pesan)
    assert _sha(db) == sebelum
    assert not [p for p in db.parent.iterdir() if ".impor-" in p.name]


def _demo(tmp_path, db_demo):
    path = tmp_path / "kinerja.duckdb"
    shutil.copyfile(db_demo, path)
    return path


def _buat(at):
    at.selectbox(key="kelola_baru_kode").select("18.01").run()
    _tombol(at, "Buat database pemda").click().run()
    return at


def test_buat_database_disk_penuh(monkeypatch, tmp_path, db_demo):
    from kinerja.basisdata import bangun as berkas_baru

    path = _demo(tmp_path, db_demo)
    sebelum = _sha(path)
    at = _masuk(monkeypatch, path)

    def skema_gagal(con):
        raise duckdb.IOException(f'Could not write file "{path}.tmp": No space left on device')

    monkeypatch.setattr(berkas_baru, "buat_skema", skema_gagal)
    pesan = _galat_layar(_buat(at))
    assert "Database pemda tidak dibuat" in pesan and RUANG in pesan and "Kosongkan ruang" in pesan, pesan
    assert "data demo tetap" in pesan
    _tanpa_istilah_python(pesan)
    assert _sha(path) == sebelum
    assert sorted(p.name for p in tmp_path.iterdir() if p.suffix == ".tmp" or ".duckdb.tmp" in p.name) == []


def test_buat_database_folder_tanpa_hak_tulis(monkeypatch, tmp_path, db_demo):
    from kinerja.basisdata import bangun as berkas_baru

    path = _demo(tmp_path, db_demo)
    sebelum = _sha(path)
    at = _masuk(monkeypatch, path)

    def mkstemp(*a, **k):
        raise PermissionError(errno.EACCES, "Permission denied", str(path.parent))

    monkeypatch.setattr(berkas_baru, "tempfile", SimpleNamespace(mkstemp=mkstemp))
    pesan = _galat_layar(_buat(at))
    assert "Database pemda tidak dibuat" in pesan and IZIN in pesan and "administrator server" in pesan, pesan
    assert str(path.parent) in pesan
    _tanpa_istilah_python(pesan)
    assert _sha(path) == sebelum


def test_unggahan_tidak_dapat_disimpan_sementara(monkeypatch, db, tmp_path):
    from kinerja.ui import admin

    sebelum = _sha(db)
    at = _masuk(monkeypatch, db)
    asli = admin.tempfile.gettempdir()

    def mkdtemp(*a, **k):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(admin, "tempfile", SimpleNamespace(mkdtemp=mkdtemp, gettempdir=lambda: asli))
    at.file_uploader[0].set_value([(p.name, p.read_bytes(), "text/csv") for p in _csv_kecil(tmp_path)]).run()
    pesan = _galat_layar(at)
    assert "Berkas unggahan tidak dapat disimpan sementara di server" in pesan and RUANG in pesan, pesan
    assert asli in pesan and "database tidak berubah" in pesan
    _tanpa_istilah_python(pesan)
    assert _sha(db) == sebelum
