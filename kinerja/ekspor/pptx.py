"""Paket rapat sebagai PPTX (16:9) yang dapat disunting: slide Mode Rapat.

Judul, Ringkasan (angka besar dan poin penting), Peringkat (grafik batang asli
PowerPoint, dipecah per 24 OPD), Di bawah target (tabel), lalu satu slide per OPD
di bawah target (grafik batang asli capaian indikatornya, kendala dan tindak lanjut).
Semua grafik asli (python-pptx), jadi angka dapat dibaca dan disunting; gambar
statis hanya untuk gauge ringkasan bila pengekspor Plotly tersedia.
"""

from __future__ import annotations

import io
import re
from pathlib import Path

import pandas as pd
from pptx import Presentation
from pptx.chart.data import CategoryChartData
from pptx.dml.color import RGBColor
from pptx.enum.chart import XL_CHART_TYPE, XL_LABEL_POSITION
from pptx.enum.text import PP_ALIGN
from pptx.util import Emu, Inches, Pt

from kinerja import format as fmt

LEBAR, TINGGI = Inches(13.333), Inches(7.5)
OPD_PER_SLIDE = 24
BARIS_TABEL = 9
INDIKATOR_PER_SLIDE = 12
TEKS = RGBColor(0x11, 0x11, 0x11)
ABU = RGBColor(0x4B, 0x55, 0x63)
_TERLARANG = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


def _t(x) -> str:
    """Teks aman untuk XML pptx (karakter kendali dibuang); NaN -> 'n/a'/'-'."""
    if x is None or (isinstance(x, float) and pd.isna(x)):
        return "-"
    return _TERLARANG.sub("", str(x))


def _rgb(hexa: str) -> RGBColor:
    return RGBColor.from_string(hexa.lstrip("#").upper())


def _nama(r) -> str:
    s = r.get("singkatan") if hasattr(r, "get") else None
    return _t(s) if isinstance(s, str) and s else _t(r["nama_opd"])


def _kotak(slide, x, y, w, h, teks: str | list[str], ukuran=20, tebal=False, warna=TEKS,
           rata=PP_ALIGN.LEFT, poin=False):
    tb = slide.shapes.add_textbox(x, y, w, h)
    tf = tb.text_frame
    tf.word_wrap = True
    baris = teks if isinstance(teks, list) else [teks]
    for i, b in enumerate(baris):
        p = tf.paragraphs[0] if i == 0 else tf.add_paragraph()
        p.text = ("• " if poin else "") + _t(b)
        p.alignment = rata
        p.space_after = Pt(ukuran * 0.5) if poin else Pt(0)
        for r in p.runs:
            r.font.size = Pt(ukuran)
            r.font.bold = tebal
            r.font.color.rgb = warna
    return tb


def _judul(slide, judul: str, paket, sub: str | None = None):
    _kotak(slide, Inches(0.5), Inches(0.25), Inches(12.3), Inches(0.8), judul, ukuran=32, tebal=True)
    _kotak(slide, Inches(0.5), Inches(0.95), Inches(12.3), Inches(0.45),
           sub or f"{paket.nama_pemda} · {paket.periode} · {paket.cakupan}", ukuran=16, warna=ABU)
    _kotak(slide, Inches(0.5), Inches(7.05), Inches(12.3), Inches(0.35),
           f"{paket.data_per} · Sumber: indikator kinerja OPD, LRA dan RAK per OPD", ukuran=11, warna=ABU)


def _slide(prs):
    return prs.slides.add_slide(prs.slide_layouts[6])  # kosong


def _warnai_batang(chart, kategori: list, paket) -> None:
    seri = chart.plots[0].series[0]
    for i, k in enumerate(kategori):
        w = paket.warna_kategori(k)
        titik = seri.points[i]
        titik.format.fill.solid()
        titik.format.fill.fore_color.rgb = _rgb(w[0]) if w else RGBColor(0xBF, 0xC5, 0xCC)


