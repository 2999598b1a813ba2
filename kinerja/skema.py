"""Membuat dan memeriksa skema database dari queries/schema/*.sql.

Tiga jenis berkas skema:
- tabel dan data rujukan (001, 002): skema versi 1, dijalankan sekali saat database dibuat.
- migrasi (queries/schema/migrasi/NNN_*.sql): berkas NNN menaikkan skema dari versi NNN-1
  ke NNN (VERSI_SKEMA = nomor tertinggi). Database baru menjalankan semuanya setelah versi
  1; database lama menjalankan yang belum, lewat perbarui_turunan (aplikasi, impor dan
  `python -m kinerja perbarui`, semuanya lewat salinan yang lalu ditukar). Tabel baru
  didefinisikan sekali, di migrasinya.
- turunan (BERKAS_TURUNAN: makro dan view): hanya aturan, tanpa data. Aturan
  berubah antarversi aplikasi tanpa perubahan tabel, jadi sidiknya dicatat di
  tabel skema_turunan dan semuanya dibuat ulang (CREATE OR REPLACE) bila
  sidik di database lain dari berkas aplikasi ini.
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

import duckdb

from kinerja import db
from kinerja.basisdata.lokasi import FOLDER_SKEMA

FOLDER_MIGRASI = FOLDER_SKEMA / "migrasi"
_NOMOR_MIGRASI = re.compile(r"^(\d{3})_.+\.sql$")


def berkas_migrasi() -> dict[int, Path]:
    """{versi: berkas} semua migrasi, urut versi (002 = dari versi 1 ke 2)."""
    hasil = {}
    for p in sorted(FOLDER_MIGRASI.glob("[0-9][0-9][0-9]_*.sql")):
        hasil[int(_NOMOR_MIGRASI.match(p.name).group(1))] = p
    return hasil


VERSI_SKEMA = max(berkas_migrasi(), default=1)

# Berkas yang hanya berisi CREATE OR REPLACE MACRO/VIEW (diperiksa tes), aman dijalankan
# ulang pada database berisi data. Berkas lain di queries/schema tidak boleh berisi makro/view.
BERKAS_TURUNAN = ("003_makro.sql", "004_view.sql")

# Dibuat juga oleh perbarui_turunan: database yang dibangun sebelum tabel ini ada ikut mendapatkannya.
_TABEL_SIDIK = ("CREATE TABLE IF NOT EXISTS skema_turunan "
                "(sidik VARCHAR NOT NULL, diperbarui TIMESTAMP NOT NULL)")
_NAMA_TURUNAN = re.compile(r"^\s*CREATE\s+OR\s+REPLACE\s+(MACRO|VIEW)\s+(\w+)", re.IGNORECASE | re.MULTILINE)


class SkemaTidakCocok(RuntimeError):
    """Database dibuat oleh versi aplikasi lain; pesan menjelaskan langkahnya."""


def berkas_skema() -> list[Path]:
    return sorted(FOLDER_SKEMA.glob("[0-9][0-9][0-9]_*.sql"))


def buat_skema(con: duckdb.DuckDBPyConnection) -> None:
    """Buat semua tabel, makro dan view pada database kosong, dalam satu transaksi."""
    con.execute("BEGIN TRANSACTION")
    try:
        turunan = _teks_turunan()
        for berkas in berkas_skema():  # tabel versi 1, lalu migrasi, lalu aturan (boleh memakai tabel baru)
            if berkas.name not in turunan:
                con.execute(berkas.read_text(encoding="utf-8"))
        _jalankan_migrasi(con, 1)
        for teks in turunan.values():
            con.execute(teks)
        con.execute("INSERT INTO skema_info (versi) VALUES ($v)", {"v": VERSI_SKEMA})
        _catat_sidik(con, _sidik(turunan))
        con.execute("COMMIT")
    except Exception:
        db.batalkan(con)
        raise


def _jalankan_migrasi(con: duckdb.DuckDBPyConnection, dari: int) -> list[int]:
    """Jalankan migrasi versi > dari, berurutan, di dalam transaksi pemanggil."""
    dijalankan = []
    for versi, berkas in berkas_migrasi().items():
        if versi > dari:
            con.execute(berkas.read_text(encoding="utf-8"))
            dijalankan.append(versi)
    return dijalankan


def _teks_turunan() -> dict[str, str]:
    """Isi berkas turunan menurut nama, berurutan. read_text menormalkan akhir baris,
    jadi checkout CRLF (Windows) memberi sidik yang sama."""
    return {nama: (FOLDER_SKEMA / nama).read_text(encoding="utf-8") for nama in BERKAS_TURUNAN}


def _sidik(turunan: dict[str, str]) -> str:
    h = hashlib.sha256()
    for nama, teks in turunan.items():
        h.update(nama.encode("utf-8") + b"\0" + teks.encode("utf-8") + b"\0")
    return h.hexdigest()


def sidik_turunan() -> str:
    """sha256 teks berkas turunan (makro dan view) aplikasi ini."""
    return _sidik(_teks_turunan())


def nama_turunan() -> tuple[set[str], set[str]]:
    """(makro, view) yang didefinisikan berkas turunan."""
    makro, view = set(), set()
    for teks in _teks_turunan().values():
        for jenis, nama in _NAMA_TURUNAN.findall(teks):
            (makro if jenis.upper() == "MACRO" else view).add(nama.lower())
    return makro, view


def _catat_sidik(con: duckdb.DuckDBPyConnection, sidik: str) -> None:
    con.execute(_TABEL_SIDIK)
    con.execute("DELETE FROM skema_turunan")
    con.execute("INSERT INTO skema_turunan VALUES ($s, current_localtimestamp())", {"s": sidik})


def turunan_mutakhir(con: duckdb.DuckDBPyConnection) -> bool:
    """Makro dan view di database sama dengan berkas aplikasi ini. Hanya membaca
    (boleh koneksi baca-saja). Database tanpa skema_turunan (dibangun sebelum
    pencatatan sidik) selalu dianggap tidak mutakhir."""
    if (versi_database(con) or 0) < VERSI_SKEMA:
        return False  # skema versi lama: migrasinya dijalankan perbarui_turunan
    ada = con.execute(
        "SELECT count(*) FROM information_schema.tables "
        "WHERE table_name = 'skema_turunan' AND table_catalog = current_database()"
    ).fetchone()[0]
    if not ada:
        return False
    tercatat = {r[0] for r in con.execute("SELECT sidik FROM skema_turunan").fetchall()}
    if tercatat != {sidik_turunan()}:
        return False
    # Sidik cocok tetapi objek dihapus tangan: tetap perlu dibuat ulang.
    makro, view = nama_turunan()
    ada_makro = {r[0].lower() for r in con.execute(
        "SELECT function_name FROM duckdb_functions() "
        "WHERE function_type IN ('macro', 'table_macro') AND NOT internal "
        "AND database_name = current_database()").fetchall()}
    ada_view = {r[0].lower() for r in con.execute(
        "SELECT view_name FROM duckdb_views() WHERE NOT internal "
        "AND database_name = current_database()").fetchall()}
    return makro <= ada_makro and view <= ada_view


def perbarui_turunan(con: duckdb.DuckDBPyConnection) -> bool:
    """Buat ulang semua makro dan view bila tidak mutakhir, dalam satu transaksi;
    data tidak disentuh. Benar bila ada yang diperbarui. Koneksi harus baca-tulis.

    View yang dihapus versi lebih baru tetap tertinggal: tidak dipakai, tidak berbahaya.
    """
    periksa_versi(con)  # jangan menulis aturan ke berkas asing atau skema versi lain
    if turunan_mutakhir(con):
        return False
    turunan = _teks_turunan()
    versi = versi_database(con)
    con.execute("BEGIN TRANSACTION")
    try:
        if _jalankan_migrasi(con, versi):
            con.execute("INSERT INTO skema_info (versi) VALUES ($v)", {"v": VERSI_SKEMA})
        for teks in turunan.values():
            con.execute(teks)
        _catat_sidik(con, _sidik(turunan))
        con.execute("COMMIT")
    except Exception:
        db.batalkan(con)
        raise
    return True


def periksa_turunan(con: duckdb.DuckDBPyConnection, berkas: str | Path = "BERKAS") -> None:
    """Untuk koneksi baca-saja: pesan jelas alih-alih "Catalog Error" dari makro yang tidak ada."""
    if not turunan_mutakhir(con):
        raise SkemaTidakCocok(
            "Skema atau aturan (makro/view) di database ini berasal dari versi aplikasi lain. "
            f"Jalankan: python -m kinerja perbarui --db {berkas}"
        )


def versi_database(con: duckdb.DuckDBPyConnection) -> int | None:
    ada = con.execute(
        "SELECT count(*) FROM information_schema.tables WHERE table_name = 'skema_info'"
    ).fetchone()[0]
    if not ada:
        return None
    return con.execute("SELECT max(versi) FROM skema_info").fetchone()[0]


def periksa_versi(con: duckdb.DuckDBPyConnection) -> None:
    """Tolak database yang bukan milik aplikasi ini atau dari versi lain, dengan pesan jelas."""
    versi = versi_database(con)
    if versi is None:
        berkas = db.berkas_koneksi(con) or "BERKAS"
        raise SkemaTidakCocok(
            f"Berkas {berkas} bukan database Dasbor Kinerja OPD (tabel skema_info tidak ada). "
            f"Buat database untuk pemda sendiri dengan: python -m kinerja baru --db {berkas} --pemda KODE, "
            f"atau database demo dengan: python -m kinerja demo --db {berkas}"
        )
    if versi > VERSI_SKEMA:
        raise SkemaTidakCocok(
            f"Database memakai skema versi {versi}, lebih baru dari aplikasi ini "
            f"(versi {VERSI_SKEMA}). Perbarui aplikasi (git pull) lalu jalankan lagi."
        )
    # Versi lebih lama boleh: perbarui_turunan menjalankan migrasinya (turunan_mutakhir salah).
