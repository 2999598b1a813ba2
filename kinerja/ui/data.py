"""Koneksi DuckDB dan hasil kueri yang di-cache.

Satu koneksi baca-saja per berkas database dan waktu ubahnya (cache_resource);
setiap kueri berjalan pada kursornya sendiri (kinerja.db.kueri). Hasil kueri
di-cache per parameter sederhana; ganti berkas (impor) = kunci cache baru.
"""

from __future__ import annotations

import threading
from pathlib import Path

import duckdb
import pandas as pd
import streamlit as st

from kinerja import db
from kinerja.demo import bangun_demo
from kinerja.impor.tukar import DatabaseBerubah, tulis_lewat_salinan
from kinerja.lokasi import lokasi_database
from kinerja.skema import SkemaTidakCocok, perbarui_turunan, periksa_versi, turunan_mutakhir


def _tutup(con) -> None:
    con.close()


@st.cache_resource(max_entries=4, show_spinner=False, on_release=_tutup)
def _koneksi(path: str, mtime: float):
    con = db.buka(path, read_only=True)
    periksa_versi(con)
    return con


def _kunci() -> tuple[str, float]:
    path = lokasi_database()
    return str(path), path.stat().st_mtime


@st.cache_data(max_entries=512, show_spinner=False)
def _kueri(path: str, mtime: float, nama: str, params: tuple) -> pd.DataFrame:
    return db.kueri(_koneksi(path, mtime), nama,
                    **{k: list(v) if isinstance(v, tuple) else v for k, v in params})


def kueri(nama: str, **params) -> pd.DataFrame:
    """Hasil queries/<nama>.sql dengan parameter terikat; di-cache."""
    path, mtime = _kunci()
    # Daftar (mis. OPD terpilih) menjadi tuple agar kunci cache stabil.
    beku = tuple(sorted((k, tuple(v) if isinstance(v, list) else v) for k, v in params.items()))
    return _kueri(path, mtime, nama, beku)


def bersihkan_cache() -> None:
    """Setelah impor: semua sesi membaca data baru."""
    _kueri.clear()
    _koneksi.clear()


# (berkas, mtime) yang makro/view-nya sudah diperiksa dalam proses ini: pemeriksaan
# membuka koneksi tersendiri, jadi tidak diulang pada setiap rerun.
_TURUNAN_DIPERIKSA: set[tuple[str, float]] = set()
_KUNCI_TURUNAN = threading.Lock()


def _pastikan_turunan() -> bool:
    """Perbarui makro/view database yang dibangun versi aplikasi sebelumnya (tanpa
    itu halaman gagal dengan "Catalog Error"). Benar bila baru saja diperbarui."""
    with _KUNCI_TURUNAN:
        kunci = _kunci()
        if kunci in _TURUNAN_DIPERIKSA:
            return False
        con = db.buka(kunci[0], read_only=True)
        try:
            periksa_versi(con)  # berkas asing/versi lain: pesan dari periksa_versi, tidak ditulis
            mutakhir = turunan_mutakhir(con)
        finally:
            con.close()
        if not mutakhir:
            # Lewat salinan yang lalu ditukar: proses lain yang sedang membaca berkas ini
            # (dasbor lain, baris perintah) tidak perlu berhenti.
            tulis_lewat_salinan(Path(kunci[0]), perbarui_turunan, lepas_koneksi=_koneksi.clear)
            kunci = _kunci()  # berkas baru ditulis: waktu ubahnya berganti
        _TURUNAN_DIPERIKSA.add(kunci)
        return not mutakhir


def pastikan_database() -> None:
    """Bangun database demo bila belum ada; perbarui makro/view bila dari versi
    aplikasi lain; hentikan halaman dengan pesan bila tidak cocok."""
    path = lokasi_database()
    if not path.exists():
        with st.spinner("Database belum ada; membangun database demo (Kabupaten Nusa Makmur, fiktif)..."):
            bangun_demo(path)
        st.session_state["_demo_baru_dibangun"] = str(path)
    try:
        if _pastikan_turunan():
            st.toast("Aturan database diperbarui ke versi aplikasi ini.")
        _koneksi(*_kunci())
    except SkemaTidakCocok as e:
        st.error(str(e))
        st.stop()
    except DatabaseBerubah:
        st.error(f"Aturan database (makro/view) perlu diperbarui ke versi aplikasi ini, tetapi berkas "
                 f"{path} sedang diubah proses lain (mis. impor). Muat ulang halaman ini sebentar lagi. "
                 "Data tidak berubah.")
        st.stop()
    except duckdb.IOException as e:
        if not db.terkunci(e):
            raise
        # Proses lain memegang kunci tulis langsung pada berkas (bukan lewat salinan).
        st.error(f"Database {path} sedang ditulis proses lain. Muat ulang halaman ini setelah proses "
                 "itu selesai.")
        st.stop()


def pesan_demo_baru() -> str | None:
    return st.session_state.get("_demo_baru_dibangun")


def lokasi() -> Path:
    return lokasi_database()


def pengaturan() -> dict[str, str]:
    """Tabel pengaturan sebagai dict (batas_atas_capaian, ambang_di_bawah_target, ...)."""
    return dict(kueri("pengaturan").itertuples(index=False))


@st.cache_data(max_entries=12, show_spinner="Menyusun bahan rapat...")
def _paket(path: str, mtime: float, format_: str, kode_pemda: str, tahun: int, triwulan: int,
           kelompok, kode_urusan, opd: tuple, cakupan: str, himpunan: str) -> tuple[bytes, list[str]]:
    from kinerja.ekspor import ke_bytes
    from kinerja.paket import susun_paket

    paket = susun_paket(_koneksi(path, mtime), kode_pemda, tahun, triwulan, kelompok=kelompok,
                        kode_urusan=kode_urusan, opd=opd, cakupan=cakupan, himpunan=himpunan)
    return ke_bytes(paket, format_)


def paket_rapat(format_: str, f, himpunan: str = "bawah") -> bytes:
    """Paket bahan rapat (xlsx/pptx/pdf) untuk filter f dan himpunan slide OPD (seperti
    Mode Rapat: semua | bawah | bidang); dibuat saat diminta, lalu di-cache. Yang tidak
    dapat dimuat (mis. gambar grafik tanpa peramban) tertulis di dalam berkasnya."""
    path, mtime = _kunci()
    data, _ = _paket(path, mtime, format_, f.kode_pemda, f.tahun, f.triwulan, f.kelompok, f.kode_urusan,
                     tuple(f.opd), f.cakupan, himpunan)
    return data
