"""Pagu RAK dan pagu LRA untuk OPD dan tahun yang sama: selisihnya dilaporkan saat impor,
dengan kedua angka dan berkasnya (isu "Your own pemda", butir 4)."""

from __future__ import annotations

import pytest

from kinerja.impor.muat_sipd import impor_sipd
from tests.sampel import LRA, RAK

DISKOMINFO = "2.16.2.20.2.21.01.0000"
PAGU_SAMPEL = "Rp 10.810.941.900"  # pagu Diskominfo di lra_januari.xlsx dan di rak.xlsx (dibaca dari berkasnya)


@pytest.fixture
def con(con_kosong):
    con_kosong.execute("INSERT INTO pemda VALUES ('18.01', 'Kabupaten Lampung Selatan', NULL)")
    return con_kosong


def _beda(info) -> list[str]:
    return [c for c in info.catatan if c.startswith("pagu ") and "berbeda" in c]


def test_sampel_nyata_pagu_sama_tanpa_catatan(con):
    lra = impor_sipd(con, LRA, "sipd-lra", bulan=1, kumulatif=True, buat_opd=True, pengguna="tes")
    rak = impor_sipd(con, RAK, "sipd-rak", pengguna="tes")
    assert _beda(lra) == [] and _beda(rak) == []


def test_rak_berpagu_lain_dari_lra_dilaporkan(con):
    impor_sipd(con, LRA, "sipd-lra", bulan=1, kumulatif=True, buat_opd=True, pengguna="tes")
    # Seolah LRA Januari memuat pagu hasil pergeseran: Rp 12 M.
    con.execute("UPDATE anggaran_rinci SET pagu = CASE WHEN kelompok = 'operasi' THEN 12e9 ELSE 0 END "
                "WHERE tingkat = 'opd'")
    assert con.execute("SELECT sum(pagu) FROM anggaran_rinci WHERE tingkat = 'opd'").fetchone()[0] == 12e9
    rak = impor_sipd(con, RAK, "sipd-rak", pengguna="tes")
    beda = _beda(rak)
    assert len(beda) == 1
    assert f"RAK 2026 {PAGU_SAMPEL} (rak.xlsx)" in beda[0]
    assert "LRA Januari 2026 Rp 12.000.000.000 (berkas lra_januari.xlsx)" in beda[0]
    assert DISKOMINFO in beda[0]
    # Tercatat juga di log impor.
    pesan = con.execute("SELECT pesan FROM log_impor ORDER BY id DESC LIMIT 1").fetchone()[0]
    assert "Rp 12.000.000.000" in pesan


def test_lra_berpagu_lain_dari_rak_dilaporkan(con):
    impor_sipd(con, RAK, "sipd-rak", buat_opd=True, pengguna="tes")
    con.execute("UPDATE rak_rinci SET pagu = 9e9 WHERE tingkat = 'opd'")
    lra = impor_sipd(con, LRA, "sipd-lra", bulan=1, kumulatif=True, pengguna="tes")
    beda = _beda(lra)
    assert len(beda) == 1
    assert f"LRA Januari 2026 {PAGU_SAMPEL} (lra_januari.xlsx)" in beda[0]
    assert "RAK Rp 9.000.000.000 (berkas rak.xlsx)" in beda[0]


def test_pagu_bulan_tanpa_lra_dari_rak_terbaru(con):
    """Bulan tanpa LRA memakai pagu RAK yang terakhir dimuat, bukan RAK sebelumnya."""
    impor_sipd(con, LRA, "sipd-lra", bulan=1, kumulatif=True, buat_opd=True, pengguna="tes")
    impor_sipd(con, RAK, "sipd-rak", pengguna="tes")
    con.execute("UPDATE anggaran_bulanan SET pagu = 1 WHERE bulan > 1")  # seolah dari RAK lama
    impor_sipd(con, RAK, "sipd-rak", pengguna="tes")
    pagu = dict(con.execute("SELECT bulan, pagu FROM anggaran_bulanan WHERE kode_opd = $k ORDER BY bulan",
                            {"k": DISKOMINFO}).fetchall())
    assert set(pagu) == set(range(1, 8))           # RAK sampel: Januari-Juli
    assert all(p == 10_810_941_900 for p in pagu.values()), pagu


