"""Pengunggah Kelola Data di Chromium (issue 12: tidak ada teks Inggris Streamlit yang sampai ke
pengguna): berkas di atas server.maxUploadSize ditolak klien dengan pesan Indonesia yang menyebut
batasnya; berkas .txt/.pdf sampai ke server dan ditolak dengan pesan Indonesia yang menyebut
namanya; teks tampak (termasuk ::before/::after), teks untuk pembaca layar dan atribut
(aria-label, title) di pengunggah dan tooltip galatnya berbahasa Indonesia."""

from __future__ import annotations

import re
import shutil
import tomllib

import pytest

from kinerja.akses import akun
from tests.bantu_peramban import AKAR, GALAT, LAYAR, SELESAI, mulai_server

SANDI = "sandi-admin-unggah"
# Dibaca sendiri dari config.toml (bukan lewat kode yang diuji): batas unggahan dalam MB.
with (AKAR / ".streamlit" / "config.toml").open("rb") as _f:
    BATAS_MB = tomllib.load(_f)["server"]["maxUploadSize"]

# Kata dan frasa Inggris dari pengunggah Streamlit 1.67 (static/js FileUploader.*.js, utils.*.js;
# daftarnya di tests/test_unggah_teks.py) dan yang biasa di pengunggah lain.
INGGRIS = re.compile(
    r"\b(upload\w*|drag|drop|browse|files?|per file|remove|cancel|add|error|must be|smaller|larger|"
    r"not allowed|too small|only one|unexpected|please|try again|retry|click|press|delete|failed|"
    r"icon|request|status code|network)\b", re.I)

PENGUNGGAH = "[data-testid='stFileUploader']"
CHIP = "[data-testid='stFileChip']"

# Semua teks pengunggah (dan tooltip galat yang ditunjuk chip-nya), dalam dua daftar:
# tampak = node teks berhuruf > 0 px yang tidak tersembunyi ditambah isi ::before/::after (tanpa
# teks alternatifnya); semua = setiap node teks (juga yang hanya untuk pembaca layar) dan atribut
# aria-label, title, placeholder, alt. Huruf ikon Material ("upload", "add") adalah gambar, bukan
# kata: dilewati.
_TEKS = """(sel) => {
  const akar = [...document.querySelectorAll(sel)];
  for (const el of document.querySelectorAll(sel + ' [aria-describedby]')) {
    const t = document.getElementById(el.getAttribute('aria-describedby'));
    if (t && t.getAttribute('role') === 'tooltip') akar.push(t);
  }
  const isi = (s) => {
    if (!s || s === 'none' || s === 'normal') return null;
    const m = /^"((?:[^"\\\\]|\\\\.)*)"/.exec(s);
    return m ? m[1] : s;
  };
  const tampak = [], semua = [];
  for (const a of akar) for (const el of [a, ...a.querySelectorAll('*')]) {
    if (el.closest('[data-testid="stIconMaterial"]')) continue;
    const g = getComputedStyle(el);
    const terlihat = g.display !== 'none' && g.visibility !== 'hidden' && !el.closest('[hidden]');
    for (const n of el.childNodes) {
      if (n.nodeType !== 3 || !n.textContent.trim()) continue;
      semua.push(n.textContent.trim());
      const r = document.createRange(); r.selectNodeContents(n);
      const kotak = r.getBoundingClientRect();
      if (terlihat && parseFloat(g.fontSize) > 0 && kotak.width > 1 && kotak.height > 1) tampak.push(n.textContent.trim());
    }
    for (const p of ['::before', '::after']) {
      const c = isi(getComputedStyle(el, p).content);
      if (c && terlihat) { tampak.push(c); semua.push(c); }
    }
    for (const at of ['aria-label', 'title', 'placeholder', 'alt']) if (el.getAttribute(at)) semua.push(el.getAttribute(at));
  }
  return {tampak: tampak.join(' | '), semua: semua.join(' | ')};
}"""


