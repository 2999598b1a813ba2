"""Grafik peringkat OPD: batang mendatar, terbaik di atas, semua OPD terbaca.

Warna batang menurut pita skala aktif, dan label pita juga tertulis di batang
(warna bukan satu-satunya penanda). Garis tegak = ambang target. Kolom kanan
menunjukkan perubahan peringkat terhadap periode yang sama tahun lalu.
Tanpa streamlit; dapat dipakai ekspor.
"""

from __future__ import annotations

import html
import math

import pandas as pd
import plotly.graph_objects as go

from kinerja import format as fmt
from kinerja.grafik.dasar import ABU, HURUF, PEMISAH, TEKS
from kinerja.skala import Pita

PIKSEL_PER_OPD = 30
_ATAS = 160     # judul (2 baris), legenda, label target dan angka sumbu
_JUDUL = 56     # bagian _ATAS untuk judul dua baris (halaman yang sudah berjudul tidak memakainya)
_BAWAH = 60     # label target bawah
NAIK_WARNA = "#1A6E2E"
TURUN_WARNA = "#B3261E"
_TANPA_NILAI = "#BFC5CC"
LEBAR_TEKS = 34   # karakter label yang muat di batang selebar sumbu penuh (huruf 15-18 px)


def _kosong(x) -> bool:
    return x is None or (isinstance(x, float) and math.isnan(x)) or x is pd.NA


def teks_perubahan(peringkat, peringkat_lalu) -> str:
    """'▲ 3' naik, '▼ 2' turun, '=' tetap, 'baru' bila tahun lalu tanpa peringkat,
    'n/a' bila sekarang tanpa peringkat."""
    if _kosong(peringkat):
        return fmt.NA
    if _kosong(peringkat_lalu):
        return "baru"
    naik = int(peringkat_lalu) - int(peringkat)
    if naik > 0:
        return f"▲ {naik}"
    if naik < 0:
        return f"▼ {-naik}"
    return "="


def kalimat_perubahan(teks: str) -> str:
    """Untuk keterangan arahkan-kursor: '▲ 3' -> 'naik 3 peringkat'."""
    if teks.startswith("▲"):
        return f"naik {teks[2:]} peringkat"
    if teks.startswith("▼"):
        return f"turun {teks[2:]} peringkat"
    return {"=": "peringkat tetap", "baru": "belum berperingkat tahun lalu"}.get(teks, "tidak dinilai")


def _atas(berjudul: bool) -> int:
    return _ATAS if berjudul else _ATAS - _JUDUL


def tinggi_grafik(jumlah: int, berjudul: bool = True) -> int:
    """Tinggi tumbuh dengan jumlah OPD agar setiap nama tetap terbaca."""
    return _atas(berjudul) + _BAWAH + max(jumlah, 3) * PIKSEL_PER_OPD


