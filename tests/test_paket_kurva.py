"""Kurva S dalam model rapat (paket_kurva_s.sql, Paket.kurva_s): satu sumber untuk slide OPD dan
bidang di Mode Rapat, PPTX dan PDF. Dibandingkan dengan view stabil v_anggaran_opd (persen
dihitung sendiri di tes) dan dengan kueri halaman Tren (tren_anggaran_bulanan.sql)."""

from __future__ import annotations

import duckdb
import pandas as pd
import pytest

from kinerja import db
from kinerja.paket import susun_paket

PEMDA = "99.01"
DINKES = "1.02.0.00.0.00.01.0000"
P = dict(kode_pemda=PEMDA, tahun=2026, triwulan=2, kelompok=None, kode_urusan=None, opd=[])


@pytest.fixture(scope="module")
def con(db_demo):
    c = duckdb.connect(str(db_demo), read_only=True)
    yield c
    c.close()


@pytest.fixture(scope="module")
def paket(con):
    return susun_paket(con, PEMDA, 2026, 2, himpunan="bidang")


def _view(con, kode_opd: str, tahun: int) -> pd.DataFrame:
    return con.execute(
        "SELECT bulan, round(realisasi_kumulatif / pagu * 100, 6) AS realisasi, "
        "round(rencana_kumulatif / pagu * 100, 6) AS rencana FROM v_anggaran_opd "
        "WHERE kode_pemda = ? AND kode_opd = ? AND tahun = ? ORDER BY bulan", [PEMDA, kode_opd, tahun]).df()


def test_kurva_opd_tahun_ini_sampai_akhir_triwulan_tahun_lalu_setahun(con, paket):
    """TW II 2026: kurva 2026 berhenti di Juni walau data Juli-September ada; 2025 sampai Desember."""
    kini, lalu = paket.kurva_s("opd", DINKES)
    assert list(kini["bulan"]) == [1, 2, 3, 4, 5, 6]
    assert list(lalu["bulan"]) == list(range(1, 13))
    for df, tahun in ((kini, 2026), (lalu, 2025)):
        v = _view(con, DINKES, tahun).set_index("bulan")
        for r in df.itertuples():
            assert r.persen_realisasi == pytest.approx(v.loc[r.bulan, "realisasi"], abs=1e-4)
            assert r.persen_rencana == pytest.approx(v.loc[r.bulan, "rencana"], abs=1e-4)


@pytest.mark.parametrize("jenis,kode,filter_", [("pemda", "", {}), ("opd", DINKES, {"opd": [DINKES]}),
                                                ("bidang", "1.02", {"kode_urusan": "1.02"})])
def test_kurva_sama_dengan_kueri_halaman_tren(con, jenis, kode, filter_):
    """Satu kueri untuk semua kurva paket memberi angka yang sama dengan kurva halaman Tren
    untuk filter yang sama (termasuk sumber pagu per bulan)."""
    semua = db.kueri(con, "paket_kurva_s", **P)
    unit = semua[(semua["jenis"] == jenis) & (semua["kode"] == kode)].drop(columns=["jenis", "kode"])
    tren = db.kueri(con, "tren_anggaran_bulanan", **{**P, **filter_})
    assert len(unit) == len(tren) > 12
    pd.testing.assert_frame_equal(unit.reset_index(drop=True), tren.reset_index(drop=True), check_dtype=False)


def test_label_triwulan_dari_model(paket):
    kini, _ = paket.kurva_s("pemda")
    assert paket.bulan_label(kini) == (6, "TW II")
    assert paket.bulan_label(kini[kini["bulan"] <= 5]) == (5, "Mei")
