"""Grafik tren untuk halaman Tren dan Profil OPD: capaian per tahun dengan
perubahannya, kurva S serapan anggaran terhadap rencana kas (RAK) dengan deviasi,
dan realisasi fisik; masing-masing dengan tahun lalu sebagai pembanding.

Tanpa streamlit. Warna palet Okabe-Ito (aman buta warna); seri juga dibedakan
dengan gaya garis dan penanda, tidak hanya warna. Semua teks yang tampil di
grafik diformat Indonesia lewat kinerja.format.
"""

from __future__ import annotations

import html
import math
import re
from dataclasses import dataclass, field

import pandas as pd
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from kinerja import format as fmt
from kinerja.grafik.dasar import ABU, HURUF, PEMISAH, TEKS
from kinerja.skala import Pita, rentang_pita

# Okabe-Ito: biru, jingga, hijau, vermilion, biru langit, ungu, hitam.
BIRU, JINGGA, HIJAU, VERMILION, LANGIT, UNGU, HITAM = (
    "#0072B2", "#E69F00", "#009E73", "#D55E00", "#56B4E9", "#CC79A7", "#000000")
WARNA_OPD = [BIRU, JINGGA, HIJAU, VERMILION, LANGIT, UNGU]
GAYA_OPD = ["solid", "dash", "dot", "dashdot", "longdash", "longdashdot"]
PENANDA_OPD = ["circle", "square", "diamond", "triangle-up", "x", "star"]
BULAN_PENDEK = [b[:3] for b in fmt.BULAN]  # Jan, Feb, Mar, Apr, Mei, ..., Agu, ..., Des
MAKS_GARIS_OPD = 6

# Pita peringatan deviasi realisasi terhadap rencana kas (DOMAIN.md: di bawah 2 poin,
# 2-5, 5-10, di atas 10), menurut besarnya deviasi tanpa tanda:
# [0, 2) aman, [2, 5) perlu perhatian, [5, 10] waspada, > 10 kritis.
PITA_DEVIASI = (
    (lambda d: d < 2, "aman", "< 2 poin", HIJAU),
    (lambda d: d < 5, "perlu perhatian", "2–5 poin", JINGGA),
    (lambda d: d <= 10, "waspada", "5–10 poin", VERMILION),
    (lambda d: True, "kritis", "> 10 poin", "#6B0F1A"),
)


@dataclass(frozen=True)
class TingkatDeviasi:
    label: str
    rentang: str
    warna: str


def tingkat_deviasi(deviasi: float | None) -> TingkatDeviasi | None:
    """Pita peringatan untuk deviasi (poin): <2 aman, 2-5 perlu perhatian, 5-10 waspada, >10 kritis."""
    if deviasi is None or pd.isna(deviasi):
        return None
    besar = abs(float(deviasi))
    return next(TingkatDeviasi(label, rentang, warna)
                for masuk, label, rentang, warna in PITA_DEVIASI if masuk(besar))


def keterangan_pita_deviasi() -> str:
    return " · ".join(f"{rentang} {label}" for _, label, rentang, _ in PITA_DEVIASI)


def teks_target(target, target_atas, polaritas: str | None) -> str:
    """Target untuk tabel: rentang '80–90', selain itu satu angka; kosong = n/a."""
    if polaritas == "rentang" and target_atas is not None and not pd.isna(target_atas):
        return f"{fmt.angka_ringkas(target)}–{fmt.angka_ringkas(target_atas)}"
    return fmt.angka_ringkas(target)


def bulan_triwulan(bulan_ada: list[int], triwulan: int) -> int | None:
    """Bulan anggaran untuk triwulan: bulan triwulan*3, atau bulan terakhir yang ada sebelumnya."""
    calon = [int(b) for b in bulan_ada if int(b) <= triwulan * 3]
    return max(calon) if calon else None


def bulan_berealisasi(df: pd.DataFrame) -> list[int]:
    """Bulan yang realisasinya sudah dimuat (LRA); bila belum ada sama sekali, semua bulan
    (rencana kas saja). Bulan RAK tanpa LRA bukan "s.d. bulan itu": realisasinya belum ada."""
    ada = df.loc[df["realisasi_kumulatif"].notna(), "bulan"]
    return [int(b) for b in (ada if len(ada) else df["bulan"])]


