"""CSS Mode Rapat: tata letak layar proyektor (tanpa sidebar dan header Streamlit,
huruf besar yang ikut lebar layar) dan dua tema: terang kontras tinggi dan gelap.
CSS statis saja; tidak ada teks data di dalamnya."""

import streamlit as st

from kinerja.rapat.slide import SKALA_LAYAR

_DASAR = """
[data-testid="stSidebar"], [data-testid="stSidebarCollapsedControl"], [data-testid="stHeader"],
[data-testid="stSidebarNav"], [data-testid="stToolbar"], [data-testid="stDecoration"] {display: none !important;}
[data-testid="stMain"] {margin-left: 0 !important; padding-top: 0 !important;}
[data-testid="stAppViewContainer"] > section, [data-testid="stMain"] > div {padding-top: 0 !important;}
[data-testid='stMainBlockContainer'] {padding: .6rem 1.6rem .4rem 1.6rem !important; max-width: 100% !important;}
[data-testid='stAppViewContainer'] {background: var(--rp-bg);}
.stApp {background: var(--rp-bg); color: var(--rp-fg);}
.stApp p, .stApp li, .stApp label, .stApp h1, .stApp h2, .stApp h3 {color: var(--rp-fg);}
[data-testid="stVerticalBlock"] {gap: .55rem;}
.rapat-kepala {display: flex; align-items: flex-end; justify-content: space-between; gap: 1rem;
               border-bottom: 3px solid var(--rp-fg); padding-bottom: .3rem; margin-bottom: .45rem;}
.rapat-kepala .kiri {min-width: 0; flex: 1 1 auto;}
.rapat-pemda {font-size: 15px; color: var(--rp-muted); line-height: 1.2;
              white-space: nowrap; overflow: hidden; text-overflow: ellipsis;}
.rapat-pemda b {color: var(--rp-fg);}
.rapat-judul {font-size: 30px; font-weight: 800; line-height: 1.1; color: var(--rp-fg);
              white-space: nowrap; overflow: hidden; text-overflow: ellipsis;}
.rapat-nomor {font-size: 24px; font-weight: 700; color: var(--rp-fg); white-space: nowrap;}
.rapat-nomor span {font-size: .6em; font-weight: 400; color: var(--rp-muted); display: block; text-align: right;}
.rapat-kecil {font-size: 14px; color: var(--rp-muted); line-height: 1.3;}
.rapat-kartu {border: 2px solid var(--rp-border); border-radius: .6rem; padding: .5rem 1rem .6rem 1rem;
              background: var(--rp-kartu); margin: .25rem 0 .4rem 0;}
.rapat-label {font-size: 18px; font-weight: 600; color: var(--rp-fg); line-height: 1.2;}
.rapat-angka {font-size: 50px; font-weight: 800; line-height: 1.05; color: var(--rp-fg);
              font-variant-numeric: tabular-nums; white-space: nowrap;}
.rapat-sub {font-size: 15px; color: var(--rp-muted); line-height: 1.3;}
.rapat-pita {display: inline-block; padding: .05em .5em; border-radius: .3em; font-weight: 700;
             border: 2px solid var(--rp-fg); font-size: 16px; white-space: nowrap;}
.rapat-poin {margin: .2rem 0 0 0; padding-left: 1.6em;}
.rapat-poin li {font-size: 19px; line-height: 1.3; margin-bottom: .35em; color: var(--rp-fg);}
.rapat-judul-bagian {font-size: 18px; font-weight: 700; color: var(--rp-fg); margin: .1rem 0 .2rem 0;}
.rapat-tabel {width: 100%; border-collapse: collapse; table-layout: fixed; font-size: 16px;}
.rapat-tabel .rapat-pita {font-size: .88em;}
.rapat-tabel th {text-align: left; font-size: .9em; color: var(--rp-muted); font-weight: 600;
                 border-bottom: 2px solid var(--rp-fg); padding: .15em .4em;}
.rapat-tabel td {font-size: 1em; color: var(--rp-fg); padding: .14em .4em;
                 border-bottom: 1px solid var(--rp-border); white-space: nowrap; overflow: hidden;
                 text-overflow: ellipsis; vertical-align: middle;}
.rapat-tabel td.angka, .rapat-tabel th.angka {text-align: right; font-variant-numeric: tabular-nums;}
.rapat-tabel td.teks {white-space: normal; line-height: 1.2;}
.rapat-tabel .rapat-batas {display: block; font-size: 15px; color: var(--rp-muted); font-weight: 600;}
/* Daftar pendek (slide.kerapatan = 'lega'): huruf besar, kolom tetap lebih sempit (em). */
.rapat-tabel.lega {font-size: 21px;}
.rapat-tabel.lega td {padding: .26em .4em;}
.rapat-tabel.lega .rapat-batas {font-size: 16px;}
.rapat-poin.lega li {font-size: 24px; line-height: 1.35; margin-bottom: .6em;}
.rapat-kartu.besar {padding: .7rem 1.2rem .8rem 1.2rem;}
.rapat-kartu.besar .rapat-label {font-size: 21px;}
.rapat-kartu.besar .rapat-angka {font-size: 64px;}
.rapat-kartu.besar .rapat-sub {font-size: 17px;}
.rapat-batang {height: .75em; border: 1px solid var(--rp-fg); background: var(--rp-kartu); position: relative;}
.rapat-batang > div {height: 100%;}
.rapat-catatan {font-size: 16px; line-height: 1.3; color: var(--rp-fg); margin: 0; padding-left: 1.3em;}
.rapat-catatan li {margin-bottom: .25em;}
.rapat-catatan li span {color: var(--rp-muted);}
.rapat-kosong {font-size: 18px; color: var(--rp-fg); border: 2px dashed var(--rp-border);
               border-radius: .5rem; padding: .8rem 1rem;}
.rapat-lebih {font-size: 14px; color: var(--rp-muted); margin: .15rem 0 .3rem 0;}
/* Kendali: kecil, di bawah slide. */
.st-key-rapat_kendali button {min-height: 2.1rem; padding: .1rem .8rem;}
.st-key-rapat_kendali button p {font-size: 1rem !important; color: inherit;}
.st-key-rapat_kendali [data-testid="stMarkdownContainer"] p {font-size: 1.05rem; margin: 0;}
.st-key-rapat_atur {position: fixed; right: 1.2rem; bottom: .5rem; z-index: 1000; width: auto !important;}
.st-key-rapat_atur button {min-height: 2.1rem;}
.st-key-r_sebelum_pg, .st-key-r_berikut_pg {display: none !important;}
.st-key-rapat_kendali {border-top: 1px solid var(--rp-border); padding-top: .3rem; margin-top: .5rem;}
"""

