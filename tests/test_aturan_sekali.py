"""Aturan "di bawah target" didefinisikan sekali (makro SQL di_bawah_ambang): bila aturannya
diubah di database, setiap kueri, slide, poin penting, paket ekspor dan halaman ikut.

Database kecil TW IV 2025 dengan ambang 92,5: Dinkes dan Dinsos tepat 92,5, Disdik 65,625,
Diskominfo n/a. Aturan bawaan (capaian < ambang): hanya Disdik. Aturan diubah menjadi
capaian <= ambang: Disdik, Dinkes dan Dinsos. n/a tidak pernah di bawah target.
"""

from __future__ import annotations

import duckdb
import pytest

from kinerja import db
from kinerja.rapat import slide as sl
from kinerja.rapat.paket import susun_paket
from kinerja.rapat.poin_penting import susun_poin
from tests.bantu_apptest import buka_halaman

DINKES = "1.02.0.00.0.00.01.0000"
DISDIK = "1.01.0.00.0.00.01.0000"
DINSOS = "1.06.0.00.0.00.01.0000"
P = dict(kode_pemda="T01", tahun=2025, triwulan=4, kelompok=None, kode_urusan=None, opd=[])

ATURAN_KURANG_SAMA = """
CREATE OR REPLACE MACRO di_bawah_ambang(x_capaian, urutan_pita, ambang, urutan_batas) AS
    coalesce(CASE WHEN urutan_batas IS NULL THEN x_capaian <= ambang
                  ELSE urutan_pita >= urutan_batas END, false);
"""


def _siapkan(con, kurang_sama: bool) -> None:
    con.execute("UPDATE pengaturan SET nilai = '92.5' WHERE kunci = 'ambang_di_bawah_target'")
    if kurang_sama:
        con.execute(ATURAN_KURANG_SAMA)


def _bawah(df) -> set[str]:
    return set(df.loc[df["di_bawah_target"].fillna(False).astype(bool), "kode_opd"])


@pytest.mark.parametrize("kurang_sama,harap", [(False, {DISDIK}), (True, {DISDIK, DINKES, DINSOS})])
def test_kueri_slide_poin_dan_paket_mengikuti_satu_aturan(con_kecil, kurang_sama, harap):
    _siapkan(con_kecil, kurang_sama)
    for nama in ("capaian_opd_periode", "rapat_opd"):
        assert _bawah(db.kueri(con_kecil, nama, **P)) == harap, nama
    assert _bawah(db.kueri(con_kecil, "peringkat_opd", dasar="kinerja", **P)) == harap
    ringkas = db.kueri(con_kecil, "ringkasan_kinerja_tahunan", **P).set_index("tahun").loc[2025]
    assert int(ringkas["jumlah_opd_di_bawah_target"]) == len(harap)

    opd = db.kueri(con_kecil, "rapat_opd", **P)
    assert set(sl.opd_di_bawah(opd)["kode_opd"]) == harap
    slide_opd = [s.kode_opd for s in sl.susun_slide(opd, "bawah") if s.jenis == "opd"]
    assert set(slide_opd) == harap and slide_opd[0] == DISDIK  # terburuk dulu

    poin = susun_poin(pembanding="TW IV 2024", kinerja_kini=ringkas.to_dict(), kinerja_lalu=None,
                      anggaran_kini=None, opd=db.kueri(con_kecil, "capaian_opd_periode", **P),
                      perubahan=db.kueri(con_kecil, "poin_perubahan_opd", **P),
                      serapan=db.kueri(con_kecil, "poin_serapan_opd", **P),
                      perlu_ditinjau=db.kueri(con_kecil, "poin_perlu_ditinjau", **P),
                      ambang=92.5, ambang_tinjau=150)
    assert any(p.teks.startswith(f"{len(harap)} dari 4 OPD di bawah target") for p in poin)

    paket = susun_paket(con_kecil, "T01", 2025, 4)
    assert set(sl.opd_di_bawah(paket.opd)["kode_opd"]) == harap
    assert any(p.teks.startswith(f"{len(harap)} dari 4 OPD di bawah target") for p in paket.poin)


@pytest.mark.parametrize("kurang_sama,harap", [(False, 1), (True, 3)])
def test_halaman_peringkat_dan_ringkasan_mengikuti_aturan(monkeypatch, db_kecil_berkas, kurang_sama, harap):
    con = duckdb.connect(str(db_kecil_berkas))
    try:
        _siapkan(con, kurang_sama)
    finally:
        con.close()
    at = buka_halaman(monkeypatch, db_kecil_berkas, "pages/peringkat_opd.py", tahun="2025", triwulan="4")
    kartu = {m.label: m.value for m in at.metric}
    assert kartu["Di bawah target (< 92,5%)"] == str(harap)
    at = buka_halaman(monkeypatch, db_kecil_berkas, "pages/mode_rapat.py", tahun="2025", triwulan="4",
                      set="bawah")
    teks = " ".join(str(m.value) for m in at.markdown)
    assert f"{harap} dari 4 OPD" in teks


def test_poin_penting_satu_sumber_untuk_halaman_slide_dan_paket(monkeypatch, db_kecil_berkas):
    """Poin penting disusun sekali (paket.susun_ringkasan): halaman Ringkasan, slide Ringkasan
    Mode Rapat dan bahan rapat yang diunduh menulis kalimat yang sama, dalam urutan yang sama.
    Diubah satu pengaturan (ambang 92,5) di database: ketiganya ikut."""
    import html
    import re

    con = duckdb.connect(str(db_kecil_berkas))
    try:
        _siapkan(con, False)
        paket = susun_paket(con, "T01", 2025, 4)
    finally:
        con.close()
    harap = [p.teks for p in paket.poin]
    assert len(harap) >= 3 and any("< 92,5%" in t for t in harap)

    def urutan(at) -> list[str]:
        teks = " ".join(html.unescape(re.sub(r"<[^>]+>", " ", str(m.value))) for m in at.markdown)
        teks = re.sub(r"\s+", " ", teks.replace("\xa0", " ")).replace("\\", "")
        letak = [teks.find(t) for t in harap]
        assert -1 not in letak, (harap, teks)
        return letak

    for halaman, tambahan in (("pages/ringkasan.py", {}), ("pages/mode_rapat.py", {"slide": "1"})):
        at = buka_halaman(monkeypatch, db_kecil_berkas, halaman, tahun="2025", triwulan="4", **tambahan)
        letak = urutan(at)
        assert letak == sorted(letak), halaman
