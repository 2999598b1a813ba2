"""Membaca isi sel ekspor SIPD: teks, angka Rupiah, dan kode (beserta tingkatnya).

Tanpa database dan tanpa streamlit. Sel yang tidak terbaca tidak menimbulkan exception:
menjadi Masalah di Pencatat (kinerja.impor.sipd_hasil).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from openpyxl.utils import get_column_letter

from kinerja.angka import AngkaTidakSah, baca_angka
from kinerja.kode import kode_opd_sah

if TYPE_CHECKING:
    from kinerja.impor.sipd_hasil import Pencatat


# ---------------------------------------------------------------- teks

def teks_sel(nilai: object) -> str:
    """Teks sel dengan spasi dirapikan ('Uraian\\n Urusan' -> 'Uraian Urusan')."""
    if nilai is None:
        return ""
    return " ".join(str(nilai).split())


def norma(nilai: object) -> str:
    return teks_sel(nilai).casefold()


def teks_nilai(nilai: object) -> str | None:
    if isinstance(nilai, float) and nilai.is_integer():
        return str(int(nilai))  # Rupiah bulat tanpa '.0'
    return None if nilai is None else str(nilai)


_TOTAL = re.compile(r"^(jumlah|total|grand total)\b")


def baris_total(uraian: str) -> bool:
    return bool(_TOTAL.match(uraian.casefold()))


# ---------------------------------------------------------------- angka

_ILMIAH = re.compile(r"\d[eE][+-]?\d")


def baca_uang(catat: Pencatat, nilai: object, baris: int, kolom: int, nama: str) -> float | None:
    """Angka Rupiah dari sel; None (dengan masalah) bila tidak terbaca.

    SIPD mengisi nol sebagai '0,00'; '-' atau sel kosong tidak punya arti lain
    selain nol, jadi dibaca 0 dengan catatan sekali saja.
    """
    huruf = get_column_letter(kolom)
    if nilai is None or (isinstance(nilai, str) and not nilai.strip()):
        catat.catat(f"sel kosong di kolom angka dibaca sebagai 0 (pertama: {huruf}{baris})", "kosong")
        return 0.0
    if isinstance(nilai, str):
        t = nilai.strip()
        if t in ("-", "--", "–", "—"):
            catat.catat(f"sel '-' di kolom angka dibaca sebagai 0 (pertama: {huruf}{baris})", "strip")
            return 0.0
        if "%" in t:
            catat.salah(f"kolom '{nama}' harus berisi Rupiah, bukan persen", baris, huruf, nilai)
            return None
        if _ILMIAH.search(t):
            catat.catat(f"angka bergaya ilmiah dari Excel ('{t}' di {huruf}{baris}) dibaca "
                        "apa adanya; ketelitian sampai Rupiah mungkin hilang, periksa dengan SIPD",
                        ("ilmiah", baris, kolom))
    try:
        angka = baca_angka(nilai, desimal=",")
    except AngkaTidakSah:
        catat.salah(f"kolom '{nama}' harus berisi angka Rupiah (mis. 10.373.024.900,00 "
                    "atau 10373024900)", baris, huruf, nilai)
        return None
    if angka is None:  # '#N/A', '#REF!' ...: rumus rusak, bukan nol dari SIPD
        catat.salah(f"kolom '{nama}' berisi '{nilai}', bukan angka; ekspor ulang dari SIPD "
                    "atau perbaiki rumusnya", baris, huruf, nilai)
    return angka


def angka_longgar(nilai: object) -> float | None:
    """Angka untuk baris yang tidak dimuat (rekening): nol bila kosong, None bila tak terbaca."""
    if nilai is None or teks_sel(nilai) in ("", "-"):
        return 0.0
    try:
        return baca_angka(nilai, desimal=",")
    except AngkaTidakSah:
        return None


# ---------------------------------------------------------------- kode

def kode_sel(nilai: object) -> str:
    """Kode dari sel; kode yang tersimpan sebagai angka dirapikan (2.2 -> '2.20')."""
    if nilai is None or isinstance(nilai, bool):
        return teks_sel(nilai)
    if isinstance(nilai, int):
        return str(nilai)
    if isinstance(nilai, float):
        return str(int(nilai)) if nilai.is_integer() else f"{nilai:.2f}"
    return "".join(str(nilai).split())


_POLA_KODE = [
    ("sub_kegiatan", re.compile(r"^\d\.\d{2}\.\d{2}\.\d\.\d{2}\.\d{4}$")),
    ("kegiatan", re.compile(r"^\d\.\d{2}\.\d{2}\.\d\.\d{2}$")),
    ("program", re.compile(r"^\d\.\d{2}\.\d{2}$")),
    ("bidang", re.compile(r"^\d\.\d{2}$")),
    ("urusan", re.compile(r"^\d$")),
    # rekening belanja: 5.1.02.01.001.00024 dan induknya (bagian kedua satu angka)
    ("rekening", re.compile(r"^\d\.\d(\.\d{2}(\.\d{2}(\.\d{3}(\.\d{5})?)?)?)?$")),
]


def tingkat_kode(kode: str) -> str | None:
    """'opd', 'program', 'kegiatan', 'sub_kegiatan', 'urusan', 'bidang', 'rekening' atau None."""
    if kode_opd_sah(kode):
        return "opd"
    for tingkat, pola in _POLA_KODE:
        if pola.match(kode):
            return tingkat
    return None


def pesan_kode_asing(kode: str) -> str:
    if kode.count(".") >= 6:  # tujuh bagian atau lebih: hanya kode OPD sepanjang itu
        return "kode OPD harus berbentuk X.XX.X.XX.X.XX.NN.NNNN (mis. 2.16.2.20.2.21.01.0000)"
    return ("kode tidak dikenali; yang diharapkan kode OPD X.XX.X.XX.X.XX.NN.NNNN, program "
            "X.XX.NN, kegiatan X.XX.NN.N.NN, sub kegiatan X.XX.NN.N.NN.NNNN, atau rekening 5.x")


def golongkan(kode: list[tuple[int, str]], baris: int, catat: Pencatat) -> dict[str, tuple[int, str]] | None:
    """{tingkat: (kolom, kode)} untuk kode-kode satu baris; None (dengan masalah) bila ada yang asing."""
    hasil = {}
    for c, k in kode:
        tingkat = tingkat_kode(k)
        if tingkat is None:
            # kode yang sama biasanya terulang di setiap baris bagiannya: cukup sekali
            catat.salah(pesan_kode_asing(k), baris, get_column_letter(c), k, kunci=("kode", k))
            return None
        hasil[tingkat] = (c, k)
    return hasil
