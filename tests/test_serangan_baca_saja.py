"""Database di folder baca-saja: dasbor membacanya tanpa mencoba menulis, dan database dari
versi aplikasi lain di sana memberi pesan yang menyebut perintah untuk administrator (bukan
galat di setiap halaman).

Folder baca-saja sungguhan lewat bind mount read-only bila proses boleh me-mount (root di
mesin tes dan CI); bila tidak, os.access dibuat menjawab "tidak dapat ditulis" dan tes
memeriksa bahwa tidak ada yang ditulis di folder itu.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from tests.bantu_apptest import APP
from tests.test_migrasi_audit import _database_versi_1


def _sidik_folder(folder: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in folder.iterdir() if p.is_file()}


@pytest.fixture
def folder_baca_saja(tmp_path, monkeypatch):
    """(sumber, folder baca-saja): isi sumber dulu, lalu panggil kunci() untuk menguncinya."""
    sumber = tmp_path / "sumber"
    sumber.mkdir()
    tampak = tmp_path / "baca-saja"
    tampak.mkdir()
    terpasang = []

    def kunci() -> Path:
        ok = subprocess.run(["mount", "--bind", str(sumber), str(tampak)], capture_output=True).returncode == 0
        if ok and subprocess.run(["mount", "-o", "remount,bind,ro", str(tampak)],
                                 capture_output=True).returncode == 0:
            terpasang.append(tampak)
            return tampak
        if ok:
            subprocess.run(["umount", str(tampak)], capture_output=True)
        asli = os.access
        monkeypatch.setattr("kinerja.galat.os.access",
                            lambda p, m, **k: False if (m & os.W_OK and Path(p) == sumber) else asli(p, m, **k))
        return sumber

    yield sumber, kunci
    for t in terpasang:
        subprocess.run(["umount", "-l", str(t)], capture_output=True)  # -l: koneksi proses masih membuka berkasnya


def _jalankan(monkeypatch, db: Path) -> AppTest:
    monkeypatch.setenv("KINERJA_DB", str(db))
    at = AppTest.from_file(APP, default_timeout=60)
    at.run()
    return at


def test_versi_lama_di_folder_baca_saja_berpesan(folder_baca_saja, monkeypatch):
    sumber, kunci = folder_baca_saja
    _database_versi_1(sumber / "kinerja.duckdb")
    folder = kunci()
    sebelum = _sidik_folder(folder)
    at = _jalankan(monkeypatch, folder / "kinerja.duckdb")
    assert not at.exception, [e.value for e in at.exception]
    pesan = " ".join(e.value for e in at.error)
    assert "berasal dari versi aplikasi sebelumnya" in pesan and "tidak dapat ditulis" in pesan
    assert f"python -m kinerja perbarui --db {folder / 'kinerja.duckdb'}" in pesan
    at.run()  # jalannya berikutnya (halaman lain, muat ulang): pesan yang sama, bukan galat
    assert not at.exception and "perbarui --db" in " ".join(e.value for e in at.error)
    assert _sidik_folder(folder) == sebelum


def test_database_mutakhir_di_folder_baca_saja_tampil(folder_baca_saja, monkeypatch, db_demo):
    sumber, kunci = folder_baca_saja
    shutil.copyfile(db_demo, sumber / "kinerja.duckdb")
    folder = kunci()
    sebelum = _sidik_folder(folder)
    at = _jalankan(monkeypatch, folder / "kinerja.duckdb")
    assert not at.exception, [e.value for e in at.exception]
    assert not at.error, [e.value for e in at.error]
    assert at.title and at.title[0].value == "Ringkasan Kinerja OPD"
    assert _sidik_folder(folder) == sebelum and sorted(p.name for p in folder.iterdir()) == ["kinerja.duckdb"]


@pytest.mark.parametrize("isi", [b"PK\x03\x04" + b"\0" * 100, b"kode,nama\n1,a\n"], ids=["xlsx", "csv"])
def test_kinerja_db_ke_berkas_bukan_database(tmp_path, monkeypatch, isi):
    """KINERJA_DB yang menunjuk buku kerja atau CSV: pesan yang menyebut berkasnya, berkas utuh."""
    palsu = tmp_path / "data.xlsx"
    palsu.write_bytes(isi)
    at = _jalankan(monkeypatch, palsu)
    assert not at.exception, [e.value for e in at.exception]
    assert f"{palsu} bukan database DuckDB" in " ".join(e.value for e in at.error)
    assert palsu.read_bytes() == isi and sorted(p.name for p in tmp_path.iterdir()) == ["data.xlsx"]


def test_folder_baca_saja_tanpa_database_berpesan_bukan_traceback(folder_baca_saja, monkeypatch):
    """KINERJA_DB menunjuk berkas yang belum ada di folder baca-saja: dasbor tidak dapat membangun
    demo di sana, dan mengatakannya (dengan perintah untuk administrator), bukan traceback."""
    from kinerja.galat import PenulisanGagal

    sumber, kunci = folder_baca_saja
    folder = kunci()
    if folder == sumber:  # tanpa mount baca-saja: penulisan yang gagal disimulasikan
        def gagal(path):
            raise PenulisanGagal(f"Folder {path.parent} tidak dapat ditulis (baca-saja atau tanpa hak tulis).")
        monkeypatch.setattr("kinerja.ui.data.bangun_demo", gagal)
    at = _jalankan(monkeypatch, folder / "kinerja.duckdb")
    assert not at.exception, [e.value for e in at.exception]
    pesan = " ".join(e.value for e in at.error)
    assert "belum ada dan database demo tidak dapat dibuat" in pesan, pesan
    assert "tidak dapat ditulis" in pesan and "python -m kinerja demo --db" in pesan, pesan
    assert list(folder.iterdir()) == []
