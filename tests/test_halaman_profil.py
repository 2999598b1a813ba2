"""Halaman Profil OPD (AppTest dari app.py): pilihan OPD lewat URL `profil`, nilai
tautan yang buruk, filter sektor, tahun lama, database kecil tanpa anggaran; angka
kartu, gauge, tabel indikator, tren dan kurva S sama dengan angka yang dihitung
ulang dengan SQL biasa dari view stabil."""

from __future__ import annotations

import re
from pathlib import Path

import duckdb
import pytest
from streamlit.testing.v1 import AppTest

from kinerja import format as fmt
from tests.bantu_apptest import ada_grafik as _ada_grafik
from tests.bantu_apptest import APP, buka_halaman
from tests.bantu_apptest import grafik as _grafik
from tests.bantu_apptest import seri as _seri

HALAMAN = "pages/profil_opd.py"
DINKES, DISDIK, DINSOS = "1.02.0.00.0.00.01.0000", "1.01.0.00.0.00.01.0000", "1.06.0.00.0.00.01.0000"
DISKOMINFO_KECIL = "2.16.2.20.2.21.01.0000"


def _buka(monkeypatch, db: Path, **query) -> AppTest:
    return buka_halaman(monkeypatch, db, HALAMAN, **query)


def _tabel(at: AppTest, kolom: str):
    for d in at.dataframe:
        if kolom in d.value.columns:
            return d.value
    raise AssertionError(f"tabel dengan kolom {kolom} tidak tampil")


def _metrik(at: AppTest) -> dict[str, tuple[str, str]]:
    return {m.label: (m.value, m.delta) for m in at.metric}


def _sql(db: Path, teks: str, params: dict) -> list[tuple]:
    """Kueri biasa; hanya parameter yang disebut di teks yang diikat."""
    dipakai = {k: v for k, v in params.items() if re.search(rf"\${k}\b", teks)}
    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute(teks, dipakai).fetchall()
    finally:
        con.close()


def _cocok(tampil: list, harapan: list) -> None:
    assert len(tampil) == len(harapan)
    for a, b in zip(tampil, harapan):
        assert a == pytest.approx(b, abs=1e-9)


def _periksa_profil(at: AppTest, db: Path, kode: str, tahun: int, triwulan: int) -> None:
    """Semua angka utama profil dibandingkan dengan view stabil."""
    p = {"k": kode, "t": tahun, "q": triwulan}
    capaian, peringkat, nama = _sql(db, "SELECT capaian, peringkat, nama_opd FROM v_capaian_opd "
                                        "WHERE kode_opd = $k AND tahun = $t AND triwulan = $q", p)[0]
    dinilai = _sql(db, "SELECT count(peringkat) FROM v_capaian_opd WHERE tahun = $t AND triwulan = $q",
                   {"t": tahun, "q": triwulan})[0][0]
    lalu = _sql(db, "SELECT capaian, peringkat FROM v_capaian_opd WHERE kode_opd = $k AND tahun = $t - 1 "
                    "AND triwulan = $q", p)
    assert at.title[0].value == nama
    m = _metrik(at)
    assert m["Capaian kinerja"][0] == fmt.persen(capaian)
    assert m["Peringkat di antara semua OPD"][0] == f"{peringkat} dari {dinilai}"
    if lalu:
        assert m["Capaian kinerja"][1] == fmt.poin(capaian - lalu[0][0]) or m["Capaian kinerja"][1] == "tidak berubah"
        naik = lalu[0][1] - peringkat
        assert m["Peringkat di antara semua OPD"][1] == (f"{naik:+d} peringkat" if naik else "tidak berubah")
    # Gauge: nilai = capaian OPD.
    gauge = _grafik(at, "gauge_profil")["data"][0]
    assert gauge["value"] == pytest.approx(capaian, abs=1e-9)

    # Tabel indikator: baris dan capaian mentah = v_capaian_indikator.
    ind = _sql(db, """SELECT indikator, capaian, kategori, target, realisasi FROM v_capaian_indikator
                      WHERE kode_opd = $k AND tahun = $t AND triwulan = $q""", p)
    tabel = _tabel(at, "Indikator")
    assert sorted(tabel["Indikator"]) == sorted(r[0] for r in ind)
    per_nama = {r[0]: r for r in ind}
    for baris in tabel.itertuples():
        _, cap, kat, _, _ = per_nama[baris.Indikator]
        assert baris.Capaian == fmt.persen(cap)
        assert baris.Kategori == (kat if kat is not None else fmt.NA)
        if cap is None:
            assert baris.Batang != baris.Batang  # NaN: tanpa batang
        else:
            assert baris.Batang == pytest.approx(min(cap, 100.0))
    bawah = sum(1 for r in ind if r[1] is not None and r[1] < 95)
    terhitung = sum(1 for r in ind if r[1] is not None)
    assert m["Indikator di bawah 95%"][0] == f"{bawah} dari {terhitung}"

    # Tren: capaian OPD per tahun untuk triwulan ini.
    opd_th = _sql(db, "SELECT tahun, capaian FROM v_capaian_opd WHERE kode_opd = $k AND triwulan = $q "
                      "AND capaian IS NOT NULL ORDER BY tahun", p)
    s = _seri(_grafik(at, "tren_profil"))
    assert s[f"opd:{kode}"]["x"] == [t for t, _ in opd_th]
    _cocok(s[f"opd:{kode}"]["y"], [v for _, v in opd_th])

    # Kurva S dan kartu realisasi keuangan: v_anggaran_opd OPD ini.
    ang = _sql(db, "SELECT bulan, persen_rencana, persen_realisasi, deviasi FROM v_anggaran_opd "
                   "WHERE kode_opd = $k AND tahun = $t ORDER BY bulan", p)
    if ang:
        k = _seri(_grafik(at, "kurva_s_profil"))
        assert k["realisasi"]["x"] == [b for b, *_ in ang]
        _cocok(k["realisasi"]["y"], [r[2] for r in ang])
        _cocok(k["rencana"]["y"], [r[1] for r in ang])
        _cocok(k["deviasi"]["y"], [r[3] for r in ang])
        b = max(r[0] for r in ang if r[0] <= triwulan * 3)
        baris = next(r for r in ang if r[0] == b)
        nilai, delta = m[f"Realisasi keuangan s.d. {fmt.bulan(b)}"]
        assert nilai == fmt.persen(baris[2])
        assert delta == f"{fmt.poin(baris[3])} thd rencana"

    # Riwayat kendala: semua periode, terbaru lebih dulu, teks polos.
    kendala = _sql(db, "SELECT tahun, triwulan, kendala FROM kendala WHERE kode_opd = $k "
                       "ORDER BY tahun DESC, triwulan DESC, urutan", p)
    if kendala:
        tk = _tabel(at, "Tindak lanjut")
        assert list(tk["Periode"]) == [fmt.periode(t, q) for t, q, _ in kendala]
        assert list(tk["Kendala"]) == [x for _, _, x in kendala]


