"""Makro dan view (objek turunan) mengikuti versi aplikasi, tanpa menyentuh data.

Database yang dibangun versi aplikasi sebelumnya (VERSI_SKEMA sama) belum
memiliki makro/view terbaru; halaman lalu gagal dengan "Catalog Error". Aturan
dicatat dengan sidik berkas SQL turunan dan dibuat ulang bila sidiknya lain.
"""

from __future__ import annotations

import hashlib
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import pytest

from kinerja import db
from kinerja.basisdata.demo import bangun_demo, demo_mutakhir
from kinerja.basisdata.lokasi import FOLDER_SKEMA
from kinerja.skema import (
    BERKAS_TURUNAN, SkemaTidakCocok, berkas_skema, perbarui_turunan, periksa_turunan,
    sidik_turunan, turunan_mutakhir,
)

AKAR = Path(__file__).resolve().parent.parent
FIXTURE = AKAR / "tests" / "fixtures" / "kecil"
TURUNAN = re.compile(r"CREATE\s+OR\s+REPLACE\s+(MACRO|VIEW)\s+\w+", re.IGNORECASE)
MAKRO_ATAU_VIEW = re.compile(r"CREATE\s+(OR\s+REPLACE\s+)?(TEMP\w*\s+)?(MACRO|FUNCTION|VIEW)\b",
                             re.IGNORECASE)
PARAM_ANGGARAN = dict(kode_pemda="T01", triwulan=4, kelompok=None, kode_urusan=None, opd=[])


def _jadikan_basi(con) -> None:
    """Seperti database dari versi aplikasi sebelumnya: tanpa sidik, makro terbaru belum ada."""
    con.execute("DROP TABLE IF EXISTS skema_turunan")
    con.execute("DROP MACRO fisik_tertimbang")


def _isi_tabel(con) -> dict:
    tabel = [r[0] for r in con.execute(
        "SELECT table_name FROM duckdb_tables() WHERE NOT internal AND table_name <> 'skema_turunan' "
        "ORDER BY table_name").fetchall()]
    # Sebagai teks: perbandingan persis tanpa pytz untuk kolom TIMESTAMPTZ.
    return {t: con.execute(f'SELECT CAST(COLUMNS(*) AS VARCHAR) FROM "{t}" ORDER BY ALL').fetchall()
            for t in tabel}


def _sidik_berkas(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _jalankan(*argumen: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "kinerja", *argumen], cwd=AKAR,
                          capture_output=True, text=True, timeout=120)


def _berkas_basi(sumber: Path, tujuan: Path) -> Path:
    shutil.copyfile(sumber, tujuan)
    con = duckdb.connect(str(tujuan))
    _jadikan_basi(con)
    con.close()
    return tujuan


# --- Berkas skema: pemisahan tabel dan turunan --------------------------------------------------

def test_berkas_turunan_hanya_create_or_replace_makro_dan_view():
    """Berkas turunan dijalankan ulang pada database berisi data: harus aman diulang."""
    semua = {b.name for b in berkas_skema()}
    assert BERKAS_TURUNAN and set(BERKAS_TURUNAN) <= semua
    for nama in BERKAS_TURUNAN:
        pernyataan = duckdb.extract_statements((FOLDER_SKEMA / nama).read_text(encoding="utf-8"))
        assert pernyataan, nama
        for p in pernyataan:
            assert TURUNAN.match(p.query.strip()), f"{nama}: bukan CREATE OR REPLACE MACRO/VIEW: {p.query[:80]!r}"


def test_berkas_tabel_tanpa_makro_atau_view():
    for berkas in berkas_skema():
        if berkas.name in BERKAS_TURUNAN:
            continue
        for p in duckdb.extract_statements(berkas.read_text(encoding="utf-8")):
            assert not MAKRO_ATAU_VIEW.match(p.query.strip()), \
                f"{berkas.name}: makro/view harus di berkas turunan ({', '.join(BERKAS_TURUNAN)})"


# --- Sidik dan pembaruan ------------------------------------------------------------------------

def test_database_baru_mutakhir(con_kosong):
    assert turunan_mutakhir(con_kosong)
    assert con_kosong.execute("SELECT sidik FROM skema_turunan").fetchall() == [(sidik_turunan(),)]
    assert perbarui_turunan(con_kosong) is False
    periksa_turunan(con_kosong)  # tidak melempar


