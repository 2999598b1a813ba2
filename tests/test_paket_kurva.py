"""Kurva S dalam model rapat (paket_kurva_s.sql, Paket.kurva_s): satu sumber untuk slide OPD dan
bidang di Mode Rapat, PPTX dan PDF. Dibandingkan dengan view stabil v_anggaran_opd (persen
dihitung sendiri di tes)."""

from __future__ import annotations

import pandas as pd
import pytest

from kinerja import db
from kinerja.rapat.paket import susun_paket

PEMDA = "99.01"
DINKES = "1.02.0.00.0.00.01.0000"
P = dict(kode_pemda=PEMDA, tahun=2026, triwulan=2, kelompok=None, kode_urusan=None, opd=[])


@pytest.fixture(scope="module")
def con(con_demo):
    return con_demo


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


def _harapan(con, anggota: list[str]) -> pd.DataFrame:
    """Kurva gabungan anggota dihitung sendiri dari view stabil: jumlah kumulatif / jumlah pagu."""
    v = con.execute("SELECT tahun, bulan, kode_opd, pagu, rencana_kumulatif, realisasi_kumulatif FROM v_anggaran_opd "
                    "WHERE kode_pemda = ? AND tahun IN (2025, 2026)", [PEMDA]).df()
    v = v[v["kode_opd"].isin(anggota)]
    g = v.groupby(["tahun", "bulan"]).agg(jumlah_opd=("kode_opd", "count"), pagu=("pagu", "sum"),
                                          rencana=("rencana_kumulatif", "sum"),
                                          realisasi=("realisasi_kumulatif", "sum")).reset_index()
    g["persen_rencana"] = g["rencana"] / g["pagu"] * 100
    g["persen_realisasi"] = g["realisasi"] / g["pagu"] * 100
    return g


@pytest.mark.parametrize("jenis,kode", [("pemda", ""), ("opd", DINKES), ("bidang", "1.02")])
def test_kurva_setiap_jenis_sama_dengan_hitungan_dari_view(con, jenis, kode):
    semua = db.kueri(con, "kurva_s_bulanan", jenis=["pemda", "opd", "bidang"], **P)
    unit = semua[(semua["jenis"] == jenis) & (semua["kode"] == kode)].reset_index(drop=True)
    if jenis == "pemda":
        anggota = list(con.execute("SELECT kode_opd FROM opd WHERE kode_pemda = ?", [PEMDA]).df()["kode_opd"])
    elif jenis == "opd":
        anggota = [DINKES]
    else:
        anggota = list(con.execute("SELECT DISTINCT kode_opd FROM opd_bidang WHERE kode_pemda = ? AND kode_urusan = ?",
                                   [PEMDA, kode]).df()["kode_opd"])
    harap = _harapan(con, anggota)
    assert len(anggota) >= 1 and len(unit) == len(harap) > 12
    assert list(unit["jumlah_opd"]) == list(harap["jumlah_opd"])
    assert list(unit["persen_realisasi"]) == pytest.approx(list(harap["persen_realisasi"]), abs=1e-6)
    assert list(unit["persen_rencana"]) == pytest.approx(list(harap["persen_rencana"]), abs=1e-6)
    # Hanya jenis yang diminta yang dihitung.
    assert set(db.kueri(con, "kurva_s_bulanan", jenis=["opd"], **P)["jenis"]) == {"opd"}


def test_label_triwulan_dari_model(paket):
    kini, _ = paket.kurva_s("pemda")
    assert paket.bulan_label(kini) == (6, "TW II")
    assert paket.bulan_label(kini[kini["bulan"] <= 5]) == (5, "Mei")