def _grafik_batang(slide, label: list[str], nilai: list, kategori: list, paket, x, y, w, h,
                   judul_seri="Capaian (%)", ukuran=12):
    data = CategoryChartData(number_format='0.0')
    data.categories = label
    data.add_series(judul_seri, [None if pd.isna(v) else round(float(v), 1) for v in nilai])
    gf = slide.shapes.add_chart(XL_CHART_TYPE.BAR_CLUSTERED, x, y, w, h, data)
    chart = gf.chart
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
    cat.reverse_order = True          # urutan teratas = peringkat 1
    cat.tick_labels.font.size = Pt(ukuran)
    val = chart.value_axis
    val.minimum_scale = 0
    val.maximum_scale = max(paket.batas_atas, max([float(v) for v in nilai if not pd.isna(v)] or [0]) * 1.1)
    val.has_major_gridlines = False
    val.tick_labels.font.size = Pt(ukuran)
    _warnai_batang(chart, kategori, paket)
    return chart


def _legenda(slide, paket, x, y):
    teks = "Warna = kategori: " + " · ".join(f"{p.label} ≥ {fmt.angka(p.batas_bawah)}%" for p in paket.pita)
    _kotak(slide, x, y, Inches(12.3), Inches(0.4), teks, ukuran=12, warna=ABU)


def _tabel(slide, judul_kolom: list[str], baris: list[list[str]], x, y, w, lebar_rel: list[float],
           ukuran=14, warna_kolom: int | None = None, paket=None):
    n = len(baris) + 1
    shape = slide.shapes.add_table(n, len(judul_kolom), x, y, w, Inches(0.4) * n)
    tabel = shape.table
    total = sum(lebar_rel)
    for j, rel in enumerate(lebar_rel):
        tabel.columns[j].width = Emu(int(w * rel / total))
    for j, jd in enumerate(judul_kolom):
        sel = tabel.cell(0, j)
        sel.text = jd
        for p in sel.text_frame.paragraphs:
            for r in p.runs:
                r.font.size = Pt(ukuran)
                r.font.bold = True
    for i, b in enumerate(baris, start=1):
        for j, nilai in enumerate(b):
            sel = tabel.cell(i, j)
            sel.text = _t(nilai)
            for p in sel.text_frame.paragraphs:
                for r in p.runs:
                    r.font.size = Pt(ukuran)
            if warna_kolom is not None and j == warna_kolom and paket is not None:
                w_ = paket.warna_kategori(nilai)
                if w_:
                    sel.fill.solid()
                    sel.fill.fore_color.rgb = _rgb(w_[0])
                    for p in sel.text_frame.paragraphs:
                        for r in p.runs:
                            r.font.color.rgb = _rgb(w_[1])
    return tabel


def _slide_judul(prs, paket):
    s = _slide(prs)
    _kotak(s, Inches(0.8), Inches(2.0), Inches(11.7), Inches(1.2), "Rapat Evaluasi Kinerja OPD",
           ukuran=44, tebal=True)
    _kotak(s, Inches(0.8), Inches(3.3), Inches(11.7), Inches(0.8), f"{paket.nama_pemda} · {paket.periode}",
           ukuran=32)
    _kotak(s, Inches(0.8), Inches(4.3), Inches(11.7), Inches(1.5),
           [paket.cakupan, paket.data_per, f"Dibuat {fmt.tanggal(paket.dibuat)}"], ukuran=18, warna=ABU)


def _slide_ringkasan(prs, paket, gambar: bool, catatan: list[str]):
    s = _slide(prs)
    _judul(s, "Ringkasan", paket)
    k, a = paket.kinerja or {}, paket.anggaran
    kartu = [("Capaian kinerja", fmt.persen(k.get("capaian")), _t(k.get("kategori") or fmt.NA))]
    kartu.append(("Realisasi keuangan", fmt.persen(a["persen_realisasi"]) if a else fmt.NA,
                  f"s.d. {fmt.bulan(int(a['bulan']))}; rencana {fmt.persen(a['persen_rencana'])}" if a
                  else "belum ada data anggaran"))
    kartu.append((f"OPD di bawah {fmt.persen(paket.ambang, 0)}",
                  str(int(k["jumlah_opd_di_bawah_target"])) if k else fmt.NA,
                  f"dari {int(k['jumlah_opd'])} OPD" if k else ""))
    kartu.append(("Target perlu ditinjau", str(int(k["jumlah_perlu_ditinjau"])) if k else fmt.NA, "indikator"))
    lebar = Inches(2.95)
    for i, (label, nilai, ket) in enumerate(kartu):
        x = Inches(0.5) + i * (lebar + Inches(0.15))
        kotak = s.shapes.add_shape(1, x, Inches(1.5), lebar, Inches(1.9))
        kotak.fill.solid()
        kotak.fill.fore_color.rgb = RGBColor(0xF3, 0xF4, 0xF6)
        kotak.line.color.rgb = RGBColor(0xD1, 0xD5, 0xDB)
        _kotak(s, x + Inches(0.1), Inches(1.55), lebar - Inches(0.2), Inches(0.45), label, ukuran=16, warna=ABU)
        _kotak(s, x + Inches(0.1), Inches(1.95), lebar - Inches(0.2), Inches(0.9), nilai, ukuran=40, tebal=True)
        _kotak(s, x + Inches(0.1), Inches(2.85), lebar - Inches(0.2), Inches(0.45), ket, ukuran=14, warna=ABU)
    poin = [p.teks for p in paket.poin] or [f"Belum ada data capaian kinerja untuk {paket.periode}."]
    _kotak(s, Inches(0.5), Inches(3.6), Inches(12.3), Inches(0.45), "Poin penting", ukuran=20, tebal=True)
    _kotak(s, Inches(0.5), Inches(4.05), Inches(12.3), Inches(3.0), poin, ukuran=16, poin=True)


