"""Unduhan CSV/XLSX: dibaca kembali (modul csv, pandas, openpyxl) dan diperiksa
judul, angka, dan penetralan teks yang dapat menjadi rumus."""

from __future__ import annotations

import csv
import io
import math

import pandas as pd
import pytest
from openpyxl import load_workbook

from kinerja.ekspor import unduhan
from kinerja.ekspor.unduhan import Kolom, Lembar

KOLOM = {
    "nama": Kolom("Nama OPD", bungkus=True),
    "capaian": Kolom("Capaian (%)", "persen"),
    "target": Kolom("Target", "angka"),
    "tahun": Kolom("Tahun", "bulat"),
    "polaritas": Kolom("Polaritas", peta=unduhan.POLARITAS),
    "kendala": Kolom("Kendala", bungkus=True),
}


@pytest.fixture
def data() -> pd.DataFrame:
    return pd.DataFrame({
        "nama": ["Dinas Pendidikan", "=HYPERLINK(\"http://x\",\"klik\")", "+62 Dinas", "@SUM(A1)", "-1+2", "Dinas Ω"],
        "capaian": [65.625, 212.4, None, 0.0, math.nan, 100.0],
        "target": [80.0, 1_250_000_000.0, 6.5, -2.0, 0.1 + 0.2, None],
        "tahun": [2026, 2026, 2025, 2024, 2023, 2022],
        "polaritas": ["naik", "turun", "rentang", None, "naik", "lain"],
        "kendala": ["Anggaran < rencana; \"lelang\" gagal\nbaris kedua", "ok", None, "a;b", "x", "\tTab"],
        "tidak_diekspor": [1, 2, 3, 4, 5, 6],
    })


def _baca_csv(isi: bytes) -> list[list[str]]:
    assert isi.startswith(b"\xef\xbb\xbf"), "CSV harus diawali BOM UTF-8 agar Excel membaca UTF-8"
    return list(csv.reader(io.StringIO(isi.decode("utf-8-sig"), newline=""), delimiter=";"))


def test_csv_judul_angka_dan_koma_desimal(data):
    baris = _baca_csv(unduhan.ke_csv(data, KOLOM))
    assert baris[0] == ["Nama OPD", "Capaian (%)", "Target", "Tahun", "Polaritas", "Kendala"]
    assert len(baris) == 1 + len(data)
    assert baris[1][:5] == ["Dinas Pendidikan", "65,625", "80", "2026", "makin tinggi makin baik"]
    assert baris[2][1:3] == ["212,4", "1250000000"]  # tanpa pemisah ribuan, tanpa notasi ilmiah
    assert baris[3][1:3] == ["", "6,5"]               # None -> kosong
    assert baris[4][1:3] == ["0", "-2"]               # angka negatif tetap angka
    assert baris[5][1:3] == ["", "0,3"]               # NaN -> kosong; 0.30000000000000004 -> 0,3
    assert [b[4] for b in baris[1:]] == ["makin tinggi makin baik", "makin rendah makin baik",
                                         "rentang target", "", "makin tinggi makin baik", "lain"]
    # Teks dengan pemisah, kutip dan baris baru tetap utuh di satu sel
    assert baris[1][5] == "Anggaran < rencana; \"lelang\" gagal\nbaris kedua"
    assert baris[4][5] == "a;b"
    assert "tidak_diekspor" not in baris[0]


def test_csv_menetralkan_rumus(data):
    baris = _baca_csv(unduhan.ke_csv(data, KOLOM))
    nama = [b[0] for b in baris[1:]]
    assert nama == ["Dinas Pendidikan", "'=HYPERLINK(\"http://x\",\"klik\")", "'+62 Dinas", "'@SUM(A1)", "'-1+2",
                    "Dinas Ω"]
    assert baris[6][5] == "'\tTab"
    for b in baris[1:]:
        for sel in (b[0], b[5]):
            assert not sel.startswith(("=", "+", "-", "@", "\t", "\r"))


def test_csv_dibaca_pandas_sebagai_angka(data):
    df = pd.read_csv(io.BytesIO(unduhan.ke_csv(data, KOLOM)), sep=";", decimal=",", encoding="utf-8-sig")
    assert list(df.columns) == [k.judul for k in KOLOM.values()]
    assert df["Capaian (%)"].tolist()[:2] == [65.625, 212.4]
    assert df["Target"].tolist()[1] == 1_250_000_000
    assert df["Tahun"].tolist() == [2026, 2026, 2025, 2024, 2023, 2022]


