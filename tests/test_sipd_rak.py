"""Pengurai ekspor SIPD RAK (Rencana Anggaran Kas): berkas nyata samples/sipd, varian yang
dibangun di tes dari berkas itu, berkas rusak, dan kecocokan dengan LRA pemda yang sama."""

from __future__ import annotations

import openpyxl
import pandas as pd
import pytest

from kinerja.impor.sipd_lra import baca_lra
from kinerja.impor.sipd_rak import KOLOM_RINCI, baca_rak
from tests.test_sipd_lra import BERKAS_RUSAK, KOMINFO, LRA, RAK, buat_rusak, semua_teks, ubah

LEMBAR = "RAK Belanja"


@pytest.fixture(scope="module")
def asli():
    return baca_rak(RAK)


def opd(h, bulan: int) -> pd.Series:
    baris = h.rinci[(h.rinci.tingkat == "opd") & (h.rinci.bulan == bulan)]
    assert len(baris) == 1
    return baris.iloc[0]


def hitung_tingkat() -> dict[str, int]:
    """Baris program/kegiatan/sub kegiatan dihitung langsung dari kolom Kode Rekening."""
    ws = openpyxl.load_workbook(RAK, data_only=True)[LEMBAR]
    nama = {2: "program", 4: "kegiatan", 5: "sub_kegiatan"}
    hitung = {t: 0 for t in nama.values()}
    for (kode,) in ws.iter_rows(min_row=4, max_col=1, values_only=True):
        kode = str(kode or "")
        if kode[:1].isdigit() and not kode.startswith("5.") and kode.count(".") in nama \
                and len(kode.split(".")[1]) == 2:
            hitung[nama[kode.count(".")]] += 1
    return hitung


# ---------------------------------------------------------------- berkas nyata

def test_judul_bulan_dan_opd(asli):
    assert asli.jenis == "sipd-rak"
    assert asli.tahun == 2026
    assert asli.nama_pemda == "KAB. LAMPUNG SELATAN"
    assert asli.bulan_tersedia == [1, 2, 3, 4, 5, 6, 7]
    assert asli.masalah == []
    assert asli.opd.to_dict("records") == [
        {"kode_opd": KOMINFO, "nama_opd": "Dinas Komunikasi dan Informatika", "baris": 6}]


def test_kolom_rinci_persis(asli):
    assert list(asli.rinci.columns) == ["kode_opd", "kode", "tingkat", "uraian", "pagu", "bulan",
                                        "rencana", "baris"] == KOLOM_RINCI
    assert asli.rinci.rencana.dtype == "float64" and asli.rinci.bulan.dtype == "int64"
    assert not asli.rinci.duplicated(["kode_opd", "kode", "bulan"]).any()


def test_baris_opd_bidang_2_16_sesuai_berkas(asli):
    """Baris 6 (OPD di bawah bidang 2.16): pagu 10.482.073.000, Januari 918.410.119."""
    ws = openpyxl.load_workbook(RAK, data_only=True)[LEMBAR]
    assert (ws["A6"].value, ws["C6"].value, ws["F6"].value) == (KOMINFO, 10_482_073_000, 918_410_119)
    r = asli.rinci
    bagian = r[(r.tingkat == "program") & r.kode.str.startswith("2.16.") & (r.bulan == 1)]
    assert bagian.pagu.sum() == 10_482_073_000
    assert bagian.rencana.sum() == 918_410_119


def test_baris_opd_adalah_jumlah_semua_bidang(asli):
    """Bidang 2.16 + 2.20 + 2.21 = baris JUMLAH dan baris urusan 2."""
    assert opd(asli, 1).pagu == 10_810_941_900
    assert opd(asli, 1).rencana == 940_984_719
    jumlah = asli.rinci[asli.rinci.tingkat == "opd"].rencana.sum()
    assert jumlah == 7_824_925_459   # 'Total Jan Jul' baris JUMLAH