def test_profil_dari_url_angka_sama_dengan_view(monkeypatch, db_demo):
    at = _buka(monkeypatch, db_demo, profil=DINKES)
    assert at.selectbox(key="f_profil").value == DINKES
    _periksa_profil(at, db_demo, DINKES, 2026, 3)
    # Pilihan ditulis kembali ke URL.
    assert at.query_params["profil"] in (DINKES, [DINKES])
    # Peringkat dijelaskan: di antara semua OPD pemda.
    assert any("di antara semua OPD" in c.value for c in at.caption)


def test_profil_bawaan_opd_pertama_filter(monkeypatch, db_demo):
    """Tanpa `profil`: OPD pertama yang dipilih di filter samping."""
    at = _buka(monkeypatch, db_demo, opd=[DINSOS, DINKES])
    assert at.selectbox(key="f_profil").value == DINSOS
    _periksa_profil(at, db_demo, DINSOS, 2026, 3)


def test_profil_tanpa_apa_pun_opd_pertama_daftar(monkeypatch, db_demo):
    at = _buka(monkeypatch, db_demo)
    pertama = _sql(db_demo, "SELECT min(kode_opd) FROM opd", {})[0][0]
    assert at.selectbox(key="f_profil").value == pertama


def test_profil_tautan_buruk_kembali_ke_bawaan(monkeypatch, db_demo):
    at = _buka(monkeypatch, db_demo, profil="xyz")
    pertama = _sql(db_demo, "SELECT min(kode_opd) FROM opd", {})[0][0]
    assert at.selectbox(key="f_profil").value == pertama
    assert any("profil='xyz'" in t.value for t in at.toast)
    assert at.query_params["profil"] in (pertama, [pertama])


def test_profil_tahun_lama(monkeypatch, db_demo):
    at = _buka(monkeypatch, db_demo, tahun="2021", triwulan="4", profil=DISDIK)
    _periksa_profil(at, db_demo, DISDIK, 2021, 4)
    k = _seri(_grafik(at, "kurva_s_profil"))
    assert "realisasi_lalu" not in k  # 2020 tidak ada


