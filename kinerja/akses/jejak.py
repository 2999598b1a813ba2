"""Jejak akses: masuk, gagal masuk, keluar, perubahan pengguna dan pengaturan, penolakan.

Ditulis di berkas akses dalam transaksi tindakannya sendiri. Tindakan atas data (impor,
pulihkan, pembuatan database) dicatat di database data (kinerja.audit); halaman jejak
audit menggabungkan keduanya.
"""

from __future__ import annotations

from pathlib import Path

import duckdb
import pandas as pd

from kinerja import audit, db
from kinerja.akses import simpan

MASUK, GAGAL_MASUK, KELUAR, SESI_BERAKHIR = "masuk", "gagal masuk", "keluar", "sesi berakhir"
PENGGUNA, PENGATURAN, DITOLAK, BUKA_KUNCI = "pengguna", "pengaturan akses", "ditolak", "buka kunci"


def tulis(con: duckdb.DuckDBPyConnection, pengguna: str, tindakan: str, rincian: str,
          asal: str | None) -> None:
    db.kueri_satu(con, "akses/jejak_catat", pengguna=pengguna, tindakan=tindakan, rincian=rincian,
                  asal=asal or audit.asal_baris_perintah())


def catat(path_db: str | Path, pengguna: str, tindakan: str, rincian: str, asal: str | None) -> None:
    with simpan.buka(path_db) as con:
        tulis(con, pengguna, tindakan, rincian, asal)


def daftar(path_db: str | Path, batas: int | None) -> pd.DataFrame:
    with simpan.buka(path_db) as con:
        return db.kueri(con, "akses/jejak_daftar", batas=batas)
