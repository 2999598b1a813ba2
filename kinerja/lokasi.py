"""Letak berkas proyek: database, folder kueri, data demo."""

from __future__ import annotations

import os
import tomllib
from functools import lru_cache
from pathlib import Path

AKAR = Path(__file__).resolve().parent.parent
FOLDER_KUERI = AKAR / "queries"
FOLDER_SKEMA = FOLDER_KUERI / "schema"
FOLDER_DEMO = AKAR / "data" / "demo"
DB_BAWAAN = AKAR / "data" / "kinerja.duckdb"
KONFIG_STREAMLIT = AKAR / ".streamlit" / "config.toml"


def lokasi_database() -> Path:
    """Berkas database: $KINERJA_DB bila diisi, selain itu data/kinerja.duckdb."""
    env = os.environ.get("KINERJA_DB", "").strip()
    return Path(env).expanduser().resolve() if env else DB_BAWAAN


@lru_cache(maxsize=1)
def batas_unggah_mb() -> int:
    """server.maxUploadSize di .streamlit/config.toml (MB): satu tempat untuk batas unggahan
    Streamlit dan batas ukuran berkas impor (kinerja.impor.berkas.BATAS_UKURAN)."""
    with KONFIG_STREAMLIT.open("rb") as f:
        return int(tomllib.load(f)["server"]["maxUploadSize"])