def _e(teks) -> str:
    """Teks (mungkin dari impor) untuk label Plotly, yang memahami sebagian HTML: di-escape."""
    return html.escape(str(teks), quote=False)


TINGGI_BARIS_KETERANGAN = 19   # px per baris keterangan 15 px di bawah judul


def bungkus_keterangan(keterangan: str, lebar: int | None) -> list[str]:
    """Keterangan judul dipecah menjadi baris <= `lebar` karakter, hanya di pemisah ' · ' dan
    ', ' (yang tetap di ujung baris); Plotly tidak membungkus teks dan memotongnya di tepi."""
    if not lebar or len(keterangan) <= lebar:
        return [keterangan]
    potongan = re.split(r"(?<= · )|(?<=, )", keterangan)
    baris = [""]
    for p in potongan:
        if baris[-1] and len(baris[-1]) + len(p.rstrip()) > lebar:
            baris.append("")
        baris[-1] += p
    return [b.rstrip() for b in baris]


def _judul_kiri(judul: str, keterangan: str, lebar: int | None = None) -> dict:
    baris = "<br>".join(f"<span style='font-size:15px;color:{ABU}'>{_e(b)}</span>"
                        for b in bungkus_keterangan(keterangan, lebar))
    return dict(text=f"<b>{_e(judul)}</b><br>{baris}",
                x=0, xanchor="left", xref="container", y=1, yref="container", yanchor="top",
                pad=dict(t=18, l=4), font=dict(size=20))


def _tata(fig: go.Figure, tinggi: int, kanan: int = 24) -> go.Figure:
    fig.update_layout(
        height=tinggi, margin=dict(l=10, r=kanan, t=102, b=10), separators=PEMISAH,
        font=dict(family=HURUF, color=TEKS, size=16), paper_bgcolor="rgba(0,0,0,0)",
        plot_bgcolor="rgba(0,0,0,0)", hovermode="x unified",
        legend=dict(orientation="h", x=0, xanchor="left", y=-0.12, yanchor="top", font=dict(size=15)),
    )
    return fig


# ---------------------------------------------------------------------------
# Capaian per tahun


@dataclass
class Garis:
    """Satu seri capaian per tahun.

    peran: 'utama' (garis tebal dengan label nilai dan perubahan), 'opd' (satu OPD
    dari beberapa), 'pembanding' (rata-rata pemda, abu-abu putus-putus).
    """
    nama: str
    tahun: list[int]
    nilai: list[float | None]
    perubahan: list[float | None] = field(default_factory=list)
    peran: str = "utama"
    kunci: str = ""


def _label_tahun(nilai, perubahan) -> str:
    if nilai is None or pd.isna(nilai):
        return ""
    if perubahan is None or pd.isna(perubahan):
        return f"<b>{fmt.persen(nilai)}</b>"
    return f"<b>{fmt.persen(nilai)}</b><br><span style='font-size:14px'>{fmt.poin(perubahan)}</span>"


