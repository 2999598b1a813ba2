"""Kata sandi: hash argon2id (argon2-cffi, skema memory-hard yang dianjurkan RFC 9106).

Yang disimpan (di database akses, atau di Streamlit secrets untuk administrator awal)
hanya hash-nya; kata sandinya sendiri tidak disimpan di mana pun. Hash PBKDF2-SHA256
lama ('pbkdf2_sha256$<iterasi>$<garam_b64>$<hash_b64>', dibuat versi sebelumnya untuk
secrets) tetap diterima saat memeriksa, agar pemasangan yang ada tetap bisa masuk.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import os
from functools import lru_cache

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

ALGORITMA = "pbkdf2_sha256"
ITERASI = 600_000
PANJANG_GARAM = 16
# Batas atas iterasi saat memeriksa: hash yang rusak/jahat tidak boleh membuat
# pemeriksaan berjalan berjam-jam.
_ITERASI_MAKS = 10_000_000


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


# Parameter bawaan argon2-cffi: profil RFC 9106 "low memory" (64 MiB, 3 putaran, 4 jalur).
_ARGON2 = PasswordHasher()
AWALAN_ARGON2 = "$argon2id$"
PANJANG_MIN = 10  # karakter; berlaku untuk setiap kata sandi baru


def buat_hash(sandi: str) -> str:
    """Hash argon2id untuk disimpan (database akses atau secrets)."""
    if not isinstance(sandi, str) or not sandi:
        raise ValueError("Kata sandi tidak boleh kosong")
    return _ARGON2.hash(sandi)


def masalah_sandi(sandi: str) -> str | None:
    """Alasan kata sandi baru ditolak, atau None bila boleh."""
    if len(sandi) < PANJANG_MIN:
        return f"Kata sandi terlalu pendek (minimal {PANJANG_MIN} karakter)."
    if not sandi.strip():
        return "Kata sandi tidak boleh hanya spasi."
    return None


def buat_hash_pbkdf2(sandi: str, *, garam: bytes | None = None, iterasi: int = ITERASI) -> str:
    """Hash PBKDF2 bentuk lama (hanya untuk tes kecocokan dengan secrets lama)."""
    if not isinstance(sandi, str) or not sandi:
        raise ValueError("Kata sandi tidak boleh kosong")
    garam = os.urandom(PANJANG_GARAM) if garam is None else garam
    turunan = hashlib.pbkdf2_hmac("sha256", sandi.encode("utf-8"), garam, iterasi)
    return f"{ALGORITMA}${iterasi}${_b64(garam)}${_b64(turunan)}"


def cocok(sandi: str, hash_tersimpan: str) -> bool:
    """Benar bila sandi menghasilkan hash tersimpan (argon2id atau PBKDF2 lama).
    Hash rusak atau kosong: salah."""
    if not isinstance(sandi, str) or not sandi or not isinstance(hash_tersimpan, str):
        return False
    if hash_tersimpan.strip().startswith(AWALAN_ARGON2):
        try:
            return _ARGON2.verify(hash_tersimpan.strip(), sandi)
        except (VerificationError, InvalidHashError):
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
    if hash_tersimpan.strip().startswith(AWALAN_ARGON2):
        try:
            _ARGON2.check_needs_rehash(hash_tersimpan.strip())  # mengurai parameternya
        except (InvalidHashError, ValueError):
            return False
        return True
    bagian = hash_tersimpan.strip().split("$")
    if len(bagian) != 4 or bagian[0] != ALGORITMA or not bagian[1].isdigit():
        return False
    try:
        return bool(base64.b64decode(bagian[2], validate=True)) and bool(
            base64.b64decode(bagian[3], validate=True)) and 1 <= int(bagian[1]) <= _ITERASI_MAKS
    except ValueError:
        return False


# Dibandingkan saat nama pengguna tidak dikenal, agar waktu jawabannya sama dengan sandi salah
# (tidak membocorkan nama mana yang ada).
@lru_cache(maxsize=1)
def _hash_tiruan() -> str:
    return _ARGON2.hash("tiruan-untuk-menyamakan-waktu")


def samakan_waktu(sandi: str) -> None:
    cocok(sandi or "x", _hash_tiruan())