def test_makro_hilang_diperbarui_data_utuh(con_kecil):
    _jadikan_basi(con_kecil)
    with pytest.raises(duckdb.CatalogException, match="fisik_tertimbang"):
        db.kueri(con_kecil, "ringkasan_anggaran_tahunan", **PARAM_ANGGARAN)
    assert not turunan_mutakhir(con_kecil)
    sebelum = _isi_tabel(con_kecil)
    assert sebelum["target_realisasi"] and sebelum["anggaran_bulanan"]

    assert perbarui_turunan(con_kecil) is True
    hasil = db.kueri(con_kecil, "ringkasan_anggaran_tahunan", **PARAM_ANGGARAN)
    assert len(hasil) > 0
    assert _isi_tabel(con_kecil) == sebelum
    assert turunan_mutakhir(con_kecil)
    assert perbarui_turunan(con_kecil) is False


def test_makro_hilang_walau_sidik_cocok_tetap_basi(con_kosong):
    con_kosong.execute("DROP MACRO fisik_tertimbang")
    assert not turunan_mutakhir(con_kosong)
    assert perbarui_turunan(con_kosong) is True
    assert turunan_mutakhir(con_kosong)


def test_view_lama_diganti(con_kecil):
    """View dari versi lain (kolom lain) dibuat ulang; view yang bergantung pada makro tetap jalan."""
    con_kecil.execute("CREATE OR REPLACE VIEW v_capaian_opd AS SELECT 1 AS lama")
    con_kecil.execute("UPDATE skema_turunan SET sidik = 'versi-lama'")
    assert not turunan_mutakhir(con_kecil)
    assert perbarui_turunan(con_kecil) is True
    kolom = [r[0] for r in con_kecil.execute("DESCRIBE v_capaian_opd").fetchall()]
    assert "peringkat" in kolom and "lama" not in kolom
    assert con_kecil.execute("SELECT count(*) FROM v_capaian_opd").fetchone()[0] > 0
    assert con_kecil.execute("SELECT count(*) FROM skema_turunan").fetchone()[0] == 1


def test_bukan_database_kinerja_tidak_disentuh():
    con = duckdb.connect(":memory:")
    con.execute("CREATE TABLE lain (a INTEGER)")
    with pytest.raises(SkemaTidakCocok):
        perbarui_turunan(con)
    assert con.execute("SELECT count(*) FROM duckdb_functions() WHERE function_type = 'macro' "
                       "AND NOT internal").fetchone()[0] == 0
    con.close()


def test_baca_saja_memeriksa_tanpa_menulis(db_kecil_berkas):
    con = duckdb.connect(str(db_kecil_berkas))
    _jadikan_basi(con)
    con.close()
    sidik = _sidik_berkas(db_kecil_berkas)
    con = db.buka(db_kecil_berkas, read_only=True)
    try:
        assert turunan_mutakhir(con) is False
        with pytest.raises(SkemaTidakCocok, match=r"python -m kinerja perbarui --db"):
            periksa_turunan(con)
    finally:
        con.close()
    assert _sidik_berkas(db_kecil_berkas) == sidik


# --- Demo ---------------------------------------------------------------------------------------

def test_demo_basi_dibangun_ulang(db_demo, tmp_path):
    path = _berkas_basi(db_demo, tmp_path / "demo.duckdb")
    assert not demo_mutakhir(path)
    assert bangun_demo(path) is not None
    assert demo_mutakhir(path)
    con = db.buka(path, read_only=True)
    try:
        kode = db.kueri(con, "pemda")["kode_pemda"].iloc[0]
        assert len(db.kueri(con, "ringkasan_anggaran_tahunan", **{**PARAM_ANGGARAN, "kode_pemda": kode})) > 0
    finally:
        con.close()
    assert bangun_demo(path) is None


# --- Baris perintah -----------------------------------------------------------------------------

def test_cli_perbarui(db_kecil_berkas):
    con = duckdb.connect(str(db_kecil_berkas))
    _jadikan_basi(con)
    con.close()
    pertama = _jalankan("perbarui", "--db", str(db_kecil_berkas))
    assert pertama.returncode == 0, pertama.stderr
    assert "diperbarui" in pertama.stdout
    con = db.buka(db_kecil_berkas, read_only=True)
    assert turunan_mutakhir(con)
    con.close()
    sidik = _sidik_berkas(db_kecil_berkas)
    kedua = _jalankan("perbarui", "--db", str(db_kecil_berkas))
    assert kedua.returncode == 0, kedua.stderr
    assert "sudah mutakhir" in kedua.stdout
    assert _sidik_berkas(db_kecil_berkas) == sidik, "perbarui kedua kali tidak boleh mengubah berkas"


def test_cli_perbarui_bantuan_dan_tanpa_database(tmp_path):
    bantuan = _jalankan("perbarui", "--help")
    assert bantuan.returncode == 0
    assert "Pemakaian:" in bantuan.stdout and "tampilkan bantuan ini" in bantuan.stdout
    assert "--db" in bantuan.stdout
    tidak_ada = _jalankan("perbarui", "--db", str(tmp_path / "tidak-ada.duckdb"))
    assert tidak_ada.returncode == 1
    assert "python -m kinerja demo" in tidak_ada.stderr


