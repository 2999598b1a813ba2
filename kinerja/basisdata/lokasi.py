"""Letak berkas proyek: database, folder kueri, data demo."""

from __future__ import annotations

import os
import tomllib
from functools import lru_cache
from pathlib import Path

AKAR = Path(__file__).resolve().parents[2]   # akar repositori (kinerja/basisdata/lokasi.py)
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


# Baris data per lembar (CSV, lembar templat, lembar ekspor SIPD). Satu kabupaten menulis
# beberapa puluh ribu baris per tahun (LRA/RAK per sub kegiatan x 12 bulan); 500.000 jauh di
# atasnya, dan berkas sebesar itu memerlukan menit dan gigabita memori untuk diperiksa.
BATAS_BARIS_BAWAAN = 500_000
ENV_BATAS_BARIS = "KINERJA_BATAS_BARIS"


def batas_baris() -> int:
    """Batas baris data per lembar impor: $KINERJA_BATAS_BARIS bila diisi, selain itu
    BATAS_BARIS_BAWAAN. ValueError (pesan Indonesia) bila isinya bukan bilangan bulat positif,
    seperti batas_unggah_mb yang gagal bila config.toml salah: batas keamanan tidak ditebak."""
    env = os.environ.get(ENV_BATAS_BARIS, "").strip()
    if not env:
        return BATAS_BARIS_BAWAAN
    try:
        nilai = int(env)
    except ValueError:
        nilai = 0
    if nilai <= 0:
        raise ValueError(f"{ENV_BATAS_BARIS} harus bilangan bulat positif tanpa titik atau koma "
                         f"(mis. 1000000), bukan {env!r}")
    return nilai