# Elemen dan semua induknya tidak transparan, dan letaknya sama pada dua pemeriksaan berturut-turut.
_TOOLTIP_TAMPAK = """(sel) => {
  const el = document.querySelector(sel);
  if (!el) return false;
  for (let e = el; e; e = e.parentElement) if (parseFloat(getComputedStyle(e).opacity) < 1) return false;
  const r = el.getBoundingClientRect(), kini = [r.x, r.y, r.width, r.height].join(',');
  const sama = window.__tooltip_tes === kini;
  window.__tooltip_tes = kini;
  return sama && r.width > 0;
}"""


def _teks(hal) -> dict[str, str]:
    return hal.evaluate(_TEKS, PENGUNGGAH)


def _tanpa_inggris(teks: dict[str, str], *nama_berkas: str) -> None:
    for jenis, isi in teks.items():
        for nama in nama_berkas:  # nama berkas uji adalah data, bukan teks Streamlit
            isi = isi.replace(nama, "NAMA")
        assert not INGGRIS.search(isi), f"teks Inggris ({jenis}): {INGGRIS.search(isi).group(0)!r} di {isi!r}"


@pytest.fixture(scope="module")
def server_admin(db_demo, tmp_path_factory):
    folder = tmp_path_factory.mktemp("unggah")
    db = folder / "kinerja.duckdb"
    shutil.copyfile(db_demo, db)
    akun.tambah(db, "lokal", "pengelola", "admin", kata_sandi=SANDI, oleh="tes")
    rahasia = folder / "secrets.toml"
    rahasia.write_text("[lain]\nx = 1\n", encoding="utf-8")  # tanpa [auth]: hanya akun lokal
    proses, url = mulai_server(db, secrets=rahasia)
    yield url
    proses.terminate()
    proses.wait(10)


@pytest.fixture
def kelola(server_admin, peramban):
    """Halaman Kelola Data 1280x720, masuk sebagai administrator lokal."""
    konteks = peramban.new_context(viewport={"width": 1280, "height": 720})
    hal = konteks.new_page()
    # Kunjungan pertama ke proses baru lewat / (lihat tests/test_peramban_akses.py _server).
    hal.goto(server_admin)
    hal.wait_for_selector(SELESAI, timeout=60_000)
    hal.goto(f"{server_admin}/masuk")
    hal.wait_for_selector(SELESAI, timeout=60_000)
    hal.get_by_label("Nama pengguna").fill("pengelola")
    hal.get_by_label("Kata sandi").fill(SANDI)
    hal.get_by_role("button", name="Masuk", exact=True).click()
    # Tautan admin tampil setelah jalannya masuk selesai; baru lalu pindah halaman (klik saat
    # skrip masih berjalan bisa hilang di mesin yang sibuk).
    hal.get_by_role("link", name="Kelola Data").wait_for(timeout=120_000)
    hal.wait_for_selector(SELESAI, timeout=120_000)
    hal.get_by_role("link", name="Kelola Data").click()
    hal.locator(PENGUNGGAH).wait_for(timeout=120_000)
    hal.wait_for_selector(SELESAI, timeout=120_000)
    yield hal
    konteks.close()


def _pilih(hal, *paths) -> None:
    hal.locator("[data-testid='stFileUploaderDropzoneInput']").set_input_files([str(p) for p in paths])


