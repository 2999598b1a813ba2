"""Pembantu bersama tes peramban: `streamlit run app.py` pada port bebas dan Chromium
headless (Debian) lewat Playwright. Tanpa Chromium tes gagal dengan pesan jelas."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

AKAR = Path(__file__).resolve().parent.parent
LAYAR = AKAR / "tests" / "screenshots"
CHROMIUM = os.environ.get("KINERJA_CHROMIUM", "/usr/bin/chromium")
ARGUMEN = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
           "--disable-component-update", "--disable-sync", "--no-first-run"]
SELESAI = "[data-testid='stApp'][data-test-script-state='notRunning']"
GALAT = "[data-testid='stException'], [data-testid='stAlertContentError']"


def _port_bebas() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def mulai_server(db: Path) -> tuple[subprocess.Popen, str]:
    """Jalankan dasbor pada database db; kembalikan proses dan URL setelah sehat."""
    port = _port_bebas()
    env = dict(os.environ, KINERJA_DB=str(db))
    proses = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", str(AKAR / "app.py"), "--server.port", str(port),
         "--server.address", "127.0.0.1", "--server.headless", "true"],
        cwd=AKAR, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    batas = time.time() + 60
    while time.time() < batas:
        try:
            if urllib.request.urlopen(f"{url}/_stcore/health", timeout=2).read() == b"ok":
                return proses, url
        except OSError:
            time.sleep(0.3)
    proses.kill()
    pytest.fail("streamlit tidak siap dalam 60 detik:\n" + proses.stdout.read().decode())


def buka(peramban, url: str, lebar: int, tinggi: int):
    """Halaman baru pada ukuran layar itu, menunggu skrip dan Plotly selesai."""
    hal = peramban.new_page(viewport={"width": lebar, "height": tinggi})
    hal.goto(url)
    hal.wait_for_selector(SELESAI, timeout=60_000)
    hal.wait_for_timeout(1500)  # Plotly menggambar setelah skrip selesai
    hal.wait_for_selector(SELESAI, timeout=60_000)
    return hal


@pytest.fixture(scope="module")
def server(db_demo):
    proses, url = mulai_server(db_demo)
    yield url
    proses.terminate()
    proses.wait(10)


@pytest.fixture(scope="module")
def peramban():
    assert Path(CHROMIUM).exists(), (
        f"Chromium tidak ditemukan di {CHROMIUM}; pasang dengan: apt-get install -y chromium")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGUMEN, headless=True)
        yield b
        b.close()