_TERANG = """
:root, .stApp {--rp-bg: #FFFFFF; --rp-fg: #000000; --rp-muted: #2B2F36; --rp-border: #5B6270;
               --rp-kartu: #F4F5F7;}
"""

_GELAP = """
:root, .stApp {--rp-bg: #0B0C0E; --rp-fg: #FFFFFF; --rp-muted: #D0D5DC; --rp-border: #8A93A0;
               --rp-kartu: #17191D;}
.stApp button {background: #17191D !important; color: #FFFFFF !important; border-color: #8A93A0 !important;}
.stApp button p {color: #FFFFFF !important;}
.stApp [data-baseweb="select"] > div {background: #17191D !important; color: #FFFFFF !important;}
.stApp [data-testid="stWidgetLabel"] p {color: #FFFFFF !important;}
.stApp [data-testid="stCaptionContainer"] {color: #D0D5DC !important;}
[data-testid="stPopoverBody"] {background: #17191D !important; border: 1px solid #8A93A0;}
[data-testid="stPopoverBody"] p, [data-testid="stPopoverBody"] label,
[data-testid="stPopoverBody"] [data-testid="stCaptionContainer"] {color: #FFFFFF !important;}
[data-testid="stPopoverBody"] a span {color: #FFFFFF !important;}
.stApp [data-testid="stAlertContainer"] p {color: #FFFFFF !important;}
"""


# Slide dirancang untuk 1280x720. Di layar lebih besar teks HTML di-zoom menurut tangga
# SKALA_LAYAR; grafik Plotly tidak bisa di-zoom (Plotly salah mengukur di dalam zoom CSS),
# jadi hurufnya diperbesar di server dengan skala yang sama (slide.huruf_rapat).
_ZOOM = "".join(
    f"@media (min-width: {lebar}px) and (min-height: {tinggi}px) {{\n"
    f"  [data-testid='stMainBlockContainer'] [data-testid='stMarkdownContainer'] {{zoom: {skala:g};}}}}\n"
    for lebar, tinggi, skala in SKALA_LAYAR)


def css(tema: str) -> str:
    return "<style>" + _DASAR + _ZOOM + (_GELAP if tema == "gelap" else _TERANG) + "</style>"


def pasang(tema: str) -> None:
    st.markdown(css(tema), unsafe_allow_html=True)
