"""Ekspor paket rapat (XLSX, PPTX, PDF) dari kinerja.rapat.paket.Paket. Tanpa streamlit.

    from kinerja.rapat.paket import susun_paket
    from kinerja.ekspor import tulis, nama_paket
    paket = susun_paket(con, "99.01", 2026, 3, himpunan="bawah")   # slide per OPD seperti Mode Rapat
    catatan = tulis(paket, "pdf", path)   # daftar catatan: apa yang tidak dimuat dan mengapa

XLSX dan PPTX tidak pernah memerlukan peramban (PPTX berisi grafik asli PowerPoint);
PDF merender grafik Plotly sekaligus lewat kinerja.ekspor.gambar bila Chromium ada.
"""

from __future__ import annotations

from pathlib import Path

from kinerja.ekspor.nama import MIME, nama_paket

FORMAT = ("xlsx", "pptx", "pdf")

__all__ = ["FORMAT", "MIME", "nama_paket", "tulis", "ke_bytes"]


def tulis(paket, format: str, path: str | Path, gambar: bool = True) -> list[str]:
    """Tulis paket dalam format xlsx|pptx|pdf ke path; kembalikan catatan (bisa kosong)."""
    if format == "xlsx":
        from kinerja.ekspor.xlsx import tulis_xlsx
        tulis_xlsx(paket, path)
        return []
    if format == "pptx":
        from kinerja.ekspor.pptx import tulis_pptx
        return tulis_pptx(paket, path, gambar=gambar)
    if format == "pdf":
        from kinerja.ekspor.pdf import tulis_pdf
        return tulis_pdf(paket, path, gambar=gambar)
    raise ValueError(f"Format tidak dikenal: {format!r} (pilih {', '.join(FORMAT)})")


def ke_bytes(paket, format: str, gambar: bool = True) -> tuple[bytes, list[str]]:
    """Untuk st.download_button: isi berkas dan catatannya."""
    import tempfile

    with tempfile.TemporaryDirectory() as d:
        path = Path(d) / f"paket.{format}"
        catatan = tulis(paket, format, path, gambar=gambar)
        return path.read_bytes(), catatan
