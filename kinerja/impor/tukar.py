"""Menulis database lewat salinan, lalu menukarnya dengan berkas asli (os.replace, atomik).

Dipakai halaman Kelola Data dan `python -m kinerja impor`. Selama penulisan, pembaca
lain (dasbor yang berjalan) tetap membaca database lama tanpa gangguan: DuckDB menolak
koneksi tulis ke berkas yang sedang dibuka proses lain, jadi menulis di tempat berarti
menghentikan dasbor. Gagal di tengah jalan = salinan dibuang, berkas asli tidak
tersentuh. Setelah ditukar, waktu ubah berkas berubah, sehingga dasbor membuka koneksi
baru (kunci cache = berkas + waktu ubah) dan melihat data baru.
"""

from __future__ import annotations

import os
import shutil
import time
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

import duckdb

from kinerja import db

T = TypeVar("T")


class DatabaseBerubah(RuntimeError):
    """Berkas asli diubah proses lain selama penulisan: salinan tidak dipakai."""


def salinan_untuk(db_path: Path) -> Path:
    # Berakhiran .duckdb di folder yang sama (os.replace harus pada sistem berkas yang
    # sama; data/*.duckdb tidak di-commit). Bukan <db>.tmp: itu folder sementara DuckDB.
    return db_path.with_name(f"{db_path.stem}.impor-{os.getpid()}.duckdb")


def hapus(path: Path) -> None:
    for p in (path, path.with_name(path.name + ".wal")):
        try:
            p.unlink()
        except FileNotFoundError:
            pass


def _proses_hidup(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # ada, milik pengguna lain
        return True
    return True


def bersihkan_sisa(db_path: Path) -> list[Path]:
    """Hapus salinan yang tertinggal oleh impor yang dimatikan paksa (SIGKILL, listrik padam):
    berkas <db>.impor-<pid>.duckdb yang prosesnya sudah tidak ada. Salinan proses yang
    masih hidup tidak disentuh."""
    dihapus = []
    for sisa in db_path.parent.glob(f"{db_path.stem}.impor-*.duckdb"):
        pid = sisa.name[len(db_path.stem) + len(".impor-"):-len(".duckdb")]
        if pid.isdigit() and int(pid) != os.getpid() and not _proses_hidup(int(pid)):
            hapus(sisa)
            dihapus.append(sisa)
    return dihapus


def _sentuh(path: Path, mtime_lama: float) -> None:
    """Waktu ubah harus berbeda dari sebelumnya (kunci cache koneksi di aplikasi)."""
    if path.stat().st_mtime == mtime_lama:
        t = max(time.time(), mtime_lama + 0.001)
        os.utime(path, (t, t))


def tulis_lewat_salinan(db_path: Path, tulis: Callable[[duckdb.DuckDBPyConnection], T],
                        lepas_koneksi: Callable[[], None] | None = None) -> T:
    """Salin database, jalankan tulis(koneksi baca-tulis ke salinan), lalu tukar.

    Pengecualian dari tulis diteruskan (salinan dibuang, asli utuh). DatabaseBerubah bila
    berkas asli berubah selama itu (mis. impor lain). lepas_koneksi dipanggil sebelum dan
    sesudah penukaran (halaman: kinerja.ui.data.bersihkan_cache)."""
    db_path = Path(db_path)
    salinan = salinan_untuk(db_path)
    try:
        bersihkan_sisa(db_path)
        hapus(salinan)
        awal = db_path.stat()
        shutil.copyfile(db_path, salinan)
        wal = db_path.with_name(db_path.name + ".wal")
        if wal.exists():
            shutil.copyfile(wal, salinan.with_name(salinan.name + ".wal"))
        con = db.buka(salinan, read_only=False)
        try:
            hasil = tulis(con)
        finally:
            con.close()  # menulis checkpoint: salinan utuh tanpa .wal
        kini = db_path.stat()
        if (kini.st_mtime_ns, kini.st_size, kini.st_ino) != (awal.st_mtime_ns, awal.st_size, awal.st_ino):
            raise DatabaseBerubah("database diubah proses lain selama impor; tidak ada yang dimuat")
        if lepas_koneksi:
            lepas_koneksi()
        if wal.exists():
            wal.unlink()  # sudah termasuk di salinan; jangan diputar ulang pada berkas baru
        os.replace(salinan, db_path)
        _sentuh(db_path, awal.st_mtime)
        if lepas_koneksi:
            lepas_koneksi()
        return hasil
    finally:
        hapus(salinan)
