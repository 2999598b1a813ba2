"""Dasbor Kinerja OPD: router. Tata halaman, bilah filter bersama, navigasi."""

from pathlib import Path

import streamlit as st

from kinerja.ui import tema
from kinerja.ui.kerangka import tandai_kerangka
from kinerja.ui import sesi
from kinerja.ui.data import pantau_perubahan, pastikan_database, selesai_render
from kinerja.ui.filter import bilah_filter

HALAMAN = Path(__file__).resolve().parent / "pages"

st.set_page_config(page_title="Dasbor Kinerja OPD", page_icon="📊", layout="wide",
                   initial_sidebar_state="expanded")
tandai_kerangka()
tema.pasang()
# Satu versi database per jalannya skrip: dicatat dan dipegang pastikan_database, dilepas di
# finally (juga saat halaman berhenti atau dijalankan ulang), agar versi lama dapat ditutup.
try:
    pastikan_database()
    pengguna = sesi.mulai()
    admin = sesi.admin_masuk()
    masuk = st.Page(HALAMAN / "masuk.py", title="Masuk", icon=":material/login:", url_path="masuk",
                    visibility="hidden" if pengguna else "visible")
    if pengguna is None and not sesi.tampilan_terbuka():
        # Dasbor hanya untuk yang sudah masuk: halaman lain tidak terdaftar sama sekali, jadi
        # tautan langsung ke halaman mana pun membuka Masuk.
        st.navigation([st.Page(HALAMAN / "masuk.py", title="Masuk", icon=":material/login:", url_path="masuk",
                               default=True)]).run()
        st.stop()
    # url_path = nama berkas: tautan langsung sebagai kunjungan pertama ke server
    # (saat Streamlit masih memakai mode folder pages/ lama) menemukan halaman yang sama.
    halaman = st.navigation([
        st.Page(HALAMAN / "ringkasan.py", title="Ringkasan", icon=":material/dashboard:", url_path="ringkasan", default=True),
        st.Page(HALAMAN / "mode_rapat.py", title="Mode Rapat", icon=":material/slideshow:", url_path="mode_rapat"),
        st.Page(HALAMAN / "peringkat_opd.py", title="Peringkat OPD", icon=":material/leaderboard:",
                url_path="peringkat_opd"),
        st.Page(HALAMAN / "di_bawah_target.py", title="Di Bawah Target", icon=":material/warning:",
                url_path="di_bawah_target"),
        st.Page(HALAMAN / "tren.py", title="Tren", icon=":material/trending_up:", url_path="tren"),
        st.Page(HALAMAN / "profil_opd.py", title="Profil OPD", icon=":material/apartment:", url_path="profil_opd"),
        st.Page(HALAMAN / "tentang_data.py", title="Tentang Data", icon=":material/info:", url_path="tentang_data"),
        # Hanya administrator: tersembunyi dari navigasi bagi yang lain; halamannya sendiri
        # memeriksa lagi (tautan langsung) dan setiap tindakannya memeriksa di server.
        st.Page(HALAMAN / "kelola_data.py", title="Kelola Data", icon=":material/upload_file:", url_path="kelola_data",
                visibility="visible" if admin else "hidden"),
        st.Page(HALAMAN / "pengguna.py", title="Pengguna & Akses", icon=":material/manage_accounts:",
                url_path="pengguna", visibility="visible" if admin else "hidden"),
        masuk,
    ])
    sesi.kotak_pengguna()
    st.session_state["_filter"] = bilah_filter()
    # Sebelum halaman: halaman yang berhenti (st.stop) tetap memantau impor berikutnya.
    pantau_perubahan()
    halaman.run()
finally:
    selesai_render()
