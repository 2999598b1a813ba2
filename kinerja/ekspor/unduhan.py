"""Unduhan tabel sebagai CSV dan XLSX dengan judul kolom berbahasa Indonesia.

Tidak mengimpor streamlit: halaman memanggil fungsi ini (lewat st.download_button)
dan tes membaca hasilnya kembali.

CSV untuk Excel berbahasa Indonesia: UTF-8 dengan BOM (agar Excel mengenali
UTF-8), pemisah titik koma dan koma desimal, tanpa pemisah ribuan. Excel dengan
pengaturan wilayah Indonesia membuka berkas seperti ini langsung menjadi kolom
dan angka; alat lain (pandas: ``sep=';', decimal=','``) juga membacanya.

XLSX (openpyxl): baris judul tebal dan dibekukan, filter otomatis, lebar kolom,
format angka (``0.00`` untuk persen; Excel menampilkannya dengan koma desimal
sesuai wilayah), dan lembar "Keterangan" berisi filter yang menghasilkan tabel.

Teks berasal dari berkas impor (nama OPD, indikator, kendala), jadi sel teks
yang diawali ``=``, ``+``, ``-``, ``@``, tab atau CR tidak boleh menjadi rumus
(CSV/formula injection): di CSV diberi awalan apostrof; di XLSX sel disimpan
sebagai teks (bukan rumus) dengan tanda ``quotePrefix`` (apostrof Excel), isi
teks tidak berubah.
"""

from __future__ import annotations

import csv
import io
import math
import re
import unicodedata
from dataclasses import dataclass
from typing import Mapping, Sequence

import pandas as pd
from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.properties import PageSetupProperties

JENIS = ("teks", "angka", "persen", "bulat")
AWALAN_RUMUS = ("=", "+", "-", "@", "\t", "\r")
FORMAT_XLSX = {"persen": "0.00", "bulat": "0", "angka": "General"}
BOM = "\ufeff"


@dataclass(frozen=True)
class Kolom:
    """Satu kolom unduhan.

    judul  : judul kolom (bahasa Indonesia)
    jenis  : "teks", "angka" (nilai apa adanya), "persen" (0-100; XLSX menampilkan dua desimal,
             CSV dan nilai sel menyimpan nilai penuh) atau "bulat"
    lebar  : lebar kolom XLSX (karakter); None = dihitung dari isi
    bungkus: teks panjang dibungkus (kendala, tindak lanjut)
    peta   : ganti nilai kode dengan teks (mis. polaritas 'naik' -> 'makin tinggi makin baik')
    cetak  : ikut dicetak (XLSX); kolom teknis (kode, tahun) ditaruh di akhir dengan cetak=False
             agar halaman cetak A4 memuat kolom yang dibaca orang
    """

    judul: str
    jenis: str = "teks"
    lebar: float | None = None
    bungkus: bool = False
    peta: Mapping | None = None
    cetak: bool = True

    def __post_init__(self):
        if self.jenis not in JENIS:
            raise ValueError(f"Jenis kolom tidak dikenal: {self.jenis!r}")


@dataclass(frozen=True)
class Lembar:
    """Satu lembar XLSX: data dan pemetaan kolom sumber -> Kolom (urutan = urutan kolom)."""

    nama: str
    data: pd.DataFrame
    kolom: Mapping[str, Kolom | str]


def _kolom(kolom: Mapping[str, Kolom | str]) -> list[tuple[str, Kolom]]:
    return [(sumber, k if isinstance(k, Kolom) else Kolom(k)) for sumber, k in kolom.items()]


def _kosong(x) -> bool:
    if x is None:
        return True
    try:
        return bool(pd.isna(x))
    except (TypeError, ValueError):
        return False


def aman_teks(teks: str) -> str:
    """Teks untuk CSV: awalan apostrof bila sel dapat dibaca sebagai rumus."""
    return "'" + teks if teks.startswith(AWALAN_RUMUS) else teks


def _angka_csv(x: float, jenis: str, desimal: str) -> str:
    x = float(x)
    if math.isinf(x):
        return ""
    if jenis == "bulat":
        teks = str(int(round(x)))
    else:
        # Nilai apa adanya (sampai 6 desimal, tanpa pembulatan tampilan agar rata-rata dapat
        # dihitung ulang), tanpa notasi ilmiah dan tanpa ekor nol: 6.5 -> 6,5; 1e12 -> 1000000000000.
        teks = f"{round(x, 6):.6f}".rstrip("0").rstrip(".")
        if teks in ("-0", ""):
            teks = "0"
    return teks.replace(".", desimal)


def _nilai(data: pd.DataFrame, sumber: str, k: Kolom) -> list:
    nilai = data[sumber].tolist()
    if k.peta:
        nilai = [k.peta.get(x, x) if not _kosong(x) else x for x in nilai]
    return nilai


