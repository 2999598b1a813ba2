"""Dasar PDF paket rapat (fpdf2): huruf DejaVu, kaki halaman, judul bagian, tabel.

Teks data selalu ditulis sebagai teks polos (multi_cell dan tabel tanpa markdown).
Tabel memakai FPDF.table: pindah halaman otomatis dengan baris judul diulang, teks
panjang dibungkus di dalam sel; kelompok baris yang harus utuh di satu halaman (seri
peringkat) berbagi satu sel kolom pertama. Lebar kolom dinaikkan sampai kata terpanjangnya
muat, agar kata (mis. "Peringkat") tidak terbelah di tengah.
"""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd
from fpdf import FPDF
from fpdf.fonts import FontFace

from kinerja import format as fmt

HURUF_DIR = Path("/usr/share/fonts/truetype/dejavu")
_TERLARANG = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
ABU = (80, 80, 80)
PADDING = 1.0
# Satu baris tabel fpdf2 harus muat di satu halaman ("The row is too high"). 300 karakter di kolom
# tersempit (sekitar 20 mm, 7,5 pt: 12 karakter per baris) = 25 baris, kira-kira 95 mm: muat di
# halaman A4 mendatar. Teks yang lebih panjang dipendekkan di sel dan ditulis lengkap di bawah tabel.
BATAS_SEL = 300
# Judul bagian (mis. nama OPD) paling banyak tiga baris huruf 15-16 pt selebar halaman; nama yang
# lebih panjang dipendekkan di judul dan ditulis lengkap tepat di bawahnya dengan huruf kecil.
BATAS_JUDUL = 200
# Kaki halaman satu baris huruf 8 pt (sekitar 190 karakter selebar A4 mendatar); sisanya untuk
# periode, waktu data dan nomor halaman. Nama pemda lengkap ada di judul halaman pertama.
BATAS_KAKI_PEMDA = 80


# Bagian akhir judul sesudah ' · ' (periode "TW III 2026", "tabel") sependek ini tidak dipisah
# dari kata sebelumnya: spasinya diganti spasi tak-putus, agar tidak tinggal sendirian di baris baru.
BATAS_EKOR_UTUH = 25
_NBSP = "\u00a0"


def ekor_utuh(teks: str) -> str:
    """'… Nusa Makmur · TW III 2026' dengan ' · TW III 2026' terikat ke kata sebelumnya."""
    kepala, pemisah, ekor = str(teks).rpartition(" · ")
    if not pemisah or len(ekor) > BATAS_EKOR_UTUH:
        return str(teks)
    return kepala + _NBSP + "·" + _NBSP + ekor.replace(" ", _NBSP)


def t(x) -> str:
    if x is None or (isinstance(x, float) and pd.isna(x)) or x is pd.NA:
        return "-"
    return _TERLARANG.sub("", str(x)).replace("\t", " ")


def rgb(hexa: str) -> tuple[int, int, int]:
    h = hexa.lstrip("#")
    return tuple(int(h[i:i + 2], 16) for i in (0, 2, 4))


def nama(r) -> str:
    s = r["singkatan"]
    return str(s) if isinstance(s, str) and s else str(r["nama_opd"])