def _slide_peringkat(prs, paket):
    df = paket.peringkat
    if df.empty:
        s = _slide(prs)
        _judul(s, f"Peringkat OPD menurut capaian kinerja · {paket.periode}", paket)
        _kotak(s, Inches(0.5), Inches(2), Inches(12), Inches(1), "Tidak ada OPD dengan data pada periode ini.",
               ukuran=24)
        return
    n = len(df)
    bagian = [df.iloc[i:i + OPD_PER_SLIDE] for i in range(0, n, OPD_PER_SLIDE)]
    for j, d in enumerate(bagian, start=1):
        s = _slide(prs)
        lanjut = f" ({j}/{len(bagian)})" if len(bagian) > 1 else ""
        _judul(s, f"Peringkat OPD menurut capaian kinerja · {paket.periode}{lanjut}", paket,
               sub=f"{paket.nama_pemda} · capaian (%) rata-rata indikator, dibatasi "
                   f"{fmt.persen(paket.batas_atas, 0)} · di bawah target < {fmt.persen(paket.ambang, 0)}")
        label = [f"{int(r['peringkat']) if pd.notna(r['peringkat']) else '–'}. {_nama(r)} · {_t(r['kategori'] if pd.notna(r['kategori']) else fmt.NA)}"
                 for _, r in d.iterrows()]
        _grafik_batang(s, label, list(d["capaian"]), list(d["kategori"]), paket,
                       Inches(0.4), Inches(1.4), Inches(12.5), Inches(5.25), ukuran=12 if len(d) > 16 else 14)
        _legenda(s, paket, Inches(0.5), Inches(6.65))


def _opd_bawah(paket) -> pd.DataFrame:
    """OPD dengan indikator di bawah target, urut capaian OPD terendah (seperti halaman)."""
    d = paket.di_bawah_target
    if d.empty:
        return d
    return d.drop_duplicates("kode_opd")[["kode_opd", "nama_opd", "singkatan", "capaian_opd", "kategori_opd",
                                          "peringkat", "kendala", "tindak_lanjut"]]


def _slide_di_bawah_target(prs, paket):
    opd = _opd_bawah(paket)
    jumlah = paket.di_bawah_target.groupby("kode_opd").size() if len(opd) else {}
    if opd.empty:
        s = _slide(prs)
        _judul(s, "OPD di bawah target", paket)
        _kotak(s, Inches(0.5), Inches(2), Inches(12), Inches(1),
               f"Tidak ada indikator dengan capaian di bawah {fmt.persen(paket.ambang, 0)} pada {paket.periode}.",
               ukuran=24)
        return
    bagian = [opd.iloc[i:i + BARIS_TABEL] for i in range(0, len(opd), BARIS_TABEL)]
    for j, d in enumerate(bagian, start=1):
        s = _slide(prs)
        lanjut = f" ({j}/{len(bagian)})" if len(bagian) > 1 else ""
        _judul(s, f"OPD dengan indikator di bawah target (< {fmt.persen(paket.ambang, 0)}){lanjut}", paket)
        baris = []
        for _, r in d.iterrows():
            kendala = _t(r["kendala"]).split("\n")[0] if pd.notna(r["kendala"]) else "belum dilaporkan"
            baris.append([str(int(r["peringkat"])) if pd.notna(r["peringkat"]) else "–", _nama(r),
                          fmt.persen(r["capaian_opd"]), _t(r["kategori_opd"]),
                          str(int(jumlah[r["kode_opd"]])), kendala[:110] + ("…" if len(kendala) > 110 else "")])
        _tabel(s, ["Peringkat", "OPD", "Capaian", "Kategori", "Indikator di bawah", "Kendala utama"],
               baris, Inches(0.5), Inches(1.5), Inches(12.3), [1.1, 1.6, 1.3, 1.7, 1.3, 5.3], ukuran=13,
               warna_kolom=3, paket=paket)


