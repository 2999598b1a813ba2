"""Halaman Peringkat OPD lewat AppTest (dimulai dari app.py), pada database demo dan
database kecil. Angka yang tampil (tabel, kartu, batang grafik) dibandingkan dengan
angka yang dihitung ulang di tes dari view stabil v_capaian_opd dan v_anggaran_opd,
dengan filter diterapkan lewat SQL biasa dan peringkat dihitung dengan pandas."""

from __future__ import annotations

import json
from pathlib import Path

import duckdb
import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from kinerja import format as fmt
from tests.bantu_apptest import buka_halaman

AKAR = Path(__file__).resolve().parent.parent
APP = str(AKAR / "app.py")
HALAMAN = "pages/peringkat_opd.py"
KOLOM_UBAH = "Perubahan vs {}"


def _buka(monkeypatch, db: Path, **query) -> AppTest:
    return buka_halaman(monkeypatch, db, HALAMAN, **query)


def _metrik(at: AppTest) -> dict[str, str]:
    return {m.label: m.value for m in at.metric}


def _grafik(at: AppTest) -> dict:
    elemen = at.get("plotly_chart")
    assert len(elemen) == 1
    return json.loads(elemen[0].proto.spec)


# ---------------------------------------------------------------------------
# Harapan, dihitung ulang dari view stabil (tidak memakai queries/peringkat_opd.sql)

def _opd_dalam_filter(con, kelompok=None, bidang=None, opd=()) -> set[str]:
    kode = {r[0] for r in con.execute(
        "SELECT DISTINCT ob.kode_opd FROM opd_bidang ob JOIN urusan u USING (kode_urusan) "
        "WHERE ($kel IS NULL OR u.kelompok = $kel) AND ($bid IS NULL OR ob.kode_urusan = $bid)",
        {"kel": kelompok, "bid": bidang}).fetchall()}
    return kode & set(opd) if opd else kode


def _skor_tahun(con, tahun: int, triwulan: int, dasar: str, himpunan: set[str]) -> pd.DataFrame:
    cap = con.execute("SELECT kode_opd, nama_opd, capaian, kategori FROM v_capaian_opd "
                      "WHERE tahun = $t AND triwulan = $q", {"t": tahun, "q": triwulan}).df()
    bulan = con.execute("SELECT max(bulan) FROM v_anggaran_opd WHERE tahun = $t AND bulan <= $b",
                        {"t": tahun, "b": triwulan * 3}).fetchone()[0]
    ang = con.execute("SELECT kode_opd, nama_opd, persen_realisasi, persen_rencana FROM v_anggaran_opd "
                      "WHERE tahun = $t AND bulan = $b", {"t": tahun, "b": bulan}).df()
    bobot = dict(con.execute("SELECT kunci, CAST(nilai AS DOUBLE) FROM pengaturan "
                             "WHERE kunci LIKE 'bobot_gabungan_%'").fetchall())
    df = cap.merge(ang, on="kode_opd", how="outer", suffixes=("", "_a"))
    df["nama_opd"] = df["nama_opd"].fillna(df["nama_opd_a"])
    df = df[df["kode_opd"].isin(himpunan)].copy()
    ok = df["persen_rencana"] > 0
    df["serapan"] = (df["persen_realisasi"] / df["persen_rencana"] * 100).where(ok).clip(upper=100)
    wk, wa = bobot["bobot_gabungan_kinerja"], bobot["bobot_gabungan_anggaran"]
    df["gabungan"] = (wk * df["capaian"] + wa * df["serapan"]) / (wk + wa)
    df["skor"] = df[{"kinerja": "capaian", "serapan": "serapan", "gabungan": "gabungan"}[dasar]]
    df["peringkat"] = df["skor"].round(6).rank(method="min", ascending=False)
    df["bulan"] = bulan
    return df.set_index("kode_opd")


def _harapan(db: Path, tahun: int, triwulan: int, dasar: str = "kinerja", **filter_) -> pd.DataFrame:
    con = duckdb.connect(str(db), read_only=True)
    try:
        himpunan = _opd_dalam_filter(con, **filter_)
        kini = _skor_tahun(con, tahun, triwulan, dasar, himpunan)
        lalu = _skor_tahun(con, tahun - 1, triwulan, dasar, himpunan)
    finally:
        con.close()
    kini["peringkat_lalu"] = lalu["peringkat"].reindex(kini.index)

    def ubah(p, q):
        if pd.isna(p):
            return "n/a"
        if pd.isna(q):
            return "baru"
        return "=" if p == q else (f"▲ {int(q - p)}" if q > p else f"▼ {int(p - q)}")

    kini["perubahan"] = [ubah(p, q) for p, q in zip(kini["peringkat"], kini["peringkat_lalu"])]
    return kini