def _nilai_csv(x, k: Kolom, desimal: str) -> str:
    if _kosong(x):
        return ""
    if k.jenis != "teks":
        try:
            return _angka_csv(x, k.jenis, desimal)
        except (TypeError, ValueError):
            pass  # bukan angka: tulis sebagai teks
    return aman_teks(str(x))


def ke_csv(data: pd.DataFrame, kolom: Mapping[str, Kolom | str], pemisah: str = ";",
           desimal: str = ",") -> bytes:
    """CSV (bytes, UTF-8 dengan BOM) dari kolom yang dipetakan saja, dengan judul Indonesia."""
    daftar = _kolom(kolom)
    buf = io.StringIO()
    tulis = csv.writer(buf, delimiter=pemisah, lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
    tulis.writerow([k.judul for _, k in daftar])
    nilai = [_nilai(data, s, k) for s, k in daftar]
    for baris in zip(*nilai):
        tulis.writerow([_nilai_csv(x, k, desimal) for x, (_, k) in zip(baris, daftar)])
    return (BOM + buf.getvalue()).encode("utf-8")


_NAMA_LEMBAR_TERLARANG = re.compile(r"[\[\]:*?/\\]")


def _nama_lembar(nama: str, dipakai: set[str]) -> str:
    dasar = _NAMA_LEMBAR_TERLARANG.sub("-", nama).strip("'") or "Lembar"
    dasar = dasar[:31]
    hasil, n = dasar, 2
    while hasil.lower() in dipakai:
        akhiran = f" ({n})"
        hasil, n = dasar[: 31 - len(akhiran)] + akhiran, n + 1
    dipakai.add(hasil.lower())
    return hasil


def _isi_sel(sel, x, k: Kolom) -> int:
    """Tulis satu nilai; kembalikan panjang tampilannya untuk lebar kolom."""
    if _kosong(x):
        return 0
    if k.jenis != "teks":
        try:
            angka = float(x)
        except (TypeError, ValueError):
            angka = None
        if angka is not None and math.isfinite(angka):
            sel.value = int(round(angka)) if k.jenis == "bulat" else angka
            sel.number_format = FORMAT_XLSX[k.jenis]
            return len(f"{angka:.2f}") if k.jenis == "persen" else len(f"{angka:g}")
        if angka is not None:
            return 0
    teks = ILLEGAL_CHARACTERS_RE.sub("", str(x))
    sel.value = teks
    if teks.startswith(AWALAN_RUMUS):
        # openpyxl menganggap teks berawalan '=' sebagai rumus: paksa menjadi teks.
        sel.data_type = "s"
        sel.quotePrefix = True
    return max((len(b) for b in teks.split("\n")), default=0)


def _lembar_data(ws, lembar: Lembar) -> None:
    daftar = _kolom(lembar.kolom)
    tebal = Font(bold=True)
    latar = PatternFill("solid", fgColor="DDE3EA")
    for j, (_, k) in enumerate(daftar, start=1):
        sel = ws.cell(row=1, column=j, value=k.judul)
        sel.font = tebal
        sel.fill = latar
        sel.alignment = Alignment(vertical="top", wrap_text=True)
    panjang = [len(k.judul) for _, k in daftar]
    bungkus = Alignment(vertical="top", wrap_text=True)
    atas = Alignment(vertical="top")
    nilai = [_nilai(lembar.data, s, k) for s, k in daftar]
    for i, baris in enumerate(zip(*nilai), start=2):
        for j, (x, (_, k)) in enumerate(zip(baris, daftar), start=1):
            sel = ws.cell(row=i, column=j)
            panjang[j - 1] = max(panjang[j - 1], _isi_sel(sel, x, k))
            sel.alignment = bungkus if k.bungkus else atas
    lebar = [k.lebar if k.lebar else min(max(panjang[j] + 2, 8), 60 if k.bungkus else 45)
             for j, (_, k) in enumerate(daftar)]
    for j, w in enumerate(lebar, start=1):
        ws.column_dimensions[get_column_letter(j)].width = w
    _tinggi_baris(ws, [k.bungkus for _, k in daftar], lebar)
    ws.freeze_panes = "A2"
    if daftar:
        ws.auto_filter.ref = f"A1:{get_column_letter(len(daftar))}{max(len(lembar.data) + 1, 1)}"
    cetak = [k.cetak for _, k in daftar]
    if cetak != sorted(cetak, reverse=True):
        raise ValueError(f"Lembar {lembar.nama}: kolom dengan cetak=False harus di akhir")
    dicetak = sum(cetak)
    if dicetak < len(daftar):
        ws.print_area = f"A1:{get_column_letter(dicetak)}{max(len(lembar.data) + 1, 1)}"
    _atur_cetak(ws, lebar[:dicetak])


TINGGI_BARIS = 15.0   # poin per baris teks pada huruf 11 pt


def jumlah_baris_teks(teks, lebar: float) -> int:
    """Perkiraan baris teks terbungkus di kolom selebar `lebar` karakter (dibulatkan ke atas,
    agar teks tidak terpotong)."""
    if teks is None:
        return 1
    per_baris = max(int(lebar) - 1, 1)
    return sum(max(math.ceil(len(b) / per_baris), 1) for b in str(teks).split("\n"))


def _tinggi_baris(ws, bungkus: list[bool], lebar: list[float]) -> None:
    """Tinggi baris eksplisit untuk sel terbungkus: LibreOffice (dan Excel saat mencetak dari
    berkas buatan program) tidak selalu menghitung ulang, sehingga teks menimpa baris berikutnya."""
    kolom = [j for j, b in enumerate(bungkus) if b]
    for baris in ws.iter_rows(min_row=1):
        n = max((jumlah_baris_teks(baris[j].value, lebar[j]) for j in kolom if baris[j].value is not None),
                default=1)
        if baris[0].row == 1:  # judul kolom juga dibungkus
            n = max(n, max(jumlah_baris_teks(c.value, lebar[c.column - 1]) for c in baris))
        if n > 1:
            ws.row_dimensions[baris[0].row].height = TINGGI_BARIS * n


# Cetak A4 melintang: huruf 11 pt diperkecil paling jauh ke 75% (sekitar 8 pt, batas huruf
# cetak yang masih terbaca). Lembar yang lebih lebar dicetak pada skala itu dan kolomnya
# berlanjut ke halaman berikutnya dengan kolom pertama (OPD) diulang; yang muat diperkecil
# selebar halaman.
SKALA_CETAK_MIN = 75          # persen
LEBAR_CETAK_PX = 950          # lebar cetak A4 melintang (297 mm - margin 2 x 0,7 in) pada 96 dpi
# Satu satuan lebar kolom dalam px saat dicetak: Excel 7 (lebar digit Calibri 11), LibreOffice
# diukur sekitar 9,2. Dipakai yang lebih lebar, agar skala cetak di keduanya tidak di bawah batas.
PX_PER_LEBAR = 9.2


def skala_muat(lebar: Sequence[float]) -> float:
    """Skala (persen) agar semua kolom muat selebar satu halaman A4 melintang."""
    return min(100.0, 100.0 * LEBAR_CETAK_PX / max(PX_PER_LEBAR * sum(lebar), 1.0))


def _atur_cetak(ws, lebar: Sequence[float]) -> None:
    """Siap cetak: A4 melintang, judul kolom diulang tiap halaman, nomor halaman di kaki;
    selebar satu halaman bila skalanya tidak di bawah SKALA_CETAK_MIN."""
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    if skala_muat(lebar) >= SKALA_CETAK_MIN:
        ws.page_setup.fitToWidth = 1
        ws.page_setup.fitToHeight = 0
        ws.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    else:
        ws.page_setup.scale = SKALA_CETAK_MIN
        ws.page_setup.pageOrder = "overThenDown"
        ws.print_title_cols = "A:A"
    ws.print_title_rows = "1:1"
    ws.oddFooter.center.text = "&A · halaman &P dari &N"


def ke_xlsx(lembar: Sequence[Lembar] | Lembar, keterangan: Sequence[tuple[str, str]] = ()) -> bytes:
    """XLSX (bytes): satu lembar per Lembar, lalu lembar "Keterangan" bila diberikan."""
    if isinstance(lembar, Lembar):
        lembar = [lembar]
    wb = Workbook()
    wb.remove(wb.active)
    wb.properties.creator = "Dasbor Kinerja OPD"
    dipakai: set[str] = set()
    for lb in lembar:
        _lembar_data(wb.create_sheet(_nama_lembar(lb.nama, dipakai)), lb)
    if keterangan:
        ket = pd.DataFrame(list(keterangan), columns=["kunci", "nilai"])
        _lembar_data(wb.create_sheet(_nama_lembar("Keterangan", dipakai)),
                     Lembar("Keterangan", ket, {"kunci": Kolom("Keterangan", lebar=28),
                                                "nilai": Kolom("Nilai", lebar=90, bungkus=True)}))
    if not wb.worksheets:
        wb.create_sheet("Data")
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def slug(teks: str, kecil: bool = True) -> str:
    """'Kabupaten Nusa Makmur' -> 'kabupaten-nusa-makmur' (ASCII, aman untuk nama berkas)."""
    ascii_ = unicodedata.normalize("NFKD", str(teks)).encode("ascii", "ignore").decode()
    if kecil:
        ascii_ = ascii_.lower()
    return re.sub(r"[^A-Za-z0-9]+", "-", ascii_).strip("-")


def nama_berkas(*bagian, ekstensi: str) -> str:
    """nama_berkas('di-bawah-target', 'kabupaten-nusa-makmur', 2026, 'TW3', ekstensi='csv')
    -> 'di-bawah-target_kabupaten-nusa-makmur_2026_TW3.csv'. Tiap bagian dibersihkan
    (huruf besar dipertahankan); bagian kosong dilewati."""
    bersih = [slug(str(b), kecil=False) for b in bagian if b is not None]
    return "_".join(b for b in bersih if b) + "." + ekstensi.lstrip(".")


MIME_CSV = "text/csv"
MIME_XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


# Kolom unduhan halaman Di Bawah Target (sumber: queries/di_bawah_target_unduhan.sql,
# indikator_na.sql, indikator_perlu_ditinjau.sql). Didefinisikan di sini agar halaman
# dan tes memakai pemetaan yang sama.
POLARITAS = {"naik": "makin tinggi makin baik", "turun": "makin rendah makin baik",
             "rentang": "rentang target"}
_KOLOM_OPD = {
    "kode_opd": Kolom("Kode OPD", lebar=24),
    "nama_opd": Kolom("Nama OPD", lebar=36, bungkus=True),
    "singkatan": Kolom("Singkatan", lebar=14),
}
_KOLOM_INDIKATOR = {
    "indikator_id": Kolom("Kode indikator", lebar=14),
    "indikator": Kolom("Indikator", lebar=45, bungkus=True),
    "tingkat": Kolom("Tingkat", lebar=10),
    "satuan": Kolom("Satuan", lebar=12),
    "polaritas": Kolom("Polaritas", lebar=24, peta=POLARITAS),
    "target": Kolom("Target", "angka"),
    "target_atas": Kolom("Target atas (rentang)", "angka"),
    "realisasi": Kolom("Realisasi", "angka"),
}
# Kolom yang dicetak dulu (OPD di kolom A, diulang bila lembar berlanjut ke kanan), kolom teknis
# di akhir tanpa dicetak.
KOLOM_DI_BAWAH_TARGET = {
    "singkatan": Kolom("OPD", lebar=13, bungkus=True),
    "capaian_opd": Kolom("Capaian OPD (%)", "persen", lebar=9),
    "kategori_opd": Kolom("Kategori OPD", lebar=15),
    "peringkat": Kolom("Peringkat OPD", "bulat", lebar=9),
    "indikator": Kolom("Indikator", lebar=34, bungkus=True),
    "satuan": Kolom("Satuan", lebar=10, bungkus=True),
    "target": Kolom("Target", "angka", lebar=9),
    "realisasi": Kolom("Realisasi", "angka", lebar=10),
    "capaian": Kolom("Capaian (%)", "persen", lebar=9),
    "kategori": Kolom("Kategori", lebar=15),
    "kendala": Kolom("Kendala", lebar=40, bungkus=True),
    "tindak_lanjut": Kolom("Tindak lanjut", lebar=40, bungkus=True),
    "target_atas": Kolom("Target atas (rentang)", "angka", lebar=12, cetak=False),
    "nama_opd": Kolom("Nama OPD", lebar=36, cetak=False),
    "kode_opd": Kolom("Kode OPD", lebar=24, cetak=False),
    "indikator_id": Kolom("Kode indikator", lebar=14, cetak=False),
    "tingkat": Kolom("Tingkat", lebar=10, cetak=False),
    "polaritas": Kolom("Polaritas", lebar=24, peta=POLARITAS, cetak=False),
    "capaian_dibatasi": Kolom("Capaian dibatasi (%)", "persen", cetak=False),
    "status": Kolom("Keterangan capaian", lebar=22, cetak=False),
    "tahun": Kolom("Tahun", "bulat", lebar=8, cetak=False),
    "triwulan": Kolom("Triwulan", "bulat", lebar=9, cetak=False),
}
KOLOM_INDIKATOR_NA = {**_KOLOM_OPD, **_KOLOM_INDIKATOR,
                      "status": Kolom("Alasan capaian n/a", lebar=22)}
KOLOM_PERLU_DITINJAU = {**_KOLOM_OPD, **_KOLOM_INDIKATOR,
                        "capaian": Kolom("Capaian (%)", "persen"),
                        "capaian_dibatasi": Kolom("Capaian dibatasi (%)", "persen"),
                        "kategori": Kolom("Kategori", lebar=15)}

# Jejak audit (Kelola Data): waktu sudah diformat Indonesia oleh pemanggil.
KOLOM_JEJAK_AUDIT = {
    "waktu": Kolom("Waktu", lebar=24),
    "pengguna": Kolom("Pengguna", lebar=30),
    "tindakan": Kolom("Tindakan", lebar=12),
    "rincian": Kolom("Rincian", lebar=60, bungkus=True),
    "asal": Kolom("Dari", lebar=28),
}
