"""Catatan masalah impor: di mana (berkas, lembar, baris, kolom), nilai apa, harapannya apa."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Masalah:
    berkas: str
    lembar: str
    baris: int | None      # nomor baris seperti di Excel (baris 1 = judul kolom)
    kolom: str | None
    nilai: str | None
    pesan: str

    def __str__(self) -> str:
        tempat = [self.berkas]
        if self.lembar:
            tempat.append(f"lembar {self.lembar}")
        if self.baris is not None:
            tempat.append(f"baris {self.baris}")
        if self.kolom:
            tempat.append(f"kolom {self.kolom}")
        nilai = f" (nilai: '{self.nilai}')" if self.nilai not in (None, "") else ""
        return f"{', '.join(tempat)}: {self.pesan}{nilai}"


class ImporGagal(Exception):
    """Impor ditolak; database tidak berubah. Berisi semua masalah yang ditemukan."""

    def __init__(self, masalah: list[Masalah]):
        self.masalah = masalah
        super().__init__(f"{len(masalah)} masalah ditemukan; tidak ada data yang dimuat")
