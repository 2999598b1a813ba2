"""Migrasi skema (versi 1 -> terbaru) dan jejak audit: siapa, kapan, apa, dari mana untuk
setiap impor, pemulihan dan pembuatan database (isu "Who may see and do what", butir 3)."""

from __future__ import annotations

import shutil

import duckdb
import pytest

from kinerja import db
from kinerja.skema import (FOLDER_SKEMA, VERSI_SKEMA, berkas_migrasi, perbarui_turunan, periksa_turunan,
                           SkemaTidakCocok, turunan_mutakhir, versi_database)
from tests.sampel import LRA
from tests.test_cli import FIXTURE, _baru, _jalankan, _sidik


def _database_versi_1(path):
    """Database seperti yang dibangun aplikasi sebelum migrasi ada: berkas 001-004, versi 1,
    dan satu pemda serta satu baris log impor sebagai data pengguna."""
    con = duckdb.connect(str(path))
    for berkas in sorted(FOLDER_SKEMA.glob("[0-9][0-9][0-9]_*.sql")):
        con.execute(berkas.read_text(encoding="utf-8"))
    con.execute("INSERT INTO skema_info (versi) VALUES (1)")
    con.execute("INSERT INTO pemda VALUES ('18.01', 'Kabupaten Lampung Selatan', NULL)")
    con.execute("INSERT INTO log_impor (waktu, pengguna, nama_file, sha256, format, hasil) "
                "VALUES (current_timestamp, 'analis', 'lama.xlsx', 'abc', 'template', 'berhasil')")
    con.close()


def _baca(path, sql):
    con = duckdb.connect(str(path), read_only=True)
    try:
        return con.execute(sql).fetchall()
    finally:
        con.close()


def test_versi_skema_dari_berkas_migrasi():
    assert VERSI_SKEMA == max(berkas_migrasi()) >= 2
    assert sorted(berkas_migrasi()) == list(range(2, VERSI_SKEMA + 1))  # tanpa nomor yang terlewat


def test_database_versi_1_dinaikkan_tanpa_kehilangan_data(tmp_path):
    path = tmp_path / "lama.duckdb"
    _database_versi_1(path)
    con = duckdb.connect(str(path))
    try:
        assert versi_database(con) == 1 and not turunan_mutakhir(con)
        assert perbarui_turunan(con)
        assert versi_database(con) == VERSI_SKEMA and turunan_mutakhir(con)
        assert con.execute("SELECT count(*) FROM jejak_audit").fetchone()[0] == 0
        assert con.execute("SELECT kode_pemda FROM pemda").fetchall() == [("18.01",)]
        assert con.execute("SELECT nama_file FROM log_impor").fetchall() == [("lama.xlsx",)]
        assert not perbarui_turunan(con)  # kedua kali: tidak ada yang berubah
    finally:
        con.close()


def test_baca_saja_pada_versi_lama_menunjuk_perbarui(tmp_path):
    path = tmp_path / "lama.duckdb"
    _database_versi_1(path)
    con = db.buka(path, read_only=True)
    try:
        with pytest.raises(SkemaTidakCocok, match="python -m kinerja perbarui"):
            periksa_turunan(con, path)
    finally:
        con.close()


def test_cli_perbarui_dan_impor_menaikkan_versi_lama(tmp_path):
    path = tmp_path / "lama.duckdb"
    _database_versi_1(path)
    hasil = _jalankan("impor", "--db", str(path), "--bulan", "1", "--kumulatif", "--buat-opd", str(LRA))
    assert hasil.returncode == 0, hasil.stderr
    assert _baca(path, "SELECT max(versi) FROM skema_info") == [(VERSI_SKEMA,)]
    assert _baca(path, "SELECT tindakan FROM jejak_audit") == [("impor",)]


def test_impor_cli_tercatat_di_jejak_audit(tmp_path):
    path = tmp_path / "lamsel.duckdb"
    _baru(path)
    hasil = _jalankan("impor", "--db", str(path), str(FIXTURE))
    assert hasil.returncode == 0, hasil.stderr
    ditolak = _jalankan("impor", "--db", str(path), str(tmp_path / "tidak-ada.csv"))
    assert ditolak.returncode == 1
    baris = _baca(path, "SELECT tindakan, rincian, pengguna, asal FROM jejak_audit ORDER BY id")
    assert [b[0] for b in baris] == ["baru", "impor"]  # impor yang ditolak tidak mengubah apa pun
    assert "Kabupaten Lampung Selatan (18.01)" in baris[0][1]
    assert baris[1][1].startswith("template: kecil/") and "11 indikator" in baris[1][1]
    assert baris[1][2] and baris[1][3].startswith("baris perintah (")


