"""Akses di peramban sungguhan: masuk lewat penyedia OIDC lokal (oidc-provider-mock) dengan
pengalihan st.login yang nyata, peran dari pemetaan di database, tautan langsung ditolak,
keluar; kata sandi salah dibatasi lintas sesi dan setelah server dijalankan ulang."""

from __future__ import annotations

import re
import shutil

import pytest
from playwright.sync_api import expect

from kinerja.akses import akun, atur, jejak, simpan
from tests.bantu_oidc import blokir_jaringan_luar, keluar_lewat_penyedia, masuk_lewat_penyedia, penyedia_oidc, teks_auth
from tests.bantu_peramban import GALAT, LAYAR, SELESAI, _port_bebas, mulai_server, tunggu_grafik

SANDI = "sandi-budi-panjang"

# Teks yang benar-benar tampak di dalam elemen: node teks berhuruf > 0 px ditambah isi ::after
# (pengunggah Streamlit diberi teks Indonesia lewat CSS).
_TEKS_TAMPAK = """(sel) => {
  const akar = document.querySelector(sel), hasil = [];
  for (const el of [akar, ...akar.querySelectorAll('*')]) {
    const g = getComputedStyle(el);
    if (g.display === 'none' || g.visibility === 'hidden') continue;
    for (const n of el.childNodes)
      if (n.nodeType === 3 && n.textContent.trim() && parseFloat(g.fontSize) > 0) hasil.push(n.textContent.trim());
    const a = getComputedStyle(el, '::after').content;
    if (a && a !== 'none' && a !== 'normal') hasil.push(a.replace(/^"|"$/g, ''));
  }
  return hasil.join(' | ');
}"""


@pytest.fixture(scope="module")
def db_akses(db_demo, tmp_path_factory):
    path = tmp_path_factory.mktemp("akses") / "kinerja.duckdb"
    shutil.copyfile(db_demo, path)
    akun.tambah(path, "sso", "ani@pemda.go.id", "analis", oleh="tes")
    akun.tambah(path, "sso", "kepala@pemda.go.id", "admin", nama_tampil="Kepala Bappeda", oleh="tes")
    akun.tambah(path, "lokal", "budi", "analis", kata_sandi=SANDI, oleh="tes")
    atur.ubah(path, {simpan.TAMPILAN: simpan.TAMPILAN_MASUK}, oleh="tes", asal=None)  # hanya yang masuk
    return path


@pytest.fixture(scope="module")
def server_sso(db_akses, tmp_path_factory):
    with penyedia_oidc() as penyedia:
        port = _port_bebas()
        rahasia = tmp_path_factory.mktemp("rahasia") / "secrets.toml"
        rahasia.write_text(teks_auth(penyedia, port), encoding="utf-8")
        proses, url = mulai_server(db_akses, secrets=rahasia, port=port, host="localhost")
        yield url, rahasia
        proses.terminate()
        proses.wait(10)


def _halaman(peramban, url: str, lebar=1280, tinggi=720):
    konteks = peramban.new_context(viewport={"width": lebar, "height": tinggi})
    blokir_jaringan_luar(konteks)
    hal = konteks.new_page()
    hal.goto(url)
    hal.wait_for_selector(SELESAI, timeout=60_000)
    return hal


def _masuk_sso(hal, sub: str, email: str, nama: str) -> None:
    hal.get_by_role("button", name="Masuk lewat akun pemda (SSO)").click()
    masuk_lewat_penyedia(hal, sub, email=email, name=nama)


def test_tautan_langsung_tanpa_masuk_hanya_halaman_masuk(server_sso, peramban):
    url, _ = server_sso
    for lebar, tinggi in ((1280, 720), (1920, 1080)):
        hal = _halaman(peramban, f"{url}/peringkat_opd", lebar, tinggi)
        try:
            hal.get_by_role("heading", name="Masuk").wait_for(timeout=30_000)
            expect(hal.get_by_role("button", name="Masuk lewat akun pemda (SSO)")).to_be_visible(timeout=30_000)
            expect(hal.get_by_text("Dasbor ini hanya dapat dilihat setelah masuk.")).to_be_visible(timeout=30_000)
            assert hal.get_by_role("dialog").count() == 0  # tanpa "Page not found"
            assert hal.locator(".js-plotly-plot").count() == 0
            assert hal.locator("[data-testid='stMetric']").count() == 0
            hal.screenshot(path=str(LAYAR / f"masuk_{lebar}x{tinggi}.png"))
        finally:
            hal.context.close()


def test_masuk_lewat_penyedia_peran_dari_database_lalu_keluar(server_sso, peramban, db_akses):
    url, _ = server_sso
    hal = _halaman(peramban, f"{url}/tren")  # tautan langsung, belum masuk
    try:
        _masuk_sso(hal, "ani", "ani@pemda.go.id", "Ani Analis")
        tunggu_grafik(hal, 1)
        assert hal.get_by_text("Ani Analis").first.is_visible()
        assert hal.locator("[data-testid='stSidebar']").get_by_text("Analis", exact=False).first.is_visible()
        # Analis boleh mengunduh bahan rapat; tidak melihat halaman administrator.
        assert hal.get_by_role("button", name="Excel (XLSX)").is_visible()
        assert hal.get_by_role("link", name="Kelola Data").count() == 0
        hal.goto(f"{url}/kelola_data")
        hal.wait_for_selector(SELESAI, timeout=60_000)
        hal.get_by_text("Halaman ini hanya untuk administrator").wait_for(timeout=30_000)
        assert hal.locator("[data-testid='stFileUploader']").count() == 0
        # Tab baru pada peramban yang sama: masih masuk (cookie), peran dibaca ulang dari database.
        hal.goto(f"{url}/pengguna")
        hal.wait_for_selector(SELESAI, timeout=60_000)
        hal.get_by_text("Halaman ini hanya untuk administrator").wait_for(timeout=30_000)
        hal.goto(url)
        tunggu_grafik(hal, 1)
        hal.locator("[data-testid='stSidebar']").get_by_role("button", name="Keluar").click()
        keluar_lewat_penyedia(hal)
        hal.get_by_role("button", name="Masuk lewat akun pemda (SSO)").wait_for(timeout=30_000)
    finally:
        hal.context.close()
    df = jejak.daftar(db_akses, None)
    tercatat = list(zip(df["pengguna"], df["tindakan"]))
    # Dengan nama orangnya (dari token, karena pemetaannya tanpa nama tampilan) dan akunnya.
    assert ("Ani Analis (ani@pemda.go.id)", "masuk") in tercatat
    assert ("Ani Analis (ani@pemda.go.id)", "keluar") in tercatat


