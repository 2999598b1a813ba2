"""Kueri peringkat_opd pada database kecil, dengan harapan yang dihitung tangan.

Database kecil (tests/fixtures/kecil), TW IV 2025:
  Dinkes     : (90 + 100 + 87,5) / 3 = 92,5 (A4 target nol: n/a)
  Disdik     : (87,5 + 100 + 0 + 75) / 4 = 65,625
  Dinsos     : 37 / 40 = 92,5
  Diskominfo : tidak ada capaian yang dapat dihitung (n/a)
Anggaran 2025 hanya sampai September (bulan akhir TW IV = 12 -> dipakai 9):
  Dinkes : realisasi 60% / rencana 70% -> skor 85,714
  Disdik : realisasi 75% / rencana 70% -> skor 100 (dibatasi)
  Diskominfo : pagu 0 -> n/a; Dinsos : tanpa anggaran -> n/a
Gabungan (70/30): Dinkes 0,7 x 92,5 + 0,3 x 85,714 = 90,464 (Tinggi);
                  Disdik 0,7 x 65,625 + 0,3 x 100 = 75,9375 (Sedang).
TW IV 2024: hanya Dinkes, (75 + 100) / 2 = 87,5; tidak ada anggaran 2024.
"""

from __future__ import annotations

import duckdb
import pandas as pd
import pytest

from kinerja import db
from kinerja.grafik.peringkat import kalimat_perubahan, teks_perubahan

DINKES = "1.02.0.00.0.00.01.0000"
DISDIK = "1.01.0.00.0.00.01.0000"
KOMINFO = "2.16.2.20.2.21.01.0000"
DINSOS = "1.06.0.00.0.00.01.0000"


def _peringkat(con, dasar="kinerja", tahun=2025, triwulan=4, kelompok=None, kode_urusan=None, opd=()):
    df = db.kueri(con, "peringkat_opd", kode_pemda="T01", tahun=tahun, triwulan=triwulan,
                  kelompok=kelompok, kode_urusan=kode_urusan, opd=list(opd), dasar=dasar)
    return df.set_index("kode_opd")


def _rank(df) -> dict:
    return {k: (None if pd.isna(v) else int(v)) for k, v in df["peringkat"].items()}


def test_kinerja_nilai_sama_peringkat_sama(con_kecil):
    df = _peringkat(con_kecil)
    assert _rank(df) == {DINKES: 1, DINSOS: 1, DISDIK: 3, KOMINFO: None}
    assert df.loc[DINKES, "capaian"] == pytest.approx(92.5)
    assert df.loc[DINSOS, "capaian"] == pytest.approx(92.5)
    assert df.loc[DISDIK, "capaian"] == pytest.approx(65.625)
    assert df.loc[DISDIK, "kategori_skor"] == "Rendah"
    # OPD tanpa skor di akhir, tanpa peringkat
    assert list(df.index)[-1] == KOMINFO
    assert set(df["jumlah_dinilai"]) == {3}


def test_kinerja_sama_dengan_view_stabil(con_kecil):
    """Tanpa filter, peringkat menurut kinerja = kolom peringkat v_capaian_opd."""
    df = _peringkat(con_kecil)
    view = con_kecil.execute(
        "SELECT kode_opd, peringkat FROM v_capaian_opd WHERE tahun = 2025 AND triwulan = 4").df()
    assert _rank(view.set_index("kode_opd")) == _rank(df)


def test_perubahan_terhadap_tahun_lalu_baru(con_kecil):
    df = _peringkat(con_kecil)
    assert df.loc[DINKES, "peringkat_lalu"] == 1 and df.loc[DINKES, "naik"] == 0
    assert df[["peringkat_lalu"]].loc[[DINSOS, DISDIK, KOMINFO]].isna().all().all()
    teks = [teks_perubahan(p, q) for p, q in zip(df["peringkat"], df["peringkat_lalu"])]
    assert dict(zip(df.index, teks)) == {DINKES: "=", DINSOS: "baru", DISDIK: "baru", KOMINFO: "n/a"}


def test_perubahan_naik_turun(con_kecil):
    """Tambah data 2024: Dinsos 100, Disdik 100 (seri di 1), Dinkes 87,5 (3).
    2025: Dinkes 1 (naik 2), Dinsos 1 (tetap), Disdik 3 (turun 2)."""
    con_kecil.execute("INSERT INTO target_realisasi VALUES "
                      "('T01', 'D1', 2024, 4, 40, NULL, 40), ('T01', 'B1', 2024, 4, 80, 90, 85)")
    df = _peringkat(con_kecil)
    assert _rank(df) == {DINKES: 1, DINSOS: 1, DISDIK: 3, KOMINFO: None}
    lalu = {k: int(v) for k, v in df["peringkat_lalu"].dropna().items()}
    assert lalu == {DINSOS: 1, DISDIK: 1, DINKES: 3}
    teks = {k: teks_perubahan(p, q) for k, p, q in zip(df.index, df["peringkat"], df["peringkat_lalu"])}
    assert teks == {DINKES: "▲ 2", DINSOS: "=", DISDIK: "▼ 2", KOMINFO: "n/a"}
    assert kalimat_perubahan(teks[DINKES]) == "naik 2 peringkat"
    assert kalimat_perubahan(teks[DISDIK]) == "turun 2 peringkat"


