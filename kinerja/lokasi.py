"""Letak berkas proyek: database, folder kueri, data demo."""

from __future__ import annotations

import os
from pathlib import Path

AKAR = Path(__file__).resolve().parent.parent
FOLDER_KUERI = AKAR / "queries"
FOLDER_SKEMA = FOLDER_KUERI / "schema"
FOLDER_DEMO = AKAR / "data" / "demo"
DB_BAWAAN = AKAR / "data" / "kinerja.duckdb"


def lokasi_database() -> Path:
    """Berkas database: $KINERJA_DB bila diisi, selain itu data/kinerja.duckdb."""
    env = os.environ.get("KINERJA_DB", "").strip()
    return Path(env).expanduser().resolve() if env else DB_BAWAAN
