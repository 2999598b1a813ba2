"""Skala kategori capaian yang berlaku, dibaca dari tabel skala_kategori.

Batas dan label hanya didefinisikan di database (makro kategori_capaian); modul
ini hanya membawa label dan warnanya ke grafik.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import pandas as pd

from kinerja import format as fmt

_WARNA = re.compile(r"^#[0-9A-Fa-f]{6}$")


@dataclass(frozen=True)
class Pita:
    urutan: int
    label: str
    batas_bawah: float
    warna: str
    warna_teks: str


def _warna(nilai: str, cadangan: str) -> str:
    """Warna dipakai di atribut style HTML: hanya heksadesimal #RRGGBB yang diterima."""
    return nilai if isinstance(nilai, str) and _WARNA.match(nilai) else cadangan


def pita_dari(df: pd.DataFrame) -> list[Pita]:
    """Dari hasil kueri skala_aktif (urutan 1 = terbaik)."""
    return [Pita(int(r.urutan), str(r.label), float(r.batas_bawah),
                 _warna(r.warna, "#999999"), _warna(r.warna_teks, "#000000"))
            for r in df.sort_values("urutan").itertuples()]


def rentang_pita(pita: list[Pita], batas_atas: float = 100.0) -> list[tuple[Pita, float, float]]:
    """(pita, dari, sampai) dari bawah ke atas, untuk gauge dan legenda."""
    naik = sorted(pita, key=lambda p: p.batas_bawah)
    hasil = []
    for i, p in enumerate(naik):
        sampai = naik[i + 1].batas_bawah if i + 1 < len(naik) else batas_atas
        hasil.append((p, p.batas_bawah, sampai))
    return hasil


def keterangan_pita(pita: list[Pita], batas_atas: float = 100.0) -> list[tuple[Pita, str]]:
    """(pita, rentang) dari yang terbaik: '≥ 91%', '76% – < 91%', ..., '< 51%'. Satu teks
    legenda untuk layar, PDF, PPTX dan XLSX."""
    hasil = []
    for p, dari, sampai in sorted(rentang_pita(pita, batas_atas), key=lambda x: x[0].urutan):
        teks = (f"≥ {fmt.angka(dari)}%" if p.urutan == min(q.urutan for q in pita) else
                f"{fmt.angka(dari)}% – < {fmt.angka(sampai)}%" if dari > 0 else f"< {fmt.angka(sampai)}%")
        hasil.append((p, teks))
    return hasil


def legenda(pita: list[Pita], batas_atas: float = 100.0, pemisah: str = " · ") -> str:
    """'Sangat Tinggi ≥ 91% · Tinggi 76% – < 91% · ... · Sangat Rendah < 51%'."""
    return pemisah.join(f"{p.label} {teks}" for p, teks in keterangan_pita(pita, batas_atas))



def pita_berlabel(label: str | None, pita: list[Pita]) -> Pita | None:
    """Pita dengan label yang sudah ditetapkan database (kategori_capaian)."""
    return next((p for p in pita if p.label == label), None)