def batang_peringkat(df: pd.DataFrame, pita: list[Pita], judul: str, keterangan: str,
                     ambang: float, batas_atas: float = 100.0, satuan: str = "%",
                     judul_sumbu: str = "", judul_perubahan: str | None = None) -> go.Figure:
    """Batang peringkat OPD.

    df (urut peringkat, terbaik dahulu) berkolom: kode_opd, nama_opd, singkatan,
    skor (NULL = tidak dinilai), kategori_skor (label pita), peringkat, dan
    opsional: perubahan (teks '▲ 3'...), hover (teks keterangan per OPD),
    jumlah_sama_peringkat (peringkat dibagi -> 'bersama 15 OPD lain' di batang),
    teks_tambahan (ditulis di batang) dan label_sumbu (pengganti label baris).
    """
    n = len(df)
    posisi = list(range(n))
    # Nama hasil impor: Plotly membaca teks sumbu sebagai HTML terbatas, jadi di-escape.
    nama = [html.escape(s if isinstance(s, str) and s else str(o)) for s, o in zip(df["singkatan"], df["nama_opd"])]
    label_sumbu = [f"{int(p)}. {s}" if not _kosong(p) else f"–  {s}" for p, s in zip(df["peringkat"], nama)]
    # Baris pengganti satu kelompok seri ("16 OPD di peringkat 1") membawa labelnya sendiri.
    ganti = list(df["label_sumbu"]) if "label_sumbu" in df else [None] * n
    label_sumbu = [html.escape(g) if isinstance(g, str) and g else lama for g, lama in zip(ganti, label_sumbu)]
    # Peringkat yang dibagi selalu disebut di batangnya, tidak hanya di tabel.
    sama = list(df["jumlah_sama_peringkat"]) if "jumlah_sama_peringkat" in df else [None] * n
    bersama = ["" if isinstance(g, str) else fmt.teks_bersama(k) for k, g in zip(sama, ganti)]
    tambahan = list(df["teks_tambahan"]) if "teks_tambahan" in df else [""] * n

    def _nilai(x) -> str:
        return fmt.persen(x) if satuan == "%" else fmt.angka(x, 1)

    fig = go.Figure()
    rentang_teks: dict[int, tuple[float, float]] = {}   # baris -> (x awal, x akhir) label di luar batang
    warna_pita = {p.label: p for p in pita}
    urutan_pita = [p.label for p in sorted(pita, key=lambda p: p.urutan)]
    kelompok = list(urutan_pita) + [None]
    for label in kelompok:
        if label is None:
            pilih = [i for i in posisi if _kosong(df["skor"].iloc[i])
                     or df["kategori_skor"].iloc[i] not in warna_pita]
        else:
            pilih = [i for i in posisi if not _kosong(df["skor"].iloc[i])
                     and df["kategori_skor"].iloc[i] == label]
        if not pilih:
            continue
        p = warna_pita.get(label)
        nilai = [None if _kosong(df["skor"].iloc[i]) else min(float(df["skor"].iloc[i]), batas_atas)
                 for i in pilih]
        if label is None:
            teks = [fmt.NA + " · tidak dapat dinilai" if v is None else _nilai(v) for v in nilai]
            nilai = [0 if v is None else v for v in nilai]
            posisi_teks = ["outside"] * len(pilih)
        else:
            teks = [" · ".join(t for t in (_nilai(v), label, tambahan[i] or "", bersama[i]) if t)
                    for v, i in zip(nilai, pilih)]
            # Batang pendek: teks di luar batang agar tidak mengecil.
            # Batang yang tidak memuat teksnya: teks di luar agar tidak mengecil (yang terburuk,
            # batang terpendek, justru paling penting dibaca). Muat ~ LEBAR_TEKS karakter penuh.
            posisi_teks = ["inside" if v / batas_atas >= min(len(t) / LEBAR_TEKS, 0.85) else "outside"
                           for v, t in zip(nilai, teks)]
        # Label di luar batang: dari ujung batang sepanjang ~ karakternya (perkiraan lebar sumbu
        # sempit Mode Rapat; di grafik lebar labelnya lebih pendek dari perkiraan ini).
        for i, v, t, pos in zip(pilih, nilai, teks, posisi_teks):
            if pos == "outside":
                rentang_teks[i] = (v, v + len(t) / LEBAR_TEKS * batas_atas)
        hover = list(df["hover"].iloc[pilih]) if "hover" in df else [nama[i] for i in pilih]
        fig.add_trace(go.Bar(
            x=nilai, y=pilih, orientation="h", name=label or fmt.NA,
            marker=dict(color=p.warna if p else _TANPA_NILAI, line=dict(color=TEKS, width=0.8)),
            text=teks, textposition=posisi_teks, insidetextanchor="start", cliponaxis=False,
            insidetextfont=dict(size=15, color=p.warna_teks if p else TEKS),
            outsidetextfont=dict(size=15, color=TEKS),
            customdata=[[df["kode_opd"].iloc[i]] for i in pilih],
            hovertext=hover, hovertemplate="%{hovertext}<extra></extra>",
            showlegend=label is not None,
        ))

    # judul kosong: halaman sudah menulis judul dan keterangannya; batang mulai lebih tinggi.
    berjudul = bool(judul)
    tinggi = tinggi_grafik(n, berjudul)
    tinggi_plot = tinggi - _atas(berjudul) - _BAWAH
    satuan_ambang = "%" if satuan == "%" else ""
    teks_ambang = f"<b>Target {fmt.angka_ringkas(ambang)}{satuan_ambang}</b>"
    # Garis target di atas batang, terputus di baris yang labelnya melintasi target (mis. label
    # "42,0% · Sangat Rendah" di luar batang terpendek): angka terpenting tidak dicoret garis.
    gx, gy, awal = [], [], None
    for i in range(n + 1):
        a, b = rentang_teks.get(i, (0.0, 0.0))
        bebas = i < n and not (a - 1 <= ambang <= b + 1)
        if bebas and awal is None:
            awal = i
        elif not bebas and awal is not None:
            gx += [ambang, ambang, None]
            gy += [awal - 0.5, i - 0.5, None]
            awal = None
    fig.add_trace(go.Scatter(x=gx, y=gy, mode="lines", meta="target", line=dict(color=TEKS, width=2.5, dash="dash"),
                             hoverinfo="skip", showlegend=False, cliponaxis=False))
    # Semua anotasi sekali pasang (bukan add_annotation per OPD: Plotly memeriksa ulang semua
    # anotasi sebelumnya pada setiap panggilan). Label target di kiri garis, atas dan bawah.
    anotasi = [dict(x=ambang, xref="x", xanchor="right", xshift=4, y=y, yref="paper", yanchor=jangkar,
                    yshift=geser, text=teks_ambang, showarrow=False, font=dict(size=15, color=TEKS),
                    bgcolor="rgba(255,255,255,0.9)")
               for y, jangkar, geser in ((1, "bottom", 30), (0, "top", -4))]
    if "perubahan" in df and judul_perubahan:
        anotasi.append(dict(x=1, xref="paper", xanchor="left", xshift=10, y=1, yref="paper",
                            yanchor="bottom", yshift=30, text=f"<b>{judul_perubahan}</b>", showarrow=False,
                            align="left", font=dict(size=13, color=ABU)))
        for i, t in enumerate(df["perubahan"]):
            warna = NAIK_WARNA if t.startswith("▲") else TURUN_WARNA if t.startswith("▼") else ABU
            anotasi.append(dict(x=1, xref="paper", xanchor="left", xshift=14, y=i, yref="y",
                                text=f"<b>{t}</b>" if t[:1] in "▲▼" else t, showarrow=False,
                                font=dict(size=15, color=warna)))
    fig.update_layout(annotations=anotasi)

    fig.update_yaxes(tickvals=posisi, ticktext=label_sumbu,
                     tickfont=dict(size=15, color=TEKS), range=[n - 0.5, -0.5], fixedrange=True,
                     automargin=True)
    fig.update_xaxes(range=[0, batas_atas], side="top", tickvals=[0, 20, 40, 60, 80, 100]
                     if batas_atas == 100 else None, ticksuffix=satuan, tickfont=dict(size=14, color=ABU),
                     gridcolor="#E5E7EB", zeroline=True, zerolinecolor=TEKS, fixedrange=True,
                     title=dict(text=judul_sumbu, font=dict(size=14, color=ABU), standoff=6))
    fig.update_layout(
        height=tinggi, separators=PEMISAH, bargap=0.14, barmode="overlay",
        font=dict(family=HURUF, color=TEKS, size=15),
        paper_bgcolor="rgba(0,0,0,0)", plot_bgcolor="rgba(0,0,0,0)",
        margin=dict(l=10, r=110 if judul_perubahan else 30, t=_atas(berjudul), b=_BAWAH),
        title=dict(text=f"<b>{judul}</b><br><span style='font-size:15px;color:{ABU}'>{keterangan}</span>"
                   if berjudul else "",
                   x=0, xanchor="left", xref="container", y=1, yanchor="top", yref="container",
                   pad=dict(t=14, l=4), font=dict(size=20)),
        legend=dict(orientation="h", x=0, xanchor="left", y=1 + 58 / max(tinggi_plot, 1), yanchor="bottom",
                    font=dict(size=14), traceorder="normal",
                    itemclick=False, itemdoubleclick=False),
        hoverlabel=dict(font=dict(size=15, family=HURUF, color=TEKS), bgcolor="#FFFFFF", bordercolor=TEKS,
                        align="left"),
        clickmode="event+select",
    )
    return fig
