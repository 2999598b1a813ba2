"""Sesi di dasbor: siapa yang sedang masuk, batas diam, dan pemeriksaan izin di server.

Aturannya (peran, izin, batas percobaan) ada di kinerja.akses; di sini hanya
menghubungkannya dengan sesi Streamlit. Setiap tindakan yang dilindungi memanggil
wajib() saat tombolnya ditekan: peran dibaca ulang dari berkas akses saat itu, jadi
tombol yang tersisa di layar lama, atau formulir yang dikirim ulang, tetap ditolak bila
orangnya tidak (lagi) berhak.
"""

from __future__ import annotations

import time

import streamlit as st

from kinerja.akses import jejak, masuk, simpan
from kinerja.akses.peran import ADMIN, NAMA_PERAN, NAMA_TINDAKAN, Pengguna, boleh as _boleh
from kinerja.basisdata.lokasi import lokasi_database
from kinerja.ui import admin

_SESI = "_sesi"                 # {"pengguna": Pengguna, "terakhir": waktu aktivitas terakhir}
_PESAN = "_sesi_pesan"          # pesan untuk halaman berikutnya (mis. sesi berakhir)
_SSO_DICATAT = "_sesi_sso"      # identitas SSO yang masuknya sudah dicatat di sesi ini
BARU_MASUK = "_sesi_baru_masuk"  # halaman Masuk lalu membuka Ringkasan
CATAT_AKTIVITAS_DETIK = 60      # aktivitas SSO ditulis ke berkas akses paling sering sekali semenit


class TidakBerhak(PermissionError):
    """Tindakan ditolak di server (untuk fungsi unduhan yang tidak dapat memakai st.stop)."""


# ---- penyedia identitas (OIDC lewat st.login) -------------------------------------------------

def penyedia_sso() -> str | None:
    """'' bila [auth] berisi satu penyedia, nama penyedia bila [auth.<nama>], None bila tidak diatur."""
    try:
        auth = st.secrets["auth"]
    except Exception:  # noqa: BLE001 - tanpa secrets / tanpa [auth]
        return None
    try:
        if "client_id" in auth:
            return ""
        for nama in auth:
            bagian = auth[nama]
            if hasattr(bagian, "keys") and "client_id" in bagian:
                return str(nama)
    except Exception:  # noqa: BLE001 - isi [auth] yang tidak berbentuk tabel
        return None
    return None


def _sso_masuk() -> bool:
    try:
        return penyedia_sso() is not None and bool(st.user.is_logged_in)
    except Exception:  # noqa: BLE001 - di luar sesi peramban
        return False


def _identitas_sso() -> tuple[str | None, str | None, str | None]:
    u = st.user
    return u.get("email"), u.get("sub"), u.get("name")


# ---- pengguna kini ---------------------------------------------------------------------------

@st.cache_data(max_entries=256, show_spinner=False)
def _segar(sidik: tuple, path: str, jenis: str, nama: str, peran: str, nama_tampil: str | None,
           hash_awal: str | None) -> Pengguna | None:
    # Disimpan per versi berkas akses: perubahan peran berlaku pada jalannya berikutnya.
    return masuk.segarkan(path, Pengguna(nama, peran, jenis, nama_tampil), hash_awal)


@st.cache_data(max_entries=256, show_spinner=False)
def _sso(sidik: tuple, path: str, email: str | None, sub: str | None, nama: str | None) -> Pengguna | None:
    return masuk.identitas_sso(path, email, sub, nama)


@st.cache_data(max_entries=8, show_spinner=False)
def _atur(sidik: tuple, path: str) -> dict[str, str]:
    return simpan.baca_pengaturan(path)


def _path() -> str:
    return str(lokasi_database())


def pengaturan() -> dict[str, str]:
    return _atur(simpan.sidik(_path()), _path())


def tampilan_terbuka() -> bool:
    return simpan.tampilan_terbuka(pengaturan())


