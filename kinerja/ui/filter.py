"""Bilah filter bersama (sidebar), terikat ke parameter URL agar tautan
mereproduksi tampilan. Nilai tautan yang tidak sah kembali ke bawaan dengan
pemberitahuan singkat, bukan galat."""

from __future__ import annotations

from dataclasses import dataclass

import streamlit as st

from kinerja import format as fmt
from kinerja.ui.data import kueri


@dataclass(frozen=True)
class Filter:
    kode_pemda: str
    nama_pemda: str
    keterangan_pemda: str | None
    tahun: int
    triwulan: int

    @property
    def periode(self) -> str:
        return fmt.periode(self.tahun, self.triwulan)


def _label_tw(tw: int) -> str:
    return f"{fmt.TRIWULAN[tw]} (setahun)" if tw == 4 else fmt.TRIWULAN[tw]


def _dari_url(nama: str, pilihan: list, ubah=str):
    """Nilai parameter URL bila sah; None (dengan catatan) bila tidak."""
    mentah = st.query_params.get(nama)
    if mentah is None:
        return None
    try:
        nilai = ubah(mentah)
    except (TypeError, ValueError):
        nilai = None
    if nilai in pilihan:
        return nilai
    st.session_state.setdefault("_catatan_filter", []).append(
        f"Nilai {nama}='{mentah}' pada tautan tidak dikenal; dipakai nilai bawaan.")
    return None


def _siapkan(kunci: str, pilihan: list, bawaan, url_nama: str, ubah=str) -> None:
    """Isi nilai widget dari URL pada kunjungan pertama; jaga agar tetap sah."""
    if kunci not in st.session_state:
        dari_url = _dari_url(url_nama, pilihan, ubah)
        st.session_state[kunci] = dari_url if dari_url is not None else bawaan
    elif st.session_state[kunci] not in pilihan:
        st.session_state[kunci] = bawaan


def bilah_filter() -> Filter | None:
    """Tampilkan filter di sidebar; None bila database belum berisi data kinerja."""
    st.session_state["_catatan_filter"] = []
    pemda = kueri("pemda")
    periode = kueri("periode_tersedia")
    if pemda.empty or periode.empty:
        return None
    sb = st.sidebar
    sb.header("Filter")

    kode_pemda = list(pemda["kode_pemda"])
    _siapkan("f_pemda", kode_pemda, kode_pemda[0], "pemda")
    if len(kode_pemda) > 1:
        nama = dict(zip(pemda["kode_pemda"], pemda["nama_pemda"]))
        sb.selectbox("Pemda", kode_pemda, key="f_pemda", format_func=nama.get, placeholder="Pilih pemda")
    kp = st.session_state["f_pemda"]
    baris_pemda = pemda[pemda["kode_pemda"] == kp].iloc[0]

    per = periode[periode["kode_pemda"] == kp]
    tahun = sorted(per["tahun"].astype(int).unique(), reverse=True)
    _siapkan("f_tahun", tahun, tahun[0], "tahun", int)
    sb.selectbox("Tahun", tahun, key="f_tahun", placeholder="Pilih tahun")
    th = int(st.session_state["f_tahun"])

    triwulan = sorted(per.loc[per["tahun"] == th, "triwulan"].astype(int).unique())
    _siapkan("f_triwulan", triwulan, triwulan[-1], "triwulan", int)
    sb.selectbox("Triwulan", triwulan, key="f_triwulan", format_func=_label_tw, placeholder="Pilih triwulan",
                 help="Data kumulatif s.d. triwulan; TW IV berarti setahun penuh.")
    tw = int(st.session_state["f_triwulan"])

    # Tulis kembali ke URL agar tautan yang disalin mereproduksi tampilan.
    url = {"tahun": str(th), "triwulan": str(tw)}
    if len(kode_pemda) > 1:
        url["pemda"] = kp
    for k, v in url.items():
        if st.query_params.get(k) != v:
            st.query_params[k] = v

    for catatan in st.session_state["_catatan_filter"]:
        st.toast(catatan, icon="⚠️")
    return Filter(kp, baris_pemda["nama_pemda"], baris_pemda["keterangan"], th, tw)


def filter_aktif() -> Filter | None:
    return st.session_state.get("_filter")
