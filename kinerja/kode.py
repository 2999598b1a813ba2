"""Kode OPD dan bidang urusan menurut nomenklatur SIPD (Permendagri 90/2019)."""

from __future__ import annotations

import re

# X.XX.X.XX.X.XX.NN.NNNN: sampai tiga bidang, nomor unit, subunit.
_KODE_OPD = re.compile(r"^(\d\.\d{2})\.(\d\.\d{2})\.(\d\.\d{2})\.(\d{2})\.(\d{4})$")
_KODE_URUSAN = re.compile(r"^\d\.\d{2}$")


def kode_opd_sah(kode: str) -> bool:
    return bool(_KODE_OPD.match(kode or ""))


def bidang_dari_kode_opd(kode: str) -> list[str]:
    """Bidang urusan yang dicakup kode OPD, bidang utama lebih dulu.

    '2.16.2.20.2.21.01.0000' -> ['2.16', '2.20', '2.21']; slot '0.00' kosong.
    """
    m = _KODE_OPD.match(kode or "")
    if not m:
        raise ValueError(f"Kode OPD '{kode}' tidak berbentuk X.XX.X.XX.X.XX.NN.NNNN")
    return [b for b in m.groups()[:3] if b != "0.00"]


def kode_urusan_sah(kode: str) -> bool:
    return bool(_KODE_URUSAN.match(kode or ""))
