"""Serangan lewat ukuran berkas impor: sel nyasar di baris 1.048.576 dan lembar yang terlalu
panjang. Lembar dibaca per sel yang berisi (bukan menurut dimensinya), pesan tetap menyebut
nomor baris Excel yang benar, dan lembar dengan lebih dari batas baris (KINERJA_BATAS_BARIS)
ditolak dengan pesan yang menyebut batasnya. Database tetap sama persis (byte demi byte)."""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
from pathlib import Path

import duckdb
import openpyxl
import pytest

from kinerja.cli.perintah import main
from kinerja.impor.masalah import ImporGagal
from kinerja.impor.muat import impor_template
from kinerja.impor.muat_sipd import impor_sipd
from kinerja.impor.sipd_lembar import Lembar
from kinerja.impor.templat_xlsx import baca_xlsx
from kinerja.basisdata.lokasi import batas_baris
from tests.sampel import LRA, RAK

AKAR = Path(__file__).resolve().parent.parent
BARIS_TERAKHIR_EXCEL = 1_048_576
JUDUL_OPD = ["kode_pemda", "kode_opd", "nama_opd", "singkatan"]
JUDUL_ANGGARAN = ["kode_pemda", "kode_opd", "tahun", "bulan", "pagu", "rak_kumulatif",
                  "realisasi_kumulatif", "realisasi_fisik"]


def _sidik(p: Path) -> str:
    return hashlib.sha256(p.read_bytes()).hexdigest()


@pytest.fixture
def db(tmp_path, db_demo) -> Path:
    salinan = tmp_path / "k.duckdb"
    shutil.copy(db_demo, salinan)
    return salinan


def _buku(path: Path, lembar: dict[str, dict[int, list]]) -> Path:
    """Buku kerja templat kecil: {lembar: {nomor baris Excel: nilai sel mulai kolom A}}."""
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    for nama, baris in lembar.items():
        ws = wb.create_sheet(nama)
        for r, nilai in baris.items():
            for c, v in enumerate(nilai, start=1):
                if v is not None:
                    ws.cell(row=r, column=c, value=v)
    wb.save(path)
    return path


def _impor_cli_ditolak(db: Path, berkas: Path, capsys, *argumen: str) -> str:
    sebelum = _sidik(db)
    kode = main(["impor", "--db", str(db), *argumen, str(berkas)])
    pesan = capsys.readouterr().err
    assert kode == 1, pesan
    assert "Traceback" not in pesan
    assert _sidik(db) == sebelum
    return pesan


def _ditolak_api(db: Path, jalankan) -> str:
    """Panggil impor lewat API Python; harus ImporGagal dan berkas database tidak berubah."""
    sebelum = _sidik(db)
    con = duckdb.connect(str(db))
    try:
        with pytest.raises(ImporGagal) as e:
            jalankan(con)
    finally:
        con.close()
    assert _sidik(db) == sebelum
    return "\n".join(str(m) for m in e.value.masalah)


# --- 1. Sel nyasar di baris terakhir Excel ---------------------------------------------

def test_sel_nyasar_templat_hanya_baris_berisi_yang_dibaca(db, tmp_path, capsys):
    """Data di baris 2, baris 10 (baris 3-9 kosong) dan satu baris di baris 1.048.576: reader
    menghasilkan 3 baris, bukan 1.048.575, dan semuanya dimuat."""
    berkas = _buku(tmp_path / "nyasar.xlsx", {"opd": {
        1: JUDUL_OPD,
        2: [None, "1.01.0.00.0.00.91.0000", "Dinas Uji Satu", "Uji1"],
        10: [None, "1.01.0.00.0.00.92.0000", "Dinas Uji Dua", "Uji2"],
        BARIS_TERAKHIR_EXCEL: [None, "1.01.0.00.0.00.93.0000", "Dinas Uji Nyasar", "Uji3"],
    }})
    (opd,) = baca_xlsx(berkas)
    assert len(opd.data) == 3
    assert opd.nomor_baris == [2, 10, BARIS_TERAKHIR_EXCEL]

    assert main(["impor", "--db", str(db), str(berkas)]) == 0, capsys.readouterr().err
    con = duckdb.connect(str(db), read_only=True)
    nama = con.execute("SELECT kode_opd, nama_opd FROM opd WHERE kode_opd LIKE '1.01.0.00.0.00.9_.0000' "
                       "ORDER BY kode_opd").fetchall()
    con.close()
    assert nama == [("1.01.0.00.0.00.91.0000", "Dinas Uji Satu"),
                    ("1.01.0.00.0.00.92.0000", "Dinas Uji Dua"),
                    ("1.01.0.00.0.00.93.0000", "Dinas Uji Nyasar")]