def tren_tahunan(garis: list[Garis], judul: str, keterangan: str, pita: list[Pita],
                 ambang: float | None = None, batas_atas: float = 100.0, tinggi: int = 430,
                 sempit: bool = False) -> go.Figure:
    """Garis capaian per tahun. Latar diberi pita skala (berlabel di kanan), garis
    target pada ambang, label nilai dan perubahan per tahun pada garis utama.
    sempit: untuk kolom setengah layar (hanya tahun terakhir berlabel)."""
    fig = go.Figure()
    semua_nilai = [v for g in garis for v in g.nilai if v is not None and not pd.isna(v)]
    semua_tahun = sorted({int(t) for g in garis for t in g.tahun})
    i_opd = 0
    for g in garis:
        x = [int(t) for t in g.tahun]
        y = [None if v is None or pd.isna(v) else float(v) for v in g.nilai]
        ubah = list(g.perubahan) + [None] * (len(y) - len(g.perubahan))
        hover = [f"{_e(g.nama)}: {fmt.persen(v)}" + (f" ({fmt.poin(u)})" if u is not None and not pd.isna(u) else "")
                 for v, u in zip(y, ubah)]
        if g.peran == "pembanding":
            gaya = dict(line=dict(color=ABU, width=3, dash="dot"), marker=dict(size=8, symbol="circle-open"),
                        mode="lines+markers")
        elif g.peran == "opd":
            gaya = dict(line=dict(color=WARNA_OPD[i_opd % 6], width=3, dash=GAYA_OPD[i_opd % 6]),
                        marker=dict(size=10, symbol=PENANDA_OPD[i_opd % 6]), mode="lines+markers")
            i_opd += 1
        else:
            gaya = dict(line=dict(color=HITAM, width=5), marker=dict(size=12, color=HITAM),
                        mode="lines+markers+text",
                        # Grafik sempit: hanya tahun terakhir berlabel (label tiap tahun bertumpuk).
                        text=[_label_tahun(v, u) if not sempit or i == len(y) - 1 else ""
                              for i, (v, u) in enumerate(zip(y, ubah))],
                        textposition="top center", textfont=dict(size=16, color=TEKS),
                        cliponaxis=False)
        fig.add_trace(go.Scatter(x=x, y=y, name=_e(g.nama), meta=g.kunci or g.peran, connectgaps=False,
                                 customdata=hover, hovertemplate="%{customdata}<extra></extra>", **gaya))

    kecil, besar = min(semua_nilai, default=50.0), max(semua_nilai, default=batas_atas)
    ruang = max(6.0, (besar - kecil) * 0.3)
    if ambang is not None:  # garis target selalu tampak: jarak ke target terbaca
        kecil, besar = min(kecil, ambang), max(besar, ambang)
    bawah = max(0.0, math.floor((kecil - ruang) / 5) * 5)
    atas = besar + ruang
    for p, dari, sampai in rentang_pita(pita, batas_atas):
        dari_tampil, sampai_tampil = max(dari, bawah), (min(sampai, atas) if sampai < batas_atas else atas)
        if sampai_tampil <= dari_tampil:
            continue
        fig.add_hrect(y0=dari_tampil, y1=sampai_tampil, fillcolor=p.warna, opacity=0.14, line_width=0, layer="below")
        fig.add_annotation(x=1.005, xref="paper", xanchor="left", y=sampai_tampil, yanchor="top",
                           yref="y", text=_e(p.label), showarrow=False, font=dict(size=13, color=ABU))
    if ambang is not None:
        fig.add_hline(y=ambang, line=dict(color=VERMILION, width=2, dash="dash"))
        fig.add_annotation(x=1.005, xref="paper", xanchor="left", y=ambang, yref="y", yanchor="middle",
                           text=f"<b>target {fmt.ambang(ambang)}</b>", showarrow=False,
                           font=dict(size=14, color=VERMILION))
    fig.update_xaxes(tickvals=semua_tahun, ticktext=[str(t) for t in semua_tahun], tickfont=dict(size=16),
                     range=[semua_tahun[0] - 0.4, semua_tahun[-1] + 0.4] if semua_tahun else None,
                     showgrid=False)
    fig.update_yaxes(range=[bawah, atas], ticksuffix="%", tickfont=dict(size=14), gridcolor="#E5E7EB",
                     title=dict(text="capaian (%)", font=dict(size=14)))
    fig.update_layout(title=_judul_kiri(judul, keterangan))
    return _tata(fig, tinggi, kanan=110)


# ---------------------------------------------------------------------------
# Kurva S dan realisasi fisik


def _baris_bulan(df: pd.DataFrame | None, kolom: str) -> tuple[list[int], list[float]]:
    """Bulan yang punya nilai (bulan tanpa data tidak digambar sebagai nol)."""
    if df is None or df.empty:
        return [], []
    ada = df[df[kolom].notna()].sort_values("bulan")
    return [int(b) for b in ada["bulan"]], [float(v) for v in ada[kolom]]


