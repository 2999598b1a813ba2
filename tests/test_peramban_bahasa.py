"""Tidak ada teks Inggris Streamlit yang sampai ke pengguna (issue 12), di Chromium 1280x720: setiap
halaman dasbor dibuka, bilah alat tabel disentuh penunjuk (tooltip setiap tombolnya), menu kolom dan
submenu formatnya, menu tampil/sembunyi kolom, pencarian tabel, daftar pilihan (juga dengan "tak
ditemukan") dan pilihan ganda dibuka; lalu teks tampak, teks untuk pembaca layar, atribut aria-label, title,
placeholder, alt, dan isi ::before/::after seluruh dokumen diperiksa. Penerjemahnya: kinerja.ui.bahasa
(daftar teks bundel: tests/test_bahasa_streamlit.py). Juga: data tidak ikut diterjemahkan, wadah
penerjemah tidak memakan tempat, pemberitahuan (toast) dan sambungan putus berbahasa Indonesia."""

from __future__ import annotations

import re
import shutil

import pytest

from tests.bantu_peramban import LAYAR, SELESAI, buka, mulai_server, tunggu_grafik

HALAMAN = ["ringkasan", "peringkat_opd", "di_bawah_target", "tren", "profil_opd", "tentang_data", "mode_rapat"]
GRAFIK = {"ringkasan": 3, "peringkat_opd": 1, "tren": 2, "profil_opd": 2}

# Kata dan frasa Inggris dari bingkai, tabel, pilihan, bantuan, status dan sambungan Streamlit 1.67
# (bukan kata Indonesia; "Format", "menu", "data", "server" juga kata Indonesia dan tidak didaftar).
INGGRIS = re.compile(
    r"\b(show/hide|columns?|download|search|fullscreen|close|sort|ascending|descending|autosize|pin|unpin|"
    r"hide|help|running|stop|stopping|rerun|connecting|connection|please|wait|clear|no results|results?|"
    r"choose|options?|select|selected|open|skip|sidebar|collapse|expand|app pages|type to|copy|copied|"
    r"statistics|loading|icon|remove|press|enter to|dataframe|error|index|percentile|chart|histogram of|"
    r"notifications?|dismiss|suggestions|available|view less|view \d+ more|main menu|previous|next|"
    r"automatic|localized|plain|compact|scientific|accounting|distance|calendar|duration|count|distinct|"
    r"empty|values|average|maximum|minimum|standard deviation|range|length|sample|increment|decrement|"
    r"password|submit|unable|not found|timed out|page|rows?|over|dollar|percent|sum|distribution|no data|"
    r"not responding|scroll|zoom|double-click)\b", re.I)

