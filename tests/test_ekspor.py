"""Paket rapat: setiap berkas ekspor dibaca kembali (openpyxl, python-pptx, pypdf)
dan angkanya dibandingkan dengan view stabil v_capaian_opd / v_anggaran_opd."""

from __future__ import annotations

import html
import io
import re

import pytest
from openpyxl import load_workbook
from pptx import Presentation
from pypdf import PdfReader

from kinerja import format as fmt
from kinerja.rapat import slide as sl
from kinerja.ekspor import gambar as gbr
from kinerja.ekspor import nama_paket, tulis
from kinerja.rapat.paket import susun_paket

PEMDA_DEMO = "99.01"


@pytest.fixture(scope="module")
def paket_demo(con_demo):
    return susun_paket(con_demo, PEMDA_DEMO, 2026, 3)


def _opd_view(con, pemda, tahun, tw):
    return con.execute(
        "SELECT kode_opd, nama_opd, capaian, kategori, peringkat FROM v_capaian_opd "
        "WHERE kode_pemda = ? AND tahun = ? AND triwulan = ? ORDER BY peringkat NULLS LAST, nama_opd",
        [pemda, tahun, tw]).df()


def _lembar(ws) -> list[dict]:
    baris = list(ws.iter_rows(values_only=True))
    return [dict(zip(baris[0], b)) for b in baris[1:]]


def _teks_pdf(path) -> str:
    return "\n".join(h.extract_text() or "" for h in PdfReader(str(path)).pages)


def _rata(teks: str) -> str:
    return re.sub(r"\s+", " ", teks)


def test_nama_berkas():
    assert nama_paket("Kabupaten Nusa Makmur", 2026, 3, "xlsx") == "paket-rapat_kabupaten-nusa-makmur_2026_TW3.xlsx"
    n = nama_paket("Kota Sübang/Raya", 2025, 4, "pdf")
    assert n.endswith("_2025_TW4.pdf") and "kota-subang-raya" in n


def test_xlsx_sama_dengan_view(con_demo, paket_demo, tmp_path):
    path = tmp_path / nama_paket(paket_demo.nama_pemda, 2026, 3, "xlsx")
    tulis(paket_demo, "xlsx", path)
    wb = load_workbook(path)
    assert wb.sheetnames[:6] == ["Ringkasan", "Peringkat", "Di bawah target", "Indikator",
                                 "Anggaran per bulan", "Kendala"]
    view = _opd_view(con_demo, PEMDA_DEMO, 2026, 3)
    ws = wb["Peringkat"]
    assert ws.freeze_panes == "A2"
    rows = _lembar(ws)
    assert [r["Kode OPD"] for r in rows] == list(view["kode_opd"])
    for r, v in zip(rows, view.itertuples()):
        assert r["Peringkat"] == v.peringkat
        assert r["Capaian (%)"] == pytest.approx(v.capaian)
        assert r["Kategori"] == v.kategori
    # format angka dan warna pita dari skala database
    judul = [c.value for c in ws[1]]
    assert ws.cell(2, judul.index("Capaian (%)") + 1).number_format == "0.00"
    assert ws.cell(2, judul.index("Pagu (Rp)") + 1).number_format == "#,##0"
    sel = ws.cell(2, judul.index("Kategori") + 1)
    warna = paket_demo.warna_kategori(sel.value)[0].lstrip("#").upper()
    assert sel.fill.fgColor.rgb.endswith(warna)
    # anggaran per bulan = v_anggaran_opd
    ang = con_demo.execute(
        "SELECT kode_opd, bulan, pagu, realisasi_kumulatif FROM v_anggaran_opd "
        "WHERE kode_pemda = ? AND tahun = 2026 AND bulan <= 9", [PEMDA_DEMO]).df()
    rows = _lembar(wb["Anggaran per bulan"])
    assert len(rows) == len(ang)
    per_view = {(k, int(b)): (p, r) for k, b, p, r in ang.itertuples(index=False)}
    nama_ke_kode = dict(zip(paket_demo.anggaran_bulanan["nama_opd"], paket_demo.anggaran_bulanan["kode_opd"]))
    for r in rows:
        p, re_ = per_view[(nama_ke_kode[r["Nama OPD"]], r["Bulan"])]
        assert r["Pagu (Rp)"] == pytest.approx(p)
        assert r["Realisasi kumulatif (Rp)"] == pytest.approx(re_)
    # poin penting ada di lembar Ringkasan
    teks = " ".join(str(r["Nilai"]) for r in _lembar(wb["Ringkasan"]))
    for p in paket_demo.poin:
        assert p.teks in teks