def test_serapan_bulan_terakhir_sebelum_akhir_triwulan(con_kecil):
    df = _peringkat(con_kecil, "serapan")
    assert _rank(df) == {DISDIK: 1, DINKES: 2, KOMINFO: None, DINSOS: None}
    assert set(df["bulan_anggaran"].dropna()) == {9}
    assert df.loc[DINKES, "persen_realisasi"] == pytest.approx(60.0)
    assert df.loc[DINKES, "persen_rencana"] == pytest.approx(70.0)
    assert df.loc[DINKES, "skor"] == pytest.approx(60 / 70 * 100)
    assert df.loc[DISDIK, "skor"] == pytest.approx(100.0)
    assert df.loc[DISDIK, "deviasi"] == pytest.approx(5.0)


def test_gabungan_bobot_pengaturan(con_kecil):
    df = _peringkat(con_kecil, "gabungan")
    assert _rank(df) == {DINKES: 1, DISDIK: 2, KOMINFO: None, DINSOS: None}
    assert df.loc[DINKES, "skor"] == pytest.approx(0.7 * 92.5 + 0.3 * 60 / 70 * 100)
    assert df.loc[DISDIK, "skor"] == pytest.approx(0.7 * 65.625 + 0.3 * 100)
    assert df.loc[DINKES, "kategori_skor"] == "Tinggi"
    assert df.loc[DISDIK, "kategori_skor"] == "Sedang"
    # Kategori kinerja tetap dari capaian kinerja
    assert df.loc[DINKES, "kategori"] == "Sangat Tinggi"
    # Bobot diubah di pengaturan: 50/50
    con_kecil.execute("UPDATE pengaturan SET nilai = '50' WHERE kunci LIKE 'bobot_gabungan_%'")
    df = _peringkat(con_kecil, "gabungan")
    assert df.loc[DINKES, "skor"] == pytest.approx((92.5 + 60 / 70 * 100) / 2)


def test_peringkat_di_dalam_filter(con_kecil):
    df = _peringkat(con_kecil, opd=[DISDIK, KOMINFO])
    assert _rank(df) == {DISDIK: 1, KOMINFO: None}
    df = _peringkat(con_kecil, kelompok="Wajib Pelayanan Dasar")
    assert _rank(df) == {DINKES: 1, DINSOS: 1, DISDIK: 3}
    df = _peringkat(con_kecil, kode_urusan="1.06")
    assert _rank(df) == {DINSOS: 1}


def test_filter_tanpa_opd_dan_tahun_tanpa_anggaran(con_kecil):
    assert _peringkat(con_kecil, tahun=2024, kode_urusan="1.01").empty
    df = _peringkat(con_kecil, "serapan", tahun=2024)
    assert list(df.index) == [DINKES]
    assert df["bulan_anggaran"].isna().all() and df["peringkat"].isna().all()
    df = _peringkat(con_kecil, "kinerja", tahun=2024)
    assert _rank(df) == {DINKES: 1}


def test_dasar_tidak_dikenal_ditolak(con_kecil):
    with pytest.raises(duckdb.Error, match="Dasar peringkat tidak dikenal"):
        _peringkat(con_kecil, "acak")


@pytest.mark.parametrize("p,q,teks", [(1, 4, "▲ 3"), (5, 3, "▼ 2"), (2, 2, "="), (2, None, "baru"),
                                      (None, 1, "n/a"), (float("nan"), None, "n/a"), (3, float("nan"), "baru"),
                                      (pd.NA, 2, "n/a"), (4, pd.NA, "baru")])
def test_teks_perubahan(p, q, teks):
    assert teks_perubahan(p, q) == teks


# ---- peringkat bersama (issue 12: setiap peringkat mengatakan bila dibagi) ------------------------

def test_jumlah_sama_peringkat_di_peringkat_opd(con_kecil):
    df = _peringkat(con_kecil)
    sama = {k: (None if pd.isna(v) else int(v)) for k, v in df["jumlah_sama_peringkat"].items()}
    assert sama == {DINKES: 2, DINSOS: 2, DISDIK: 1, KOMINFO: None}


def test_jumlah_sama_peringkat_di_rapat_opd_dan_tren_opd(con_kecil):
    p = dict(kode_pemda="T01", tahun=2025, triwulan=4, kelompok=None, kode_urusan=None, opd=[])
    rapat = db.kueri(con_kecil, "rapat_opd", **p).set_index("kode_opd")
    assert int(rapat.loc[DINKES, "jumlah_sama_peringkat"]) == 2
    assert int(rapat.loc[DISDIK, "jumlah_sama_peringkat"]) == 1
    assert pd.isna(rapat.loc[KOMINFO, "jumlah_sama_peringkat"])
    # Peringkat di antara semua OPD: filter satu OPD tidak mengubah jumlah yang berbagi peringkat.
    tren = db.kueri(con_kecil, "tren_capaian_opd_tahunan", **(p | {"opd": [DINSOS]})).set_index("tahun")
    assert int(tren.loc[2025, "jumlah_sama_peringkat"]) == 2


@pytest.mark.parametrize("p,n,sama,teks", [
    (1, 47, 16, "ke-1 dari 47 OPD (bersama 15 OPD lain)"),
    (1, 3, 2, "ke-1 dari 3 OPD (bersama 1 OPD lain)"),
    (3, 3, 1, "ke-3 dari 3 OPD"),
    (None, 3, None, "n/a"),
])
def test_teks_peringkat_menyebut_yang_berbagi(p, n, sama, teks):
    from kinerja import format as fmt

    assert fmt.teks_peringkat(p, n, sama) == teks