def _periksa(at: AppTest, harapan: pd.DataFrame, tahun: int, triwulan: int, dasar: str = "kinerja") -> pd.DataFrame:
    """Tabel, kartu dan grafik = harapan. Mengembalikan tabel yang tampil."""
    tabel = at.dataframe[0].value
    assert len(tabel) == len(harapan)
    nama_ke_kode = {n: k for k, n in harapan["nama_opd"].items()}
    tabel["kode_opd"] = [nama_ke_kode[o] for o in tabel["Nama OPD"]]
    tabel = tabel.set_index("kode_opd")
    h = harapan.loc[tabel.index]
    # Peringkat: nilai sama = peringkat sama; tanpa skor = kosong, di akhir
    tampil = [None if pd.isna(p) else int(p) for p in tabel["Peringkat"]]
    assert tampil == [None if pd.isna(p) else int(p) for p in h["peringkat"]]
    terurut = [p for p in tampil if p is not None]
    assert terurut == sorted(terurut) and tampil[len(terurut):] == [None] * (len(tampil) - len(terurut))
    assert list(tabel["Capaian"]) == [fmt.persen(x) for x in h["capaian"]]
    assert list(tabel["Kategori"]) == [fmt.NA if pd.isna(k) else k for k in h["kategori"]]
    assert list(tabel["Realisasi keuangan"]) == [fmt.persen(x) for x in h["persen_realisasi"]]
    assert list(tabel["Rencana kas"]) == [fmt.persen(x) for x in h["persen_rencana"]]
    assert list(tabel["Skor penyerapan"]) == [fmt.persen(x) for x in h["serapan"]]
    assert list(tabel["Skor gabungan"]) == [fmt.angka(x, 1) for x in h["gabungan"]]
    kolom_ubah = KOLOM_UBAH.format(fmt.periode(tahun - 1, triwulan))
    assert list(tabel[kolom_ubah]) == list(h["perubahan"])

    # Kartu ringkas
    dinilai = h[h["peringkat"].notna()]
    m = _metrik(at)
    label_dinilai = "OPD dinilai" if len(dinilai) == len(h) else f"OPD dinilai (dari {len(h)})"
    assert m[label_dinilai] == str(len(dinilai))
    satuan = "" if dasar == "gabungan" else "%"
    assert m[f"Di bawah target (< 95{satuan})"] == str(int((dinilai["skor"] < 95).sum()))
    tulis = (lambda x: fmt.angka(x, 1)) if dasar == "gabungan" else fmt.persen
    assert [v for k, v in m.items() if k.startswith("Tertinggi")] == [tulis(dinilai["skor"].max())]
    assert [v for k, v in m.items() if k.startswith("Terendah")] == [tulis(dinilai["skor"].min())]

    # Grafik: judul sumbu menyebut dasarnya (judul dan periode ada di kepala halaman), setiap OPD
    # satu batang dengan angka dan label pita
    spec = _grafik(at)
    sumbu = {"kinerja": "Capaian kinerja", "serapan": "Realisasi terhadap rencana kas", "gabungan": "Skor gabungan"}
    assert spec["layout"]["xaxis"]["title"]["text"].startswith(sumbu[dasar])
    assert not spec["layout"]["title"]["text"]
    teks = {cd[0]: t for tr in spec["data"] if tr.get("type") == "bar"
            for cd, t in zip(tr["customdata"], tr["text"])}
    assert set(teks) == set(h.index)
    for kode, baris in h.iterrows():
        if pd.isna(baris["skor"]):
            assert teks[kode].startswith("n/a")
        else:
            assert teks[kode].startswith(tulis(baris["skor"]) + " · ")
    assert spec["layout"]["yaxis"]["ticktext"][0].startswith("1. ")
    assert any("Target 95" in a.get("text", "") for a in spec["layout"]["annotations"])
    return tabel


# ---------------------------------------------------------------------------
# Database demo: beberapa kombinasi filter

