"""Letak contoh ekspor SIPD nyata (shared/samples/sipd), yang tidak di-commit ke repo ini.

shared/ berada di samping klon (juga di CI). KINERJA_SAMPEL dapat menunjuk tempat lain.
Bila tidak ditemukan, tes gagal dengan pesan jelas: tidak pernah dilewati diam-diam.
"""

from __future__ import annotations

import os
from pathlib import Path

AKAR = Path(__file__).resolve().parent.parent


def _cari() -> Path:
    calon = [Path(os.environ["KINERJA_SAMPEL"])] if os.environ.get("KINERJA_SAMPEL") else []
    calon += [AKAR.parent / "shared" / "samples", Path("/work/shared/samples")]
    for c in calon:
        if (c / "sipd" / "lra_januari.xlsx").exists():
            return c / "sipd"
    raise FileNotFoundError("contoh SIPD tidak ditemukan; set KINERJA_SAMPEL ke folder shared/samples "
                            f"(dicari di: {', '.join(map(str, calon))})")


SAMPEL_SIPD = _cari()
LRA = SAMPEL_SIPD / "lra_januari.xlsx"
RAK = SAMPEL_SIPD / "rak.xlsx"
