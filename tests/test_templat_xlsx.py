"""Templat impor XLSX: ditulis dengan petunjuk dan contoh, dibaca kembali menjadi Sumber
yang sama dengan CSV. Setiap kebiasaan berkas nyata (DOMAIN.md) diuji di sel XLSX."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path
from typing import Callable

import openpyxl
import pytest

from kinerja.angka import baca_angka
from kinerja.impor.masalah import ImporGagal
from kinerja.impor.muat import HasilImpor, catat_dan_simpan, referensi_dari
from kinerja.impor.templat_xlsx import (PETUNJUK, baca_xlsx, periksa_pecahan_fisik, teks_angka,
                                        tulis_templat)
from kinerja.impor.template import LEMBAR, HasilValidasi, validasi


# --- pembantu --------------------------------------------------------------

def _templat(tmp_path: Path, ubah: Callable | None = None, contoh: bool = True) -> Path:
    p = tulis_templat(tmp_path / "templat.xlsx", contoh=contoh)
    if ubah:
        wb = openpyxl.load_workbook(p)
        ubah(wb)
        wb.save(p)
    return p


def _kolom(ws, nama: str, baris_judul: int = 1) -> int:
    for sel in ws[baris_judul]:
        if sel.value == nama:
            return sel.column
    raise KeyError(nama)


def _isi(lembar: str, baris: int, kolom: str, nilai, fmt: str | None = None) -> Callable:
    def ubah(wb):
        ws = wb[lembar]
        sel = ws.cell(row=baris, column=_kolom(ws, kolom), value=nilai)
        if fmt:
            sel.number_format = fmt
    return ubah


def _periksa(con, p: Path) -> HasilValidasi:
    return validasi(baca_xlsx(p), referensi_dari(con))


def _sah(con, p: Path) -> HasilValidasi:
    hasil = _periksa(con, p)
    assert hasil.masalah == [], [str(m) for m in hasil.masalah]
    return hasil


def _nilai(hasil: HasilValidasi, lembar: str, baris_excel: int, kolom: str):
    df = hasil.tabel[lembar]
    return df.loc[df["_baris"] == baris_excel, kolom].iloc[0]


def _masalah(con, p: Path) -> list:
    hasil = _periksa(con, p)
    assert hasil.masalah, "masalah diharapkan"
    return hasil.masalah


# --- menulis dan bolak-balik -------------------------------------------------

def test_templat_bolak_balik_dimuat(con_kosong, tmp_path):
    p = _templat(tmp_path)
    hasil = _sah(con_kosong, p)
    assert hasil.catatan == []
    jumlah = {t: len(df) for t, df in hasil.tabel.items()}
    assert jumlah == {"pemda": 1, "opd": 2, "indikator": 5, "capaian": 5, "anggaran": 4, "kendala": 2}
    catat_dan_simpan(con_kosong, hasil.tabel, HasilImpor("template", p.name, "0" * 64, jumlah), pengguna="tes")
    isi = {t: con_kosong.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
           for t in ("pemda", "opd", "indikator", "target_realisasi", "anggaran_bulanan", "kendala")}
    assert isi == {"pemda": 1, "opd": 2, "indikator": 5, "target_realisasi": 5,
                   "anggaran_bulanan": 4, "kendala": 2}
    # nilai contoh tiba persis seperti di data demo
    c = con_kosong.execute("SELECT target, target_atas, realisasi, capaian FROM v_capaian_indikator "
                           "WHERE indikator_id = 'DISDIK-06'").fetchone()
    assert c == (20, 25, pytest.approx(24.34), 100)
    assert con_kosong.execute("SELECT realisasi FROM v_capaian_indikator "
                              "WHERE indikator_id = 'DISDIK-01'").fetchone()[0] == pytest.approx(8.18)


def test_susunan_lembar_dan_petunjuk(tmp_path):
    wb = openpyxl.load_workbook(_templat(tmp_path))
    assert wb.sheetnames == [PETUNJUK, *LEMBAR]
    teks = "\n".join(str(v) for baris in wb[PETUNJUK].iter_rows(values_only=True) for v in baris if v)
    for nama, kolom in LEMBAR.items():
        assert f"Lembar {nama}" in teks
        for k in kolom:
            assert k.nama in teks, k.nama
            assert [c.value for c in wb[nama][1]] == [k.nama for k in kolom]
    for wajib in ("naik", "turun", "rentang", "realisasi / target x 100",
                  "(2 x target - realisasi) / target x 100", "jumlah", "terakhir", "IKU", "program",
                  "kegiatan", "rentang_atas_baik", "9,55", "85%", "'-'", "'#N/A'", "Total",
                  "s.d. triwulan", "s.d. bulan", "0-100", "python -m kinerja impor BERKAS.xlsx",
                  "Kelola Data"):
        assert wajib in teks, wajib


def test_judul_tebal_beku_dan_daftar_pilihan(tmp_path):
    wb = openpyxl.load_workbook(_templat(tmp_path))
    for nama in LEMBAR:
        ws = wb[nama]
        assert ws.freeze_panes == "A2"
        assert all(c.font.bold for c in ws[1])
        assert ws.column_dimensions["B"].width > 8
    def pilihan(nama, kolom):
        ws = wb[nama]
        huruf = openpyxl.utils.get_column_letter(_kolom(ws, kolom))
        return [(dv.type, dv.formula1, dv.formula2) for dv in ws.data_validations.dataValidation
                if any(str(r).startswith(f"{huruf}2:") for r in dv.sqref.ranges)]
    assert pilihan("indikator", "polaritas") == [("list", '"naik,turun,rentang"', None)]
    assert pilihan("indikator", "agregasi") == [("list", '"jumlah,terakhir"', None)]
    assert pilihan("indikator", "tingkat") == [("list", '"IKU,program,kegiatan"', None)]
    assert pilihan("indikator", "rentang_atas_baik") == [("list", '"ya,tidak"', None)]
    assert pilihan("capaian", "triwulan") == [("whole", "1", "4")]
    assert pilihan("kendala", "triwulan") == [("whole", "1", "4")]
    assert pilihan("anggaran", "bulan") == [("whole", "1", "12")]
    # kolom kode berformat teks supaya 1.10 tidak menjadi angka
    assert wb["opd"].column_dimensions["B"].number_format == "@"


def test_templat_tanpa_contoh(tmp_path):
    wb = openpyxl.load_workbook(_templat(tmp_path, contoh=False))
    for nama in LEMBAR:
        assert wb[nama].max_row == 1
    sumber = baca_xlsx(tmp_path / "templat.xlsx")
    assert [s.lembar for s in sumber] == list(LEMBAR)
    assert all(s.data.empty for s in sumber)


def test_lembar_petunjuk_tidak_dikembalikan_lembar_lain_dicatat(con_kosong, tmp_path):
    def ubah(wb):
        wb.create_sheet("Rekap Pimpinan").append(["apa saja", 1, 2])
    hasil = _sah(con_kosong, _templat(tmp_path, ubah))
    assert [c for c in hasil.catatan if "lembar Rekap Pimpinan" in c and "diabaikan" in c]
    assert PETUNJUK not in [s.lembar for s in baca_xlsx(tmp_path / "templat.xlsx")]


def test_nama_lembar_toleran(con_kosong, tmp_path):
    def ubah(wb):
        for lama, baru in (("opd", "OPD"), ("capaian", "Capaian "), ("kendala", "KENDALA")):
            wb[lama].title = "sementara"  # openpyxl menolak ganti nama yang hanya beda huruf besar
            wb["sementara"].title = baru
        assert wb.sheetnames[1:] == ["pemda", "OPD", "indikator", "Capaian ", "anggaran", "KENDALA"]
    hasil = _sah(con_kosong, _templat(tmp_path, ubah))
    assert len(hasil.tabel["opd"]) == 2 and len(hasil.tabel["capaian"]) == 5
    assert len(hasil.tabel["kendala"]) == 2


# --- kebiasaan berkas nyata, satu per sel ------------------------------------
# Baris contoh: capaian 2 DISDIK-01, 3 DISDIK-05, 4 DISDIK-06 (rentang 20-25), 5 DISNAKERTRANS-01,
# 6 DISNAKERTRANS-03; anggaran 2-3 Disdik (pagu 790.811.000.000), 4-5 Disnakertrans (pagu 9.751.000.000).

@pytest.mark.parametrize("lembar,baris,kolom,nilai,fmt,harapan", [
    ("capaian", 2, "realisasi", "9,55", None, 9.55),                     # koma desimal
    ("capaian", 2, "realisasi", "1.234,56", None, 1234.56),              # ribuan bertitik
    ("capaian", 2, "target", "85%", None, 85.0),                         # % di sel teks
    ("anggaran", 2, "realisasi_fisik", "85%", None, 85.0),
    ("anggaran", 2, "realisasi_fisik", 0.85, "0%", 85.0),                # sel berformat persen
    ("anggaran", 2, "realisasi_fisik", 0.4594, "0.00%", 45.94),
    ("anggaran", 2, "realisasi_fisik", 45.94, '0.00"%"', 45.94),         # % harfiah: tidak dikali
    ("anggaran", 4, "pagu", "Rp 1.250.000.000", None, 1_250_000_000.0),
    ("anggaran", 4, "pagu", 1_250_000_000, '"Rp" #,##0', 1_250_000_000.0),
    ("anggaran", 2, "pagu", "3,50001E+11", None, 350_001_000_000.0),    # angka rusak Excel
    ("capaian", 2, "realisasi", 6.5, None, 6.5),                         # angka sungguhan
    ("capaian", 6, "realisasi", 15, None, 15.0),
    ("capaian", 2, "realisasi", 0.1 + 0.2, None, 0.3),                   # tanpa sisa float
    ("capaian", 2, "realisasi", -2.5, None, -2.5),
    ("capaian", 2, "realisasi", "-", None, None),                        # '-' kosong
    ("capaian", 2, "realisasi", "#N/A", None, None),                     # galat Excel kosong
    ("capaian", 2, "realisasi", "#DIV/0!", None, None),
    ("capaian", 4, "target_atas", 25.0, None, 25.0),
    ("capaian", 2, "tahun", 2025.0, None, 2025),
    ("indikator", 4, "rentang_atas_baik", True, None, True),             # boolean
    ("indikator", 4, "rentang_atas_baik", "ya", None, True),
    ("indikator", 2, "satuan", "-", None, None),                         # '-' di kolom teks
    ("kendala", 2, "tindak_lanjut", "#N/A", None, None),
])
def test_kebiasaan_sel_dibaca(con_kosong, tmp_path, lembar, baris, kolom, nilai, fmt, harapan):
    hasil = _sah(con_kosong, _templat(tmp_path, _isi(lembar, baris, kolom, nilai, fmt)))
    dapat = _nilai(hasil, lembar, baris, kolom)
    if harapan is None:
        assert dapat is None or dapat != dapat  # None atau NaN
    else:
        assert dapat == harapan


def test_kode_pemda_angka_tetap_kode(con_kosong, tmp_path):
    """99.01 yang terlanjur menjadi angka di kolom kode dibaca sebagai '99.01', bukan '99,01'."""
    def ubah(wb):
        for nama in ("pemda", "opd"):
            ws = wb[nama]
            for r in range(2, ws.max_row + 1):
                ws.cell(row=r, column=_kolom(ws, "kode_pemda"), value=99.01)
    hasil = _sah(con_kosong, _templat(tmp_path, ubah))
    assert list(hasil.tabel["opd"]["kode_pemda"]) == ["99.01", "99.01"]


@pytest.mark.parametrize("lembar,kolom,nilai", [
    ("capaian", "tahun", "#N/A"),
    ("anggaran", "pagu", "#N/A"),
    ("anggaran", "pagu", "-"),
    ("opd", "nama_opd", "#N/A"),
    ("kendala", "kendala", "-"),
])
def test_kosong_di_kolom_wajib(con_kosong, tmp_path, lembar, kolom, nilai):
    masalah = _masalah(con_kosong, _templat(tmp_path, _isi(lembar, 3, kolom, nilai)))
    m = next(m for m in masalah if m.kolom == kolom)
    assert (m.berkas, m.lembar, m.baris) == ("templat.xlsx", lembar, 3)
    assert m.pesan.startswith("wajib diisi")
    if kolom in ("tahun", "pagu"):  # kolom angka: nilainya ikut disebut
        assert m.nilai == nilai and f"(nilai: '{nilai}')" in str(m)


@pytest.mark.parametrize("nilai,potongan", [
    ("6.5", "bukan angka"),            # titik desimal di sel teks berformat Indonesia
    ("delapan", "bukan angka"),
])
def test_teks_angka_tidak_sah(con_kosong, tmp_path, nilai, potongan):
    masalah = _masalah(con_kosong, _templat(tmp_path, _isi("capaian", 3, "realisasi", nilai)))
    assert any(m.lembar == "capaian" and m.baris == 3 and m.kolom == "realisasi" and m.nilai == nilai
               and potongan in m.pesan for m in masalah), [str(m) for m in masalah]


def test_tanggal_di_kolom_angka(con_kosong, tmp_path):
    import datetime as dt

    masalah = _masalah(con_kosong, _templat(tmp_path, _isi("capaian", 2, "tahun", dt.datetime(2025, 1, 1))))
    assert any(m.kolom == "tahun" and m.baris == 2 and m.nilai == "2025-01-01" for m in masalah)


# --- tata letak: judul, gabungan, total -------------------------------------

def _sisip_judul_laporan(ws, jumlah: int, judul: str) -> None:
    ws.insert_rows(1, amount=jumlah)
    ws["A1"] = judul
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=ws.max_column)


def test_judul_kolom_di_baris_3_nomor_baris_excel(con_kosong, tmp_path):
    def ubah(wb):
        ws = wb["capaian"]
        _sisip_judul_laporan(ws, 2, "CAPAIAN KINERJA S.D. TRIWULAN II TAHUN 2025")
        ws.cell(row=6, column=_kolom(ws, "target_atas", 3), value="dua puluh lima")
    p = _templat(tmp_path, ubah)
    capaian = next(s for s in baca_xlsx(p) if s.lembar == "capaian")
    assert capaian.baris_awal == 4
    assert list(capaian.data["indikator_id"])[:3] == ["DISDIK-01", "DISDIK-05", "DISDIK-06"]
    masalah = _masalah(con_kosong, p)
    m = next(m for m in masalah if m.kolom == "target_atas")
    assert (m.lembar, m.baris, m.nilai) == ("capaian", 6, "dua puluh lima")


def test_judul_kolom_gabungan(con_kosong, tmp_path):
    """Judul kode_opd digabung dua baris (B1:B2), judul lain di baris 2."""
    def ubah(wb):
        ws = wb["opd"]
        ws.insert_rows(1)
        ws["B1"] = "kode_opd"
        ws["B2"] = None
        ws.merge_cells("B1:B2")
        ws["C1"] = "Identitas"
        ws.merge_cells("C1:D1")
    p = _templat(tmp_path, ubah)
    opd = next(s for s in baca_xlsx(p) if s.lembar == "opd")
    assert opd.baris_awal == 3
    assert list(opd.data["kode_opd"]) == ["1.01.0.00.0.00.01.0000", "2.07.3.32.0.00.01.0000"]
    hasil = _sah(con_kosong, p)
    assert len(hasil.tabel["opd"]) == 2


def test_sel_data_gabungan_ke_bawah(con_kosong, tmp_path):
    """kode_opd digabung ke bawah untuk semua indikator satu OPD."""
    def ubah(wb):
        ws = wb["indikator"]
        c = _kolom(ws, "kode_opd")
        ws.cell(row=3, column=c, value=None)
        ws.cell(row=4, column=c, value=None)
        ws.merge_cells(start_row=2, start_column=c, end_row=4, end_column=c)
    hasil = _sah(con_kosong, _templat(tmp_path, ubah))
    assert list(hasil.tabel["indikator"]["kode_opd"])[:3] == ["1.01.0.00.0.00.01.0000"] * 3


@pytest.mark.parametrize("baris_total", [
    ["Total", None, None, None, 800_562_000_000],
    [None, "Jumlah", None, None, 800_562_000_000],
    ["JUMLAH:", None, None, None, "=SUM(E2:E5)"],   # rumus tanpa nilai: baris jumlah tetap dilewati
])
def test_baris_total_dilewati(con_kosong, tmp_path, baris_total):
    def ubah(wb):
        ws = wb["anggaran"]
        ws.append([])
        ws.append(baris_total)
    hasil = _sah(con_kosong, _templat(tmp_path, ubah))
    assert len(hasil.tabel["anggaran"]) == 4


def test_baris_penomoran_kolom_dan_kolom_no(con_kosong, tmp_path):
    """Baris (1) (2) (3) di bawah judul dan kolom No yang sudah dinomori sampai bawah."""
    def ubah(wb):
        ws = wb["opd"]
        ws.insert_rows(2)
        for c in range(1, 5):
            ws.cell(row=2, column=c, value=f"({c})")
        ws.cell(row=1, column=6, value="No")
        for r in range(3, 20):
            ws.cell(row=r, column=6, value=r - 2)
    hasil = _sah(con_kosong, _templat(tmp_path, ubah))
    assert list(hasil.tabel["opd"]["_baris"]) == [3, 4]


def test_judul_kolom_ganda_ditolak(tmp_path):
    p = _templat(tmp_path, lambda wb: wb["opd"].cell(row=1, column=6, value="nama_opd"))
    with pytest.raises(ImporGagal) as e:
        baca_xlsx(p)
    m = e.value.masalah[0]
    assert (m.lembar, m.baris, m.kolom) == ("opd", 1, "nama_opd") and "judul kolom ganda" in m.pesan


# --- rumus ------------------------------------------------------------------

def _simpan_nilai_rumus(p: Path, rumus: str, nilai: str) -> None:
    """Tiru Excel: simpan nilai hasil rumus di samping rumusnya."""
    salinan = p.with_suffix(".tmp")
    with zipfile.ZipFile(p) as z, zipfile.ZipFile(salinan, "w", zipfile.ZIP_DEFLATED) as keluar:
        for info in z.infolist():
            isi = z.read(info.filename)
            if info.filename.startswith("xl/worksheets/"):
                # Penulis XML openpyxl berbeda dengan/tanpa lxml: <v />, <v/> atau <v></v>.
                isi = re.sub(rf"<f>{re.escape(rumus)}</f>\s*<v\s*/>|<f>{re.escape(rumus)}</f>\s*<v></v>".encode(),
                             f"<f>{rumus}</f><v>{nilai}</v>".encode(), isi)
            keluar.writestr(info, isi)
    salinan.replace(p)


def test_rumus_tanpa_nilai_tersimpan_ditolak(tmp_path):
    p = _templat(tmp_path, _isi("capaian", 3, "realisasi", "=0.23*2"))
    with pytest.raises(ImporGagal) as e:
        baca_xlsx(p)
    m = e.value.masalah[0]
    assert (m.berkas, m.lembar, m.baris, m.kolom) == ("templat.xlsx", "capaian", 3, "realisasi")
    assert m.nilai == "=0.23*2"
    assert "sel G3" in m.pesan and "rumus tanpa nilai tersimpan" in m.pesan


def test_rumus_dengan_nilai_tersimpan_dibaca(con_kosong, tmp_path):
    p = _templat(tmp_path, _isi("capaian", 3, "realisasi", "=0.23*2"))
    _simpan_nilai_rumus(p, "0.23*2", "0.46000000000000002")
    hasil = _sah(con_kosong, p)
    assert _nilai(hasil, "capaian", 3, "realisasi") == 0.46


# --- realisasi fisik sebagai pecahan ------------------------------------------

def _fisik(*nilai, fmt=None) -> Callable:
    def ubah(wb):
        ws = wb["anggaran"]
        c = _kolom(ws, "realisasi_fisik")
        for r, v in enumerate(nilai, start=2):
            sel = ws.cell(row=r, column=c, value=v)
            if fmt:
                sel.number_format = fmt
    return ubah


def test_realisasi_fisik_pecahan_ditolak(tmp_path):
    p = _templat(tmp_path, _fisik(0, 0.4594, 0.0547, 0.2731))
    with pytest.raises(ImporGagal) as e:
        baca_xlsx(p)
    m = e.value.masalah[0]
    assert (m.lembar, m.baris, m.kolom, m.nilai) == ("anggaran", 3, "realisasi_fisik", "0,4594")
    assert "tampaknya pecahan (0,4594), harap isi persen (45,94)" in m.pesan


def test_realisasi_fisik_persen_diterima(con_kosong, tmp_path):
    hasil = _sah(con_kosong, _templat(tmp_path, _fisik(0.0915, 0.4594, 0.0547, 0.2731, fmt="0.00%")))
    assert list(hasil.tabel["anggaran"]["realisasi_fisik"]) == [9.15, 45.94, 5.47, 27.31]


def test_realisasi_fisik_di_bawah_satu_bertanda_persen(con_kosong, tmp_path):
    hasil = _sah(con_kosong, _templat(tmp_path, _fisik("0,5%", "0,8%", "0,2%", "0,9%")))
    assert list(hasil.tabel["anggaran"]["realisasi_fisik"]) == [0.5, 0.8, 0.2, 0.9]


def test_pemeriksaan_pecahan_untuk_csv(tmp_path):
    """Fungsi yang sama berlaku untuk Sumber dari CSV (desimal titik)."""
    from kinerja.impor.template import baca_csv

    p = tmp_path / "anggaran.csv"
    p.write_text("kode_opd,tahun,bulan,pagu,realisasi_fisik\nX,2025,1,10,0.85\nX,2025,2,10,0.9\n")
    m = periksa_pecahan_fisik([baca_csv(p)])
    assert len(m) == 1 and m[0].baris == 2 and "harap isi persen (85)" in m[0].pesan


# --- teks angka -------------------------------------------------------------

@pytest.mark.parametrize("x,persen,teks", [
    (6.5, False, "6,5"), (15, False, "15"), (2025.0, False, "2025"), (0.1 + 0.2, False, "0,3"),
    (3.50001e11, False, "350001000000"), (1e-05, False, "0,00001"), (-0.0, False, "0"),
    (694676000000, False, "694676000000"), (-1234.5, False, "-1234,5"), (0.85, True, "85%"),
    (1, True, "100%"), (0.005, True, "0,5%"), (1.5e20, False, "150000000000000000000"),
])
def test_teks_angka(x, persen, teks):
    assert teks_angka(x, persen=persen) == teks


@pytest.mark.parametrize("x", [7.42, 0.46, 1234.5678, 790811000000.0, 24.34, 1 / 3, 2 / 3 * 100, 1e-7])
def test_teks_angka_bolak_balik(x):
    assert baca_angka(teks_angka(x), ",") == float(f"{x:.15g}")


def test_sel_nyasar_jauh_di_bawah(con_kosong, tmp_path):
    """Satu sel berisi spasi di baris 500.000 tidak membuat pembacaan lambat atau boros."""
    import time

    p = _templat(tmp_path, lambda wb: wb["anggaran"].cell(row=500_000, column=1, value=" "))
    mulai = time.perf_counter()
    hasil = _sah(con_kosong, p)
    assert time.perf_counter() - mulai < 5
    assert len(hasil.tabel["anggaran"]) == 4