@pytest.mark.parametrize("tahun,triwulan", [(2026, 3), (2023, 4), (2021, 1)])
def test_periode_angka_sama_dengan_view(monkeypatch, db_demo, tahun, triwulan):
    at = _buka(monkeypatch, db_demo, tahun=str(tahun), triwulan=str(triwulan))
    harapan = _harapan(db_demo, tahun, triwulan)
    _periksa(at, harapan, tahun, triwulan)
    # Tanpa filter, peringkat kinerja sama dengan kolom peringkat v_capaian_opd
    con = duckdb.connect(str(db_demo), read_only=True)
    view = con.execute("SELECT kode_opd, peringkat FROM v_capaian_opd WHERE tahun = $t AND triwulan = $q",
                       {"t": tahun, "q": triwulan}).df().set_index("kode_opd")
    con.close()
    assert (view["peringkat"].reindex(harapan.index) == harapan["peringkat"]).all()


def test_bawaan_periode_terbaru_dan_dasar_kinerja(monkeypatch, db_demo):
    at = _buka(monkeypatch, db_demo)
    # AppTest menjalankan halaman tanpa app.py setelah switch_page (mode pages/ lama):
    # filter dibaca dari Filter yang disimpan app.py pada jalan pertama.
    f = at.session_state["_filter"]
    assert (f.tahun, f.triwulan) == (2026, 3)
    assert at.session_state["p_dasar"] == "kinerja"
    assert at.query_params["dasar"] in ("kinerja", ["kinerja"])
    # Bobot skor gabungan selalu terlihat pada pilihan dasar
    assert "Gabungan 70:30" in at.get("button_group")[0].proto.options[2].content
    assert at.title[0].value == "Peringkat OPD"


def test_kelompok_urusan(monkeypatch, db_demo):
    kel = "Wajib Pelayanan Dasar"
    at = _buka(monkeypatch, db_demo, kelompok=kel, tahun="2025", triwulan="4")
    harapan = _harapan(db_demo, 2025, 4, kelompok=kel)
    assert len(harapan) == 11
    _periksa(at, harapan, 2025, 4)


def test_dua_opd_dipilih(monkeypatch, db_demo):
    dua = ["1.02.0.00.0.00.01.0000", "2.15.0.00.0.00.01.0000"]  # Dinkes, Dishub
    at = _buka(monkeypatch, db_demo, opd=dua)
    assert list(at.session_state["_filter"].opd) == dua
    harapan = _harapan(db_demo, 2026, 3, opd=dua)
    tabel = _periksa(at, harapan, 2026, 3)
    assert sorted(p for p in tabel["Peringkat"]) == [1, 2]
    assert "Dinkes, Dishub" in " ".join(m.value for m in at.markdown)


def test_bidang_satu_opd(monkeypatch, db_demo):
    at = _buka(monkeypatch, db_demo, bidang="1.01")
    harapan = _harapan(db_demo, 2026, 3, bidang="1.01")
    tabel = _periksa(at, harapan, 2026, 3)
    assert list(tabel["Peringkat"]) == [1]
    assert any("Hanya satu OPD" in i.value for i in at.info)


@pytest.mark.parametrize("dasar", ["serapan", "gabungan"])
@pytest.mark.parametrize("query,tahun,triwulan", [
    ({}, 2026, 3),
    ({"tahun": "2024", "triwulan": "2", "kelompok": "Penunjang"}, 2024, 2),
])
def test_dasar_anggaran_dari_url(monkeypatch, db_demo, dasar, query, tahun, triwulan):
    at = _buka(monkeypatch, db_demo, dasar=dasar, **query)
    assert at.session_state["p_dasar"] == dasar
    harapan = _harapan(db_demo, tahun, triwulan, dasar, kelompok=query.get("kelompok"))
    _periksa(at, harapan, tahun, triwulan, dasar)
    bulan = fmt.bulan(int(harapan["bulan"].iloc[0]))
    teks = " ".join(c.value for c in at.caption)
    assert f"s.d. {bulan} {tahun}" in teks
    if dasar == "gabungan":
        assert "Skor gabungan = 70% capaian kinerja + 30% skor penyerapan" in teks


def test_ganti_dasar_lewat_kontrol(monkeypatch, db_demo):
    at = _buka(monkeypatch, db_demo)
    at.session_state["p_dasar"] = "gabungan"
    at.run()
    assert not at.exception
    assert at.query_params["dasar"] in ("gabungan", ["gabungan"])
    _periksa(at, _harapan(db_demo, 2026, 3, "gabungan"), 2026, 3, "gabungan")


def test_dasar_buruk_di_tautan(monkeypatch, db_demo):
    at = _buka(monkeypatch, db_demo, dasar="acak")
    assert at.session_state["p_dasar"] == "kinerja"
    assert any("dasar='acak'" in t.value for t in at.toast)


