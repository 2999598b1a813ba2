"""CSS tambahan untuk layar rapat: huruf besar dan kontras. Tidak memuat teks data."""

import json

import streamlit as st

from kinerja.ui.unggah import teks_pengunggah

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
# Teksnya dari kinerja.ui.unggah.teks_pengunggah (batas dari server.maxUploadSize, jenis dari
# AKHIRAN), yang juga dipakai komponen pengunggah di sana. Komponen itu mengganti pula teks
# aslinya (untuk pembaca layar), jadi ::after diberi teks alternatif kosong (/ "") agar pembaca
# layar tidak membacanya dua kali.
# Pesan galat satu berkas (tooltip saat penunjuk di atas chip-nya) tidak dapat diganti di sini:
# tooltip-nya dipasang di <body> dengan data-testid yang sama untuk widget lain, dan pesannya
# berbeda-beda (terlalu besar, gagal dikirim); kinerja.ui.unggah menggantinya. Di sini: satu baris
# tampak tanpa penunjuk (juga di layar sentuh) selama ada berkas yang ditolak klien.
_PENGUNGGAH = """
<style>
[data-testid="stFileUploaderDropzone"] button [data-testid="stMarkdownContainer"] p {font-size: 0 !important;}
[data-testid="stFileUploaderDropzone"] button [data-testid="stMarkdownContainer"] p::after {
    content: %(pilih)s / ""; font-size: 1rem;}
[data-testid="stFileUploaderDropzoneInstructions"] span {font-size: 0 !important;}
[data-testid="stFileUploaderDropzoneInstructions"] span::after {
    content: %(petunjuk)s / ""; font-size: .95rem;}
[data-testid="stFileUploader"]:has([data-testid="stFileChip"][aria-invalid="true"])::after {
    content: %(ditolak)s / ""; display: block; margin-top: .35rem; color: #B42318; font-size: .95rem;}
</style>
"""


def css_pengunggah() -> str:
    teks = teks_pengunggah()
    return _PENGUNGGAH % {k: json.dumps(teks[k], ensure_ascii=False) for k in ("pilih", "petunjuk", "ditolak")}


def pasang() -> None:
    st.markdown(_CSS + css_pengunggah(), unsafe_allow_html=True)