def batas_diam_detik() -> int:
    return simpan.menit_diam(pengaturan()) * 60


def _baca(segar: bool) -> Pengguna | None:
    path = _path()
    sidik = simpan.sidik(path)
    if _sso_masuk():
        email, sub, nama = _identitas_sso()
        if segar:
            return masuk.identitas_sso(path, email, sub, nama)
        return _sso(sidik, path, email, sub, nama)
    data = st.session_state.get(_SESI)
    if not data:
        return None
    p: Pengguna = data["pengguna"]
    if segar:
        return masuk.segarkan(path, p, admin.hash_sandi())
    return _segar(sidik, path, p.jenis, p.nama, p.peran, p.nama_tampil, admin.hash_sandi())


def mulai() -> Pengguna | None:
    """Dipanggil app.py di awal setiap jalannya: pengguna kini (dibaca ulang dari berkas akses),
    sesi yang terlalu lama diam diakhiri, dan masuk lewat SSO dicatat sekali per sesi."""
    data = st.session_state.get(_SESI)
    sso = _sso_masuk()
    if data is None and sso:
        # Sesi baru dengan cookie SSO yang masih ada (tab baru, peramban dibuka lagi): diam
        # dihitung dari aktivitas terakhir identitas itu di server, atau dari saat masuknya.
        data = st.session_state[_SESI] = {"pengguna": None, "terakhir": _terakhir_sso()}
    if data is not None and time.time() - data["terakhir"] > batas_diam_detik():
        keluar(jejak.SESI_BERAKHIR)
        st.session_state[_PESAN] = (f"Sesi berakhir karena tidak ada aktivitas selama "
                                    f"{simpan.menit_diam(pengaturan())} menit. Silakan masuk lagi.")
        return None
    p = _baca(segar=False)
    if p is None and (data is not None):
        lama = data.get("pengguna")
        nama = lama.nama if lama else "identitas SSO"
        keluar(jejak.GAGAL_MASUK if sso and lama is None else jejak.KELUAR,
               rincian="akun nonaktif atau tidak berlaku lagi")
        st.session_state[_PESAN] = f"Akun {nama} tidak aktif lagi atau tidak berhak masuk. Hubungi administrator."
        return None
    if p is not None:
        if sso and st.session_state.get(_SSO_DICATAT) != p.nama:
            jejak.catat(_path(), p.untuk_jejak, jejak.MASUK, f"penyedia identitas (SSO), peran {p.peran}", admin.asal_klien())
            st.session_state[_SSO_DICATAT] = p.nama
        kini_ = time.time()
        dicatat = data.get("dicatat", 0.0) if data else 0.0
        if sso and kini_ - dicatat > CATAT_AKTIVITAS_DETIK:
            masuk.catat_aktivitas(_path(), p.jenis, p.nama, kini_)
            dicatat = kini_
        st.session_state[_SESI] = {"pengguna": p, "terakhir": kini_, "dicatat": dicatat}
    return p


def _terakhir_sso() -> float:
    email, sub, _ = _identitas_sso()
    p = masuk.identitas_sso(_path(), email, sub)
    tercatat = masuk.aktivitas_terakhir(_path(), p.jenis, p.nama) if p else None
    try:
        saat_masuk = float(st.user.get("auth_time") or st.user.get("iat") or 0)
    except (TypeError, ValueError):
        saat_masuk = 0.0
    if tercatat is None and not saat_masuk:
        return time.time()
    return max(tercatat or 0.0, saat_masuk)


def kini() -> Pengguna | None:
    """Pengguna jalannya ini (sudah diperiksa mulai()); tanpa membaca berkas lagi."""
    data = st.session_state.get(_SESI)
    return data["pengguna"] if data else None


