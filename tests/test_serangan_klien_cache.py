"""Serangan: clear_cache dari klien mana pun mengosongkan cache semua pengguna.

Kini diabaikan (kinerja.ui.cache_klien): hasil kueri yang di-cache tetap ada sesudah klien
lain mengirim clear_cache. (Halaman lain tetap termuat selama serangan: tests/test_beban_cache.py.)"""

from __future__ import annotations

import asyncio
import time

import httpx
import pytest

from tests.bantu_peramban import mulai_server
from tests.bantu_websocket import Klien, bait_cache


@pytest.fixture(scope="module")
def server_cache(db_demo):
    proses, url = mulai_server(db_demo)
    yield url
    proses.terminate()
    proses.wait(10)


def test_clear_cache_klien_tidak_mengosongkan_cache(server_cache):
    async def jalan():
        pemuat, penyerang = await Klien.sambung(server_cache), await Klien.sambung(server_cache)
        try:
            hasil = await pemuat.muat("peringkat_opd")
            assert hasil.berhasil, hasil
            with httpx.Client(base_url=server_cache, timeout=30) as http:
                sebelum = bait_cache(http, "st_cache_data", sejak=time.monotonic())
                await penyerang.bersihkan_cache()
                await penyerang.detak()  # clear_cache sudah diproses
                sesudah = bait_cache(http, "st_cache_data", sejak=time.monotonic())
        finally:
            await pemuat.tutup()
            await penyerang.tutup()
        return sebelum, sesudah

    sebelum, sesudah = asyncio.run(jalan())
    assert sebelum > 0, "halaman tidak meng-cache hasil kueri"
    assert sesudah == sebelum, f"clear_cache klien membuang {sebelum - sesudah} bait cache"
