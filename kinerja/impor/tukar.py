"""Menulis database lewat salinan, lalu menukarnya dengan berkas asli (os.replace, atomik).

Dipakai halaman Kelola Data dan `python -m kinerja impor`. Selama penulisan, pembaca
lain (dasbor yang berjalan) tetap membaca database lama tanpa gangguan: DuckDB menolak
koneksi tulis ke berkas yang sedang dibuka proses lain, jadi menulis di tempat berarti
menghentikan dasbor. Gagal di tengah jalan = salinan dibuang, berkas asli tidak
tersentuh. Setelah ditukar, berkas (inode, waktu ubah) berganti; dasbor melihatnya dalam
beberapa detik (kinerja.ui.data: versi per render, pemantau berkas) dan membuka koneksi
baru ke berkas itu. Tepat sebelum ditukar,
berkas lama disimpan sebagai cadangan bertanggal (kinerja.basisdata.cadangan); penulisan yang gagal
atau ditolak tidak meninggalkan cadangan.
"""

from __future__ import annotations

import os
import shutil
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Generic, TypeVar

import duckdb

from kinerja import db

from kinerja.basisdata import cadangan
from kinerja.galat import jadikan_pesan

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


@dataclass
class Ditukar(Generic[T]):
    hasil: T                  # nilai kembalian tulis
    cadangan: Path | None     # isi yang digantikan (kinerja.basisdata.cadangan); None bila berkas belum ada


def tulis_lewat_salinan(db_path: Path, tulis: Callable[[duckdb.DuckDBPyConnection], T],
                        lepas_koneksi: Callable[[], None] | None = None) -> T:
    """Salin database, jalankan tulis(koneksi baca-tulis ke salinan), lalu tukar.

    Pengecualian dari tulis diteruskan (salinan dibuang, asli utuh). DatabaseBerubah bila
    berkas asli berubah selama itu (mis. impor lain). lepas_koneksi dipanggil sebelum dan
    sesudah penukaran (halaman: kinerja.ui.data.bersihkan_cache). Isi lama disimpan sebagai
    cadangan tepat sebelum ditukar (kinerja.basisdata.cadangan)."""
    return tulis_dan_cadangkan(db_path, tulis, lepas_koneksi).hasil


def _sama(a: os.stat_result | None, b: os.stat_result | None) -> bool:
    if a is None or b is None:
        return a is b
    return (a.st_mtime_ns, a.st_size, a.st_ino) == (b.st_mtime_ns, b.st_size, b.st_ino)


def _stat(path: Path) -> os.stat_result | None:
    try:
        return path.stat()
    except FileNotFoundError:
        return None


def tulis_dan_cadangkan(db_path: Path, tulis: Callable[[duckdb.DuckDBPyConnection], T],
                        lepas_koneksi: Callable[[], None] | None = None,
                        sumber: Path | None = None) -> Ditukar[T]:
    """Seperti tulis_lewat_salinan, dan menyebut cadangan yang dibuat.

    sumber: salin berkas ini (cadangan yang dipulihkan) alih-alih db_path; db_path boleh
    belum ada (dihapus), maka tidak ada yang dicadangkan. Disk penuh atau folder tanpa hak
    tulis: PenulisanGagal berpesan Indonesia (salinan dibuang, asli utuh)."""
    try:
        return _tulis_dan_cadangkan(Path(db_path), tulis, lepas_koneksi, sumber)
    except (OSError, duckdb.Error) as e:
        gagal = jadikan_pesan(e, Path(db_path), "database tidak berubah")
        if gagal is None:
            raise
        raise gagal from e


def _tulis_dan_cadangkan(db_path: Path, tulis: Callable[[duckdb.DuckDBPyConnection], T],
                         lepas_koneksi: Callable[[], None] | None, sumber: Path | None) -> Ditukar[T]:
    salinan = salinan_untuk(db_path)
    simpanan: Path | None = None
    ditukar = False
    try:
        bersihkan_sisa(db_path)
        hapus(salinan)
        awal = db_path.stat() if sumber is None else _stat(db_path)
        asal = db_path if sumber is None else Path(sumber)
        shutil.copyfile(asal, salinan)
        wal_asal = asal.with_name(asal.name + ".wal")
        if wal_asal.exists():
            shutil.copyfile(wal_asal, salinan.with_name(salinan.name + ".wal"))
        con = db.buka(salinan, read_only=False)
        try:
            hasil = tulis(con)
            jumlah = cadangan.jumlah_disimpan(con)  # pengaturan database yang baru
        finally:
            con.close()  # menulis checkpoint: salinan utuh tanpa .wal
        if not _sama(_stat(db_path), awal):
            raise DatabaseBerubah("database diubah proses lain selama impor; tidak ada yang dimuat")
        if awal is not None:
            # Hanya penulisan yang berhasil dan akan ditukar meninggalkan cadangan.
            simpanan = cadangan.buat(db_path)
        if lepas_koneksi:
            lepas_koneksi()
        wal = db_path.with_name(db_path.name + ".wal")
        if wal.exists():
            wal.unlink()  # sudah termasuk di cadangan (dan di salinan); jangan diputar ulang pada berkas baru
        os.replace(salinan, db_path)
        ditukar = True
        if awal is not None:
            _sentuh(db_path, awal.st_mtime)
        if lepas_koneksi:
            lepas_koneksi()
        try:
            cadangan.pangkas(db_path, jumlah)
        except OSError:
            pass  # sudah ditulis; kelebihan cadangan dipangkas pada penulisan berikutnya
        return Ditukar(hasil, simpanan)
    finally:
        if simpanan is not None and not ditukar:
            # Tidak jadi ditukar: hardlink ke berkas yang masih dipakai bukan cadangan (ikut
            # berubah bila berkas itu ditulis). Salinan lengkap (ada .wal) tetap disimpan.
            try:
                if simpanan.stat().st_ino == db_path.stat().st_ino:
                    simpanan.unlink()
            except OSError:
                pass
        hapus(salinan)
