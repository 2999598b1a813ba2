"""Kunjungan nyata dengan Chromium headless (Debian) ke `streamlit run app.py`.

Setiap halaman harus tampil tanpa kotak galat; tangkapan layar 1280x720 dan
1920x1080 disimpan di tests/screenshots/ (diabaikan git) untuk dilihat manusia.
Tes ini tidak pernah dilewati: tanpa Chromium ia gagal dengan pesan jelas.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import quote

import pytest

from playwright.sync_api import expect

from tests.bantu_peramban import GALAT, LAYAR, SELESAI, mulai_server as _mulai_server, buka as _buka, tunggu_grafik

AKAR = Path(__file__).resolve().parent.parent
UKURAN = [(1280, 720), (1920, 1080)]
# (nama, url_path, teks yang harus tampil). Halaman bawaan (Ringkasan) ada di akar "/".
HALAMAN = [
    ("ringkasan", "", "Ringkasan Kinerja OPD"),
    ("peringkat_opd", "peringkat_opd", "Peringkat menurut"),
    ("di_bawah_target", "di_bawah_target", "OPD di Bawah Target"),
    ("tren", "tren", "Tren Kinerja dan Anggaran"),
    ("profil_opd", "profil_opd", "Indikator kinerja"),
    ("tentang_data", "tentang_data", "Tentang Data"),
]
# Halaman yang menggambar grafik Plotly pada tampilan pertama, dan jumlah minimumnya
GRAFIK = {"ringkasan": 4, "peringkat_opd": 1, "tren": 2, "profil_opd": 2}
DINKES, DISDIK = "1.02.0.00.0.00.01.0000", "1.01.0.00.0.00.01.0000"












@pytest.mark.parametrize("lebar,tinggi", UKURAN)
@pytest.mark.parametrize("nama,jalur,teks", HALAMAN)
def test_halaman_tampil_dan_tangkapan_layar(server, peramban, nama, jalur, teks, lebar, tinggi):
    LAYAR.mkdir(exist_ok=True)
    hal = _buka(peramban, f"{server}/{jalur}", lebar, tinggi, grafik=GRAFIK.get(nama, 0))
    try:
        assert hal.locator(GALAT).count() == 0, hal.locator(GALAT).all_inner_texts()
        assert hal.locator("[role='dialog']").count() == 0, hal.locator("[role='dialog']").all_inner_texts()
        assert hal.get_by_text(teks).first.is_visible()
        if nama in GRAFIK:
            assert hal.locator(".js-plotly-plot").count() >= GRAFIK[nama], "grafik tidak tergambar"
        hal.screenshot(path=str(LAYAR / f"{nama}_{lebar}x{tinggi}.png"))
        # Seluruh halaman (tinggi layar diperbesar) untuk ditinjau
        hal.set_viewport_size({"width": lebar, "height": 2400})
        tunggu_grafik(hal, GRAFIK.get(nama, 0))
        hal.screenshot(path=str(LAYAR / f"{nama}_{lebar}x{tinggi}_penuh.png"))
    finally:
        hal.close()


@pytest.mark.parametrize("nama,jalur,teks", HALAMAN)
def test_tautan_dengan_parameter_mengatur_filter(server, peramban, nama, jalur, teks):
    """Tautan yang disalin analis membuka halaman dengan filter persis seperti di tautan."""
    tautan = (f"{server}/{jalur}?tahun=2024&triwulan=2&kelompok=Wajib+Pelayanan+Dasar"
              f"&opd={DINKES}&opd={DISDIK}" + (f"&profil={DISDIK}" if nama == "profil_opd" else ""))
    hal = _buka(peramban, tautan, 1280, 720)
    try:
        assert hal.locator(GALAT).count() == 0, hal.locator(GALAT).all_inner_texts()
        assert hal.locator("[role='dialog']").count() == 0
        assert hal.get_by_role("combobox", name="Tahun").input_value() == "2024"
        assert hal.get_by_role("combobox", name="Triwulan").input_value() == "TW II"
        assert hal.get_by_role("combobox", name="Kelompok urusan").input_value() == "Wajib Pelayanan Dasar"
        opd = hal.locator("section[data-testid='stSidebar'] [data-testid='stMultiSelect']").inner_text()
        assert "Dinkes" in opd and "Disdik" in opd, opd
        if nama != "tentang_data":
            assert hal.get_by_text("TW II 2024").first.is_visible()
        if nama == "profil_opd":
            assert hal.get_by_role("heading", name="Dinas Pendidikan").first.is_visible()
        assert "tahun=2024" in hal.url and "triwulan=2" in hal.url and "kelompok=" in hal.url
    finally:
        hal.close()


def test_navigasi_sidebar_menjaga_filter(server, peramban):
    """Dari Ringkasan lewat sidebar ke Tentang Data dan kembali: tanpa galat, periode tetap."""
    hal = _buka(peramban, f"{server}/?tahun=2023&triwulan=4", 1280, 720)
    try:
        hal.locator("[data-testid='stSidebarNav'] a").filter(has_text="Tentang Data").first.click()
        hal.wait_for_url("**/tentang_data**", timeout=30_000)
        hal.wait_for_selector(SELESAI, timeout=60_000)
        assert hal.get_by_text("Riwayat impor").first.is_visible()
        assert hal.locator(GALAT).count() == 0
        hal.locator("[data-testid='stSidebarNav'] a").filter(has_text="Ringkasan").first.click()
        hal.wait_for_selector(SELESAI, timeout=60_000)
        expect(hal.get_by_text("TW IV 2023").first).to_be_visible(timeout=30_000)
        assert hal.locator(GALAT).count() == 0
    finally:
        hal.close()


def test_profil_kembali_ke_opd_terakhir(server, peramban):
    """Analis membuka profil Disdik, pindah ke Ringkasan, lalu kembali ke Profil OPD
    lewat sidebar: yang tampil Disdik lagi, bukan OPD pertama daftar."""
    hal = _buka(peramban, f"{server}/profil_opd?tahun=2026&triwulan=3&profil={DISDIK}", 1280, 720)
    try:
        assert hal.get_by_role("heading", name="Dinas Pendidikan").first.is_visible()
        hal.locator("[data-testid='stSidebarNav'] a").filter(has_text="Ringkasan").first.click()
        hal.wait_for_url(lambda u: "/profil_opd" not in u, timeout=30_000)
        hal.wait_for_selector(SELESAI, timeout=60_000)
        expect(hal.get_by_text("Ringkasan Kinerja OPD").first).to_be_visible(timeout=30_000)
        hal.locator("[data-testid='stSidebarNav'] a").filter(has_text="Profil OPD").first.click()
        hal.wait_for_url("**/profil_opd**", timeout=30_000)
        hal.wait_for_selector(SELESAI, timeout=60_000)
        expect(hal.get_by_role("heading", name="Dinas Pendidikan").first).to_be_visible(timeout=30_000)
        assert f"profil={DISDIK}" in hal.url
        assert hal.locator(GALAT).count() == 0
    finally:
        hal.close()


def test_kunjungan_pertama_lewat_tautan_halaman(db_demo, peramban):
    """Server baru, kunjungan pertama langsung ke halaman non-bawaan dengan filter:
    halaman tetap dijalankan di dalam app.py (filter, navigasi), bukan sendirian."""
    proses, url = _mulai_server(db_demo)
    try:
        hal = _buka(peramban, f"{url}/tentang_data?tahun=2022&triwulan=3", 1280, 720)
        assert hal.locator(GALAT).count() == 0
        assert hal.locator("[role='dialog']").count() == 0
        assert hal.get_by_text("Riwayat impor").first.is_visible()
        assert hal.get_by_role("combobox", name="Tahun").input_value() == "2022"
        assert hal.get_by_role("combobox", name="Triwulan").input_value() == "TW III"
        assert "/tentang_data" in hal.url
        hal.close()
    finally:
        proses.terminate()
        proses.wait(10)


# Batang Plotly yang seluruhnya ada di dalam layar (tanpa menggulir).
_BATANG_TAMPAK = """() => [...document.querySelectorAll('.js-plotly-plot .barlayer .point path')].filter(b => {
  const r = b.getBoundingClientRect();
  return r.height > 0 && r.top >= 0 && r.bottom <= window.innerHeight;
}).length"""


def test_peringkat_layar_pertama_1280_memuat_sepuluh_batang(server, peramban):
    """Tampilan pertama Peringkat OPD di 1280x720: paling sedikit 10 batang utuh, diukur di peramban."""
    hal = _buka(peramban, f"{server}/peringkat_opd?tahun=2026&triwulan=3", 1280, 720, grafik=1)
    try:
        assert hal.evaluate("window.scrollY") == 0
        tampak = hal.evaluate(_BATANG_TAMPAK)
        assert tampak >= 10, f"hanya {tampak} batang di layar pertama"
    finally:
        hal.close()


def test_ringkasan_layar_pertama_1280_memuat_tiga_gauge_utuh(server, peramban):
    """Tampilan pertama Ringkasan di 1280x720: ketiga gauge (kinerja, keuangan, fisik) utuh di layar."""
    hal = _buka(peramban, f"{server}/?tahun=2026&triwulan=3", 1280, 720, grafik=3)
    try:
        kotak = hal.evaluate("""() => [...document.querySelectorAll('.js-plotly-plot')]
            .filter(g => g.querySelector('.indicatorlayer .trace'))
            .map(g => { const r = g.getBoundingClientRect(); return [r.top, r.bottom]; })""")
        assert len(kotak) >= 3, kotak
        assert all(atas >= 0 and bawah <= 720 for atas, bawah in kotak[:3]), kotak
    finally:
        hal.close()


def test_klik_batang_peringkat_membuka_profil(server, peramban):
    """Di rapat, analis mengeklik OPD pada grafik peringkat: profilnya terbuka
    dengan periode yang sama."""
    hal = _buka(peramban, f"{server}/peringkat_opd?tahun=2025&triwulan=4", 1920, 1080, grafik=1)
    try:
        batang = hal.locator(".js-plotly-plot .barlayer .point path").last  # OPD terbawah
        batang.scroll_into_view_if_needed()
        batang.click(force=True)
        hal.wait_for_url("**/profil_opd**", timeout=30_000)
        hal.wait_for_selector(SELESAI, timeout=60_000)
        expect(hal.get_by_text("Indikator kinerja").first).to_be_visible(timeout=30_000)
        assert hal.locator(GALAT).count() == 0
        assert "profil=" in hal.url and "tahun=2025" in hal.url
        assert hal.get_by_role("combobox", name="Tahun").input_value() == "2025"
    finally:
        hal.close()


def test_kelola_data_tersembunyi_dan_tanpa_sandi_tidak_memuat(server, peramban):
    """Penonton tidak melihat Kelola Data di navigasi; tautan langsung tanpa kata sandi
    yang dikonfigurasi hanya menjelaskan cara mengaturnya (tidak ada unggahan)."""
    hal = _buka(peramban, server, 1280, 720)
    try:
        nav = hal.locator("[data-testid='stSidebarNav']").inner_text()
        assert "Ringkasan" in nav and "Kelola Data" not in nav
    finally:
        hal.close()
    hal = _buka(peramban, f"{server}/kelola_data", 1280, 720)
    try:
        assert hal.locator(GALAT).count() == 0
        assert hal.get_by_text("Kata sandi administrator belum diatur").first.is_visible()
        assert hal.locator("[data-testid='stFileUploader']").count() == 0
        LAYAR.mkdir(exist_ok=True)
        hal.screenshot(path=str(LAYAR / "kelola_data_tanpa_sandi_1280x720.png"))
    finally:
        hal.close()


def test_toast_dari_tautan_berbahaya_tanpa_tautan_hidup(server, peramban):
    """Tautan `/profil_opd?profil=[Sesi habis](https://…)` yang dikirim orang lain: toast
    menampilkan nilainya sebagai teks, tanpa elemen <a> (juga bukan URL yang ditautkan otomatis)."""
    tautan = f"{server}/profil_opd?profil=" + quote("[Sesi habis](https://evil.example)")
    # Toast hilang sendiri setelah beberapa detik: ditunggu sejak halaman dibuka, bukan sesudah
    # skrip dan grafiknya selesai (di mesin sibuk itu bisa lebih lama dari umur toast).
    hal = peramban.new_page(viewport={"width": 1280, "height": 720})
    hal.goto(tautan)
    try:
        toast = hal.locator("[data-testid='stToast']").filter(has_text="Sesi habis")
        expect(toast.first).to_be_visible(timeout=30_000)
        assert "evil" in toast.first.inner_text()
        assert hal.locator("a[href*='evil']").count() == 0, hal.locator("a[href*='evil']").all_inner_texts()
    finally:
        hal.close()
