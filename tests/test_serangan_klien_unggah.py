"""Serangan: unggahan ke titik unggah Streamlit dari sesi yang tidak boleh mengimpor.

Titik PUT /_stcore/upload_file/<session_id>/<file_id> menerima berkas dari sesi mana pun
yang terhubung (juga penonton tanpa masuk, di halaman tanpa st.file_uploader): 3 x 60 MB
menambah memori server 180 MB. Kini ditolak (HTTP 4xx) dan tidak ada yang disimpan; batas
unggahan sama dengan batas impor. Lewat HTTP sungguhan ke server yang berjalan."""

from __future__ import annotations

import asyncio
import time
import tomllib

import httpx
import pytest
from streamlit.web.server.starlette.starlette_app_utils import generate_xsrf_token_string

from kinerja.basisdata.lokasi import AKAR
from tests.bantu_peramban import mulai_server
from tests.bantu_websocket import Klien, bait_cache

UKURAN_UJI = 2 * 1024 * 1024  # 2 MB: cukup untuk terlihat di statistik, di bawah batas
_TOKEN = generate_xsrf_token_string(None, None)


@pytest.fixture(scope="module")
def server_unggah(db_demo):
    proses, url = mulai_server(db_demo)
    yield url
    proses.terminate()
    proses.wait(10)


async def _sesi_penonton(url: str) -> Klien:
    k = await Klien.sambung(url)
    hasil = await k.muat("ringkasan")
    assert hasil.berhasil, hasil
    assert k.session_id
    return k


def _bait_tersimpan(http: httpx.Client, sejak: float | None = None) -> int:
    return bait_cache(http, "UploadedFileManager", sejak)


def _put(http: httpx.Client, session_id: str, file_id: str, isi: bytes) -> httpx.Response:
    # Token XSRF Streamlit adalah "double submit": penyerang membuat sendiri cookie dan
    # kepala yang sama, jadi tidak melindungi dari klien di luar peramban.
    return http.put(f"/_stcore/upload_file/{session_id}/{file_id}",
                    files={"file": ("serangan.xlsx", isi, "application/octet-stream")},
                    headers={"X-Xsrftoken": _TOKEN})


def test_penonton_tidak_dapat_mengunggah(server_unggah):
    async def jalan():
        k = await _sesi_penonton(server_unggah)
        try:
            with httpx.Client(base_url=server_unggah, timeout=60, cookies={"_streamlit_xsrf": _TOKEN}) as http:
                sebelum = _bait_tersimpan(http)
                jawab = [_put(http, k.session_id, f"f{i}", b"\0" * UKURAN_UJI) for i in range(3)]
                sesudah = _bait_tersimpan(http, sejak=time.monotonic())
        finally:
            await k.tutup()
        return jawab, sebelum, sesudah

    jawab, sebelum, sesudah = asyncio.run(jalan())
    assert sesudah == sebelum, f"server menyimpan {sesudah - sebelum} bait dari penonton"
    assert [r.status_code for r in jawab if not 400 <= r.status_code < 500] == [], \
        [(r.status_code, r.text[:200]) for r in jawab]


def test_batas_unggahan_sama_dengan_batas_impor():
    from kinerja.impor.berkas import BATAS_UKURAN

    with (AKAR / ".streamlit" / "config.toml").open("rb") as f:
        mb = tomllib.load(f)["server"]["maxUploadSize"]
    assert mb == 50  # batas impor yang dinyatakan kepada pengguna: 50 MB
    assert BATAS_UKURAN == 50 * 1024 * 1024


# --- Keputusan izin per sesi (tanpa server): peran dibaca ulang dari berkas akses -----------------

class _Sesi:
    def __init__(self, state: dict):
        self.session_state = state


class _Info:
    def __init__(self, state: dict):
        self.session = _Sesi(state)


class _Runtime:
    """Cukup Runtime Streamlit untuk unggah.boleh_unggah: sesi aktif menurut id."""

    def __init__(self, sesi: dict[str, dict]):
        self._session_mgr = self
        self._sesi = sesi

    def get_active_session_info(self, session_id: str):
        return _Info(self._sesi[session_id]) if session_id in self._sesi else None


def test_izin_unggah_menurut_peran_terkini(tmp_path, monkeypatch):
    from kinerja.akses import akun
    from kinerja.akses.peran import Pengguna
    from kinerja.ui.unggah import boleh_unggah

    db = tmp_path / "kinerja.duckdb"
    monkeypatch.setenv("KINERJA_DB", str(db))
    sandi = "sandi-yang-cukup-panjang-12"
    akun.tambah(db, "lokal", "admin", "admin", kata_sandi=sandi, oleh="tes")
    akun.tambah(db, "lokal", "admin2", "admin", kata_sandi=sandi, oleh="tes")
    akun.tambah(db, "lokal", "ana", "analis", kata_sandi=sandi, oleh="tes")
    rt = _Runtime({
        "admin": {"_sesi": {"pengguna": Pengguna("admin", "admin")}},
        "analis": {"_sesi": {"pengguna": Pengguna("ana", "analis")}},
        # session_state yang mengaku admin, tetapi berkas akses menyebut analis
        "palsu": {"_sesi": {"pengguna": Pengguna("ana", "admin")}},
        "tamu": {},
    })
    assert boleh_unggah(rt, "admin")
    assert not boleh_unggah(rt, "analis")
    assert not boleh_unggah(rt, "palsu")
    assert not boleh_unggah(rt, "tamu")
    assert not boleh_unggah(rt, "tidak-ada")
    akun.ubah(db, "lokal", "admin", aktif=False, oleh="admin2")
    assert not boleh_unggah(rt, "admin")  # dinonaktifkan selagi sesinya terbuka
