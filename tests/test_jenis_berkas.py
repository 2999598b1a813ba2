"""Satu pengenal jenis berkas (kinerja.impor.jenis_berkas) untuk impor umum dan pembaca SIPD:
keduanya menolak dan menerima berkas yang sama, masing-masing dengan pesannya sendiri."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import openpyxl
import pytest

from kinerja.impor.berkas import kenali, tebak_format
from kinerja.impor.jenis_berkas import (
    bulan_dari_judul, ciri_sipd, isi_ole2, isi_zip, posisi_bukan_utf8, wadah,
)
from kinerja.impor.masalah import ImporGagal
from kinerja.impor.sipd_kenali import buka_buku, judul_rak
from kinerja.impor.sipd_lembar import Lembar
from tests.sampel import LRA

OLE2 = bytes.fromhex("D0CF11E0A1B11AE1")


def _u16(teks: str) -> bytes:
    return teks.encode("utf-16-le")


@pytest.mark.parametrize("awal,harapan", [
    (b"", "kosong"),
    (OLE2 + b"\x00" * 64, "ole2"),
    (b"PK\x03\x04" + b"\x00" * 26, "zip"),
    (b"PK\x05\x06" + b"\x00" * 18, "zip"),       # arsip kosong
    (b"PKK,nama\n1,2\n", "teks"),               # teks yang kebetulan diawali 'PK' bukan zip
    (b"<html><table></table></html>", "markup"),
    (b"\xef\xbb\xbf  \r\n<?xml version='1.0'?>", "markup"),
    (b"kode;nama\n1;Dinas\n", "teks"),
    (b"kode;nama\n1;Caf\xe9\n", "teks"),         # bukan UTF-8 tetap teks; pengodeannya diperiksa terpisah
    (b"<html>\x00", "biner"),                   # NUL menang: HTML UTF-16 atau biner berawalan '<'
    (b"a" * 60000 + b"\x00", "biner"),
    (b"a" * 70000 + b"\x00", "teks"),           # NUL di luar jendela 64 KiB tidak terlihat
])
def test_wadah(awal, harapan):
    assert wadah(awal) == harapan


@pytest.mark.parametrize("isi,harapan", [
    (OLE2 + b"\x00" * 512 + _u16("EncryptionInfo"), "bersandi"),
    (OLE2 + b"\x00" * 512 + _u16("EncryptedPackage"), "bersandi"),
    (OLE2 + _u16("EncryptedPackage") + _u16("Workbook"), "bersandi"),
    (OLE2 + b"\x00" * 512 + _u16("Workbook"), "xls"),
    (OLE2 + b"\x00" * 512 + _u16("Book"), "xls"),
    (OLE2 + b"\x00" * 1024, "lain"),
])
def test_isi_ole2(isi, harapan):
    assert isi_ole2(isi) == harapan


def test_isi_zip():
    assert isi_zip(["[Content_Types].xml", "xl/workbook.xml"]) == "xlsx"
    assert isi_zip(["xl/workbook.bin"]) == "xlsb"
    assert isi_zip(["mimetype", "content.xml"]) == "ods"
    assert isi_zip(["word/document.xml"]) == "docx"
    assert isi_zip(["catatan.txt"]) == "lain"


def test_posisi_bukan_utf8():
    assert posisi_bukan_utf8("kode;nama\nDinas Pendidikan ü\n".encode()) is None
    assert posisi_bukan_utf8(b"\xef\xbb\xbfkode\n") is None
    assert posisi_bukan_utf8(b"abc\xe9def") == 3


@pytest.mark.parametrize("teks,bulan", [
    ("januari", 1), ("jan", 1), ("jan.", 1), ("bulan agustus", 8), ("agt", 8), ("nopember", 11),
    ("desember 2026", 12), ("bulan", None), ("januari februari", None), ("anggaran", None),
])
def test_bulan_dari_judul(teks, bulan):
    assert bulan_dari_judul(teks) == bulan


def test_ciri_sipd():
    assert ciri_sipd([["KAB. CONTOH"], ["REKAPITULASI  BELANJA MENURUT URUSAN"]]) == {"sipd-lra"}
    assert ciri_sipd([["RENCANA ANGGARAN KAS"]]) == {"sipd-rak"}
    assert ciri_sipd([["Kode Rekening", "Uraian", "Januari", None, 5]]) == {"sipd-rak"}
    # kolom kode dan nama bulan harus di baris yang sama
    assert ciri_sipd([["Kode Rekening", "Uraian"], ["Januari", "Februari"]]) == set()
    assert ciri_sipd([["kode_pemda", "kode_opd", "tahun", "bulan", "pagu"]]) == set()


# ---- impor umum dan pembaca SIPD memutuskan hal yang sama ---------------------------------------

def _zip_bukan_excel() -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("catatan.txt", "bukan buku kerja")
    return buf.getvalue()


BERKAS = {
    "kosong": b"",
    "bersandi_info": OLE2 + b"\x00" * 512 + _u16("EncryptionInfo") + b"\x00" * 512,
    "bersandi_paket": OLE2 + b"\x00" * 512 + _u16("EncryptedPackage") + b"\x00" * 512,
    "xls": OLE2 + b"\x00" * 512 + _u16("Workbook") + b"\x00" * 512,
    "html": b"\xef\xbb\xbf\r\n  <table><tr><td>Kode</td></tr></table>",
    "teks": b"kode_opd;nama_opd\n1.01.0.00.0.00.01.0000;Dinas\n",
    "biner": b"\x01\x02\x00\x03",
    "zip_bukan_excel": _zip_bukan_excel(),
}


@pytest.mark.parametrize("nama", list(BERKAS))
def test_impor_umum_dan_sipd_sama_sama_menolak(tmp_path, nama):
    p = tmp_path / f"{nama}.xlsx"
    p.write_bytes(BERKAS[nama])
    with pytest.raises(ImporGagal) as e:
        kenali(p)
    umum = e.value.masalah[0].pesan
    wb, sipd = buka_buku(p)
    assert wb is None and sipd
    if nama.startswith("bersandi"):
        assert "kata sandi" in umum and "kata sandi" in sipd
    if nama == "xls":
        assert "Excel lama (.xls)" in umum and "Excel lama (.xls)" in sipd
    if nama == "html":
        assert "HTML" in umum and "HTML" in sipd


def test_ekspor_sipd_berawalan_sampah_ditolak_keduanya(tmp_path):
    """'PK' di depan arsip yang utuh bukan .xlsx: dulu hanya pembaca SIPD yang membukanya."""
    p = tmp_path / "lra.xlsx"
    p.write_bytes(b"PKxx" + LRA.read_bytes())
    with pytest.raises(ImporGagal):
        kenali(p)
    wb, pesan = buka_buku(p)
    assert wb is None and pesan == "Berkas bukan buku kerja Excel (.xlsx) yang dikenali"


def test_ekspor_sipd_asli_diterima_keduanya():
    assert kenali(LRA) == "xlsx"
    wb, pesan = buka_buku(LRA)
    assert pesan is None and wb is not None


def test_tebak_format_mengenali_judul_kolom_rak_seperti_pembacanya(tmp_path: Path):
    """Nama bulan singkat ('Jan', 'Feb'): pembaca RAK menemukan judul kolomnya, tebakan format juga."""
    wb = openpyxl.Workbook()
    wb.active.append(["Kode Rekening", "Uraian", "Anggaran Tahun Ini", "Jan", "Feb", "Mar"])
    wb.save(tmp_path / "rak_singkat.xlsx")
    assert tebak_format(tmp_path / "rak_singkat.xlsx") == "sipd-rak"
    buku, _ = buka_buku(tmp_path / "rak_singkat.xlsx")
    assert judul_rak(Lembar(buku.active)) == 1
