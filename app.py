"""Dasbor Kinerja OPD: router. Tata halaman, bilah filter bersama, navigasi."""

from pathlib import Path

import streamlit as st

from kinerja import daftar_kueri
from kinerja.ui import tema
from kinerja.ui.kerangka import tandai_kerangka
from kinerja.ui import cache_klien, sesi, unduhan_galat, unggah
from kinerja.ui.data import pantau_perubahan, pastikan_database, selesai_render
from kinerja.ui.filter import bilah_filter

HALAMAN = Path(__file__).resolve().parent / "pages"

st.set_page_config(page_title="Dasbor Kinerja OPD", page_icon="📊", layout="wide",
                   initial_sidebar_state="expanded")
tandai_kerangka()
# Sekali per proses: titik unggah Streamlit hanya menerima berkas dari sesi yang boleh mengimpor.
unggah.pasang()
# Sekali per proses: clear_cache dari klien (siapa pun) tidak mengosongkan cache semua pengguna.
cache_klien.pasang()
# Sekali per proses: unduhan yang gagal dibuat berpesan Indonesia (bukan 'Failed to generate file').
unduhan_galat.pasang()
tema.pasang()
# Setiap berkas queries/ diurai sekali per proses: berkas kueri yang rusak dilaporkan di sini, di
# setiap halaman, bukan baru di halaman yang memakainya (showErrorDetails menyembunyikan galat).
try:
    daftar_kueri.periksa()
except daftar_kueri.KueriRusak as e:
    st.error("Aplikasi belum dapat dipakai: ada berkas kueri (queries/) yang rusak.")
    st.code(str(e), language=None)
    st.stop()
# Satu versi database per jalannya skrip: dicatat dan dipegang pastikan_database, dilepas di
# finally (juga saat halaman berhenti atau dijalankan ulang), agar versi lama dapat ditutup.
try:
    pastikan_database()
    pengguna = sesi.mulai()
    admin = sesi.admin_masuk()
    tertutup = pengguna is None and not sesi.tampilan_terbuka()
    # (berkas, judul, ikon); url_path = nama berkas, agar tautan langsung sebagai kunjungan
    # pertama ke server (saat Streamlit masih memakai mode folder pages/ lama) menemukan
    # halaman yang sama.
    dasbor = [
        ("ringkasan.py", "Ringkasan", ":material/dashboard:"),
        ("mode_rapat.py", "Mode Rapat", ":material/slideshow:"),
        ("peringkat_opd.py", "Peringkat OPD", ":material/leaderboard:"),
        ("di_bawah_target.py", "Di Bawah Target", ":material/warning:"),
        ("tren.py", "Tren", ":material/trending_up:"),
        ("profil_opd.py", "Profil OPD", ":material/apartment:"),
        ("tentang_data.py", "Tentang Data", ":material/info:"),
    ]
    # Hanya administrator: tersembunyi dari navigasi bagi yang lain; halamannya sendiri
    # memeriksa lagi (tautan langsung) dan setiap tindakannya memeriksa di server.
    khusus_admin = [
        ("kelola_data.py", "Kelola Data", ":material/upload_file:"),
        ("pengguna.py", "Pengguna & Akses", ":material/manage_accounts:"),
    ]
    if tertutup:
        # Dasbor hanya untuk yang sudah masuk: setiap alamat halaman membuka formulir Masuk
        # (bukan "Page not found"); setelah masuk, alamat yang sama membuka halamannya.
        halaman = st.navigation([st.Page(HALAMAN / "masuk.py", title="Masuk", icon=":material/login:",
                                         url_path="awal", default=True)] + [
            st.Page(HALAMAN / "masuk.py", title="Masuk", url_path=berkas.removesuffix(".py"), visibility="hidden")
            for berkas, _, _ in dasbor + khusus_admin + [("masuk.py", "", "")]])
    else:
        # Halaman bawaan dilayani di "/", dan alamat url_path-nya sendiri tidak ditemukan
        # Streamlit ("Page not found"): halaman bawaan memakai alamat cadangan "awal", dan
        # /ringkasan dilayani salinan tersembunyinya.
        halaman = st.navigation(
            [st.Page(HALAMAN / "ringkasan.py", title="Ringkasan", icon=":material/dashboard:", url_path="awal",
                     default=True)]
            + [st.Page(HALAMAN / b, title=j, icon=i, url_path=b.removesuffix(".py"),
                       visibility="hidden" if b == "ringkasan.py" else "visible") for b, j, i in dasbor]
            + [st.Page(HALAMAN / b, title=j, icon=i, url_path=b.removesuffix(".py"),
                       visibility="visible" if admin else "hidden") for b, j, i in khusus_admin]
            + [st.Page(HALAMAN / "masuk.py", title="Masuk", icon=":material/login:", url_path="masuk",
                       visibility="hidden" if pengguna else "visible")])
    if halaman.title != "Masuk":
        st.session_state.pop(sesi.BARU_MASUK, None)  # masuk dari tautan halaman lain: tetap di sana
    if tertutup:
        halaman.run()
        st.stop()
    sesi.kotak_pengguna()
    st.session_state["_filter"] = bilah_filter()
    # Sebelum halaman: halaman yang berhenti (st.stop) tetap memantau impor berikutnya.
    pantau_perubahan()
    halaman.run()
finally:
    selesai_render()
