"""Grafik asli PowerPoint (python-pptx) untuk dek rapat: batang peringkat, gauge
capaian dan kurva S. Angka tersimpan di grafik (dapat dibaca dan disunting),
bukan gambar; tidak perlu peramban.

Gauge: diagram donat setengah lingkaran. Cincin luar = pita skala aktif dengan
warnanya; cincin dalam = capaian berwarna pitanya dan sisa abu-abu. Setengah
bawah adalah irisan tanpa isi (c:firstSliceAng = 270 memulai irisan pertama di
kiri), jadi busur terbaca dari 0 (kiri) ke batas atas (kanan).
"""

from __future__ import annotations

import pandas as pd
from lxml import etree
from pptx.chart.data import CategoryChartData
from pptx.dml.color import RGBColor
from pptx.enum.chart import XL_CHART_TYPE, XL_LABEL_POSITION, XL_LEGEND_POSITION, XL_MARKER_STYLE
from pptx.enum.dml import MSO_LINE_DASH_STYLE
from pptx.enum.text import PP_ALIGN
from pptx.oxml.ns import qn
from pptx.util import Inches, Pt

from kinerja import format as fmt
from kinerja.grafik import tren as gt
from kinerja.ekspor.pptx_dasar import ABU, ABU_MUDA, TANPA_NILAI, TEKS, kotak, rgb
from kinerja.skala import pita_berlabel, rentang_pita

# Warna seri sama dengan kurva S di layar (Okabe-Ito, grafik_tren).
BIRU, JINGGA, HIJAU = rgb(gt.BIRU), rgb(gt.JINGGA), rgb(gt.HIJAU)
NAMA_GAUGE = "Gauge capaian"
NAMA_KURVA = "Kurva S"


def _angka(v) -> float | None:
    return None if v is None or pd.isna(v) else round(float(v), 1)


def batang(slide, label: list[str], nilai: list, kategori: list, paket, x, y, w, h,
           judul_seri="Capaian (%)", ukuran=12):
    """Batang mendatar, urutan teratas = baris pertama; warna batang = pita kategorinya."""
    data = CategoryChartData(number_format='0.0')
    data.categories = label
    data.add_series(judul_seri, [_angka(v) for v in nilai])
    chart = slide.shapes.add_chart(XL_CHART_TYPE.BAR_CLUSTERED, x, y, w, h, data).chart
    chart.has_legend = False
    chart.font.size = Pt(ukuran)
    plot = chart.plots[0]
    plot.gap_width = 40
    plot.has_data_labels = True
    dl = plot.data_labels
    dl.number_format = '0.0"%"'
    dl.number_format_is_linked = False
    dl.position = XL_LABEL_POSITION.OUTSIDE_END
    dl.font.size = Pt(ukuran)
    cat = chart.category_axis
    cat.reverse_order = True
    cat.tick_labels.font.size = Pt(ukuran)
    _semua_label(cat)
    val = chart.value_axis
    val.minimum_scale = 0
    val.maximum_scale = max(paket.batas_atas, max([float(v) for v in nilai if not pd.isna(v)] or [0]) * 1.1)
    val.has_major_gridlines = False
    val.tick_labels.font.size = Pt(ukuran)
    seri = plot.series[0]
    for i, k in enumerate(kategori):
        w_ = paket.warna_kategori(k)
        titik = seri.points[i]
        titik.format.fill.solid()
        titik.format.fill.fore_color.rgb = rgb(w_[0]) if w_ else TANPA_NILAI
    return chart


def _semua_label(sumbu) -> None:
    """Setiap kategori berlabel (c:tickLblSkip = 1): tanpa ini penampil boleh melewati
    label nama OPD bila rapat."""
    ax = sumbu._element
    el = ax.find(qn("c:tickLblSkip"))
    if el is None:
        el = etree.Element(qn("c:tickLblSkip"))
        sebelum = ax.find(qn("c:noMultiLvlLbl"))
        if sebelum is not None:
            sebelum.addprevious(el)
        else:
            ax.append(el)
    el.set("val", "1")


