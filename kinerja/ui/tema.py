"""CSS tambahan untuk layar rapat: huruf besar dan kontras. Tidak memuat teks data."""

import streamlit as st

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


def pasang() -> None:
    st.markdown(_CSS, unsafe_allow_html=True)
