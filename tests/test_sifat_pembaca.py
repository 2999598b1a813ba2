"""Tes berbasis sifat (hypothesis) untuk pembaca templat (CSV, XLSX) dan ekspor SIPD.

Sifatnya: berkas apa pun yang dibuat dari contoh yang sah dengan satu sel (atau judul kolom)
diganti nilai sembarang, termasuk teks kendali, angka tak hingga, teks sangat panjang dan
rumus, berakhir dengan hasil validasi atau ImporGagal, tidak pernah pengecualian lain.
Benih tetap (derandomize) dan anggaran kecil agar CI tetap singkat dan hasilnya berulang.
"""

from __future__ import annotations

import csv
import functools
import io
import shutil
import tempfile
from pathlib import Path

import duckdb
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kinerja.impor.masalah import ImporGagal
from tests.sampel import LRA, RAK
from tests.test_cli import FIXTURE, _baru

ATURAN = settings(derandomize=True, deadline=None, max_examples=40,
                  suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])

# Nilai yang menyerang: teks bebas (termasuk karakter kendali), angka ekstrem, bentuk khas Excel.
NILAI = st.one_of(
    st.text(max_size=40),
    st.text(alphabet=st.characters(min_codepoint=0, max_codepoint=0x1F), max_size=5),
    st.floats(allow_nan=True, allow_infinity=True).map(repr),
    st.integers(min_value=-(10 ** 30), max_value=10 ** 400).map(str),
    st.sampled_from(["1e309", "-1e309", "5E9988", "9" * 400, "inf", "NaN", "#N/A", "-", "(1.234,5)",
                     "1.234.567,89", "=1+1", "\x00", "a\x00b", "x" * 20_000, "", " ", "2026-13-45",
                     "99999999999", "0,0000001", "Rp 1.250.000.000", "85%", "1,2,3"]),
)


@pytest.fixture(scope="module")
def con(tmp_path_factory):
    db = tmp_path_factory.mktemp("sifat") / "kinerja.duckdb"
    _baru(db)
    c = duckdb.connect(str(db), read_only=True)
    yield c
    c.close()


def _hanya_imporgagal(fungsi) -> None:
    try:
        fungsi()
    except ImporGagal as e:
        assert e.masalah, "ImporGagal tanpa masalah yang dapat dilaporkan"
        for m in e.masalah:
            assert str(m).strip()


# --- Templat CSV (folder) ------------------------------------------------------------------------

_CSV = {p.name: list(csv.reader(io.StringIO(p.read_text(encoding="utf-8")))) for p in FIXTURE.glob("*.csv")}
_NAMA_CSV = sorted(_CSV)


@ATURAN
@given(berkas=st.sampled_from(_NAMA_CSV), baris=st.integers(0, 30), kolom=st.integers(0, 10), nilai=NILAI)
def test_templat_csv_sel_sembarang(con, berkas, baris, kolom, nilai):
    from kinerja.impor.muat import impor_template

    isi = [list(r) for r in _CSV[berkas]]
    r = isi[baris % len(isi)]
    r[kolom % len(r)] = nilai
    with tempfile.TemporaryDirectory() as d:
        folder = Path(d) / "data"
        shutil.copytree(FIXTURE, folder)
        with (folder / berkas).open("w", encoding="utf-8", newline="") as f:
            csv.writer(f).writerows(isi)
        _hanya_imporgagal(lambda: impor_template(con, [folder], dry_run=True))


@ATURAN
@given(berkas=st.sampled_from(_NAMA_CSV), awal=st.binary(max_size=30), potong=st.integers(0, 400))
def test_templat_csv_byte_rusak(con, berkas, awal, potong):
    """Berkas yang diawali byte sembarang (BOM lain, sandi lain) atau terpotong di tengah."""
    from kinerja.impor.muat import impor_template

    asli = (FIXTURE / berkas).read_bytes()
    with tempfile.TemporaryDirectory() as d:
        folder = Path(d) / "data"
        shutil.copytree(FIXTURE, folder)
        (folder / berkas).write_bytes(awal + asli[:len(asli) - potong])
        _hanya_imporgagal(lambda: impor_template(con, [folder], dry_run=True))


# --- Templat XLSX --------------------------------------------------------------------------------

@functools.cache
def _templat() -> bytes:
    """Bukan fixture: hypothesis mencetak argumen contoh yang gagal, dan 40 kB byte tak terbaca."""
    from kinerja.impor.templat_xlsx import tulis_templat

    with tempfile.TemporaryDirectory() as d:
        path = Path(d) / "templat.xlsx"
        tulis_templat(path, contoh=True)
        return path.read_bytes()


@ATURAN
@given(lembar=st.integers(1, 8), baris=st.integers(1, 12), kolom=st.integers(1, 10),
       nilai=st.one_of(NILAI, st.floats(allow_nan=True, allow_infinity=True), st.integers(-10**20, 10**20)))
def test_templat_xlsx_sel_sembarang(con, lembar, baris, kolom, nilai):
    import openpyxl
    from openpyxl.utils.exceptions import IllegalCharacterError

    from kinerja.impor.muat import impor_template

    wb = openpyxl.load_workbook(io.BytesIO(_templat()))
    ws = wb.worksheets[lembar % len(wb.worksheets)]
    try:
        ws.cell(baris, kolom).value = nilai
    except (ValueError, TypeError, IllegalCharacterError):
        return  # openpyxl sendiri menolak menulis nilai itu: bukan berkas yang bisa ada
    with tempfile.TemporaryDirectory() as d:
        path = Path(d) / "isi.xlsx"
        wb.save(path)
        _hanya_imporgagal(lambda: impor_template(con, [path], dry_run=True))


# --- Ekspor SIPD (LRA dan RAK) -------------------------------------------------------------------

def _buku(path: Path):
    import openpyxl

    return openpyxl.load_workbook(io.BytesIO(path.read_bytes()))


@pytest.fixture(scope="module")
def sampel() -> dict[str, bytes]:
    return {"sipd-lra": LRA.read_bytes(), "sipd-rak": RAK.read_bytes()}


@settings(ATURAN, max_examples=25)
@given(jenis=st.sampled_from(["sipd-lra", "sipd-rak"]), baris=st.integers(1, 120), kolom=st.integers(1, 30),
       nilai=st.one_of(NILAI, st.floats(allow_nan=True, allow_infinity=True), st.none()))
def test_sipd_sel_sembarang(con, sampel, jenis, baris, kolom, nilai):
    import openpyxl
    from openpyxl.utils.exceptions import IllegalCharacterError

    from kinerja.impor.muat_sipd import impor_sipd

    wb = openpyxl.load_workbook(io.BytesIO(sampel[jenis]))
    ws = wb.worksheets[0]
    try:
        ws.cell(baris, kolom).value = nilai
    except (ValueError, TypeError, AttributeError, IllegalCharacterError):
        return  # sel gabungan (baca-saja) atau nilai yang tidak dapat ditulis openpyxl
    with tempfile.TemporaryDirectory() as d:
        path = Path(d) / f"{jenis}.xlsx"
        wb.save(path)
        opsi = {"bulan": 1, "kumulatif": True} if jenis == "sipd-lra" else {}
        _hanya_imporgagal(lambda: impor_sipd(con, path, jenis, buat_opd=True, kode_pemda="18.01",
                                             dry_run=True, **opsi))