class PDF(FPDF):
    def __init__(self, paket):
        super().__init__(orientation="L", unit="mm", format="A4")
        self.paket = paket
        self.set_auto_page_break(True, margin=15)
        self.set_margins(12, 12, 12)
        if (HURUF_DIR / "DejaVuSans.ttf").exists():
            self.add_font("Huruf", "", str(HURUF_DIR / "DejaVuSans.ttf"))
            self.add_font("Huruf", "B", str(HURUF_DIR / "DejaVuSans-Bold.ttf"))
            self.huruf, self.unicode = "Huruf", True
        else:  # cadangan: huruf inti PDF (latin-1)
            self.huruf, self.unicode = "helvetica", False
        self.set_title(f"Rapat Evaluasi Kinerja OPD {paket.nama_pemda} {paket.periode}")
        self.set_creator("Dasbor Kinerja OPD")

    def teks(self, x) -> str:
        s = t(x)
        if not self.unicode:
            s = (s.replace("≥", ">=").replace("–", "-").replace("…", "...").replace("•", "-")
                 .replace("▲", "naik").replace("▼", "turun"))
            s = s.encode("latin-1", "replace").decode("latin-1")
        return s

    def footer(self):
        self.set_y(-11)
        self.set_font(self.huruf, "", 8)
        self.set_text_color(90, 90, 90)
        self.cell(0, 5, self.teks(f"{fmt.ringkas(self.paket.nama_pemda, BATAS_KAKI_PEMDA)} · {self.paket.periode} · {self.paket.data_per}"
                                  f" · halaman {self.page_no()}/{{nb}}"), align="C")
        self.set_text_color(0, 0, 0)

    def paragraf(self, teks: str, ukuran: float = 10, tebal: bool = False, warna=(0, 0, 0), tinggi=None,
                 lebar: float = 0):
        self.set_font(self.huruf, "B" if tebal else "", ukuran)
        self.set_text_color(*warna)
        self.multi_cell(lebar, tinggi or ukuran * 0.5, self.teks(teks), align="L", new_x="LMARGIN", new_y="NEXT")
        self.set_text_color(0, 0, 0)

    def pastikan_ruang(self, mm: float) -> None:
        """Pindah halaman bila sisa halaman kurang dari mm (judul tidak tertinggal sendirian)."""
        if self.get_y() + mm > self.page_break_trigger:
            self.add_page()

    def judul(self, teks: str, ukuran=16, baru=True, sub: str | None = None):
        if baru:
            self.add_page()
        self.paragraf(ekor_utuh(fmt.ringkas(teks, BATAS_JUDUL)), ukuran, tebal=True)
        if len(str(teks)) > BATAS_JUDUL:
            self.paragraf(f"Judul lengkap: {teks}", 8, warna=ABU, tinggi=4)
        self.paragraf(sub or f"{self.paket.nama_pemda} · {self.paket.periode} · {self.paket.cakupan}", 10,
                      warna=ABU, tinggi=5)
        self.ln(2)

    def _lebar_kata(self, teks: str, tebal: bool) -> float:
        self.set_font(self.huruf, "B" if tebal else "", self.font_size_pt)
        return max((self.get_string_width(k) for k in teks.split()), default=0.0)

    def lebar_muat(self, judul_kolom: list[str], baris: list[list[str]], lebar: list[float],
                   ukuran: float) -> list[float]:
        """Naikkan kolom yang kata terpanjangnya tidak muat; ambil dari kolom yang longgar."""
        total = self.epw if sum(lebar) > self.epw else sum(lebar)
        skala = total / sum(lebar)
        lebar = [w * skala for w in lebar]
        self.set_font(self.huruf, "", ukuran)
        minimum = []
        for j in range(len(lebar)):
            kata = self._lebar_kata(judul_kolom[j], True)
            for b in baris:
                kata = max(kata, self._lebar_kata(b[j], False))
            minimum.append(kata + 2 * PADDING + 0.6)
        self.set_font(self.huruf, "", ukuran)
        kurang = sum(max(m - w, 0) for m, w in zip(minimum, lebar))
        longgar = sum(max(w - m, 0) for m, w in zip(minimum, lebar))
        if kurang <= 0 or longgar < kurang:
            return lebar
        return [m if m > w else w - (w - m) / longgar * kurang for m, w in zip(minimum, lebar)]

    def _siapkan_tabel(self, judul_kolom: list[str], baris: list[list], lebar: list[float], ukuran):
        """Teks sel seperti yang ditulis tabel(): (judul, baris, lebar, sel panjang yang dipendekkan)."""
        baris = [[self.teks(v) for v in b] for b in baris]
        judul_kolom = [self.teks(j) for j in judul_kolom]
        panjang = [(judul_kolom[j], b[0] if j else "", v) for b in baris for j, v in enumerate(b)
                   if len(v) > BATAS_SEL]
        baris = [[self.teks(fmt.ringkas(v, BATAS_SEL)) for v in b] for b in baris]
        return judul_kolom, baris, self.lebar_muat(judul_kolom, baris, lebar, ukuran), panjang

    def tinggi_baris(self, judul_kolom: list[str], baris: list[list], lebar: list[float],
                     ukuran=9) -> tuple[float, list[float]]:
        """Perkiraan tinggi (mm) baris judul dan setiap baris tabel seperti digambar tabel():
        jumlah baris teks sel terpanjang (dibungkus selebar kolom dikurangi padding)."""
        judul_kolom, baris, lebar, _ = self._siapkan_tabel(judul_kolom, baris, lebar, ukuran)
        tinggi_teks = ukuran * 0.5

        def satu(nilai: list[str], tebal: bool) -> float:
            self.set_font(self.huruf, "B" if tebal else "", ukuran)
            jumlah = max(len(self.multi_cell(w - 2 * PADDING, tinggi_teks, v, dry_run=True, output="LINES"))
                         for v, w in zip(nilai, lebar))
            return jumlah * tinggi_teks + 2 * PADDING

        hasil = satu(judul_kolom, True), [satu(b, False) for b in baris]
        self.set_font(self.huruf, "", ukuran)
        return hasil

    def tabel(self, judul_kolom: list[str], baris: list[list], lebar: list[float], ukuran=9,
              kolom_kategori: int | None = None, rata_kanan: set[int] = frozenset(), lebar_total=None,
              satu_halaman: dict[int, int] | None = None):
        """satu_halaman: {baris awal: jumlah baris} kelompok yang tidak boleh terbelah antar halaman
        (kelompok seri peringkat): sel kolom pertamanya satu sel setinggi kelompok (rowspan), jadi
        fpdf2 memindahkan kelompok utuh ke halaman berikut bila tidak muat. Kelompok harus muat
        di satu halaman (periksa dengan tinggi_baris)."""
        judul_kolom, baris, lebar, panjang = self._siapkan_tabel(judul_kolom, baris, lebar, ukuran)
        satu_halaman = {a: n for a, n in (satu_halaman or {}).items() if n > 1}
        tertutup = {i for a, n in satu_halaman.items() for i in range(a + 1, a + n)}
        self.set_font(self.huruf, "", ukuran)
        self.set_fill_color(255, 255, 255)   # sel tanpa gaya memakai warna isi terakhir (mis. gauge)
        kepala = FontFace(emphasis="BOLD", fill_color=(221, 227, 234))
        with self.table(col_widths=tuple(lebar), width=lebar_total or sum(lebar), align="LEFT",
                        headings_style=kepala, repeat_headings=1, line_height=ukuran * 0.5,
                        text_align="LEFT", padding=PADDING) as tb:
            r = tb.row()
            for j, jd in enumerate(judul_kolom):
                r.cell(jd, align="RIGHT" if j in rata_kanan else None)
            for i, b in enumerate(baris):
                r = tb.row()
                for j, nilai in enumerate(b):
                    if j == 0 and i in tertutup:
                        continue   # sel kolom pertama kelompok di atasnya
                    gaya = None
                    if kolom_kategori is not None and j == kolom_kategori:
                        w = self.paket.warna_kategori(nilai)
                        if w:
                            gaya = FontFace(fill_color=rgb(w[0]), color=rgb(w[1]), emphasis="BOLD")
                    r.cell(nilai, style=gaya, align="RIGHT" if j in rata_kanan else None,
                           rowspan=satu_halaman.get(i, 1) if j == 0 else 1)
        self.ln(3)
        if panjang:
            self.paragraf(f"Teks lengkap sel yang dipendekkan (lebih dari {BATAS_SEL} karakter):", 9, tebal=True,
                          tinggi=5)
            for kolom, pemilik, isi in panjang:
                self.paragraf(f"{kolom}" + (f" ({fmt.ringkas(pemilik, BATAS_SEL)})" if pemilik else "")
                              + f": {isi}", 8, tinggi=4)
            self.ln(2)

    def gambar_png(self, png: bytes, x: float | None, y: float, w: float | None = None,
                   h_maks: float | None = None):
        """Sisipkan PNG selebar w (atau lebih kecil agar tingginya <= h_maks; x None = di tengah);
        kembalikan (w, h)."""
        import io

        from PIL import Image

        lebar_px, tinggi_px = Image.open(io.BytesIO(png)).size
        w = w or self.epw
        if h_maks is not None:
            w = min(w, h_maks * lebar_px / tinggi_px)
        h = w * tinggi_px / lebar_px
        if x is None:
            x = self.l_margin + (self.epw - w) / 2
        self.image(io.BytesIO(png), x=x, y=y, w=w, h=h)
        return w, h