def test_xlsx_kendala_rumus_dinetralkan(con_kecil, tmp_path):
    con_kecil.execute("UPDATE kendala SET kendala = '=HYPERLINK(\"http://x\",\"klik\")', "
                      "tindak_lanjut = '+1+1' WHERE kode_pemda = 'T01'")
    paket = susun_paket(con_kecil, "T01", 2025, 4)
    path = tmp_path / "p.xlsx"
    tulis(paket, "xlsx", path)
    ws = load_workbook(path)["Kendala"]
    judul = [c.value for c in ws[1]]
    sel = ws.cell(2, judul.index("Kendala") + 1)
    assert sel.value.startswith("=HYPERLINK")
    assert sel.data_type == "s" and sel.quotePrefix
    assert ws.cell(2, judul.index("Tindak lanjut") + 1).data_type == "s"


def test_kecil_angka_dihitung_tangan(con_kecil, tmp_path):
    """Fixture kecil: Dinkes A1 72/80 = 90%, A2 107,14% (dibatasi 100), A3 87,5%, A4 n/a."""
    paket = susun_paket(con_kecil, "T01", 2025, 4)
    dinkes = paket.peringkat.set_index("singkatan").loc["Dinkes"]
    assert dinkes["capaian"] == pytest.approx((90 + 100 + 87.5) / 3)
    path = tmp_path / "p.pdf"
    tulis(paket, "pdf", path, gambar=False)
    teks = _teks_pdf(path)
    assert fmt.persen((90 + 100 + 87.5) / 3) in teks   # 92,5%
    assert "Kabupaten Uji" in teks
    assert "<script>" in teks  # kendala ditulis apa adanya sebagai teks, tidak hilang


def test_pptx_sama_dengan_view(con_demo, paket_demo, tmp_path):
    path = tmp_path / "p.pptx"
    catatan = tulis(paket_demo, "pptx", path, gambar=False)
    assert catatan == []
    prs = Presentation(str(path))
    assert prs.slide_width / prs.slide_height == pytest.approx(16 / 9, rel=1e-3)
    view = _opd_view(con_demo, PEMDA_DEMO, 2026, 3)
    label, nilai, teks = [], [], []
    for s in prs.slides:
        for sh in s.shapes:
            if sh.has_text_frame:
                teks.append(sh.text_frame.text)
            if sh.has_chart and "Peringkat OPD" in " ".join(
                    x.text_frame.text for x in s.shapes if x.has_text_frame):
                plot = sh.chart.plots[0]
                label += list(plot.categories)
                nilai += list(plot.series[0].values)
            if sh.has_table:
                teks.append(" ".join(c.text for r in sh.table.rows for c in r.cells))
    # urutan dan angka grafik peringkat asli = v_capaian_opd
    assert [int(x.split(".")[0]) for x in label] == [int(p) for p in view["peringkat"]]
    assert nilai == pytest.approx([round(c, 1) for c in view["capaian"]])
    semua = _rata(" ".join(teks))
    for p in paket_demo.poin:
        assert _rata(p.teks) in semua
    # satu slide per OPD di bawah target (seperti Mode Rapat): nama OPD tertulis di slidenya
    for nama in sl.opd_di_bawah(paket_demo.opd)["nama_opd"]:
        assert nama in semua


def test_pdf_sama_dengan_view(con_demo, paket_demo, tmp_path, monkeypatch):
    monkeypatch.setattr(gbr, "ke_png_banyak", lambda daftar, **k: [None] * len(daftar))
    monkeypatch.setattr(gbr, "_alasan", "peramban tidak tersedia (tes)")
    path = tmp_path / nama_paket(paket_demo.nama_pemda, 2026, 3, "pdf")
    catatan = tulis(paket_demo, "pdf", path)
    assert any("Grafik peringkat tidak dimuat" in c for c in catatan)
    teks = _teks_pdf(path)
    rata = _rata(teks)
    assert "Grafik peringkat tidak dimuat" in rata
    view = _opd_view(con_demo, PEMDA_DEMO, 2026, 3)
    for c in view["capaian"]:
        assert fmt.persen(c) in teks
    for p in paket_demo.poin:
        assert _rata(p.teks)[:40] in rata
    # urutan peringkat: nama OPD muncul sesuai urutan v_capaian_opd di tabel peringkat
    awal = rata.index("Peringkat OPD menurut capaian kinerja")
    posisi = [rata.find(n, awal) for n in view["nama_opd"]]
    assert all(p >= 0 for p in posisi)
    # pagu per OPD bulan akhir triwulan tertulis penuh
    pagu = con_demo.execute("SELECT pagu FROM v_anggaran_opd WHERE kode_pemda = ? AND tahun = 2026 "
                            "AND bulan = 9", [PEMDA_DEMO]).df()["pagu"]
    for p in pagu:
        assert fmt.angka(p) in teks


