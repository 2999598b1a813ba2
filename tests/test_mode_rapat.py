"""Mode Rapat: urutan dan himpunan slide (kinerja.slide), nilai tautan, dan halaman
lewat AppTest dengan angka yang dibandingkan dengan view stabil."""

from __future__ import annotations

import duckdb
import pandas as pd
import plotly.graph_objects as go
import pytest

from kinerja import format as fmt
from kinerja import slide as sl
from tests.bantu_apptest import buka_halaman

HALAMAN = "pages/mode_rapat.py"


def _opd(baris):
    return pd.DataFrame(baris, columns=["kode_opd", "nama_opd", "singkatan", "kode_urusan", "nama_urusan",
                                        "capaian", "peringkat"])


OPD = _opd([
    ("A", "Dinas A", "DA", "1.01", "Pendidikan", 99.0, 1),
    ("B", "Dinas B", None, "1.02", "Kesehatan", 90.0, 2),
    ("C", "Dinas C", "DC", "1.02", "Kesehatan", 60.0, 3),
    ("D", "Dinas D", "DD", "2.16", "Komunikasi dan Informatika", None, None),
])


# --- kinerja.slide ---------------------------------------------------------------------------

def test_urutan_semua_opd():
    s = sl.susun_slide(OPD, "semua", 95)
    assert [x.jenis for x in s] == ["ringkasan", "peringkat", "di_bawah_target", "opd", "opd", "opd", "opd"]
    assert [x.kode_opd for x in s[3:]] == ["A", "B", "C", "D"]
    assert s[4].judul == "Dinas B"  # tanpa singkatan: nama lengkap
    assert s[3].judul == "DA"


def test_hanya_di_bawah_target_terburuk_dulu_tanpa_na():
    s = sl.susun_slide(OPD, "bawah", 95)
    assert [x.kode_opd for x in s[3:]] == ["C", "B"]
    assert [x.kode_opd for x in sl.susun_slide(OPD, "bawah", 50)[3:]] == []


def test_per_bidang():
    s = sl.susun_slide(OPD, "bidang", 95)
    assert [x.jenis for x in s[3:]] == ["bidang"] * 3
    assert [x.kode_urusan for x in s[3:]] == ["1.01", "1.02", "2.16"]
    assert s[4].judul == "Bidang 1.02 Kesehatan"
    assert list(sl.opd_bidang(OPD, "1.02")["kode_opd"]) == ["B", "C"]


def test_himpunan_tidak_dikenal():
    with pytest.raises(ValueError):
        sl.susun_slide(OPD, "acak", 95)


def test_filter_kosong_tetap_tiga_slide_ringkas():
    assert [x.jenis for x in sl.susun_slide(OPD.iloc[0:0], "semua", 95)] == [
        "ringkasan", "peringkat", "di_bawah_target"]


@pytest.mark.parametrize("mentah,jumlah,harap", [
    (None, 7, (1, True)), ("3", 7, (3, True)), (" 7 ", 7, (7, True)), ("99", 7, (7, False)),
    ("0", 7, (1, False)), ("-2", 7, (1, False)), ("abc", 7, (1, False)), ("2.5", 7, (1, False)),
    ("1", 0, (1, True)),
])
def test_nomor_slide_dijepit(mentah, jumlah, harap):
    assert sl.nomor_sah(mentah, jumlah) == harap


def test_pilihan_url():
    assert sl.pilihan_sah("bawah", sl.HIMPUNAN, "semua") == ("bawah", True)
    assert sl.pilihan_sah("xx", sl.HIMPUNAN, "semua") == ("semua", False)
    assert sl.pilihan_sah("20", sl.JEDA, 0, int) == (20, True)
    assert sl.pilihan_sah("15", sl.JEDA, 0, int) == (0, False)
    assert sl.pilihan_sah("x", sl.JEDA, 0, int) == (0, False)
    assert sl.pilihan_sah(None, sl.TEMA, "terang") == ("terang", True)


def test_geser_berputar():
    assert sl.geser(1, 1, 5) == 2
    assert sl.geser(5, 1, 5) == 1
    assert sl.geser(1, -1, 5) == 5


def test_bagi_peringkat():
    assert sl.bagi_peringkat(0) == []
    assert sl.bagi_peringkat(7) == [(0, 7)]
    assert sl.bagi_peringkat(15) == [(0, 8), (8, 15)]
    assert sl.bagi_peringkat(47) == [(0, 10), (37, 47)]


