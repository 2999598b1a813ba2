"""Pembantu bersama tes halaman: menjalankan app.py lewat AppTest lalu pindah halaman."""

from __future__ import annotations

import json
from pathlib import Path

from streamlit.testing.v1 import AppTest

AKAR = Path(__file__).resolve().parent.parent
APP = str(AKAR / "app.py")


def buka_halaman(monkeypatch, db: Path, halaman: str | None = None, **query) -> AppTest:
    """Jalankan app.py pada database db dengan parameter URL query, lalu (bila
    diminta) pindah ke halaman; gagal bila ada galat di layar."""
    monkeypatch.setenv("KINERJA_DB", str(db))
    at = AppTest.from_file(APP, default_timeout=60)
    for k, v in query.items():
        at.query_params[k] = v
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
