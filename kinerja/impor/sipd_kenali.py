"""Membuka ekspor SIPD dengan aman dan mengenali lembarnya: LRA (judul kolom 'Kelompok
Belanja') atau RAK (kolom kode bersama nama bulan).

Jenis berkas dan ciri lembar dikenali oleh kinerja.impor.jenis_berkas, sama seperti untuk
impor umum (kinerja.impor.berkas); di sini hanya pesannya untuk pengguna SIPD. Berkas yang
rusak tidak pernah menimbulkan exception: hasilnya pesan. Tanpa database dan tanpa streamlit.
"""

from __future__ import annotations

import io
import warnings
import zipfile
from pathlib import Path
from typing import Callable, Iterable

from openpyxl import load_workbook
from openpyxl.workbook.workbook import Workbook
from openpyxl.worksheet.worksheet import Worksheet

from kinerja.impor.berkas import pesan_terlalu_mengembang
from kinerja.impor.jenis_berkas import (
    JENIS_LRA, JENIS_RAK, isi_ole2, judul_kelompok_belanja, judul_kode, judul_kolom_rak, wadah,
)
from kinerja.impor.sipd_hasil import Pencatat
from kinerja.impor.sipd_lembar import BARIS_CARI_JUDUL, Lembar
from kinerja.impor.sipd_sel import norma

# ---------------------------------------------------------------- membuka berkas

PESAN_SANDI = ("Berkas terlindungi kata sandi; buka di Excel, simpan tanpa kata sandi, "
               "lalu unggah lagi")
PESAN_XLS = ("Berkas berformat Excel lama (.xls); buka di Excel, simpan sebagai "
             "Buku Kerja Excel (.xlsx), lalu unggah lagi")
PESAN_OLE = ("Berkas berformat Excel lama (.xls) atau terlindungi kata sandi; buka di Excel, "
             "simpan sebagai .xlsx tanpa kata sandi, lalu unggah lagi")
PESAN_TERPOTONG = ("Berkas .xlsx rusak atau terpotong (unduhan atau unggahan tidak selesai?); "
                   "unduh ulang dari SIPD lalu unggah lagi")
_PESAN_WADAH = {
    "kosong": "Berkas kosong (0 byte); unggah ulang berkas hasil ekspor SIPD",
    "markup": ("Berkas ini halaman HTML/XML yang diberi akhiran Excel, bukan .xlsx; buka di "
               "Excel, simpan sebagai .xlsx, lalu unggah lagi"),
    "teks": ("Berkas ini teks biasa (mungkin CSV) yang diberi akhiran .xlsx, bukan buku kerja "
             "Excel; ekspor ulang dari SIPD dalam format Excel"),
    "biner": "Berkas bukan buku kerja Excel (.xlsx) yang dikenali",
}
_PESAN_OLE2 = {"bersandi": PESAN_SANDI, "xls": PESAN_XLS, "lain": PESAN_OLE}


def buka_buku(path: Path) -> tuple[Workbook | None, str | None]:
    """Buku kerja, atau pesan untuk pengguna mengapa berkas tidak bisa dibaca."""
    try:
        data = Path(path).read_bytes()
    except OSError as e:
        return None, f"Berkas tidak dapat dibuka ({e.strerror or e})"
    pesan = _pesan_isi(data)
    if pesan:
        return None, pesan
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            if pesan := pesan_terlalu_mengembang(z):
                return None, pesan[0].upper() + pesan[1:]
    except zipfile.BadZipFile:
        return None, PESAN_TERPOTONG
    try:
        # BytesIO: openpyxl menolak nama berakhiran selain .xlsx, padahal isinya yang menentukan.
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            wb = load_workbook(io.BytesIO(data), read_only=False, data_only=True)
    except zipfile.BadZipFile:
        return None, PESAN_TERPOTONG
    except KeyError:
        return None, "Berkas adalah arsip ZIP tetapi bukan buku kerja Excel (.xlsx)"
    except Exception as e:  # noqa: BLE001 - berkas unggahan tidak boleh menjatuhkan aplikasi
        return None, (f"Berkas .xlsx tidak dapat dibaca ({type(e).__name__}); buka di Excel, "
                      "simpan ulang sebagai .xlsx, lalu unggah lagi")
    return wb, None


def _pesan_isi(data: bytes) -> str | None:
    """Pesan untuk berkas yang dari wadahnya sudah jelas bukan .xlsx; None untuk arsip zip."""
    jenis = wadah(data)
    if jenis == "zip":
        return None
    if jenis == "ole2":
        return _PESAN_OLE2[isi_ole2(data)]
    return _PESAN_WADAH[jenis]


# ---------------------------------------------------------------- mengenali jenis lembar

def judul_lra(lembar: Lembar) -> tuple[int, int] | None:
    """Sel judul 'Kelompok Belanja' LRA."""
    sel = lembar.cari(judul_kelompok_belanja)
    return sel[0] if sel else None


def judul_rak(lembar: Lembar) -> int | None:
    """Baris judul RAK: 'Kode Rekening' (atau 'Kode') bersama nama bulan."""
    for r, c in lembar.cari(judul_kode):
        akhir = lembar.rentang(r, c)[2]   # judul dua baris: bulan di bawah 'Rencana Penarikan'
        if judul_kolom_rak(norma(v) for rr in range(r, akhir + 1)
                           for v in lembar.isi_baris(rr).values() if isinstance(v, str)):
            return r
    return None


def lembar_kerja(wb: Workbook) -> Iterable[Lembar]:
    """Bagian atas setiap lembar, untuk mengenali jenisnya."""
    for ws in wb.worksheets:
        yield Lembar(ws, BARIS_CARI_JUDUL)


def pilih_lembar(wb: Workbook, cocok: Callable[[Lembar], object], catat: Pencatat) -> Worksheet | None:
    """Lembar pertama yang cocok; lembar lain diabaikan dengan catatan yang menyebut namanya."""
    terpilih = None
    lain = []
    for atas in lembar_kerja(wb):
        if terpilih is None and cocok(atas):
            terpilih = atas.ws
        else:
            sembunyi = " (tersembunyi)" if atas.ws.sheet_state != "visible" else ""
            lain.append(f"'{atas.judul}'{sembunyi}")
    if terpilih is not None and lain:
        catat.catat(f"lembar lain diabaikan (bukan tabel ekspor SIPD): {', '.join(lain)}")
    return terpilih


def tampak_seperti(wb: Workbook) -> str | None:
    """JENIS_LRA atau JENIS_RAK bila salah satu lembar tampak seperti ekspor SIPD itu."""
    for atas in lembar_kerja(wb):
        if judul_lra(atas):
            return JENIS_LRA
        if judul_rak(atas):
            return JENIS_RAK
    return None
