"""Galat asli tidak tertutup ROLLBACK yang gagal (disk penuh: DuckDB sudah membatalkan
transaksinya sendiri, lalu ROLLBACK berkata "no transaction is active"), dan pesan
'bukan database' menyebut berkasnya."""

from __future__ import annotations

import duckdb
import pytest

from kinerja import db, skema


class _DiskPenuhSaatCommit:
    """Koneksi yang gagal seperti disk penuh saat COMMIT, lalu ROLLBACK-nya pun gagal."""

    def __init__(self, con):
        self._con = con

    def execute(self, sql, params=None):
        perintah = sql.strip().upper()
        if perintah == "COMMIT":
            raise duckdb.IOException("Could not write file \"x.duckdb.wal\": No space left on device")
        if perintah == "ROLLBACK":
            raise duckdb.TransactionException("cannot rollback - no transaction is active")
        return self._con.execute(sql, params)

    def __getattr__(self, nama):
        return getattr(self._con, nama)


def test_batalkan_tanpa_transaksi_tidak_bergalat():
    con = duckdb.connect()
    with pytest.raises(duckdb.Error, match="no transaction"):
        con.execute("ROLLBACK")
    db.batalkan(con)  # tidak melempar


def test_buat_skema_galat_disk_penuh_tidak_tertutup_rollback():
    con = _DiskPenuhSaatCommit(duckdb.connect())
    with pytest.raises(duckdb.IOException, match="No space left on device"):
        skema.buat_skema(con)


def test_akses_galat_asli_tidak_tertutup_rollback(tmp_path, monkeypatch):
    from kinerja.akses import simpan

    class _RollbackGagal(_DiskPenuhSaatCommit):
        def execute(self, sql, params=None):
            if sql.strip().upper() == "ROLLBACK":
                raise duckdb.TransactionException("cannot rollback - no transaction is active")
            return self._con.execute(sql, params)

    asli = duckdb.connect
    monkeypatch.setattr(simpan.duckdb, "connect", lambda *a, **k: _RollbackGagal(asli(*a, **k)))
    with pytest.raises(ValueError, match="galat asli"):
        with simpan.buka(tmp_path / "kinerja.duckdb"):
            raise ValueError("galat asli")


def test_bukan_database_menyebut_berkas(tmp_path):
    path = tmp_path / "lain.duckdb"
    con = duckdb.connect(str(path))
    con.execute("CREATE TABLE x (a INTEGER)")
    with pytest.raises(skema.SkemaTidakCocok) as e:
        skema.periksa_versi(con)
    con.close()
    pesan = str(e.value)
    assert str(path) in pesan and "bukan database Dasbor Kinerja OPD" in pesan
    assert f"python -m kinerja baru --db {path} --pemda KODE" in pesan