def test_pengunggah_kosong_dan_saat_diseret_berbahasa_indonesia(kelola):
    hal = kelola
    teks = _teks(hal)
    assert "Pilih berkas" in teks["tampak"], teks
    assert f"Maks. {BATAS_MB} MB per berkas · XLSX atau CSV" in teks["tampak"], teks
    _tanpa_inggris(teks)
    # Berkas diseret di atas pengunggah: lapisan "Drag and drop files here" Streamlit.
    hal.evaluate("""() => {
      const dt = new DataTransfer();
      dt.items.add(new File(['a'], 'data.csv', {type: 'text/csv'}));
      document.querySelector('[data-testid="stFileUploaderDropzone"]')
        .dispatchEvent(new DragEvent('dragenter', {dataTransfer: dt, bubbles: true}));
    }""")
    hal.locator(PENGUNGGAH).get_by_text("Lepaskan berkas di sini").wait_for(timeout=10_000)
    _tanpa_inggris(_teks(hal))


def test_berkas_melebihi_batas_ditolak_dengan_pesan_indonesia(kelola, tmp_path):
    hal = kelola
    besar = tmp_path / "besar.xlsx"
    with besar.open("wb") as f:  # berkas jarang: 1 byte di atas batas, tanpa menulis isinya
        f.truncate(BATAS_MB * 1024 * 1024 + 1)
    _pilih(hal, besar)
    hal.locator(f"{CHIP}[aria-invalid='true']").wait_for(timeout=30_000)
    # Tanpa penunjuk di atas chip (juga layar sentuh): satu baris Indonesia dengan batasnya.
    hal.wait_for_function("(s) => getComputedStyle(document.querySelector(s), '::after').content.includes('tidak diterima')",
                          arg=PENGUNGGAH, timeout=10_000)
    tampak = _teks(hal)["tampak"]
    assert f"Berkas bertanda merah tidak diterima (batasnya {BATAS_MB} MB per berkas" in tampak, tampak
    # Penunjuk di atas chip: tooltip galatnya.
    hal.locator(CHIP).hover()
    tooltip = hal.locator("[role='tooltip'] [data-testid='stTooltipErrorContent']")
    tooltip.wait_for(timeout=10_000)
    hal.wait_for_function("(s) => document.querySelector(s).textContent.startsWith('Berkas terlalu besar')",
                          arg="[role='tooltip'] [data-testid='stTooltipErrorContent']", timeout=10_000)
    assert tooltip.inner_text() == (f"Berkas terlalu besar: batasnya {BATAS_MB} MB per berkas. Pecah per tahun "
                                    "atau per OPD, lalu unggah lagi.")
    # Tooltip muncul dengan transisi: gambar diambil setelah tampak penuh.
    hal.wait_for_function(_TOOLTIP_TAMPAK, arg="[role='tooltip'] [data-testid='stTooltipErrorContent']",
                          polling=100, timeout=10_000)
    LAYAR.mkdir(exist_ok=True)
    hal.screenshot(path=str(LAYAR / "kelola_unggah_terlalu_besar_1280x720.png"))
    teks = _teks(hal)
    _tanpa_inggris(teks, "besar.xlsx")
    # Pesan untuk pembaca layar (role=alert, tersembunyi dari mata).
    assert hal.locator(f"{CHIP} [role='alert']").text_content() == f"Galat: {tooltip.inner_text()}"
    # Ukuran di chip dengan koma desimal; Streamlit menulis MB desimal (10^6 byte), satu angka
    # di belakang koma: (50 x 1024 x 1024 + 1) / 10^6 = 52,4.
    ukuran = f"{(BATAS_MB * 1024 * 1024 + 1) / 1e6:.1f}".replace(".", ",") + " MB"
    assert hal.locator(CHIP).get_attribute("aria-label") == f"besar.xlsx, {ukuran}"
    assert hal.locator(CHIP).get_by_text(ukuran, exact=True).is_visible()
    # Klien menolaknya: server tidak menerima apa-apa.
    assert hal.get_by_text("Belum ada berkas.").is_visible()
    assert hal.locator(GALAT).count() == 0
    # Tombol hapus bernama Indonesia dan bekerja.
    hal.get_by_role("button", name="Hapus besar.xlsx").click()
    hal.locator(CHIP).wait_for(state="detached", timeout=10_000)
    assert "tidak diterima" not in _teks(hal)["tampak"]


