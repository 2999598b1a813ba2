"""Fixture: database kecil dibangun di dalam tes dari CSV (tests/fixtures/kecil),
lewat jalur impor yang sama dengan data nyata. Tidak ada berkas biner yang di-commit."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

from kinerja.impor.muat import impor_template
from tests.bantu_peramban import peramban, server  # noqa: F401  (fixture bersama tes peramban)
from kinerja.skema import buat_skema

FIXTURE = Path(__file__).resolve().parent / "fixtures"


@pytest.fixture(autouse=True)
def _apptest_seperti_server(monkeypatch):
    """AppTest mengosongkan PagesManager.uses_pages_directory sebelum setiap jalannya, sehingga
    folder pages/ membuatnya menjalankan berkas halaman saja, tanpa app.py. Server sungguhan
    memakai st.navigation (app.py) pada setiap jalannya: di sini juga, agar tes melewati
    pemeriksaan sesi dan izin di app.py seperti pengguna."""
    from streamlit.runtime.pages_manager import PagesManager

    asli = PagesManager.__init__

    def init(self, *a, **kw):
        asli(self, *a, **kw)
        PagesManager.uses_pages_directory = False

    monkeypatch.setattr(PagesManager, "__init__", init)


@pytest.fixture
def con_kosong():
    con = duckdb.connect(":memory:")
    buat_skema(con)
    yield con
    con.close()


@pytest.fixture
def con_kecil(con_kosong):
    impor_template(con_kosong, [FIXTURE / "kecil"], pengguna="tes")
    return con_kosong


@pytest.fixture(scope="session")
def db_demo(tmp_path_factory) -> Path:
    """Database demo lengkap di folder sementara (dibangun sekali per sesi tes)."""
    from kinerja.basisdata.demo import bangun_demo

    path = tmp_path_factory.mktemp("demo") / "kinerja.duckdb"
    bangun_demo(path)
    return path


@pytest.fixture(scope="module")
def con_demo(db_demo):
    """Koneksi baca-saja ke database demo, satu per modul tes."""
    con = duckdb.connect(str(db_demo), read_only=True)
    yield con
    con.close()


@pytest.fixture
def db_kecil_berkas(tmp_path) -> Path:
    """Database kecil sebagai berkas (untuk AppTest dan proses lain)."""
    path = tmp_path / "kecil.duckdb"
    con = duckdb.connect(str(path))
    buat_skema(con)
    impor_template(con, [FIXTURE / "kecil"], pengguna="tes")
    con.close()
    return path