def _garis_bulan(df: pd.DataFrame | None, kolom: str) -> tuple[list[int], list[float | None]]:
    """Seperti _baris_bulan, tetapi bulan yang tidak dimuat di antara dua bulan berdata menjadi
    None: garis Plotly terputus di sana (celah), tidak menyambung seolah ada angkanya."""
    x, y = _baris_bulan(df, kolom)
    if not x:
        return [], []
    nilai = dict(zip(x, y))
    bulan = list(range(x[0], x[-1] + 1))
    return bulan, [nilai.get(b) for b in bulan]


def _sumbu_bulan(fig: go.Figure, ringkas: bool = False, **kw) -> None:
    """Sumbu bulan Jan..Des; ringkas: label hanya Jan dan akhir triwulan (grafik sempit)."""
    teks = [b if not ringkas or i in (1, 3, 6, 9, 12) else "" for i, b in enumerate(BULAN_PENDEK, start=1)]
    fig.update_xaxes(tickvals=list(range(1, 13)), ticktext=teks, range=[0.5, 12.5], tickangle=0,
                     ticks="outside", tickfont=dict(size=14), showgrid=False, **kw)


def kurva_s(kini: pd.DataFrame, lalu: pd.DataFrame | None, tahun: int, bulan_tw: int | None,
            label_tw: str, judul: str, keterangan: str, tinggi: int = 520,
            bulan_ringkas: bool = False, lebar_keterangan: int | None = None) -> go.Figure:
    """Kurva S: rencana kas kumulatif (putus-putus) dan realisasi keuangan kumulatif
    tahun ini (tebal) dan tahun lalu (titik-titik), persen pagu bulan itu; di bawahnya
    batang deviasi (realisasi - rencana, poin) berwarna menurut pita peringatan.
    lebar_keterangan: karakter per baris keterangan judul (kolom sempit), None = satu baris."""
    fig = make_subplots(rows=2, cols=1, shared_xaxes=True, row_heights=[0.72, 0.28], vertical_spacing=0.06)
    bx, by = _garis_bulan(kini, "persen_rencana")
    fig.add_trace(go.Scatter(
        x=bx, y=by, name=f"Rencana kas {tahun}", meta="rencana",
        # Penanda kecil: bulan yang berdiri sendiri di antara celah tetap terlihat.
        mode="lines+markers", line=dict(color=HITAM, width=3, dash="dash"), marker=dict(size=5, color=HITAM),
        customdata=[fmt.persen(v) for v in by], hovertemplate=f"Rencana {tahun}: %{{customdata}}<extra></extra>"),
        row=1, col=1)
    if lalu is not None:
        lx, ly = _garis_bulan(lalu, "persen_realisasi")
        if lx:
            fig.add_trace(go.Scatter(
                x=lx, y=ly, name=f"Realisasi {tahun - 1}", meta="realisasi_lalu", mode="lines",
                line=dict(color=JINGGA, width=3, dash="dot"),
                customdata=[fmt.persen(v) for v in ly],
                hovertemplate=f"Realisasi {tahun - 1}: %{{customdata}}<extra></extra>"), row=1, col=1)
    rx, ry = _garis_bulan(kini, "persen_realisasi")
    teks = [f"<b>{fmt.persen(v)}</b>" if b == bulan_tw else "" for b, v in zip(rx, ry)]
    fig.add_trace(go.Scatter(
        x=rx, y=ry, name=f"Realisasi {tahun}", meta="realisasi", mode="lines+markers+text",
        line=dict(color=BIRU, width=5), marker=dict(size=9, color=BIRU), text=teks,
        textposition="bottom right", textfont=dict(size=17, color=BIRU), cliponaxis=False,
        customdata=[fmt.persen(v) for v in ry], hovertemplate=f"Realisasi {tahun}: %{{customdata}}<extra></extra>"),
        row=1, col=1)
    dx, dy = _baris_bulan(kini, "deviasi")
    tingkat = [tingkat_deviasi(v) for v in dy]
    # Angka hanya untuk bulan terakhir dan deviasi terbesar, berhuruf penuh (constraintext none:
    # Plotly tidak mengecilkannya ke lebar batang): angka terpenting tidak menjadi teks terkecil.
    penting = {len(dy) - 1, max(range(len(dy)), key=lambda i: abs(dy[i]))} if dy else set()
    fig.add_trace(go.Bar(
        x=dx, y=dy, name="Deviasi (poin)", meta="deviasi", showlegend=False,
        marker=dict(color=[t.warna for t in tingkat], line=dict(color=HITAM, width=0.5)),
        text=[angka_ringkas_bertanda(v) if i in penting else "" for i, v in enumerate(dy)],
        textposition="outside", cliponaxis=False, constraintext="none",
        textfont=dict(size=15, color=TEKS),
        customdata=[f"{fmt.poin(v)} ({t.label}, {t.rentang})" for v, t in zip(dy, tingkat)],
        hovertemplate="Deviasi: %{customdata}<extra></extra>"), row=2, col=1)
    _sumbu_bulan(fig, ringkas=bulan_ringkas)
    fig.update_yaxes(range=[0, 105], ticksuffix="%", tickvals=[0, 25, 50, 75, 100], tickfont=dict(size=14),
                     gridcolor="#E5E7EB", title=dict(text="% pagu", font=dict(size=14)), row=1, col=1)
    besar = max([abs(v) for v in dy] + [2.0])
    # Ruang di bawah/atas batang untuk angka deviasi di luar batang (tidak menimpa label bulan).
    fig.update_yaxes(range=[min(dy + [0]) - besar * 0.7, max(dy + [0]) + besar * 0.7], tickfont=dict(size=13),
                     zeroline=True, zerolinecolor=TEKS, zerolinewidth=1.5, gridcolor="#E5E7EB",
                     nticks=3,  # panel pendek: lebih banyak label sumbu saling menimpa
                     title=dict(text="deviasi<br>(poin)", font=dict(size=13)), row=2, col=1)
    if bulan_tw is not None:
        # Hanya di panel kurva: di panel deviasi garis ini menyilang angka deviasi bulan itu.
        fig.add_vline(x=bulan_tw, line=dict(color=ABU, width=2, dash="dot"), row=1, col=1)
        fig.add_annotation(x=bulan_tw, xref="x", y=104, yref="y", yanchor="bottom", text=f"s.d. {_e(label_tw)}",
                           showarrow=False, font=dict(size=13, color=ABU))
    baris = bungkus_keterangan(keterangan, lebar_keterangan)
    fig.update_layout(title=_judul_kiri(judul, keterangan, lebar_keterangan), bargap=0.35)
    # Label realisasi di kanan titik: beri ruang bila titiknya di November/Desember.
    _tata(fig, tinggi, kanan=70 if bulan_tw is not None and bulan_tw >= 11 else 24)
    # Legenda di pojok kiri atas panel kurva, yang selalu kosong (kurva kumulatif mulai dari 0
    # di Januari); di bawah sumbu bulan ia menimpa label bulan begitu hurufnya membesar.
    fig.update_layout(margin_t=fig.layout.margin.t + (len(baris) - 1) * TINGGI_BARIS_KETERANGAN,
                      legend=dict(orientation="v", x=0.01, xanchor="left", y=fig.layout.yaxis.domain[1],
                                  yanchor="top", bgcolor="rgba(255,255,255,0.8)"))
    return fig


