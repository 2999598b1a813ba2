"""Bilah filter bersama (sidebar), terikat ke parameter URL agar tautan
mereproduksi tampilan. Nilai tautan yang tidak sah kembali ke bawaan dengan
pemberitahuan singkat, bukan galat."""

from __future__ import annotations

from dataclasses import dataclass, field

import streamlit as st

from kinerja import format as fmt
from kinerja.ui import url
from kinerja.ui.data import kueri

SEMUA = "(semua)"
# Parameter URL yang ditulis bilah_filter (selain opd, yang boleh berulang); dibawa tautan_filter.
KUNCI_URL = ("tahun", "triwulan", "pemda", "kelompok", "bidang")


@dataclass(frozen=True)
class Filter:
    kode_pemda: str
    nama_pemda: str
    keterangan_pemda: str | None
    tahun: int
    triwulan: int
    kelompok: str | None = None
    kode_urusan: str | None = None
    nama_urusan: str | None = None
    opd: tuple[str, ...] = ()
    nama_opd: dict = field(default_factory=dict, compare=False, hash=False)

    @property
    def periode(self) -> str:
        return fmt.periode(self.tahun, self.triwulan)

    @property
    def cakupan(self) -> str:
        """Ringkas untuk judul: apa yang sedang ditampilkan."""
        bagian = []
        if self.kode_urusan:
            bagian.append(f"Bidang {self.kode_urusan} {self.nama_urusan or ''}".strip())
        elif self.kelompok:
            bagian.append(f"Urusan {self.kelompok}")
        if self.opd:
            nama = [self.nama_opd.get(k, k) for k in self.opd]
            bagian.append(", ".join(nama) if len(nama) <= 3 else f"{len(nama)} OPD dipilih")
        return " · ".join(bagian) or "Semua OPD"

    def sql(self, **lain) -> dict:
        """Parameter terikat untuk kueri yang memakai makro cocok_filter."""
        return {"kode_pemda": self.kode_pemda, "tahun": self.tahun, "triwulan": self.triwulan,
                "kelompok": self.kelompok, "kode_urusan": self.kode_urusan, "opd": list(self.opd), **lain}


def _label_tw(tw: int) -> str:
    return f"{fmt.TRIWULAN[tw]} (setahun)" if tw == 4 else fmt.TRIWULAN[tw]


def _catat(nama: str, mentah: str) -> None:
    # Ditampilkan sebagai toast di akhir bilah filter (pesan sudah di-escape untuk markdown).
    st.session_state.setdefault("_catatan_filter", []).append(
        url.pesan_tidak_dikenal(nama, mentah, "nilai bawaan", batas=60))


def _siapkan(kunci: str, pilihan: list, bawaan, url_nama: str, ubah=str) -> None:
    """Isi nilai widget dari URL pada kunjungan pertama; jaga agar tetap sah."""
    url.siapkan(kunci, url_nama, bawaan, pilihan=pilihan, ubah=ubah,
                catat=lambda mentah, _: _catat(url_nama, mentah))