def _atur_donat(chart, sudut: int = 270, lubang: int = 45) -> None:
    """python-pptx tidak punya API sudut awal dan ukuran lubang donat: ubah XML-nya."""
    donat = chart._chartSpace.find(".//" + qn("c:doughnutChart"))
    for tag, nilai in (("c:firstSliceAng", sudut), ("c:holeSize", lubang)):
        el = donat.find(qn(tag))
        if el is None:
            el = etree.SubElement(donat, qn(tag))
        el.set("val", str(nilai))


def _area_plot_penuh(chart) -> None:
    """Area plot mengisi bingkai (tata letak manual), agar pusat donat = pusat bingkai."""
    plot_area = chart._chartSpace.find(".//" + qn("c:plotArea"))
    lama = plot_area.find(qn("c:layout"))
    if lama is not None:
        plot_area.remove(lama)
    layout = etree.SubElement(plot_area, qn("c:layout"))
    plot_area.remove(layout)
    plot_area.insert(0, layout)
    manual = etree.SubElement(layout, qn("c:manualLayout"))
    for tag, nilai in (("c:layoutTarget", "inner"), ("c:xMode", "edge"), ("c:yMode", "edge"),
                       ("c:x", "0.02"), ("c:y", "0.02"), ("c:w", "0.96"), ("c:h", "0.96")):
        etree.SubElement(manual, qn(tag)).set("val", nilai)


def _isi_titik(titik, warna: RGBColor | None) -> None:
    if warna is None:
        titik.format.fill.background()   # tanpa isi: setengah bawah tak terlihat
        titik.format.line.fill.background()
        return
    titik.format.fill.solid()
    titik.format.fill.fore_color.rgb = warna
    titik.format.line.color.rgb = RGBColor(0xFF, 0xFF, 0xFF)
    titik.format.line.width = Pt(1)


def gauge(slide, nilai, kategori, paket, x, y, d, nama: str = NAMA_GAUGE, ket: str = "",
          ukuran_angka: int = 40):
    """Gauge capaian asli di bingkai persegi d x d (pusat di tengah bingkai). Angka dan
    label pita ditulis besar di setengah bawah yang kosong; kembalikan grafiknya."""
    batas = float(paket.batas_atas)
    rentang = rentang_pita(paket.pita, batas)
    n = max(len(rentang), 2) + 1
    v = None if nilai is None or pd.isna(nilai) else round(min(max(float(nilai), 0.0), batas), 1)
    luar = [round(s - a, 3) for _, a, s in rentang] + [0.0] * (n - 1 - len(rentang)) + [batas]
    dalam = [v or 0.0, round(batas - (v or 0.0), 1)] + [0.0] * (n - 3) + [batas]
    data = CategoryChartData(number_format='0.0')
    data.categories = [p.label for p, _, _ in rentang] + [f"kosong {i}" for i in range(n - 1 - len(rentang))] + [""]
    # Seri pertama = cincin terdalam.
    data.add_series("Capaian (%)", dalam)
    data.add_series("Skala kategori", luar)
    gf = slide.shapes.add_chart(XL_CHART_TYPE.DOUGHNUT, x, y, d, d, data)
    gf.name = nama
    chart = gf.chart
    chart.has_legend = False
    chart.has_title = False
    _atur_donat(chart)
    _area_plot_penuh(chart)
    seri_dalam, seri_luar = chart.plots[0].series
    pita = pita_berlabel(kategori, paket.pita) if isinstance(kategori, str) else None
    for i in range(n):
        if i == n - 1:
            _isi_titik(seri_dalam.points[i], None)
            _isi_titik(seri_luar.points[i], None)
            continue
        if i < len(rentang):
            _isi_titik(seri_luar.points[i], rgb(rentang[i][0].warna))
        warna_dalam = (rgb(pita.warna) if pita else TANPA_NILAI) if i == 0 else ABU_MUDA
        _isi_titik(seri_dalam.points[i], warna_dalam)
    # Angka dan label di bawah garis tengah (setengah bawah donat tidak berisi).
    tengah = y + d // 2
    kotak(slide, x, tengah - Inches(0.08), d, Inches(0.7), fmt.persen(v) if v is not None else fmt.NA,
          ukuran=ukuran_angka, tebal=True, rata=PP_ALIGN.CENTER)
    kotak(slide, x, tengah + Inches(0.62), d, Inches(0.38),
          kategori if isinstance(kategori, str) else "tidak dapat dinilai", ukuran=18, tebal=True,
          warna=TEKS, rata=PP_ALIGN.CENTER)
    if ket:
        kotak(slide, x, tengah + Inches(0.98), d, Inches(0.34), ket, ukuran=12, warna=ABU, rata=PP_ALIGN.CENTER)
    # Batas bawah dan atas busur.
    kotak(slide, x, tengah - Inches(0.02), Inches(0.5), Inches(0.3), "0", ukuran=11, warna=ABU,
          rata=PP_ALIGN.CENTER)
    kotak(slide, x + d - Inches(0.55), tengah - Inches(0.02), Inches(0.55), Inches(0.3), fmt.angka(batas),
          ukuran=11, warna=ABU, rata=PP_ALIGN.CENTER)
    return chart


