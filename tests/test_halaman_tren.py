"""Halaman Tren (AppTest dari app.py): beberapa kombinasi filter, dan angka yang
tampil (data grafik Plotly, sel tabel, teks) sama dengan angka yang dihitung ulang
dengan SQL biasa dari view stabil v_capaian_opd dan v_anggaran_opd."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest
from streamlit.testing.v1 import AppTest

from kinerja import format as fmt
from tests.bantu_apptest import ada_grafik as _ada_grafik
from tests.bantu_apptest import buka_halaman
from tests.bantu_apptest import grafik as _grafik
from tests.bantu_apptest import seri as _seri

HALAMAN = "pages/tren.py"
DINKES, DINSOS, DKP = "1.02.0.00.0.00.01.0000", "1.06.0.00.0.00.01.0000", "2.09.0.00.0.00.01.0000"
DISKOMINFO_KECIL = "2.16.2.20.2.21.01.0000"


def _buka(monkeypatch, db: Path, **query) -> AppTest:
    return buka_halaman(monkeypatch, db, HALAMAN, **query)


def _tabel(at: AppTest, kolom: str):
    for d in at.dataframe:
        if kolom in d.value.columns:
            return d.value
    raise AssertionError(f"tabel dengan kolom {kolom} tidak tampil")


def _sql(db: Path, teks: str, params: dict) -> list[tuple]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute(teks, params).fetchall()
    finally:
        con.close()


def _rata_per_tahun(db: Path, triwulan: int, opd: list[str] | None = None, bidang: str | None = None):
    """Rata-rata capaian OPD per tahun dari v_capaian_opd (opsional: OPD atau bidang tertentu)."""
    syarat, params = "triwulan = $q AND capaian IS NOT NULL", {"q": triwulan}
    if opd:
        syarat += " AND list_contains($opd, kode_opd)"
        params["opd"] = opd
    if bidang:
        syarat += " AND kode_opd IN (SELECT kode_opd FROM opd_bidang WHERE kode_urusan = $b)"
        params["b"] = bidang
    return _sql(db, f"SELECT tahun, avg(capaian) FROM v_capaian_opd WHERE {syarat} GROUP BY tahun ORDER BY tahun",
                params)


def _anggaran_per_bulan(db: Path, tahun: int, opd: list[str] | None = None, bidang: str | None = None):
    """(bulan, % rencana, % realisasi, deviasi, fisik dibobot pagu) dari v_anggaran_opd."""
    syarat, params = "tahun = $t", {"t": tahun}
    if opd:
        syarat += " AND list_contains($opd, kode_opd)"
        params["opd"] = opd
    if bidang:
        syarat += " AND kode_opd IN (SELECT kode_opd FROM opd_bidang WHERE kode_urusan = $b)"
        params["b"] = bidang
    return _sql(db, f"""
        SELECT bulan,
               sum(rencana_kumulatif) / sum(pagu) * 100,
               sum(realisasi_kumulatif) / sum(pagu) * 100,
               sum(realisasi_kumulatif) / sum(pagu) * 100 - sum(rencana_kumulatif) / sum(pagu) * 100,
               sum(realisasi_fisik * pagu) / sum(pagu)
        FROM v_anggaran_opd WHERE {syarat} GROUP BY bulan ORDER BY bulan""", params)


def _cocok(tampil: list, harapan: list) -> None:
    assert len(tampil) == len(harapan)
    for a, b in zip(tampil, harapan):
        assert a == pytest.approx(b, abs=1e-9)


def _periksa_anggaran(at: AppTest, db: Path, tahun: int, **saring) -> None:
    kini = _anggaran_per_bulan(db, tahun, **saring)
    lalu = _anggaran_per_bulan(db, tahun - 1, **saring)
    s = _seri(_grafik(at, "kurva_s"))
    assert s["rencana"]["x"] == [b for b, *_ in kini]
    _cocok(s["rencana"]["y"], [r[1] for r in kini])
    _cocok(s["realisasi"]["y"], [r[2] for r in kini])
    _cocok(s["deviasi"]["y"], [r[3] for r in kini])
    if lalu:
        assert s["realisasi_lalu"]["x"] == [b for b, *_ in lalu]
        _cocok(s["realisasi_lalu"]["y"], [r[2] for r in lalu])
    else:
        assert "realisasi_lalu" not in s
    f = _seri(_grafik(at, "kurva_fisik"))
    _cocok(f["fisik"]["y"], [r[4] for r in kini])


def test_tren_bawaan_angka_sama_dengan_view(monkeypatch, db_demo):
    at = _buka(monkeypatch, db_demo)
    assert at.title[0].value == "Tren Kinerja dan Anggaran"
    harapan = _rata_per_tahun(db_demo, 3)
    spec = _grafik(at, "tren_capaian")
    s = _seri(spec)
    assert set(s) == {"rata"}  # semua OPD: satu garis rata-rata, tanpa pembanding
    assert s["rata"]["x"] == [t for t, _ in harapan] == [2021, 2022, 2023, 2024, 2025, 2026]
    _cocok(s["rata"]["y"], [v for _, v in harapan])
    assert "TW III, 2021–2026" in spec["layout"]["title"]["text"]
    # Tabel perubahan per tahun: capaian dan selisih dengan tahun sebelumnya, format Indonesia.
    tabel = _tabel(at, "Perubahan")
    assert list(tabel["Tahun"]) == [str(t) for t, _ in harapan]
    assert list(tabel["Capaian"]) == [fmt.persen(v) for _, v in harapan]
    assert list(tabel["Perubahan"]) == ["—"] + [fmt.poin(b - a) for (_, a), (_, b) in zip(harapan, harapan[1:])]
    # Label di garis: nilai dan perubahan tahun terakhir.
    assert fmt.poin(harapan[-1][1] - harapan[-2][1]) in s["rata"]["text"][-1]

    # Kurva S 2026: bulan 1-9 saja (bulan yang belum ada tidak digambar sebagai nol),
    # 2025 lengkap 12 bulan sebagai pembanding.
    _periksa_anggaran(at, db_demo, 2026)
    s = _seri(_grafik(at, "kurva_s"))
    assert s["realisasi"]["x"] == list(range(1, 10))
    assert s["realisasi_lalu"]["x"] == list(range(1, 13))
    b9 = _anggaran_per_bulan(db_demo, 2026)[8]
    teks = " ".join(m.value for m in at.markdown)
    assert f"realisasi **{fmt.persen(b9[2])}**" in teks
    assert f"deviasi **{fmt.poin(b9[3])}**" in teks
    assert "waspada" in teks  # -9,8 poin: pita 5-10 poin


def test_tren_tahun_lama_tanpa_tahun_sebelumnya(monkeypatch, db_demo):
    at = _buka(monkeypatch, db_demo, tahun="2021", triwulan="4")
    harapan = _rata_per_tahun(db_demo, 4)
    s = _seri(_grafik(at, "tren_capaian"))
    assert s["rata"]["x"] == [2021, 2022, 2023, 2024, 2025]  # 2026 belum punya TW IV
    _cocok(s["rata"]["y"], [v for _, v in harapan])
    assert any("Belum ada data TW IV untuk tahun 2026" in c.value for c in at.caption)
    _periksa_anggaran(at, db_demo, 2021)  # tanpa garis 2020
    assert any("Tahun 2020 belum punya data anggaran" in c.value for c in at.caption)
    teks = " ".join(m.value for m in at.markdown)
    assert "s.d. Desember 2021" in teks


def test_tren_sektor_dengan_pembanding_pemda(monkeypatch, db_demo):
    at = _buka(monkeypatch, db_demo, kelompok="Wajib Pelayanan Dasar", bidang="1.02", triwulan="2", tahun="2025")
    s = _seri(_grafik(at, "tren_capaian"))
    assert set(s) == {"rata", "pemda"}
    _cocok(s["rata"]["y"], [v for _, v in _rata_per_tahun(db_demo, 2, bidang="1.02")])
    _cocok(s["pemda"]["y"], [v for _, v in _rata_per_tahun(db_demo, 2)])
    _periksa_anggaran(at, db_demo, 2025, bidang="1.02")
    assert "Bidang 1.02 Kesehatan" in " ".join(m.value for m in at.markdown)


def test_tren_satu_opd(monkeypatch, db_demo):
    at = _buka(monkeypatch, db_demo, opd=[DINKES])
    s = _seri(_grafik(at, "tren_capaian"))
    assert set(s) == {f"opd:{DINKES}", "pemda"}
    opd = _sql(db_demo, "SELECT tahun, capaian FROM v_capaian_opd WHERE kode_opd = $k AND triwulan = 3 "
                        "ORDER BY tahun", {"k": DINKES})
    _cocok(s[f"opd:{DINKES}"]["y"], [v for _, v in opd])
    assert s[f"opd:{DINKES}"]["name"] == "Dinkes"
    # Satu OPD: kurva S = persen_realisasi OPD itu langsung dari v_anggaran_opd.
    per_opd = _sql(db_demo, "SELECT bulan, persen_rencana, persen_realisasi, deviasi FROM v_anggaran_opd "
                            "WHERE kode_opd = $k AND tahun = 2026 ORDER BY bulan", {"k": DINKES})
    k = _seri(_grafik(at, "kurva_s"))
    _cocok(k["rencana"]["y"], [r[1] for r in per_opd])
    _cocok(k["realisasi"]["y"], [r[2] for r in per_opd])
    _cocok(k["deviasi"]["y"], [r[3] for r in per_opd])
    tabel = _tabel(at, "Perubahan")
    assert list(tabel["Capaian"]) == [fmt.persen(v) for _, v in opd]


def test_tren_tiga_opd_garis_per_opd_dan_rata_rata(monkeypatch, db_demo):
    pilih = [DINKES, DINSOS, DKP]
    at = _buka(monkeypatch, db_demo, opd=pilih)
    s = _seri(_grafik(at, "tren_capaian"))
    assert set(s) == {f"opd:{k}" for k in pilih} | {"rata", "pemda"}
    _cocok(s["rata"]["y"], [v for _, v in _rata_per_tahun(db_demo, 3, opd=pilih)])
    for k in pilih:
        opd = _sql(db_demo, "SELECT capaian FROM v_capaian_opd WHERE kode_opd = $k AND triwulan = 3 ORDER BY tahun",
                   {"k": k})
        _cocok(s[f"opd:{k}"]["y"], [v for (v,) in opd])
    # Garis OPD dibedakan juga oleh gaya garis, bukan warna saja.
    assert len({s[f"opd:{k}"]["line"]["dash"] for k in pilih}) == 3
    matriks = _tabel(at, "OPD")
    assert list(matriks["OPD"]) == ["Dinkes", "Dinsos", "DKP"]
    dinkes_2026 = _sql(db_demo, "SELECT capaian FROM v_capaian_opd WHERE kode_opd = $k AND tahun = 2026 "
                                "AND triwulan = 3", {"k": DINKES})[0][0]
    assert matriks.loc[0, "2026"] == fmt.persen(dinkes_2026)
    _periksa_anggaran(at, db_demo, 2026, opd=pilih)


def test_tren_lebih_dari_enam_opd_satu_garis(monkeypatch, db_demo):
    semua = [k for (k,) in _sql(db_demo, "SELECT kode_opd FROM opd ORDER BY kode_opd LIMIT 7", {})]
    at = _buka(monkeypatch, db_demo, opd=semua)
    s = _seri(_grafik(at, "tren_capaian"))
    assert set(s) == {"rata", "pemda"}
    _cocok(s["rata"]["y"], [v for _, v in _rata_per_tahun(db_demo, 3, opd=semua)])
    assert any("7 OPD dipilih" in c.value for c in at.caption)


def test_tren_database_kecil_tahun_tanpa_anggaran(monkeypatch, db_kecil_berkas):
    """2024 punya capaian tetapi tidak punya data anggaran: pesan, bukan grafik kosong."""
    at = _buka(monkeypatch, db_kecil_berkas, tahun="2024", triwulan="4")
    s = _seri(_grafik(at, "tren_capaian"))
    # 2024: hanya Dinkes (75 dan 100 -> 87,5); 2025: (92,5 + 65,625 + 92,5) / 3
    _cocok(s["rata"]["y"], [87.5, (92.5 + 65.625 + 92.5) / 3])
    assert not _ada_grafik(at, "kurva_s") and not _ada_grafik(at, "kurva_fisik")
    pesan = [i.value for i in at.info]
    assert any("Belum ada data anggaran" in p and "2024" in p for p in pesan)
    assert any("realisasi fisik" in p for p in pesan)


def test_tren_database_kecil_angka_dihitung_tangan(monkeypatch, db_kecil_berkas):
    at = _buka(monkeypatch, db_kecil_berkas)
    k = _seri(_grafik(at, "kurva_s"))
    # Maret: hanya Dinkes (80 / 1.000 juta); September: (660 + 2.250 + 0) / (1.100 + 3.000 + 0) juta.
    # April-Agustus tidak dimuat: celah (None), garis tidak disambung seolah ada angkanya.
    assert k["realisasi"]["x"] == list(range(3, 10))
    assert k["realisasi"]["y"][1:6] == [None] * 5 and k["rencana"]["y"][1:6] == [None] * 5
    _cocok([k["realisasi"]["y"][0], k["realisasi"]["y"][6]], [8.0, 2910 / 4100 * 100])
    _cocok([k["rencana"]["y"][0], k["rencana"]["y"][6]], [10.0, 2870 / 4100 * 100])
    assert "realisasi_lalu" not in k  # 2024 tanpa anggaran


def test_tren_filter_tanpa_capaian(monkeypatch, db_kecil_berkas):
    """OPD yang capaiannya tidak pernah dapat dihitung: pesan yang jelas, tanpa galat."""
    at = _buka(monkeypatch, db_kecil_berkas, opd=[DISKOMINFO_KECIL])
    assert not _ada_grafik(at, "tren_capaian")
    pesan = [i.value for i in at.info]
    assert any("Tidak ada capaian kinerja TW IV" in p for p in pesan)
    assert any("pagu nol/kosong" in p for p in pesan)  # pagu 0: persen serapan tidak dihitung


@pytest.mark.parametrize("deviasi,label", [(-1.99, "aman"), (0, "aman"), (2, "perlu perhatian"), (-4.9, "perlu perhatian"),
                                           (5, "waspada"), (-10, "waspada"), (10.01, "kritis"), (-25, "kritis")])
def test_pita_deviasi(deviasi, label):
    from kinerja.grafik.tren import tingkat_deviasi

    assert tingkat_deviasi(deviasi).label == label
    assert tingkat_deviasi(None) is None


def test_teks_angka_dan_bulan_triwulan():
    from kinerja.grafik import tren as gt

    assert gt.teks_target(80, 90, "rentang") == "80–90"
    assert gt.teks_target(6.5, None, "turun") == "6,5"
    assert gt.teks_target(None, None, "naik") == fmt.NA
    assert fmt.angka_ringkas(1234.25) == "1.234,25"
    assert fmt.angka_ringkas(80.0) == "80"
    assert gt.angka_ringkas_bertanda(-9.78) == "-9,8" and gt.angka_ringkas_bertanda(0.01) == "0"
    assert gt.bulan_triwulan([1, 2, 3, 4, 5, 6, 7, 8, 9], 3) == 9
    assert gt.bulan_triwulan([3, 9], 2) == 3  # bulan terakhir yang ada sebelum Juni
    assert gt.bulan_triwulan([4, 5], 1) is None
    assert gt.perubahan_ringkas([2021, 2022, 2023], [None, 3.56, 0.0]) == "2022 +3,6 · 2023 ±0,0"
    assert gt.BULAN_PENDEK[7] == "Agu" and gt.BULAN_PENDEK[4] == "Mei"


def test_grafik_meng_escape_teks_impor():
    """Nama OPD hasil impor di label Plotly (yang memahami sebagian HTML) di-escape."""
    from kinerja.grafik import tren as gt

    fig = gt.tren_tahunan([gt.Garis("<b>Dinas</b> & Co", [2024, 2025], [90.0, 95.0], [None, 5.0])],
                          "Judul <i>x</i>", "ket", pita=[], ambang=95)
    assert fig.data[0].name == "&lt;b&gt;Dinas&lt;/b&gt; &amp; Co"
    assert "<i>" not in fig.layout.title.text
