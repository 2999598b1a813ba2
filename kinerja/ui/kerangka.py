"""Memastikan setiap halaman berjalan di dalam app.py (router), bukan sendirian.

Streamlit memperlakukan folder pages/ sebagai halaman lama (MPA v1) sampai
st.navigation dipanggil pertama kali dalam proses itu. Tautan langsung ke
/ringkasan sebagai kunjungan pertama ke server lalu menjalankan berkas halaman
tanpa app.py: tanpa tema, filter dan navigasi. Halaman memanggil
pastikan_lewat_app(); bila app.py belum berjalan, mode lama dimatikan dan skrip
diulang sehingga app.py memilih halaman yang sama dari URL.
"""

import streamlit as st

from kinerja import format as fmt

_PENANDA = "_kerangka_aktif"


def tandai_kerangka() -> None:
    """Dipanggil app.py pada setiap jalannya."""
    st.session_state[_PENANDA] = True


def pastikan_lewat_app() -> None:
    """Awal setiap halaman (juga lewat mulai_halaman): lewat router, lalu pasang penerjemah teks
    bawaan Streamlit (kinerja.ui.bahasa), sekali per jalannya halaman."""
    if st.session_state.get(_PENANDA):
        from kinerja.ui import bahasa

        bahasa.pasang()
        return
    from streamlit.runtime.pages_manager import PagesManager

    PagesManager.uses_pages_directory = False
    st.rerun()


def mulai_halaman(judul: str, kepala_halaman: bool = True):
    """Awal setiap halaman: lewat router, ambil filter bersama, tulis kepala.

    Tanpa data kinerja, halaman berhenti dengan petunjuk cara memuat data.
    """
    from kinerja.ui.filter import filter_aktif
    from kinerja.ui.komponen import kepala

    pastikan_lewat_app()
    f = filter_aktif()
    if f is None:
        st.title(judul, anchor=False)
        pemda = st.session_state.get("_pemda_tanpa_data")
        if pemda:
            st.info(f"Belum ada data kinerja atau anggaran untuk {fmt.markdown_aman(pemda)}. Muat ekspor SIPD "
                    "atau templat impor lewat halaman Kelola Data (administrator), atau dengan "
                    "`python -m kinerja impor BERKAS`. Langkahnya ada di README, bagian Memuat data sendiri.")
        else:
            st.info("Database belum berisi pemda. Buat database untuk pemda sendiri dengan "
                    "`python -m kinerja baru --pemda KODE`, atau bangun data demo dengan "
                    "`python -m kinerja demo`.")
        st.stop()
    if kepala_halaman:
        kepala(judul, f)
    return f
