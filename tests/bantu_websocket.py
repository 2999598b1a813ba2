"""Klien websocket Streamlit untuk tes beban dan serangan: berbicara protobuf Streamlit
(BackMsg/ForwardMsg) seperti peramban, tanpa peramban. Memakai paket websockets (terpasang
bersama uvicorn, server Streamlit)."""

from __future__ import annotations

import asyncio
import re
import time
from dataclasses import dataclass, field

import websockets
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
from streamlit.web.server.starlette.starlette_routes import _METRICS_EXPENSIVE_STATS_TTL_SECONDS

SELESAI_PENUH = (ForwardMsg.FINISHED_SUCCESSFULLY, ForwardMsg.FINISHED_WITH_COMPILE_ERROR)


@dataclass
class HasilMuat:
    halaman: str
    status: int | None = None
    galat: list[str] = field(default_factory=list)  # isi elemen exception

    @property
    def berhasil(self) -> bool:
        return self.status == ForwardMsg.FINISHED_SUCCESSFULLY and not self.galat


class Klien:
    """Satu sesi Streamlit lewat /_stcore/stream."""

    def __init__(self, ws):
        self.ws = ws
        self.session_id: str | None = None

    @classmethod
    async def sambung(cls, url: str) -> "Klien":
        alamat = url.replace("http://", "ws://", 1) + "/_stcore/stream"
        ws = await websockets.connect(alamat, subprotocols=["streamlit"], max_size=None)
        return cls(ws)

    async def kirim(self, msg: BackMsg) -> None:
        await self.ws.send(msg.SerializeToString())

    async def muat(self, halaman: str, query: str = "", batas: float = 60.0) -> HasilMuat:
        """Minta halaman (url_path) dan baca sampai jalannya penuh skrip selesai."""
        m = BackMsg()
        m.rerun_script.query_string = query
        m.rerun_script.page_name = halaman
        await self.kirim(m)
        hasil = HasilMuat(halaman)
        async with asyncio.timeout(batas):
            while True:
                f = ForwardMsg()
                f.ParseFromString(await self.ws.recv())
                jenis = f.WhichOneof("type")
                if jenis == "new_session":
                    self.session_id = f.new_session.initialize.session_id
                elif jenis == "delta" and f.delta.WhichOneof("type") == "new_element":
                    el = f.delta.new_element
                    if el.WhichOneof("type") == "exception":
                        hasil.galat.append(f"{el.exception.type}: {el.exception.message}")
                elif jenis == "script_finished" and f.script_finished in SELESAI_PENUH:
                    hasil.status = f.script_finished
                    return hasil

    async def bersihkan_cache(self) -> None:
        m = BackMsg()
        m.clear_cache = True
        await self.kirim(m)

    async def detak(self, batas: float = 30.0) -> None:
        """app_heartbeat lalu tunggu heartbeat_ack: pesan sebelumnya sudah diproses server."""
        m = BackMsg()
        m.app_heartbeat = True
        await self.kirim(m)
        async with asyncio.timeout(batas):
            while True:
                f = ForwardMsg()
                f.ParseFromString(await self.ws.recv())
                if f.WhichOneof("type") == "heartbeat_ack":
                    return

    async def tutup(self) -> None:
        await self.ws.close()


def bait_cache(http, jenis: str, sejak: float | None = None) -> int:
    """Bait dalam cache_memory_bytes /_stcore/metrics untuk cache_type itu (mis.
    'UploadedFileManager', 'st_cache_data'). Streamlit menyimpan hasil itu
    _METRICS_EXPENSIVE_STATS_TTL_SECONDS detik: dengan sejak (time.monotonic() setelah
    kejadian yang diukur), dibaca sesudah hasil lama kedaluwarsa, agar kejadian itu terhitung."""
    if sejak is not None:
        while time.monotonic() < sejak + _METRICS_EXPENSIVE_STATS_TTL_SECONDS + 0.2:
            time.sleep(0.2)  # menunggu kedaluwarsa cache statistik Streamlit, bukan kecepatan server
    teks = http.get("/_stcore/metrics", params={"families": "cache_memory_bytes"}).text
    return sum(int(float(n)) for n in re.findall(rf'cache_type="{jenis}"[^}}]*}}\s+([0-9.e+]+)', teks))