def test_sel_nyasar_dan_sela_kosong_pesan_menyebut_baris_excel(db, tmp_path, capsys):
    """Satu sel nama_opd di baris 1.048.576 (seperti serangan aslinya) dan kode salah di baris
    10 setelah tujuh baris kosong: pesan menyebut baris 10 dan 1048576."""
    berkas = _buku(tmp_path / "nyasar.xlsx", {"opd": {
        1: JUDUL_OPD,
        2: [None, "1.01.0.00.0.00.91.0000", "Dinas Uji Satu", "Uji1"],
        10: [None, "1.01", "Dinas Uji Dua", "Uji2"],
        BARIS_TERAKHIR_EXCEL: [None, None, "x", None],
    }})
    (opd,) = baca_xlsx(berkas)
    assert len(opd.data) == 3
    assert opd.nomor_baris == [2, 10, BARIS_TERAKHIR_EXCEL]
    pesan = _impor_cli_ditolak(db, berkas, capsys, "--dry-run")
    assert ("nyasar.xlsx, lembar opd, baris 10, kolom kode_opd: kode OPD harus berbentuk "
            "X.XX.X.XX.X.XX.NN.NNNN (nilai: '1.01')") in pesan, pesan
    assert "nyasar.xlsx, lembar opd, baris 1048576, kolom kode_opd: wajib diisi" in pesan, pesan
    assert pesan.count("lembar opd, baris") == 2, pesan


def test_gabungan_jauh_di_bawah_data_tidak_menjadi_baris(db, tmp_path, capsys):
    """kode_opd digabung B2:B20000 padahal data hanya di baris 2-3: baris 4-20000 tidak punya
    sel sendiri, jadi bukan baris data (dulu: 19.997 baris 'nama_opd wajib diisi')."""
    berkas = _buku(tmp_path / "gabung.xlsx", {"opd": {
        1: JUDUL_OPD,
        2: [None, "1.01.0.00.0.00.91.0000", "Dinas Uji Satu", "Uji1"],
        3: [None, None, "Dinas Uji Satu (bagian 2)", None],
    }})
    wb = openpyxl.load_workbook(berkas)
    wb["opd"].merge_cells("B2:B20000")
    wb.save(berkas)
    (opd,) = baca_xlsx(berkas)
    assert len(opd.data) == 2
    assert opd.nomor_baris == [2, 3]
    assert list(opd.data["kode_opd"]) == ["1.01.0.00.0.00.91.0000", "1.01.0.00.0.00.91.0000"]


def test_pecahan_fisik_setelah_sela_kosong_menyebut_baris_excel(tmp_path):
    """realisasi_fisik 0 di baris 2 dan 0,85 di baris 6 (baris 3-5 kosong): pesan pecahan
    menyebut baris 6, tempat nilai pertama yang > 0."""
    opd = "1.01.0.00.0.00.01.0000"
    berkas = _buku(tmp_path / "fisik.xlsx", {"anggaran": {
        1: JUDUL_ANGGARAN,
        2: [None, opd, 2025, 1, 1000, None, None, 0],
        6: [None, opd, 2025, 2, 1000, None, None, 0.85],
    }})
    with pytest.raises(ImporGagal) as e:
        baca_xlsx(berkas)
    (m,) = e.value.masalah
    assert (m.lembar, m.baris, m.kolom, m.nilai) == ("anggaran", 6, "realisasi_fisik", "0,85")