def test_profil_sektor_membatasi_pilihan(monkeypatch, db_demo):
    """Filter bidang 1.02: pilihan hanya OPD bidang itu; OPD di luar sektor kembali ke bawaan."""
    at = _buka(monkeypatch, db_demo, kelompok="Wajib Pelayanan Dasar", bidang="1.02", profil=DISDIK)
    sektor = [k for (k,) in _sql(db_demo, "SELECT kode_opd FROM opd_bidang WHERE kode_urusan = '1.02' "
                                         "ORDER BY kode_opd", {})]
    pilihan = at.selectbox(key="f_profil").options
    assert len(pilihan) == len(sektor)
    assert at.selectbox(key="f_profil").value == sektor[0]
    assert any("tidak dikenal" in t.value for t in at.toast)
    _periksa_profil(at, db_demo, sektor[0], 2026, 3)


def test_profil_dibuka_dari_halaman_lain(monkeypatch, db_demo):
    """Halaman Peringkat membuka profil dengan session_state['f_profil'] = kode."""
    monkeypatch.setenv("KINERJA_DB", str(db_demo))
    at = AppTest.from_file(APP, default_timeout=60)
    at.run()
    at.session_state["f_profil"] = DINSOS
    at.switch_page(HALAMAN).run()
    assert not at.exception
    assert at.selectbox(key="f_profil").value == DINSOS
    assert at.title[0].value == "Dinas Sosial"


def test_profil_ganti_opd_lewat_pilihan(monkeypatch, db_demo):
    at = _buka(monkeypatch, db_demo, profil=DINKES)
    at.selectbox(key="f_profil").set_value(DISDIK).run()
    assert not at.exception
    _periksa_profil(at, db_demo, DISDIK, 2026, 3)
    assert at.query_params["profil"] in (DISDIK, [DISDIK])


def test_profil_database_kecil_tahun_tanpa_anggaran(monkeypatch, db_kecil_berkas):
    at = _buka(monkeypatch, db_kecil_berkas, tahun="2024", triwulan="4", profil=DINKES)
    m = _metrik(at)
    assert m["Capaian kinerja"][0] == "87,5%"  # (75 + 100) / 2
    assert m["Realisasi keuangan"][0] == fmt.NA
    assert not _ada_grafik(at, "kurva_s_profil")
    assert any("Belum ada data anggaran Dinkes untuk tahun 2024" in i.value for i in at.info)
    tabel = _tabel(at, "Indikator")
    assert list(tabel["Capaian"]) == ["75,0%", "100,0%"]


def test_profil_database_kecil_tanda_dan_teks_polos(monkeypatch, db_kecil_berkas):
    at = _buka(monkeypatch, db_kecil_berkas, profil=DISDIK)
    _periksa_profil(at, db_kecil_berkas, DISDIK, 2025, 4)
    tabel = _tabel(at, "Indikator").set_index("Indikator")
    # B1 rentang 80-90, realisasi 70 -> 87,5%; B2 200% -> target perlu ditinjau; B3 negatif -> 0.
    assert tabel.loc["Angka partisipasi", "Target"] == "80–90"
    assert tabel.loc["Angka partisipasi", "Capaian"] == "87,5%"
    assert "target perlu ditinjau" in tabel.loc["Sekolah direhabilitasi", "Tanda"]
    assert tabel.loc["Sekolah direhabilitasi", "Capaian"] == "200,0%"
    assert tabel.loc["Sekolah direhabilitasi", "Batang"] == 100.0
    assert tabel.loc["Angka putus sekolah", "Tanda"].startswith("negatif, dipotong ke 0")
    # Kendala berisi <script>: tampil sebagai teks di tabel, tidak pernah di markdown/HTML.
    tk = _tabel(at, "Tindak lanjut")
    assert "<script>" in tk.loc[0, "Kendala"]
    assert all("<script>" not in x.value for x in at.markdown)


def test_profil_database_kecil_tanpa_capaian_dan_pagu_nol(monkeypatch, db_kecil_berkas):
    at = _buka(monkeypatch, db_kecil_berkas, profil=DISKOMINFO_KECIL)
    m = _metrik(at)
    assert m["Capaian kinerja"][0] == fmt.NA
    assert m["Peringkat di antara semua OPD"][0] == fmt.NA
    assert not _ada_grafik(at, "gauge_profil") and not _ada_grafik(at, "tren_profil")
    tanda = list(_tabel(at, "Indikator")["Tanda"])
    assert tanda == ["n/a: realisasi kosong", "n/a: target kosong"]
    pesan = " ".join(i.value for i in at.info)
    assert "belum satu pun" in pesan and "pagu nol/kosong" in pesan