def test_administrator_lewat_penyedia_membuka_kelola_dan_pengguna(server_sso, peramban):
    url, _ = server_sso
    for lebar, tinggi in ((1280, 720), (1920, 1080)):
        hal = _halaman(peramban, url, lebar, tinggi)
        try:
            _masuk_sso(hal, "kepala", "kepala@pemda.go.id", "Nama Dari Token")
            tunggu_grafik(hal, 1)
            assert hal.get_by_text("Kepala Bappeda").first.is_visible()  # nama dari database
            hal.get_by_role("link", name="Pengguna & Akses").click()
            hal.get_by_role("heading", name="Pengaturan akses").wait_for(timeout=30_000)
            hal.wait_for_selector(SELESAI, timeout=60_000)
            assert hal.locator(GALAT).count() == 0
            hal.screenshot(path=str(LAYAR / f"pengguna_{lebar}x{tinggi}.png"), full_page=True)
            hal.get_by_role("link", name="Kelola Data").click()
            hal.locator("[data-testid='stFileUploader']").wait_for(timeout=30_000)
            teks = hal.evaluate(_TEKS_TAMPAK, "[data-testid='stFileUploaderDropzone']")
            assert "Pilih berkas" in teks and "Maks. 50 MB per berkas" in teks, teks
            assert not re.search(r"Upload|per file|Drag|Browse", teks), teks
            hal.get_by_role("heading", name="Jejak audit").scroll_into_view_if_needed()
            hal.wait_for_selector(SELESAI, timeout=60_000)
            hal.screenshot(path=str(LAYAR / f"kelola_jejak_{lebar}x{tinggi}.png"), full_page=True)
        finally:
            hal.context.close()


def _coba_sandi(peramban, url: str, sandi: str) -> str:
    """Satu percobaan di sesi peramban baru (konteks baru: tanpa cookie, sesi Streamlit baru)."""
    hal = _halaman(peramban, f"{url}/masuk")
    try:
        hal.get_by_label("Nama pengguna").fill("budi")
        hal.get_by_label("Kata sandi").fill(sandi)
        hal.get_by_role("button", name="Masuk", exact=True).click()
        pesan = hal.locator("[data-testid='stAlertContentError'], [data-testid='stMetric']").first
        pesan.wait_for(timeout=60_000)
        return pesan.inner_text()
    finally:
        hal.context.close()


def _server(peramban, db, rahasia):
    """Server baru, dibuka sekali di / lebih dulu: kunjungan pertama ke proses baru lewat tautan
    langsung masih memunculkan dialog "Page not found" Streamlit (mode folder pages/ lama
    sebelum st.navigation pertama; dicatat di issue)."""
    proses, url = mulai_server(db, secrets=rahasia)
    _halaman(peramban, url).context.close()
    return proses, url


def test_sandi_salah_dibatasi_lintas_sesi_dan_setelah_server_dijalankan_ulang(db_akses, peramban, tmp_path):
    db = tmp_path / "kinerja.duckdb"
    shutil.copyfile(db_akses, db)
    shutil.copyfile(simpan.lokasi_akses(db_akses), simpan.lokasi_akses(db))
    rahasia = tmp_path / "secrets.toml"
    rahasia.write_text("[lain]\nx = 1\n", encoding="utf-8")  # tanpa [auth]: hanya akun lokal
    proses, url = _server(peramban, db, rahasia)
    try:
        for sisa in (4, 3, 2, 1):  # setiap percobaan di sesi baru: hitungan tetap berlanjut
            assert f"Sisa percobaan sebelum dikunci: {sisa}" in _coba_sandi(peramban, url, "salah")
        assert "coba lagi dalam 15 menit" in _coba_sandi(peramban, url, "salah")
        assert "Terlalu banyak percobaan" in _coba_sandi(peramban, url, SANDI)
    finally:
        proses.terminate()
        proses.wait(10)
    proses, url = _server(peramban, db, rahasia)  # server dijalankan ulang
    try:
        assert "Terlalu banyak percobaan" in _coba_sandi(peramban, url, SANDI)
        # Akun lain dari alamat yang sama (di bawah batas alamat) masuk dari tautan langsung ke
        # Peringkat OPD, lalu tetap di halaman itu.
        akun.tambah(db, "lokal", "ani", "analis", kata_sandi=SANDI, oleh="tes")
        hal = _halaman(peramban, f"{url}/peringkat_opd")
        try:
            hal.get_by_label("Nama pengguna").fill("ani")
            hal.get_by_label("Kata sandi").fill(SANDI)
            hal.get_by_role("button", name="Masuk", exact=True).click()
            hal.get_by_role("heading", name="Peringkat OPD").first.wait_for(timeout=60_000)
            assert hal.url.split("?")[0].endswith("/peringkat_opd")
        finally:
            hal.context.close()
    finally:
        proses.terminate()
        proses.wait(10)
