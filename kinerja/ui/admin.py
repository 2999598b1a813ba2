"""Administrator awal dari secrets, alamat klien, dan berkas unggahan Kelola Data.

Administrator awal: hash kata sandinya (tidak pernah kata sandinya) di Streamlit secrets
(`.streamlit/secrets.toml`, tidak di-commit), berlaku dengan nama pengguna `admin` sampai
ada akun administrator di database akses (kinerja.akses.masuk):

    [admin]
    sandi_hash = "$argon2id$v=19$m=65536,t=3,p=4$..."
"""

from __future__ import annotations

import shutil
import tempfile
import time
from pathlib import Path

import streamlit as st

PETUNJUK_SECRETS = """\
Halaman ini memerlukan **administrator**, dan belum ada administrator di server ini.
Tanpa itu tidak ada data yang dapat dimuat lewat halaman ini. Ada dua cara:

- **Akun administrator** di database akses: di server, jalankan
  `python -m kinerja pengguna tambah NAMA --peran admin` (kata sandinya diketik, tidak tampil).
- **Administrator awal** (nama pengguna `admin`), berlaku sampai ada akun administrator:

1. Di server, buat hash kata sandi dengan perintah `python -m kinerja sandi`
   (kata sandinya diketik, tidak tampil dan tidak disimpan; yang dicetak hanya hash-nya).
2. Simpan hash itu di berkas `.streamlit/secrets.toml` di samping `app.py`:

```toml
[admin]
sandi_hash = "$argon2id$v=19$m=65536,t=3,p=4$..."
```

3. Muat ulang halaman ini dan masuk dengan nama pengguna `admin`. Berkas `secrets.toml` **tidak pernah di-commit** ke repositori
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


# ---- berkas unggahan ---------------------------------------------------------------------

_FOLDER = "_kelola_folder"
_AWALAN = "kinerja-unggah-"
_UMUR_MAKS = 24 * 3600  # detik


def folder_unggahan() -> Path:
    """Folder tempat folder unggahan sesi dibuat (untuk pesan bila tidak dapat ditulis)."""
    return Path(tempfile.gettempdir())


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
