"""Mode Rapat: urutan dan himpunan slide (kinerja.rapat.slide), nilai tautan, dan halaman
lewat AppTest dengan angka yang dibandingkan dengan view stabil."""

from __future__ import annotations

import re

import duckdb
import pandas as pd
import plotly.graph_objects as go
import pytest

from kinerja import format as fmt
from kinerja.grafik import tren as gt
from kinerja.rapat import slide as sl
from kinerja.grafik.peringkat import batang_peringkat
from tests.bantu_apptest import buka_halaman

HALAMAN = "pages/mode_rapat.py"


def _opd(baris):
    return pd.DataFrame(baris, columns=["kode_opd", "nama_opd", "singkatan", "kode_urusan", "nama_urusan",
                                        "capaian", "peringkat", "di_bawah_target"])


# di_bawah_target seperti kolom SQL dengan ambang 95 (n/a tidak pernah di bawah target).
OPD = _opd([
    ("A", "Dinas A", "DA", "1.01", "Pendidikan", 99.0, 1, False),
    ("B", "Dinas B", None, "1.02", "Kesehatan", 90.0, 2, True),
    ("C", "Dinas C", "DC", "1.02", "Kesehatan", 60.0, 3, True),
    ("D", "Dinas D", "DD", "2.16", "Komunikasi dan Informatika", None, None, False),
])


# --- kinerja.rapat.slide ---------------------------------------------------------------------------

def test_urutan_semua_opd():
    s = sl.susun_slide(OPD, "semua")
    assert [x.jenis for x in s] == ["ringkasan", "peringkat", "di_bawah_target", "opd", "opd", "opd", "opd"]
    assert [x.kode_opd for x in s[3:]] == ["A", "B", "C", "D"]
    assert s[4].judul == "Dinas B"  # tanpa singkatan: nama lengkap
    assert s[3].judul == "DA"


def test_hanya_di_bawah_target_terburuk_dulu_tanpa_na():
    s = sl.susun_slide(OPD, "bawah")
    assert [x.kode_opd for x in s[3:]] == ["C", "B"]
    semua_capai = OPD.assign(di_bawah_target=False)
    assert [x.kode_opd for x in sl.susun_slide(semua_capai, "bawah")[3:]] == []


def test_per_bidang():
    s = sl.susun_slide(OPD, "bidang")
    assert [x.jenis for x in s[3:]] == ["bidang"] * 3
    assert [x.kode_urusan for x in s[3:]] == ["1.01", "1.02", "2.16"]
    assert s[4].judul == "Bidang 1.02 Kesehatan"
    assert list(sl.opd_bidang(OPD, "1.02")["kode_opd"]) == ["B", "C"]


def test_himpunan_tidak_dikenal():
    with pytest.raises(ValueError):
        sl.susun_slide(OPD, "acak")