def bilah_filter() -> Filter | None:
    """Tampilkan filter di sidebar; None bila database belum berisi data kinerja."""
    st.session_state["_catatan_filter"] = []
    st.session_state["_pemda_tanpa_data"] = None
    pemda = kueri("pemda")
    periode = kueri("periode_tersedia")
    if pemda.empty:
        return None
    sb = st.sidebar
    kode_pemda = list(pemda["kode_pemda"])
    berdata = set(periode["kode_pemda"])
    if berdata or len(kode_pemda) > 1:  # database yang baru dibuat: belum ada yang disaring
        sb.header("Filter")

    _siapkan("f_pemda", kode_pemda, next((k for k in kode_pemda if k in berdata), kode_pemda[0]), "pemda")
    if len(kode_pemda) > 1:
        nama = dict(zip(pemda["kode_pemda"], pemda["nama_pemda"]))
        sb.selectbox("Pemda", kode_pemda, key="f_pemda", format_func=nama.get, placeholder="Pilih pemda")
    kp = st.session_state["f_pemda"]
    baris_pemda = pemda[pemda["kode_pemda"] == kp].iloc[0]

    per = periode[periode["kode_pemda"] == kp]
    if per.empty:  # mis. database baru dibuat (python -m kinerja baru): belum ada yang dimuat
        st.session_state["_pemda_tanpa_data"] = f"{baris_pemda['nama_pemda']} ({kp})"
        return None
    tahun = sorted(per["tahun"].astype(int).unique(), reverse=True)
    _siapkan("f_tahun", tahun, tahun[0], "tahun", int)
    kiri, kanan = sb.columns(2)
    kiri.selectbox("Tahun", tahun, key="f_tahun", placeholder="Pilih tahun")
    th = int(st.session_state["f_tahun"])

    triwulan = sorted(per.loc[per["tahun"] == th, "triwulan"].astype(int).unique())
    _siapkan("f_triwulan", triwulan, triwulan[-1], "triwulan", int)
    kanan.selectbox("Triwulan", triwulan, key="f_triwulan", format_func=_label_tw, placeholder="Pilih triwulan",
                    help="Data kumulatif s.d. triwulan; TW IV berarti setahun penuh.")
    tw = int(st.session_state["f_triwulan"])

    # Sektor: kelompok urusan, lalu bidang di dalam kelompok itu.
    sektor = kueri("filter_sektor", kode_pemda=kp)
    kelompok = [SEMUA] + list(dict.fromkeys(sektor["kelompok"]))
    _siapkan("f_kelompok", kelompok, SEMUA, "kelompok")
    sb.selectbox("Kelompok urusan", kelompok, key="f_kelompok")
    kel = None if st.session_state["f_kelompok"] == SEMUA else st.session_state["f_kelompok"]

    dalam = sektor if kel is None else sektor[sektor["kelompok"] == kel]
    nama_bidang = dict(zip(dalam["kode_urusan"], dalam["nama_urusan"]))
    bidang = [SEMUA] + list(nama_bidang)
    _siapkan("f_bidang", bidang, SEMUA, "bidang")
    sb.selectbox("Bidang urusan", bidang, key="f_bidang",
                 format_func=lambda k: k if k == SEMUA else f"{k} {nama_bidang[k]}")
    bid = None if st.session_state["f_bidang"] == SEMUA else st.session_state["f_bidang"]

    daftar_opd = kueri("filter_opd", kode_pemda=kp, kelompok=kel, kode_urusan=bid)
    nama_opd = dict(zip(daftar_opd["kode_opd"], daftar_opd["singkatan"].fillna(daftar_opd["nama_opd"])))
    nama_lengkap = dict(zip(daftar_opd["kode_opd"], daftar_opd["nama_opd"]))
    url.siapkan_banyak("f_opd", "opd", list(nama_opd), catat=lambda mentah: _catat("opd", mentah))
    sb.multiselect("OPD", list(nama_opd), key="f_opd", placeholder="Semua OPD (ketik untuk mencari)",
                   format_func=lambda k: f"{nama_opd[k]} · {nama_lengkap[k]}"
                   if nama_opd[k] != nama_lengkap[k] else nama_lengkap[k])
    opd = tuple(st.session_state["f_opd"])

    # Tulis kembali ke URL agar tautan yang disalin mereproduksi tampilan.
    url.tulis({"tahun": str(th), "triwulan": str(tw), "pemda": kp if len(kode_pemda) > 1 else None,
               "kelompok": kel or None, "bidang": bid or None, "opd": list(opd)})

    for catatan in st.session_state["_catatan_filter"]:
        url.toast(catatan)
    return Filter(kp, baris_pemda["nama_pemda"], baris_pemda["keterangan"], th, tw,
                  kel, bid, nama_bidang.get(bid) if bid else None, opd, nama_opd)


def tautan_filter() -> dict[str, str | list[str]]:
    """Parameter URL filter yang sedang berlaku, untuk dibawa saat pindah halaman."""
    return url.salin(KUNCI_URL, banyak=("opd",))


def filter_aktif() -> Filter | None:
    return st.session_state.get("_filter")