def test_klik_baris_dan_batang_membuka_profil(monkeypatch, db_demo):
    at = _buka(monkeypatch, db_demo, kelompok="Penunjang")
    tabel = at.dataframe[0].value
    ketiga = tabel["Nama OPD"].iloc[2]
    at.session_state["tabel_peringkat"] = {"selection": {"rows": [2], "columns": [], "cells": []}}
    at.run()
    assert not at.exception
    kode = at.session_state["f_profil"]
    con = duckdb.connect(str(db_demo), read_only=True)
    assert con.execute("SELECT nama_opd FROM opd WHERE kode_opd = $k", {"k": kode}).fetchone()[0] == ketiga
    con.close()
    qp = at.query_params
    assert qp["profil"] in (kode, [kode]) and qp["kelompok"] in ("Penunjang", ["Penunjang"])
    assert at.get("plotly_chart") == [] or "Peringkat OPD" not in [t.value for t in at.title]
    # Kembali ke peringkat: pilihan lama tidak langsung membuka profil lagi
    at.switch_page(HALAMAN).run()
    assert not at.exception and at.title[0].value == "Peringkat OPD"
    # Klik batang grafik (customdata = kode OPD)
    dinkes = "1.02.0.00.0.00.01.0000"
    at = _buka(monkeypatch, db_demo)
    at.session_state["grafik_peringkat"] = {"selection": {"points": [{"customdata": [dinkes]}],
                                                          "point_indices": [0], "box": [], "lasso": []}}
    at.run()
    assert not at.exception
    assert at.session_state["f_profil"] == dinkes
    assert at.query_params["profil"] in (dinkes, [dinkes])


def test_nama_opd_tidak_masuk_html_mentah(monkeypatch, db_kecil_berkas):
    con = duckdb.connect(str(db_kecil_berkas))
    con.execute("UPDATE opd SET nama_opd = 'Dinas <script>x</script>', singkatan = '<b>Dx</b>' "
                "WHERE kode_opd = '1.06.0.00.0.00.01.0000'")
    con.close()
    at = _buka(monkeypatch, db_kecil_berkas)
    spec = json.dumps(_grafik(at))
    assert "<script>" not in spec and "<b>Dx</b>" not in spec
    assert "<script>" not in " ".join(m.value for m in at.markdown)


# ---------------------------------------------------------------------------
# Database kecil: nilai dihitung tangan, data kosong dan sebagian

def test_kecil_nilai_sama_peringkat_sama(monkeypatch, db_kecil_berkas):
    at = _buka(monkeypatch, db_kecil_berkas)
    tabel = at.dataframe[0].value
    baris = {o: (p, c, u) for o, p, c, u in
             zip(tabel["OPD"], tabel["Peringkat"], tabel["Capaian"], tabel["Perubahan vs TW IV 2024"])}
    # Dinkes dan Dinsos sama-sama 92,5 -> keduanya 1; Disdik 3; Diskominfo n/a di akhir
    assert baris["Dinkes"][:2] == (1, "92,5%") and baris["Dinsos"][:2] == (1, "92,5%")
    assert baris["Disdik"][:2] == (3, "65,6%")
    assert pd.isna(baris["Diskominfo"][0]) and baris["Diskominfo"][1] == "n/a"
    assert tabel["OPD"].iloc[-1] == "Diskominfo"
    assert {k: v[2] for k, v in baris.items()} == {"Dinkes": "=", "Dinsos": "baru", "Disdik": "baru",
                                                    "Diskominfo": "n/a"}
    m = _metrik(at)
    assert m["OPD dinilai (dari 4)"] == "3"
    assert m["Di bawah target (< 95%)"] == "3"
    assert m["Tertinggi: Dinkes, Dinsos"] == "92,5%"
    assert m["Terendah: Disdik"] == "65,6%"
    ticks = _grafik(at)["layout"]["yaxis"]["ticktext"]
    assert ticks[:3] == ["1. Dinkes", "1. Dinsos", "3. Disdik"] and ticks[3].endswith("Diskominfo")
    _periksa(at, _harapan(db_kecil_berkas, 2025, 4), 2025, 4)


