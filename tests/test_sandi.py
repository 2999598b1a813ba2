"""Hash kata sandi administrator (kinerja.sandi): bentuk, vektor yang diketahui, hash rusak."""

from __future__ import annotations

import base64
import hashlib

import pytest

from kinerja import sandi

GARAM = b"garam-tetap-16b!"


def _b64(b: bytes) -> str:
    return base64.b64encode(b).decode()


def test_bentuk_hash_dan_bawaan():
    h = sandi.buat_hash("rahasia")
    alg, iterasi, garam, turunan = h.split("$")
    assert alg == "pbkdf2_sha256"
    assert int(iterasi) == 600_000
    assert len(base64.b64decode(garam)) == 16
    assert len(base64.b64decode(turunan)) == 32
    assert sandi.cocok("rahasia", h)
    assert not sandi.cocok("Rahasia", h)
    assert sandi.hash_sah(h)


def test_garam_acak_setiap_kali():
    assert sandi.buat_hash("sama", iterasi=1000) != sandi.buat_hash("sama", iterasi=1000)


def test_hash_sama_dengan_pbkdf2_hmac_garam_tetap():
    harapan = hashlib.pbkdf2_hmac("sha256", "kata sandi".encode(), GARAM, 600_000)
    assert sandi.buat_hash("kata sandi", garam=GARAM) == f"pbkdf2_sha256$600000${_b64(GARAM)}${_b64(harapan)}"


def test_vektor_rfc_pbkdf2_sha256():
    # Vektor uji PBKDF2-HMAC-SHA256 yang diterbitkan (P="password", S="salt", dkLen=32).
    for iterasi, hex_ in [(1, "120fb6cffcf8b32c43e7225256c4f837a86548c92ccc35480805987cb70be17b"),
                          (4096, "c5e478d59288c841aa530db6845c4c8d962893a001ce4e11a4963873aa98134a")]:
        h = f"pbkdf2_sha256${iterasi}${_b64(b'salt')}${_b64(bytes.fromhex(hex_))}"
        assert sandi.buat_hash("password", garam=b"salt", iterasi=iterasi) == h
        assert sandi.cocok("password", h)
        assert not sandi.cocok("passwore", h)


def test_unicode_dan_spasi_dihormati():
    h = sandi.buat_hash("sandi ñ 🔑", iterasi=1000)
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
    h = sandi.buat_hash("x", iterasi=1000)
    assert not sandi.cocok("", h)
    with pytest.raises(ValueError):
        sandi.buat_hash("")
