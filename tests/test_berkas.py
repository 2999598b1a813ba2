"""Mengenali berkas sebelum dibaca: berkas rusak ditolak dengan pesan berbahasa Indonesia,
dan format (templat, SIPD LRA, SIPD RAK) ditebak dari isinya."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import openpyxl
import pytest

from kinerja.impor.berkas import kenali, tebak_format
from kinerja.impor.masalah import ImporGagal
from kinerja.impor.templat_xlsx import tulis_templat
from tests.sampel import SAMPEL_SIPD

AKAR = Path(__file__).resolve().parent.parent
DEMO = AKAR / "data" / "demo"
SAMPEL = SAMPEL_SIPD
OLE2 = bytes.fromhex("D0CF11E0A1B11AE1")


@pytest.fixture(scope="module")
def templat(tmp_path_factory) -> Path:
    return tulis_templat(tmp_path_factory.mktemp("templat") / "templat.xlsx")


def _pesan(path: Path, **kw) -> str:
    with pytest.raises(ImporGagal) as e:
        kenali(path, **kw)
    assert len(e.value.masalah) == 1
    m = e.value.masalah[0]
    assert m.berkas == path.name
    return m.pesan


def test_jenis_yang_dikenal(tmp_path, templat):
    csv = tmp_path / "opd.csv"
    csv.write_text("kode_opd,nama_opd\n1.01.0.00.0.00.01.0000,Dinas Pendidikan\n", encoding="utf-8")
    assert kenali(DEMO) == "folder"
    assert kenali(csv) == "csv"
    assert kenali(templat) == "xlsx"
    salinan = tmp_path / "templat.XLSX"  # akhiran huruf besar
    salinan.write_bytes(templat.read_bytes())
    assert kenali(salinan) == "xlsx"


def test_xlsx_bernama_csv_dikenali_dari_isinya(tmp_path, templat):
    salah_nama = tmp_path / "capaian.csv"
    salah_nama.write_bytes(templat.read_bytes())
    assert kenali(salah_nama) == "xlsx"


def test_berkas_tidak_ada(tmp_path):
    assert "tidak ditemukan" in _pesan(tmp_path / "tidak_ada.xlsx")


def test_berkas_kosong(tmp_path):
    p = tmp_path / "kosong.xlsx"
    p.write_bytes(b"")
    assert "berkas kosong (0 byte)" in _pesan(p)


def test_teks_dinamai_xlsx(tmp_path):
    p = tmp_path / "capaian.xlsx"
    p.write_text("kode_pemda,indikator_id\n99.01,A1\n", encoding="utf-8")
    assert "bukan berkas Excel .xlsx" in _pesan(p)


def test_html_dinamai_xls(tmp_path):
    p = tmp_path / "laporan.xls"
    p.write_text("<html><body><table><tr><td>1</td></tr></table></body></html>", encoding="utf-8")
    pesan = _pesan(p)
    assert "bukan berkas Excel .xls" in pesan and "HTML" in pesan and "simpan ulang sebagai .xlsx" in pesan


def test_xlsx_terpotong(tmp_path, templat):
    isi = templat.read_bytes()
    p = tmp_path / "terpotong.xlsx"
    p.write_bytes(isi[: len(isi) // 2])
    assert "rusak atau terpotong" in _pesan(p)


def test_xlsx_isi_rusak_di_tengah(tmp_path, templat):
    """Daftar isi arsip utuh, tetapi satu bagian rusak: testzip menemukannya."""
    isi = bytearray(templat.read_bytes())
    with zipfile.ZipFile(io.BytesIO(bytes(isi))) as z:
        info = z.getinfo("xl/workbook.xml")
    awal = info.header_offset + 30 + len(info.filename) + len(info.extra)
    for i in range(awal, awal + min(info.compress_size, 40)):
        isi[i] ^= 0xFF
    p = tmp_path / "rusak.xlsx"
    p.write_bytes(bytes(isi))
    assert "rusak atau terpotong" in _pesan(p)


def test_buku_kerja_bersandi(tmp_path):
    p = tmp_path / "bersandi.xlsx"
    p.write_bytes(OLE2 + b"\x00" * 504 + "EncryptedPackage".encode("utf-16-le") + b"\x00" * 2048)
    pesan = _pesan(p)
    assert "terlindungi kata sandi" in pesan and "simpan tanpa kata sandi" in pesan


def test_xls_lama(tmp_path):
    p = tmp_path / "lama.xls"
    p.write_bytes(OLE2 + b"\x00" * 504 + "Workbook".encode("utf-16-le") + b"\x00" * 2048)
    pesan = _pesan(p)
    assert "format Excel lama (.xls)" in pesan and "simpan ulang sebagai .xlsx" in pesan


def test_xls_lama_bernama_xlsx(tmp_path):
    p = tmp_path / "lama.xlsx"
    p.write_bytes(OLE2 + b"\x00" * 1024)
    assert "simpan ulang sebagai .xlsx" in _pesan(p)


def test_zip_bukan_excel(tmp_path):
    p = tmp_path / "arsip.xlsx"
    with zipfile.ZipFile(p, "w") as z:
        z.writestr("catatan.txt", "bukan buku kerja")
    assert "bukan berkas Excel .xlsx" in _pesan(p)


def test_ods(tmp_path):
    p = tmp_path / "data.xlsx"
    with zipfile.ZipFile(p, "w") as z:
        z.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        z.writestr("content.xml", "<office:document-content/>")
    assert "OpenDocument (.ods)" in _pesan(p)


def test_terlalu_besar(tmp_path, templat):
    pesan = _pesan(templat, batas_ukuran=1024)
    assert "terlalu besar" in pesan and "batas" in pesan


def test_csv_bukan_utf8(tmp_path):
    p = tmp_path / "opd.csv"
    p.write_bytes(b"kode_opd;nama_opd\n1.01.0.00.0.00.01.0000;Dinas Pendidikan \xe9\n")  # cp1252
    assert "bukan UTF-8" in _pesan(p) and "CSV UTF-8" in _pesan(p)


def test_csv_biner(tmp_path):
    p = tmp_path / "opd.csv"
    p.write_bytes(b"\x00\x01\x02binary")
    assert "bukan berkas CSV" in _pesan(p)


def test_akhiran_tidak_dikenal(tmp_path):
    p = tmp_path / "laporan.pdf"
    p.write_bytes(b"%PDF-1.4 ...")
    assert "jenis berkas tidak dikenal (.pdf)" in _pesan(p)


# --- tebak_format ----------------------------------------------------------

def test_tebak_format_sipd_nyata():
    assert tebak_format(SAMPEL / "lra_januari.xlsx") == "sipd-lra"
    assert tebak_format(SAMPEL / "rak.xlsx") == "sipd-rak"


def test_tebak_format_templat(templat, tmp_path):
    assert tebak_format(templat) == "template"
    assert tebak_format(DEMO) == "template"
    assert tebak_format(DEMO / "opd.csv") == "template"
    # tanpa lembar Petunjuk, satu lembar bernama tabel templat sudah cukup
    wb = openpyxl.Workbook()
    wb.active.title = "Capaian"
    wb.active.append(["indikator_id", "tahun", "triwulan"])
    wb.save(tmp_path / "sendiri.xlsx")
    assert tebak_format(tmp_path / "sendiri.xlsx") == "template"


def test_tebak_format_rak_dari_judul_kolom(tmp_path):
    """RAK tanpa baris judul laporan: dikenali dari 'Kode Rekening' dan nama bulan."""
    wb = openpyxl.Workbook()
    wb.active.append(["Kode Rekening", "Uraian", "Anggaran Tahun Ini", "Januari", "Februari", "Maret"])
    wb.save(tmp_path / "rak_tanpa_judul.xlsx")
    assert tebak_format(tmp_path / "rak_tanpa_judul.xlsx") == "sipd-rak"


def test_tebak_format_lra_angka_teks(tmp_path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["KAB. CONTOH"])
    ws.append(["REKAPITULASI BELANJA MENURUT URUSAN PEMERINTAH DAERAH, ORGANISASI, PROGRAM, KEGIATAN"])
    ws.append(["TAHUN ANGGARAN 2026"])
    ws.append(["2.16", None, None, None, "URUSAN KOMINFO", "10.373.024.900,00", "0,00"])
    wb.save(tmp_path / "lra_teks.xlsx")
    assert tebak_format(tmp_path / "lra_teks.xlsx") == "sipd-lra"


def test_tebak_format_tidak_dikenal(tmp_path):
    wb = openpyxl.Workbook()
    wb.active.title = "Rekap"
    wb.active.append(["Nama", "Alamat", "Telepon"])
    wb.active.append(["Budi", "Jl. Merdeka 1", "0812"])
    wb.save(tmp_path / "acak.xlsx")
    with pytest.raises(ImporGagal) as e:
        tebak_format(tmp_path / "acak.xlsx")
    assert "format tidak dikenali" in str(e.value.masalah[0]) and "--format" in str(e.value.masalah[0])


def test_tebak_format_meneruskan_berkas_rusak(tmp_path):
    p = tmp_path / "kosong.xlsx"
    p.write_bytes(b"")
    with pytest.raises(ImporGagal) as e:
        tebak_format(p)
    assert "berkas kosong" in e.value.masalah[0].pesan
