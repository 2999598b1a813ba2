"""Jejak audit: siapa, kapan, apa, dari mana, untuk setiap tindakan yang mengubah database.

Ditulis dalam transaksi tindakan itu sendiri (impor, pulihkan, pembuatan database), jadi
tidak ada tindakan tanpa jejak dan tidak ada jejak tanpa tindakan. Tabelnya hanya ditambah;
aplikasi tidak pernah mengubah atau menghapus barisnya.
"""

from __future__ import annotations

import socket

import duckdb

from kinerja import db


def asal_baris_perintah() -> str:
    """Asal tindakan dari baris perintah: nama mesinnya."""
    try:
        mesin = socket.gethostname()
    except OSError:
        mesin = "tidak diketahui"
    return f"baris perintah ({mesin})"


def catat(con: duckdb.DuckDBPyConnection, tindakan: str, rincian: str, pengguna: str,
          asal: str | None = None) -> None:
    db.kueri_satu(con, "audit/catat", pengguna=pengguna, tindakan=tindakan, rincian=rincian,
                  asal=asal or asal_baris_perintah())