def test_csv_pemisah_lain(data):
    isi = unduhan.ke_csv(data, {"nama": "Nama", "capaian": Kolom("Capaian", "persen")}, pemisah=",", desimal=".")
    baris = list(csv.reader(io.StringIO(isi.decode("utf-8-sig"))))
    assert baris[0] == ["Nama", "Capaian"] and baris[1] == ["Dinas Pendidikan", "65.625"]


def test_csv_tabel_kosong_tetap_berjudul():
    kosong = pd.DataFrame({"nama": pd.Series([], dtype=object), "capaian": pd.Series([], dtype=float)})
    baris = _baca_csv(unduhan.ke_csv(kosong, {"nama": "Nama OPD", "capaian": Kolom("Capaian (%)", "persen")}))
    assert baris == [["Nama OPD", "Capaian (%)"]]


def test_xlsx_judul_format_dan_angka(data):
    isi = unduhan.ke_xlsx([Lembar("Di bawah target", data, KOLOM)],
                          keterangan=[("Periode", "TW III 2026"), ("Ambang", "=1+1")])
    wb = load_workbook(io.BytesIO(isi))
    assert wb.sheetnames == ["Di bawah target", "Keterangan"]
    ws = wb["Di bawah target"]
    assert [c.value for c in ws[1]] == ["Nama OPD", "Capaian (%)", "Target", "Tahun", "Polaritas", "Kendala"]
    assert all(c.font.b for c in ws[1])
    assert ws.freeze_panes == "A2"
    assert ws.auto_filter.ref == "A1:F7"
    assert ws.max_row == 1 + len(data)
    assert ws["B2"].value == pytest.approx(65.625) and ws["B2"].number_format == "0.00"
    assert ws["B3"].value == pytest.approx(212.4)
    assert ws["B4"].value is None and ws["B6"].value is None
    assert ws["C3"].value == 1_250_000_000 and ws["C5"].value == -2
    assert ws["D2"].value == 2026 and ws["D2"].number_format == "0"
    assert ws["E3"].value == "makin rendah makin baik"
    assert ws["F2"].value == "Anggaran < rencana; \"lelang\" gagal\nbaris kedua"
    assert ws["F2"].alignment.wrap_text
    assert ws["G1"].value is None  # kolom yang tidak dipetakan tidak ikut
    for huruf in "ABCDEF":
        assert ws.column_dimensions[huruf].width >= 8
    ket = wb["Keterangan"]
    assert [c.value for c in ket[1]] == ["Keterangan", "Nilai"]
    assert ket["A2"].value == "Periode" and ket["B2"].value == "TW III 2026"
    assert ket["B3"].value == "=1+1" and ket["B3"].data_type == "s"


def test_xlsx_menetralkan_rumus(data):
    wb = load_workbook(io.BytesIO(unduhan.ke_xlsx(Lembar("Data", data, KOLOM))))
    ws = wb["Data"]
    for baris in range(2, ws.max_row + 1):
        for kolom in ("A", "F"):
            sel = ws[f"{kolom}{baris}"]
            if sel.value is None:
                continue
            # Tidak pernah tersimpan sebagai rumus; teks yang berisiko diberi apostrof Excel (quotePrefix).
            assert sel.data_type == "s", (sel.coordinate, sel.value, sel.data_type)
            berisiko = str(sel.value).startswith(unduhan.AWALAN_RUMUS)
            assert bool(sel.quotePrefix) == berisiko, sel.coordinate
    assert ws["A3"].value == "=HYPERLINK(\"http://x\",\"klik\")"
    assert ws["A5"].value == "@SUM(A1)"
    assert ws["A7"].value == "Dinas Ω"
    # Berkas XML mentah tidak memuat elemen rumus sama sekali
    import zipfile
    with zipfile.ZipFile(io.BytesIO(unduhan.ke_xlsx(Lembar("Data", data, KOLOM)))) as z:
        xml = z.read("xl/worksheets/sheet1.xml").decode()
    assert "<f>" not in xml and "<f " not in xml