def test_cli_perbarui_menolak_berkas_asing(tmp_path):
    asing = tmp_path / "asing.duckdb"
    duckdb.connect(str(asing)).execute("CREATE TABLE lain (a INTEGER)").close()
    hasil = _jalankan("perbarui", "--db", str(asing))
    assert hasil.returncode == 1
    assert "bukan database Dasbor Kinerja OPD" in hasil.stderr


def test_cli_impor_pada_database_basi(db_demo, tmp_path):
    from kinerja.basisdata.lokasi import FOLDER_DEMO

    path = _berkas_basi(db_demo, tmp_path / "k.duckdb")
    sidik = _sidik_berkas(path)
    # Data demo sendiri: pemda lain tidak dimuat ke database demo.
    uji = _jalankan("impor", "--db", str(path), "--dry-run", str(FOLDER_DEMO))
    assert uji.returncode == 0, uji.stderr
    assert _sidik_berkas(path) == sidik, "uji coba tidak menulis apa pun, termasuk aturan"
    nyata = _jalankan("impor", "--db", str(path), str(FOLDER_DEMO))
    assert nyata.returncode == 0, nyata.stderr
    assert "dimuat" in nyata.stdout
    con = db.buka(path, read_only=True)
    try:
        assert turunan_mutakhir(con)
        assert len(db.kueri(con, "ringkasan_anggaran_tahunan", **{**PARAM_ANGGARAN, "kode_pemda": "99.01"})) > 0
    finally:
        con.close()


# --- Aplikasi -----------------------------------------------------------------------------------

def test_aplikasi_memperbarui_database_basi(monkeypatch, db_kecil_berkas):
    from tests.bantu_apptest import buka_halaman

    con = duckdb.connect(str(db_kecil_berkas))
    _jadikan_basi(con)
    con.close()
    at = buka_halaman(monkeypatch, db_kecil_berkas)
    assert not at.error, [e.value for e in at.error]
    assert any("Aturan database diperbarui" in t.value for t in at.toast)
    con = db.buka(db_kecil_berkas, read_only=True)
    assert turunan_mutakhir(con)
    con.close()


def _penahan(db_path, baca_saja: bool) -> subprocess.Popen:
    p = subprocess.Popen(
        [sys.executable, "-c",
         "import duckdb, sys\n"
         f"c = duckdb.connect({str(db_path)!r}, read_only={baca_saja})\n"
         "print('siap', flush=True)\n"
         "sys.stdin.readline()\n"],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    assert p.stdout.readline().strip() == "siap"
    return p


def _lepas(p: subprocess.Popen) -> None:
    p.stdin.write("\n")
    p.stdin.flush()
    p.wait(timeout=30)


def test_aplikasi_database_basi_dibuka_proses_lain(monkeypatch, db_kecil_berkas):
    """Dasbor lain membuka berkas (baca-saja): aturan tetap diperbarui lewat salinan yang
    ditukar, tanpa menghentikan proses itu."""
    from streamlit.testing.v1 import AppTest

    con = duckdb.connect(str(db_kecil_berkas))
    _jadikan_basi(con)
    con.close()
    penahan = _penahan(db_kecil_berkas, baca_saja=True)
    try:
        monkeypatch.setenv("KINERJA_DB", str(db_kecil_berkas))
        at = AppTest.from_file(str(AKAR / "app.py"), default_timeout=60)
        at.run()
        assert not at.exception, [e.value for e in at.exception]
        assert not at.error, [e.value for e in at.error]
        assert any("Aturan database diperbarui" in t.value for t in at.toast)
        assert penahan.poll() is None
    finally:
        _lepas(penahan)
    con = db.buka(db_kecil_berkas, read_only=True)
    assert turunan_mutakhir(con)
    con.close()


def test_aplikasi_database_sedang_ditulis_memberi_petunjuk(monkeypatch, db_kecil_berkas):
    """Proses lain memegang kunci tulis: pesan jelas, bukan traceback; setelah selesai, jalan."""
    from streamlit.testing.v1 import AppTest

    con = duckdb.connect(str(db_kecil_berkas))
    _jadikan_basi(con)
    con.close()
    penahan = _penahan(db_kecil_berkas, baca_saja=False)
    try:
        monkeypatch.setenv("KINERJA_DB", str(db_kecil_berkas))
        at = AppTest.from_file(str(AKAR / "app.py"), default_timeout=60)
        at.run()
        assert not at.exception, [e.value for e in at.exception]
        assert "sedang ditulis proses lain" in " ".join(e.value for e in at.error)
    finally:
        _lepas(penahan)
    time.sleep(0.05)
    at.run()
    assert not at.error, [e.value for e in at.error]
