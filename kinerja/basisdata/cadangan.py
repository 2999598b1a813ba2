"""Cadangan bertanggal: isi lama database disimpan sebelum setiap penulisan.

Setiap penulisan (impor, perbarui, pulihkan) lewat kinerja.impor.tukar, yang memanggil
`buat` tepat sebelum salinan baru ditukar dengan berkas asli. Cadangan disimpan di folder
`<folder>/<nama>.cadangan/` di samping berkasnya, bernama menurut waktu penyimpanan
(`kinerja-20261203-141530.duckdb`, `-2` dst. bila dalam detik yang sama). Hanya N terakhir
yang disimpan: pengaturan `jumlah_cadangan` di database, bawaan JUMLAH_BAWAAN.

`pulihkan` memakai penukaran yang sama (salinan cadangan ditulis lalu ditukar), jadi isi
yang diganti ikut dicadangkan dan pemulihan dapat dibatalkan.
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import duckdb
import pandas as pd

from kinerja import audit, db
from kinerja.impor.muat import pengguna_os

# Jumlah cadangan yang disimpan bila pengaturan jumlah_cadangan tidak ada atau tidak sah.
JUMLAH_BAWAAN = 10
KUNCI_JUMLAH = "jumlah_cadangan"

_FORMAT_WAKTU = "%Y%m%d-%H%M%S"


class CadanganGagal(RuntimeError):
    """Cadangan tidak dapat disimpan: penulisan dibatalkan, database tidak berubah."""


class CadanganTidakDikenal(ValueError):
    """BERKAS bukan cadangan di folder cadangan database ini."""


class CadanganTidakSah(RuntimeError):
    """Cadangan tidak dapat dipulihkan (rusak, bukan database dasbor, versi lain)."""


@dataclass(frozen=True)
class Cadangan:
    path: Path
    disimpan: datetime      # saat isi ini digantikan (dari nama berkas, zona waktu lokal)
    ukuran: int             # byte
    isi: str = ""           # ringkasan isi (pemda, impor terakhir), atau sebab tidak terbaca


@dataclass(frozen=True)
class Pemulihan:
    sumber: Path                    # cadangan yang dipulihkan
    cadangan_baru: Path | None      # isi yang diganti; None bila berkas database belum ada
    aturan_mutakhir: bool           # makro/view cadangan sama dengan versi aplikasi ini


def folder_cadangan(db_path: Path) -> Path:
    db_path = Path(db_path)
    return db_path.with_name(f"{db_path.stem}.cadangan")


def _akhiran(db_path: Path) -> str:
    return db_path.suffix or ".duckdb"


def _pola(db_path: Path) -> re.Pattern:
    return re.compile(rf"^{re.escape(db_path.stem)}-(\d{{8}}-\d{{6}})(?:-(\d+))?{re.escape(_akhiran(db_path))}$")


def _nama(db_path: Path, cap: str, urutan: int) -> str:
    tambahan = f"-{urutan}" if urutan > 1 else ""
    return f"{db_path.stem}-{cap}{tambahan}{_akhiran(db_path)}"


def _wal(path: Path) -> Path:
    return path.with_name(path.name + ".wal")


# --- Jumlah yang disimpan ------------------------------------------------------------------------

def jumlah_dari_nilai(nilai: object) -> int:
    """Nilai pengaturan -> jumlah; tidak sah (bukan bilangan bulat, < 1) -> bawaan, sehingga
    pengaturan yang salah ketik tidak pernah menghapus semua cadangan."""
    try:
        n = int(str(nilai).strip())
    except (TypeError, ValueError):
        return JUMLAH_BAWAAN
    return n if n >= 1 else JUMLAH_BAWAAN


def jumlah_disimpan(con: duckdb.DuckDBPyConnection) -> int:
    """Pengaturan jumlah_cadangan pada database yang terbuka; bawaan bila tidak ada."""
    try:
        pengaturan = db.kueri(con, "pengaturan")
    except duckdb.Error:  # bukan database dasbor (tanpa tabel pengaturan)
        return JUMLAH_BAWAAN
    nilai = dict(zip(pengaturan["kunci"], pengaturan["nilai"])).get(KUNCI_JUMLAH)
    return jumlah_dari_nilai(nilai)


def jumlah_untuk(db_path: Path) -> int | None:
    """Pengaturan jumlah_cadangan berkas database (baca-saja); None bila tidak terbaca."""
    try:
        con = db.buka(db_path, read_only=True)
    except duckdb.Error:
        return None
    try:
        return jumlah_disimpan(con)
    finally:
        con.close()


# --- Membuat, memangkas, mendaftar ---------------------------------------------------------------

def buat(db_path: Path, waktu: datetime | None = None) -> Path:
    """Simpan isi db_path saat ini sebagai cadangan baru; kembalikan path-nya.

    Biasanya hardlink ke berkas lama: berkas itu sesaat lagi digantikan os.replace, jadi
    tidak memakan ruang maupun waktu. Bila ada .wal, isinya belum ada di berkas utama:
    keduanya disalin lalu digabung (checkpoint) agar cadangan satu berkas yang lengkap.
    CadanganGagal bila tidak dapat disimpan."""
    db_path = Path(db_path)
    folder = folder_cadangan(db_path)
    cap = (waktu or datetime.now()).strftime(_FORMAT_WAKTU)
    try:
        folder.mkdir(exist_ok=True)
        if _wal(db_path).exists():
            return _buat_dengan_wal(db_path, folder, cap)
        for urutan in _urutan_bebas(db_path, cap):
            tujuan = folder / _nama(db_path, cap, urutan)
            try:
                os.link(db_path, tujuan)
                return tujuan
            except FileExistsError:
                continue
            except OSError:  # sistem berkas tanpa hardlink (mis. FAT, sebagian share jaringan)
                try:
                    _salin_baru(db_path, tujuan)
                except FileExistsError:
                    continue
                return tujuan
        raise FileExistsError(f"terlalu banyak cadangan pada {cap}")
    except (OSError, duckdb.Error) as e:
        raise CadanganGagal(
            f"Cadangan database tidak dapat disimpan di {folder} ({e}). Penulisan dibatalkan; "
            "database tidak berubah. Periksa ruang disk dan izin tulis folder itu.") from e


def _urutan_bebas(db_path: Path, cap: str) -> range:
    """Urutan sesudah yang terbesar pada detik ini: nomor cadangan yang sudah dipangkas tidak
    dipakai ulang (cadangan baru tidak boleh terurut lebih tua dari yang masih ada)."""
    terbesar = max((u for (c, u), _ in _urut(db_path) if c == cap), default=0)
    return range(terbesar + 1, terbesar + 10_000)


def _salin_baru(sumber: Path, tujuan: Path) -> None:
    """Salin ke berkas yang belum ada (FileExistsError bila sudah ada: tidak menimpa)."""
    with open(sumber, "rb") as masuk, open(tujuan, "xb") as keluar:
        try:
            shutil.copyfileobj(masuk, keluar, 1024 * 1024)
        except BaseException:
            tujuan.unlink(missing_ok=True)  # salinan setengah jadi (disk penuh) bukan cadangan
            raise


def _buat_dengan_wal(db_path: Path, folder: Path, cap: str) -> Path:
    # Nama berawalan titik: tidak terdaftar dan tidak dipangkas selama dibuat.
    sementara = folder / f".{db_path.stem}-{cap}.sementara-{os.getpid()}{_akhiran(db_path)}"
    try:
        for p in (sementara, _wal(sementara)):
            p.unlink(missing_ok=True)
        shutil.copyfile(db_path, sementara)
        shutil.copyfile(_wal(db_path), _wal(sementara))
        # Salinan sendiri (bukan hardlink): membukanya baca-tulis tidak menyentuh berkas asli.
        con = db.buka(sementara, read_only=False)
        con.execute("CHECKPOINT")
        con.close()
        _wal(sementara).unlink(missing_ok=True)
        for urutan in _urutan_bebas(db_path, cap):
            tujuan = folder / _nama(db_path, cap, urutan)
            if not tujuan.exists():
                os.replace(sementara, tujuan)
                return tujuan
        raise FileExistsError(f"terlalu banyak cadangan pada {cap}")
    finally:
        for p in (sementara, _wal(sementara)):
            p.unlink(missing_ok=True)


def _urut(db_path: Path) -> list[tuple[tuple[str, int], Path]]:
    """Berkas cadangan dengan kunci urut (waktu, urutan), terlama dulu."""
    folder = folder_cadangan(db_path)
    if not folder.is_dir():
        return []
    pola = _pola(Path(db_path))
    hasil = []
    for p in folder.iterdir():
        m = pola.match(p.name)
        if m and p.is_file() and not p.is_symlink():
            hasil.append(((m.group(1), int(m.group(2) or 1)), p))
    return sorted(hasil)


def pangkas(db_path: Path, jumlah: int) -> list[Path]:
    """Hapus cadangan terlama sampai tersisa `jumlah` (minimal 1); kembalikan yang dihapus."""
    semua = [p for _, p in _urut(db_path)]
    dihapus = semua[:max(len(semua) - max(jumlah, 1), 0)]
    for p in dihapus:
        p.unlink(missing_ok=True)
        _wal(p).unlink(missing_ok=True)
    return dihapus


def daftar(db_path: Path, dengan_isi: bool = True) -> list[Cadangan]:
    """Cadangan database ini, terbaru dulu."""
    hasil = []
    for (cap, _), p in reversed(_urut(db_path)):
        try:
            ukuran = p.stat().st_size
        except FileNotFoundError:  # baru saja dipangkas proses lain
            continue
        disimpan = datetime.strptime(cap, _FORMAT_WAKTU).astimezone()
        hasil.append(Cadangan(p, disimpan, ukuran, ringkas_isi(p) if dengan_isi else ""))
    return hasil


def ringkas_isi(path: Path) -> str:
    """Apa isi sebuah cadangan, dibaca baca-saja; berkas yang tidak terbaca disebut begitu."""
    from kinerja import format as fmt
    from kinerja.skema import versi_database

    try:
        con = db.buka(path, read_only=True)
    except duckdb.Error:
        return "tidak dapat dibuka: rusak atau bukan berkas DuckDB"
    try:
        if versi_database(con) is None:
            return "bukan database Dasbor Kinerja OPD"
        pemda = db.kueri(con, "impor/pemda_semua")
        bagian = ["pemda " + ", ".join(f"{n} ({k})" for k, n in pemda.head(3).itertuples(index=False))
                  + (f" dan {len(pemda) - 3} lainnya" if len(pemda) > 3 else "")] if len(pemda) else []
        log = db.kueri(con, "impor/log_terakhir")  # DataFrame: TIMESTAMPTZ tanpa pytz
        if log.empty:
            bagian.append("belum ada impor")
        else:
            waktu, pengguna, nama_file, format_, hasil = log.iloc[0]
            kapan = fmt.waktu(waktu.to_pydatetime()) if not pd.isna(waktu) else "?"
            if hasil == "dipulihkan":
                bagian.append(f"dipulihkan dari {nama_file}, {kapan}")
            else:
                bagian.append(f"impor terakhir {nama_file} ({format_}), {kapan} oleh {pengguna or '?'}")
        return "; ".join(bagian)
    except duckdb.Error as e:
        return f"tidak terbaca ({str(e).splitlines()[0][:100]})"
    finally:
        con.close()


# --- Memulihkan ----------------------------------------------------------------------------------

def _petunjuk_daftar(db_path: Path) -> str:
    return f"Lihat cadangan yang tersedia dengan: python -m kinerja cadangan --db {db_path}"


def cari(db_path: Path, berkas: str | Path) -> Path:
    """Cadangan bernama `berkas` (nama dari daftar, atau path di dalam folder cadangan).
    CadanganTidakDikenal untuk apa pun di luar folder itu atau yang bukan cadangan."""
    db_path = Path(db_path)
    folder = folder_cadangan(db_path)
    teks = str(berkas)
    p = Path(teks)
    if teks in ("", ".", "..") or (len(p.parts) > 1 and p.expanduser().resolve().parent != folder.resolve()):
        nama = None
    else:
        nama = p.name
    calon = folder / nama if nama else None
    if (calon is None or not _pola(db_path).match(nama) or calon.is_symlink() or not calon.is_file()):
        raise CadanganTidakDikenal(
            f"Cadangan {teks!r} tidak ada di folder cadangan {folder}. Tidak ada yang berubah. "
            + _petunjuk_daftar(db_path))
    return calon


def _sha256(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for blok in iter(lambda: f.read(1024 * 1024), b""):
            h.update(blok)
    return h.hexdigest()


def pulihkan(db_path: Path, berkas: str | Path, *, pengguna: str | None = None,
             lepas_koneksi: Callable[[], None] | None = None, asal: str | None = None) -> Pemulihan:
    """Pulihkan database dari cadangan `berkas` lewat salinan lalu ditukar (kinerja.impor.tukar):
    isi yang diganti dicadangkan lebih dulu, dan pemulihan dicatat di log_impor database
    yang dipulihkan. Cadangan yang bukan database dasbor ditolak; tidak ada yang berubah.

    duckdb.IOException (db.terkunci) bila proses lain sedang menulis database;
    DatabaseBerubah bila berkas berubah selama pemulihan."""
    from kinerja.impor.tukar import tulis_dan_cadangkan
    from kinerja.skema import (VERSI_SKEMA, SkemaTidakCocok, perbarui_turunan, periksa_versi,
                               turunan_mutakhir, versi_database)

    db_path = Path(db_path)
    sumber = cari(db_path, berkas)
    if db_path.exists():
        # Penulis lain memegang kunci: jangan tukar berkas di bawahnya. Berkas yang rusak
        # atau asing tidak dihalangi: justru itu yang hendak dipulihkan.
        try:
            db.buka(db_path, read_only=True).close()
        except duckdb.IOException as e:
            if db.terkunci(e):
                raise
        except duckdb.Error:
            pass
    ditolak = f"Cadangan {sumber.name} tidak dapat dipulihkan"
    sidik = _sha256(sumber)

    def _tulis(con: duckdb.DuckDBPyConnection) -> bool:
        if versi_database(con) is None:
            raise CadanganTidakSah(f"{ditolak}: berkas itu bukan database Dasbor Kinerja OPD. "
                                   "Database tidak berubah.")
        try:
            periksa_versi(con)
        except SkemaTidakCocok as e:
            raise CadanganTidakSah(f"{ditolak}: {e} Database tidak berubah.") from e
        if (versi_database(con) or 0) < VERSI_SKEMA:
            # Cadangan dari skema lama: dinaikkan dulu (migrasi dan aturan), agar dasbor dan
            # jejak audit bekerja pada database yang dipulihkan.
            perbarui_turunan(con)
        mutakhir = turunan_mutakhir(con)
        con.execute(db.teks_kueri("impor/catat_log"), {
            "pengguna": pengguna or pengguna_os(), "nama_file": sumber.name, "sha256": sidik,
            "format": "cadangan", "jumlah_baris": None, "hasil": "dipulihkan",
            "pesan": f"dipulihkan dari cadangan {sumber.name} di {folder_cadangan(db_path).name}/",
        })
        audit.catat(con, "pulihkan", f"dari cadangan {sumber.name} (SHA-256 {sidik[:12]})",
                    pengguna or pengguna_os(), asal)
        return mutakhir

    try:
        hasil = tulis_dan_cadangkan(db_path, _tulis, lepas_koneksi, sumber=sumber)
    except (CadanganTidakSah, CadanganGagal):
        raise
    except duckdb.Error as e:  # salinan cadangan tidak terbuka: rusak atau bukan DuckDB
        raise CadanganTidakSah(f"{ditolak}: berkas itu rusak atau bukan database DuckDB "
                               f"({type(e).__name__}). Database tidak berubah.") from e
    return Pemulihan(sumber, hasil.cadangan, hasil.hasil)
