"""Isi satu lembar ekspor SIPD: sel berisi dan sel gabungan, baris judul laporan (tahun
anggaran, nama pemda), baris penomoran kolom, kolom di luar tata letak, dan batas baris.

Tanpa database dan tanpa streamlit.
"""

from __future__ import annotations

import re
from typing import Callable, Iterable

from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from kinerja.impor.berkas import batas_baris_impor, pesan_terlalu_banyak_baris
from kinerja.impor.masalah import ImporGagal
from kinerja.impor.sipd_hasil import Pencatat
from kinerja.impor.sipd_sel import norma, teks_sel
from kinerja.impor.template import TAHUN_MIN, tahun_maks

BARIS_CARI_JUDUL = 30    # judul kolom SIPD selalu di dekat puncak lembar


class Lembar:
    """Isi satu lembar per baris (nomor baris Excel mulai 1), sadar sel gabungan.

    Hanya sel yang berisi yang disimpan: ws.iter_rows() membuat sel untuk seluruh persegi
    panjang sampai sel terjauh, sehingga satu sel nyasar di baris 1.048.576 berarti jutaan
    sel (menit dan gigabita). baris_maks: baca bagian atas saja (untuk mengenali jenis lembar).
    """

    def __init__(self, ws: Worksheet, baris_maks: int | None = None):
        self.ws = ws
        self.judul = ws.title
        self._isi: dict[int, dict[int, object]] = {}
        for r, c, v in _sel_berisi(ws, baris_maks):
            self._isi.setdefault(r, {})[c] = v
        self._isi = {r: dict(sorted(isi.items())) for r, isi in sorted(self._isi.items())}
        self._gabung: dict[tuple[int, int], tuple[int, int, int, int]] = {}
        kolom_maks = max((max(isi) for isi in self._isi.values()), default=0)
        for rg in ws.merged_cells.ranges:
            if rg.min_row > BARIS_CARI_JUDUL + 10:  # gabungan di badan data tak perlu dipetakan
                continue
            # hanya bagian yang dapat berisi: gabungan A1:XFD1048576 tidak dipetakan sel demi sel
            for r in range(rg.min_row, min(rg.max_row, BARIS_CARI_JUDUL + 10) + 1):
                for c in range(rg.min_col, min(rg.max_col, kolom_maks) + 1):
                    self._gabung[(r, c)] = (rg.min_row, rg.min_col, rg.max_row, rg.max_col)

    @property
    def baris_maks(self) -> int:
        return next(reversed(self._isi), 0)

    def baris_berisi(self, dari: int = 1) -> list[int]:
        """Nomor baris yang memuat sel berisi, urut, mulai baris `dari`."""
        return [r for r in self._isi if r >= dari]

    def sel(self, r: int, c: int) -> object:
        return self._isi.get(r, {}).get(c)

    def sel_gabung(self, r: int, c: int) -> object:
        """Nilai sel; untuk sel di dalam gabungan, nilai sel kiri-atasnya."""
        rg = self._gabung.get((r, c))
        return self.sel(rg[0], rg[1]) if rg else self.sel(r, c)

    def rentang(self, r: int, c: int) -> tuple[int, int, int, int]:
        """(baris_awal, kolom_awal, baris_akhir, kolom_akhir) gabungan yang memuat sel."""
        return self._gabung.get((r, c), (r, c, r, c))

    def isi_baris(self, r: int) -> dict[int, object]:
        """Sel berisi pada baris r: {kolom: nilai}."""
        return {c: v for c, v in self._isi.get(r, {}).items()
                if not (isinstance(v, str) and not v.strip())}

    def cari(self, cocok: Callable[[str], bool], dari: int = 1,
             sampai: int = BARIS_CARI_JUDUL) -> list[tuple[int, int]]:
        """(baris, kolom) sel yang teksnya (huruf kecil) memenuhi cocok, urut baris."""
        hasil = []
        for r in range(max(dari, 1), min(sampai, self.baris_maks) + 1):
            for c, v in self.isi_baris(r).items():
                if isinstance(v, str) and cocok(norma(v)):
                    hasil.append((r, c))
        return hasil


def _sel_berisi(ws: Worksheet, baris_maks: int | None) -> Iterable[tuple[int, int, object]]:
    """(baris, kolom, nilai) setiap sel yang bernilai, tanpa membuat sel kosong."""
    # openpyxl 3.1 (buku dibuka bukan read_only, lihat sipd_kenali.buka_buku): ws._cells = {(baris, kolom):
    # Cell}, hanya sel yang ada di berkas (seperti _Lembar di templat_xlsx).
    for (r, c), s in ws._cells.items():
        if s.value is not None and (baris_maks is None or r <= baris_maks):
            yield r, c, s.value


