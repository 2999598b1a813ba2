"""Pengurai ekspor SIPD LRA ("Rekapitulasi Belanja ..."): berkas nyata samples/sipd,
varian yang dibangun di tes dari berkas itu (tidak ada biner yang di-commit), dan berkas rusak."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Callable

import openpyxl
import pandas as pd
import pytest

from kinerja.impor.sipd_lra import KOLOM_RINCI, baca_lra
from tests.sampel import SAMPEL_SIPD

AKAR = Path(__file__).resolve().parent.parent
SAMPEL = SAMPEL_SIPD
LRA, RAK = SAMPEL / "lra_januari.xlsx", SAMPEL / "rak.xlsx"
KOMINFO = "2.16.2.20.2.21.01.0000"
OLE2 = bytes.fromhex("D0CF11E0A1B11AE1")


# ---------------------------------------------------------------- pembangun varian

def ubah(sumber: Path, tujuan: Path, fungsi: Callable) -> Path:
    """Salin buku kerja lewat openpyxl, ubah dengan fungsi(wb), simpan di tujuan."""
    wb = openpyxl.load_workbook(sumber)
    fungsi(wb)
    wb.save(tujuan)
    return tujuan


def angka_teks(x: float) -> str:
    """10373024900 -> '10.373.024.900,00' (format teks SIPD)."""
    return f"{x:,.2f}".replace(",", "_").replace(".", ",").replace("_", ".")


def semua_teks(ws, baris_awal: int, kolom: range) -> None:
    for r in range(baris_awal, ws.max_row + 1):
        for c in kolom:
            v = ws.cell(r, c).value
            if isinstance(v, (int, float)) and not isinstance(v, bool):
                ws.cell(r, c).value = angka_teks(v)


def hitung_tingkat(path: Path) -> dict[str, int]:
    """Baris program/kegiatan/sub kegiatan dihitung langsung dari kolom C (tanpa rekening di D)."""
    ws = openpyxl.load_workbook(path, data_only=True).active
    nama = {2: "program", 4: "kegiatan", 5: "sub_kegiatan"}
    hitung = {t: 0 for t in nama.values()}
    for r in ws.iter_rows(min_row=10, values_only=True):
        if r[2] and not r[3] and re.match(r"^\d\.\d\d\.", str(r[2])):
            hitung[nama[str(r[2]).count(".")]] += 1
    return hitung


def opd(h, kelompok: str) -> pd.Series:
    baris = h.rinci[(h.rinci.tingkat == "opd") & (h.rinci.kelompok == kelompok)]
    assert len(baris) == 1
    return baris.iloc[0]


KELOMPOK = ["Operasi", "Modal", "Tak Terduga", "Transfer"]
OPD_KECIL = "1.01.0.00.0.00.01.0000"


def tulis_lra(path: Path, baris: list, *, tahun: str = "TAHUN ANGGARAN 2026", gabung: bool = True,
              geser: int = 0) -> Path:
    """LRA kecil buatan dengan tata letak SIPD; geser = kolom kosong tambahan di depan."""
    wb = openpyxl.Workbook()
    ws = wb.active
    for r, teks in enumerate(["KAB. CONTOH", "REKAPITULASI BELANJA MENURUT URUSAN PEMERINTAH DAERAH",
                              "BESERTA HASIL DAN SUB KEGIATAN BESERTA KELUARAN", tahun], start=1):
        ws.cell(r, 1, teks)
    k = 1 + geser
    ws.cell(6, k, "Kode")
    ws.cell(6, k + 4, "Uraian Urusan, Organisasi, Program, Kegiatan dan Sub Kegiatan")
    ws.cell(6, k + 5, "Kelompok Belanja")
    for i, nama in enumerate(KELOMPOK):
        c = k + 5 + 2 * i
        ws.cell(7, c, nama)
        ws.cell(8, c, "Anggaran")
        ws.cell(8, c + 1, "Realisasi")
        if gabung:
            ws.merge_cells(start_row=7, start_column=c, end_row=7, end_column=c + 1)
    if gabung:
        ws.merge_cells(start_row=6, start_column=k, end_row=8, end_column=k + 3)
        ws.merge_cells(start_row=6, start_column=k + 4, end_row=8, end_column=k + 4)
        ws.merge_cells(start_row=6, start_column=k + 5, end_row=6, end_column=k + 12)
    for j, c in enumerate([k] + list(range(k + 4, k + 13)), start=1):
        ws.cell(9, c, str(j))
    for r, (kode, uraian, angka) in enumerate(baris, start=10):
        for j, v in enumerate(kode):
            if v:
                ws.cell(r, k + j, v)
        ws.cell(r, k + 4, uraian)
        for j, v in enumerate(angka):
            ws.cell(r, k + 5 + j, v)
    wb.save(path)
    return path


def baris_kecil(pagu: float = 1_000_000, realisasi: float = 400_000) -> list:
    angka = [pagu, realisasi, "0,00", "0,00", "0,00", "0,00", "0,00", "0,00"]
    return [
        (["1"], "URUSAN PEMERINTAHAN WAJIB", angka),
        (["1.01"], "URUSAN PEMERINTAHAN BIDANG PENDIDIKAN", angka),
        (["1.01", OPD_KECIL], "Dinas Pendidikan", angka),
        (["1.01", OPD_KECIL, "1.01.01"], "PROGRAM PENUNJANG", angka),
        (["1.01", OPD_KECIL, "1.01.01.2.01"], "Perencanaan", angka),
        (["1.01", OPD_KECIL, "1.01.01.2.01.0001"], "Penyusunan Dokumen", angka),
        (["1.01", OPD_KECIL, "1.01.01.2.01.0001", "5.1.02"], "Belanja Barang dan Jasa", angka),
        ([], "Jumlah", angka),
    ]


# ---------------------------------------------------------------- berkas nyata

@pytest.fixture(scope="module")
def asli():
    return baca_lra(LRA)


def test_judul_pemda_dan_opd(asli):
    assert asli.jenis == "sipd-lra"
    assert asli.tahun == 2026
    assert asli.nama_pemda == "KAB. LAMPUNG SELATAN"
    assert asli.masalah == []
    assert asli.bulan_tersedia == []
    assert asli.opd.to_dict("records") == [
        {"kode_opd": KOMINFO, "nama_opd": "Dinas Komunikasi dan Informatika", "baris": 12}]


def test_kolom_rinci_persis(asli):
    assert list(asli.rinci.columns) == ["kode_opd", "kode", "tingkat", "uraian", "kelompok", "pagu",
                                        "realisasi", "baris"] == KOLOM_RINCI
    assert set(asli.rinci.kelompok) == {"operasi", "modal", "tak_terduga", "transfer"}
    assert asli.rinci.pagu.dtype == "float64" and asli.rinci.realisasi.dtype == "float64"
    # kunci unik seperti di database: satu baris per (OPD, kode, kelompok)
    assert not asli.rinci.duplicated(["kode_opd", "kode", "kelompok"]).any()


def test_baris_opd_sebagian_bidang_sesuai_berkas():
    """Baris OPD di bawah bidang 2.16 (baris 12) berisi angka yang dibaca langsung dari sel."""
    ws = openpyxl.load_workbook(LRA, data_only=True).active
    assert ws["B12"].value == KOMINFO and ws["A12"].value == "2.16"
    assert ws["F12"].value == 10_373_024_900 and ws["G12"].value == 126_091_861
    assert ws["H12"].value == 109_048_100 and ws["I12"].value == "0,00"


def test_baris_opd_adalah_jumlah_semua_bidang(asli):
    """OPD ini muncul di bawah 2.16, 2.20 dan 2.21; pagunya jumlah ketiganya (= baris Jumlah)."""
    assert opd(asli, "operasi").pagu == 10_701_893_800
    assert opd(asli, "operasi").realisasi == 126_091_861
    assert opd(asli, "modal").pagu == 109_048_100
    assert opd(asli, "modal").realisasi == 0
    assert opd(asli, "tak_terduga").pagu == opd(asli, "transfer").pagu == 0
    assert opd(asli, "operasi").baris == 12
    assert any("muncul sekali per bidang" in c and "395" in c and "444" in c for c in asli.catatan)
    # bagian bidang 2.16 saja = jumlah programnya = angka baris 12
    r = asli.rinci
    bagian = r[(r.tingkat == "program") & r.kode.str.startswith("2.16.")]
    assert bagian[bagian.kelompok == "operasi"].pagu.sum() == 10_373_024_900
    assert bagian[bagian.kelompok == "operasi"].realisasi.sum() == 126_091_861
    assert bagian[bagian.kelompok == "modal"].pagu.sum() == 109_048_100


def test_jumlah_baris_per_tingkat(asli):
    hitung = hitung_tingkat(LRA)
    assert hitung == {"program": 5, "kegiatan": 11, "sub_kegiatan": 42}
    per_tingkat = (asli.rinci.groupby("tingkat").size() // 4).to_dict()
    assert per_tingkat == {"opd": 1, **hitung}
    assert len(asli.rinci) == 4 * (1 + sum(hitung.values()))


def test_kolom_tambahan_staf_dicatat(asli):
    assert any("kolom N diabaikan" in c for c in asli.catatan)
    assert any("baris 490" in c and "Jumlah" in c for c in asli.catatan)


def test_semua_angka_teks_indonesia_hasilnya_sama(tmp_path, asli):
    path = ubah(LRA, tmp_path / "teks.xlsx", lambda wb: semua_teks(wb.active, 10, range(6, 14)))
    ws = openpyxl.load_workbook(path).active
    assert ws["F12"].value == "10.373.024.900,00"
    h = baca_lra(path)
    assert h.masalah == []
    pd.testing.assert_frame_equal(h.rinci, asli.rinci)


def test_tanpa_sel_gabungan_hasilnya_sama(tmp_path, asli):
    def lepas(wb):
        ws = wb.active
        for rg in list(ws.merged_cells.ranges):
            ws.unmerge_cells(str(rg))
    h = baca_lra(ubah(LRA, tmp_path / "lepas.xlsx", lepas))
    assert h.masalah == []
    pd.testing.assert_frame_equal(h.rinci, asli.rinci)


def test_lembar_staf_di_depan_diabaikan(tmp_path, asli):
    def sisip(wb):
        ws = wb.create_sheet("Catatan Staf", 0)
        ws["A1"], ws["B1"] = "Kegiatan", "Persen"
    h = baca_lra(ubah(LRA, tmp_path / "staf.xlsx", sisip))
    assert h.masalah == []
    assert any("'Catatan Staf'" in c for c in h.catatan)
    pd.testing.assert_frame_equal(h.rinci, asli.rinci)


# ---------------------------------------------------------------- berkas buatan kecil

def test_tata_letak_bergeser_tanpa_gabungan(tmp_path):
    h = baca_lra(tulis_lra(tmp_path / "geser.xlsx", baris_kecil(), gabung=False, geser=1))
    assert h.masalah == [], [str(m) for m in h.masalah]
    assert h.tahun == 2026 and h.nama_pemda == "KAB. CONTOH"
    assert list(h.rinci[h.rinci.kelompok == "operasi"].tingkat) == [
        "opd", "program", "kegiatan", "sub_kegiatan"]
    assert set(h.rinci[h.rinci.kelompok == "operasi"].pagu) == {1_000_000}


def test_realisasi_melebihi_pagu_hanya_catatan(tmp_path):
    h = baca_lra(tulis_lra(tmp_path / "lebih.xlsx", baris_kecil(pagu=1_000_000, realisasi=1_200_000)))
    assert h.masalah == []
    assert any("melebihi pagunya" in c and OPD_KECIL in c for c in h.catatan)


def test_strip_dan_sel_kosong_dibaca_nol_dengan_catatan_sekali(tmp_path, asli):
    def kosongkan(wb):
        ws = wb.active
        for r in range(10, ws.max_row + 1):
            if ws.cell(r, 11).value == "0,00":
                ws.cell(r, 11).value = "-"
            if ws.cell(r, 13).value == "0,00":
                ws.cell(r, 13).value = None
    h = baca_lra(ubah(LRA, tmp_path / "strip.xlsx", kosongkan))
    assert h.masalah == []
    pd.testing.assert_frame_equal(h.rinci, asli.rinci)
    assert len([c for c in h.catatan if "'-'" in c]) == 1
    assert len([c for c in h.catatan if "sel kosong" in c]) == 1


def test_angka_rusak_excel_diterima_dengan_catatan(tmp_path, asli):
    def rusak(wb):
        wb.active["F15"] = "1,22262E+07"   # 12.226.200 dalam gaya ilmiah Excel
    h = baca_lra(ubah(LRA, tmp_path / "ilmiah.xlsx", rusak))
    assert h.masalah == []
    pd.testing.assert_frame_equal(h.rinci, asli.rinci)
    assert any("ilmiah" in c and "F15" in c and "ketelitian" in c for c in h.catatan)


# ---------------------------------------------------------------- masalah

def test_total_opd_diubah_tidak_cocok_dengan_program(tmp_path):
    h = baca_lra(ubah(LRA, tmp_path / "ubah.xlsx", lambda wb: wb.active.__setitem__("F12", 10_000_000_000)))
    assert len(h.masalah) == 1, [str(m) for m in h.masalah]
    m = h.masalah[0]
    assert (m.berkas, m.lembar, m.baris, m.kolom) == ("ubah.xlsx", "Sheet1", 12, "F")
    assert "Rp 10.000.000.000" in m.pesan and "Rp 10.373.024.900" in m.pesan
    assert "Anggaran Operasi" in m.pesan


def test_ekspor_terpotong_di_batas_bidang(tmp_path):
    """Bagian 2.20 dan 2.21 hilang: setiap OPD tetap cocok dengan programnya, baris urusan tidak."""
    h = baca_lra(ubah(LRA, tmp_path / "potong.xlsx", lambda wb: wb.active.delete_rows(394, 200)))
    assert h.masalah, "ekspor terpotong harus ditolak"
    m = h.masalah[0]
    assert m.baris == 10 and m.kolom == "F"
    assert "Rp 10.701.893.800" in m.pesan and "Rp 10.373.024.900" in m.pesan


def test_teks_bukan_angka_di_kolom_uang(tmp_path):
    h = baca_lra(ubah(LRA, tmp_path / "teks.xlsx", lambda wb: wb.active.__setitem__("G15", "sepuluh juta")))
    assert len(h.masalah) == 1, [str(m) for m in h.masalah]
    m = h.masalah[0]
    assert (m.baris, m.kolom, m.nilai) == (15, "G", "sepuluh juta")
    assert "Realisasi Operasi" in m.pesan and "angka Rupiah" in m.pesan


def test_pagu_negatif(tmp_path):
    h = baca_lra(ubah(LRA, tmp_path / "negatif.xlsx", lambda wb: wb.active.__setitem__("F15", -12_226_200)))
    assert any(m.baris == 15 and m.kolom == "F" and "negatif" in m.pesan for m in h.masalah)


def test_tahun_tidak_ada_di_judul(tmp_path):
    h = baca_lra(ubah(LRA, tmp_path / "tahun.xlsx", lambda wb: wb.active.__setitem__("A4", "TAHUN ANGGARAN")))
    assert h.tahun is None
    assert len(h.masalah) == 1
    assert h.masalah[0].baris == 1 and "tahun anggaran tidak ditemukan di judul" in h.masalah[0].pesan


def test_kode_opd_salah_bentuk(tmp_path):
    h = baca_lra(ubah(LRA, tmp_path / "kode.xlsx", lambda wb: wb.active.__setitem__("B12", "2.16.2.20.2.21.01")))
    assert len(h.masalah) == 1, [str(m) for m in h.masalah]
    m = h.masalah[0]
    assert (m.baris, m.kolom, m.nilai) == (12, "B", "2.16.2.20.2.21.01")
    assert "X.XX.X.XX.X.XX.NN.NNNN" in m.pesan


def test_baris_opd_hilang(tmp_path):
    h = baca_lra(ubah(LRA, tmp_path / "tanpa_opd.xlsx", lambda wb: wb.active.delete_rows(12, 1)))
    assert len(h.masalah) == 1, [str(m) for m in h.masalah]   # sekali, bukan sekali per baris
    m = h.masalah[0]
    assert (m.baris, m.kolom, m.nilai) == (12, "C", "2.16.01") and "tidak punya baris OPD" in m.pesan


def test_kode_opd_baris_berbeda_dengan_baris_opd_di_atasnya(tmp_path):
    h = baca_lra(ubah(LRA, tmp_path / "opd_lain.xlsx", lambda wb: wb.active.__setitem__("B15", OPD_KECIL)))
    assert len(h.masalah) == 1, [str(m) for m in h.masalah]
    m = h.masalah[0]
    assert (m.baris, m.kolom, m.nilai) == (15, "B", OPD_KECIL) and KOMINFO in m.pesan


def test_judul_kolom_tanpa_baris_data(tmp_path):
    h = baca_lra(ubah(LRA, tmp_path / "judul.xlsx", lambda wb: wb.active.delete_rows(10, 1000)))
    assert len(h.masalah) == 1
    assert "tidak ada baris OPD" in h.masalah[0].pesan
    assert h.rinci.empty and list(h.rinci.columns) == KOLOM_RINCI


def test_rak_diberikan_ke_baca_lra():
    h = baca_lra(RAK)
    assert len(h.masalah) == 1
    pesan = h.masalah[0].pesan
    assert pesan.startswith("Berkas ini bukan ekspor SIPD 'Rekapitulasi Belanja")
    assert "'Kelompok Belanja' tidak ditemukan" in pesan and "RAK" in pesan


def test_buku_kerja_templat_bukan_lra(tmp_path):
    wb = openpyxl.Workbook()
    wb.active.title = "opd"
    wb.active.append(["kode_pemda", "kode_opd", "nama_opd", "singkatan"])
    wb.active.append(["18.01", OPD_KECIL, "Dinas Pendidikan", "Disdik"])
    wb.save(tmp_path / "templat.xlsx")
    h = baca_lra(tmp_path / "templat.xlsx")
    assert len(h.masalah) == 1 and "'Kelompok Belanja' tidak ditemukan" in h.masalah[0].pesan


# ---------------------------------------------------------------- berkas rusak

def _buku_kosong(path: Path) -> None:
    openpyxl.Workbook().save(path)


BERKAS_RUSAK = {
    "kosong": (b"", "Berkas kosong (0 byte)"),
    "teks": ("kode_opd;nama_opd\n1.01.0.00.0.00.01.0000;Dinas\n".encode(), "teks biasa (mungkin CSV)"),
    "html": (b"<html><table><tr><td>Kode</td></tr></table></html>", "HTML"),
    "terpotong": (lambda: LRA.read_bytes()[: len(LRA.read_bytes()) // 2], "rusak atau terpotong"),
    "sandi_palsu": (OLE2 + b"\x00" * 4096, "kata sandi"),
    "sandi": (OLE2 + b"\x00" * 512 + "EncryptionInfo".encode("utf-16-le") + b"\x00" * 512,
              "Berkas terlindungi kata sandi; buka di Excel, simpan tanpa kata sandi"),
    "xls_lama": (OLE2 + b"\x00" * 512 + "Workbook".encode("utf-16-le") + b"\x00" * 512, "Excel lama (.xls)"),
    "zip_bukan_excel": (None, "bukan buku kerja Excel"),
    "buku_kosong": (_buku_kosong, "bukan ekspor SIPD"),
}


def buat_rusak(tmp_path: Path, nama: str) -> Path:
    isi, _ = BERKAS_RUSAK[nama]
    path = tmp_path / f"{nama}.xlsx"
    if nama == "zip_bukan_excel":
        import zipfile
        with zipfile.ZipFile(path, "w") as z:
            z.writestr("catatan.txt", "bukan excel")
    elif nama == "buku_kosong":
        isi(path)
    else:
        path.write_bytes(isi() if callable(isi) else isi)
    return path


@pytest.mark.parametrize("nama", list(BERKAS_RUSAK))
def test_berkas_rusak_satu_masalah_jelas(tmp_path, nama):
    path = buat_rusak(tmp_path, nama)
    h = baca_lra(path)
    assert len(h.masalah) == 1, [str(m) for m in h.masalah]
    assert h.masalah[0].berkas == path.name
    assert BERKAS_RUSAK[nama][1] in h.masalah[0].pesan
    assert h.rinci.empty and list(h.rinci.columns) == KOLOM_RINCI
    assert list(h.opd.columns) == ["kode_opd", "nama_opd", "baris"]