def _rentang_bulan(bulan: list[int]) -> str:
    """[1, 2, 3, 5] -> 'Januari–Maret, Mei'."""
    bagian, awal = [], None
    for i, b in enumerate(bulan):
        awal = b if awal is None else awal
        if i + 1 == len(bulan) or bulan[i + 1] != b + 1:
            bagian.append(fmt.bulan(awal) if awal == b else f"{fmt.bulan(awal)}–{fmt.bulan(b)}")
            awal = None
    return ", ".join(bagian)


def sumber_pagu(kini: pd.DataFrame) -> str:
    """Pagu mana yang dipakai persen kurva S, per bulan (kolom opd_pagu_lra, opd_pagu_rak,
    jumlah_opd dari kurva_s_bulanan.sql): 'pagu LRA SIPD (Januari), pagu RAK SIPD
    (Februari–Juli)'. Bulan yang tidak dimuat tidak disebut: kurva tidak mengisinya."""
    kelompok: dict[str, list[int]] = {}
    for r in kini.sort_values("bulan").itertuples():
        if r.opd_pagu_lra == r.jumlah_opd:
            asal = "pagu LRA SIPD"
        elif r.opd_pagu_rak == r.jumlah_opd:
            asal = "pagu RAK SIPD"
        elif r.opd_pagu_lra + r.opd_pagu_rak == 0:
            asal = "pagu templat impor"
        else:
            asal = "pagu campuran LRA/RAK/templat"
        kelompok.setdefault(asal, []).append(int(r.bulan))
    return ", ".join(f"{asal} ({_rentang_bulan(b)})" for asal, b in kelompok.items())