def test_kurva_s_menyebut_pagu_yang_dipakai(con):
    from kinerja import db
    from kinerja.grafik.tren import sumber_pagu

    impor_sipd(con, LRA, "sipd-lra", bulan=1, kumulatif=True, buat_opd=True, pengguna="tes")
    impor_sipd(con, RAK, "sipd-rak", pengguna="tes")
    df = db.kueri(con, "kurva_s_bulanan", jenis=["pemda"], kode_pemda="18.01", tahun=2026, kelompok=None,
                  kode_urusan=None, opd=[])
    assert list(df["bulan"]) == list(range(1, 8))  # RAK Januari-Juli; Agustus-Desember tidak dimuat: celah
    assert list(df["opd_pagu_lra"]) == [1, 0, 0, 0, 0, 0, 0]
    assert list(df["opd_pagu_rak"]) == [0, 1, 1, 1, 1, 1, 1]
    # Realisasi hanya Januari (LRA yang dimuat); bulan lain kosong, tidak diisi.
    assert df["realisasi_kumulatif"].iloc[0] == 126_091_861 and df["realisasi_kumulatif"].iloc[1:].isna().all()
    assert sumber_pagu(df) == "pagu LRA SIPD (Januari), pagu RAK SIPD (Februari–Juli)"


def test_sumber_pagu_templat_dan_campuran():
    import pandas as pd

    from kinerja.grafik.tren import sumber_pagu

    df = pd.DataFrame({"bulan": [1, 2, 3, 5], "jumlah_opd": [2, 2, 2, 2], "opd_pagu_lra": [0, 0, 1, 0],
                       "opd_pagu_rak": [0, 0, 0, 0]})
    assert sumber_pagu(df) == "pagu templat impor (Januari–Februari, Mei), pagu campuran LRA/RAK/templat (Maret)"


@pytest.mark.parametrize("triwulan", [1, 3])
def test_ringkasan_memakai_bulan_berealisasi_bukan_bulan_rak_saja(con, triwulan):
    """LRA Januari + RAK Januari-Juli: TW I dan TW III dirangkum s.d. Januari (bulan terakhir
    berealisasi), bukan Maret/Juli yang realisasinya belum dimuat."""
    from kinerja import db

    impor_sipd(con, LRA, "sipd-lra", bulan=1, kumulatif=True, buat_opd=True, pengguna="tes")
    impor_sipd(con, RAK, "sipd-rak", pengguna="tes")
    (baris,) = db.kueri(con, "ringkasan_anggaran_tahunan", kode_pemda="18.01", triwulan=triwulan,
                        kelompok=None, kode_urusan=None, opd=[]).itertuples()
    assert baris.bulan == 1
    assert baris.realisasi_kumulatif == 126_091_861          # LRA Januari, baris OPD
    assert baris.rencana_kumulatif == 940_984_719            # RAK Januari (baris urusan 2 di rak.xlsx)
    assert baris.pagu == 10_810_941_900


def test_bulan_yang_tidak_dimuat_adalah_celah_di_kurva_s():
    """LRA Januari dan Maret dimuat, Februari tidak: garis realisasi terputus di Februari
    (None), tidak disambung; rencana RAK Januari-Juli utuh; bulan sesudah Juli tidak ada."""
    import pandas as pd

    from kinerja.grafik import tren as gt

    kini = pd.DataFrame({
        "bulan": [1, 2, 3, 4, 5, 6, 7],
        "persen_rencana": [8.7, 20.0, 30.0, 40.0, 50.0, 60.0, 70.0],
        "persen_realisasi": [1.2, None, 15.0, None, None, None, None],
        "deviasi": [-7.5, None, -15.0, None, None, None, None],
        "realisasi_kumulatif": [1.0, None, 2.0, None, None, None, None],
    })
    fig = gt.kurva_s(kini, None, 2026, 3, "TW I", "Kurva S", "uji")
    jejak = {t.meta: t for t in fig.data}
    assert list(jejak["realisasi"].x) == [1, 2, 3] and list(jejak["realisasi"].y) == [1.2, None, 15.0]
    assert not jejak["realisasi"].connectgaps
    assert list(jejak["rencana"].x) == list(range(1, 8))
    assert list(jejak["deviasi"].x) == [1, 3]
    assert gt.bulan_berealisasi(kini) == [1, 3]
