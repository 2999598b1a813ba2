"""Menulis berkas keluaran (paket rapat, templat) tanpa pernah menimpa database.

`ekspor --db X --out X` dulu mengganti database dengan XLSX. Keluaran ditolak bila
menunjuk database (berkas DuckDB mana pun, termasuk database akses dan cadangan),
berkas .wal-nya, atau folder; folder yang tidak ada atau tidak dapat ditulis disebut
dengan pesan. Isi ditulis ke berkas sementara di folder yang sama lalu ditukar, jadi
penulisan yang gagal di tengah tidak meninggalkan berkas setengah jadi.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from kinerja.galat import PenulisanGagal, adalah_duckdb, pesan_tulis

T = TypeVar("T")


class KeluaranDitolak(ValueError):
    """--out tidak boleh atau tidak dapat dipakai; tidak ada yang ditulis."""


def periksa_keluaran(out: Path, dilindungi: list[Path] = ()) -> Path:
    out = Path(out).expanduser()
    tujuan = out.resolve()
    for p in dilindungi:
        p = Path(p).expanduser().resolve()
        if tujuan in (p, p.with_name(p.name + ".wal")):
            raise KeluaranDitolak(f"--out {out} adalah database yang dibaca; berkas keluaran tidak boleh "
                                  "menimpanya. Pilih nama lain, mis. paket-rapat.pdf")
    if tujuan.is_dir():
        raise KeluaranDitolak(f"--out {out} adalah folder; sebutkan nama berkas di dalamnya, "
                              f"mis. {out / 'paket-rapat.pdf'}")
    if tujuan.exists() and adalah_duckdb(tujuan):
        raise KeluaranDitolak(f"--out {out} adalah database DuckDB; berkas keluaran tidak menimpa database. "
                              "Pilih nama lain.")
    if tujuan.name.endswith(".wal") and tujuan.with_name(tujuan.name[:-4]).exists():
        raise KeluaranDitolak(f"--out {out} adalah berkas log database; pilih nama lain.")
    if not tujuan.parent.is_dir():
        raise KeluaranDitolak(f"Folder {tujuan.parent} tidak ada; buat dulu foldernya atau pilih --out "
                              "di folder yang ada.")
    return tujuan


def tulis_keluaran(out: Path, tulis: Callable[[Path], T], dilindungi: list[Path] = ()) -> T:
    """Periksa out, jalankan tulis(berkas_sementara), lalu tukar ke out."""
    tujuan = periksa_keluaran(out, dilindungi)
    sementara = tujuan.with_name(f".{tujuan.name}.{os.getpid()}.sementara{tujuan.suffix}")
    try:
        hasil = tulis(sementara)
        os.replace(sementara, tujuan)
        return hasil
    except Exception as e:  # noqa: BLE001 - penulis berkas (lxml, fpdf) punya galat sendiri
        pesan = pesan_tulis(e, tujuan, "berkas keluaran tidak ditulis")
        if pesan:
            raise PenulisanGagal(pesan) from None
        raise
    finally:
        try:
            sementara.unlink()
        except FileNotFoundError:
            pass
