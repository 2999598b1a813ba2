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


class KoneksiTerpisah:
    """Koneksi baca-saja ke berkas database dalam instance DuckDB tersendiri.

    duckdb.connect(path) memberi instance yang masih terbuka untuk path itu dalam proses
    ini, walau berkasnya sudah ditukar (os.replace oleh impor): data lama. Di sini setiap
    koneksi adalah instance :memory: baru yang melampirkan (ATTACH) berkas yang saat itu
    ada di path, jadi selalu membaca berkas terkini, dan menutupnya melepas berkas itu.
    Kursor baru mulai di katalog memory: cursor() mengarahkannya (USE) ke berkas, sehingga
    kueri(), makro dan view bekerja seperti pada koneksi biasa.
    """

    KATALOG = "kinerja"

    def __init__(self, path: str | Path):
        # Folder sementara (bila kueri besar meluap ke disk) di samping berkas, seperti koneksi
        # biasa ke berkas itu, bukan ".tmp" di folder kerja.
        self._con = duckdb.connect(":memory:", config={"temp_directory": f"{path}.tmp"})
        try:
            self._con.execute(f"ATTACH $path AS {self.KATALOG} (READ_ONLY)", {"path": str(path)})
            self._con.execute(f"USE {self.KATALOG}")
        except BaseException:
            self._con.close()
            raise

    def cursor(self) -> duckdb.DuckDBPyConnection:
        cur = self._con.cursor()
        try:
            cur.execute(f"USE {self.KATALOG}")
        except BaseException:
            cur.close()
            raise
        return cur

    def execute(self, sql: str, params: Any = None) -> duckdb.DuckDBPyConnection:
        """Pada koneksi induk: hanya untuk satu utas (mis. pemeriksaan saat dibuka)."""
        return self._con.execute(sql, params)

    def close(self) -> None:
        """Menutup juga kursor yang masih terbuka; berkas dilepas."""
        self._con.close()


def buka_terpisah(path: str | Path) -> KoneksiTerpisah:
    return KoneksiTerpisah(path)


@lru_cache(maxsize=None)
def terkunci(e: BaseException) -> bool:
    """Galat DuckDB karena proses lain memegang kunci berkas (DuckDB menolak, tidak menunggu)."""
    return isinstance(e, duckdb.IOException) and "lock" in str(e).lower()


def batalkan(con: duckdb.DuckDBPyConnection) -> None:
    """ROLLBACK yang tidak menutupi galat aslinya: saat disk penuh DuckDB sering sudah membatalkan
    transaksinya sendiri, dan ROLLBACK lalu gagal dengan "no transaction is active"."""
    try:
        con.execute("ROLLBACK")
    except duckdb.Error:
        pass


def berkas_koneksi(con: duckdb.DuckDBPyConnection) -> str:
    """Path berkas database koneksi ini (untuk pesan), atau '' bila di memori."""
    try:
        baris = con.execute("SELECT path FROM duckdb_databases() WHERE database_name = current_database()").fetchone()
    except duckdb.Error:
        return ""
    return (baris[0] or "") if baris else ""


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
