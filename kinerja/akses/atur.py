"""Mengubah pengaturan akses (siapa boleh melihat tanpa masuk, batas diam sesi), tercatat."""

from __future__ import annotations

from pathlib import Path

from kinerja import db
from kinerja.akses import jejak, simpan


class PengaturanDitolak(ValueError):
    pass


def _periksa(kunci: str, nilai: str) -> str:
    if kunci == simpan.TAMPILAN:
        if nilai not in simpan.NAMA_TAMPILAN:
            raise PengaturanDitolak(f"Tampilan harus salah satu dari: {', '.join(simpan.NAMA_TAMPILAN)}.")
        return nilai
    if kunci == simpan.MENIT_DIAM:
        try:
            n = int(str(nilai).strip())
        except ValueError:
            raise PengaturanDitolak(f"Batas diam harus bilangan bulat menit, bukan {nilai!r}.") from None
        if not simpan.MENIT_DIAM_MIN <= n <= simpan.MENIT_DIAM_MAKS:
            raise PengaturanDitolak(f"Batas diam harus {simpan.MENIT_DIAM_MIN}-{simpan.MENIT_DIAM_MAKS} menit.")
        return str(n)
    raise PengaturanDitolak(f"Pengaturan akses tidak dikenal: {kunci!r}.")


def ubah(path_db: str | Path, perubahan: dict[str, str], *, oleh: str, asal: str | None) -> list[str]:
    """Simpan pengaturan yang berubah; mengembalikan uraian perubahannya (kosong = tidak ada)."""
    bersih = {k: _periksa(k, v) for k, v in perubahan.items()}
    with simpan.buka(path_db) as con:
        lama = simpan.pengaturan(con)
        uraian = []
        for k, v in bersih.items():
            if lama.get(k) != v:
                db.kueri_satu(con, "akses/pengaturan_tulis", kunci=k, nilai=v)
                uraian.append(f"{k}: {lama.get(k)} → {v}")
        if uraian:
            jejak.tulis(con, oleh, jejak.PENGATURAN, "; ".join(uraian), asal)
    return uraian
