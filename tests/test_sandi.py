"""Hash kata sandi (kinerja.akses.sandi): argon2id untuk yang baru, PBKDF2 lama tetap diperiksa; vektor
yang diketahui, hash rusak."""

from __future__ import annotations

import base64
import hashlib

import pytest

from kinerja.akses import sandi

GARAM = b"garam-tetap-16b!"


def _b64(b: bytes) -> str:
    return base64.b64encode(b).decode()


def test_hash_baru_argon2id_dengan_parameter_rfc9106():
    h = sandi.buat_hash("rahasia panjang")
    assert h.startswith("$argon2id$v=19$m=65536,t=3,p=4$")
    assert sandi.cocok("rahasia panjang", h) and not sandi.cocok("Rahasia panjang", h)
    assert sandi.hash_sah(h)
    assert sandi.buat_hash("sama") != sandi.buat_hash("sama")  # garam acak


def test_hash_argon2id_dari_luar_cocok():
    # Contoh hash di dokumentasi argon2-cffi (dibuat di luar proyek ini).
    h = "$argon2id$v=19$m=65536,t=3,p=4$MIIRqgvgQbgj220jfp0MPA$YfwJSVjtjSU0zzV/P3S9nnQ/USre2wvJMjfCIjrTQbg"
    assert sandi.cocok("correct horse battery staple", h)
    assert not sandi.cocok("correct horse battery stapl", h)


@pytest.mark.parametrize("rusak", ["$argon2id$", "$argon2id$v=19$m=65536,t=3,p=4$", "$argon2id$zz$yy"])
def test_hash_argon2_rusak(rusak):
    assert sandi.cocok("apa saja", rusak) is False
    assert sandi.hash_sah(rusak) is False


def test_aturan_sandi_baru():
    assert sandi.masalah_sandi("pendek") == "Kata sandi terlalu pendek (minimal 10 karakter)."
    assert sandi.masalah_sandi(" " * 12) == "Kata sandi tidak boleh hanya spasi."
    assert sandi.masalah_sandi("cukup-panjang") is None


def test_bentuk_hash_pbkdf2_lama():
    h = sandi.buat_hash_pbkdf2("rahasia")
    alg, iterasi, garam, turunan = h.split("$")
    assert alg == "pbkdf2_sha256"
    assert int(iterasi) == 600_000
    assert len(base64.b64decode(garam)) == 16
    assert len(base64.b64decode(turunan)) == 32
    assert sandi.cocok("rahasia", h)
    assert not sandi.cocok("Rahasia", h)
    assert sandi.hash_sah(h)


def test_garam_acak_setiap_kali():
    assert sandi.buat_hash_pbkdf2("sama", iterasi=1000) != sandi.buat_hash_pbkdf2("sama", iterasi=1000)


def test_hash_sama_dengan_pbkdf2_hmac_garam_tetap():
    harapan = hashlib.pbkdf2_hmac("sha256", "kata sandi".encode(), GARAM, 600_000)
    assert sandi.buat_hash_pbkdf2("kata sandi", garam=GARAM) == f"pbkdf2_sha256$600000${_b64(GARAM)}${_b64(harapan)}"


def test_vektor_rfc_pbkdf2_sha256():
    # Vektor uji PBKDF2-HMAC-SHA256 yang diterbitkan (P="password", S="salt", dkLen=32).
    for iterasi, hex_ in [(1, "120fb6cffcf8b32c43e7225256c4f837a86548c92ccc35480805987cb70be17b"),
                          (4096, "c5e478d59288c841aa530db6845c4c8d962893a001ce4e11a4963873aa98134a")]:
        h = f"pbkdf2_sha256${iterasi}${_b64(b'salt')}${_b64(bytes.fromhex(hex_))}"
        assert sandi.buat_hash_pbkdf2("password", garam=b"salt", iterasi=iterasi) == h
        assert sandi.cocok("password", h)
        assert not sandi.cocok("passwore", h)


def test_unicode_dan_spasi_dihormati():
    h = sandi.buat_hash("sandi ñ 🔑")
    assert sandi.cocok("sandi ñ 🔑", h)
    assert not sandi.cocok("sandi ñ 🔑 ", h)


@pytest.mark.parametrize("rusak", [
    "", "pbkdf2_sha256", "pbkdf2_sha256$1000$$", "md5$1000$c2FsdA==$AAAA",
    "pbkdf2_sha256$x$c2FsdA==$AAAA", "pbkdf2_sha256$1000$bukan-base64!$AAAA",
    "pbkdf2_sha256$0$c2FsdA==$AAAA", "pbkdf2_sha256$999999999999$c2FsdA==$AAAA",
    "pbkdf2_sha256$1000$c2FsdA==$AAAA$lebih", None, 123,
])
def test_hash_rusak_tidak_pernah_cocok(rusak):
    assert sandi.cocok("apa saja", rusak) is False
    assert sandi.hash_sah(rusak) is False


def test_sandi_kosong_ditolak():
    h = sandi.buat_hash("x")
    assert not sandi.cocok("", h)
    with pytest.raises(ValueError):
        sandi.buat_hash("")
    with pytest.raises(ValueError):
        sandi.buat_hash_pbkdf2("")
