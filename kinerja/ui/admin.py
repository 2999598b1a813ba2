"""Akses administrator untuk halaman Kelola Data.

Kata sandi tidak pernah disimpan: hanya hash PBKDF2-nya, di Streamlit secrets
(`.streamlit/secrets.toml`, tidak di-commit):

    [admin]
    sandi_hash = "pbkdf2_sha256$600000$...$..."

Tanpa secrets itu halaman Kelola Data hanya menjelaskan cara mengaturnya.
app.py memanggil admin_masuk() untuk memutuskan apakah halaman itu tampil di navigasi.
"""

from __future__ import annotations

import shutil
import tempfile
import time
from pathlib import Path

import streamlit as st

from kinerja import sandi

_MASUK = "_admin_masuk"
_GAGAL = "_admin_gagal"
_TUNGGU = "_admin_tunggu_sampai"
BATAS_GAGAL = 5
DETIK_TUNGGU = 30

PETUNJUK_SECRETS = """\
Halaman ini memerlukan **kata sandi administrator**, dan kata sandi itu belum diatur di server ini.
Tanpa pengaturan ini tidak ada data yang dapat dimuat lewat halaman ini.

1. Di server, buat hash kata sandi dengan perintah `python -m kinerja sandi`
   (kata sandinya diketik, tidak tampil dan tidak disimpan; yang dicetak hanya hash-nya).
2. Simpan hash itu di berkas `.streamlit/secrets.toml` di samping `app.py`:

```toml
[admin]
sandi_hash = "pbkdf2_sha256$600000$...$..."
```

3. Muat ulang halaman ini. Berkas `secrets.toml` **tidak pernah di-commit** ke repositori
   (sudah tercantum di `.gitignore`). Pada Streamlit Community Cloud, isi yang sama
   ditempel di *Settings → Secrets*.

Sementara itu data tetap dapat dimuat dari baris perintah: `python -m kinerja impor BERKAS`.
"""


def hash_sandi() -> str | None:
    """Hash kata sandi dari secrets, atau None bila belum diatur (tanpa berkas secrets,
    tanpa bagian [admin], atau isian kosong). Tidak pernah memunculkan galat."""
    try:
        bagian = st.secrets["admin"]
        nilai = bagian["sandi_hash"] if "sandi_hash" in bagian else None
    except Exception:  # noqa: BLE001 - StreamlitSecretNotFoundError, KeyError, TOML rusak
        return None
    if not isinstance(nilai, str) or not nilai.strip():
        return None
    return nilai.strip()


def asal_klien() -> str:
    """Alamat klien sesi ini untuk jejak audit ("dari mana")."""
    try:
        ip = st.context.ip_address
    except Exception:  # noqa: BLE001 - di luar sesi peramban (mis. AppTest)
        ip = None
    return f"peramban {ip}" if ip else "peramban (alamat tidak diketahui)"


def admin_masuk() -> bool:
    """Sesi ini sudah masuk dengan kata sandi yang benar (dan secrets masih diatur)."""
    return bool(st.session_state.get(_MASUK)) and hash_sandi() is not None


def sisa_tunggu() -> int:
    """Detik yang tersisa sebelum boleh mencoba lagi setelah terlalu banyak salah."""
    sampai = st.session_state.get(_TUNGGU, 0.0)
    return max(0, int(round(sampai - time.time() + 0.5))) if sampai > time.time() else 0


def coba_masuk(kata_sandi: str, hash_tersimpan: str) -> bool:
    """Periksa kata sandi; catat kegagalan; setelah BATAS_GAGAL kali salah, tunggu DETIK_TUNGGU."""
    if sisa_tunggu():
        return False
    if sandi.cocok(kata_sandi, hash_tersimpan):
        st.session_state[_MASUK] = True
        st.session_state[_GAGAL] = 0
        return True
    gagal = st.session_state.get(_GAGAL, 0) + 1
    st.session_state[_GAGAL] = gagal
    if gagal >= BATAS_GAGAL:
        st.session_state[_TUNGGU] = time.time() + DETIK_TUNGGU
        st.session_state[_GAGAL] = 0
    return False


def keluar() -> None:
    st.session_state[_MASUK] = False
    hapus_unggahan()


def formulir_masuk(hash_tersimpan: str) -> None:
    """Formulir kata sandi. Berhasil: sesi ditandai masuk dan skrip diulang (navigasi
    lalu menampilkan Kelola Data)."""
    tunggu = sisa_tunggu()
    with st.form("admin_masuk", clear_on_submit=True, border=True, width=520):
        st.markdown("**Masuk sebagai administrator**")
        isian = st.text_input("Kata sandi administrator", type="password",
                              autocomplete="current-password")
        kirim = st.form_submit_button("Masuk", type="primary", disabled=bool(tunggu))
    if tunggu:
        st.warning(f"Terlalu banyak percobaan yang salah. Coba lagi dalam {tunggu} detik.")
        return
    if not kirim:
        return
    if not isian:
        st.error("Kata sandi belum diisi.")
        return
    if coba_masuk(isian, hash_tersimpan):
        st.rerun()
    tunggu = sisa_tunggu()
    if tunggu:
        st.error(f"Kata sandi salah. Terlalu banyak percobaan yang salah: coba lagi dalam {tunggu} detik.")
    else:
        sisa = BATAS_GAGAL - st.session_state.get(_GAGAL, 0)
        st.error(f"Kata sandi salah. Sisa percobaan sebelum harus menunggu: {sisa}.")


# ---- berkas unggahan ---------------------------------------------------------------------

_FOLDER = "_kelola_folder"
_AWALAN = "kinerja-unggah-"
_UMUR_MAKS = 24 * 3600  # detik


def _sapu_folder_lama() -> None:
    """Folder unggahan sesi yang ditutup tanpa keluar/muat: dihapus setelah sehari."""
    batas = time.time() - _UMUR_MAKS
    for lama in Path(tempfile.gettempdir()).glob(_AWALAN + "*"):
        try:
            if lama.is_dir() and lama.stat().st_mtime < batas:
                shutil.rmtree(lama, ignore_errors=True)
        except OSError:
            pass


def simpan_unggahan(unggahan: list) -> tuple[str, list[Path]]:
    """Simpan berkas unggahan ke folder sementara dengan nama aslinya (nama berkas CSV =
    nama lembar templat, dan nama itulah yang dicatat di riwayat impor).

    Mengembalikan (kunci unggahan, daftar path). Folder lama dihapus bila unggahan berganti.
    """
    kunci = "|".join(sorted(f"{u.file_id}:{u.name}" for u in unggahan))
    lama = st.session_state.get(_FOLDER)
    if lama and lama[0] == kunci and all(Path(p).exists() for p in lama[2]):
        return kunci, [Path(p) for p in lama[2]]
    hapus_unggahan()
    _sapu_folder_lama()
    folder = Path(tempfile.mkdtemp(prefix=_AWALAN))
    paths = []
    for u in unggahan:
        nama = Path(u.name).name or "berkas"  # tanpa folder: tidak bisa keluar dari folder sementara
        path = folder / nama
        path.write_bytes(u.getvalue())
        paths.append(path)
    st.session_state[_FOLDER] = (kunci, str(folder), [str(p) for p in paths])
    return kunci, paths


def hapus_unggahan() -> None:
    lama = st.session_state.pop(_FOLDER, None)
    if lama:
        shutil.rmtree(lama[1], ignore_errors=True)
