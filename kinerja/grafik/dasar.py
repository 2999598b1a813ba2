"""Grafik Plotly untuk dasbor: gauge capaian dengan pita skala, gauge serapan
anggaran, sebaran OPD per kategori. Tanpa streamlit; dapat dipakai ekspor."""

from __future__ import annotations

import plotly.graph_objects as go

from kinerja import format as fmt
from kinerja.skala import Pita, rentang_pita

HURUF = "Source Sans, DejaVu Sans, Arial, sans-serif"
TEKS = "#111111"
ABU = "#6B7280"
# Pemisah desimal dan ribuan untuk Plotly: koma desimal, titik ribuan.
PEMISAH = ",."


def _judul(judul: str, keterangan: str) -> dict:
    """Judul di margin atas (bukan judul Indicator, yang menimpa busur pada layar lebar)."""
    return dict(text=f"<b>{judul}</b><br><span style='font-size:15px;color:{ABU}'>{keterangan}</span>",
                x=0.5, xanchor="center", yref="container", y=0.99, yanchor="top",
                pad=dict(t=26), font=dict(size=20))


def _tata(fig: go.Figure, tinggi: int) -> go.Figure:
    fig.update_layout(
        height=tinggi, margin=dict(l=30, r=30, t=110, b=10), separators=PEMISAH,
        font=dict(family=HURUF, color=TEKS, size=16), paper_bgcolor="rgba(0,0,0,0)",
    )
    return fig


def gauge_capaian(nilai: float | None, pita: list[Pita], judul: str, keterangan: str,
                  batas_atas: float = 100.0, tinggi: int = 300) -> go.Figure:
    """Gauge capaian kinerja; latar dibagi menurut pita skala aktif, berlabel."""
    langkah = [dict(range=[dari, sampai], color=p.warna) for p, dari, sampai in rentang_pita(pita, batas_atas)]
    fig = go.Figure(go.Indicator(
        mode="gauge+number",
        value=nilai if nilai is not None else 0,
        number=dict(suffix="%", valueformat=".1f", font=dict(size=42)),
        gauge=dict(
            axis=dict(range=[0, batas_atas], tickvals=[p.batas_bawah for p in pita] + [batas_atas],
                      tickfont=dict(size=13)),
            bar=dict(color="#111111", thickness=0.28),
            steps=langkah,
        ),
    ))
    fig.update_layout(title=_judul(judul, keterangan))
    return _tata(fig, tinggi)


def gauge_serapan(realisasi: float | None, rencana: float | None, judul: str, keterangan: str,
                  tinggi: int = 300) -> go.Figure:
    """Gauge realisasi (persen pagu); garis hitam = rencana kas bila ada."""
    fig = go.Figure(go.Indicator(
        mode="gauge+number",
        value=realisasi if realisasi is not None else 0,
        number=dict(suffix="%", valueformat=".1f", font=dict(size=42)),
        gauge=dict(
            axis=dict(range=[0, 100], tickvals=[0, 25, 50, 75, 100], tickfont=dict(size=13)),
            bar=dict(color="#0072B2", thickness=0.5),
            steps=[dict(range=[0, rencana], color="#D9DEE5")] if rencana else [],
            threshold=dict(line=dict(color="#111111", width=5), thickness=0.95, value=rencana)
            if rencana is not None else None,
        ),
    ))
    fig.update_layout(title=_judul(judul, keterangan))
    return _tata(fig, tinggi)


def sebaran_kategori(label: list[str], jumlah: list[int], warna: list[str], judul: str,
                     tinggi: int = 300) -> go.Figure:
    """Batang mendatar: jumlah OPD per kategori, terbaik di atas, label di batang."""
    teks = [f"{n} OPD" for n in jumlah]
    fig = go.Figure(go.Bar(
        x=jumlah, y=label, orientation="h", marker=dict(color=warna, line=dict(color="#111111", width=1)),
        text=teks, textposition="outside", cliponaxis=False, textfont=dict(size=18, color=TEKS),
        hovertemplate="%{y}: %{x} OPD<extra></extra>",
    ))
    fig.update_yaxes(autorange="reversed", tickfont=dict(size=17, color=TEKS))
    fig.update_xaxes(visible=False, range=[0, max(jumlah + [1]) * 1.25])
    fig.update_layout(title=dict(text=f"<b>{judul}</b>", font=dict(size=20)), showlegend=False,
                      plot_bgcolor="rgba(0,0,0,0)", bargap=0.25)
    return _tata(fig, tinggi)


def keterangan_serapan(rencana: float | None, deviasi: float | None) -> str:
    """Baris kedua judul gauge keuangan: rencana kas dan deviasinya."""
    if rencana is None or rencana != rencana:
        return "rencana kas belum ada"
    return f"rencana {fmt.persen(rencana)} · deviasi {fmt.poin(deviasi)}"