def test_baris_opd_ganda_dilewati(asli):
    assert any("baris 7 (sama dengan baris 6" in c for c in asli.catatan)
    assert (asli.rinci.tingkat == "opd").sum() == 7   # satu OPD x 7 bulan


def test_jumlah_baris_per_tingkat(asli):
    hitung = hitung_tingkat()
    assert hitung == {"program": 5, "kegiatan": 11, "sub_kegiatan": 42}
    per_tingkat = (asli.rinci.groupby("tingkat").size() // 7).to_dict()
    assert per_tingkat == {"opd": 1, **hitung}


def test_lembar_dan_kolom_lain_dicatat(asli):
    lembar = next(c for c in asli.catatan if "lembar lain diabaikan" in c)
    for nama in ["Sheet1", "Sheet2", "Sheet3", "Sheet4", "Sheet5", "Sheet6", "Sheet7", "Sheet8",
                 "Sheet9", "Sheet10"]:
        assert f"'{nama}'" in lembar
    assert "'RAK Belanja'" not in lembar
    assert any("'Persen RAK'" in c and "72,68%" in c for c in asli.catatan)
    assert any("'Total RAK'" in c and "'Total Jan Jul'" in c and "'Realisasi'" in c for c in asli.catatan)


def test_cocok_dengan_lra_pemda_yang_sama(asli):
    """Pagu setiap kode di RAK = jumlah pagu empat kelompok belanja di LRA bulan Januari."""
    lra = baca_lra(LRA).rinci.groupby(["kode_opd", "kode", "tingkat"]).pagu.sum()
    rak = asli.rinci[asli.rinci.bulan == 1].set_index(["kode_opd", "kode", "tingkat"]).pagu
    pd.testing.assert_series_equal(lra.sort_index(), rak.sort_index(), check_names=False)


def test_lembar_diganti_nama_dan_dipindah(tmp_path, asli):
    def pindah(wb):
        wb[LEMBAR].title = "Data"
        wb.move_sheet("Data", offset=3)
    h = baca_rak(ubah(RAK, tmp_path / "pindah.xlsx", pindah))
    assert h.masalah == []
    pd.testing.assert_frame_equal(h.rinci, asli.rinci)


def test_semua_angka_teks_indonesia_hasilnya_sama(tmp_path, asli):
    h = baca_rak(ubah(RAK, tmp_path / "teks.xlsx", lambda wb: semua_teks(wb[LEMBAR], 4, range(3, 15))))
    assert h.masalah == []
    pd.testing.assert_frame_equal(h.rinci, asli.rinci)


def test_judul_kolom_dua_baris(tmp_path, asli):
    """Bulan di bawah judul gabungan 'Rencana Penarikan'; kolom lain digabung dua baris."""
    def dua_baris(wb):
        ws = wb[LEMBAR]
        ws.insert_rows(4)
        for c in range(6, 13):
            ws.cell(4, c).value, ws.cell(3, c).value = ws.cell(3, c).value, None
        ws["F3"] = "Rencana Penarikan"
        ws.merge_cells("F3:L3")
        for huruf in "ABCDEMN":
            ws.merge_cells(f"{huruf}3:{huruf}4")
    h = baca_rak(ubah(RAK, tmp_path / "dua.xlsx", dua_baris))
    assert h.masalah == [], [str(m) for m in h.masalah]
    harap = asli.rinci.assign(baris=asli.rinci.baris + 1)
    pd.testing.assert_frame_equal(h.rinci, harap)


# ---------------------------------------------------------------- masalah

def test_baris_opd_ganda_berbeda_ditolak(tmp_path):
    h = baca_rak(ubah(RAK, tmp_path / "ganda.xlsx", lambda wb: wb[LEMBAR].__setitem__("F7", 1)))
    assert len(h.masalah) == 1
    m = h.masalah[0]
    assert (m.lembar, m.baris, m.kolom) == (LEMBAR, 7, "A") and "lihat baris 6" in m.pesan


def test_rencana_opd_diubah_tidak_cocok_dengan_program(tmp_path):
    def ubah_opd(wb):
        wb[LEMBAR]["F6"] = wb[LEMBAR]["F7"] = 900_000_000
    h = baca_rak(ubah(RAK, tmp_path / "ubah.xlsx", ubah_opd))
    assert len(h.masalah) == 1, [str(m) for m in h.masalah]
    m = h.masalah[0]
    assert (m.baris, m.kolom) == (6, "F")
    assert "'Januari'" in m.pesan and "Rp 900.000.000" in m.pesan and "Rp 918.410.119" in m.pesan


def test_angka_bulan_kumulatif_ditolak(tmp_path):
    def kumulatif(wb):
        ws = wb[LEMBAR]
        for r in range(4, ws.max_row + 1):
            jalan = 0
            for c in range(6, 13):   # Januari..Juli
                jalan += ws.cell(r, c).value or 0
                ws.cell(r, c).value = jalan
    h = baca_rak(ubah(RAK, tmp_path / "kumulatif.xlsx", kumulatif))
    assert len(h.masalah) == 1, [str(m) for m in h.masalah]
    assert "kumulatif" in h.masalah[0].pesan and h.masalah[0].baris == 6


def test_teks_bukan_angka_di_kolom_bulan(tmp_path):
    h = baca_rak(ubah(RAK, tmp_path / "teks.xlsx", lambda wb: wb[LEMBAR].__setitem__("F10", "sepuluh juta")))
    assert len(h.masalah) == 1, [str(m) for m in h.masalah]
    m = h.masalah[0]
    assert (m.baris, m.kolom, m.nilai) == (10, "F", "sepuluh juta") and "'Januari'" in m.pesan


def test_pagu_negatif(tmp_path):
    h = baca_rak(ubah(RAK, tmp_path / "negatif.xlsx", lambda wb: wb[LEMBAR].__setitem__("C10", -12_226_200)))
    assert any(m.baris == 10 and m.kolom == "C" and "negatif" in m.pesan for m in h.masalah)


def test_tahun_tidak_ada_di_judul(tmp_path):
    h = baca_rak(ubah(RAK, tmp_path / "tahun.xlsx",
                      lambda wb: wb[LEMBAR].__setitem__("A1", "RENCANA ANGGARAN KAS KAB. LAMPUNG SELATAN")))
    assert h.tahun is None and h.nama_pemda == "KAB. LAMPUNG SELATAN"
    assert len(h.masalah) == 1 and "tahun anggaran tidak ditemukan" in h.masalah[0].pesan


def test_lra_diberikan_ke_baca_rak():
    h = baca_rak(LRA)
    assert len(h.masalah) == 1
    pesan = h.masalah[0].pesan
    assert pesan.startswith("Berkas ini bukan ekspor SIPD 'Rencana Anggaran Kas'") and "LRA" in pesan


def test_judul_kolom_tanpa_baris_data(tmp_path):
    def kosongkan(wb):
        for nama in wb.sheetnames[1:]:
            del wb[nama]
        wb[LEMBAR].delete_rows(4, 1000)
    h = baca_rak(ubah(RAK, tmp_path / "judul.xlsx", kosongkan))
    assert len(h.masalah) == 1 and "tidak ada baris OPD" in h.masalah[0].pesan
    assert h.rinci.empty and list(h.rinci.columns) == KOLOM_RINCI


@pytest.mark.parametrize("nama", list(BERKAS_RUSAK))
def test_berkas_rusak_satu_masalah_jelas(tmp_path, nama):
    path = buat_rusak(tmp_path, nama)
    h = baca_rak(path)
    assert len(h.masalah) == 1, [str(m) for m in h.masalah]
    assert h.masalah[0].berkas == path.name
    pesan = BERKAS_RUSAK[nama][1]
    assert pesan in h.masalah[0].pesan
    assert h.rinci.empty and list(h.rinci.columns) == KOLOM_RINCI
