"""Mode Rapat di Chromium headless nyata: setiap jenis slide, kedua tema, pada
1920x1080 dan 1280x720: tanpa kotak galat, tanpa sidebar, tidak ada yang melebar
keluar layar (horizontal), kendali terlihat tanpa menggulir. Tangkapan layar di
tests/screenshots/rapat_<jenis>_<tema>_<WxH>.png. Juga: putar otomatis dan jeda.
Pola server/peramban disalin dari tests/test_peramban.py.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.bantu_peramban import GALAT, LAYAR, SELESAI, buka as _buka

AKAR = Path(__file__).resolve().parent.parent
UKURAN = [(1920, 1080), (1280, 720)]
TEMA = ["terang", "gelap"]
PERIODE = "tahun=2026&triwulan=3"
# (jenis, parameter tautan, teks judul slide yang harus tampil, jumlah grafik minimum)
SLIDE = [
    ("ringkasan", "set=semua&slide=1", "Ringkasan kinerja", 0),
    ("peringkat", "set=semua&slide=2", "Peringkat OPD", 2),
    ("di_bawah_target", "set=semua&slide=3", "OPD di bawah target", 0),
    ("opd", "set=bawah&slide=4", "Dispar", 2),          # terburuk di demo, dengan kendala
    ("bidang", "set=bidang&slide=5", "Bidang 1.02 Kesehatan", 1),
]

_UKUR = """() => {
  const lebar = window.innerWidth, tinggi = window.innerHeight;
  const keluar = [];
  for (const sel of ['.rapat-kepala', '.rapat-judul', '.rapat-nomor', '.js-plotly-plot', '.rapat-tabel',
                     '.rapat-kartu', '.rapat-poin', '.st-key-rapat_kendali button']) {
    for (const el of document.querySelectorAll(sel)) {
      const r = el.getBoundingClientRect();
      if (r.width === 0) continue;
      if (r.left < -1 || r.right > lebar + 1) keluar.push(sel + ' ' + Math.round(r.left) + '-' + Math.round(r.right));
    }
  }
  const kendali = document.querySelector('.st-key-rapat_kendali');
  return {lebar_gulir: document.documentElement.scrollWidth, lebar, tinggi, keluar,
          bawah_kendali: kendali ? kendali.getBoundingClientRect().bottom : null,
          sidebar: !!document.querySelector("[data-testid='stSidebar']") &&
                   document.querySelector("[data-testid='stSidebar']").getBoundingClientRect().width > 0};
}"""


def _nomor(hal) -> str:
    return hal.locator(".rapat-nomor").first.inner_text().split("\n")[0].strip()


@pytest.mark.parametrize("lebar,tinggi", UKURAN)
@pytest.mark.parametrize("tema", TEMA)
@pytest.mark.parametrize("jenis,param,judul,grafik", SLIDE)
def test_slide_terbaca_dan_tidak_terpotong(server, peramban, jenis, param, judul, grafik, tema, lebar, tinggi):
    LAYAR.mkdir(exist_ok=True)
    hal = _buka(peramban, f"{server}/mode_rapat?{PERIODE}&{param}&tema={tema}", lebar, tinggi, grafik=grafik)
    try:
        assert hal.locator(GALAT).count() == 0, hal.locator(GALAT).all_inner_texts()
        assert hal.locator("[role='dialog']").count() == 0
        assert hal.locator(".rapat-judul").first.inner_text().strip() == judul
        assert re.fullmatch(r"\d+ / \d+", _nomor(hal)), _nomor(hal)
        assert hal.get_by_text("TW III 2026").first.is_visible()
        if grafik:
            assert hal.locator(".js-plotly-plot").count() >= grafik, "grafik tidak tergambar"
        ukur = hal.evaluate(_UKUR)
        assert not ukur["sidebar"], "sidebar masih tampil"
        assert ukur["lebar_gulir"] <= ukur["lebar"], ukur
        assert not ukur["keluar"], ukur["keluar"]
        # Kendali (dan seluruh slide di atasnya) muat di layar tanpa menggulir.
        assert ukur["bawah_kendali"] is not None and ukur["bawah_kendali"] <= tinggi, ukur
        if tema == "gelap":
            latar = hal.evaluate("getComputedStyle(document.querySelector('.stApp')).backgroundColor")
            assert latar in ("rgb(11, 12, 14)",), latar
        if jenis == "ringkasan":
            ukuran_angka = hal.evaluate(
                "parseFloat(getComputedStyle(document.querySelector('.rapat-angka')).fontSize) * "
                "(parseFloat(getComputedStyle(document.querySelector('.rapat-angka').closest("
                "\"[data-testid='stMarkdownContainer']\")).zoom) || 1)")
            assert ukuran_angka >= (48 if lebar >= 1920 else 40), ukuran_angka
        hal.screenshot(path=str(LAYAR / f"rapat_{jenis}_{tema}_{lebar}x{tinggi}.png"))
    finally:
        hal.close()


def test_putar_otomatis_lalu_jeda(server, peramban):
    hal = _buka(peramban, f"{server}/mode_rapat?{PERIODE}&set=bawah&slide=1&jeda=10", 1280, 720)
    try:
        assert _nomor(hal) == "1 / 16"
        hal.wait_for_function("document.querySelector('.rapat-nomor').innerText.startsWith('2 / 16')",
                              timeout=25_000)
        assert "slide=2" in hal.url
        hal.get_by_role("button", name=re.compile("^Jeda")).click()
        # Jeda berlaku bila tombolnya berganti menjadi "Putar otomatis"; lalu selama lebih dari
        # satu jeda (10 detik) slide tidak boleh berganti: menunggu waktu di sini memang isi tesnya.
        expect(hal.get_by_role("button", name=re.compile("Putar otomatis"))).to_be_visible(timeout=30_000)
        hal.wait_for_selector(SELESAI, timeout=30_000)
        sekarang = _nomor(hal)
        hal.wait_for_timeout(13_000)
        assert _nomor(hal) == sekarang, "masih berganti slide setelah dijeda"
        assert hal.get_by_role("button", name=re.compile("Putar otomatis")).is_visible()
        assert hal.locator(GALAT).count() == 0
    finally:
        hal.close()


def test_tombol_dan_tautan_langsung(server, peramban):
    hal = _buka(peramban, f"{server}/mode_rapat?{PERIODE}&slide=3", 1920, 1080)
    try:
        assert _nomor(hal) == "3 / 50"
        hal.get_by_role("button", name="Berikutnya ▶").click()
        hal.wait_for_function("document.querySelector('.rapat-nomor').innerText.startsWith('4 / 50')",
                              timeout=20_000)
        assert "slide=4" in hal.url
        # Nomor berganti sebelum jalannya skrip selesai; klik di tengah jalannya skrip bisa
        # hilang di mesin yang sibuk, jadi tunggu skrip selesai dulu (seperti tes papan ketik).
        hal.wait_for_selector(SELESAI, timeout=30_000)
        hal.get_by_role("button", name="◀ Sebelumnya").click()
        hal.wait_for_function("document.querySelector('.rapat-nomor').innerText.startsWith('3 / 50')",
                              timeout=20_000)
        assert hal.locator(GALAT).count() == 0
    finally:
        hal.close()


def _tunggu_nomor(hal, teks: str, batas_ms: int = 60_000) -> None:
    hal.wait_for_function(f"document.querySelector('.rapat-nomor').innerText.startsWith('{teks}')",
                          timeout=batas_ms)


def _tekan_sampai(hal, tombol: str, harap: str) -> None:
    """Tekan tombol sampai nomor slide menjadi `harap`. Tekanan yang jatuh saat halaman sedang
    digambar ulang bisa hilang di mesin sibuk: diulang hanya selama nomornya belum berubah."""
    sebelum = _nomor(hal)
    for _ in range(3):
        hal.keyboard.press(tombol)
        try:
            _tunggu_nomor(hal, harap, 20_000)
            return
        except Exception:  # noqa: BLE001 - belum berubah: tekan lagi; berubah ke nomor lain: gagal
            assert _nomor(hal) == sebelum, f"{tombol}: {sebelum} menjadi {_nomor(hal)}, bukan {harap}"
    _tunggu_nomor(hal, harap)


def test_papan_ketik_dan_remote_presentasi(server, peramban):
    """Panah kiri/kanan dan PageUp/PageDown (yang dikirim remote presentasi) mengganti slide."""
    hal = _buka(peramban, f"{server}/mode_rapat?{PERIODE}&slide=3", 1920, 1080)
    try:
        assert _nomor(hal) == "3 / 50"
        hal.locator(".rapat-judul").first.click()   # fokus di halaman, bukan di kotak isian
        for tombol, harap in (("ArrowRight", "4 / 50"), ("PageDown", "5 / 50"), ("PageUp", "4 / 50"),
                              ("ArrowLeft", "3 / 50")):
            _tekan_sampai(hal, tombol, harap)
            hal.wait_for_selector(SELESAI, timeout=60_000)
        assert "slide=3" in hal.url
        # Tombol kembar PageUp/PageDown tidak tampil.
        assert not hal.get_by_role("button", name=re.compile("PageDown")).is_visible()
        assert hal.locator(GALAT).count() == 0
    finally:
        hal.close()


_TINGGI_GRAFIK = """() => [...document.querySelectorAll('.js-plotly-plot')].map(
    e => Math.round(e.getBoundingClientRect().height))"""


def test_grafik_ikut_membesar_di_layar_besar(server, peramban):
    """Slide dirancang untuk 1280x720; di 1920x1080 grafik 1,5x lebih tinggi (mengisi layar
    seperti teksnya), bukan tetap berukuran layar kecil dengan sepertiga bawah kosong."""
    tinggi = {}
    for lebar, t in UKURAN:
        hal = _buka(peramban, f"{server}/mode_rapat?{PERIODE}&set=bawah&slide=4", lebar, t, grafik=2)
        try:
            tinggi[t] = hal.evaluate(_TINGGI_GRAFIK)
            bawah = hal.evaluate("document.querySelector('.st-key-rapat_kendali').getBoundingClientRect().bottom")
            assert bawah <= t
        finally:
            hal.close()
    kecil, besar = tinggi[720], tinggi[1080]
    assert len(kecil) == len(besar) >= 2, tinggi
    for a, b in zip(kecil, besar):
        assert b / a == pytest.approx(1.5, abs=0.05), tinggi


def test_unduh_pptx_mengikuti_himpunan_slide(server, peramban, db_demo, tmp_path):
    """Analis memilih 'Per bidang urusan' di Mode Rapat lalu mengunduh PPTX: dek berisi slide
    bidang yang sama (urutan sama) dengan yang tampil, bukan himpunan bawaan paket."""
    import duckdb
    from pptx import Presentation

    from kinerja.rapat.paket import susun_paket
    from kinerja.rapat.slide import susun_slide

    import shutil

    from kinerja.akses import akun
    from tests.bantu_peramban import SELESAI, mulai_server

    # Unduhan hanya untuk analis yang masuk: server sendiri pada salinan demo dengan akun analis.
    db = tmp_path / "db" / "kinerja.duckdb"
    db.parent.mkdir()
    shutil.copyfile(db_demo, db)
    akun.tambah(db, "lokal", "analis", "analis", kata_sandi="sandi-analis-panjang", oleh="tes")
    rahasia = tmp_path / "secrets.toml"
    rahasia.write_text("[lain]\nx = 1\n", encoding="utf-8")
    proses, url = mulai_server(db, secrets=rahasia)
    hal = peramban.new_page(viewport={"width": 1280, "height": 720})
    try:
        hal.goto(url)
        hal.wait_for_selector(SELESAI, timeout=60_000)
        hal.goto(f"{url}/masuk")
        hal.get_by_label("Nama pengguna").fill("analis")
        hal.get_by_label("Kata sandi").fill("sandi-analis-panjang")
        hal.get_by_role("button", name="Masuk", exact=True).click()
        hal.get_by_text("Masuk sebagai").first.wait_for(timeout=60_000)
        # Di dalam aplikasi (memuat ulang halaman = sesi baru, belum masuk).
        hal.get_by_role("link", name="Mode Rapat").click()
        # Tunggu halaman Mode Rapat sendiri (SELESAI bisa masih milik halaman sebelumnya).
        hal.wait_for_url("**/mode_rapat**", timeout=60_000)
        atur = hal.get_by_role("button", name=re.compile("Pengaturan tayangan"))
        atur.wait_for(timeout=120_000)
        hal.wait_for_selector(SELESAI, timeout=60_000)
        atur.click()
        hal.get_by_role("combobox", name="Slide").click()
        hal.get_by_role("option", name="Per bidang urusan").click()
        hal.wait_for_url("**set=bidang**", timeout=60_000)
        hal.wait_for_selector(SELESAI, timeout=60_000)
        pptx = hal.get_by_role("button", name=re.compile("Presentasi \\(PPTX\\)"))
        if not pptx.is_visible():
            atur.click()
        pptx.wait_for(timeout=60_000)
        with hal.expect_download(timeout=120_000) as unduhan:
            hal.get_by_role("button", name=re.compile("Presentasi \\(PPTX\\)")).click()
        berkas = tmp_path / unduhan.value.suggested_filename
        unduhan.value.save_as(berkas)
    finally:
        hal.close()
        proses.terminate()
        proses.wait(10)
    assert berkas.name == "paket-rapat_kabupaten-nusa-makmur_2026_TW3.pptx"
    con = duckdb.connect(str(db_demo), read_only=True)
    try:
        paket = susun_paket(con, "99.01", 2026, 3, himpunan="bidang")
    finally:
        con.close()
    bidang = [s.judul for s in susun_slide(paket.opd, "bidang") if s.jenis == "bidang"]
    judul = [sh.text_frame.text for sl_ in Presentation(str(berkas)).slides for sh in sl_.shapes
             if sh.has_text_frame and sh.text_frame.text.startswith("Bidang ")]
    assert len(bidang) > 10
    assert [j for j in judul if j in bidang] == bidang


# Ukuran huruf setiap teks yang tampak di slide (HTML dan SVG Plotly), dalam px layar:
# zoom CSS wadah markdown ikut dihitung; kendali di bawah slide tidak termasuk.
_HURUF = """() => {
  const hasil = [];
  const akar = document.querySelector("[data-testid='stMainBlockContainer']");
  for (const el of akar.querySelectorAll('*')) {
    if (el.closest('.st-key-rapat_kendali, .st-key-rapat_atur')) continue;
    const g = getComputedStyle(el);
    if (g.display === 'none' || g.visibility === 'hidden' || g.opacity === '0') continue;
    if (![...el.childNodes].some(n => n.nodeType === 3 && n.textContent.trim())) continue;
    const r = el.getBoundingClientRect();
    if (r.width === 0 || r.height === 0) continue;
    let z = 1;
    if (!(el instanceof SVGElement)) for (let e = el; e; e = e.parentElement) z *= parseFloat(getComputedStyle(e).zoom) || 1;
    hasil.push([parseFloat(g.fontSize) * z, el.textContent.trim().slice(0, 40), el instanceof SVGElement]);
  }
  hasil.sort((a, b) => a[0] - b[0]);
  return hasil;
}"""


def _huruf(hal, minimal: float) -> list:
    """Ukuran semua teks, setelah grafik digambar ulang dengan skala layarnya: Plotly menukar
    SVG sesudah skrip selesai, jadi ditunggu sampai huruf terkecil mencapai batasnya (atau
    batas waktu), lalu diukur; pernyataan tes yang memutuskan."""
    try:
        hal.wait_for_function(f"() => ({_HURUF})().every(h => h[0] >= {minimal - 0.05})", polling=200,
                              timeout=20_000)
    except Exception:  # noqa: BLE001 - ukuran yang salah dilaporkan oleh pernyataan di bawah
        pass
    return hal.evaluate(_HURUF)


@pytest.mark.parametrize("jenis,param,judul,grafik", SLIDE)
def test_tiada_teks_di_bawah_14px_pada_1280(server, peramban, jenis, param, judul, grafik):
    hal = _buka(peramban, f"{server}/mode_rapat?{PERIODE}&{param}", 1280, 720, grafik=grafik)
    try:
        terkecil = _huruf(hal, 14)[:3]
        assert terkecil and terkecil[0][0] >= 14 - 0.05, terkecil
    finally:
        hal.close()


@pytest.mark.parametrize("jenis,param,judul,grafik", SLIDE)
def test_teks_1920_satu_setengah_kali_1280(server, peramban, jenis, param, judul, grafik):
    """Issue 12: di 1920x1080 setiap teks slide, teks grafik juga, 1,5 kali ukurannya di
    1280x720 (jadi paling kecil 21 px). Teks dipasangkan menurut isinya."""
    ukuran = {}
    for lebar, tinggi, minimal in ((1280, 720, 14), (1920, 1080, 21)):
        hal = _buka(peramban, f"{server}/mode_rapat?{PERIODE}&{param}", lebar, tinggi, grafik=grafik)
        try:
            ukuran[lebar] = _huruf(hal, minimal)
        finally:
            hal.close()
    assert ukuran[1920][0][0] >= 21 - 0.05, ukuran[1920][:3]
    per_teks = {}
    for lebar, daftar in ukuran.items():
        for px, teks, svg in daftar:
            per_teks.setdefault((teks, svg), {}).setdefault(lebar, []).append(px)
    pasangan = [(k, sorted(v[1280]), sorted(v[1920])) for k, v in per_teks.items()
                if len(v) == 2 and len(v[1280]) == len(v[1920])]
    assert len(pasangan) >= 10 and any(k[1] for k, _, _ in pasangan) == (grafik > 0), pasangan
    salah = [(k, a, b) for k, kecil, besar in pasangan for a, b in zip(kecil, besar)
             if abs(b / a - 1.5) > 0.03]
    assert not salah, salah


@pytest.mark.parametrize("lebar,tinggi", UKURAN)
@pytest.mark.parametrize("jenis,param,judul,grafik", SLIDE)
def test_slide_memakai_layarnya(server, peramban, jenis, param, judul, grafik, lebar, tinggi):
    """Issue 12: tiada slide yang menyisakan lebih dari seperempat layar kosong (diukur dari
    bawah kendali slide, yang mengikuti isi, sampai tepi bawah layar). Daftar pendek ditulis
    berhuruf besar, bukan huruf 15 px di atas ruang kosong."""
    hal = _buka(peramban, f"{server}/mode_rapat?{PERIODE}&{param}", lebar, tinggi, grafik=grafik)
    try:
        bawah = hal.evaluate("document.querySelector('.st-key-rapat_kendali').getBoundingClientRect().bottom")
        assert (tinggi - bawah) / tinggi <= 0.25, f"{jenis}: {tinggi - bawah:.0f} px dari {tinggi} kosong"
    finally:
        hal.close()
