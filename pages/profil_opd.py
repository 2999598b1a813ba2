"""Profil OPD (sedang dibangun)."""

import streamlit as st

from kinerja.ui.kerangka import pastikan_lewat_app

pastikan_lewat_app()
st.title("Profil OPD", anchor=False)