def test_pptx_tanpa_gambar_tetap_jadi(paket_demo, tmp_path, monkeypatch):
    """Dek hanya berisi grafik asli: tidak pernah memanggil pengekspor gambar."""
    def _jangan(*a, **k):
        raise AssertionError("PPTX tidak boleh memerlukan peramban")

    monkeypatch.setattr(gbr, "ke_png_banyak", _jangan)
    monkeypatch.setattr(gbr, "ke_png", _jangan)
    path = tmp_path / "p.pptx"
    tulis(paket_demo, "pptx", path)
    assert len(Presentation(str(path)).slides) > 4


def test_paket_filter_kosong(con_demo, tmp_path):
    paket = susun_paket(con_demo, PEMDA_DEMO, 2026, 3, opd=["tidak-ada"])
    for f in ("xlsx", "pptx", "pdf"):
        tulis(paket, f, tmp_path / f"k.{f}", gambar=False)
    assert "Belum ada data capaian" in _teks_pdf(tmp_path / "k.pdf")


# Skala Permendagri 86/2017 ditulis tangan: teks legenda yang sama di layar dan di setiap ekspor.
LEGENDA = ["Sangat Tinggi ≥ 91%", "Tinggi 76% – < 91%", "Sedang 66% – < 76%", "Rendah 51% – < 66%",
           "Sangat Rendah < 51%"]


def test_legenda_skala_sama_di_pdf_pptx_xlsx_dan_tentang_data(paket_demo, tmp_path, monkeypatch, db_demo):
    from tests.bantu_apptest import buka_halaman

    monkeypatch.setattr(gbr, "ke_png_banyak", lambda daftar, **k: [None] * len(daftar))
    monkeypatch.setattr(gbr, "_alasan", "peramban tidak tersedia (tes)")
    tulis(paket_demo, "pdf", tmp_path / "p.pdf")
    pdf = _rata(_teks_pdf(tmp_path / "p.pdf"))
    tulis(paket_demo, "pptx", tmp_path / "p.pptx", gambar=False)
    pptx = " ".join(sh.text_frame.text for s in Presentation(str(tmp_path / "p.pptx")).slides
                    for sh in s.shapes if sh.has_text_frame)
    tulis(paket_demo, "xlsx", tmp_path / "p.xlsx")
    wb = load_workbook(tmp_path / "p.xlsx")
    xlsx = " ".join(str(c) for ws in wb for r in ws.iter_rows(values_only=True) for c in r if c)
    at = buka_halaman(monkeypatch, db_demo, "pages/tentang_data.py")
    layar = " ".join(m.value for m in at.markdown)
    for t in LEGENDA:
        assert t in pdf and t in pptx and t in xlsx, t
        label, rentang = re.match(r"(\D+?) ([≥<\d].*)", t).groups()
        assert f">{label}</span>{html.escape(rentang)}</p>" in layar, (t, layar)


def test_pdf_hitungan_tanpa_desimal(con_kecil, tmp_path, monkeypatch):
    """Target/realisasi bilangan bulat (unit, desa) dicetak '80', bukan '80,00'; pecahan tetap
    dengan desimalnya sendiri (fixture kecil: AKB target 7, realisasi 6,5)."""
    monkeypatch.setattr(gbr, "ke_png_banyak", lambda daftar, **k: [None] * len(daftar))
    monkeypatch.setattr(gbr, "_alasan", "peramban tidak tersedia (tes)")
    tulis(susun_paket(con_kecil, "T01", 2025, 4), "pdf", tmp_path / "k.pdf")
    teks = _rata(_teks_pdf(tmp_path / "k.pdf"))
    assert "Angka kematian bayi per 1.000 KH 7 6,5" in teks, teks
    # Rupiah ringkas ("Rp 3,00 M") memang dua desimal
    pola = r"(?<!Rp )(?<![\d.])\d[\d.]*,00\b"
    assert not re.search(pola, teks), re.findall(".{60}" + pola + ".{20}", teks)[:5]


def test_pdf_judul_tidak_memisahkan_periode(con_kecil, tmp_path):
    """Nama pemda sepanjang demo ('Kabupaten Nusa Makmur') membuat judul sampul 24 pt tepat dua
    baris: periode tetap bersama kata sebelumnya, tidak '· TW IV 2025' sendirian di baris kedua."""
    con_kecil.execute("UPDATE pemda SET nama_pemda = 'Kabupaten Nusa Makmur'")
    tulis(susun_paket(con_kecil, "T01", 2025, 4), "pdf", tmp_path / "k.pdf", gambar=False)
    baris = [b.replace("\xa0", " ").strip() for b in PdfReader(str(tmp_path / "k.pdf")).pages[0]
             .extract_text().splitlines()]
    assert "Makmur · TW IV 2025" in baris, baris[:4]
    for b in baris:
        assert not b.startswith(("· TW", "TW IV 2025")), baris[:4]


