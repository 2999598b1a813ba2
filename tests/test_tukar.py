"""Penulisan lewat salinan (kinerja.impor.tukar): atomik, asli utuh bila gagal, sisa
salinan impor yang mati paksa dibersihkan."""

from __future__ import annotations

import os
import subprocess
import sys

import duckdb
import pytest

from kinerja.impor.tukar import DatabaseBerubah, bersihkan_sisa, salinan_untuk, tulis_lewat_salinan


@pytest.fixture
def berkas(tmp_path):
    path = tmp_path / "k.duckdb"
    con = duckdb.connect(str(path))
    con.execute("CREATE TABLE t (x INTEGER); INSERT INTO t VALUES (1)")
    con.close()
    return path


def _isi(path) -> list:
    con = duckdb.connect(str(path), read_only=True)
    try:
        return [r[0] for r in con.execute("SELECT x FROM t ORDER BY x").fetchall()]
    finally:
        con.close()


def test_menulis_lalu_menukar(berkas):
    mtime = berkas.stat().st_mtime_ns
    hasil = tulis_lewat_salinan(berkas, lambda con: con.execute("INSERT INTO t VALUES (2)") and "ok")
    assert hasil == "ok" and _isi(berkas) == [1, 2]
    assert berkas.stat().st_mtime_ns != mtime            # kunci cache dasbor berganti
    assert not salinan_untuk(berkas).exists()


def test_gagal_di_tengah_asli_utuh(berkas):
    sebelum = berkas.read_bytes()

    def tulis(con):
        con.execute("INSERT INTO t VALUES (2)")
        raise ValueError("gagal")

    with pytest.raises(ValueError):
        tulis_lewat_salinan(berkas, tulis)
    assert berkas.read_bytes() == sebelum and not salinan_untuk(berkas).exists()


def test_asli_berubah_selama_menulis_ditolak(berkas):
    def tulis(con):
        con.execute("INSERT INTO t VALUES (2)")
        lain = duckdb.connect(str(berkas))      # "impor lain" yang selesai lebih dulu
        lain.execute("INSERT INTO t VALUES (9)")
        lain.close()

    with pytest.raises(DatabaseBerubah):
        tulis_lewat_salinan(berkas, tulis)
    assert _isi(berkas) == [1, 9]


def test_sisa_impor_mati_dibersihkan(berkas):
    mati = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                          capture_output=True, text=True).stdout.strip()   # pid proses yang sudah selesai
    sisa_mati = berkas.with_name(f"k.impor-{mati}.duckdb")
    sisa_mati.write_bytes(b"x")
    sisa_hidup = berkas.with_name(f"k.impor-{os.getppid()}.duckdb")   # proses induk masih hidup
    sisa_hidup.write_bytes(b"x")
    lain = berkas.with_name("catatan.impor-1.txt")
    lain.write_bytes(b"x")
    assert bersihkan_sisa(berkas) == [sisa_mati]
    assert sisa_hidup.exists() and lain.exists()
