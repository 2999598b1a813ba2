"""Impor: galat asli tidak tertutup ROLLBACK yang gagal, dan satu berkas diurai sekali per impor."""

from __future__ import annotations

import duckdb
import pytest

from kinerja.impor.muat import impor_template
from tests.conftest import FIXTURE


class _DiskPenuhSaatCommit:
    """Koneksi yang gagal seperti disk penuh saat COMMIT; DuckDB sudah membatalkan transaksinya
    sendiri, jadi ROLLBACK sesudahnya gagal dengan "no transaction is active"."""

    def __init__(self, con):
        self._con = con

    def execute(self, sql, params=None):
        perintah = sql.strip().upper()
        if perintah == "COMMIT":
            self._con.execute("ROLLBACK")
            raise duckdb.IOException('Could not write file "x.duckdb.wal": No space left on device')
        return self._con.execute(sql, params)

    def __getattr__(self, nama):
        return getattr(self._con, nama)


def test_impor_disk_penuh_galat_asli_tidak_tertutup_rollback(con_kosong):
    with pytest.raises(duckdb.IOException, match="No space left on device"):
        impor_template(_DiskPenuhSaatCommit(con_kosong), [FIXTURE / "kecil"], pengguna="tes")
    # Tidak ada yang tertinggal dari impor yang gagal.
    assert con_kosong.execute("SELECT count(*) FROM log_impor").fetchone() == (0,)
