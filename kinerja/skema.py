"""Membuat dan memeriksa skema database dari queries/schema/*.sql."""

from __future__ import annotations

import duckdb

from kinerja.lokasi import FOLDER_SKEMA

VERSI_SKEMA = 1


class SkemaTidakCocok(RuntimeError):
    """Database dibuat oleh versi aplikasi lain; pesan menjelaskan langkahnya."""


def berkas_skema() -> list:
    return sorted(FOLDER_SKEMA.glob("[0-9][0-9][0-9]_*.sql"))


def buat_skema(con: duckdb.DuckDBPyConnection) -> None:
    """Buat semua tabel, makro dan view pada database kosong, dalam satu transaksi."""
    con.execute("BEGIN TRANSACTION")
    try:
        for berkas in berkas_skema():
            con.execute(berkas.read_text(encoding="utf-8"))
        con.execute("INSERT INTO skema_info (versi) VALUES ($v)", {"v": VERSI_SKEMA})
        con.execute("COMMIT")
    except Exception:
        con.execute("ROLLBACK")
        raise


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
        raise SkemaTidakCocok(
            "Berkas ini bukan database Dasbor Kinerja OPD (tabel skema_info tidak ada). "
            "Buat database baru dengan: python -m kinerja demo --db BERKAS"
        )
    if versi > VERSI_SKEMA:
        raise SkemaTidakCocok(
            f"Database memakai skema versi {versi}, lebih baru dari aplikasi ini "
            f"(versi {VERSI_SKEMA}). Perbarui aplikasi (git pull) lalu jalankan lagi."
        )
    if versi < VERSI_SKEMA:
        # Belum ada migrasi: versi 1 adalah versi pertama.
        raise SkemaTidakCocok(
            f"Database memakai skema versi {versi}; aplikasi memerlukan versi {VERSI_SKEMA}. "
            "Jalankan: python -m kinerja migrasi --db BERKAS"
        )
