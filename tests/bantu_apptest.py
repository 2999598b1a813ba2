"""Pembantu bersama tes halaman: menjalankan app.py lewat AppTest lalu pindah halaman."""

from __future__ import annotations

import json
from pathlib import Path

from streamlit.testing.v1 import AppTest

AKAR = Path(__file__).resolve().parent.parent
APP = str(AKAR / "app.py")


SANDI_UJI = "sandi-uji-panjang"


def sesi_sebagai(at: AppTest, db: Path, peran: str, opd: tuple[str, ...] = ()) -> None:
    """Sesi AppTest yang sudah masuk dengan akun lokal `uji-<peran>` (dibuat di berkas akses
    database itu bila belum ada). Hanya untuk database milik satu tes: akun tetap tersimpan."""
    from kinerja.akses import akun, masuk

    if peran == "opd" and not opd:
        import duckdb

        con = duckdb.connect(str(db), read_only=True)
        try:
            opd = (con.execute("SELECT min(kode_opd) FROM opd").fetchone()[0],)
        finally:
            con.close()
    nama = f"uji-{peran}"
    try:
        akun.tambah(db, akun.LOKAL, nama, peran, kata_sandi=SANDI_UJI, opd=opd, oleh="tes")
    except akun.AkunDitolak:
        pass  # sudah ada
    hasil = masuk.masuk_lokal(db, nama, SANDI_UJI, asal="tes")
    assert hasil.pengguna is not None, hasil.pesan
    import time

    at.session_state["_sesi"] = {"pengguna": hasil.pengguna, "terakhir": time.time()}


def buka_halaman(monkeypatch, db: Path, halaman: str | None = None, peran: str | None = None,
                 **query) -> AppTest:
    """Jalankan app.py pada database db dengan parameter URL query (dan, bila diminta, sudah
    masuk dengan peran itu), lalu (bila diminta) pindah ke halaman; gagal bila ada galat di layar."""
    monkeypatch.setenv("KINERJA_DB", str(db))
    at = AppTest.from_file(APP, default_timeout=60)
    for k, v in query.items():
        at.query_params[k] = v
    if peran:
        sesi_sebagai(at, db, peran)
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    if halaman:
        at.switch_page(halaman).run()
        assert not at.exception, [e.value for e in at.exception]
        assert not at.error, [e.value for e in at.error]
    return at


def grafik(at: AppTest, kunci: str) -> dict:
    """Spesifikasi JSON grafik Plotly dengan key tertentu."""
    for el in at.get("plotly_chart"):
        if el.proto.id.endswith(f"-{kunci}"):
            return json.loads(el.proto.spec)
    raise AssertionError(f"grafik {kunci} tidak tampil")


def ada_grafik(at: AppTest, kunci: str) -> bool:
    return any(el.proto.id.endswith(f"-{kunci}") for el in at.get("plotly_chart"))


def seri(spec: dict) -> dict[str, dict]:
    """Jejak grafik menurut meta-nya (builder memberi setiap seri meta yang tetap)."""
    return {t.get("meta"): t for t in spec["data"]}
