"""Memastikan setiap halaman berjalan di dalam app.py (router), bukan sendirian.

Streamlit memperlakukan folder pages/ sebagai halaman lama (MPA v1) sampai
st.navigation dipanggil pertama kali dalam proses itu. Tautan langsung ke
/ringkasan sebagai kunjungan pertama ke server lalu menjalankan berkas halaman
tanpa app.py: tanpa tema, filter dan navigasi. Halaman memanggil
pastikan_lewat_app(); bila app.py belum berjalan, mode lama dimatikan dan skrip
diulang sehingga app.py memilih halaman yang sama dari URL.
"""

import streamlit as st

_PENANDA = "_kerangka_aktif"


def tandai_kerangka() -> None:
    """Dipanggil app.py pada setiap jalannya."""
    st.session_state[_PENANDA] = True


def pastikan_lewat_app() -> None:
    if st.session_state.get(_PENANDA):
        return
    from streamlit.runtime.pages_manager import PagesManager

    PagesManager.uses_pages_directory = False
    st.rerun()