# Semua teks dokumen, dalam dua daftar: tampak = node teks berhuruf > 0 px yang tidak tersembunyi,
# ditambah isi ::before/::after; semua = setiap node teks (juga untuk pembaca layar) dan atribut
# aria-label, title, placeholder, alt. Huruf ikon Material ("search", "close") adalah gambar: dilewati.
_TEKS = """() => {
  const isi = (s) => {
    if (!s || s === 'none' || s === 'normal') return null;
    const m = /^"((?:[^"\\\\]|\\\\.)*)"/.exec(s);
    return m ? m[1] : s;
  };
  const tampak = [], semua = [];
  for (const el of document.querySelectorAll('body *')) {
    if (el.closest('script, style, noscript, [data-testid="stIconMaterial"]')) continue;
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

# Kotak elemen sama pada dua pemeriksaan berturut-turut dan tidak transparan (bilah alat tabel
# muncul dengan transisi: posisi dan opasitasnya berubah sesaat).
_DIAM = """(el) => {
  if (!el || !el.isConnected) return false;
  for (let e = el; e; e = e.parentElement) if (parseFloat(getComputedStyle(e).opacity) < 1) return false;
  const r = el.getBoundingClientRect(), kini = [r.x, r.y, r.width, r.height].join(',');
  const sama = window.__diam_tes === kini;
  window.__diam_tes = kini;
  return sama && r.width > 0;
}"""

WADAH_TABEL = "[data-testid='stElementContainer']:has([data-testid='stDataFrame']):visible"
TOMBOL_ALAT = "[data-testid='stElementToolbarButton'] button"


def _kumpulkan(hal, kumpulan: dict[str, list[str]]) -> None:
    for jenis, isi in hal.evaluate(_TEKS).items():
        kumpulan.setdefault(jenis, []).append(isi)


def _tanpa_inggris(kumpulan: dict[str, list[str]], tempat: str) -> None:
    for jenis, daftar in kumpulan.items():
        for isi in daftar:
            m = INGGRIS.search(isi)
            assert not m, f"{tempat}: teks Inggris ({jenis}) {m.group(0)!r} di ...{isi[max(0, m.start() - 120):m.end() + 120]}..."


def _siap(hal) -> None:
    """Penerjemah terpasang (dokumen ditandai lang=id) dan skrip selesai."""
    hal.wait_for_function("() => document.documentElement.lang === 'id' && !!window.__kinerjaBahasa", timeout=60_000)
    hal.wait_for_selector(SELESAI, timeout=60_000)


# Titik elemen yang benar-benar di bawah penunjuk (tidak tertutup elemen lain, mis. judul di atas
# tabel yang menutupi sebagian bilah alatnya): tengah, lalu bagian bawah, atas, kiri, kanan, puncak.
_TITIK_BEBAS = """(el) => {
  const r = el.getBoundingClientRect();
  for (const [fx, fy] of [[.5, .5], [.5, .8], [.5, .2], [.2, .5], [.8, .5], [.5, .1]]) {
    const x = r.x + r.width * fx, y = r.y + r.height * fy, atas = document.elementFromPoint(x, y);
    if (atas && (atas === el || el.contains(atas))) return [x, y];
  }
  return null;
}"""


def _penunjuk_ke(hal, loc) -> None:
    """Penunjuk melompat langsung ke elemen: bilah alat tabel ada di atas tabel dengan celah; penunjuk
    yang melewati celah itu meninggalkan tabel dan bilah alatnya mulai menghilang."""
    titik = loc.evaluate(_TITIK_BEBAS)
    assert titik is not None, f"elemen tertutup atau di luar layar: {loc.bounding_box()}"
    hal.mouse.move(*titik)


def _bilah_alat_tampak(hal, wadah) -> None:
    """Penunjuk di atas tabel; tunggu bilah alatnya berhenti bergerak."""
    # Puncak tabel di sepertiga atas layar (juga tabel yang lebih tinggi dari layar): bilah alat di
    # atasnya tidak di bawah kepala halaman.
    wadah.evaluate("""e => {
      let p = e.parentElement;
      while (p && !(p.scrollHeight > p.clientHeight && /auto|scroll/.test(getComputedStyle(p).overflowY))) p = p.parentElement;
      (p || document.scrollingElement).scrollBy(0, e.getBoundingClientRect().top - window.innerHeight / 3);
    }""")
    _penunjuk_ke(hal, wadah.locator("[data-testid='stDataFrame']"))
    alat = wadah.locator("[data-testid='stElementToolbar']")
    alat.locator(TOMBOL_ALAT.split(" ")[-1]).first.wait_for(state="visible", timeout=10_000)
    hal.evaluate("() => { window.__diam_tes = null; }")
    hal.wait_for_function(_DIAM, arg=alat.element_handle(), polling=100, timeout=10_000)


def _tooltip(hal, wadah, tombol) -> None:
    """Penunjuk ke tombol bilah alat sampai tooltip-nya tampil; teksnya = label tombol (Indonesia).
    Tata letak dapat bergeser sesaat (grafik di atasnya selesai digambar): penunjuk keluar-masuk lagi,
    paling banyak tiga kali."""
    label = tombol.get_attribute("aria-label")
    for _ in range(3):
        _bilah_alat_tampak(hal, wadah)
        _penunjuk_ke(hal, tombol.locator("xpath=ancestor::*[@data-testid='stTooltipHoverTarget'][1]"))
        try:
            hal.wait_for_function("(t) => [...document.querySelectorAll('[role=tooltip]')]"
                                  ".some(e => e.textContent.trim() === t)", arg=label, timeout=5_000)
            return
        except Exception:  # noqa: BLE001 - dicoba lagi; gagal ketiga kali dilaporkan di bawah
            hal.mouse.move(5, 5)
    tips = hal.evaluate("() => [...document.querySelectorAll('[role=tooltip]')].map(e => e.textContent)")
    raise AssertionError(f"tooltip {label!r} tidak tampil (tooltip: {tips}, tombol: {tombol.bounding_box()})")


def _buka_menu_kolom(hal, tabel):
    """Kanvas tabel tidak punya elemen per kolom: batas kolom pertama dicari dari penunjuk yang berubah
    menjadi col-resize di kepala tabel; ikon menu kolom (tampil saat penunjuk di atas kepala kolom) ada
    tepat di kiri batas itu. Klik yang jatuh sebelum ikonnya tampil mengurutkan kolom: diulang, paling
    banyak tiga kali. Mengembalikan item "Urutkan naik" menu itu."""
    kotak = tabel.bounding_box()
    y = kotak["y"] + 17
    batas = None
    for dx in range(5, int(kotak["width"]), 4):
        hal.mouse.move(kotak["x"] + dx, y)
        if tabel.evaluate("e => getComputedStyle(e.querySelector('.dvn-scroller')).cursor") == "col-resize":
            batas = dx
            break
    assert batas is not None, "batas kolom pertama tidak ditemukan di kepala tabel"
    urut = hal.locator("[data-testid='stDataFrameColumnMenu']").get_by_role("menuitem", name="Urutkan naik")
    for _ in range(3):
        hal.mouse.move(kotak["x"] + batas - 30, y)
        hal.mouse.move(kotak["x"] + batas - 14, y)
        hal.mouse.click(kotak["x"] + batas - 14, y)
        try:
            urut.wait_for(timeout=3_000)
            return urut
        except Exception:  # noqa: BLE001 - klik mengurutkan kolom; dicoba lagi
            pass
    raise AssertionError("menu kolom tidak terbuka")


def _tabel(hal, kumpulan, nama: str) -> None:
    wadah = hal.locator(WADAH_TABEL).first
    _bilah_alat_tampak(hal, wadah)
    tombol = wadah.locator(TOMBOL_ALAT)
    for i in range(tombol.count()):
        _tooltip(hal, wadah, tombol.nth(i))
        _kumpulkan(hal, kumpulan)
        if i == 0 and nama == "peringkat_opd":  # gambar setelah tooltip tampil penuh (transisi)
            hal.evaluate("() => { window.__diam_tes = null; }")
            hal.wait_for_function(_DIAM, arg=hal.locator("[role='tooltip']").first.element_handle(), polling=100,
                                  timeout=10_000)
            hal.screenshot(path=str(LAYAR / "bahasa_bilah_alat_tabel_1280x720.png"))
    assert {tombol.nth(i).get_attribute("aria-label") for i in range(tombol.count())} >= {
        "Tampilkan/sembunyikan kolom", "Unduh sebagai CSV", "Cari", "Layar penuh"}
    # Menu kolom (ikon menu di kepala kolom pertama) dan submenu formatnya.
    urut = _buka_menu_kolom(hal, wadah.locator("[data-testid='stDataFrame']"))
    menu = hal.locator("[data-testid='stDataFrameColumnMenu']")
    format_ = menu.get_by_role("menuitem", name="Format tampilan")
    if format_.count():
        format_.hover()
        hal.locator("[data-testid='stDataFrameColumnFormattingMenu']").wait_for(timeout=10_000)
    _kumpulkan(hal, kumpulan)
    if nama == "peringkat_opd":
        hal.screenshot(path=str(LAYAR / "bahasa_menu_kolom_1280x720.png"))
    hal.keyboard.press("Escape")
    urut.wait_for(state="detached", timeout=10_000)
    # Menu tampil/sembunyi kolom.
    _bilah_alat_tampak(hal, wadah)
    wadah.get_by_role("button", name="Tampilkan/sembunyikan kolom", exact=True).click()
    hal.locator("[data-testid='stDataFrameColumnVisibilityMenu']").get_by_text("Pilih semua").wait_for(timeout=10_000)
    _kumpulkan(hal, kumpulan)
    hal.keyboard.press("Escape")
    hal.locator("[data-testid='stDataFrameColumnVisibilityMenu']").wait_for(state="detached", timeout=10_000)
    # Pencarian: satu huruf, jumlah hasilnya.
    _bilah_alat_tampak(hal, wadah)
    wadah.get_by_role("button", name="Cari", exact=True).click()
    hal.keyboard.type("a")
    hasil = wadah.locator("[data-testid='search-result-area']")
    hasil.wait_for(timeout=10_000)
    hal.wait_for_function("(e) => / hasil$|^lebih dari/.test(e.textContent)", arg=hasil.element_handle(), timeout=10_000)
    _kumpulkan(hal, kumpulan)
    hal.keyboard.press("Escape")


def _pilihan(hal, kumpulan, nama: str) -> None:
    pilih = hal.locator("[data-testid='stSelectbox'] [role='combobox']:visible")
    if pilih.count() == 0:
        return
    hal.mouse.move(5, 5)
    pilih.first.click()
    hal.locator("[role='listbox'] [role='option']").first.wait_for(timeout=10_000)
    if nama == "peringkat_opd":
        hal.screenshot(path=str(LAYAR / "bahasa_daftar_pilihan_1280x720.png"))
    _kumpulkan(hal, kumpulan)
    hal.keyboard.type("zzzz")
    hal.locator("[role='listbox']").get_by_text("Tak ditemukan").wait_for(timeout=10_000)
    _kumpulkan(hal, kumpulan)
    if nama == "peringkat_opd":
        hal.screenshot(path=str(LAYAR / "bahasa_pilihan_tidak_cocok_1280x720.png"))
    hal.keyboard.press("Escape")
    ganda = hal.locator("[data-testid='stMultiSelect'] [role='combobox']:visible")
    if ganda.count():
        ganda.first.click()
        hal.keyboard.press("ArrowDown")
        hal.locator("[role='listbox']").get_by_text("Pilih semua").wait_for(timeout=10_000)
        _kumpulkan(hal, kumpulan)
        hal.keyboard.press("Escape")


@pytest.mark.parametrize("nama", HALAMAN)
def test_halaman_tanpa_teks_inggris_streamlit(server, peramban, nama):
    LAYAR.mkdir(exist_ok=True)
    hal = buka(peramban, f"{server}/{nama}", 1280, 720, grafik=GRAFIK.get(nama, 0))
    try:
        _siap(hal)
        # Wadah penerjemah tidak tampak dan tidak memakan tempat (juga di Mode Rapat): juga pembungkus
        # tata letaknya, yang bila tampil mendapat jarak antarelemen blok induknya.
        wadah = hal.locator(".st-key-kinerja_bahasa")
        assert wadah.count() == 1
        assert wadah.evaluate("e => [e, e.parentElement].map(x => getComputedStyle(x).display)") == ["none", "none"]
        kumpulan: dict[str, list[str]] = {}
        _kumpulkan(hal, kumpulan)
        if nama == "mode_rapat":  # pilihan tayangan di dalam popover
            hal.get_by_role("button", name=re.compile("Pengaturan tayangan")).click()
            hal.get_by_role("combobox", name="Slide").wait_for(timeout=10_000)
        elif hal.locator(WADAH_TABEL).count():
            _tabel(hal, kumpulan, nama)
        _pilihan(hal, kumpulan, nama)
        _kumpulkan(hal, kumpulan)
        _tanpa_inggris(kumpulan, nama)
        semua = " | ".join(kumpulan["semua"])
        assert "Bantuan untuk Triwulan" in semua or nama == "mode_rapat"
    finally:
        hal.close()


def test_data_tabel_tidak_ikut_diterjemahkan(server, peramban):
    """Kolom "Format" di Riwayat impor (Tentang Data) adalah data: sama bunyinya dengan item menu
    kolom Streamlit, tetapi tetap "Format" di tabel pembaca layar dan di menu tampil/sembunyi kolom."""
    hal = buka(peramban, f"{server}/tentang_data", 1280, 720)
    try:
        _siap(hal)
        semua = hal.locator(WADAH_TABEL)
        # Tabel pembaca layar di dalam kanvas dibuat setelah tabel tampil di layar.
        semua.last.scroll_into_view_if_needed()
        hal.wait_for_function("() => [...document.querySelectorAll('[data-testid=stDataFrame] th')]"
                              ".some(t => t.textContent.startsWith('SHA-256'))", timeout=30_000)
        kepala_tabel = [semua.nth(i).evaluate("e => [...e.querySelectorAll('th')].map(t => t.textContent)")
                        for i in range(semua.count())]
        cocok = [i for i, k in enumerate(kepala_tabel) if any(t.startswith("SHA-256") for t in k)]
        assert len(cocok) == 1, kepala_tabel
        wadah, kepala = semua.nth(cocok[0]), kepala_tabel[cocok[0]]
        assert "Format" in kepala and "Format tampilan" not in kepala, kepala
        _bilah_alat_tampak(hal, wadah)
        wadah.get_by_role("button", name="Tampilkan/sembunyikan kolom", exact=True).click()
        menu = hal.locator("[data-testid='stDataFrameColumnVisibilityMenu']")
        menu.get_by_text("Pilih semua").wait_for(timeout=10_000)
        label = menu.locator("label").all_text_contents()
        assert "Format" in label and "Format tampilan" not in label, label
        assert "(indeks)" in label, label
    finally:
        hal.close()


def test_pemberitahuan_berbahasa_indonesia(server, peramban):
    """Tautan dengan nilai filter yang tidak dikenal: toast dengan tombol tutup Indonesia."""
    hal = buka(peramban, f"{server}/ringkasan?tahun=1900", 1280, 720)
    try:
        _siap(hal)
        toast = hal.locator("[data-testid='stToast']")
        toast.first.wait_for(timeout=30_000)
        hal.wait_for_function("() => document.querySelector('[data-testid=stToast] button')?.getAttribute('aria-label') === 'Tutup'",
                              timeout=10_000)
        kumpulan: dict[str, list[str]] = {}
        _kumpulkan(hal, kumpulan)
        _tanpa_inggris(kumpulan, "toast")
    finally:
        hal.close()


def test_sambungan_putus_berbahasa_indonesia(db_demo, peramban, tmp_path):
    """Server berhenti saat halaman terbuka: dialog dan status sambungan Streamlit berbahasa Indonesia."""
    db = tmp_path / "kinerja.duckdb"
    shutil.copyfile(db_demo, db)
    proses, url = mulai_server(db)
    hal = None
    try:
        hal = peramban.new_page(viewport={"width": 1280, "height": 720})
        hal.goto(f"{url}/peringkat_opd")
        tunggu_grafik(hal, 1)
        _siap(hal)
        proses.terminate()
        proses.wait(10)
        hal.get_by_role("dialog").get_by_text("Sambungan terputus").wait_for(timeout=60_000)
        hal.wait_for_function("() => /Menyambung|Galat/.test(document.querySelector('[data-testid=stStatusWidget]')?.textContent"
                              " || document.querySelector('[data-testid=stConnectionStatus]')?.textContent || '')"
                              " || !!document.querySelector('[role=dialog]')", timeout=30_000)
        kumpulan: dict[str, list[str]] = {}
        _kumpulkan(hal, kumpulan)
        _tanpa_inggris(kumpulan, "sambungan putus")
    finally:
        if hal is not None:
            hal.close()
        if proses.poll() is None:
            proses.terminate()
            proses.wait(10)