def test_kecil_gabungan_dihitung_tangan(monkeypatch, db_kecil_berkas):
    at = _buka(monkeypatch, db_kecil_berkas, dasar="gabungan")
    tabel = at.dataframe[0].value
    baris = {o: (p, g) for o, p, g in zip(tabel["OPD"], tabel["Peringkat"], tabel["Skor gabungan"])}
    # 0,7 x 92,5 + 0,3 x 85,71 = 90,46; 0,7 x 65,625 + 0,3 x 100 = 75,94
    assert baris["Dinkes"] == (1, "90,5") and baris["Disdik"] == (2, "75,9")
    assert pd.isna(baris["Dinsos"][0]) and baris["Dinsos"][1] == "n/a"
    teks = {cd[0]: t for tr in _grafik(at)["data"] if tr.get("type") == "bar"
            for cd, t in zip(tr["customdata"], tr["text"])}
    assert teks["1.02.0.00.0.00.01.0000"] == "90,5 · Tinggi"
    assert teks["1.01.0.00.0.00.01.0000"] == "75,9 · Sedang"
    # Anggaran TW IV 2025 hanya sampai September: halaman menyebutnya
    assert any("s.d. September 2025" in c.value for c in at.caption)
    _periksa(at, _harapan(db_kecil_berkas, 2025, 4, "gabungan"), 2025, 4, "gabungan")


@pytest.mark.parametrize("dasar", ["serapan", "gabungan"])
def test_kecil_tahun_tanpa_anggaran(monkeypatch, db_kecil_berkas, dasar):
    at = _buka(monkeypatch, db_kecil_berkas, tahun="2024", triwulan="4", dasar=dasar)
    assert any("Belum ada data anggaran tahun 2024" in i.value for i in at.info)
    assert not at.get("plotly_chart") and not at.dataframe
    # Tombol saran: beralih ke peringkat menurut kinerja
    at.button[0].click().run()
    assert not at.exception
    assert at.session_state["p_dasar"] == "kinerja"
    tabel = at.dataframe[0].value
    assert list(tabel["Peringkat"]) == [1] and list(tabel["Capaian"]) == ["87,5%"]
    assert any("Hanya satu OPD" in i.value for i in at.info)


def test_kecil_filter_tanpa_opd(monkeypatch, db_kecil_berkas):
    # Disdik belum punya data TW IV 2024: bidang 1.01 pada periode itu tidak cocok dengan OPD mana pun
    at = _buka(monkeypatch, db_kecil_berkas, tahun="2024", triwulan="4", bidang="1.01")
    assert any("Tidak ada OPD yang cocok" in i.value for i in at.info)
    assert not at.get("plotly_chart") and not at.dataframe and not at.metric


def test_kecil_tidak_ada_opd_yang_dapat_dinilai(monkeypatch, db_kecil_berkas):
    # Diskominfo (2.16) ada, tetapi capaiannya n/a dan pagunya nol
    for dasar in ("kinerja", "serapan"):
        at = _buka(monkeypatch, db_kecil_berkas, bidang="2.16", dasar=dasar)
        assert any("tidak satu pun" in i.value for i in at.info)
        assert not at.get("plotly_chart")


def _batang(at: AppTest) -> tuple[list[str], list[str]]:
    """(label sumbu y urut atas ke bawah, teks batang menurut posisi y)."""
    g = _grafik(at)
    teks = {}
    for tr in (t for t in g["data"] if t.get("type") == "bar"):   # bukan jejak garis target
        for y, t in zip(tr["y"], tr["text"]):
            teks[y] = t
    return g["layout"]["yaxis"]["ticktext"], [teks[i] for i in sorted(teks)]


def test_seri_karena_batas_disebut_dan_pemecah_seri_berlabel(monkeypatch, db_kecil_berkas):
    """Database kecil TW IV 2025: Dinkes dan Dinsos sama 92,5% karena Angka kematian bayi
    Dinkes (107,1%) dibatasi 100%. Tanpa batas: Dinkes (90 + 107,142857 + 87,5) / 3 = 94,88%,
    Dinsos 92,5%. Peringkat resmi tetap 1 dan 1; urutan pemecah seri 1 Dinkes, 2 Dinsos."""
    at = _buka(monkeypatch, db_kecil_berkas, tahun="2025", triwulan="4")
    label, teks = _batang(at)
    assert label[:2] == ["1. Dinkes", "1. Dinsos"]
    assert all("bersama 1 OPD lain" in t for t in teks[:2])
    assert "Nilai sama karena batas atas 100%: 2 OPD di peringkat 1." in [c.value for c in at.caption]
    at.toggle(key="p_pecah_seri").set_value(True).run()
    assert not at.exception
    label, teks = _batang(at)
    assert label[:3] == ["1. Dinkes", "2. Dinsos", "3. Disdik"]
    assert "tanpa batas 94,9%" in teks[0] and "bersama" not in teks[0]
    assert any("bukan peringkat resmi" in w.value for w in at.warning)
    # Tabel tetap peringkat resmi.
    tabel = at.dataframe[0].value
    assert list(tabel["Peringkat"].iloc[:2]) == [1, 1]
