"""Inti paket kinerja tidak pernah mengimpor streamlit (hanya kinerja.ui boleh)."""

import pkgutil
import subprocess
import sys
from pathlib import Path

import kinerja

AKAR = Path(__file__).resolve().parent.parent


def _modul_inti() -> list[str]:
    return [m.name for m in pkgutil.walk_packages(kinerja.__path__, "kinerja.")
            if not m.name.startswith("kinerja.ui") and m.name != "kinerja.__main__"]


def test_inti_tanpa_streamlit():
    modul = _modul_inti()
    assert "kinerja.db" in modul and "kinerja.impor.template" in modul
    kode = ("import sys\n" + "".join(f"import {m}\n" for m in modul) +
            "bocor = [m for m in sys.modules if m == 'streamlit' or m.startswith('streamlit.')]\n"
            "assert not bocor, bocor\n")
    hasil = subprocess.run([sys.executable, "-c", kode], cwd=AKAR, capture_output=True, text=True)
    assert hasil.returncode == 0, hasil.stderr


def test_tidak_ada_sql_di_halaman():
    """Halaman hanya menyusun tampilan: tidak ada SQL atau koneksi database langsung."""
    for berkas in list((AKAR / "pages").glob("*.py")) + [AKAR / "app.py"]:
        teks = berkas.read_text(encoding="utf-8")
        for terlarang in ("import duckdb", "SELECT ", ".execute("):
            assert terlarang not in teks, f"{berkas.name} memuat {terlarang!r}"
