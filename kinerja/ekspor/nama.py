"""Nama berkas paket rapat: paket-rapat_<pemda>_<tahun>_TW<q>.<ext>."""

from __future__ import annotations

from kinerja.ekspor.unduhan import nama_berkas, slug

MIME = {
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "pptx": "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    "pdf": "application/pdf",
}


def nama_paket(nama_pemda: str, tahun: int, triwulan: int, ekstensi: str) -> str:
    """nama_paket('Kabupaten Nusa Makmur', 2026, 3, 'xlsx')
    -> 'paket-rapat_kabupaten-nusa-makmur_2026_TW3.xlsx'."""
    return nama_berkas("paket-rapat", slug(nama_pemda), int(tahun), f"TW{int(triwulan)}",
                       ekstensi=ekstensi)
