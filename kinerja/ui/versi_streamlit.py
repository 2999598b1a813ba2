"""Versi Streamlit yang bagian dalamnya diperiksa untuk pembungkus di kinerja.ui
(cache_klien, unggah, unduhan_galat). Satu tempat: saat Streamlit dinaikkan, periksa
ketiga pembungkus itu lalu tambahkan versinya di sini."""

from __future__ import annotations

import streamlit as st

VERSI_DIDUKUNG = ("1.67.",)


def didukung() -> bool:
    return st.__version__.startswith(VERSI_DIDUKUNG)
