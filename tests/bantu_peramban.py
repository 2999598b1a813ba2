"""Pembantu bersama tes peramban: `streamlit run app.py` pada port bebas dan Chromium
headless (Debian) lewat Playwright. Tanpa Chromium tes gagal dengan pesan jelas."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import tempfile
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


def mulai_server(db: Path, secrets: Path | None = None, port: int | None = None,
                 host: str = "127.0.0.1") -> tuple[subprocess.Popen, str]:
    """Jalankan dasbor pada database db; kembalikan proses dan URL setelah sehat. secrets: berkas
    secrets.toml khusus tes (bukan milik mesin ini); host: nama di URL (localhost untuk st.login,
    yang mengikat cookie-nya pada asal redirect_uri)."""
    port = port or _port_bebas()
    env = dict(os.environ, KINERJA_DB=str(db))
    tambahan = ["--secrets.files", str(secrets)] if secrets else []
    # Keluaran server ke berkas, bukan pipa yang tidak dibaca: pipa yang penuh (jejak galat
    # yang panjang) menghentikan server. Letaknya di proses.berkas_log untuk pesan tes.
    fd, nama = tempfile.mkstemp(prefix=f"kinerja-streamlit-{port}-", suffix=".log")
    os.close(fd)
    log = Path(nama)
    with log.open("wb") as keluaran:
        proses = subprocess.Popen(
            [sys.executable, "-m", "streamlit", "run", str(AKAR / "app.py"), "--server.port", str(port),
             "--server.address", "127.0.0.1", "--server.headless", "true", *tambahan],
            cwd=AKAR, env=env, stdout=keluaran, stderr=subprocess.STDOUT)
    proses.berkas_log = log
    sehat = f"http://127.0.0.1:{port}/_stcore/health"
    batas = time.time() + 60
    while time.time() < batas:
        try:
            if urllib.request.urlopen(sehat, timeout=2).read() == b"ok":
                return proses, f"http://{host}:{port}"
        except OSError:
            time.sleep(0.3)
    proses.kill()
    proses.wait(10)
    pytest.fail("streamlit tidak siap dalam 60 detik:\n" + log.read_text(errors="replace"))


# Grafik Plotly tergambar bila elemennya ada, SVG utamanya ada, tingginya sama dengan tinggi
# tata letak Plotly (grafik "stretch" sudah menyesuaikan wadahnya), dan tinggi semua grafik
# tidak berubah pada beberapa pemeriksaan berturut-turut. Plotly menggambar setelah skrip
# selesai, dan di mesin CI yang sibuk bisa jauh lebih lambat: ditunggu kondisinya, bukan waktu.
_GRAFIK_SIAP = """([n, stabil]) => {
  const g = [...document.querySelectorAll('.js-plotly-plot')];
  const siap = g.length >= n && g.every(e => {
    const svg = e.querySelector('.main-svg'), r = e.getBoundingClientRect();
    return e._fullLayout && svg && r.height > 0 && Math.abs(e._fullLayout.height - r.height) < 2;
  });
  const sidik = siap ? g.map(e => Math.round(e.getBoundingClientRect().height) + 'x' +
                                 Math.round(e.getBoundingClientRect().width)).join(',') : null;
  const w = window.__grafik_tes || (window.__grafik_tes = {sidik: null, kali: 0});
  if (sidik !== null && sidik === w.sidik) { w.kali += 1; } else { w.sidik = sidik; w.kali = 0; }
  return sidik !== null && w.kali >= stabil;
}"""


def tunggu_grafik(hal, jumlah: int = 0, batas_ms: int = 60_000) -> None:
    """Tunggu sampai sedikitnya `jumlah` grafik Plotly tergambar dan ukurannya tetap."""
    hal.wait_for_selector(SELESAI, timeout=batas_ms)
    hal.evaluate("() => { window.__grafik_tes = null; }")
    try:
        hal.wait_for_function(_GRAFIK_SIAP, arg=[jumlah, 3], polling=150, timeout=batas_ms)
    except Exception as e:  # noqa: BLE001 - pesan yang menyebut apa yang tidak tergambar
        ada = hal.locator(".js-plotly-plot").count()
        raise AssertionError(f"grafik tidak tergambar: {ada} dari {jumlah} grafik Plotly dalam "
                             f"{batas_ms // 1000} detik ({hal.url})") from e
    hal.wait_for_selector(SELESAI, timeout=batas_ms)


# Skala slide Mode Rapat menurut issue 12 (rancangan 1280x720; 1920x1080 = 1,5x), dihitung
# dengan tangan, bukan dari kode yang diuji. Peramban melapor ukurannya setelah tayangan
# pertama; halaman lalu digambar ulang dengan skala itu.
SKALA_RAPAT = {(1280, 720): "1", (1920, 1080): "1.5"}


def buka(peramban, url: str, lebar: int, tinggi: int, grafik: int = 0):
    """Halaman baru pada ukuran layar itu, setelah skrip selesai dan sedikitnya `grafik`
    grafik Plotly tergambar dengan ukuran akhirnya (Mode Rapat: dengan skala layarnya)."""
    hal = peramban.new_page(viewport={"width": lebar, "height": tinggi})
    hal.goto(url)
    tunggu_grafik(hal, grafik)
    if "/mode_rapat" in url and (lebar, tinggi) in SKALA_RAPAT:
        hal.wait_for_selector(f".rapat-kepala[data-skala='{SKALA_RAPAT[lebar, tinggi]}']", timeout=60_000)
        tunggu_grafik(hal, grafik)
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
