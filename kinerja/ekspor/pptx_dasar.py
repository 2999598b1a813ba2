"""Bentuk dasar dek PPTX: kotak teks, judul slide, tabel, warna pita.

Semua teks data ditulis sebagai teks polos python-pptx (tidak ditafsirkan), hanya
karakter kendali yang dibuang karena tidak sah di XML. Ukuran huruf judul mengikuti
panjang teks agar judul tidak turun ke baris kedua dan menimpa subjudul.
"""

from __future__ import annotations

import re
import textwrap

import pandas as pd
from pptx.dml.color import RGBColor
from pptx.enum.text import MSO_ANCHOR, PP_ALIGN
from pptx.util import Emu, Inches, Pt

from kinerja import format as fmt
from kinerja import skala

LEBAR, TINGGI = Inches(13.333), Inches(7.5)
KIRI, LEBAR_ISI = Inches(0.5), Inches(12.333)
ATAS_ISI = Inches(1.45)          # di bawah judul dan subjudul
BAWAH_ISI = Inches(7.0)          # di atas kaki slide
TEKS = RGBColor(0x11, 0x11, 0x11)
ABU = RGBColor(0x4B, 0x55, 0x63)
ABU_MUDA = RGBColor(0xE5, 0xE7, 0xEB)
LATAR_KARTU = RGBColor(0xF3, 0xF4, 0xF6)
GARIS_KARTU = RGBColor(0xD1, 0xD5, 0xDB)
TANPA_NILAI = RGBColor(0xBF, 0xC5, 0xCC)
_TERLARANG = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


def t(x) -> str:
    """Teks aman untuk XML pptx (karakter kendali dibuang); NaN/None -> '-'."""
    if x is None or (isinstance(x, float) and pd.isna(x)) or x is pd.NA:
        return "-"
    return _TERLARANG.sub("", str(x))


# Judul slide satu baris selebar 12,3 inci pada huruf terkecilnya (18 pt tebal, ~0,6 em): 82 huruf.
BATAS_JUDUL = 80
# Subjudul satu baris selebar 12,3 inci pada 11 pt biasa (~0,55 em): sekitar 146 huruf.
BATAS_SUB = 140
# Sel tabel: nama OPD atau indikator yang lebih panjang membuat baris lebih tinggi dari slide.
# 200 huruf = beberapa baris di kolom tersempit; teks lengkap ditulis di catatan pembicara.
BATAS_SEL = 200


def rgb(hexa: str) -> RGBColor:
    return RGBColor.from_string(hexa.lstrip("#").upper())


def nama(r) -> str:
    """Singkatan OPD bila ada, selain itu nama lengkap."""
    s = r.get("singkatan") if hasattr(r, "get") else None
    return t(s) if isinstance(s, str) and s else t(r["nama_opd"])


def ukuran_muat(teks: str, lebar_in: float = 12.3, maks: int = 32, min_: int = 18, tebal: bool = True) -> int:
    """Ukuran huruf terbesar (<= maks) yang memuat teks dalam satu baris selebar lebar_in.
    Lebar rata-rata huruf diperkirakan dari huruf yang lebar (DejaVu Sans, pengganti
    Calibri di LibreOffice): 0,6 em tebal, 0,55 em biasa; di PowerPoint lebih longgar."""
    faktor = 0.6 if tebal else 0.55
    for pt in range(maks, min_ - 1, -1):
        if len(teks) * faktor * pt / 72 <= lebar_in:
            return pt
    return min_


def _lebar_huruf(pt: float, tebal: bool) -> float:
    return (0.6 if tebal else 0.55) * pt / 72


def jumlah_baris(teks: str, lebar_in: float, pt: float, tebal: bool = False) -> int:
    """Perkiraan jumlah baris teks setelah dibungkus (python-pptx tidak dapat mengukur teks)."""
    per_baris = max(int(lebar_in / _lebar_huruf(pt, tebal)), 1)
    return sum(max(len(textwrap.wrap(b, per_baris)), 1) for b in t(teks).split("\n"))


def tinggi_teks(baris: int, pt: float) -> float:
    """Tinggi (inci) sejumlah baris teks berjarak baris tunggal."""
    return baris * pt * 1.17 / 72