def test_xlsx_ringkasan_menyimpan_angka_sebagai_angka(con_kecil, tmp_path):
    """Lembar Ringkasan: capaian, jumlah OPD dan Rupiah adalah sel angka berformat, bukan teks
    '93,8% (Sangat Tinggi)'; kategorinya di kolom Keterangan."""
    tulis(susun_paket(con_kecil, "T01", 2025, 4), "xlsx", tmp_path / "k.xlsx")
    ws = load_workbook(tmp_path / "k.xlsx")["Ringkasan"]
    sel = {ws.cell(r, 1).value: (ws.cell(r, 2), ws.cell(r, 3).value) for r in range(2, ws.max_row + 1)}
    capaian, kategori = sel["Capaian kinerja rata-rata (%)"]
    assert isinstance(capaian.value, float) and capaian.number_format == '0.0"%"'
    assert kategori in {"Sangat Tinggi", "Tinggi", "Sedang", "Rendah", "Sangat Rendah"}
    dinilai, dari = sel["OPD dinilai"]
    assert isinstance(dinilai.value, int) and dari.startswith("dari ") and dari.endswith(" OPD")
    pagu = [c for b, (c, _) in sel.items() if b.startswith("Pagu s.d.")]
    assert pagu and isinstance(pagu[0].value, (int, float)) and pagu[0].number_format == "#,##0"
    assert sel["Periode"][0].value == "TW IV 2025"


def _ukuran_huruf_fig(fig) -> list[float]:
    """Semua ukuran huruf (px) dalam figure, termasuk font-size di teks HTML judul."""
    ukuran = []

    def cari(o, kunci=""):
        if isinstance(o, dict):
            for k, v in o.items():
                if k == "size" and kunci.endswith("font") and isinstance(v, (int, float)):
                    ukuran.append(float(v))
                cari(v, k)
        elif isinstance(o, list):
            for x in o:
                cari(x, kunci)
        elif isinstance(o, str):
            ukuran.extend(float(m) for m in re.findall(r"font-size:\s*([\d.]+)px", o))

    cari(fig.to_plotly_json())
    return ukuran


def test_pdf_kurva_s_huruf_grafik_terbaca_saat_dicetak(paket_demo, tmp_path, monkeypatch):
    """Kurva S di PDF adalah gambar: huruf terkecilnya, setelah gambar ditaruh di halaman, tidak
    di bawah 7,5 pt (dulu sekitar 5 pt: kanvas 1200 px dikecilkan ke kolom 150 mm)."""
    from PIL import Image

    from kinerja.ekspor import pdf_dasar
    from kinerja.ekspor import pdf_grafik as pg

    ditaruh = []
    asli = pdf_dasar.PDF.gambar_png

    def catat(self, png, x, y, w=None, h_maks=None):
        hasil = asli(self, png, x, y, w, h_maks)
        ditaruh.append((Image.open(io.BytesIO(png)).size[0], hasil[0]))
        return hasil

    monkeypatch.setattr(pdf_dasar.PDF, "gambar_png", catat)
    tulis(paket_demo, "pdf", tmp_path / "p.pdf")
    lebar_kurva = pg.KURVA_PX[0] * pg.KURVA_SKALA
    kurva = [w_mm for px, w_mm in ditaruh if px == lebar_kurva]
    assert kurva, ditaruh
    fig = pg.fig_kurva(paket_demo, paket_demo.anggaran_pemda_kini(), paket_demo.anggaran_pemda_lalu(), "K", "k")
    terkecil_px = min(_ukuran_huruf_fig(fig))
    mm_per_px = min(kurva) / pg.KURVA_PX[0]
    assert terkecil_px * mm_per_px / 0.3528 >= 7.5, (terkecil_px, min(kurva))


def test_pdf_dan_pptx_menyebut_peringkat_bersama(con_demo, paket_demo):
    """OPD yang berbagi peringkat (capaian sama) tertulis begitu di bagian/slide OPD-nya."""
    from kinerja.ekspor import pdf_opd, pptx_opd

    sama = con_demo.execute("SELECT count(*) FROM v_capaian_opd WHERE kode_pemda = ? AND tahun = 2026 "
                            "AND triwulan = 3 AND peringkat = 1", [PEMDA_DEMO]).fetchone()[0]
    assert sama > 1  # prasyarat data demo
    r = paket_demo.opd[paket_demo.opd["peringkat"] == 1].iloc[0]
    harap = f"ke-1 dari 47 OPD (bersama {sama - 1} OPD lain)"
    assert harap in pdf_opd._info_opd(r)
    assert any(harap in b for b in pptx_opd._info_opd(r, paket_demo))
