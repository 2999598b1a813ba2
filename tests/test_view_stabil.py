"""Tiga view stabil (kontrak DESIGN.md) pada database kecil dengan harapan dihitung tangan."""

import pandas as pd
import pytest

KOLOM = {
    "v_capaian_indikator": [
        "kode_pemda", "tahun", "triwulan", "kode_opd", "nama_opd", "kode_urusan",
        "indikator_id", "indikator", "satuan", "polaritas", "target", "target_atas",
        "realisasi", "capaian", "capaian_dibatasi", "kategori"],
    "v_capaian_opd": [
        "kode_pemda", "tahun", "triwulan", "kode_opd", "nama_opd", "kode_urusan",
        "jumlah_indikator", "capaian", "kategori", "peringkat"],
    "v_anggaran_opd": [
        "kode_pemda", "tahun", "bulan", "kode_opd", "nama_opd", "pagu", "rencana_kumulatif",
        "realisasi_kumulatif", "persen_rencana", "persen_realisasi", "deviasi", "realisasi_fisik"],
}

DINKES, DISDIK, KOMINFO, DINSOS = (
    "1.02.0.00.0.00.01.0000", "1.01.0.00.0.00.01.0000",
    "2.16.2.20.2.21.01.0000", "1.06.0.00.0.00.01.0000")


@pytest.mark.parametrize("view", KOLOM)
def test_kolom_view_persis(con_kosong, view):
    kolom = [r[0] for r in con_kosong.execute(f"DESCRIBE {view}").fetchall()]
    assert kolom == KOLOM[view]


def _indikator(con):
    df = con.execute("SELECT * FROM v_capaian_indikator WHERE tahun = 2025").df()
    return df.set_index("indikator_id")


@pytest.mark.parametrize("ind,capaian,dibatasi,kategori", [
    ("A1", 90.0, 90.0, "Tinggi"),
    ("A2", 107.142857, 100.0, "Sangat Tinggi"),
    ("A3", 87.5, 87.5, "Tinggi"),
    ("B1", 87.5, 87.5, "Tinggi"),
    ("B2", 200.0, 100.0, "Sangat Tinggi"),
    ("B3", 0.0, 0.0, "Sangat Rendah"),
    ("B4", 75.0, 75.0, "Sedang"),
    ("D1", 92.5, 92.5, "Sangat Tinggi"),
])
def test_capaian_indikator(con_kecil, ind, capaian, dibatasi, kategori):
    baris = _indikator(con_kecil).loc[ind]
    assert baris.capaian == pytest.approx(capaian, abs=1e-4)
    assert baris.capaian_dibatasi == pytest.approx(dibatasi, abs=1e-4)
    assert baris.kategori == kategori


@pytest.mark.parametrize("ind", ["A4", "C1", "C2"])
def test_baris_na_tetap_terlihat(con_kecil, ind):
    df = _indikator(con_kecil)
    assert ind in df.index, "baris n/a tidak boleh hilang dari view"
    b = df.loc[ind]
    assert pd.isna(b.capaian) and pd.isna(b.capaian_dibatasi) and pd.isna(b.kategori)


def test_rentang_punya_target_atas(con_kecil):
    df = _indikator(con_kecil)
    assert df.loc["B1"].target_atas == 90
    assert pd.isna(df.loc["A1"].target_atas)  # NULL bila bukan rentang


def test_capaian_opd_rata_rata_dibatasi_dan_peringkat_seri(con_kecil):
    df = con_kecil.execute(
        "SELECT * FROM v_capaian_opd WHERE tahun = 2025 AND triwulan = 4").df().set_index("kode_opd")
    # Dinkes: (90 + 100 + 87,5) / 3 = 92,5; A4 (target nol) tidak ikut dirata-rata
    assert df.loc[DINKES].capaian == pytest.approx(92.5)
    assert df.loc[DINKES].jumlah_indikator == 4
    assert df.loc[DINKES].kategori == "Sangat Tinggi"
    # Disdik: (87,5 + 100 + 0 + 75) / 4 = 65,625 -> Rendah
    assert df.loc[DISDIK].capaian == pytest.approx(65.625)
    assert df.loc[DISDIK].kategori == "Rendah"
    # Dinsos 92,5 seri dengan Dinkes: peringkat sama, berikutnya 3
    assert df.loc[DINKES].peringkat == 1 and df.loc[DINSOS].peringkat == 1
    assert df.loc[DISDIK].peringkat == 3
    # Kominfo: tidak ada capaian yang dapat dihitung -> NULL, tanpa kategori dan peringkat
    k = df.loc[KOMINFO]
    assert k.jumlah_indikator == 2
    assert pd.isna(k.capaian) and pd.isna(k.kategori) and pd.isna(k.peringkat)


def test_capaian_opd_tahun_lalu(con_kecil):
    # 2024: A1 60/80 = 75; A2 (14-7)/7 = 100 -> 87,5 Tinggi
    r = con_kecil.execute(
        "SELECT capaian, kategori, peringkat FROM v_capaian_opd WHERE tahun = 2024").fetchall()
    assert r == [(pytest.approx(87.5), "Tinggi", 1)]


def test_anggaran_persen_dan_deviasi(con_kecil):
    df = con_kecil.execute("SELECT * FROM v_anggaran_opd").df().set_index(["kode_opd", "bulan"])
    maret = df.loc[(DINKES, 3)]
    assert (maret.persen_rencana, maret.persen_realisasi, maret.deviasi) == pytest.approx((10, 8, -2))
    assert maret.realisasi_fisik == 12.5
    sept = df.loc[(DINKES, 9)]  # pagu berubah setelah perubahan APBD: persen atas pagu baru
    assert sept.pagu == 1_100_000_000
    assert (sept.persen_rencana, sept.persen_realisasi, sept.deviasi) == pytest.approx((70, 60, -10))
    disdik = df.loc[(DISDIK, 9)]
    assert disdik.deviasi == pytest.approx(5.0)
    nol = df.loc[(KOMINFO, 9)]  # pagu nol: persen NULL, bukan galat
    assert pd.isna(nol.persen_realisasi) and pd.isna(nol.deviasi)


def test_kendala_disimpan_apa_adanya(con_kecil):
    teks = con_kecil.execute("SELECT kendala FROM kendala").fetchone()[0]
    assert teks == 'Anggaran < rencana & lelang "gagal" <script>alert(1)</script>'