def muat_huruf(lebar_in: float, baris: int, pt: float) -> int:
    """Jumlah huruf kira-kira yang muat dalam sekian baris (untuk memendekkan teks)."""
    return max(int(lebar_in / _lebar_huruf(pt, False)) * baris - 4, 20)


def potong(teks, maks: int) -> str:
    """Dipendekkan dengan fmt.ringkas (isi lengkap ada di catatan pembicara)."""
    return fmt.ringkas(t(teks), maks)


def kotak(slide, x, y, w, h, teks: str | list[str], ukuran=20, tebal=False, warna=TEKS,
          rata=PP_ALIGN.LEFT, poin=False, tengah=False):
    tb = slide.shapes.add_textbox(x, y, w, h)
    tf = tb.text_frame
    tf.word_wrap = True
    tf.margin_left = tf.margin_right = Inches(0.05)
    tf.margin_top = tf.margin_bottom = Inches(0.02)
    if tengah:
        tf.vertical_anchor = MSO_ANCHOR.MIDDLE
    baris = teks if isinstance(teks, list) else [teks]
    for i, b in enumerate(baris):
        p = tf.paragraphs[0] if i == 0 else tf.add_paragraph()
        p.text = ("• " if poin else "") + t(b)
        p.alignment = rata
        p.space_after = Pt(ukuran * 0.35) if poin else Pt(0)
        for r in p.runs:
            r.font.size = Pt(ukuran)
            r.font.bold = tebal
            r.font.color.rgb = warna
    return tb


def slide_baru(prs):
    return prs.slides.add_slide(prs.slide_layouts[6])  # tata letak kosong


def judul(slide, teks: str, paket, sub: str | None = None):
    """Judul (satu baris, huruf menyesuaikan), subjudul dan kaki slide. Judul dan subjudul yang
    terlalu panjang dipendekkan; teks lengkapnya di catatan pembicara."""
    lengkap = [x for x in (t(teks), t(sub) if sub else None) if x]
    if len(lengkap[0]) > BATAS_JUDUL or (sub and len(lengkap[-1]) > BATAS_SUB):
        tambah_catatan(slide, ["Judul lengkap: " + " · ".join(lengkap)])
    teks = potong(teks, BATAS_JUDUL)
    kotak(slide, KIRI, Inches(0.22), LEBAR_ISI, Inches(0.72), teks, ukuran=ukuran_muat(teks), tebal=True,
          tengah=True)
    sub = potong(sub or f"{paket.nama_pemda} · {paket.periode} · {paket.cakupan}", BATAS_SUB)
    kotak(slide, KIRI, Inches(0.95), LEBAR_ISI, Inches(0.42), sub,
          ukuran=ukuran_muat(sub, maks=16, min_=11, tebal=False), warna=ABU)
    kotak(slide, KIRI, Inches(7.08), LEBAR_ISI, Inches(0.32),
          f"{paket.nama_pemda} · {paket.periode} · {paket.data_per} · Sumber: indikator kinerja OPD, "
          "LRA dan RAK per OPD", ukuran=10, warna=ABU)


def legenda(slide, paket, x, y, w=Inches(12.3)):
    teks = "Warna = kategori: " + skala.legenda(paket.pita, paket.batas_atas)
    kotak(slide, x, y, w, Inches(0.36), teks, ukuran=12, warna=ABU)


def warnai_sel(sel, latar: str, teks: str) -> None:
    sel.fill.solid()
    sel.fill.fore_color.rgb = rgb(latar)
    for p in sel.text_frame.paragraphs:
        for r in p.runs:
            r.font.color.rgb = rgb(teks)


def tinggi_baris_tabel(baris: list, w, lebar_rel: list[float], ukuran: float, tebal=False,
                       minimum=Inches(0.4)) -> int:
    """Tinggi satu baris tabel (EMU) dari perkiraan baris terpanjang selnya."""
    total = sum(lebar_rel)
    lebar = [w * rel / total / 914400 - 0.14 for rel in lebar_rel]
    n = max(jumlah_baris(str(v), lb, ukuran, tebal) for v, lb in zip(baris, lebar))
    return max(int(minimum), int(Inches(tinggi_teks(n, ukuran) + 0.08)))