def melebihi_batas_baris(lembar: Lembar, mulai: int, catat: Pencatat) -> bool:
    """True (dengan masalah yang menyebut batasnya) bila lembar berisi lebih banyak baris data
    di bawah judul kolom (mulai baris `mulai`) daripada kinerja.basisdata.lokasi.batas_baris."""
    try:
        batas = batas_baris_impor(catat.berkas)
    except ImporGagal as e:
        for m in e.masalah:
            catat.salah(m.pesan)
        return True
    jumlah = 0
    for r in lembar.baris_berisi(mulai):
        jumlah += bool(lembar.isi_baris(r))
        if jumlah > batas:
            catat.salah(pesan_terlalu_banyak_baris(batas))
            return True
    return False


def baris_penomoran(lembar: Lembar, r: int) -> bool:
    """Baris '1', '2', '3', ... di bawah judul kolom SIPD."""
    isi = [teks_sel(v) for v in lembar.isi_baris(r).values()]
    if len(isi) < 3 or not all(t.isdigit() for t in isi):
        return False
    angka = [int(t) for t in isi]
    return angka[0] == 1 and angka == sorted(angka)


def kolom_lebih(lembar: Lembar, dipakai: set[int], mulai: int, catat: Pencatat) -> None:
    """Kolom berisi di luar tata letak SIPD (mis. rasio buatan staf): diabaikan dengan catatan."""
    lebih: dict[int, list[int]] = {}
    for r in lembar.baris_berisi(mulai):
        for c in lembar.isi_baris(r):
            if c not in dipakai:
                lebih.setdefault(c, []).append(r)
    for c, rs in sorted(lebih.items()):
        huruf = get_column_letter(c)
        contoh = f"{huruf}{rs[0]} = {teks_sel(lembar.sel(rs[0], c))[:30]!r}"
        catat.catat(f"lembar '{lembar.judul}': kolom {huruf} diabaikan, bukan bagian dari ekspor "
                    f"SIPD ({len(rs)} sel berisi, mis. {contoh})")


def teks_judul(lembar: Lembar, sampai: int) -> list[tuple[int, str]]:
    """(baris, teks) baris judul di atas judul kolom."""
    hasil = []
    for r in range(1, sampai):
        teks = " ".join(teks_sel(v) for v in lembar.isi_baris(r).values() if teks_sel(v))
        if teks:
            hasil.append((r, teks))
    return hasil


_TAHUN = re.compile(r"\bTAHUN(?:\s+ANGGARAN)?\s*:?\s*(\d{4})\b", re.IGNORECASE)
_PEMDA = re.compile(
    r"\b((?:PEMERINTAH\s+)?(?:KABUPATEN|KAB\.|KOTA|PROVINSI|PROV\.)\s*\S.*?)"
    r"(?=\s+(?:PERGESERAN|PERUBAHAN|MURNI|APBD|TAHUN|DINAS|BADAN|SEKRETARIAT|INSPEKTORAT|"
    r"KECAMATAN|RSUD|SATUAN)\b|\s*$)", re.IGNORECASE)


def baca_tahun(judul: list[tuple[int, str]], baris_kolom: int, catat: Pencatat) -> int | None:
    """Tahun anggaran dari baris judul ('TAHUN ANGGARAN 2026', '... APBD TAHUN 2026 ...')."""
    for r, teks in judul:
        m = _TAHUN.search(teks)
        if m:
            tahun = int(m.group(1))
            if not TAHUN_MIN <= tahun <= tahun_maks():
                catat.salah(f"tahun anggaran {tahun} di luar rentang yang sah "
                            f"({TAHUN_MIN}-{tahun_maks()})", r, None, teks)
                return None
            return tahun
    akhir = max(baris_kolom - 1, 1)
    catat.salah(f"tahun anggaran tidak ditemukan di judul (baris 1-{akhir}); yang diharapkan "
                "mis. 'TAHUN ANGGARAN 2026'", 1, None, judul[0][1] if judul else None)
    return None


def baca_pemda(judul: list[tuple[int, str]]) -> str | None:
    """'KAB. LAMPUNG SELATAN' dari baris judul, bila ada."""
    for _, teks in judul:
        m = _PEMDA.search(teks)
        if m:
            return m.group(1).strip().upper()
    return None

