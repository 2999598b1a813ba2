"""Membuka database, memuat kueri dari queries/ menurut nama, mengikat parameter.

Tidak ada teks SQL di sini selain yang dibaca dari queries/; parameter selalu
diikat ($nama), tidak pernah disisipkan ke teks.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from typing import Any

import duckdb
import pandas as pd

from kinerja.lokasi import FOLDER_KUERI

_NAMA_KUERI = re.compile(r"^[a-z0-9_]+(/[a-z0-9_]+)?$")
_PARAMETER = re.compile(r"\$([A-Za-z_][A-Za-z0-9_]*)")


def buka(path: str | Path, read_only: bool = True) -> duckdb.DuckDBPyConnection:
    return duckdb.connect(str(path), read_only=read_only)


@lru_cache(maxsize=None)
def terkunci(e: BaseException) -> bool:
    """Galat DuckDB karena proses lain memegang kunci berkas (DuckDB menolak, tidak menunggu)."""
    return isinstance(e, duckdb.IOException) and "lock" in str(e).lower()


def teks_kueri(nama: str) -> str:
    """Isi queries/<nama>.sql. Nama dibatasi agar tidak keluar dari folder."""
    if not _NAMA_KUERI.match(nama):
        raise ValueError(f"Nama kueri tidak sah: {nama!r}")
    return (FOLDER_KUERI / f"{nama}.sql").read_text(encoding="utf-8")


def parameter_kueri(nama: str) -> set[str]:
    return set(_PARAMETER.findall(teks_kueri(nama)))


def _ikat(nama: str, params: dict[str, Any]) -> dict[str, Any]:
    """Hanya parameter yang dipakai kueri; yang kurang adalah kesalahan pemrogram."""
    dipakai = parameter_kueri(nama)
    kurang = dipakai - params.keys()
    if kurang:
        raise KeyError(f"Kueri {nama} memerlukan parameter: {', '.join(sorted(kurang))}")
    return {k: params[k] for k in dipakai}


def kueri(con: duckdb.DuckDBPyConnection, nama: str, **params: Any) -> pd.DataFrame:
    """Jalankan queries/<nama>.sql pada kursor tersendiri dan kembalikan DataFrame."""
    cur = con.cursor()
    try:
        return cur.execute(teks_kueri(nama), _ikat(nama, params)).df()
    finally:
        cur.close()


def kueri_satu(con: duckdb.DuckDBPyConnection, nama: str, **params: Any) -> tuple | None:
    cur = con.cursor()
    try:
        return cur.execute(teks_kueri(nama), _ikat(nama, params)).fetchone()
    finally:
        cur.close()
