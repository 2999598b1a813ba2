"""Membuka database, memuat kueri dari queries/ menurut nama, mengikat parameter.

Tidak ada teks SQL di sini selain yang dibaca dari queries/ (lewat kinerja.daftar_kueri:
sekali per proses, diperiksa saat mulai); parameter selalu diikat ($nama), tidak pernah
disisipkan ke teks.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any

import duckdb
import pandas as pd

from kinerja import daftar_kueri


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
    """Isi queries/<nama>.sql (dibaca sekali). Nama dibatasi agar tidak keluar dari folder."""
    return daftar_kueri.ambil(nama).teks


def parameter_kueri(nama: str) -> set[str]:
    """Parameter $nama kueri itu, tanpa yang hanya tertulis di komentar atau literal string."""
    return set(daftar_kueri.ambil(nama).parameter)


def _ikat(nama: str, params: dict[str, Any]) -> tuple[str, dict[str, Any]]:
    """Teks kueri dan hanya parameter yang dipakainya; yang kurang adalah kesalahan pemrogram."""
    k = daftar_kueri.ambil(nama)
    if k.jumlah_pernyataan != 1:
        raise ValueError(f"Kueri {nama} adalah skrip {k.jumlah_pernyataan} pernyataan; jalankan dengan "
                         "con.execute(teks_kueri(nama)), bukan kueri()/kueri_satu()")
    kurang = k.parameter - params.keys()
    if kurang:
        raise KeyError(f"Kueri {nama} memerlukan parameter: {', '.join(sorted(kurang))}")
    return k.teks, {p: params[p] for p in k.parameter}


def kueri(con: duckdb.DuckDBPyConnection, nama: str, **params: Any) -> pd.DataFrame:
    """Jalankan queries/<nama>.sql pada kursor tersendiri dan kembalikan DataFrame."""
    teks, ikat = _ikat(nama, params)
    cur = con.cursor()
    try:
        return cur.execute(teks, ikat).df()
    finally:
        cur.close()


def kueri_satu(con: duckdb.DuckDBPyConnection, nama: str, **params: Any) -> tuple | None:
    teks, ikat = _ikat(nama, params)
    cur = con.cursor()
    try:
        return cur.execute(teks, ikat).fetchone()
    finally:
        cur.close()
