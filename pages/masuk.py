"""Masuk: akun lokal (nama pengguna dan kata sandi) atau penyedia identitas pemda (SSO)."""

import streamlit as st

from kinerja.akses.peran import NAMA_PERAN, URAIAN_PERAN
from kinerja.ui import sesi
from kinerja.ui.kerangka import pastikan_lewat_app

pastikan_lewat_app()
st.title("Masuk", anchor=False)
p = sesi.kini()
if p is not None and st.session_state.pop(sesi.BARU_MASUK, False):
    st.switch_page("pages/ringkasan.py")  # baru saja masuk di halaman ini: langsung ke dasbor
if p is not None:
    st.success(f"Anda masuk sebagai **{sesi._aman(p.label)}**, peran {NAMA_PERAN[p.peran]}: "
               f"{URAIAN_PERAN[p.peran]}.", icon=":material/check_circle:")
    st.page_link("pages/ringkasan.py", label="Buka Ringkasan", icon=":material/dashboard:")
    st.stop()
if not sesi.tampilan_terbuka():
    st.caption("Dasbor ini hanya dapat dilihat setelah masuk.")
if not sesi.ada_cara_masuk():
    st.warning("Belum ada akun di server ini. Administrator membuat akun pertama dengan "
               "`python -m kinerja pengguna tambah NAMA --peran admin`, atau mengatur administrator awal "
               "(`[admin] sandi_hash`) atau penyedia identitas (`[auth]`) di `.streamlit/secrets.toml`. "
               "Langkahnya ada di README, bagian Akses dan peran.")
    st.stop()
sesi.formulir_masuk()