def diam_terlalu_lama() -> bool:
    """Untuk fragmen pemantau: sesi yang sudah melewati batas diam (tanpa memperbarui waktunya)."""
    data = st.session_state.get(_SESI)
    return bool(data) and time.time() - data["terakhir"] > batas_diam_detik()


def pesan_tertunda() -> str | None:
    return st.session_state.pop(_PESAN, None)


def boleh(tindakan: str, kode_opd: str | None = None) -> bool:
    """Untuk memutuskan apa yang tampil. Tindakannya sendiri tetap memanggil wajib()."""
    return _boleh(kini(), tindakan, kode_opd, tampilan_terbuka=tampilan_terbuka())


def _periksa(tindakan: str, kode_opd: str | None) -> Pengguna | None:
    p = _baca(segar=True)
    atur = simpan.baca_pengaturan(_path())
    if _boleh(p, tindakan, kode_opd, tampilan_terbuka=simpan.tampilan_terbuka(atur)):
        return p
    rincian = NAMA_TINDAKAN[tindakan] + (f" (OPD {kode_opd})" if kode_opd else "")
    jejak.catat(_path(), p.untuk_jejak if p else "(belum masuk)", jejak.DITOLAK, rincian, admin.asal_klien())
    raise TidakBerhak(f"Anda tidak berhak {rincian}" + (f" sebagai {NAMA_PERAN[p.peran]}." if p else
                                                         ": masuk lebih dulu."))


def wajib(tindakan: str, kode_opd: str | None = None) -> Pengguna | None:
    """Pemeriksaan di server untuk tindakan itu sendiri, saat dijalankan: peran dibaca ulang
    dari berkas akses. Tidak berhak: dicatat, pesan ditampilkan, halaman berhenti."""
    try:
        return _periksa(tindakan, kode_opd)
    except TidakBerhak as e:
        st.error(str(e), icon=":material/block:")
        st.stop()


def dengan_izin(tindakan: str, buat):
    """Fungsi data untuk st.download_button yang memeriksa izin saat berkasnya dibuat.

    Streamlit memanggil fungsi itu saat tombol ditekan, di luar jalannya skrip (tanpa
    session_state): orangnya dicatat sekarang, perannya dibaca ulang dari berkas akses nanti."""
    p, path, hash_, asal = kini(), _path(), admin.hash_sandi(), admin.asal_klien()

    def _buat():
        segar = masuk.segarkan(path, p, hash_) if p is not None else None
        terbuka = simpan.tampilan_terbuka(simpan.baca_pengaturan(path))
        if not _boleh(segar, tindakan, None, tampilan_terbuka=terbuka):
            rincian = NAMA_TINDAKAN[tindakan]
            jejak.catat(path, p.untuk_jejak if p else "(belum masuk)", jejak.DITOLAK, rincian, asal)
            raise TidakBerhak(f"Anda tidak berhak {rincian}" + (
                f" sebagai {NAMA_PERAN[segar.peran]}." if segar else ": masuk lebih dulu."))
        return buat()
    return _buat


# ---- masuk dan keluar ------------------------------------------------------------------------

def coba_masuk(nama: str, kata_sandi: str) -> masuk.HasilMasuk:
    hasil = masuk.masuk_lokal(_path(), nama, kata_sandi, asal=admin.asal_klien(), hash_awal=admin.hash_sandi())
    if hasil.pengguna is not None:
        st.session_state[_SESI] = {"pengguna": hasil.pengguna, "terakhir": time.time()}
        st.session_state[BARU_MASUK] = True
    return hasil


def keluar(tindakan: str = jejak.KELUAR, rincian: str = "") -> None:
    data = st.session_state.pop(_SESI, None)
    p = data.get("pengguna") if data else None
    admin.hapus_unggahan()
    if p is not None or tindakan != jejak.KELUAR:
        nama = p.untuk_jejak if p else "identitas SSO"
        if p is None and _sso_masuk():
            email, sub, _ = _identitas_sso()
            nama = str(email or sub or nama)
        jejak.catat(_path(), nama, tindakan, rincian or "", admin.asal_klien())
    st.session_state.pop(_SSO_DICATAT, None)
    if _sso_masuk():
        st.logout()


