"""Kata sandi administrator: hash PBKDF2-SHA256 dengan garam acak.

Yang disimpan (di Streamlit secrets, tidak pernah di repositori) hanya hash
berbentuk 'pbkdf2_sha256$<iterasi>$<garam_b64>$<hash_b64>'. Kata sandinya
sendiri tidak disimpan di mana pun.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import os

ALGORITMA = "pbkdf2_sha256"
ITERASI = 600_000
PANJANG_GARAM = 16
# Batas atas iterasi saat memeriksa: hash yang rusak/jahat tidak boleh membuat
# pemeriksaan berjalan berjam-jam.
_ITERASI_MAKS = 10_000_000


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def buat_hash(sandi: str, *, garam: bytes | None = None, iterasi: int = ITERASI) -> str:
    """Hash untuk disimpan di secrets. garam dan iterasi hanya diisi oleh tes."""
    if not isinstance(sandi, str) or not sandi:
        raise ValueError("Kata sandi tidak boleh kosong")
    garam = os.urandom(PANJANG_GARAM) if garam is None else garam
    turunan = hashlib.pbkdf2_hmac("sha256", sandi.encode("utf-8"), garam, iterasi)
    return f"{ALGORITMA}${iterasi}${_b64(garam)}${_b64(turunan)}"


def cocok(sandi: str, hash_tersimpan: str) -> bool:
    """Benar bila sandi menghasilkan hash tersimpan. Hash rusak atau kosong: salah."""
    if not isinstance(sandi, str) or not sandi or not isinstance(hash_tersimpan, str):
        return False
    bagian = hash_tersimpan.strip().split("$")
    if len(bagian) != 4 or bagian[0] != ALGORITMA:
        return False
    try:
        iterasi = int(bagian[1])
        garam = base64.b64decode(bagian[2], validate=True)
        harapan = base64.b64decode(bagian[3], validate=True)
    except ValueError:  # binascii.Error adalah turunan ValueError
        return False
    if not 1 <= iterasi <= _ITERASI_MAKS or not garam or not harapan:
        return False
    turunan = hashlib.pbkdf2_hmac("sha256", sandi.encode("utf-8"), garam, iterasi, dklen=len(harapan))
    return hmac.compare_digest(turunan, harapan)


def hash_sah(hash_tersimpan: object) -> bool:
    """Bentuk hash benar (tanpa memeriksa sandi): untuk pesan 'secrets salah isi'."""
    if not isinstance(hash_tersimpan, str):
        return False
    bagian = hash_tersimpan.strip().split("$")
    if len(bagian) != 4 or bagian[0] != ALGORITMA or not bagian[1].isdigit():
        return False
    try:
        return bool(base64.b64decode(bagian[2], validate=True)) and bool(
            base64.b64decode(bagian[3], validate=True)) and 1 <= int(bagian[1]) <= _ITERASI_MAKS
    except ValueError:
        return False
