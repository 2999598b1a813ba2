"""Serangan lewat isi berkas impor: angka tak hingga, karakter kendali, teks terlalu panjang,
CSV dan XLSX rusak, bom zip. Setiap kasus ditolak dengan pesan Indonesia yang menyebut
tempatnya, dan berkas database tetap sama persis (byte demi byte)."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import openpyxl
import pytest

from kinerja.angka import AngkaTidakSah, baca_angka
from kinerja.cli.perintah import main
from kinerja.impor.sipd_sel import angka_longgar
from kinerja.impor.templat_xlsx import tulis_templat


def _sidik(p: Path) -> str:
    return hashlib.sha256(p.read_bytes()).hexdigest()


@pytest.fixture
def db(tmp_path, db_demo) -> Path:
    salinan = tmp_path / "k.duckdb"
    shutil.copy(db_demo, salinan)
    return salinan


def _templat(tmp_path: Path, lembar: str, kolom: str, baris: int, nilai) -> Path:
    p = tmp_path / "isi.xlsx"
    tulis_templat(p)
    wb = openpyxl.load_workbook(p)
    ws = wb[lembar]
    judul = [c.value for c in ws[1]]
    ws.cell(row=baris, column=judul.index(kolom) + 1, value=nilai)
    wb.save(p)
    return p


def _impor_ditolak(db: Path, berkas: Path, capsys, *argumen: str) -> str:
    """Jalankan impor lewat CLI; harus gagal dengan pesan (bukan traceback), database utuh."""
    sebelum = _sidik(db)
    kode = main(["impor", "--db", str(db), *argumen, str(berkas)])
    pesan = capsys.readouterr().err
    assert kode == 1, pesan
    assert "Traceback" not in pesan
    assert _sidik(db) == sebelum
    return pesan


# --- 1. Hanya angka terhingga ---------------------------------------------------------

@pytest.mark.parametrize("teks", ["5E9988", "1e309", "9" * 400, "-1e309", "Rp 1e400"])
def test_baca_angka_menolak_tak_hingga(teks):
    with pytest.raises(AngkaTidakSah, match="terlalu besar"):
        baca_angka(teks)


def test_baca_angka_menolak_int_raksasa():
    with pytest.raises(AngkaTidakSah, match="terlalu besar"):
        baca_angka(10 ** 400)  # float(10**400) melempar OverflowError


def test_sipd_angka_longgar_tak_hingga_tidak_terbaca():
    assert angka_longgar("1e309") is None
    assert angka_longgar("9" * 400) is None


ANGKA_RAKSASA = [
    ("anggaran", "pagu", 2, "9" * 400),
    ("capaian", "target", 2, "1e309"),
    ("capaian", "tahun", 2, "1e309"),
    ("capaian", "triwulan", 3, "9" * 400),
    ("kendala", "tahun", 2, "5E9988"),
]


@pytest.mark.parametrize("lembar,kolom,baris,nilai", ANGKA_RAKSASA,
                         ids=[f"{k[0]}-{k[1]}-{k[3][:6]}" for k in ANGKA_RAKSASA])
def test_angka_tak_hingga_ditolak_database_sama(db, tmp_path, capsys, lembar, kolom, baris, nilai):
    berkas = _templat(tmp_path, lembar, kolom, baris, nilai)
    pesan = _impor_ditolak(db, berkas, capsys)
    for p in ("isi.xlsx", f"lembar {lembar}", f"baris {baris}", f"kolom {kolom}", "terlalu besar",
              "periksa isi selnya"):
        assert p in pesan, pesan
    assert "OverflowError" not in pesan


# --- 2. Karakter kendali --------------------------------------------------------------

def _folder_csv(tmp_path: Path, isi: dict[str, bytes]) -> Path:
    folder = tmp_path / "csv"
    folder.mkdir()
    for nama, data in isi.items():
        (folder / nama).write_bytes(data)
    return folder


OPD_SAH = "kode_opd,nama_opd,singkatan\n1.01.0.00.0.00.01.0000,Dinas Pendidikan,Disdik\n"


@pytest.mark.parametrize("karakter,kode", [("\x00", "U+0000"), ("\x1b", "U+001B"), ("\x07", "U+0007")])
def test_karakter_kendali_di_folder_csv_ditolak(db, tmp_path, capsys, karakter, kode):
    isi = OPD_SAH.replace("Dinas Pendidikan", f"Dinas{karakter}Pendidikan").encode()
    folder = _folder_csv(tmp_path, {"opd.csv": isi})
    pesan = _impor_ditolak(db, folder, capsys)
    for p in ("opd.csv", "baris 2", "kolom nama_opd", "karakter kendali", kode):
        assert p in pesan, pesan


def test_nomor_baris_csv_sesudah_baris_kosong_seperti_di_excel(db, tmp_path, capsys):
    """Baris kosong (juga yang hanya berisi koma) tetap baris di Excel: nomor baris pesan tidak
    bergeser. Baris 1 judul, 2 sah, 3 kosong, 4 hanya koma, 5 salah."""
    isi = (OPD_SAH + "\n,,\n" + "1.01.0.00.0.00.02.0000,Dinas\x07Kesehatan,Dinkes\n").encode()
    pesan = _impor_ditolak(db, _folder_csv(tmp_path, {"opd.csv": isi}), capsys)
    for p in ("opd.csv", "baris 5", "kolom nama_opd", "karakter kendali"):
        assert p in pesan, pesan


def test_tab_dan_baris_baru_tetap_boleh(db, tmp_path, capsys):
    berkas = _templat(tmp_path, "kendala", "kendala", 2, "Baris satu\nbaris\tdua")
    kode = main(["impor", "--db", str(db), "--dry-run", str(berkas)])
    assert kode == 0, capsys.readouterr().err


# --- 4. Pesan, bukan traceback -----------------------------------------------------------

def test_csv_judul_ganda_setelah_dinormalkan(db, tmp_path, capsys):
    isi = b"kode_opd,nama_opd,Nama OPD\n1.01.0.00.0.00.01.0000,Dinas Pendidikan,Disdik\n"
    pesan = _impor_ditolak(db, _folder_csv(tmp_path, {"opd.csv": isi}), capsys)
    for p in ("opd.csv", "baris 1", "kolom nama_opd", "judul kolom ganda", "'Nama OPD'", "hapus salah satunya"):
        assert p in pesan, pesan


def test_csv_kutip_tidak_ditutup(db, tmp_path, capsys):
    isi = b'kode_opd,nama_opd\n1.01.0.00.0.00.01.0000,"Dinas Pendidikan\n'
    pesan = _impor_ditolak(db, _folder_csv(tmp_path, {"opd.csv": isi}), capsys)
    for p in ("opd.csv", "tidak dapat dibaca", "tanda kutip"):
        assert p in pesan, pesan


@pytest.mark.parametrize("pengkodean,tebakan", [("utf-16", "UTF-16"), ("cp1252", "Windows-1252")])
def test_csv_bukan_utf8_di_folder(db, tmp_path, capsys, pengkodean, tebakan):
    isi = OPD_SAH.replace("Pendidikan", "Pendidikan é").encode(pengkodean)
    pesan = _impor_ditolak(db, _folder_csv(tmp_path, {"opd.csv": isi}), capsys)
    for p in ("opd.csv", "bukan UTF-8", tebakan, "Simpan Sebagai > CSV UTF-8 (Comma delimited) (*.csv)"):
        assert p in pesan, pesan


def test_shared_strings_kurang_ditolak_dengan_pesan(db, tmp_path, capsys):
    """sharedStrings.xml dengan lebih sedikit teks daripada yang dirujuk lembar (IndexError)."""
    import re
    import zipfile

    asli = tmp_path / "asli.xlsx"
    tulis_templat(asli)
    rusak = tmp_path / "rusak.xlsx"
    with zipfile.ZipFile(asli) as zin, zipfile.ZipFile(rusak, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            data = zin.read(info)
            if info.filename == "xl/worksheets/sheet3.xml":  # lembar opd: sel C3 merujuk teks ke-100
                data = re.sub(rb'<c r="C3"([^>]*) t="inlineStr"><is><t>[^<]*</t></is></c>',
                              rb'<c r="C3"\1 t="s"><v>99</v></c>', data)
            if info.filename == "[Content_Types].xml":
                data = data.replace(b"</Types>", b'<Override PartName="/xl/sharedStrings.xml" ContentType='
                                    b'"application/vnd.openxmlformats-officedocument.spreadsheetml.'
                                    b'sharedStrings+xml"/></Types>')
            if info.filename == "xl/_rels/workbook.xml.rels":
                data = data.replace(b"</Relationships>", b'<Relationship Type="http://schemas.openxmlformats'
                                    b'.org/officeDocument/2006/relationships/sharedStrings" '
                                    b'Target="/xl/sharedStrings.xml" Id="rId99"/></Relationships>')
            zout.writestr(info, data)
        zout.writestr("xl/sharedStrings.xml", b'<sst xmlns="http://schemas.openxmlformats.org/'
                      b'spreadsheetml/2006/main" count="1" uniqueCount="1"><si><t>x</t></si></sst>')
    pesan = _impor_ditolak(db, rusak, capsys)
    for p in ("rusak.xlsx", "tidak dapat dibaca", "simpan ulang"):
        assert p in pesan, pesan


# --- 5. Bom zip ---------------------------------------------------------------------------

def _bom(tmp_path: Path, mb: int = 1100) -> Path:
    """Templat sah ditambah satu lembar XML berisi byte berulang (~mb MB terurai, kecil terkemas)."""
    import zipfile

    p = tmp_path / "bom.xlsx"
    tulis_templat(p)
    potong = b"<c/>" * (1024 * 256)  # 1 MB
    with zipfile.ZipFile(p, "a", zipfile.ZIP_DEFLATED, compresslevel=1) as z:
        with z.open("xl/worksheets/sheet99.xml", "w", force_zip64=True) as f:
            for _ in range(mb):
                f.write(potong)
    return p


def test_bom_zip_ditolak_sebelum_dibaca(db, tmp_path, capsys):
    berkas = _bom(tmp_path)
    assert berkas.stat().st_size < 50 * 1024 * 1024
    pesan = _impor_ditolak(db, berkas, capsys)
    for p in ("bom.xlsx", "terlalu besar setelah diurai", "batas 1000 MB"):
        assert p in pesan, pesan


def test_bom_zip_sipd_ditolak(db, tmp_path, capsys):
    berkas = _bom(tmp_path)
    pesan = _impor_ditolak(db, berkas, capsys, "--format", "sipd-lra", "--bulan", "1", "--kumulatif")
    for p in ("bom.xlsx", "terlalu besar setelah diurai", "batas 1000 MB"):
        assert p in pesan, pesan


# --- 3. Batas panjang teks ----------------------------------------------------------------

PANJANG = [
    ("opd", "nama_opd", 2, "D" * 1500, "batas 300 karakter", "1.500 karakter"),
    ("kendala", "kendala", 2, "k" * 8000, "batas 4.000 karakter", "8.000 karakter"),
    ("opd", "singkatan", 2, "S" * 31, "batas 30 karakter", "31 karakter"),
]


@pytest.mark.parametrize("lembar,kolom,baris,nilai,batas,panjang", PANJANG, ids=[k[1] for k in PANJANG])
def test_teks_terlalu_panjang_ditolak(db, tmp_path, capsys, lembar, kolom, baris, nilai, batas, panjang):
    berkas = _templat(tmp_path, lembar, kolom, baris, nilai)
    pesan = _impor_ditolak(db, berkas, capsys)
    for p in ("isi.xlsx", f"lembar {lembar}", f"baris {baris}", f"kolom {kolom}", "terlalu panjang",
              batas, panjang, "singkat isinya"):
        assert p in pesan, pesan


# --- 4. Teks dari ekspor SIPD: karakter kendali dan panjang -------------------------------

def _lra_dengan(tmp_path: Path, lama: str, baru_xml: str) -> Path:
    """Salinan contoh LRA dengan satu teks di sharedStrings diganti (XML mentah: openpyxl
    menolak menulis karakter kendali; XML 1.0 melarang U+0001-U+001F, tetapi C1 U+007F-U+009F
    sah di XML dan terbawa dari salinan sistem lain)."""
    import zipfile

    from tests.sampel import LRA

    hasil = tmp_path / "lra_rusak.xlsx"
    with zipfile.ZipFile(LRA) as zin, zipfile.ZipFile(hasil, "w", zipfile.ZIP_DEFLATED) as zout:
        for item in zin.infolist():
            isi = zin.read(item.filename)
            if item.filename == "xl/sharedStrings.xml":
                assert lama.encode() in isi
                isi = isi.replace(lama.encode(), baru_xml.encode(), 1)
            zout.writestr(item, isi)
    return hasil


@pytest.mark.parametrize("baru,potongan", [
    ("Dinas\u009fKomunikasi dan Informatika", ["karakter kendali U+009F", "posisi 6"]),
    ("Dinas Komunikasi " + "dan Informatika " * 30, ["terlalu panjang", "batas 300 karakter"]),
], ids=["kendali", "panjang"])
def test_uraian_sipd_dengan_karakter_kendali_atau_terlalu_panjang_ditolak(tmp_path, capsys, baru, potongan):
    db = tmp_path / "lamsel.duckdb"
    assert main(["baru", "--db", str(db), "--pemda", "18.01"]) == 0
    capsys.readouterr()
    berkas = _lra_dengan(tmp_path, "Dinas Komunikasi dan Informatika", baru)
    pesan = _impor_ditolak(db, berkas, capsys, "--format", "sipd-lra", "--bulan", "1", "--kumulatif",
                           "--buat-opd")
    for p in ["lra_rusak.xlsx", "baris 12", "Uraian", *potongan]:
        assert p in pesan, pesan
    # Nilai yang dikutip di pesan tidak membawa karakter kendali itu sendiri ke terminal atau halaman.
    assert "\u009f" not in pesan
