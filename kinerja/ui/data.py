"""Koneksi DuckDB dan hasil kueri yang di-cache: selalu data terbaru, tidak pernah campuran.

- Satu jalannya skrip (render) membaca satu versi database. pastikan_database() (app.py,
  awal setiap jalannya) mencatat versi berkas (path, waktu ubah, inode, ukuran) sekali;
  semua kueri()/paket_rapat() jalannya itu memakai versi itu dan tidak memeriksa berkas
  lagi, dan fragmen yang diputar ulang memakai versi jalannya penuh terakhir. Impor di
  tengah render tidak mencampur baris lama dan baru.
- Satu koneksi baca-saja per versi, dalam registri proses (bukan cache_resource). Koneksi
  adalah instance DuckDB sendiri (db.buka_terpisah): duckdb.connect(path) biasa memberi
  instance lama yang masih terbuka walau berkasnya sudah ditukar impor. Versi yang sudah
  diganti ditutup begitu render terakhir yang memakainya selesai (selesai_render, paling
  lama BATAS_TAHAN detik), dan tidak pernah di tengah kueri.
- Hasil kueri di-cache per versi dan parameter sederhana.
- pantau_perubahan(): fragmen tanpa tampilan yang memeriksa berkas tiap JEDA_PANTAU detik;
  bila berganti (impor dari halaman, baris perintah atau proses lain), seluruh halaman
  dijalankan ulang dengan versi baru.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import duckdb
import pandas as pd
import streamlit as st
from streamlit.runtime.scriptrunner import get_script_run_ctx

from kinerja import db
from kinerja.basisdata.demo import bangun_demo, isi_selain_demo
from kinerja.galat import (BukanDatabase, PenulisanGagal, folder_dapat_ditulis, periksa_database,
                           pesan_baca_saja)
from kinerja.impor.tukar import DatabaseBerubah, tulis_lewat_salinan
from kinerja.basisdata.lokasi import lokasi_database
from kinerja.skema import SkemaTidakCocok, perbarui_turunan, periksa_versi, turunan_mutakhir

JEDA_PANTAU = 2        # detik antara pemeriksaan berkas oleh sesi yang terbuka
BATAS_TAHAN = 30.0     # detik: render yang tidak selesai tidak menahan berkas lama selamanya
# session_state: versi yang kini tampil (jalannya penuh terakhir); dibaca fragmen yang
# diputar ulang dan oleh pemantau
_TAMPIL = "_versi_tampil"

Kunci = tuple[str, int, int, int]  # (path, mtime_ns, inode, ukuran)


class _VersiLewat(RuntimeError):
    """Versi yang diminta sudah diganti berkas baru dan koneksinya sudah ditutup."""


@dataclass(eq=False)
class _Versi:
    kunci: Kunci
    con: db.KoneksiTerpisah
    mutakhir: bool                # makro/view di berkas sama dengan aplikasi ini
    render: int = 0               # jalannya skrip yang sedang memegang versi ini
    kueri: int = 0                # kueri yang sedang berjalan pada koneksinya
    diganti: float | None = None  # time.monotonic() saat versi yang lebih baru terlihat


_REGISTRI: dict[Kunci, _Versi] = {}
_TERKINI: dict[str, Kunci] = {}    # path -> versi terbaru yang terlihat
_KUNCI_REG = threading.Lock()
# Versi yang dibaca dan dipegang jalannya app.py yang sedang berlangsung di utas skrip ini
# (dicatat pastikan_database, dilepas selesai_render). Bukan session_state: di blok finally
# akses session_state dapat memunculkan permintaan rerun yang tertunda, dan tahanan tidak
# terlepas.
_JALAN = threading.local()


def _kunci(path: str | Path | None = None) -> Kunci:
    """Versi berkas saat ini. Impor menukar berkas (inode baru) dan waktu ubahnya berubah."""
    path = Path(path) if path is not None else lokasi_database()
    s = path.stat()
    return (str(path), s.st_mtime_ns, s.st_ino, s.st_size)


# --- Registri (dipanggil dengan _KUNCI_REG dipegang) -------------------------------------------

def _lihat(kunci: Kunci) -> None:
    """Catat versi terkini path itu; versi lain dari path yang sama ditandai diganti."""
    path = kunci[0]
    if _TERKINI.get(path) == kunci:
        return
    _TERKINI[path] = kunci
    kini = time.monotonic()
    for v in _REGISTRI.values():
        if v.kunci[0] == path and v.kunci != kunci and v.diganti is None:
            v.diganti = kini


def _rapikan() -> None:
    """Tutup versi yang sudah diganti bila tidak ada kueri berjalan dan tidak ada render
    yang memegangnya (atau sudah lebih dari BATAS_TAHAN detik)."""
    kini = time.monotonic()
    for kunci, v in list(_REGISTRI.items()):
        if v.diganti is None or v.kueri > 0:
            continue
        if v.render <= 0 or kini - v.diganti >= BATAS_TAHAN:
            del _REGISTRI[kunci]
            try:
                v.con.close()
            except duckdb.Error:
                pass


def _buka_terkini(path: Path) -> _Versi:
    """Versi yang kini ada di path, dibuka bila belum."""
    for _ in range(10):
        kunci = _kunci(path)
        _lihat(kunci)
        v = _REGISTRI.get(kunci)
        if v is not None:
            return v
        con = db.buka_terpisah(path)
        try:
            periksa_versi(con)
            mutakhir = turunan_mutakhir(con)
        except BaseException:
            con.close()
            raise
        if _kunci(path) != kunci:
            # Ditukar selagi dibuka: belum pasti versi mana yang terbaca; buka lagi.
            con.close()
            continue
        v = _REGISTRI[kunci] = _Versi(kunci, con, mutakhir)
        return v
    raise DatabaseBerubah(f"database {path} terus berubah selama dibuka")


# --- Memegang versi ------------------------------------------------------------------------------

def mulai_render(path: str | Path | None = None) -> Kunci:
    """Pegang versi terkini untuk satu render; lepas dengan akhiri_render(kunci)."""
    path = Path(path) if path is not None else lokasi_database()
    with _KUNCI_REG:
        v = _buka_terkini(path)
        v.render += 1
        _rapikan()
        return v.kunci


def akhiri_render(kunci: Kunci) -> None:
    with _KUNCI_REG:
        v = _REGISTRI.get(kunci)
        if v is not None:
            v.render -= 1
        _rapikan()


@contextmanager
def _pinjam(kunci: Kunci) -> Iterator[db.KoneksiTerpisah]:
    """Koneksi versi itu selama satu kueri; tidak ditutup selagi dipinjam."""
    with _KUNCI_REG:
        v = _REGISTRI.get(kunci)
        if v is None:
            # Belum dibuka dalam proses ini (mis. proses baru dimulai): hanya bila masih terkini.
            v = _buka_terkini(Path(kunci[0]))
            _rapikan()
            if v.kunci != kunci:
                raise _VersiLewat(kunci)
        v.kueri += 1
    try:
        yield v.con
    finally:
        with _KUNCI_REG:
            v.kueri -= 1
            _rapikan()


def _koneksi(*kunci) -> db.KoneksiTerpisah:
    """Koneksi versi itu (untuk tes dan diagnosis; kueri lewat _pinjam)."""
    with _pinjam(tuple(kunci)) as con:
        return con


def status_koneksi() -> dict[Kunci, dict]:
    """Versi yang koneksinya terbuka dalam proses ini (tes dan diagnosis)."""
    with _KUNCI_REG:
        return {k: {"render": v.render, "kueri": v.kueri, "diganti": v.diganti is not None}
                for k, v in _REGISTRI.items()}


# --- Versi jalannya skrip ini --------------------------------------------------------------------

def _versi_jalan() -> Kunci:
    """Versi yang dibaca kueri pada jalannya ini, tanpa memeriksa berkas lagi:
    - jalannya app.py: versi yang dicatat pastikan_database() di awalnya;
    - fragmen yang diputar ulang (mis. slide berikutnya Mode Rapat): versi jalannya penuh
      terakhir, agar isi fragmen cocok dengan bagian halaman lainnya;
    - selain itu (di luar sesi: tes, unduhan yang dibuat saat diklik; halaman yang dijalankan
      tanpa app.py, seperti AppTest sesudah jalannya pertama): versi terkini."""
    kunci = getattr(_JALAN, "kunci", None)
    if kunci is not None:
        return kunci
    ctx = get_script_run_ctx(suppress_warning=True)
    if ctx is not None and getattr(ctx, "fragment_ids_this_run", None):
        kunci = st.session_state.get(_TAMPIL)
        if kunci is not None:
            return kunci
    return _kunci()


def _versi_lewat() -> Kunci:
    """Versi jalannya ini sudah ditutup (diganti dan tidak ada render yang memegangnya,
    mis. fragmen yang diputar ulang lama setelah render terakhir): halaman dijalankan ulang
    seluruhnya dengan versi baru, bukan dicampur. Di luar sesi: versi terkini."""
    if get_script_run_ctx(suppress_warning=True) is not None:
        st.rerun(scope="app")
    return _kunci()


def _lepas_tahanan() -> None:
    kunci = getattr(_JALAN, "kunci", None)
    _JALAN.kunci = None
    if kunci is not None:
        akhiri_render(kunci)


def selesai_render() -> None:
    """Dipanggil app.py di akhir setiap jalannya (finally, juga saat st.stop/st.rerun):
    versi yang dipegang render ini dilepas, sehingga versi lama dapat ditutup."""
    _lepas_tahanan()


# --- Kueri ---------------------------------------------------------------------------------------

@st.cache_data(max_entries=512, show_spinner=False)
def _kueri(kunci: Kunci, nama: str, params: tuple) -> pd.DataFrame:
    with _pinjam(kunci) as con:
        return db.kueri(con, nama, **{k: list(v) if isinstance(v, tuple) else v for k, v in params})


def kueri(nama: str, **params) -> pd.DataFrame:
    """Hasil queries/<nama>.sql dengan parameter terikat, dari versi jalannya ini; di-cache."""
    # Daftar (mis. OPD terpilih) menjadi tuple agar kunci cache stabil.
    beku = tuple(sorted((k, tuple(v) if isinstance(v, list) else v) for k, v in params.items()))
    try:
        return _kueri(_versi_jalan(), nama, beku)
    except _VersiLewat:
        return _kueri(_versi_lewat(), nama, beku)


@st.cache_data(max_entries=64, show_spinner=False)
def _ringkasan(kunci: Kunci, kode_pemda: str, tahun: int, triwulan: int, kelompok, kode_urusan, opd: tuple):
    from kinerja.rapat.paket import susun_ringkasan

    with _pinjam(kunci) as con:
        pengaturan_ = dict(db.kueri(con, "pengaturan").itertuples(index=False))
        return susun_ringkasan(con, pengaturan_, kode_pemda=kode_pemda, tahun=tahun, triwulan=triwulan,
                               kelompok=kelompok, kode_urusan=kode_urusan, opd=opd)


def ringkasan(f):
    """kinerja.rapat.paket.Ringkasan (angka pembuka dan poin penting) untuk filter f, dari versi
    jalannya ini; halaman Ringkasan dan slide Ringkasan Mode Rapat membaca yang sama."""
    argumen = (f.kode_pemda, f.tahun, f.triwulan, f.kelompok, f.kode_urusan, tuple(f.opd))
    try:
        return _ringkasan(_versi_jalan(), *argumen)
    except _VersiLewat:
        return _ringkasan(_versi_lewat(), *argumen)


def bersihkan_cache() -> None:
    """Setelah impor (Kelola Data, juga lewat tulis_lewat_salinan(lepas_koneksi=...)): buang
    hasil yang di-cache dan tutup koneksi ke versi yang sudah diganti bila tidak ada render
    yang memakainya. Render yang sedang berjalan selesai dengan versinya; jalannya
    berikutnya (paling lama JEDA_PANTAU detik kemudian) membaca berkas baru."""
    _kueri.clear()
    _ringkasan.clear()
    _isi.clear()
    _paket.clear()
    try:
        kini = _kunci()
    except OSError:
        return
    with _KUNCI_REG:
        _lihat(kini)
        _rapikan()


def _pantau() -> None:
    try:
        kini = _kunci()
    except OSError:
        return  # berkas sesaat tidak ada: periksa lagi nanti
    with _KUNCI_REG:
        _lihat(kini)
        _rapikan()  # versi lama yang tidak dipakai lagi segera ditutup
    tampil = st.session_state.get(_TAMPIL)
    if tampil is not None and tampil != kini:
        st.rerun(scope="app")
    from kinerja.ui import sesi

    if sesi.diam_terlalu_lama():  # layar yang ditinggal: sesi diakhiri tanpa menunggu klik
        st.rerun(scope="app")


def pantau_perubahan() -> None:
    """Fragmen tanpa tampilan (di sidebar) yang memeriksa berkas tiap JEDA_PANTAU detik dan
    menjalankan ulang seluruh halaman bila database berganti: sesi yang terbuka melihat
    data baru tanpa dimuat ulang. Juga mengakhiri sesi yang melewati batas diam."""
    with st.sidebar:
        st.fragment(run_every=JEDA_PANTAU, key="pantau_data")(_pantau)()


# --- Awal setiap jalannya ------------------------------------------------------------------------

def pastikan_database() -> None:
    """Bangun database demo bila belum ada; perbarui makro/view bila dari versi aplikasi
    lain; hentikan halaman dengan pesan bila tidak cocok. Lalu pegang versi berkas yang
    dibaca jalannya ini (dilepas selesai_render())."""
    path = lokasi_database()
    _lepas_tahanan()  # sisa jalannya sebelumnya yang tidak sampai selesai_render
    if not path.exists():
        try:
            with st.spinner("Database belum ada; membangun database demo (Kabupaten Nusa Makmur, fiktif)..."):
                bangun_demo(path)
        except PenulisanGagal as e:  # folder baca-saja atau disk penuh: pesan, bukan traceback
            _berhenti(path, f"Database {path} belum ada dan database demo tidak dapat dibuat di sana. {e} "
                            "Administrator dapat membuatnya di tempat yang dapat ditulis dengan "
                            "python -m kinerja demo --db PATH (atau baru --db PATH --pemda KODE), lalu "
                            "menunjuknya dengan variabel lingkungan KINERJA_DB.")
        st.session_state["_demo_baru_dibangun"] = str(path)
    try:
        periksa_database(path)  # KINERJA_DB ke buku kerja atau berkas lain: pesan, bukan galat
        _JALAN.kunci = mulai_render(path)
        if not _mutakhir(_JALAN.kunci):
            if not folder_dapat_ditulis(path):  # jangan mencoba menulis di tempat baca-saja
                _berhenti(path, pesan_baca_saja(path))
            # Lewat salinan yang lalu ditukar: proses lain yang sedang membaca berkas ini
            # (dasbor lain, baris perintah) tidak perlu berhenti.
            _lepas_tahanan()
            tulis_lewat_salinan(path, perbarui_turunan, lepas_koneksi=bersihkan_cache)
            st.toast("Aturan database diperbarui ke versi aplikasi ini.")
            _JALAN.kunci = mulai_render(path)
        st.session_state[_TAMPIL] = _JALAN.kunci
    except (SkemaTidakCocok, BukanDatabase) as e:
        _berhenti(path, str(e))
    except PenulisanGagal as e:  # disk penuh atau hak tulis hilang di tengah jalan
        _berhenti(path, f"Aturan database belum dapat diperbarui ke versi aplikasi ini. {e}")
    except DatabaseBerubah:
        _berhenti(path, f"Database {path} sedang diubah proses lain (mis. impor), jadi aturan database "
                        "(makro/view) belum dapat diperbarui ke versi aplikasi ini. Halaman ini mencoba "
                        "lagi sebentar lagi. Data tidak berubah.")
    except duckdb.IOException as e:
        if not db.terkunci(e):
            raise
        # Proses lain memegang kunci tulis langsung pada berkas (bukan lewat salinan).
        _berhenti(path, f"Database {path} sedang ditulis proses lain. Halaman ini dimuat ulang "
                        "setelah proses itu selesai.")


def _mutakhir(kunci: Kunci) -> bool:
    with _KUNCI_REG:
        v = _REGISTRI.get(kunci)
        return v is None or v.mutakhir


def _berhenti(path: Path, pesan: str) -> None:
    """Pesan lalu berhenti; pemantau tetap dipasang agar halaman pulih sendiri begitu
    berkasnya berubah (proses lain selesai, database diperbarui)."""
    st.error(pesan)
    try:
        st.session_state[_TAMPIL] = _kunci(path)
    except OSError:
        pass
    pantau_perubahan()
    st.stop()


def pesan_demo_baru() -> str | None:
    return st.session_state.get("_demo_baru_dibangun")


@st.cache_data(max_entries=8, show_spinner=False)
def _selain_demo(kunci: Kunci) -> str | None:
    return isi_selain_demo(Path(kunci[0]))


def isi_selain_demo_kini() -> str | None:
    """kinerja.basisdata.demo.isi_selain_demo untuk versi database jalannya ini; dihitung sekali per
    versi, bukan membuka berkas pada setiap rerun."""
    return _selain_demo(_versi_jalan())


def lokasi() -> Path:
    return lokasi_database()


def pengaturan() -> dict[str, str]:
    """Tabel pengaturan sebagai dict (batas_atas_capaian, ambang_di_bawah_target, ...)."""
    return dict(kueri("pengaturan").itertuples(index=False))


@st.cache_data(max_entries=16, show_spinner=False)
def _isi(kunci: Kunci, kode_pemda: str, tahun: int, triwulan: int, kelompok, kode_urusan, opd: tuple,
         cakupan: str, himpunan: str):
    from kinerja.rapat.paket import susun_paket

    with _pinjam(kunci) as con:
        return susun_paket(con, kode_pemda, tahun, triwulan, kelompok=kelompok, kode_urusan=kode_urusan,
                           opd=opd, cakupan=cakupan, himpunan=himpunan)


def _argumen_isi(f, himpunan: str) -> tuple:
    return (f.kode_pemda, f.tahun, f.triwulan, f.kelompok, f.kode_urusan, tuple(f.opd), f.cakupan, himpunan)


def isi_rapat(f, himpunan: str = "bawah"):
    """Model rapat (kinerja.rapat.paket.Paket) untuk filter f dan himpunan slide, dari versi jalannya
    ini: Mode Rapat menayangkannya, dan bahan rapat yang diunduh dibuat dari model yang sama."""
    try:
        return _isi(_versi_jalan(), *_argumen_isi(f, himpunan))
    except _VersiLewat:
        return _isi(_versi_lewat(), *_argumen_isi(f, himpunan))


@st.cache_data(max_entries=12, show_spinner="Menyusun bahan rapat...")
def _paket(kunci: Kunci, format_: str, *argumen) -> tuple[bytes, list[str]]:
    from kinerja.ekspor import ke_bytes

    return ke_bytes(_isi(kunci, *argumen), format_)


def paket_rapat(format_: str, f, himpunan: str = "bawah") -> bytes:
    """Paket bahan rapat (xlsx/pptx/pdf) untuk filter f dan himpunan slide OPD (seperti
    Mode Rapat: semua | bawah | bidang); dibuat saat diminta, lalu di-cache. Yang tidak
    dapat dimuat (mis. gambar grafik tanpa peramban) tertulis di dalam berkasnya.

    Dipanggil juga saat tombol unduh diklik, di luar jalannya skrip: lalu dari versi
    terkini. Satu paket selalu dari satu versi (satu koneksi) dan menyebut "data per"-nya."""
    argumen = (format_, *_argumen_isi(f, himpunan))
    try:
        data, _ = _paket(_versi_jalan(), *argumen)
    except _VersiLewat:
        data, _ = _paket(_kunci(), *argumen)
    return data