def test_sel_nyasar_sipd_tidak_membuat_sel_kosong(db, tmp_path):
    """Ekspor LRA dengan satu sel di C1048576: pembaca SIPD tidak membuat sejuta baris sel
    kosong (dulu: 50 detik, 3,5 GB), dan pesannya menyebut baris dan kolom sel itu."""
    wb = openpyxl.load_workbook(LRA)
    ws = wb.worksheets[0]
    berisi = {r for (r, _), s in ws._cells.items() if s.value is not None}
    ws.cell(row=BARIS_TERAKHIR_EXCEL, column=3, value="x")
    sel_sebelum = len(ws._cells)
    lembar = Lembar(ws)
    assert len(ws._cells) == sel_sebelum  # tidak ada sel yang dibuat untuk membaca
    assert lembar.baris_berisi() == sorted(berisi | {BARIS_TERAKHIR_EXCEL})
    berkas = tmp_path / "lra_nyasar.xlsx"
    wb.save(berkas)
    pesan = _ditolak_api(db, lambda con: impor_sipd(con, berkas, "sipd-lra", bulan=1, kumulatif=True))
    assert "lra_nyasar.xlsx, lembar Sheet1, baris 1048576, kolom C: kode tidak dikenali" in pesan, pesan


# --- 2. Batas baris per lembar --------------------------------------------------------

def _pesan_batas(tempat: str, batas: str) -> str:
    return (f"{tempat}: terlalu banyak baris data (lebih dari {batas} baris; batas {batas} baris "
            "per lembar); pecah berkas per tahun atau per OPD, atau minta administrator menaikkan "
            "batasnya dengan variabel lingkungan KINERJA_BATAS_BARIS di server")


def test_batas_baris_bawaan_dan_dari_lingkungan(monkeypatch):
    monkeypatch.delenv("KINERJA_BATAS_BARIS", raising=False)
    assert batas_baris() == 500_000
    monkeypatch.setenv("KINERJA_BATAS_BARIS", " 1200 ")
    assert batas_baris() == 1200


def _csv_opd(folder: Path, jumlah: int) -> Path:
    folder.mkdir()
    baris = "".join(f",1.01.0.00.0.00.{90 + i}.0000,Dinas Uji {i},Uji{i}\n" for i in range(jumlah))
    (folder / "opd.csv").write_text(",".join(JUDUL_OPD) + "\n" + baris, encoding="utf-8")
    return folder