def test_filter_kosong_tetap_tiga_slide_ringkas():
    assert [x.jenis for x in sl.susun_slide(OPD.iloc[0:0], "semua")] == [
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


def _satu(a, b):
    return [(i,) for i in range(a, b)]


def test_bagi_peringkat_tanpa_seri():
    assert sl.bagi_peringkat([]) == ([], 0)
    assert sl.bagi_peringkat(range(1, 8)) == ([_satu(0, 7)], 0)
    assert sl.bagi_peringkat(range(1, 16)) == ([_satu(0, 8), _satu(8, 15)], 0)
    assert sl.bagi_peringkat(range(1, 48)) == ([_satu(0, 10), _satu(37, 47)], 27)


def test_bagi_peringkat_seri_besar_satu_baris():
    # Demo: 16 OPD seri di peringkat 1 lalu 31 OPD berbeda (peringkat 17-47). Kolom terbaik:
    # satu baris "16 OPD di peringkat 1" + 9 OPD berikutnya (peringkat 17-25); terbawah:
    # 10 terakhir (38-47); tersembunyi 47 - 25 - 10 = 12.
    kolom, sembunyi = sl.bagi_peringkat([1] * 16 + list(range(17, 48)))
    assert kolom == [[tuple(range(16))] + _satu(16, 25), _satu(37, 47)]
    assert sembunyi == 12
    # 16 seri + 2: tiga baris, satu kolom.
    assert sl.bagi_peringkat([1] * 16 + [17, 18]) == ([[tuple(range(16)), (16,), (17,)]], 0)


def test_bagi_peringkat_tidak_membelah_seri_di_batas():
    # 12 OPD, peringkat 6 dibagi empat OPD (baris 5-8): tengah (6|6) akan membelahnya;
    # batas kelompok yang paling seimbang 5|7.
    kolom, _ = sl.bagi_peringkat([1, 2, 3, 4, 5, 6, 6, 6, 6, 10, 11, 12])
    assert kolom == [_satu(0, 5), _satu(5, 12)]
    # Batas 10 terbaik jatuh di tengah seri peringkat 9 (baris 8-10): seri itu satu baris.
    kolom, sembunyi = sl.bagi_peringkat(list(range(1, 9)) + [9, 9, 9] + list(range(12, 31)))
    assert kolom[0] == _satu(0, 8) + [(8, 9, 10), (11,)]
    assert kolom[1] == _satu(20, 30) and sembunyi == 8
    # Tidak ada batas yang membagi 6+9+5 menjadi dua kolom <= 10: kelompok tengah dipadatkan.
    kolom, sembunyi = sl.bagi_peringkat([1] * 6 + [7] * 9 + [16] * 5)
    assert kolom == [_satu(0, 6), [tuple(range(6, 15))] + _satu(15, 20)] and sembunyi == 0


@pytest.mark.parametrize("n", range(0, 60))
def test_bagi_peringkat_sifat(n):
    """Untuk pola seri acak (benih tetap): tiap kolom <= 10 butir, urutan terjaga, tidak ada
    kelompok seri yang terbelah antara butir, dan tersembunyi + tampil = semua."""
    import random

    acak = random.Random(n)
    peringkat = []
    while len(peringkat) < n:
        peringkat += [len(peringkat) + 1] * acak.choice([1, 1, 1, 2, 3, 5, 12])
    peringkat = peringkat[:n]
    kolom, sembunyi = sl.bagi_peringkat(peringkat)
    butir = [b for k in kolom for b in k]
    assert all(len(k) <= 10 for k in kolom)
    baris = [i for b in butir for i in b]
    assert baris == sorted(baris) and len(baris) + sembunyi == n
    for b in butir:
        sama = {peringkat[i] for i in b}
        assert len(sama) == 1
        semua_anggota = [i for i, p in enumerate(peringkat) if p == peringkat[b[0]]]
        assert len(b) == 1 and (len(semua_anggota) == 1 or all(i in baris for i in semua_anggota)) \
            or list(b) == semua_anggota


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
    nomor = re.search(r"class='rapat-nomor'>1 / (\d+)<", _teks(at))
    jumlah = int(nomor.group(1)) if nomor else 0
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


def _sumbu_y(at) -> list[list[str]]:
    import json

    return [json.loads(g.proto.spec)["layout"]["yaxis"]["ticktext"] for g in at.get("plotly_chart")]


def test_slide_peringkat_kelompok_seri_utuh(monkeypatch, db_demo):
    """Demo TW III 2026: kelompok seri di peringkat 1 lebih dari 10 OPD, jadi satu baris
    'N OPD di peringkat 1' (anggotanya disebut di bawah grafik); setiap peringkat lain yang
    tampil, tampil dengan semua OPD-nya; tampil + tersembunyi = 47."""
    v = _view(db_demo, "SELECT c.peringkat, coalesce(o.singkatan, o.nama_opd) AS nama FROM v_capaian_opd c "
                       "JOIN opd o USING (kode_pemda, kode_opd) WHERE tahun=2026 AND triwulan=3 "
                       "AND c.peringkat IS NOT NULL")
    per = v.groupby("peringkat")["nama"].apply(set).to_dict()
    sama1 = len(per[1])
    assert sama1 > 10  # prasyarat data demo
    at = buka_halaman(monkeypatch, db_demo, HALAMAN, tahun="2026", triwulan="3", slide="2")
    label = [t for kol in _sumbu_y(at) for t in kol]
    assert f"{sama1} OPD di peringkat 1" in label
    tampil = {}
    for t in label:
        if " OPD di peringkat " in t:
            continue
        p, nama = t.split(". ", 1)
        tampil.setdefault(int(p), set()).add(nama)
    for p, nama in tampil.items():
        assert nama == per[p], f"peringkat {p} terbelah"
    teks = _teks(at)
    jumlah_tampil = sama1 + sum(len(x) for x in tampil.values())
    assert f"{47 - jumlah_tampil} OPD di tengah tidak ditampilkan" in teks
    for nama in per[1]:
        assert fmt.markdown_aman(nama) in teks or nama in teks
    assert f"{sama1} OPD di peringkat 1 · 100,0%</b> (sama karena capaian indikator dibatasi 100%)" in teks


def test_batang_terpendek_teksnya_di_luar_tidak_mengecil():
    """Label OPD terburuk (42,0% · Sangat Rendah) tidak muat di batang 42%: ditulis di luar batang
    (Plotly mengecilkan teks di dalam batang yang terlalu pendek)."""
    from kinerja.grafik.peringkat import batang_peringkat
    from kinerja.skala import Pita

    pita = [Pita(1, "Sangat Tinggi", 91, "#0072B2", "#FFFFFF"), Pita(5, "Sangat Rendah", 0, "#D55E00", "#000000")]
    df = pd.DataFrame({"kode_opd": ["A", "B"], "nama_opd": ["Dinas A", "Dinas B"], "singkatan": ["DA", "DB"],
                       "skor": [99.4, 42.0], "kategori_skor": ["Sangat Tinggi", "Sangat Rendah"],
                       "peringkat": [1, 2]})
    fig = batang_peringkat(df, pita, "j", "k", ambang=95)
    posisi = {t.name: list(t.textposition) for t in fig.data if t.type == "bar"}
    assert posisi == {"Sangat Tinggi": ["inside"], "Sangat Rendah": ["outside"]}


def test_kurva_s_angka_deviasi_terpenting_berhuruf_penuh():
    """Deviasi -1,0 ... -21,1 sampai September (demo Dispar): angka ditulis hanya untuk bulan terakhir
    dan deviasi terbesar, tidak dikecilkan ke lebar batang; di Mode Rapat tiada huruf < 14 px."""
    from kinerja.grafik import tren as gt

    dev = [-1.0, -2.4, -4.3, -6.7, -9.2, -13.2, -16.2, -18.9, -21.1]
    kini = pd.DataFrame({"bulan": range(1, 10), "persen_rencana": [10.0 * b for b in range(1, 10)],
                         "persen_realisasi": [10.0 * b + d for b, d in zip(range(1, 10), dev)],
                         "deviasi": dev, "realisasi_kumulatif": [1.0] * 9})
    # Deviasi terbesar bukan bulan terakhir: keduanya berlabel.
    kini.loc[3, "deviasi"] = -30.0
    fig = gt.kurva_s(kini, None, 2026, 9, "TW III", "Kurva S", "uji")
    batang = next(t for t in fig.data if t.meta == "deviasi")
    assert [t for t in batang.text if t] == ["-30,0", "-21,1"]
    assert batang.constraintext == "none" and batang.textfont.size >= 14
    rapat = sl.huruf_rapat(fig)
    ukuran = []

    def kumpul(x):
        if isinstance(x, dict):
            for k, v in x.items():
                if k.endswith("font") and isinstance(v, dict) and isinstance(v.get("size"), (int, float)):
                    ukuran.append(v["size"])
                kumpul(v)
        elif isinstance(x, list):
            for v in x:
                kumpul(v)

    kumpul(rapat.to_plotly_json())
    assert ukuran and min(ukuran) >= sl.HURUF_MINIMAL
    assert "font-size:13px" not in str(rapat.to_plotly_json())


def test_skala_layar_mengikuti_tangga_layar():
    # Tangga yang sama dengan media query CSS slide: 1280x720 = 1; 1920x1080 = 1,5.
    assert sl.skala_layar(1280, 720) == 1
    assert sl.skala_layar(1366, 768) == 1
    assert sl.skala_layar(1600, 900) == 1.25
    assert sl.skala_layar(1920, 1080) == 1.5
    assert sl.skala_layar(1920, 1200) == 1.5
    assert sl.skala_layar(2560, 1440) == 2
    assert sl.skala_layar(3840, 2160) == 2
    assert sl.skala_layar(1920, 700) == 1          # layar lebar tapi pendek: tidak diperbesar
    assert sl.skala_layar(None, None) == 1         # ukuran belum diketahui
    assert sl.skala_layar("x", -5) == 1


def test_css_skala_layar_sama_dengan_tangga_python():
    from kinerja.ui import tema_rapat
    css = tema_rapat.css("terang")
    for lebar, tinggi, skala in sl.SKALA_LAYAR:
        assert f"@media (min-width: {lebar}px) and (min-height: {tinggi}px)" in css
        assert f"zoom: {skala:g};" in css


def test_huruf_rapat_membesar_sebanding_skala():
    fig = go.Figure(go.Bar(x=[1], y=["a"], text=["x"], textfont=dict(size=12)))
    fig.update_layout(title=dict(text="Judul<br><span style='font-size:13px'>sub</span>", font=dict(size=20),
                                 pad=dict(t=18, l=4)),
                      margin=dict(l=10, r=30, t=100, b=8), font=dict(size=11))
    fig.add_annotation(text="catatan", x=1, y=0, xshift=10, yshift=-4, font=dict(size=16))
    kecil = sl.huruf_rapat(fig, 1).to_plotly_json()
    besar = sl.huruf_rapat(fig, 1.5).to_plotly_json()
    # 1280x720: huruf paling kecil 14, ukuran lain tetap; margin tetap.
    assert kecil["layout"]["font"]["size"] == 14
    assert kecil["data"][0]["textfont"]["size"] == 14
    assert kecil["layout"]["title"]["font"]["size"] == 20
    assert kecil["layout"]["margin"] == {"l": 10, "r": 30, "t": 100, "b": 8}
    assert "font-size:14px" in kecil["layout"]["title"]["text"]
    # 1920x1080: semuanya 1,5 kali ukuran 1280x720, termasuk margin dan geser anotasi.
    assert besar["layout"]["font"]["size"] == 21
    assert besar["data"][0]["textfont"]["size"] == 21
    assert besar["layout"]["title"]["font"]["size"] == 30
    assert besar["layout"]["annotations"][0]["font"]["size"] == 24
    assert besar["layout"]["annotations"][0]["xshift"] == 15
    assert besar["layout"]["annotations"][0]["yshift"] == -6
    assert besar["layout"]["margin"] == {"l": 15, "r": 45, "t": 150, "b": 12}
    assert "font-size:21px" in besar["layout"]["title"]["text"]
    assert besar["layout"]["title"]["pad"] == {"t": 27, "l": 6}
    # Figure asli tidak berubah.
    assert fig.layout.margin.t == 100 and fig.data[0].textfont.size == 12


def _kurva_uji(bulan_tw=9, keterangan="uji", **kw):
    dev = [-1.0, -2.0, -3.0, -5.0, -8.0, -12.0, -15.0, -18.0, -21.1]
    kini = pd.DataFrame({"bulan": range(1, 10), "persen_rencana": [10.0 * b for b in range(1, 10)],
                         "persen_realisasi": [10.0 * b + d for b, d in zip(range(1, 10), dev)],
                         "deviasi": dev, "realisasi_kumulatif": [1.0] * 9})
    return gt.kurva_s(kini, None, 2026, bulan_tw, "TW III", "Kurva S", keterangan, **kw)


def test_kurva_s_garis_triwulan_tidak_menyilang_angka_deviasi():
    """Garis 's.d. TW III' hanya di panel kurva (atas); angka deviasi bulan itu ada di panel
    bawah tepat di x yang sama, jadi garis selebar kedua panel menyilangnya."""
    fig = _kurva_uji()
    garis = [s for s in fig.layout.shapes if s.type == "line"]
    assert len(garis) == 1
    atas = fig.layout.yaxis.domain            # panel kurva
    bawah = fig.layout.yaxis2.domain          # panel deviasi
    assert bawah[1] < atas[0]
    g = garis[0]
    assert g.yref == "y domain" and g.xref == "x"     # domain panel atas saja, bukan seluruh kertas
    assert g.x0 == g.x1 == 9


def test_kurva_s_legenda_di_pojok_kiri_atas_panel_kurva():
    """Legenda di bawah sumbu bulan menimpa label bulan (tinggi label tergantung huruf);
    pojok kiri atas panel kurva selalu kosong (kurva kumulatif mulai dari 0 di Januari)."""
    lg = _kurva_uji().layout.legend
    atas = _kurva_uji().layout.yaxis.domain
    assert lg.orientation == "v" and lg.xanchor == "left" and lg.yanchor == "top"
    assert lg.x <= 0.05 and lg.y == pytest.approx(atas[1])


def test_kurva_s_keterangan_panjang_dibungkus_di_pemisah():
    ket = "% pagu · realisasi vs rencana kas · pagu LRA SIPD (Januari), pagu RAK SIPD (Februari–September)"
    satu = _kurva_uji(keterangan=ket)
    bungkus = _kurva_uji(keterangan=ket, lebar_keterangan=40)
    assert satu.layout.title.text.count("<br>") == 1              # judul<br>keterangan
    teks = bungkus.layout.title.text
    baris = teks.split("<br>")[1:]
    assert len(baris) == 3
    bersih = [re.sub(r"<[^>]+>", "", b) for b in baris]
    assert bersih == ["% pagu · realisasi vs rencana kas ·", "pagu LRA SIPD (Januari),",
                      "pagu RAK SIPD (Februari–September)"]
    # Ruang atas bertambah sebaris per baris tambahan, agar judul tidak menimpa grafik.
    assert bungkus.layout.margin.t == satu.layout.margin.t + 2 * gt.TINGGI_BARIS_KETERANGAN


def test_kerapatan_daftar_pendek_berhuruf_besar():
    assert sl.kerapatan(1) == sl.kerapatan(8) == "lega"
    assert sl.kerapatan(9) == sl.kerapatan(12) == "biasa"
    assert sl.kerapatan(5, sl.POIN_LEGA) == "lega" and sl.kerapatan(6, sl.POIN_LEGA) == "biasa"


def test_potongan_html_slide_meng_escape_teks_data():
    from kinerja.skala import Pita
    from kinerja.ui import rapat_html as rh

    pita = [Pita(urutan=2, label="Tinggi", batas_bawah=76, warna="#56B4E9", warna_teks="#000000")]
    df = pd.DataFrame({"singkatan": [None], "nama_opd": ["Dinas <script>x</script>"], "capaian": [80.0],
                       "kategori": ["<b>Tinggi</b>"], "jumlah_di_bawah_target": [1], "jumlah_terhitung": [2]})
    html = rh.tabel_opd(df, pita, 92.5, 100)
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert "<b>Tinggi</b>" not in html and "Ind. &lt; 92,5%" in html
    ken = rh.daftar_catatan("Kendala", pd.Series(["a <img src=x>", "b", "c", "d"]))
    assert "<img" not in ken and "+1 lainnya di Profil OPD" in ken


def _garis_target(fig) -> list[tuple[float, float]]:
    """Potongan garis target (y0, y1) dari jejak garis 'target'."""
    tr = next(t for t in fig.data if t.meta == "target")
    titik = list(zip(tr.x, tr.y))
    potongan, awal = [], None
    for x, y in titik:
        if x is None:
            awal = None
            continue
        if awal is None:
            awal = y
        else:
            potongan.append((awal, y))
    return potongan


def test_garis_target_tidak_menyilang_label_di_luar_batang():
    """Dispar 42,0% · Sangat Rendah: labelnya di luar batang dan melintasi x = 95 (target);
    garis target terputus di baris itu saja, tetap utuh di baris lain (99,4% berlabel di dalam)."""
    from kinerja.skala import Pita

    pita = [Pita(1, "Sangat Tinggi", 91, "#0072B2", "#FFFFFF"), Pita(3, "Tinggi", 76, "#56B4E9", "#000000"),
            Pita(5, "Sangat Rendah", 0, "#D55E00", "#000000")]
    df = pd.DataFrame({"kode_opd": ["A", "B", "C"], "nama_opd": ["Dinas A", "Dinas B", "Dispar"],
                       "singkatan": ["DA", "DB", "Dispar"], "skor": [99.4, 83.0, 42.0],
                       "kategori_skor": ["Sangat Tinggi", "Tinggi", "Sangat Rendah"], "peringkat": [1, 2, 3]})
    fig = batang_peringkat(df, pita, "", "", ambang=95)
    potongan = _garis_target(fig)
    ditutup = [(y0, y1) for y0, y1 in potongan]
    # Baris 0 dan 1 (y -0,5 .. 1,5) bergaris; baris 2 (1,5 .. 2,5) tidak.
    assert ditutup == [(-0.5, 1.5)]
    tr = next(t for t in fig.data if t.meta == "target")
    assert set(tr.x) - {None} == {95} and tr.hoverinfo == "skip" and tr.showlegend is False
    # Jejak garis digambar sesudah batang (di atasnya).
    assert fig.data[-1].meta == "target"


def test_label_perubahan_dan_target_tetap_ada():
    from kinerja.skala import Pita

    pita = [Pita(1, "Sangat Tinggi", 91, "#0072B2", "#FFFFFF"), Pita(3, "Tinggi", 76, "#56B4E9", "#000000")]
    df = pd.DataFrame({"kode_opd": ["A", "B"], "nama_opd": ["Dinas A", "Dinas B"], "singkatan": ["DA", "DB"],
                       "skor": [99.4, 83.0], "kategori_skor": ["Sangat Tinggi", "Tinggi"], "peringkat": [1, 2],
                       "perubahan": ["▲ 3", "="]})
    fig = batang_peringkat(df, pita, "", "", ambang=95, judul_perubahan="vs 2025")
    teks = [a.text for a in fig.layout.annotations]
    assert teks.count("<b>Target 95%</b>") == 2
    assert "<b>vs 2025</b>" in teks and "<b>▲ 3</b>" in teks and "=" in teks
