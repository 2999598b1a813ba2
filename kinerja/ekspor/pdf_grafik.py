"""Grafik untuk PDF paket rapat.

Gauge capaian digambar langsung dengan bentuk vektor fpdf2 (tajam saat dicetak,
tanpa peramban): cincin luar = pita skala aktif berwarna, cincin dalam = capaian
berwarna pitanya dan sisa abu-abu, angka dan label pita di bawah busur, batas
pita tertulis di tepi. Kurva S memakai grafik Plotly yang sama dengan Mode Rapat
(kinerja.grafik.tren.kurva_s), dirender sebagai PNG oleh kinerja.ekspor.gambar;
bila tidak ada, tabel angka bulanan menggantikannya.
"""

from __future__ import annotations

import math

import pandas as pd

from kinerja import format as fmt
from kinerja.grafik import tren as gt
from kinerja.ekspor.pdf_dasar import ABU, rgb
from kinerja.skala import pita_berlabel, rentang_pita

ABU_MUDA = (229, 231, 235)
TANPA_NILAI = (191, 197, 204)
# Ukuran kanvas kurva S (piksel CSS) dan skala rendernya. Kanvas sekecil ini membuat huruf
# grafik (12-17 px) sekitar 8-10 pt setelah gambar ditaruh selebar kolomnya (~150 mm); skala
# 1,6 menjaga ketajamannya saat dicetak (1216 x 528 piksel).
KURVA_PX = (760, 330)
KURVA_SKALA = 1.6


def _busur(pdf, cx, cy, r_dalam, r_luar, dari, sampai, batas, warna) -> None:
    """Irisan cincin dari nilai `dari` ke `sampai` (0 = kiri, batas = kanan)."""
    if sampai <= dari:
        return
    langkah = max(int((sampai - dari) / batas * 90), 2)
    sudut = [math.pi * (1 - (dari + (sampai - dari) * i / langkah) / batas) for i in range(langkah + 1)]
    titik = [(cx + r_luar * math.cos(a), cy - r_luar * math.sin(a)) for a in sudut]
    titik += [(cx + r_dalam * math.cos(a), cy - r_dalam * math.sin(a)) for a in reversed(sudut)]
    pdf.set_fill_color(*warna)
    pdf.polygon(titik, style="F")


def gauge(pdf, x: float, y: float, r: float, nilai, kategori, paket, ket: str = "") -> float:
    """Gauge setengah lingkaran berjari-jari r (mm), sudut kiri atas (x, y). Kembalikan
    y di bawah teksnya."""
    batas = float(paket.batas_atas)
    cx, cy = x + r, y + r + 3
    for p, dari, sampai in rentang_pita(paket.pita, batas):
        _busur(pdf, cx, cy, r * 0.86, r, dari, sampai, batas, rgb(p.warna))
    v = None if nilai is None or pd.isna(nilai) else min(max(float(nilai), 0.0), batas)
    pita = pita_berlabel(kategori, paket.pita) if isinstance(kategori, str) else None
    if v is not None:
        _busur(pdf, cx, cy, r * 0.5, r * 0.82, 0, v, batas, rgb(pita.warna) if pita else TANPA_NILAI)
    _busur(pdf, cx, cy, r * 0.5, r * 0.82, v or 0, batas, batas, ABU_MUDA)
    pdf.set_fill_color(255, 255, 255)
    # Batas pita di tepi luar busur.
    pdf.set_font(pdf.huruf, "", 7)
    pdf.set_text_color(*ABU)
    for nilai_batas in sorted({0.0, batas} | {p.batas_bawah for p in paket.pita if 0 < p.batas_bawah < batas}):
        a = math.pi * (1 - nilai_batas / batas)
        teks = fmt.angka(nilai_batas)
        lebar = pdf.get_string_width(teks)
        tx, ty = cx + (r + 2.5) * math.cos(a), cy - (r + 2.5) * math.sin(a)
        pdf.text(tx - lebar / 2 + (-lebar / 2 - 0.5 if nilai_batas == 0 else 0), ty + 1, teks)
    pdf.set_text_color(0, 0, 0)
    pdf.set_xy(x - 5, cy + 1)
    pdf.set_font(pdf.huruf, "B", 24)
    pdf.cell(2 * r + 10, 11, pdf.teks(fmt.persen(v) if v is not None else fmt.NA), align="C",
             new_x="LEFT", new_y="NEXT")
    pdf.set_font(pdf.huruf, "B", 12)
    pdf.cell(2 * r + 10, 6, pdf.teks(kategori if isinstance(kategori, str) else "tidak dapat dinilai"),
             align="C", new_x="LEFT", new_y="NEXT")
    if ket:
        pdf.set_font(pdf.huruf, "", 8.5)
        pdf.set_text_color(*ABU)
        pdf.multi_cell(2 * r + 10, 4.2, pdf.teks(ket), align="C", new_x="LEFT", new_y="NEXT")
        pdf.set_text_color(0, 0, 0)
    return pdf.get_y()


def fig_kurva(paket, kini: pd.DataFrame, lalu: pd.DataFrame | None, judul: str, ket: str):
    """Figure kurva S Mode Rapat (rencana, realisasi, tahun lalu, batang deviasi); None bila kosong."""
    if kini.empty or kini["persen_realisasi"].isna().all():
        return None
    bulan_tw, label_tw = paket.bulan_label(kini)
    fig = gt.kurva_s(kini, lalu if lalu is not None and len(lalu) else None, paket.tahun, bulan_tw, label_tw,
                     judul, ket, tinggi=KURVA_PX[1], bulan_ringkas=False)
    # Legenda tetap di pojok kiri atas panel kurva (seperti di layar), bukan di bawah label bulan.
    fig.update_layout(legend=dict(font=dict(size=13)), margin=dict(t=fig.layout.margin.t - 32, b=16, l=56, r=20))
    return fig


def tabel_bulanan(pdf, df: pd.DataFrame, x: float, lebar: float, ukuran: float = 8) -> None:
    """Pengganti kurva S: angka bulanan (kolom = bulan) di kolom kanan halaman."""
    ada = df[df["persen_realisasi"].notna() | df["persen_rencana"].notna()].sort_values("bulan")
    if ada.empty:
        return
    kiri_lama = pdf.l_margin
    pdf.set_left_margin(x)
    pdf.set_x(x)
    bulan = [int(b) for b in ada["bulan"]]
    judul = ["% pagu"] + [gt.BULAN_PENDEK[b - 1] for b in bulan]
    baris = [["Rencana kas"] + [fmt.angka(v, 1) for v in ada["persen_rencana"]],
             ["Realisasi"] + [fmt.angka(v, 1) for v in ada["persen_realisasi"]],
             ["Deviasi (poin)"] + [fmt.angka(v, 1) for v in ada["deviasi"]]]
    pertama = 22.0
    pdf.tabel(judul, baris, [pertama] + [(lebar - pertama) / len(bulan)] * len(bulan), ukuran=ukuran,
              rata_kanan=set(range(1, len(bulan) + 1)), lebar_total=lebar)
    pdf.set_left_margin(kiri_lama)
    pdf.set_x(kiri_lama)
