"""Berkas database akses: dibuka sebentar untuk setiap operasi, lalu ditutup.

Tidak ada koneksi yang dibiarkan terbuka, agar `python -m kinerja pengguna` dari baris
perintah dapat menulis saat dasbor berjalan. DuckDB menolak (tidak menunggu) bila proses
lain sedang memegang berkasnya: dicoba lagi sampai BATAS_TUNGGU_KUNCI detik.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import duckdb

from kinerja import db

VERSI_AKSES = 1
BATAS_TUNGGU_KUNCI = 15.0  # detik
_KUNCI_PROSES = threading.Lock()  # satu operasi akses pada satu waktu dalam proses ini

# Pengaturan akses dan nilai bawaannya (satu tempat).
TAMPILAN = "tampilan"                 # 'terbuka' | 'masuk'
TAMPILAN_TERBUKA, TAMPILAN_MASUK = "terbuka", "masuk"
MENIT_DIAM = "menit_diam"             # sesi berakhir setelah sekian menit tanpa aktivitas
BAWAAN = {TAMPILAN: TAMPILAN_TERBUKA, MENIT_DIAM: "30"}
MENIT_DIAM_MIN, MENIT_DIAM_MAKS = 5, 24 * 60
NAMA_TAMPILAN = {TAMPILAN_TERBUKA: "Terbuka: siapa pun di jaringan dapat melihat dasbor tanpa masuk",
                 TAMPILAN_MASUK: "Hanya yang sudah masuk"}


class AksesTidakTersedia(RuntimeError):
    """Berkas akses tidak dapat dibuka (terkunci terlalu lama, rusak, atau tidak dapat ditulis)."""


def lokasi_akses(path_db: str | Path) -> Path:
    """data/kinerja.duckdb -> data/kinerja.akses.duckdb"""
    p = Path(path_db)
    return p.with_name(f"{p.stem}.akses.duckdb")


@contextmanager
def buka(path_db: str | Path) -> Iterator[duckdb.DuckDBPyConnection]:
    """Koneksi tulis ke berkas akses (dibuat bila belum ada); setiap isi blok satu transaksi."""
    path = lokasi_akses(path_db)
    with _KUNCI_PROSES:
        batas = time.monotonic() + BATAS_TUNGGU_KUNCI
        while True:
            try:
                con = duckdb.connect(str(path))
                break
            except duckdb.Error as e:
                if db.terkunci(e) and time.monotonic() < batas:
                    time.sleep(0.05)  # menunggu proses lain melepas kunci berkas
                    continue
                raise AksesTidakTersedia(
                    f"Berkas akses {path} tidak dapat dibuka: {e}") from e
        try:
            _pastikan_skema(con)
            con.execute("BEGIN")
            try:
                yield con
            except BaseException:
                db.batalkan(con)
                raise
            con.execute("COMMIT")
        finally:
            con.close()


def _pastikan_skema(con: duckdb.DuckDBPyConnection) -> None:
    ada = con.execute("SELECT count(*) FROM duckdb_tables() WHERE table_name = 'versi_akses'"
                      " AND database_name = current_database()").fetchone()[0]
    if ada:
        versi = con.execute("SELECT max(versi) FROM versi_akses").fetchone()[0]
        if versi is not None and versi > VERSI_AKSES:
            raise AksesTidakTersedia(f"Berkas akses dibuat versi aplikasi yang lebih baru (versi {versi}); "
                                     "perbarui aplikasinya.")
        if versi == VERSI_AKSES:
            return
    con.execute(db.teks_kueri("akses/skema"))
    con.execute("DELETE FROM versi_akses")
    con.execute("INSERT INTO versi_akses VALUES ($v)", {"v": VERSI_AKSES})


def pengaturan(con: duckdb.DuckDBPyConnection) -> dict[str, str]:
    return BAWAAN | dict(db.kueri(con, "akses/pengaturan_baca").itertuples(index=False))


def menit_diam(atur: dict[str, str]) -> int:
    try:
        n = int(atur.get(MENIT_DIAM, BAWAAN[MENIT_DIAM]))
    except ValueError:
        n = int(BAWAAN[MENIT_DIAM])
    return min(max(n, MENIT_DIAM_MIN), MENIT_DIAM_MAKS)


def tampilan_terbuka(atur: dict[str, str]) -> bool:
    return atur.get(TAMPILAN, BAWAAN[TAMPILAN]) != TAMPILAN_MASUK


def ada(path_db: str | Path) -> bool:
    """Berkas akses sudah dibuat (membaca tidak pernah membuatnya)."""
    return lokasi_akses(path_db).exists()


def sidik(path_db: str | Path) -> tuple:
    """Tanda versi berkas akses (berubah setiap kali ditulis): kunci cache pembacaan di dasbor."""
    path = lokasi_akses(path_db)
    hasil = []
    for p in (path, path.with_name(path.name + ".wal")):
        try:
            s = p.stat()
            hasil.append((s.st_mtime_ns, s.st_size, s.st_ino))
        except OSError:
            hasil.append(None)
    return tuple(hasil)


def baca_pengaturan(path_db: str | Path) -> dict[str, str]:
    if not ada(path_db):
        return dict(BAWAAN)
    with buka(path_db) as con:
        return pengaturan(con)