def test_xlsx_karakter_kendali_dibuang_dan_nama_lembar_aman():
    df = pd.DataFrame({"teks": ["a\x00b\x1fc", "biasa"]})
    isi = unduhan.ke_xlsx([Lembar("Capaian n/a [1]", df, {"teks": "Teks"}), Lembar("capaian n-a -1-", df, {"teks": "Teks"})])
    wb = load_workbook(io.BytesIO(isi))
    assert wb.sheetnames[0] == "Capaian n-a -1-"
    assert wb.sheetnames[1] == "capaian n-a -1- (2)"
    assert wb.worksheets[0]["A2"].value == "abc"


def test_xlsx_tabel_kosong():
    kosong = pd.DataFrame({"capaian": pd.Series([], dtype=float)})
    wb = load_workbook(io.BytesIO(unduhan.ke_xlsx(Lembar("Kosong", kosong, {"capaian": Kolom("Capaian (%)", "persen")}))))
    ws = wb["Kosong"]
    assert ws.max_row == 1 and ws["A1"].value == "Capaian (%)"


def test_kolom_jenis_tidak_dikenal():
    with pytest.raises(ValueError):
        Kolom("X", "uang")


def test_slug_dan_nama_berkas():
    assert unduhan.slug("Kabupaten Nusa Makmur") == "kabupaten-nusa-makmur"
    assert unduhan.slug("Kota Bau-Bau (Sulawesi Tenggara)") == "kota-bau-bau-sulawesi-tenggara"
    assert unduhan.slug("Kab. Pidië / Aceh") == "kab-pidie-aceh"
    assert unduhan.nama_berkas("di-bawah-target", unduhan.slug("Kabupaten Nusa Makmur"), 2026, "TW3",
                               ekstensi="csv") == "di-bawah-target_kabupaten-nusa-makmur_2026_TW3.csv"
    assert unduhan.nama_berkas("a", "../../etc", "", None, ekstensi=".xlsx") == "a_etc.xlsx"


def test_kolom_unduhan_halaman_berjudul_indonesia():
    for peta in (unduhan.KOLOM_DI_BAWAH_TARGET, unduhan.KOLOM_INDIKATOR_NA, unduhan.KOLOM_PERLU_DITINJAU):
        judul = [k.judul for k in peta.values()]
        assert len(judul) == len(set(judul))
        assert "Nama OPD" in judul and "Indikator" in judul
    assert "Kendala" in [k.judul for k in unduhan.KOLOM_DI_BAWAH_TARGET.values()]
    assert "Alasan capaian n/a" in [k.judul for k in unduhan.KOLOM_INDIKATOR_NA.values()]


def test_jumlah_baris_teks():
    assert unduhan.jumlah_baris_teks("a" * 59, 60) == 1
    assert unduhan.jumlah_baris_teks("a" * 60, 60) == 2      # dibulatkan ke atas: aman dari terpotong
    assert unduhan.jumlah_baris_teks("a" * 10 + "\n" + "b" * 130, 60) == 1 + 3
    assert unduhan.jumlah_baris_teks(None, 60) == 1


def test_xlsx_siap_cetak_dan_tinggi_baris_teks_terbungkus():
    """Teks terbungkus mendapat tinggi baris (LibreOffice tidak menghitung ulang: teks menimpa
    baris berikut); lembar dicetak A4 melintang selebar satu halaman, judul kolom diulang."""
    df = pd.DataFrame({"opd": ["Dinkes", "Dispar"], "kendala": ["x " * 100, "pendek"]})
    isi = unduhan.ke_xlsx(Lembar("Kendala", df, {"opd": Kolom("OPD", lebar=10),
                                                 "kendala": Kolom("Kendala", lebar=60, bungkus=True)}))
    ws = load_workbook(io.BytesIO(isi))["Kendala"]
    assert ws.row_dimensions[2].height == unduhan.TINGGI_BARIS * 4   # 200 karakter / 59 per baris
    assert ws.row_dimensions[3].height is None                        # satu baris: tinggi bawaan
    assert ws.page_setup.orientation == "landscape"
    assert ws.page_setup.fitToWidth == 1 and ws.page_setup.fitToHeight == 0
    assert ws.sheet_properties.pageSetUpPr.fitToPage
    assert ws.print_title_rows == "$1:$1"
