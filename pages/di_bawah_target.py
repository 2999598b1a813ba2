"""Di Bawah Target (sedang dibangun)."""

import streamlit as st

from kinerja.ui.kerangka import pastikan_lewat_app

pastikan_lewat_app()
st.title("Di Bawah Target", anchor=False)
