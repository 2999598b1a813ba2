"""Setiap berkas rusak dan setiap kebiasaan lembar kerja yang tidak sah: pesan menyebut
tempat dan nilainya, dan berkas database tetap sama persis (byte demi byte)."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import openpyxl
import pytest

from kinerja.cli.perintah import main
from kinerja.impor.templat_xlsx import tulis_templat
from tests.sampel import SAMPEL_SIPD

SAMPEL = SAMPEL_SIPD


def _sidik(p: Path) -> str:
    return hashlib.sha256(p.read_bytes()).hexdigest()


@pytest.fixture
def db(tmp_path, db_demo) -> Path:
    salinan = tmp_path / "k.duckdb"
    shutil.copy(db_demo, salinan)
    return salinan


def _templat(tmp_path: Path, ubah) -> Path:
    p = tmp_path / "isi.xlsx"
    tulis_templat(p)
    wb = openpyxl.load_workbook(p)
    ubah(wb)
    wb.save(p)
    return p


def _sel(wb, lembar: str, kolom: str, baris: int, nilai) -> None:
    ws = wb[lembar]
    judul = [c.value for c in ws[1]]
    ws.cell(row=baris, column=judul.index(kolom) + 1, value=nilai)


def _rusak_kosong(tmp):
    p = tmp / "kosong.xlsx"
    p.write_bytes(b"")
    return p


def _rusak_teks(tmp):
    p = tmp / "bukan.xlsx"
    p.write_text("ini bukan excel")
    return p


def _rusak_terpotong(tmp):
    p = tmp / "terpotong.xlsx"
    tulis_templat(p)
    p.write_bytes(p.read_bytes()[:4000])
    return p


def _rusak_sandi(tmp):
    p = tmp / "terkunci.xlsx"
    p.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + "EncryptedPackage".encode("utf-16-le") + b"\0" * 2048)
    return p


def _rusak_lra_jumlah(tmp):
    """Ekspor LRA yang jumlah programnya tidak lagi sama dengan baris OPD (terpotong/diubah)."""
    p = tmp / "lra_diubah.xlsx"
    wb = openpyxl.load_workbook(SAMPEL / "lra_januari.xlsx")
    wb.active["F13"] = 1_000
    wb.save(p)
    return p


BERKAS_RUSAK = [
    (_rusak_kosong, ["kosong.xlsx", "kosong"]),
    (_rusak_teks, ["bukan.xlsx", "bukan berkas Excel"]),
    (_rusak_terpotong, ["terpotong.xlsx", "terpotong"]),
    (_rusak_sandi, ["terkunci.xlsx", "kata sandi"]),
    (_rusak_lra_jumlah, ["lra_diubah.xlsx", "baris 13"]),
]


@pytest.mark.parametrize("buat,potongan", BERKAS_RUSAK, ids=lambda x: getattr(x, "__name__", ""))
def test_berkas_rusak_ditolak_database_sama(db, tmp_path, capsys, buat, potongan):
    berkas = buat(tmp_path)
    sebelum = _sidik(db)
    kode = main(["impor", "--db", str(db), "--bulan", "1", "--kumulatif", str(berkas)])
    pesan = capsys.readouterr().err
    assert kode == 1
    for p in potongan:
        assert p in pesan, pesan
    assert "database tidak berubah" in pesan or "tidak dikenali" in pesan or "Impor ditolak" in pesan
    assert _sidik(db) == sebelum


KEBIASAAN = [
    # (lembar, kolom, baris, nilai, potongan pesan yang wajib ada)
    ("capaian", "target", 2, "tujuh", ["lembar capaian", "baris 2", "kolom target", "'tujuh'"]),
    ("capaian", "triwulan", 3, 5, ["baris 3", "kolom triwulan", "di luar rentang"]),
    ("capaian", "tahun", 2, 1899, ["baris 2", "kolom tahun", "1899"]),
    ("capaian", "indikator_id", 2, "#N/A", ["baris 2", "kolom indikator_id", "wajib diisi"]),
    ("capaian", "indikator_id", 2, "TIDAK-ADA-99", ["baris 2", "indikator tidak dikenal", "TIDAK-ADA-99"]),
    ("anggaran", "kode_opd", 2, "9.99.0.00.0.00.01.0000", ["lembar anggaran", "baris 2", "OPD tidak dikenal"]),
    ("anggaran", "bulan", 2, 13, ["lembar anggaran", "baris 2", "kolom bulan"]),
    ("anggaran", "realisasi_kumulatif", 2, "Rp 999.999.999.999.999", ["baris 2", "kolom realisasi_kumulatif",
                                                                      "melebihi pagu", "999.999.999.999.999"]),
    ("opd", "kode_opd", 2, "2.16.01", ["lembar opd", "baris 2", "kolom kode_opd", "2.16.01"]),
    ("indikator", "polaritas", 2, "positif", ["lembar indikator", "baris 2", "kolom polaritas", "naik, turun, rentang"]),
]


@pytest.mark.parametrize("lembar,kolom,baris,nilai,potongan", KEBIASAAN,
                         ids=[f"{k[0]}-{k[1]}-{k[3]}" for k in KEBIASAAN])
def test_sel_tidak_sah_dilaporkan_database_sama(db, tmp_path, capsys, lembar, kolom, baris, nilai, potongan):
    berkas = _templat(tmp_path, lambda wb: _sel(wb, lembar, kolom, baris, nilai))
    sebelum = _sidik(db)
    kode = main(["impor", "--db", str(db), str(berkas)])
    pesan = capsys.readouterr().err
    assert kode == 1, pesan
    for p in potongan:
        assert p in pesan, pesan
    assert _sidik(db) == sebelum


def test_kebiasaan_yang_sah_dimuat(db, tmp_path, capsys):
    """Koma desimal, persen, Rupiah bertitik, '-' kosong dan baris Total: semua diterima."""
    def ubah(wb):
        _sel(wb, "capaian", "realisasi", 2, "9,55")
        _sel(wb, "capaian", "target_atas", 3, "-")
        _sel(wb, "anggaran", "pagu", 2, "Rp 1.250.000.000.000")
        _sel(wb, "anggaran", "realisasi_fisik", 2, "85%")
        ws = wb["anggaran"]
        ws.cell(row=ws.max_row + 1, column=1, value="Total")
    berkas = _templat(tmp_path, ubah)
    kode = main(["impor", "--db", str(db), str(berkas)])
    keluar = capsys.readouterr()
    assert kode == 0, keluar.err
    import duckdb

    con = duckdb.connect(str(db), read_only=True)
    pagu = con.execute("SELECT max(pagu) FROM anggaran_bulanan WHERE pagu = 1250000000000").fetchone()[0]
    con.close()
    assert pagu == 1_250_000_000_000
