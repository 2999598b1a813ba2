"""Hasil membaca satu ekspor SIPD, dan pencatat masalah serta catatannya.

Berkas yang rusak tidak pernah menimbulkan exception: semuanya menjadi Masalah di Pencatat,
dan hasil yang bermasalah tidak boleh dimuat. Tanpa database dan tanpa streamlit.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Hashable

import pandas as pd

from kinerja.impor.masalah import Masalah
from kinerja.impor.sipd_sel import teks_nilai

KOLOM_OPD = ["kode_opd", "nama_opd", "baris"]


@dataclass
class HasilSipd:
    jenis: str                 # 'sipd-lra' | 'sipd-rak' (kinerja.impor.jenis_berkas)
    tahun: int | None
    nama_pemda: str | None
    opd: pd.DataFrame          # kode_opd, nama_opd, baris
    rinci: pd.DataFrame        # lihat sipd_lra / sipd_rak
    bulan_tersedia: list[int]
    masalah: list[Masalah]     # tidak kosong => berkas tidak boleh dimuat
    catatan: list[str]

    @property
    def sah(self) -> bool:
        return not self.masalah


class Pencatat:
    """Mengumpulkan masalah dan catatan satu berkas; catatan berkunci hanya sekali."""

    def __init__(self, berkas: str, lembar: str = ""):
        self.berkas = berkas
        self.lembar = lembar
        self.masalah: list[Masalah] = []
        self.catatan: list[str] = []
        self._sudah: set[Hashable] = set()

    def salah(self, pesan: str, baris: int | None = None, kolom: str | None = None,
              nilai: object = None, kunci: Hashable | None = None) -> None:
        """Satu masalah; dengan kunci, masalah yang sama hanya dicatat di tempat pertamanya."""
        if kunci is not None:
            if ("salah", kunci) in self._sudah:
                return
            self._sudah.add(("salah", kunci))
        self.masalah.append(Masalah(self.berkas, self.lembar, baris, kolom, teks_nilai(nilai), pesan))

    def catat(self, teks: str, kunci: Hashable | None = None) -> None:
        if kunci is not None:
            if kunci in self._sudah:
                return
            self._sudah.add(kunci)
        self.catatan.append(f"{self.berkas}: {teks}")


def hasil_gagal(jenis: str, kolom_rinci: list[str], catat: Pencatat,
                pesan: str | None = None) -> HasilSipd:
    """Hasil tanpa data: masalah yang sudah tercatat, ditambah pesan tingkat berkas bila ada."""
    if pesan:
        catat.salah(pesan)
    return HasilSipd(jenis, None, None, pd.DataFrame(columns=KOLOM_OPD),
                     pd.DataFrame(columns=kolom_rinci), [], catat.masalah, catat.catatan)