def _gaya_garis(seri, warna: RGBColor, tebal: float, putus: bool = False, penanda: bool = True) -> None:
    seri.smooth = False
    garis = seri.format.line
    garis.color.rgb = warna
    garis.width = Pt(tebal)
    if putus:
        garis.dash_style = MSO_LINE_DASH_STYLE.DASH
    m = seri.marker
    if penanda:
        m.style = XL_MARKER_STYLE.CIRCLE
        m.size = 6
        m.format.fill.solid()
        m.format.fill.fore_color.rgb = warna
        m.format.line.color.rgb = warna
    else:
        m.style = XL_MARKER_STYLE.NONE


def kurva_s(slide, bulan: list[int], seri: list[tuple[str, list, str]], x, y, w, h, nama: str = NAMA_KURVA,
            ukuran: int = 12):
    """Grafik garis asli: kategori Jan..bulan terakhir, nilai % pagu satu desimal.

    seri: (nama, nilai per bulan pada kategori, peran) dengan peran 'rencana' (hitam
    putus-putus), 'realisasi' (biru tebal, nilai terakhir berlabel), 'lalu', 'fisik'.
    """
    data = CategoryChartData(number_format='0.0"%"')
    data.categories = [gt.BULAN_PENDEK[b - 1] for b in bulan]
    for nama_seri, nilai, _ in seri:
        data.add_series(nama_seri, [_angka(v) for v in nilai])
    gf = slide.shapes.add_chart(XL_CHART_TYPE.LINE_MARKERS, x, y, w, h, data)
    gf.name = nama
    chart = gf.chart
    chart.font.size = Pt(ukuran)
    chart.font.color.rgb = TEKS
    chart.has_legend = True
    chart.legend.position = XL_LEGEND_POSITION.BOTTOM
    chart.legend.include_in_layout = False
    chart.legend.font.size = Pt(ukuran)
    val = chart.value_axis
    val.minimum_scale, val.maximum_scale, val.major_unit = 0, 100, 25
    val.tick_labels.number_format = '0"%"'
    val.tick_labels.number_format_is_linked = False
    val.tick_labels.font.size = Pt(ukuran)
    val.major_gridlines.format.line.color.rgb = ABU_MUDA
    chart.category_axis.tick_labels.font.size = Pt(ukuran)
    gaya = {"rencana": (TEKS, 2.25, True, False), "realisasi": (BIRU, 3.5, False, True),
            "lalu": (JINGGA, 2.0, False, False), "fisik": (HIJAU, 2.25, False, True)}
    for s, (_, nilai, peran) in zip(chart.plots[0].series, seri):
        _gaya_garis(s, *gaya.get(peran, (ABU, 2.0, False, True)))
        if peran == "realisasi":
            terakhir = max((i for i, v in enumerate(nilai) if _angka(v) is not None), default=None)
            if terakhir is not None:
                dl = s.points[terakhir].data_label
                dl.position = XL_LABEL_POSITION.BELOW
                dl.text_frame.text = fmt.persen(nilai[terakhir])
                for r in dl.text_frame.paragraphs[0].runs:
                    r.font.size = Pt(ukuran + 2)
                    r.font.bold = True
                    r.font.color.rgb = BIRU
    return chart


def nilai_bulanan(df: pd.DataFrame, bulan: list[int], kolom: str) -> list:
    """Nilai kolom per bulan pada daftar bulan (bulan tanpa data -> None, bukan nol)."""
    peta = {int(b): v for b, v in zip(df["bulan"], df[kolom])} if len(df) else {}
    return [peta.get(b) for b in bulan]
