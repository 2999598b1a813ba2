"""Membangun database baru di berkas sementara lalu memasangnya (demo, baru).

Pembaca tidak pernah melihat database setengah jadi: semuanya ditulis ke berkas
sementara di folder yang sama, lalu os.replace (atomik) menggantikan tujuan. Gagal di
tengah jalan = berkas sementara dibuang, tujuan tidak tersentuh.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

import duckdb

from kinerja import db
from kinerja.galat import jadikan_pesan
from kinerja.skema import buat_skema

T = TypeVar("T")


def bangun_lalu_pasang(path: Path, isi: Callable[[duckdb.DuckDBPyConnection], T],
                       sebelum_pasang: Callable[[], None] | None = None) -> T:
    """Skema kosong + isi(koneksi) di berkas sementara, lalu pasang di path. sebelum_pasang
    boleh menolak (mengangkat galat) tepat sebelum tujuan diganti. Disk penuh atau folder
    tanpa hak tulis: PenulisanGagal berpesan Indonesia (sementara dibuang, tujuan utuh)."""
    try:
        return _bangun_lalu_pasang(Path(path), isi, sebelum_pasang)
    except (OSError, duckdb.Error) as e:
        gagal = jadikan_pesan(e, Path(path))
        if gagal is None:
            raise
        raise gagal from e


def _bangun_lalu_pasang(path: Path, isi: Callable[[duckdb.DuckDBPyConnection], T],
                        sebelum_pasang: Callable[[], None] | None) -> T:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, sementara = tempfile.mkstemp(suffix=".duckdb.tmp", dir=path.parent)
    os.close(fd)
    os.unlink(sementara)  # DuckDB harus membuat berkasnya sendiri
    try:
        con = db.buka(sementara, read_only=False)
        try:
            buat_skema(con)
            hasil = isi(con)
        finally:
            con.close()
        if sebelum_pasang:
            sebelum_pasang()
        os.replace(sementara, path)
        wal = Path(str(path) + ".wal")
        if wal.exists():
            wal.unlink()
    finally:
        for sisa in (Path(sementara), Path(sementara + ".wal")):
            if sisa.exists():
                sisa.unlink()
    return hasil
