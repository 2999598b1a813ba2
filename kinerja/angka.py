"""Membaca angka dari sel lembar kerja dan CSV buatan manusia.

Kebiasaan yang ditangani (DOMAIN.md): 1.234,56  85%  Rp 1.250.000.000  -  #N/A
dan angka rusak Excel seperti 3,50001E+11. Tidak ada tebakan diam-diam: teks yang
bisa dibaca dua arah ditolak dengan pesan.
"""

from __future__ import annotations

import math
import re

KOSONG = {"", "-", "--", "—", "–", "#N/A", "N/A", "NA", "#NA", "N.A", "n/a", "#REF!", "#VALUE!", "#DIV/0!", "NULL"}
_KOSONG_LOWER = {k.lower() for k in KOSONG}

_ID_RIBUAN = re.compile(r"^\d{1,3}(\.\d{3})+(,\d+)?$")      # 1.234.567,89
_ID_DESIMAL = re.compile(r"^\d+(,\d+)?$")                   # 1234,5 atau 1234
_TITIK_DESIMAL = re.compile(r"^\d+(\.\d+)?$")               # 1234.5
_ILMIAH = re.compile(r"^\d+([.,]\d+)?[eE][+-]?\d+$")        # 3,50001E+11


class AngkaTidakSah(ValueError):
    """Teks tidak dapat dibaca sebagai angka; pesannya untuk pengguna."""


def baca_angka(nilai: object, desimal: str = ",") -> float | None:
    """Angka dari sel. None untuk sel kosong ('-', '#N/A', ...).

    desimal: pemisah desimal sumber untuk teks ('.' untuk CSV berkoma,
    ',' untuk sel teks Excel berformat Indonesia).
    """
    if nilai is None:
        return None
    if isinstance(nilai, bool):
        raise AngkaTidakSah(f"'{nilai}' bukan angka")
    if isinstance(nilai, (int, float)):
        if isinstance(nilai, float) and math.isnan(nilai):
            return None
        if isinstance(nilai, float) and math.isinf(nilai):
            raise AngkaTidakSah("nilai tak hingga bukan angka yang sah")
        try:
            return _terhingga(float(nilai), str(nilai))
        except OverflowError:  # int Python sepanjang apa pun (mis. sel berisi 400 angka 9)
            raise AngkaTidakSah(_pesan_terlalu_besar(str(nilai))) from None
    teks = str(nilai).strip().replace("\u00a0", " ")
    if teks.lower() in _KOSONG_LOWER:
        return None
    asli = teks
    negatif = False
    if teks.startswith("(") and teks.endswith(")"):  # gaya akuntansi
        negatif, teks = True, teks[1:-1].strip()
    teks = re.sub(r"^(rp\.?|idr)\s*", "", teks, flags=re.IGNORECASE)
    persen = teks.endswith("%")
    if persen:
        teks = teks[:-1].strip()
    if teks.startswith("-"):
        negatif, teks = not negatif, teks[1:].strip()
    teks = teks.replace(" ", "")
    hasil = _urai(teks, desimal)
    if hasil is None:
        raise AngkaTidakSah(f"'{asli}' bukan angka yang dapat dibaca")
    hasil = _terhingga(hasil, asli)
    return -hasil if negatif else hasil


def _pesan_terlalu_besar(teks: str) -> str:
    potong = teks if len(teks) <= 40 else teks[:20] + "..." + teks[-10:]
    return (f"'{potong}' terlalu besar untuk dibaca sebagai angka (hasilnya tak hingga); "
            "periksa isi selnya")


def _terhingga(x: float, teks: str) -> float:
    """Hanya angka terhingga: '1e309' atau 400 angka 9 menjadi inf pada float dan akan
    tampil sebagai 'Rp ∞' atau menjatuhkan int() di kolom tahun/triwulan."""
    if not math.isfinite(x):
        raise AngkaTidakSah(_pesan_terlalu_besar(teks))
    return x


def _urai(teks: str, desimal: str) -> float | None:
    if _ILMIAH.match(teks):
        return float(teks.replace(",", "."))
    if desimal == ",":
        if _ID_RIBUAN.match(teks):
            return float(teks.replace(".", "").replace(",", "."))
        if _ID_DESIMAL.match(teks):
            return float(teks.replace(",", "."))
        return None
    if _TITIK_DESIMAL.match(teks):
        return float(teks)
    return None
