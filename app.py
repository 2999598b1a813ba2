"""Dasbor Kinerja OPD: router. Tata halaman, bilah filter bersama, navigasi."""

from pathlib import Path

import streamlit as st

from kinerja.ui import tema
from kinerja.ui.data import pastikan_database
from kinerja.ui.filter import bilah_filter

HALAMAN = Path(__file__).resolve().parent / "pages"

st.set_page_config(page_title="Dasbor Kinerja OPD", page_icon="📊", layout="wide",
                   initial_sidebar_state="expanded")
tema.pasang()
pastikan_database()

halaman = st.navigation([
    st.Page(HALAMAN / "ringkasan.py", title="Ringkasan", icon="📊", url_path="ringkasan", default=True),
])
st.session_state["_filter"] = bilah_filter()
halaman.run()