def ada_cara_masuk() -> bool:
    """Ada akun di berkas akses, administrator awal di secrets, atau penyedia SSO."""
    if penyedia_sso() is not None or admin.hash_sandi():
        return True
    if not simpan.ada(_path()):
        return False
    from kinerja.akses import akun
    return not akun.daftar(_path()).empty


def formulir_masuk(kunci: str = "masuk") -> None:
    """Formulir nama pengguna dan kata sandi (akun lokal atau administrator awal), dan tombol
    masuk lewat penyedia identitas bila diatur."""
    pesan = pesan_tertunda()
    if pesan:
        st.info(pesan, icon=":material/schedule:")
    penyedia = penyedia_sso()
    if penyedia is not None:
        if st.button("Masuk lewat akun pemda (SSO)", type="primary", icon=":material/key:", key=f"{kunci}_sso"):
            st.login(penyedia) if penyedia else st.login()
        st.caption("Atau dengan akun lokal:")
    with st.form(f"{kunci}_form", clear_on_submit=True, border=True, width=520):
        st.markdown("**Masuk**")
        nama = st.text_input("Nama pengguna", autocomplete="username", max_chars=254)
        isian = st.text_input("Kata sandi", type="password", autocomplete="current-password", max_chars=1024)
        kirim = st.form_submit_button("Masuk", type="primary")
    if not kirim:
        return
    if not nama.strip() or not isian:
        st.error("Nama pengguna dan kata sandi harus diisi.")
        return
    hasil = coba_masuk(nama, isian)
    if hasil.pengguna is not None:
        st.rerun()
    st.error(hasil.pesan)


def kotak_pengguna() -> None:
    """Di sidebar: siapa yang masuk dan tombol keluar. Belum masuk: halaman Masuk ada di navigasi."""
    p = kini()
    if p is None:
        return
    with st.sidebar:
        st.caption(f"Masuk sebagai **{_aman(p.label)}** · {NAMA_PERAN[p.peran]}"
                   + (f" · OPD {', '.join(sorted(p.opd))}" if p.opd else ""))
        if st.button("Keluar", icon=":material/logout:", key="sesi_keluar"):
            sso = _sso_masuk()
            keluar()
            if not sso:  # st.logout() sendiri mengarahkan peramban ke halaman keluar penyedia
                st.rerun()


def _aman(teks: str) -> str:
    from kinerja import format as fmt
    return fmt.markdown_aman(teks)


def hanya_untuk(tindakan: str, kunci: str, keterangan: str) -> Pengguna:
    """Awal halaman yang dilindungi: belum masuk -> formulir masuk; tidak berhak -> pesan.
    Keduanya menghentikan halaman. Tindakan di halaman itu tetap memanggil wajib()."""
    p = kini()
    if p is None:
        st.caption(keterangan)
        formulir_masuk(kunci)
        st.stop()
    if not boleh(tindakan):
        st.error(f"Halaman ini hanya untuk administrator. Anda masuk sebagai {_aman(p.label)} "
                 f"({NAMA_PERAN[p.peran]}).", icon=":material/block:")
        st.stop()
    return p


def admin_masuk() -> bool:
    p = kini()
    return p is not None and p.peran == ADMIN


def petunjuk_ekspor(pendek: bool = False) -> None:
    """Pengganti tombol unduh bagi yang tidak berhak mengunduh."""
    if pendek:
        st.caption("Unduhan untuk analis, notulis dan administrator.")
    else:
        st.caption("Bahan rapat dapat diunduh oleh analis, notulis dan administrator yang sudah masuk.")
    if kini() is None:
        st.page_link("pages/masuk.py", label="Masuk", icon=":material/login:")