def perubahan_ringkas(tahun: list[int], perubahan: list) -> str:
    """'2022 +3,6 · 2023 ±0,0 · 2024 -1,2' (poin), untuk keterangan di bawah grafik sempit."""
    return " · ".join(f"{int(t)} {fmt.poin(u).removesuffix(' poin')}" for t, u in zip(tahun, perubahan)
                      if u is not None and not pd.isna(u))


def angka_ringkas_bertanda(x) -> str:
    """Deviasi di atas batang: '-9,8', '+1,2', '0'."""
    if x is None or pd.isna(x):
        return ""
    teks = fmt.angka(abs(float(x)), 1)
    if teks == "0,0":
        return "0"
    return ("+" if x > 0 else "-") + teks


def kurva_fisik(kini: pd.DataFrame, lalu: pd.DataFrame | None, tahun: int, bulan_tw: int | None,
                label_tw: str, judul: str, keterangan: str, tinggi: int = 520) -> go.Figure:
    """Realisasi fisik kumulatif per bulan (dibobot pagu), tahun ini dan tahun lalu."""
    fig = go.Figure()
    if lalu is not None:
        lx, ly = _garis_bulan(lalu, "realisasi_fisik")
        if lx:
            fig.add_trace(go.Scatter(
                x=lx, y=ly, name=f"Fisik {tahun - 1}", meta="fisik_lalu", mode="lines",
                line=dict(color=JINGGA, width=3, dash="dot"), customdata=[fmt.persen(v) for v in ly],
                hovertemplate=f"Fisik {tahun - 1}: %{{customdata}}<extra></extra>"))
    fx, fy = _garis_bulan(kini, "realisasi_fisik")
    teks = [f"<b>{fmt.persen(v)}</b>" if b == bulan_tw else "" for b, v in zip(fx, fy)]
    fig.add_trace(go.Scatter(
        x=fx, y=fy, name=f"Fisik {tahun}", meta="fisik", mode="lines+markers+text",
        line=dict(color=HIJAU, width=5), marker=dict(size=9, color=HIJAU, symbol="square"), text=teks,
        textposition="top left", textfont=dict(size=17, color=HIJAU), cliponaxis=False,
        customdata=[fmt.persen(v) for v in fy], hovertemplate=f"Fisik {tahun}: %{{customdata}}<extra></extra>"))
    _sumbu_bulan(fig, ringkas=True)
    fig.update_yaxes(range=[0, 105], ticksuffix="%", tickvals=[0, 25, 50, 75, 100], tickfont=dict(size=14),
                     gridcolor="#E5E7EB", title=dict(text="% fisik", font=dict(size=14)))
    if bulan_tw is not None:
        fig.add_vline(x=bulan_tw, line=dict(color=ABU, width=2, dash="dot"))
        fig.add_annotation(x=bulan_tw, xref="x", y=104, yref="y", yanchor="bottom", text=f"s.d. {_e(label_tw)}",
                           showarrow=False, font=dict(size=13, color=ABU))
    fig.update_layout(title=_judul_kiri(judul, keterangan))
    _tata(fig, tinggi)
    fig.update_layout(legend=dict(y=-0.08))
    return fig