def test_potong():
    assert sl.potong(None) == "—"
    assert sl.potong("  pendek  ") == "pendek"
    panjang = "kata " * 60
    hasil = sl.potong(panjang, 50)
    assert len(hasil) <= 51 and hasil.endswith("…") and not hasil[:-1].endswith(" ")


def test_warnai_gelap_tidak_mengubah_warna_pita():
    fig = go.Figure(go.Bar(x=[1], y=[1], marker=dict(color="#0072B2", line=dict(color="#111111")),
                           insidetextfont=dict(color="#000000"), textfont=dict(color="#111111")))
    fig.update_layout(title=dict(text="<span style='color:#6B7280'>x</span>"))
    g = sl.warnai(fig, "gelap")
    assert g.data[0].marker.color == "#0072B2"
    assert g.data[0].insidetextfont.color == "#000000"
    assert g.data[0].textfont.color == sl.TEKS_GELAP
    assert sl.ABU_GELAP in g.layout.title.text
    assert sl.warnai(fig, "terang") is fig


# --- Halaman ----------------------------------------------------------------------------------

def _teks(at) -> str:
    return "\n".join(str(m.value) for m in at.markdown)


def _view(db, sql, *params):
    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute(sql, list(params)).df()
    finally:
        con.close()


def test_ringkasan_angka_dari_view(monkeypatch, db_demo):
    at = buka_halaman(monkeypatch, db_demo, HALAMAN, tahun="2026", triwulan="3")
    teks = _teks(at)
    opd = _view(db_demo, "SELECT capaian FROM v_capaian_opd WHERE tahun=2026 AND triwulan=3")
    assert fmt.persen(opd["capaian"].mean()) in teks
    bawah = int((opd["capaian"] < 95).sum())
    assert f"{bawah} dari {len(opd)}" in teks
    ang = _view(db_demo, "SELECT sum(realisasi_kumulatif)/sum(pagu)*100 AS p FROM v_anggaran_opd "
                         "WHERE tahun=2026 AND bulan=9")
    assert fmt.persen(ang["p"].iloc[0]) in teks
    assert "Poin-poin penting" in teks and "1 / 50" in teks
    assert at.query_params["slide"] == "1" and at.query_params["set"] == "semua"


def test_slide_opd_angka_dari_view(monkeypatch, db_demo):
    # Di bawah target, terburuk dulu: slide 4 = OPD dengan capaian terendah.
    at = buka_halaman(monkeypatch, db_demo, HALAMAN, tahun="2026", triwulan="3", set="bawah", slide="4")
    opd = _view(db_demo, "SELECT kode_opd, nama_opd, capaian, peringkat FROM v_capaian_opd "
                         "WHERE tahun=2026 AND triwulan=3 ORDER BY capaian LIMIT 1").iloc[0]
    ang = _view(db_demo, "SELECT persen_realisasi FROM v_anggaran_opd WHERE tahun=2026 AND bulan=9 "
                         "AND kode_opd=?", opd["kode_opd"]).iloc[0]
    teks = _teks(at)
    assert f"ke-{int(opd['peringkat'])} dari 47" in teks
    assert fmt.persen(ang["persen_realisasi"]) in teks
    assert "Kendala" in teks and "Indikator di bawah 95%" in teks
    assert len(at.get("plotly_chart")) == 2  # gauge + kurva S
    # Teks kendala hasil impor di-escape (demo memuat '<akhir pekan>').
    assert "<akhir pekan>" not in teks


def test_slide_opd_peringkat_bersama_disebut(monkeypatch, db_demo):
    """Slide 4 himpunan 'semua' = OPD peringkat teratas; di demo OPD itu berbagi peringkat 1
    (capaian dibatasi). Slide menyebut berapa OPD lain yang berbagi peringkat itu."""
    sama = _view(db_demo, "SELECT count(*) AS n FROM v_capaian_opd WHERE tahun=2026 AND triwulan=3 "
                          "AND peringkat = 1")["n"].iloc[0]
    assert sama > 1  # prasyarat data demo
    at = buka_halaman(monkeypatch, db_demo, HALAMAN, tahun="2026", triwulan="3", set="semua", slide="4")
    assert f"ke-1 dari 47 OPD (bersama {int(sama) - 1} OPD lain)" in _teks(at)


