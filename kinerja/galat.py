"""Galat sistem berkas dan berkas yang bukan database, dalam bahasa pengguna.

Disk penuh, folder baca-saja atau tanpa hak tulis, dan --db yang menunjuk berkas lain
(mis. buku kerja Excel) muncul sebagai OSError atau galat DuckDB berbahasa Inggris. Di
sini diterjemahkan sekali untuk baris perintah dan halaman: apa yang terjadi, di mana,
dan apa yang harus dilakukan. Tanpa streamlit.
"""

from __future__ import annotations

import errno
import os
import re
from pathlib import Path

# Berkas DuckDB: 8 byte checksum lalu "DUCK" (format penyimpanan DuckDB).
_TANDA_DUCKDB = (8, b"DUCK")
_RUANG_HABIS = {errno.ENOSPC, errno.EFBIG, errno.EDQUOT}
_TANPA_IZIN = {errno.EACCES, errno.EPERM, errno.EROFS}
# DuckDB membawa teks strerror dari sistem operasi, lxml (penulis XLSX/PPTX) nama errno
# (IO_ENOSPC), bukan errno-nya.
_POLA_RUANG = re.compile(r"no space left|file too large|disk quota|disk is full|IO_E(NOSPC|FBIG|DQUOT)\b",
                         re.IGNORECASE)
_POLA_IZIN = re.compile(r"permission denied|read-only file system|operation not permitted|IO_E(ACCES|PERM|ROFS)\b",
                        re.IGNORECASE)


class BukanDatabase(ValueError):
    """--db (atau KINERJA_DB) menunjuk berkas yang bukan database DuckDB."""


class PenulisanGagal(RuntimeError):
    """Berkas tidak dapat ditulis (disk penuh, tanpa hak tulis); tidak ada yang berubah."""


def adalah_duckdb(path: Path) -> bool:
    try:
        with Path(path).open("rb") as f:
            kepala = f.read(_TANDA_DUCKDB[0] + len(_TANDA_DUCKDB[1]))
    except OSError:
        return False
    return kepala[_TANDA_DUCKDB[0]:] == _TANDA_DUCKDB[1]


def _jenis(path: Path) -> str:
    """Tebakan isi berkas untuk pesan ('tampaknya ...')."""
    try:
        with path.open("rb") as f:
            kepala = f.read(512)
    except OSError as e:
        return f"tidak dapat dibaca ({e.strerror or e})"
    if not kepala:
        return "berkas kosong (0 byte)"
    if kepala.startswith(b"PK"):
        return "tampaknya buku kerja Excel (.xlsx) atau arsip zip"
    if kepala.startswith(bytes.fromhex("D0CF11E0")):
        return "tampaknya berkas Office lama (.xls/.doc)"
    if kepala.startswith(b"%PDF"):
        return "tampaknya dokumen PDF"
    if b"\x00" not in kepala:
        return "tampaknya berkas teks (mis. CSV)"
    return "isinya tidak dikenali"


def periksa_database(path: Path) -> None:
    """BukanDatabase bila path ada tetapi bukan database DuckDB (berkas itu tidak disentuh)."""
    path = Path(path)
    if path.is_dir():
        raise BukanDatabase(f"{path} adalah folder, bukan berkas database. Sebutkan berkas database "
                            f"dengan --db, mis. --db {path / 'kinerja.duckdb'}")
    if path.exists() and not adalah_duckdb(path):
        raise BukanDatabase(f"{path} bukan database DuckDB; {_jenis(path)}. Periksa --db (atau "
                            "KINERJA_DB): berkas ini tidak diubah. Berkas data Excel/CSV dimuat dengan: "
                            "python -m kinerja impor --db DATABASE BERKAS")


def folder_dapat_ditulis(path: Path) -> bool:
    """Folder berkas path dapat ditulis proses ini (juga False pada sistem berkas baca-saja,
    bahkan untuk root)."""
    return os.access(Path(path).parent, os.W_OK)


def pesan_baca_saja(path: Path) -> str:
    """Database dari versi aplikasi lain di folder yang tidak dapat ditulis: dasbor tidak
    menulis apa pun di sana, administrator yang memperbaruinya."""
    return (f"Database {path} berasal dari versi aplikasi sebelumnya, dan foldernya tidak dapat ditulis "
            "(baca-saja atau tanpa hak tulis), jadi aturannya (makro/view) belum diperbarui dan halaman "
            "tidak dapat ditampilkan. Dasbor tidak menulis apa pun di folder itu. Administrator: jalankan "
            f"python -m kinerja perbarui --db {path} dengan hak tulis pada folder itu, atau salin database "
            "ke folder yang dapat ditulis dan arahkan KINERJA_DB ke salinan itu.")


def _masalah(e: BaseException) -> str | None:
    """'ruang' atau 'izin' bila e galat disk penuh atau hak tulis; selain itu None."""
    if isinstance(e, OSError):
        if e.errno in _RUANG_HABIS:
            return "ruang"
        if e.errno in _TANPA_IZIN:
            return "izin"
        return None
    teks = str(e)
    if _POLA_RUANG.search(teks):
        return "ruang"
    if _POLA_IZIN.search(teks):
        return "izin"
    return None


def pesan_tulis(e: BaseException, path: Path, akibat: str = "tidak ada yang berubah") -> str | None:
    """Pesan berbahasa Indonesia bila e adalah disk penuh atau tanpa hak tulis; None bila bukan."""
    jenis = _masalah(e)
    folder = Path(path).parent
    if jenis == "ruang":
        return (f"Ruang disk tidak cukup untuk menulis di {folder}; {akibat}. Kosongkan ruang "
                "(mis. hapus cadangan lama di folder .cadangan atau berkas lain) lalu ulangi. Penulisan "
                "database memerlukan ruang kosong kira-kira sebesar databasenya.")
    if jenis == "izin":
        return (f"Folder {folder} tidak dapat ditulis (baca-saja atau tanpa hak tulis); {akibat}. Minta "
                "administrator server memberi hak tulis pada folder itu, atau pakai --db di folder lain.")
    return None


def jadikan_pesan(e: BaseException, path: Path, akibat: str = "tidak ada yang berubah") -> PenulisanGagal | None:
    pesan = pesan_tulis(e, path, akibat)
    return PenulisanGagal(pesan) if pesan else None
