"""Tes beban: klien websocket memuat halaman berulang kali sementara klien lain mengirim
clear_cache tiap 0,5 detik (pesan BackMsg yang dapat dikirim siapa pun tanpa masuk).
Tidak ada muatan halaman yang boleh gagal, dan server tidak mencatat koneksi DuckDB yang
tertutup di tengah kueri. Dibatasi waktu (tanpa syarat kecepatan)."""

from __future__ import annotations

import asyncio
import time

import pytest

from tests.bantu_peramban import mulai_server
from tests.bantu_websocket import Klien

HALAMAN = ["mode_rapat", "peringkat_opd", "di_bawah_target", "tren", "profil_opd", "ringkasan", "tentang_data"]
JUMLAH_KLIEN = 4
PUTARAN = 2            # setiap klien memuat semua HALAMAN sekian kali
JEDA_BERSIH = 0.5      # detik antara clear_cache (seperti serangan yang dilaporkan)
BATAS_DETIK = 50       # batas longgar seluruh beban, bukan syarat kecepatan
LOG_TERLARANG = ("Connection already closed", "No open result set")


@pytest.fixture(scope="module")
def server_beban(db_demo):
    proses, url = mulai_server(db_demo)
    yield proses, url
    proses.terminate()
    proses.wait(10)


async def _beban(url: str) -> tuple[list, int]:
    selesai = asyncio.Event()
    jumlah_bersih = 0

    async def pengganggu():
        nonlocal jumlah_bersih
        k = await Klien.sambung(url)
        try:
            while not selesai.is_set():
                await k.bersihkan_cache()
                jumlah_bersih += 1
                try:
                    await asyncio.wait_for(selesai.wait(), JEDA_BERSIH)
                except TimeoutError:
                    pass
        finally:
            await k.tutup()

    async def pemuat(i: int):
        k = await Klien.sambung(url)
        hasil = []
        try:
            for p in range(PUTARAN):
                for j in range(len(HALAMAN)):
                    hasil.append(await k.muat(HALAMAN[(i + j + p) % len(HALAMAN)]))
        finally:
            await k.tutup()
        return hasil

    tugas = asyncio.create_task(pengganggu())
    try:
        async with asyncio.timeout(BATAS_DETIK):
            semua = await asyncio.gather(*(pemuat(i) for i in range(JUMLAH_KLIEN)))
    finally:
        selesai.set()
        await tugas
    return [h for daftar in semua for h in daftar], jumlah_bersih


def test_clear_cache_dari_klien_tidak_menggagalkan_halaman_lain(server_beban):
    proses, url = server_beban
    awal_log = proses.berkas_log.stat().st_size
    mulai = time.monotonic()
    hasil, jumlah_bersih = asyncio.run(_beban(url))
    assert jumlah_bersih >= 2, "pengganggu tidak sempat mengirim clear_cache"
    assert len(hasil) == JUMLAH_KLIEN * PUTARAN * len(HALAMAN)
    gagal = [f"{h.halaman}: status {h.status}, {h.galat}" for h in hasil if not h.berhasil]
    assert not gagal, (f"{len(gagal)} dari {len(hasil)} muatan halaman gagal selama {jumlah_bersih} "
                       f"clear_cache ({time.monotonic() - mulai:.0f} s):\n" + "\n".join(gagal))
    with proses.berkas_log.open("rb") as f:
        f.seek(awal_log)
        log = f.read().decode(errors="replace")
    for teks in LOG_TERLARANG:
        assert teks not in log, f"log server memuat {teks!r}:\n{log[-3000:]}"
