"""Pemeriksaan tampilan: setiap halaman dasbor dan setiap jenis slide Mode Rapat pada 1280x720
dan 1920x1080 dibandingkan dengan gambar acuan yang sudah dilihat orang (tests/visual/).
Perubahan tata letak membuat tes gagal sampai seseorang melihat gambar barunya dan
menerimanya:

    KINERJA_TERIMA_TAMPILAN=1 ./tes.sh tests/test_peramban_visual.py

menulis gambar acuan baru (lihat dulu gambarnya di tests/screenshots/visual/, lalu commit).

Gambar dibandingkan pada setengah resolusi dalam skala abu-abu: selisih halus tepi huruf
(antialias) hilang, pergeseran elemen tidak. Teks yang berubah tiap impor ("Data per ...")
dan tabel st.dataframe (digambar di kanvas sesudah skrip selesai; waktu impor di Tentang Data)
ditutup kotak.
"""

from __future__ import annotations

import os
import re
from io import BytesIO
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from tests.bantu_peramban import LAYAR, buka as _buka

ACUAN = Path(__file__).resolve().parent / "visual"
KELUAR = LAYAR / "visual"
PERIODE = "tahun=2026&triwulan=3"
UKURAN = [(1280, 720), (1920, 1080)]
# (nama, alamat, jumlah grafik Plotly yang ditunggu)
HALAMAN = [
    ("ringkasan", f"ringkasan?{PERIODE}", 3),
    ("peringkat_opd", f"peringkat_opd?{PERIODE}", 1),
    ("di_bawah_target", f"di_bawah_target?{PERIODE}", 0),
    ("tren", f"tren?{PERIODE}", 1),
    ("profil_opd", f"profil_opd?{PERIODE}&profil=1.02.0.00.0.00.01.0000", 1),
    ("rapat_ringkasan", f"mode_rapat?{PERIODE}&set=semua&slide=1", 0),
    ("rapat_peringkat", f"mode_rapat?{PERIODE}&set=semua&slide=2", 2),
    ("rapat_di_bawah_target", f"mode_rapat?{PERIODE}&set=semua&slide=3", 0),
    ("rapat_opd", f"mode_rapat?{PERIODE}&set=bawah&slide=4", 2),
    ("rapat_bidang", f"mode_rapat?{PERIODE}&set=bidang&slide=5", 1),
]
AMBANG_PIKSEL = 40        # selisih abu-abu (0-255) yang dihitung berubah
BATAS_BERUBAH = 0.006     # bagian piksel berubah yang masih diterima (0,6%)
TERIMA = os.environ.get("KINERJA_TERIMA_TAMPILAN") == "1"


def _abu_setengah(png: bytes) -> np.ndarray:
    g = Image.open(BytesIO(png)).convert("L")
    return np.asarray(g.resize((g.width // 2, g.height // 2), Image.Resampling.BOX), dtype=np.int16)


def bagian_berubah(a: np.ndarray, b: np.ndarray) -> float:
    """Bagian piksel yang selisihnya lebih dari AMBANG_PIKSEL (1.0 bila ukurannya lain)."""
    if a.shape != b.shape:
        return 1.0
    return float((np.abs(a - b) > AMBANG_PIKSEL).mean())


def test_pembanding_menangkap_pergeseran_dan_mengabaikan_antialias():
    """Pembandingnya sendiri: kotak yang bergeser 12 px gagal, derau tepi kecil lolos."""
    acak = np.random.default_rng(1)
    dasar = np.full((360, 640), 255, dtype=np.int16)
    dasar[100:160, 50:400] = 0
    derau = np.clip(dasar + acak.integers(-20, 21, dasar.shape), 0, 255)
    geser = np.full_like(dasar, 255)
    geser[112:172, 50:400] = 0
    assert bagian_berubah(dasar, derau) == 0
    assert bagian_berubah(dasar, geser) > BATAS_BERUBAH
    assert bagian_berubah(dasar, dasar[:, :600]) == 1.0


def _tutup(hal, nama: str) -> list:
    # st.dataframe digambar di kanvas setelah skrip selesai (di mesin sibuk bisa belakangan) dan
    # isinya diuji tes lain: kotaknya ditutup, letak dan ukurannya tetap dibandingkan.
    return [hal.get_by_text(re.compile(r"Data per ")), hal.locator(".rapat-nomor span"),
            hal.locator("[data-testid='stDataFrame']")]


@pytest.mark.parametrize("lebar,tinggi", UKURAN)
@pytest.mark.parametrize("nama,alamat,grafik", HALAMAN)
def test_tampilan_sama_dengan_acuan(server, peramban, nama, alamat, grafik, lebar, tinggi):
    hal = _buka(peramban, f"{server}/{alamat}", lebar, tinggi, grafik=grafik)
    try:
        # Kursor dan fokus di luar halaman; tanpa animasi transisi.
        hal.mouse.move(0, tinggi - 1)
        png = hal.screenshot(mask=_tutup(hal, nama), mask_color="#FF00FF", animations="disabled")
    finally:
        hal.close()
    berkas = f"{nama}_{lebar}x{tinggi}.png"
    KELUAR.mkdir(parents=True, exist_ok=True)
    (KELUAR / berkas).write_bytes(png)
    acuan = ACUAN / berkas
    if TERIMA:
        ACUAN.mkdir(exist_ok=True)
        acuan.write_bytes(png)
        return
    assert acuan.exists(), (f"Belum ada gambar acuan {acuan.relative_to(ACUAN.parent.parent)}; lihat "
                            f"{KELUAR / berkas} lalu terima dengan KINERJA_TERIMA_TAMPILAN=1")
    kini, lama = _abu_setengah(png), _abu_setengah(acuan.read_bytes())
    berubah = bagian_berubah(kini, lama)
    if berubah > BATAS_BERUBAH and kini.shape == lama.shape:
        beda = np.where(np.abs(kini - lama) > AMBANG_PIKSEL, 0, 255).astype(np.uint8)
        Image.fromarray(beda).save(KELUAR / f"{nama}_{lebar}x{tinggi}_beda.png")
    assert berubah <= BATAS_BERUBAH, (
        f"Tampilan {nama} {lebar}x{tinggi} berubah: {berubah:.1%} piksel berbeda dari acuan "
        f"(batas {BATAS_BERUBAH:.1%}). Lihat {KELUAR / berkas} dan {nama}_{lebar}x{tinggi}_beda.png; "
        f"bila perubahan itu disengaja dan benar, terima dengan KINERJA_TERIMA_TAMPILAN=1.")
