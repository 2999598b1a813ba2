"""Gambar statis grafik Plotly (PNG) lewat pengekspor Plotly sendiri (kaleido v1)
dengan chromium Debian. Bila tidak tersedia, kembalikan None dan simpan alasannya
(alasan_terakhir()); tidak pernah menggagalkan ekspor.

Menjalankan Chromium mahal (beberapa detik), jadi satu paket merender semua
grafiknya dalam satu panggilan ke_png_banyak (plotly.io.write_images: satu
peramban untuk semua gambar), bukan satu peramban per grafik.
"""

from __future__ import annotations

import os
import shutil
import tempfile
import warnings
from pathlib import Path

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


def _siap() -> bool:
    """Periksa kaleido dan peramban; kegagalan yang tidak akan berubah diingat."""
    global _alasan, _gagal_permanen
    if _gagal_permanen:
        _alasan = _gagal_permanen
        return False
    try:
        import kaleido  # noqa: F401
    except ImportError:
        _gagal_permanen = _alasan = "paket kaleido tidak terpasang"
        return False
    sebab = _siapkan_peramban()
    if sebab:
        _gagal_permanen = _alasan = sebab
        return False
    return True


def ke_png_banyak(daftar: list[tuple], skala: float = 1.0) -> list[bytes | None]:
    """PNG untuk setiap (figure, lebar, tinggi[, skala]) dalam satu sesi peramban. Bila gagal,
    semua None dan alasannya di alasan_terakhir()."""
    global _alasan
    if not daftar:
        return []
    if not _siap():
        return [None] * len(daftar)
    import plotly.io as pio

    try:
        with tempfile.TemporaryDirectory(prefix="kinerja-gambar-") as folder:
            berkas = [Path(folder) / f"{i}.png" for i in range(len(daftar))]
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                pio.write_images([d[0] for d in daftar], berkas, format="png",
                                 width=[int(d[1]) for d in daftar],
                                 height=[int(d[2] or d[0].layout.height or 600) for d in daftar],
                                 scale=[float(d[3]) if len(d) > 3 else skala for d in daftar])
            hasil = [b.read_bytes() if b.exists() else None for b in berkas]
    except Exception as e:  # noqa: BLE001 - peramban gagal dijalankan, waktu habis, dsb.
        _alasan = f"pengekspor gambar Plotly gagal: {type(e).__name__}: {str(e)[:200]}"
        return [None] * len(daftar)
    _alasan = None if all(hasil) else "sebagian gambar tidak dihasilkan pengekspor Plotly"
    return hasil


def ke_png(fig, lebar: int = 1600, tinggi: int | None = None, skala: float = 1.0) -> bytes | None:
    """PNG dari satu figure Plotly, atau None (alasan di alasan_terakhir())."""
    return ke_png_banyak([(fig, lebar, tinggi)], skala=skala)[0]
