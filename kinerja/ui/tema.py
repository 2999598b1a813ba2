"""CSS tambahan untuk layar rapat: huruf besar dan kontras. Tidak memuat teks data."""

import streamlit as st

from kinerja.lokasi import batas_unggah_mb

_CSS = """
<style>
[data-testid='stMainBlockContainer'] {padding: 1.2rem 2.5rem 1rem 2.5rem; max-width: 100%;}
h1 {font-size: 2.3rem !important; margin-bottom: 0 !important;}
.kepala-periode {font-size: 1.35rem; color: #111; margin: .1rem 0 .8rem 0;}
.kepala-ket {color: #4B5563; font-size: 1rem; line-height: 1.3;}
[data-testid="stMetricLabel"] p {font-size: 1rem !important; font-weight: 600; color: #222;}
[data-testid="stMetricLabel"] * {white-space: normal !important; overflow: visible !important;
                                  text-overflow: clip !important;}
[data-testid="stMetricDelta"] {font-size: 1.05rem;}
[data-testid="stCaptionContainer"] {font-size: 0.95rem; color: #374151;}
.poin {font-size: 1.15rem; line-height: 1.35;}
.pita-daftar {font-size: 1.05rem; line-height: 1.5; margin: 0 0 .3rem 0;}
.pita-label {display: inline-block; min-width: 9.5em; padding: .05rem .5rem; border-radius: .3rem;
             font-weight: 700; border: 1px solid #111; margin-right: .4rem;}
</style>
"""


# Streamlit 1.67 tidak memberi cara mengganti teks bawaan pengunggah ("Upload", "50MB per file",
# streamlit/streamlit#13500): teks aslinya disembunyikan dan teks Indonesia ditulis lewat ::after.
# Batasnya angka dari konfigurasi yang sama dengan server.maxUploadSize.
_PENGUNGGAH = """
<style>
[data-testid="stFileUploaderDropzone"] button [data-testid="stMarkdownContainer"] p {font-size: 0 !important;}
[data-testid="stFileUploaderDropzone"] button [data-testid="stMarkdownContainer"] p::after {
    content: "Pilih berkas"; font-size: 1rem;}
[data-testid="stFileUploaderDropzoneInstructions"] span {font-size: 0 !important;}
[data-testid="stFileUploaderDropzoneInstructions"] span::after {
    content: "Maks. %d MB per berkas · XLSX atau CSV"; font-size: .95rem;}
</style>
"""


def css_pengunggah() -> str:
    return _PENGUNGGAH % int(batas_unggah_mb())


def pasang() -> None:
    st.markdown(_CSS + css_pengunggah(), unsafe_allow_html=True)