def test_csv_tepat_batas_diterima(db, tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("KINERJA_BATAS_BARIS", "3")
    folder = _csv_opd(tmp_path / "csv", 3)
    assert main(["impor", "--db", str(db), "--dry-run", str(folder)]) == 0, capsys.readouterr().err


def test_csv_melebihi_batas_ditolak(db, tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("KINERJA_BATAS_BARIS", "3")
    folder = _csv_opd(tmp_path / "csv", 4)
    harapan = _pesan_batas("opd.csv", "3")
    assert harapan in _ditolak_api(db, lambda con: impor_template(con, [folder]))
    assert harapan in _impor_cli_ditolak(db, folder, capsys)


def test_csv_batas_besar_berformat_indonesia(db, tmp_path, monkeypatch):
    """Angka batas memakai titik ribuan seperti pesan lain: 1.000, bukan 1,000 atau 1000."""
    monkeypatch.setenv("KINERJA_BATAS_BARIS", "1000")
    folder = tmp_path / "csv"
    folder.mkdir()
    baris = "".join(f",1.01.0.00.0.00.01.0000,Dinas {i},D\n" for i in range(1001))
    (folder / "opd.csv").write_text(",".join(JUDUL_OPD) + "\n" + baris, encoding="utf-8")
    assert _pesan_batas("opd.csv", "1.000") in _ditolak_api(db, lambda con: impor_template(con, [folder]))


def _xlsx_opd(path: Path, baris: list[int]) -> Path:
    isi = {1: JUDUL_OPD}
    isi.update({r: [None, f"1.01.0.00.0.00.{90 + i}.0000", f"Dinas Uji {i}", f"Uji{i}"]
                for i, r in enumerate(baris)})
    return _buku(path, {"opd": isi})


def test_xlsx_templat_tepat_batas_diterima(db, tmp_path, monkeypatch, capsys):
    """Tiga baris data, salah satunya di baris 1.048.576: yang dihitung baris berisi, bukan
    nomor baris terakhir."""
    monkeypatch.setenv("KINERJA_BATAS_BARIS", "3")
    berkas = _xlsx_opd(tmp_path / "opd.xlsx", [2, 3, BARIS_TERAKHIR_EXCEL])
    assert main(["impor", "--db", str(db), "--dry-run", str(berkas)]) == 0, capsys.readouterr().err


def test_xlsx_templat_melebihi_batas_ditolak(db, tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("KINERJA_BATAS_BARIS", "3")
    berkas = _xlsx_opd(tmp_path / "opd.xlsx", [2, 3, 4, 5])
    harapan = _pesan_batas("opd.xlsx, lembar opd", "3")
    assert harapan in _ditolak_api(db, lambda con: impor_template(con, [berkas]))
    assert harapan in _impor_cli_ditolak(db, berkas, capsys)


def test_xlsx_templat_melebihi_batas_ditolak_proses_cli(db, tmp_path):
    """python -m kinerja impor sebagai proses sendiri: batas dari lingkungan prosesnya."""
    berkas = _xlsx_opd(tmp_path / "opd.xlsx", [2, 3, 4, 5])
    sebelum = _sidik(db)
    hasil = subprocess.run([sys.executable, "-m", "kinerja", "impor", "--db", str(db), str(berkas)],
                           cwd=AKAR, capture_output=True, text=True, timeout=120,
                           env={**os.environ, "KINERJA_BATAS_BARIS": "3"})
    assert hasil.returncode != 0
    assert _pesan_batas("opd.xlsx, lembar opd", "3") in hasil.stderr, hasil.stderr
    assert "Traceback" not in hasil.stderr
    assert _sidik(db) == sebelum


@pytest.mark.parametrize("sampel,lembar,argumen", [
    (LRA, "Sheet1", ("--format", "sipd-lra", "--bulan", "1", "--kumulatif")),
    (RAK, "RAK Belanja", ("--format", "sipd-rak")),
], ids=["lra", "rak"])
def test_sipd_melebihi_batas_ditolak(db, monkeypatch, capsys, sampel, lembar, argumen):
    """Contoh ekspor SIPD berisi ratusan baris data; dengan batas 3 ditolak sebelum dibaca."""
    monkeypatch.setenv("KINERJA_BATAS_BARIS", "3")
    jenis = argumen[1]
    kw = {"bulan": 1, "kumulatif": True} if jenis == "sipd-lra" else {}
    harapan = _pesan_batas(f"{sampel.name}, lembar {lembar}", "3")
    assert harapan in _ditolak_api(db, lambda con: impor_sipd(con, sampel, jenis, **kw))
    assert harapan in _impor_cli_ditolak(db, sampel, capsys, *argumen)


@pytest.mark.parametrize("nilai", ["1.000.000", "banyak", "0", "-5"])
def test_batas_baris_tidak_sah_ditolak_dengan_pesan(db, tmp_path, monkeypatch, capsys, nilai):
    monkeypatch.setenv("KINERJA_BATAS_BARIS", nilai)
    folder = _csv_opd(tmp_path / "csv", 1)
    pesan = _impor_cli_ditolak(db, folder, capsys)
    assert (f"opd.csv: pengaturan batas baris tidak sah: KINERJA_BATAS_BARIS harus bilangan bulat "
            f"positif tanpa titik atau koma (mis. 1000000), bukan '{nilai}'; perbaiki atau kosongkan "
            "variabel lingkungan itu di server, lalu muat ulang") in pesan, pesan


def test_batas_baris_tidak_sah_sipd_ditolak_dengan_pesan(db, monkeypatch):
    monkeypatch.setenv("KINERJA_BATAS_BARIS", "sejuta")
    pesan = _ditolak_api(db, lambda con: impor_sipd(con, RAK, "sipd-rak"))
    assert ("rak.xlsx, lembar RAK Belanja: pengaturan batas baris tidak sah: KINERJA_BATAS_BARIS harus "
            "bilangan bulat positif tanpa titik atau koma (mis. 1000000), bukan 'sejuta'") in pesan, pesan
