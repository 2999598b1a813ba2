"""Mengenali jenis berkas dan lembar impor dari isinya: satu tempat untuk semua pembaca.

Byte pertama berkas menentukan wadahnya (arsip zip, wadah OLE2 .xls/bersandi, halaman
HTML/XML, teks, biner); daftar isi arsip menentukan dokumennya (.xlsx, .xlsb, .ods, .docx);
teks judul laporan dan judul kolom menentukan jenis ekspor SIPD (LRA, RAK). Modul ini hanya
mengenali: pesan untuk pengguna ditulis pemanggilnya (kinerja.impor.berkas untuk impor umum,
kinerja.impor.sipd_kenali untuk pembaca SIPD), masing-masing dengan kata-katanya sendiri.
Tanpa database dan tanpa streamlit.
"""

from __future__ import annotations

import re
from typing import Iterable

from kinerja.format import BULAN
from kinerja.impor.sipd_sel import norma

JENIS_LRA = "sipd-lra"
JENIS_RAK = "sipd-rak"

# ---------------------------------------------------------------- wadah berkas

OLE2 = bytes.fromhex("D0CF11E0A1B11AE1")
ZIP = (b"PK\x03\x04", b"PK\x05\x06", b"PK\x07\x08")
JENDELA = 65536  # byte awal yang dibaca untuk mengenali wadah; NUL di sini berarti biner
# Nama aliran OLE2 (UTF-16): buku kerja bersandi menyimpan EncryptionInfo dan EncryptedPackage,
# .xls lama menyimpan Workbook (BIFF8) atau Book (BIFF5).
_ALIRAN_SANDI = tuple(n.encode("utf-16-le") for n in ("EncryptionInfo", "EncryptedPackage"))
_ALIRAN_XLS = tuple(n.encode("utf-16-le") for n in ("Workbook", "Book"))
_AWAL_TEKS = "\ufeff \t\r\n\x0b\x0c"  # BOM dan spasi sebelum '<' halaman HTML/XML


def wadah(awal: bytes) -> str:
    """Wadah berkas dari byte pertamanya (JENDELA byte pertama sudah cukup).

    'kosong'; 'ole2' (.xls lama atau buku kerja bersandi, lihat isi_ole2); 'zip' (.xlsx, .ods,
    .docx, ..., lihat isi_zip); 'biner' (ada byte NUL); 'markup' (teks yang diawali '<':
    halaman HTML/XML); atau 'teks'.
    """
    if not awal:
        return "kosong"
    if awal.startswith(OLE2):
        return "ole2"
    if awal.startswith(ZIP):
        return "zip"
    awal = awal[:JENDELA]
    if b"\x00" in awal:
        return "biner"
    if awal.decode("utf-8", errors="replace").lstrip(_AWAL_TEKS).startswith("<"):
        return "markup"
    return "teks"


def isi_ole2(data: bytes) -> str:
    """Isi wadah OLE2 (dicari di seluruh berkas): 'bersandi', 'xls' atau 'lain'."""
    if any(n in data for n in _ALIRAN_SANDI):
        return "bersandi"
    if any(n in data for n in _ALIRAN_XLS):
        return "xls"
    return "lain"


def isi_zip(nama: Iterable[str]) -> str:
    """Dokumen di dalam arsip zip dari daftar namanya: 'xlsx', 'xlsb', 'ods', 'docx' atau 'lain'."""
    nama = set(nama)
    for bagian, jenis in (("xl/workbook.xml", "xlsx"), ("xl/workbook.bin", "xlsb"),
                          ("content.xml", "ods"), ("word/document.xml", "docx")):
        if bagian in nama:
            return jenis
    return "lain"


def posisi_bukan_utf8(isi: bytes) -> int | None:
    """Posisi byte pertama yang tidak sah sebagai UTF-8 (BOM boleh), None bila semuanya sah."""
    try:
        isi.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        return e.start
    return None


# ---------------------------------------------------------------- lembar ekspor SIPD

_NAMA_BULAN = {b.casefold(): i + 1 for i, b in enumerate(BULAN)}
_NAMA_BULAN.update({"jan": 1, "feb": 2, "peb": 2, "mar": 3, "apr": 4, "mei": 5, "jun": 6,
                    "jul": 7, "agu": 8, "agt": 8, "ags": 8, "agust": 8, "agustus": 8,
                    "sep": 9, "sept": 9, "okt": 10, "nov": 11, "nop": 11, "des": 12,
                    "pebruari": 2, "nopember": 11})
_BULAN_SEL = re.compile(r"^(?:bulan\s+)?([a-z]+)\.?(?:\s+\d{4})?$")
_JUDUL_LAPORAN = {"rekapitulasi belanja": JENIS_LRA, "rencana anggaran kas": JENIS_RAK}


def bulan_dari_judul(teks: str) -> int | None:
    """Nomor bulan bila seluruh teks judul kolom (huruf kecil) adalah nama bulan ('januari', 'jan 2026')."""
    m = _BULAN_SEL.match(teks)
    return _NAMA_BULAN.get(m.group(1)) if m else None


def judul_kelompok_belanja(teks: str) -> bool:
    """Judul kolom LRA 'Kelompok Belanja' (teks huruf kecil)."""
    return teks.startswith("kelompok belanja")


def judul_kode(teks: str) -> bool:
    """Judul kolom kode: 'Kode', 'Kode Rekening' (teks huruf kecil)."""
    return teks.startswith("kode")


def judul_kolom_rak(teks: Iterable[str]) -> bool:
    """Judul kolom RAK: kolom kode bersama nama bulan (teks huruf kecil sel-sel judul)."""
    teks = list(teks)
    return any(map(judul_kode, teks)) and any(map(bulan_dari_judul, teks))


def ciri_judul_laporan(teks: str) -> set[str]:
    """Jenis ekspor SIPD yang disebut teks judul laporan (huruf kecil): JENIS_LRA, JENIS_RAK."""
    return {jenis for judul, jenis in _JUDUL_LAPORAN.items() if judul in teks}


def ciri_sipd(baris: Iterable[Iterable[object]]) -> set[str]:
    """Jenis ekspor SIPD yang tampak di baris-baris atas satu lembar (nilai sel mentah):
    judul laporan ('Rekapitulasi Belanja', 'Rencana Anggaran Kas') atau judul kolom RAK
    dalam satu baris."""
    ciri: set[str] = set()
    for isi in baris:
        teks = [norma(v) for v in isi if isinstance(v, str) and v.strip()]
        ciri |= ciri_judul_laporan(" ".join(teks))
        if judul_kolom_rak(teks):
            ciri.add(JENIS_RAK)
    return ciri
