"""Gambar statis grafik Plotly (PNG) lewat pengekspor Plotly sendiri (kaleido v1)
dengan chromium Debian. Bila tidak tersedia, kembalikan None dan simpan alasannya
(alasan_terakhir()); tidak pernah menggagalkan ekspor."""

from __future__ import annotations

import os
import shutil

CHROMIUM = "/usr/bin/chromium"
_alasan: str | None = None
_gagal_permanen: str | None = None   # mis. kaleido tidak terpasang: jangan dicoba ulang


def _siapkan_peramban() -> str | None:
    """kaleido v1 (choreographer) mencari peramban lewat BROWSER_PATH, lalu PATH."""
    if os.environ.get("BROWSER_PATH"):
        return None
    for calon in (CHROMIUM, shutil.which("chromium"), shutil.which("chromium-browser"),
                  shutil.which("google-chrome")):
        if calon and os.path.exists(calon):
            os.environ["BROWSER_PATH"] = calon
            return None
    return "peramban Chromium tidak ditemukan (pasang paket Debian chromium)"


def alasan_terakhir() -> str | None:
    return _alasan


def ke_png(fig, lebar: int = 1600, tinggi: int | None = None, skala: float = 1.0) -> bytes | None:
    """PNG dari figure Plotly, atau None (alasan di alasan_terakhir())."""
    global _alasan, _gagal_permanen
    if _gagal_permanen:
        _alasan = _gagal_permanen
        return None
    try:
        import kaleido  # noqa: F401
    except ImportError:
        _gagal_permanen = _alasan = "paket kaleido tidak terpasang"
        return None
    sebab = _siapkan_peramban()
    if sebab:
        _gagal_permanen = _alasan = sebab
        return None
    try:
        tinggi = tinggi or int(fig.layout.height or 600)
        hasil = fig.to_image(format="png", width=lebar, height=tinggi, scale=skala)
    except Exception as e:  # peramban gagal dijalankan, waktu habis, dsb.
        _alasan = f"pengekspor gambar Plotly gagal: {type(e).__name__}: {str(e)[:200]}"
        return None
    _alasan = None
    return hasil
