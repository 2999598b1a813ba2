"""Komponen tampilan bersama: kepala halaman, kartu KPI, keterangan kesegaran data."""

from __future__ import annotations

from datetime import datetime

import pandas as pd
import streamlit as st

from kinerja import format as fmt
from kinerja.ui.data import kueri
from kinerja.ui.filter import Filter


def kepala(judul: str, f: Filter) -> None:
    """Judul halaman, periode dan pemda: apa, kapan, data siapa."""
    st.title(judul, anchor=False)
    # Nama pemda dan keterangan berasal dari impor: selalu di-escape.
    ket = f"<div class='kepala-ket'>{fmt.html_aman(f.keterangan_pemda)}</div>" if f.keterangan_pemda else ""
    st.markdown(
        f"<div class='kepala-periode'><b>{fmt.html_aman(f.periode)}</b> · "
        f"{fmt.html_aman(f.nama_pemda)} · <b>{fmt.html_aman(f.cakupan)}</b>{ket}</div>",
        unsafe_allow_html=True,
    )


def data_per() -> str:
    """'Data per 23 November 2026 11.30 WIB' dari impor terakhir yang berhasil."""
    df = kueri("data_per")
    waktu = df["waktu"].iloc[0] if not df.empty else None
    if waktu is None or pd.isna(waktu):
        return "Data per: belum ada impor"
    if isinstance(waktu, pd.Timestamp):
        waktu = waktu.to_pydatetime()
    return f"Data per {fmt.waktu(waktu if isinstance(waktu, datetime) else datetime.fromisoformat(str(waktu)))}"


def kaki(sumber: str) -> None:
    st.caption(f"{data_per()} · Sumber: {sumber}")


def kartu(kolom, label: str, nilai: str, delta: str | None = None, arah_baik: str = "naik",
          riwayat: list[float] | None = None, bantuan: str | None = None) -> None:
    """Kartu KPI: nilai besar, perubahan terhadap tahun lalu, garis kecil tren."""
    warna = "normal" if arah_baik == "naik" else "inverse"
    tetap = delta is not None and delta.lstrip("+-±").split(" ")[0] in ("0", "0,0")
    if tetap:
        delta = "tidak berubah"
    kolom.metric(label, nilai, delta=delta, delta_color="off" if tetap or not delta else warna,
                 delta_arrow="off" if tetap else "auto", border=True,
                 chart_data=[x for x in (riwayat or []) if x is not None and not pd.isna(x)] or None,
                 chart_type="line", help=bantuan)


def daftar_poin(poin: list, judul: str = "Poin-poin penting") -> None:
    """Poin penting bernomor, masing-masing dengan tautan ke halaman tempat angkanya."""
    with st.container(border=True):
        st.markdown(f"**{judul}**")
        for i, p in enumerate(poin, start=1):
            kiri, kanan = st.columns([4, 1], vertical_alignment="center")
            kiri.markdown(f"<div class='poin'>{i}.&nbsp;{fmt.html_aman(p.teks)}</div>", unsafe_allow_html=True)
            kanan.page_link(p.halaman, label=p.label_halaman, icon=":material/arrow_forward:")