def test_berkas_selain_xlsx_csv_ditolak_server_dengan_nama_dan_jenisnya(kelola, tmp_path):
    hal = kelola
    catatan = tmp_path / "catatan.txt"
    catatan.write_text("kode_opd,nama_opd\n1,Dinas\n", encoding="utf-8")
    laporan = tmp_path / "laporan.pdf"
    laporan.write_bytes(b"%PDF-1.4\n%%EOF\n")
    _pilih(hal, catatan, laporan)
    pesan = hal.locator("[data-testid='stAlertContentError']")
    pesan.wait_for(timeout=60_000)
    hal.wait_for_selector(SELESAI, timeout=60_000)
    assert pesan.locator("[data-testid='stMarkdownContainer']").inner_text() == (
        "2 berkas ini tidak dapat dimuat: catatan.txt, laporan.pdf. Hanya berkas XLSX atau CSV (templat impor "
        "atau ekspor SIPD) yang diterima. Hapus berkas itu dari daftar unggahan (tombol × di sampingnya), lalu "
        "unggah berkas XLSX atau CSV.")
    # Klien tidak menolak jenisnya (tanpa type=): kedua chip terunggah, tanpa pesan Inggris klien.
    assert hal.locator(CHIP).count() == 2
    assert hal.locator(f"{CHIP}[aria-invalid='true']").count() == 0
    assert hal.get_by_role("heading", name="3. Format dan pilihan").count() == 0
    _tanpa_inggris(_teks(hal), "catatan.txt", "laporan.pdf")
    assert hal.get_by_role("button", name="Hapus catatan.txt").is_visible()
    pesan.scroll_into_view_if_needed()
    hal.screenshot(path=str(LAYAR / "kelola_unggah_jenis_ditolak_1280x720.png"))
    # Berkas yang salah dihapus: pesannya hilang bersama berkasnya.
    hal.get_by_role("button", name="Hapus catatan.txt").click()
    hal.get_by_text("Berkas ini tidak dapat dimuat: laporan.pdf.").wait_for(timeout=60_000)
    hal.get_by_role("button", name="Hapus laporan.pdf").click()
    hal.get_by_text("Belum ada berkas.").wait_for(timeout=60_000)
    assert pesan.count() == 0


def test_unggahan_gagal_dikirim_pesan_indonesia(kelola, tmp_path):
    """Server menolak atau jaringan putus saat berkas dikirim: pesan klien Streamlit adalah teks
    galat JavaScript ("AxiosError: Request failed with status code 500")."""
    hal = kelola
    hal.route("**/_stcore/upload_file/**", lambda r: r.fulfill(status=500, body="galat uji"))
    opd = tmp_path / "opd.csv"
    opd.write_text("kode_opd,nama_opd\n1,Dinas\n", encoding="utf-8")
    _pilih(hal, opd)
    hal.locator(f"{CHIP}[aria-invalid='true']").wait_for(timeout=30_000)
    gagal = ("Berkas gagal dikirim ke server. Hapus berkas ini lalu unggah lagi; bila tetap gagal, muat ulang "
             "halaman dan masuk lagi.")
    hal.wait_for_function("([s, t]) => document.querySelector(s)?.textContent === t",
                          arg=[f"{CHIP} [role='alert']", f"Galat: {gagal}"], timeout=10_000)
    hal.locator(CHIP).hover()
    tooltip = hal.locator("[role='tooltip'] [data-testid='stTooltipErrorContent']")
    tooltip.wait_for(timeout=10_000)
    hal.wait_for_function("([s, t]) => document.querySelector(s)?.textContent === t",
                          arg=["[role='tooltip'] [data-testid='stTooltipErrorContent']", gagal], timeout=10_000)
    _tanpa_inggris(_teks(hal), "opd.csv")
    assert hal.get_by_text("Belum ada berkas.").is_visible()