def test_tombol_berikut_dan_sebelum(monkeypatch, db_demo):
    at = buka_halaman(monkeypatch, db_demo, HALAMAN, tahun="2026", triwulan="3", slide="2")
    assert "2 / 50" in _teks(at)
    at.button(key="r_berikut").click().run()
    assert not at.exception
    assert "3 / 50" in _teks(at) and at.query_params["slide"] == "3"
    at.button(key="r_sebelum").click().run()
    at.button(key="r_sebelum").click().run()
    at.button(key="r_sebelum").click().run()
    assert "50 / 50" in _teks(at)


@pytest.mark.parametrize("params,harap", [
    ({"slide": "999"}, "50 / 50"),
    ({"slide": "abc"}, "1 / 50"),
    ({"set": "acak", "slide": "3"}, "3 / 50"),
    ({"jeda": "7", "tema": "ungu"}, "1 / 50"),
])
def test_nilai_tautan_tidak_sah_bawaan_dengan_toast(monkeypatch, db_demo, params, harap):
    at = buka_halaman(monkeypatch, db_demo, HALAMAN, tahun="2026", triwulan="3", **params)
    assert harap in _teks(at)
    assert len(at.toast) >= 1
    assert at.query_params["set"] == "semua" and at.query_params["tema"] == "terang"


@pytest.mark.parametrize("slide", ["2", "3", "5"])
@pytest.mark.parametrize("tema", ["terang", "gelap"])
def test_jenis_slide_dan_tema_tanpa_galat(monkeypatch, db_demo, slide, tema):
    at = buka_halaman(monkeypatch, db_demo, HALAMAN, tahun="2026", triwulan="3", slide=slide, tema=tema,
                      jeda="20")
    teks = _teks(at)
    assert f"{slide} / 50" in teks
    assert ("--rp-bg: #0B0C0E" in teks) == (tema == "gelap")
    assert at.query_params["jeda"] == "20"


def test_per_bidang_dan_filter_sektor(monkeypatch, db_demo):
    at = buka_halaman(monkeypatch, db_demo, HALAMAN, tahun="2025", triwulan="4", set="bidang", slide="4",
                      kelompok="Wajib Pelayanan Dasar")
    teks = _teks(at)
    bidang = _view(db_demo, "SELECT DISTINCT o.kode_urusan FROM v_capaian_opd o JOIN urusan u USING (kode_urusan) "
                            "WHERE tahun=2025 AND triwulan=4 AND u.kelompok='Wajib Pelayanan Dasar'")
    assert f"4 / {3 + len(bidang)}" in teks
    assert "Bidang 1.01" in teks and "OPD dalam bidang" in teks


def test_beberapa_opd_tahun_lama(monkeypatch, db_demo):
    at = buka_halaman(monkeypatch, db_demo, HALAMAN, tahun="2022", triwulan="2", slide="4",
                      opd=["1.02.0.00.0.00.01.0000", "1.01.0.00.0.00.01.0000"])
    teks = _teks(at)
    assert "4 / 5" in teks and "TW II 2022" in teks


def test_database_kecil(monkeypatch, db_kecil_berkas):
    """Fixture kecil (4 OPD): semua jenis slide tanpa galat."""
    at = buka_halaman(monkeypatch, db_kecil_berkas, HALAMAN)
    jumlah = int(_teks(at).split(" / ")[1].split("<")[0].split("*")[0].strip().split()[0]) if " / " in _teks(at) else 0
    assert jumlah >= 3
    for n in range(2, jumlah + 1):
        at.button(key="r_berikut").click().run()
        assert not at.exception, [e.value for e in at.exception]
        assert f"{n} / {jumlah}" in _teks(at)


def test_css_tinggi_grafik_sebanding_layar():
    css = sl.css_tinggi_grafik("rg_rapat_gauge_4", 360)
    assert ".st-key-rg_rapat_gauge_4 " in css
    assert "max(306px, 50.00vh)" in css          # 360/720 layar rancangan; paling kecil 85%
    assert css.count("!important") == 2          # flex-basis dan height
    with pytest.raises(ValueError):
        sl.css_tinggi_grafik("x} body {display:none", 100)
