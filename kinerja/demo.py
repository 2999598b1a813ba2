"""Database demo Kabupaten Nusa Makmur (fiktif) dari CSV di data/demo/.

Dibangun di berkas sementara lalu dipindahkan, sehingga pembaca tidak pernah
melihat database setengah jadi dan pembangunan ulang aman dijalankan berulang.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from kinerja import db
from kinerja.impor.muat import HasilImpor, impor_template, sidik_berkas
from kinerja.lokasi import FOLDER_DEMO
from kinerja.skema import buat_skema, turunan_mutakhir, versi_database, VERSI_SKEMA


def demo_mutakhir(path: Path) -> bool:
    """Database di path sudah berisi data demo yang sama dengan CSV saat ini,
    dengan makro dan view versi aplikasi ini (selain itu halaman gagal)."""
    if not path.exists():
        return False
    _, sha = sidik_berkas([FOLDER_DEMO])
    try:
        con = db.buka(path, read_only=True)
    except Exception:  # noqa: BLE001 - berkas rusak/terkunci: bangun ulang
        return False
    try:
        if versi_database(con) != VERSI_SKEMA or not turunan_mutakhir(con):
            return False
        baris = db.kueri_satu(con, "impor/impor_terakhir_berhasil")
        return baris is not None and baris[0] == sha
    finally:
        con.close()


def bangun_demo(path: Path, paksa: bool = False) -> HasilImpor | None:
    """Bangun database demo di path. None bila sudah mutakhir (idempoten)."""
    path = Path(path)
    if not paksa and demo_mutakhir(path):
        return None
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, sementara = tempfile.mkstemp(suffix=".duckdb.tmp", dir=path.parent)
    os.close(fd)
    os.unlink(sementara)  # DuckDB harus membuat berkasnya sendiri
    try:
        con = db.buka(sementara, read_only=False)
        try:
            buat_skema(con)
            hasil = impor_template(con, [FOLDER_DEMO], pengguna="demo")
        finally:
            con.close()
        os.replace(sementara, path)
        wal = Path(str(path) + ".wal")
        if wal.exists():
            wal.unlink()
    finally:
        for sisa in (Path(sementara), Path(sementara + ".wal")):
            if sisa.exists():
                sisa.unlink()
    return hasil