def _slide_opd(prs, paket, r, ind: pd.DataFrame):
    for j, d in enumerate([ind.iloc[i:i + INDIKATOR_PER_SLIDE]
                           for i in range(0, len(ind), INDIKATOR_PER_SLIDE)], start=1):
        s = _slide(prs)
        lanjut = f" ({j})" if len(ind) > INDIKATOR_PER_SLIDE else ""
        _judul(s, f"{_t(r['nama_opd'])}{lanjut}", paket,
               sub=f"Capaian OPD {fmt.persen(r['capaian_opd'])} ({_t(r['kategori_opd'])}) · peringkat "
                   f"{int(r['peringkat']) if pd.notna(r['peringkat']) else fmt.NA} · {paket.periode} · "
                   f"indikator di bawah {fmt.persen(paket.ambang, 0)}")
        label = [_t(x)[:70] + ("…" if len(_t(x)) > 70 else "") for x in d["indikator"]]
        if d["capaian"].notna().any():
            _grafik_batang(s, [f"{l} · {_t(k)}" for l, k in zip(label, d["kategori"])], list(d["capaian"]),
                           list(d["kategori"]), paket, Inches(0.4), Inches(1.4), Inches(7.6), Inches(5.5),
                           ukuran=12)
        else:
            _tabel(s, ["Indikator", "Capaian"], [[l, fmt.persen(c)] for l, c in zip(label, d["capaian"])],
                   Inches(0.5), Inches(1.5), Inches(7.4), [5, 1.4], ukuran=13)
        kendala = [x for x in _t(r["kendala"]).split("\n") if x.strip() and x != "-"] if pd.notna(r["kendala"]) else []
        tindak = [x for x in _t(r["tindak_lanjut"]).split("\n") if x.strip()] if pd.notna(r["tindak_lanjut"]) else []
        _kotak(s, Inches(8.2), Inches(1.45), Inches(4.7), Inches(0.4), "Kendala", ukuran=18, tebal=True)
        _kotak(s, Inches(8.2), Inches(1.85), Inches(4.7), Inches(2.4), kendala or ["belum dilaporkan"],
               ukuran=14, poin=True)
        _kotak(s, Inches(8.2), Inches(4.3), Inches(4.7), Inches(0.4), "Tindak lanjut", ukuran=18, tebal=True)
        _kotak(s, Inches(8.2), Inches(4.7), Inches(4.7), Inches(2.3), tindak or ["belum dilaporkan"],
               ukuran=14, poin=True)


def tulis_pptx(paket, path: str | Path, gambar: bool = True) -> list[str]:
    """Tulis dek PPTX; kembalikan catatan tentang isi yang tidak dimuat (bila ada)."""
    catatan: list[str] = []
    prs = Presentation()
    prs.slide_width, prs.slide_height = LEBAR, TINGGI
    prs.core_properties.title = f"Rapat Evaluasi Kinerja OPD {paket.nama_pemda} {paket.periode}"
    _slide_judul(prs, paket)
    _slide_ringkasan(prs, paket, gambar, catatan)
    _slide_peringkat(prs, paket)
    _slide_di_bawah_target(prs, paket)
    opd = _opd_bawah(paket)
    for _, r in opd.iterrows():
        ind = paket.di_bawah_target[paket.di_bawah_target["kode_opd"] == r["kode_opd"]]
        _slide_opd(prs, paket, r, ind)
    buf = io.BytesIO()
    prs.save(buf)
    Path(path).write_bytes(buf.getvalue())
    return catatan