def tabel(slide, judul_kolom: list[str], baris: list[list[str]], x, y, w, lebar_rel: list[float],
          ukuran=14, kolom_kategori: int | None = None, paket=None, tinggi_baris=Inches(0.4),
          rata_kanan: set[int] = frozenset()) -> int:
    """Tabel asli PowerPoint; sel kategori diwarnai pita skala (labelnya tetap tertulis).
    Tinggi tiap baris dari perkiraan bungkus teksnya; kembalikan tinggi total (EMU)."""
    panjang = [f"{judul_kolom[j]}: {t(v)}" for b in baris for j, v in enumerate(b) if len(t(v)) > BATAS_SEL]
    if panjang:
        tambah_catatan(slide, ["Teks lengkap sel tabel yang dipendekkan:"] + panjang)
    baris = [[potong(v, BATAS_SEL) if len(t(v)) > BATAS_SEL else v for v in b] for b in baris]
    n = len(baris) + 1
    semua = [judul_kolom] + baris
    tinggi = [tinggi_baris_tabel(b, w, lebar_rel, ukuran, tebal=i == 0, minimum=tinggi_baris)
              for i, b in enumerate(semua)]
    shape = slide.shapes.add_table(n, len(judul_kolom), x, y, w, sum(tinggi))
    tb = shape.table
    total = sum(lebar_rel)
    for j, rel in enumerate(lebar_rel):
        tb.columns[j].width = Emu(int(w * rel / total))
    for i in range(n):
        tb.rows[i].height = Emu(tinggi[i])
    for i, b in enumerate(semua):
        for j, nilai in enumerate(b):
            sel = tb.cell(i, j)
            sel.text = t(nilai)
            sel.margin_left = sel.margin_right = Inches(0.06)
            sel.margin_top = sel.margin_bottom = Inches(0.03)
            sel.vertical_anchor = MSO_ANCHOR.MIDDLE
            for p in sel.text_frame.paragraphs:
                if j in rata_kanan:
                    p.alignment = PP_ALIGN.RIGHT
                for r in p.runs:
                    r.font.size = Pt(ukuran)
                    r.font.bold = i == 0
            if i and kolom_kategori is not None and j == kolom_kategori and paket is not None:
                w_ = paket.warna_kategori(nilai)
                if w_:
                    warnai_sel(sel, *w_)
    return sum(tinggi)


def kartu(slide, x, y, w, h, label: str, nilai: str, ket: str = "", warna_nilai=TEKS, ukuran_nilai=36,
          aksen: str | None = None):
    """Kartu angka besar: label kecil, angka besar, keterangan; aksen = warna pita di tepi kiri."""
    kotak_ = slide.shapes.add_shape(1, x, y, w, h)
    kotak_.fill.solid()
    kotak_.fill.fore_color.rgb = LATAR_KARTU
    kotak_.line.color.rgb = GARIS_KARTU
    if aksen:
        tepi = slide.shapes.add_shape(1, x, y, Inches(0.09), h)
        tepi.fill.solid()
        tepi.fill.fore_color.rgb = rgb(aksen)
        tepi.line.fill.background()
    isi = (w - Inches(0.25)) / 914400
    kotak(slide, x + Inches(0.12), y + Inches(0.06), w - Inches(0.2), Inches(0.4), label,
          ukuran=ukuran_muat(t(label), isi, 15, 11, tebal=False), warna=ABU)
    kotak(slide, x + Inches(0.12), y + Inches(0.45), w - Inches(0.2), Inches(0.75), nilai,
          ukuran=ukuran_muat(t(nilai), isi, ukuran_nilai, 20), tebal=True, warna=warna_nilai)
    if ket:
        kotak(slide, x + Inches(0.12), y + Inches(1.2), w - Inches(0.2), h - Inches(1.25), ket, ukuran=13,
              warna=ABU)


def catatan_pembicara(slide, baris: list[str]) -> None:
    """Teks lengkap (kendala, indikator) di catatan pembicara: tidak ada yang terbuang
    walau slide hanya memuat ringkasannya."""
    tf = slide.notes_slide.notes_text_frame
    tf.text = "\n".join(t(b) for b in baris) + (f"\n\n{tf.text}" if tf.text else "")


def tambah_catatan(slide, baris: list[str]) -> None:
    """Tambahkan baris di akhir catatan pembicara (teks lengkap yang dipendekkan di slide)."""
    tf = slide.notes_slide.notes_text_frame
    tf.text = (f"{tf.text}\n\n" if tf.text else "") + "\n".join(t(b) for b in baris)
