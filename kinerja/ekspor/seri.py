"""Kelompok seri di ekspor peringkat (PPTX, PDF): kalimat anggota kelompok yang dipadatkan.

Pembagian slide/halaman sendiri ada di kinerja.rapat.slide.halaman_peringkat (aturan sekali: batas
halaman tidak pernah jatuh di dalam kelompok seri). Kelompok yang lebih besar dari satu
slide/halaman tampil sebagai satu batang "16 OPD di peringkat 1"; anggotanya disebut dengan
kalimat ini di slide/halaman yang sama, seperti catatan seri Mode Rapat.
"""

from __future__ import annotations

import pandas as pd

from kinerja import format as fmt
from kinerja.rapat import slide as sl


def judul_seri(df: pd.DataFrame, butir: tuple[int, ...]) -> str:
    """'16 OPD di peringkat 1 · 100,0%' (peringkat dan skor anggota pertama; semua sama)."""
    r = df.iloc[butir[0]]
    return f"{len(butir)} OPD di peringkat {int(r['peringkat'])} · {fmt.persen(r['skor'])}"


def kalimat_seri(df: pd.DataFrame, butir: tuple[int, ...], batas_atas: float) -> str:
    """'16 OPD di peringkat 1 · 100,0% (sama karena …): BKPSDM, Kesbangpol, …' (semua anggota,
    urut seperti peringkat_opd)."""
    anggota = df.iloc[list(butir)]
    sebab = (f" (sama karena capaian indikator dibatasi {fmt.persen(batas_atas, 0)})"
             if "seri_karena_batas" in anggota and anggota["seri_karena_batas"].fillna(False).astype(bool).any()
             else "")
    nama = ", ".join(sl.nama_opd(s, n) for s, n in zip(anggota["singkatan"], anggota["nama_opd"]))
    return f"{judul_seri(df, butir)}{sebab}: {nama}"