def test_pulihkan_tercatat_dan_cadangan_versi_lama_dinaikkan(tmp_path):
    path = tmp_path / "lamsel.duckdb"
    _database_versi_1(path)
    folder = tmp_path / "lamsel.cadangan"
    folder.mkdir()
    shutil.copyfile(path, folder / "lamsel-20260101-080000.duckdb")
    _baru(tmp_path / "lain.duckdb")
    shutil.copyfile(tmp_path / "lain.duckdb", path)  # database kini berisi hal lain
    hasil = _jalankan("pulihkan", "--db", str(path), "lamsel-20260101-080000.duckdb")
    assert hasil.returncode == 0, hasil.stderr
    assert _baca(path, "SELECT max(versi) FROM skema_info") == [(VERSI_SKEMA,)]
    assert _baca(path, "SELECT nama_file FROM log_impor WHERE hasil = 'berhasil'") == [("lama.xlsx",)]
    (tindakan, rincian), = _baca(path, "SELECT tindakan, rincian FROM jejak_audit")
    assert tindakan == "pulihkan" and "lamsel-20260101-080000.duckdb" in rincian


def test_halaman_kelola_mencatat_asal_peramban(monkeypatch, tmp_path):
    from kinerja.impor import periksa as inti
    from kinerja.impor.periksa import Opsi

    path = tmp_path / "lamsel.duckdb"
    _baru(path)
    sebelum = _sidik(path)
    hasil = inti.muat_berkas(path, sorted(FIXTURE.glob("*.csv")), Opsi("template"),
                             pengguna="administrator (halaman Kelola Data)", asal="peramban 10.0.0.7")
    assert hasil.dimuat and _sidik(path) != sebelum
    assert _baca(path, "SELECT pengguna, asal FROM jejak_audit WHERE tindakan = 'impor'") == [
        ("administrator (halaman Kelola Data)", "peramban 10.0.0.7")]


def test_aplikasi_menaikkan_versi_lama_dan_admin_melihat_jejak(monkeypatch, tmp_path):
    from tests.bantu_apptest import buka_halaman
    from tests.test_halaman_kelola import _masuk

    path = tmp_path / "kinerja.duckdb"
    _database_versi_1(path)
    at = buka_halaman(monkeypatch, path)
    assert not at.error, [e.value for e in at.error]
    assert _baca(path, "SELECT max(versi) FROM skema_info") == [(VERSI_SKEMA,)]
    hasil = _jalankan("impor", "--db", str(path), "--bulan", "1", "--kumulatif", "--buat-opd", str(LRA))
    assert hasil.returncode == 0, hasil.stderr
    at = _masuk(monkeypatch, path)
    jejak = next(d.value for d in at.dataframe if "tindakan" in d.value.columns)
    # Masuknya administrator (jejak akses) di atas impor dari baris perintah (jejak data).
    assert list(jejak["tindakan"]) == ["masuk", "impor"] and "lra_januari.xlsx" in jejak["rincian"].iloc[1]
    assert any(b.label.startswith("Unduh seluruh jejak audit") for b in at.get("download_button"))


def test_unduhan_jejak_audit_berjudul_indonesia_dan_aman_formula():
    import pandas as pd

    from kinerja.ekspor import unduhan

    df = pd.DataFrame({"waktu": ["3 Desember 2026 21.21 WIB"], "pengguna": ["analis"], "tindakan": ["impor"],
                       "rincian": ["=HYPERLINK(\"http://x\")"], "asal": ["baris perintah (server)"]})
    teks = unduhan.ke_csv(df, unduhan.KOLOM_JEJAK_AUDIT).decode("utf-8-sig").splitlines()
    assert teks[0] == "Waktu;Pengguna;Tindakan;Rincian;Dari"
    assert ";'=HYPERLINK" in teks[1] or ";\"'=HYPERLINK" in teks[1]  # rumus tidak dijalankan spreadsheet
