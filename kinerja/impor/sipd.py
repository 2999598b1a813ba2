"""Pembantu bersama pembaca ekspor SIPD (LRA "Rekapitulasi Belanja" dan RAK).

Tanpa database dan tanpa streamlit: membuka berkas dengan aman, mencari judul
kolom, mengenali tingkat kode, membaca angka sel, membaca tahun dari judul, dan
memeriksa bahwa angka setiap tingkat sama dengan jumlah tingkat di bawahnya.
Berkas yang rusak tidak pernah menimbulkan exception: semuanya menjadi Masalah.
"""

from __future__ import annotations

import io
import re
import warnings
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Hashable, Iterable

import pandas as pd
from openpyxl import load_workbook
from openpyxl.utils import get_column_letter
from openpyxl.workbook.workbook import Workbook
from openpyxl.worksheet.worksheet import Worksheet

from kinerja.angka import AngkaTidakSah, baca_angka
from kinerja.format import BULAN, rupiah_penuh
from kinerja.impor.masalah import ImporGagal, Masalah
from kinerja.impor.template import TAHUN_MIN, karakter_kendali, kutip_kendali, tahun_maks, terlalu_panjang
from kinerja.kode import kode_opd_sah

JENIS_LRA = "sipd-lra"
JENIS_RAK = "sipd-rak"
TINGKAT_DATA = ("opd", "program", "kegiatan", "sub_kegiatan")
NAMA_TINGKAT = {"opd": "OPD", "program": "program", "kegiatan": "kegiatan",
                "sub_kegiatan": "sub kegiatan", "rekening": "rekening belanja"}
TOLERANSI = 1.0          # Rupiah: selisih pembulatan yang masih dianggap cocok
BARIS_CARI_JUDUL = 30    # judul kolom SIPD selalu di dekat puncak lembar

KOLOM_OPD = ["kode_opd", "nama_opd", "baris"]


@dataclass
class HasilSipd:
    jenis: str                 # 'sipd-lra' | 'sipd-rak'
    tahun: int | None
    nama_pemda: str | None
    opd: pd.DataFrame          # kode_opd, nama_opd, baris
    rinci: pd.DataFrame        # lihat sipd_lra / sipd_rak
    bulan_tersedia: list[int]
    masalah: list[Masalah]     # tidak kosong => berkas tidak boleh dimuat
    catatan: list[str]

    @property
    def sah(self) -> bool:
        return not self.masalah


# ---------------------------------------------------------------- pencatat

class Pencatat:
    """Mengumpulkan masalah dan catatan satu berkas; catatan berkunci hanya sekali."""

    def __init__(self, berkas: str, lembar: str = ""):
        self.berkas = berkas
        self.lembar = lembar
        self.masalah: list[Masalah] = []
        self.catatan: list[str] = []
        self._sudah: set[Hashable] = set()

    def salah(self, pesan: str, baris: int | None = None, kolom: str | None = None,
              nilai: object = None, kunci: Hashable | None = None) -> None:
        """Satu masalah; dengan kunci, masalah yang sama hanya dicatat di tempat pertamanya."""
        if kunci is not None:
            if ("salah", kunci) in self._sudah:
                return
            self._sudah.add(("salah", kunci))
        self.masalah.append(Masalah(self.berkas, self.lembar, baris, kolom, teks_nilai(nilai), pesan))

    def catat(self, teks: str, kunci: Hashable | None = None) -> None:
        if kunci is not None:
            if kunci in self._sudah:
                return
            self._sudah.add(kunci)
        self.catatan.append(f"{self.berkas}: {teks}")

    def uang(self, nilai: object, baris: int, kolom: int, nama: str) -> float | None:
        """Angka Rupiah dari sel; None (dengan masalah) bila tidak terbaca.

        SIPD mengisi nol sebagai '0,00'; '-' atau sel kosong tidak punya arti lain
        selain nol, jadi dibaca 0 dengan catatan sekali saja.
        """
        huruf = get_column_letter(kolom)
        if nilai is None or (isinstance(nilai, str) and not nilai.strip()):
            self.catat(f"sel kosong di kolom angka dibaca sebagai 0 (pertama: {huruf}{baris})", "kosong")
            return 0.0
        if isinstance(nilai, str):
            t = nilai.strip()
            if t in ("-", "--", "–", "—"):
                self.catat(f"sel '-' di kolom angka dibaca sebagai 0 (pertama: {huruf}{baris})", "strip")
                return 0.0
            if "%" in t:
                self.salah(f"kolom '{nama}' harus berisi Rupiah, bukan persen", baris, huruf, nilai)
                return None
            if _ILMIAH.search(t):
                self.catat(f"angka bergaya ilmiah dari Excel ('{t}' di {huruf}{baris}) dibaca "
                           "apa adanya; ketelitian sampai Rupiah mungkin hilang, periksa dengan SIPD",
                           ("ilmiah", baris, kolom))
        try:
            angka = baca_angka(nilai, desimal=",")
        except AngkaTidakSah:
            self.salah(f"kolom '{nama}' harus berisi angka Rupiah (mis. 10.373.024.900,00 "
                       "atau 10373024900)", baris, huruf, nilai)
            return None
        if angka is None:  # '#N/A', '#REF!' ...: rumus rusak, bukan nol dari SIPD
            self.salah(f"kolom '{nama}' berisi '{nilai}', bukan angka; ekspor ulang dari SIPD "
                       "atau perbaiki rumusnya", baris, huruf, nilai)
        return angka


_ILMIAH = re.compile(r"\d[eE][+-]?\d")


def angka_longgar(nilai: object) -> float | None:
    """Angka untuk baris yang tidak dimuat (rekening): nol bila kosong, None bila tak terbaca."""
    if nilai is None or teks_sel(nilai) in ("", "-"):
        return 0.0
    try:
        return baca_angka(nilai, desimal=",")
    except AngkaTidakSah:
        return None


def teks_nilai(nilai: object) -> str | None:
    if isinstance(nilai, float) and nilai.is_integer():
        return str(int(nilai))  # Rupiah bulat tanpa '.0'
    return None if nilai is None else str(nilai)


# ---------------------------------------------------------------- membuka berkas

_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_SANDI = "EncryptionInfo".encode("utf-16-le")
_XLS = ("Workbook".encode("utf-16-le"), "Book".encode("utf-16-le"))
PESAN_SANDI = ("Berkas terlindungi kata sandi; buka di Excel, simpan tanpa kata sandi, "
               "lalu unggah lagi")
PESAN_XLS = ("Berkas berformat Excel lama (.xls); buka di Excel, simpan sebagai "
             "Buku Kerja Excel (.xlsx), lalu unggah lagi")
PESAN_OLE = ("Berkas berformat Excel lama (.xls) atau terlindungi kata sandi; buka di Excel, "
             "simpan sebagai .xlsx tanpa kata sandi, lalu unggah lagi")
PESAN_TERPOTONG = ("Berkas .xlsx rusak atau terpotong (unduhan atau unggahan tidak selesai?); "
                   "unduh ulang dari SIPD lalu unggah lagi")


def buka_buku(path: Path) -> tuple[Workbook | None, str | None]:
    """Buku kerja, atau pesan untuk pengguna mengapa berkas tidak bisa dibaca."""
    try:
        data = Path(path).read_bytes()
    except OSError as e:
        return None, f"Berkas tidak dapat dibuka ({e.strerror or e})"
    pesan = _periksa_isi(data)
    if pesan:
        return None, pesan
    try:
        from kinerja.impor.berkas import pesan_terlalu_mengembang

        with zipfile.ZipFile(io.BytesIO(data)) as z:
            if pesan := pesan_terlalu_mengembang(z):
                return None, pesan[0].upper() + pesan[1:]
    except zipfile.BadZipFile:
        return None, PESAN_TERPOTONG
    try:
        # BytesIO: openpyxl menolak nama berakhiran selain .xlsx, padahal isinya yang menentukan.
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            wb = load_workbook(io.BytesIO(data), read_only=False, data_only=True)
    except zipfile.BadZipFile:
        return None, PESAN_TERPOTONG
    except KeyError:
        return None, "Berkas adalah arsip ZIP tetapi bukan buku kerja Excel (.xlsx)"
    except Exception as e:  # noqa: BLE001 - berkas unggahan tidak boleh menjatuhkan aplikasi
        return None, (f"Berkas .xlsx tidak dapat dibaca ({type(e).__name__}); buka di Excel, "
                      "simpan ulang sebagai .xlsx, lalu unggah lagi")
    return wb, None


def _periksa_isi(data: bytes) -> str | None:
    """Kenali dari beberapa byte pertama berkas yang jelas bukan .xlsx."""
    if not data:
        return "Berkas kosong (0 byte); unggah ulang berkas hasil ekspor SIPD"
    if data.startswith(_OLE):
        if _SANDI in data:
            return PESAN_SANDI
        if any(x in data for x in _XLS):
            return PESAN_XLS
        return PESAN_OLE
    if data.startswith(b"PK"):
        return None
    awal = data[:4096]
    if b"\x00" not in awal:
        teks = awal.decode("utf-8", errors="replace").lstrip("\ufeff \r\n\t").lower()
        if teks.startswith(("<!doctype html", "<html", "<table", "<?xml")):
            return ("Berkas ini halaman HTML/XML yang diberi akhiran Excel, bukan .xlsx; buka di "
                    "Excel, simpan sebagai .xlsx, lalu unggah lagi")
        return ("Berkas ini teks biasa (mungkin CSV) yang diberi akhiran .xlsx, bukan buku kerja "
                "Excel; ekspor ulang dari SIPD dalam format Excel")
    return "Berkas bukan buku kerja Excel (.xlsx) yang dikenali"


# ---------------------------------------------------------------- sel dan kode

def teks_sel(nilai: object) -> str:
    """Teks sel dengan spasi dirapikan ('Uraian\\n Urusan' -> 'Uraian Urusan')."""
    if nilai is None:
        return ""
    return " ".join(str(nilai).split())


def norma(nilai: object) -> str:
    return teks_sel(nilai).casefold()


def kode_sel(nilai: object) -> str:
    """Kode dari sel; kode yang tersimpan sebagai angka dirapikan (2.2 -> '2.20')."""
    if nilai is None or isinstance(nilai, bool):
        return teks_sel(nilai)
    if isinstance(nilai, int):
        return str(nilai)
    if isinstance(nilai, float):
        return str(int(nilai)) if nilai.is_integer() else f"{nilai:.2f}"
    return "".join(str(nilai).split())


_POLA_KODE = [
    ("sub_kegiatan", re.compile(r"^\d\.\d{2}\.\d{2}\.\d\.\d{2}\.\d{4}$")),
    ("kegiatan", re.compile(r"^\d\.\d{2}\.\d{2}\.\d\.\d{2}$")),
    ("program", re.compile(r"^\d\.\d{2}\.\d{2}$")),
    ("bidang", re.compile(r"^\d\.\d{2}$")),
    ("urusan", re.compile(r"^\d$")),
    # rekening belanja: 5.1.02.01.001.00024 dan induknya (bagian kedua satu angka)
    ("rekening", re.compile(r"^\d\.\d(\.\d{2}(\.\d{2}(\.\d{3}(\.\d{5})?)?)?)?$")),
]


def tingkat_kode(kode: str) -> str | None:
    """'opd', 'program', 'kegiatan', 'sub_kegiatan', 'urusan', 'bidang', 'rekening' atau None."""
    if kode_opd_sah(kode):
        return "opd"
    for tingkat, pola in _POLA_KODE:
        if pola.match(kode):
            return tingkat
    return None


def pesan_kode_asing(kode: str) -> str:
    if kode.count(".") >= 6:  # tujuh bagian atau lebih: hanya kode OPD sepanjang itu
        return "kode OPD harus berbentuk X.XX.X.XX.X.XX.NN.NNNN (mis. 2.16.2.20.2.21.01.0000)"
    return ("kode tidak dikenali; yang diharapkan kode OPD X.XX.X.XX.X.XX.NN.NNNN, program "
            "X.XX.NN, kegiatan X.XX.NN.N.NN, sub kegiatan X.XX.NN.N.NN.NNNN, atau rekening 5.x")


def golongkan(kode: list[tuple[int, str]], baris: int, catat: Pencatat) -> dict[str, tuple[int, str]] | None:
    """{tingkat: (kolom, kode)} untuk kode-kode satu baris; None (dengan masalah) bila ada yang asing."""
    hasil = {}
    for c, k in kode:
        tingkat = tingkat_kode(k)
        if tingkat is None:
            # kode yang sama biasanya terulang di setiap baris bagiannya: cukup sekali
            catat.salah(pesan_kode_asing(k), baris, get_column_letter(c), k, kunci=("kode", k))
            return None
        hasil[tingkat] = (c, k)
    return hasil


def tingkat_terdalam(golongan: dict[str, tuple[int, str]]) -> str | None:
    """Tingkat data terdalam di baris (sub kegiatan > kegiatan > program > OPD)."""
    return next((t for t in reversed(TINGKAT_DATA) if t in golongan), None)


def kode_induk(kode: str, tingkat: str) -> tuple[str, str] | None:
    """Tingkat dan kode induk langsung: kegiatan -> program, sub kegiatan -> kegiatan."""
    bagian = kode.split(".")
    if tingkat == "kegiatan":
        return "program", ".".join(bagian[:3])
    if tingkat == "sub_kegiatan":
        return "kegiatan", ".".join(bagian[:5])
    return None


# ---------------------------------------------------------------- lembar dan judul

class Lembar:
    """Isi satu lembar per baris (nomor baris Excel mulai 1), sadar sel gabungan.

    Hanya sel yang berisi yang disimpan: ws.iter_rows() membuat sel untuk seluruh persegi
    panjang sampai sel terjauh, sehingga satu sel nyasar di baris 1.048.576 berarti jutaan
    sel (menit dan gigabita). baris_maks: baca bagian atas saja (untuk mengenali jenis lembar).
    """

    def __init__(self, ws: Worksheet, baris_maks: int | None = None):
        self.ws = ws
        self.judul = ws.title
        self._isi: dict[int, dict[int, object]] = {}
        for r, c, v in _sel_berisi(ws, baris_maks):
            self._isi.setdefault(r, {})[c] = v
        self._isi = {r: dict(sorted(isi.items())) for r, isi in sorted(self._isi.items())}
        self._gabung: dict[tuple[int, int], tuple[int, int, int, int]] = {}
        kolom_maks = max((max(isi) for isi in self._isi.values()), default=0)
        for rg in ws.merged_cells.ranges:
            if rg.min_row > BARIS_CARI_JUDUL + 10:  # gabungan di badan data tak perlu dipetakan
                continue
            # hanya bagian yang dapat berisi: gabungan A1:XFD1048576 tidak dipetakan sel demi sel
            for r in range(rg.min_row, min(rg.max_row, BARIS_CARI_JUDUL + 10) + 1):
                for c in range(rg.min_col, min(rg.max_col, kolom_maks) + 1):
                    self._gabung[(r, c)] = (rg.min_row, rg.min_col, rg.max_row, rg.max_col)

    @property
    def baris_maks(self) -> int:
        return next(reversed(self._isi), 0)

    def baris_berisi(self, dari: int = 1) -> list[int]:
        """Nomor baris yang memuat sel berisi, urut, mulai baris `dari`."""
        return [r for r in self._isi if r >= dari]

    def sel(self, r: int, c: int) -> object:
        return self._isi.get(r, {}).get(c)

    def sel_gabung(self, r: int, c: int) -> object:
        """Nilai sel; untuk sel di dalam gabungan, nilai sel kiri-atasnya."""
        rg = self._gabung.get((r, c))
        return self.sel(rg[0], rg[1]) if rg else self.sel(r, c)

    def rentang(self, r: int, c: int) -> tuple[int, int, int, int]:
        """(baris_awal, kolom_awal, baris_akhir, kolom_akhir) gabungan yang memuat sel."""
        return self._gabung.get((r, c), (r, c, r, c))

    def isi_baris(self, r: int) -> dict[int, object]:
        """Sel berisi pada baris r: {kolom: nilai}."""
        return {c: v for c, v in self._isi.get(r, {}).items()
                if not (isinstance(v, str) and not v.strip())}

    def cari(self, cocok: Callable[[str], bool], dari: int = 1,
             sampai: int = BARIS_CARI_JUDUL) -> list[tuple[int, int]]:
        """(baris, kolom) sel yang teksnya (huruf kecil) memenuhi cocok, urut baris."""
        hasil = []
        for r in range(max(dari, 1), min(sampai, self.baris_maks) + 1):
            for c, v in self.isi_baris(r).items():
                if isinstance(v, str) and cocok(norma(v)):
                    hasil.append((r, c))
        return hasil


def _sel_berisi(ws: Worksheet, baris_maks: int | None) -> Iterable[tuple[int, int, object]]:
    """(baris, kolom, nilai) setiap sel yang bernilai, tanpa membuat sel kosong."""
    # openpyxl 3.1 (buku dibuka bukan read_only, lihat buka_buku): ws._cells = {(baris, kolom):
    # Cell}, hanya sel yang ada di berkas (seperti _Lembar di templat_xlsx).
    for (r, c), s in ws._cells.items():
        if s.value is not None and (baris_maks is None or r <= baris_maks):
            yield r, c, s.value


def melebihi_batas_baris(lembar: Lembar, mulai: int, catat: Pencatat) -> bool:
    """True (dengan masalah yang menyebut batasnya) bila lembar berisi lebih banyak baris data
    di bawah judul kolom (mulai baris `mulai`) daripada kinerja.lokasi.batas_baris."""
    from kinerja.impor.berkas import batas_baris_impor, pesan_terlalu_banyak_baris

    try:
        batas = batas_baris_impor(catat.berkas)
    except ImporGagal as e:
        for m in e.masalah:
            catat.salah(m.pesan)
        return True
    jumlah = 0
    for r in lembar.baris_berisi(mulai):
        jumlah += bool(lembar.isi_baris(r))
        if jumlah > batas:
            catat.salah(pesan_terlalu_banyak_baris(batas))
            return True
    return False


def baris_penomoran(lembar: Lembar, r: int) -> bool:
    """Baris '1', '2', '3', ... di bawah judul kolom SIPD."""
    isi = [teks_sel(v) for v in lembar.isi_baris(r).values()]
    if len(isi) < 3 or not all(t.isdigit() for t in isi):
        return False
    angka = [int(t) for t in isi]
    return angka[0] == 1 and angka == sorted(angka)


def kolom_lebih(lembar: Lembar, dipakai: set[int], mulai: int, catat: Pencatat) -> None:
    """Kolom berisi di luar tata letak SIPD (mis. rasio buatan staf): diabaikan dengan catatan."""
    lebih: dict[int, list[int]] = {}
    for r in lembar.baris_berisi(mulai):
        for c in lembar.isi_baris(r):
            if c not in dipakai:
                lebih.setdefault(c, []).append(r)
    for c, rs in sorted(lebih.items()):
        huruf = get_column_letter(c)
        contoh = f"{huruf}{rs[0]} = {teks_sel(lembar.sel(rs[0], c))[:30]!r}"
        catat.catat(f"lembar '{lembar.judul}': kolom {huruf} diabaikan, bukan bagian dari ekspor "
                    f"SIPD ({len(rs)} sel berisi, mis. {contoh})")


def teks_judul(lembar: Lembar, sampai: int) -> list[tuple[int, str]]:
    """(baris, teks) baris judul di atas judul kolom."""
    hasil = []
    for r in range(1, sampai):
        teks = " ".join(teks_sel(v) for v in lembar.isi_baris(r).values() if teks_sel(v))
        if teks:
            hasil.append((r, teks))
    return hasil


_TAHUN = re.compile(r"\bTAHUN(?:\s+ANGGARAN)?\s*:?\s*(\d{4})\b", re.IGNORECASE)
_PEMDA = re.compile(
    r"\b((?:PEMERINTAH\s+)?(?:KABUPATEN|KAB\.|KOTA|PROVINSI|PROV\.)\s*\S.*?)"
    r"(?=\s+(?:PERGESERAN|PERUBAHAN|MURNI|APBD|TAHUN|DINAS|BADAN|SEKRETARIAT|INSPEKTORAT|"
    r"KECAMATAN|RSUD|SATUAN)\b|\s*$)", re.IGNORECASE)


def baca_tahun(judul: list[tuple[int, str]], baris_kolom: int, catat: Pencatat) -> int | None:
    """Tahun anggaran dari baris judul ('TAHUN ANGGARAN 2026', '... APBD TAHUN 2026 ...')."""
    for r, teks in judul:
        m = _TAHUN.search(teks)
        if m:
            tahun = int(m.group(1))
            if not TAHUN_MIN <= tahun <= tahun_maks():
                catat.salah(f"tahun anggaran {tahun} di luar rentang yang sah "
                            f"({TAHUN_MIN}-{tahun_maks()})", r, None, teks)
                return None
            return tahun
    akhir = max(baris_kolom - 1, 1)
    catat.salah(f"tahun anggaran tidak ditemukan di judul (baris 1-{akhir}); yang diharapkan "
                "mis. 'TAHUN ANGGARAN 2026'", 1, None, judul[0][1] if judul else None)
    return None


def baca_pemda(judul: list[tuple[int, str]]) -> str | None:
    """'KAB. LAMPUNG SELATAN' dari baris judul, bila ada."""
    for _, teks in judul:
        m = _PEMDA.search(teks)
        if m:
            return m.group(1).strip().upper()
    return None


# ---------------------------------------------------------------- mengenali jenis lembar

_NAMA_BULAN = {b.casefold(): i + 1 for i, b in enumerate(BULAN)}
_NAMA_BULAN.update({"jan": 1, "feb": 2, "peb": 2, "mar": 3, "apr": 4, "mei": 5, "jun": 6,
                    "jul": 7, "agu": 8, "agt": 8, "ags": 8, "agust": 8, "agustus": 8,
                    "sep": 9, "sept": 9, "okt": 10, "nov": 11, "nop": 11, "des": 12,
                    "pebruari": 2, "nopember": 11})
_BULAN_SEL = re.compile(r"^(?:bulan\s+)?([a-z]+)\.?(?:\s+\d{4})?$")


def bulan_dari_judul(teks: str) -> int | None:
    """Nomor bulan bila seluruh teks judul kolom adalah nama bulan ('Januari', 'Jan 2026')."""
    m = _BULAN_SEL.match(teks)
    return _NAMA_BULAN.get(m.group(1)) if m else None


def judul_lra(lembar: Lembar) -> tuple[int, int] | None:
    """Sel judul 'Kelompok Belanja' LRA."""
    sel = lembar.cari(lambda t: t.startswith("kelompok belanja"))
    return sel[0] if sel else None


def judul_rak(lembar: Lembar) -> int | None:
    """Baris judul RAK: 'Kode Rekening' (atau 'Kode') bersama nama bulan."""
    for r, c in lembar.cari(lambda t: t.startswith("kode")):
        akhir = lembar.rentang(r, c)[2]   # judul dua baris: bulan di bawah 'Rencana Penarikan'
        if any(isinstance(v, str) and bulan_dari_judul(norma(v))
               for rr in range(r, akhir + 1) for v in lembar.isi_baris(rr).values()):
            return r
    return None


def lembar_kerja(wb: Workbook) -> Iterable[Lembar]:
    """Bagian atas setiap lembar, untuk mengenali jenisnya."""
    for ws in wb.worksheets:
        yield Lembar(ws, BARIS_CARI_JUDUL)


def pilih_lembar(wb: Workbook, cocok: Callable[[Lembar], object], catat: Pencatat) -> Worksheet | None:
    """Lembar pertama yang cocok; lembar lain diabaikan dengan catatan yang menyebut namanya."""
    terpilih = None
    lain = []
    for atas in lembar_kerja(wb):
        if terpilih is None and cocok(atas):
            terpilih = atas.ws
        else:
            sembunyi = " (tersembunyi)" if atas.ws.sheet_state != "visible" else ""
            lain.append(f"'{atas.judul}'{sembunyi}")
    if terpilih is not None and lain:
        catat.catat(f"lembar lain diabaikan (bukan tabel ekspor SIPD): {', '.join(lain)}")
    return terpilih


def tampak_seperti(wb: Workbook) -> str | None:
    """'lra' atau 'rak' bila salah satu lembar tampak seperti ekspor SIPD itu."""
    for atas in lembar_kerja(wb):
        if judul_lra(atas):
            return "lra"
        if judul_rak(atas):
            return "rak"
    return None


# ---------------------------------------------------------------- susunan OPD, program, ...

@dataclass
class Simpul:
    """Satu baris OPD/program/kegiatan/sub kegiatan dengan angkanya."""
    tingkat: str
    kode: str
    uraian: str
    kode_opd: str
    bidang: str | None
    baris: int
    bagian: int                              # OPD bisa muncul sekali per bidang: tiap kemunculan satu bagian
    nilai: dict[Hashable, float | None]
    kolom: str = ""                          # huruf kolom kodenya, untuk menunjuk tempat masalah
    akun: list[tuple[str, dict[Hashable, float | None]]] = field(default_factory=list)

    @property
    def utuh(self) -> bool:
        return all(v is not None for v in self.nilai.values())


class Penyusun:
    """Menempelkan setiap baris ke OPD di atasnya dan mengenali baris ganda.

    Bagian baru dimulai di setiap baris OPD; baris urusan/bidang menutup bagian,
    sehingga program tanpa baris OPD di atasnya ketahuan.
    """

    def __init__(self, catat: Pencatat):
        self.catat = catat
        self.simpul: list[Simpul] = []
        self.bidang: str | None = None
        self._opd: Simpul | None = None
        self._sub: Simpul | None = None
        self._dilihat: dict[str, Simpul] = {}
        self._terakhir: Simpul | None = None
        self._ganda: list[str] = []
        self._tanpa_kode: list[int] = []
        self._bagian = 0
        self._tolak = False             # baris OPD terakhir ditolak: anak-anaknya ikut dilewati
        self.rusak: set[int] = set()    # bagian dengan baris yang ditolak: jumlahnya tak diperiksa
        self.daerah: list[tuple[str, str, int, dict]] = []   # baris urusan, bidang, jumlah

    def wilayah(self, tingkat: str, kode: str, baris: int, nilai: dict) -> None:
        """Baris urusan, bidang atau jumlah: tidak dimuat, angkanya untuk pemeriksaan."""
        self.daerah.append((tingkat, kode, baris, nilai))
        if tingkat == "bidang":
            self.bidang = kode
        self._opd = self._sub = self._terakhir = None
        self._tolak = False

    def tolak(self) -> None:
        """Baris ini ditolak (kode asing): jangan menambah masalah turunan karenanya."""
        if self._opd is None:
            self._tolak = True
        else:
            self.rusak.add(self._bagian)

    def opd(self, kode: str, uraian: str, baris: int, nilai: dict, kolom: str) -> None:
        lama = self._terakhir
        if lama is not None and lama.tingkat == "opd" and lama.kode == kode:
            self._sama(lama, uraian, baris, nilai, kolom)
            return
        self._bagian += 1
        self._tolak = False
        s = Simpul("opd", kode, uraian, kode, self.bidang, baris, self._bagian, nilai, kolom)
        self._opd, self._sub, self._dilihat = s, None, {}
        self._tambah(s)

    def anak(self, tingkat: str, kode: str, uraian: str, baris: int, nilai: dict,
             kolom: str, kode_opd: tuple[str, str] | None = None) -> None:
        """Program/kegiatan/sub kegiatan di bawah OPD terakhir; kode_opd = (kolom, kode) bila
        barisnya sendiri memuat kode OPD (LRA)."""
        if self._opd is None:
            if self._tolak:
                return
            # sekali per bagian bidang: semua baris sesudahnya punya masalah yang sama
            self.catat.salah(f"{NAMA_TINGKAT[tingkat]} {kode} tidak punya baris OPD di atasnya "
                             "(ekspor terpotong atau baris OPD terhapus?)", baris, kolom, kode,
                             kunci=("tanpa opd", len(self.daerah)))
            return
        if kode_opd and kode_opd[1] != self._opd.kode:
            self.catat.salah(f"{NAMA_TINGKAT[tingkat]} {kode} bertanda OPD {kode_opd[1]}, tetapi baris "
                             f"OPD di atasnya adalah {self._opd.kode} (baris {self._opd.baris})",
                             baris, kode_opd[0], kode_opd[1], kunci=("opd lain", kode_opd[1], self._bagian))
            self.rusak.add(self._bagian)
            return
        if kode in self._dilihat:
            self._sama(self._dilihat[kode], uraian, baris, nilai, kolom)
            return
        s = Simpul(tingkat, kode, uraian, self._opd.kode, self.bidang, baris, self._bagian, nilai, kolom)
        self._sub = s if tingkat == "sub_kegiatan" else None
        self._tambah(s)

    def rekening(self, kode: str, nilai: dict) -> None:
        """Baris rekening tidak dimuat; hanya dijumlah untuk memeriksa sub kegiatan di atasnya."""
        if self._sub is not None:
            self._sub.akun.append((kode, nilai))

    def tanpa_kode(self, baris: int) -> None:
        """Baris berisi tanpa kode (tanda tangan, keterangan buatan staf): tidak dimuat."""
        self._tanpa_kode.append(baris)

    def periksa(self, label: dict) -> None:
        """Setiap tingkat = jumlah tingkat di bawahnya. Pemeriksaan urusan/bidang/jumlah hanya
        bila belum ada masalah: satu angka yang diubah cukup dilaporkan sekali."""
        periksa_jumlah(self.simpul, label, self.catat, self.rusak)
        if not self.rusak and not self.catat.masalah:
            periksa_wilayah(self.simpul, self.daerah, label, self.catat)

    def selesai(self) -> list[Simpul]:
        if self._ganda:
            self.catat.catat("baris ganda yang sama persis dilewati: " + "; ".join(self._ganda))
        if self._tanpa_kode:
            daftar = ", ".join(map(str, self._tanpa_kode[:10]))
            lagi = f" dan {len(self._tanpa_kode) - 10} lainnya" if len(self._tanpa_kode) > 10 else ""
            self.catat.catat(f"baris tanpa kode diabaikan: {daftar}{lagi}")
        return self.simpul

    def _tambah(self, s: Simpul) -> None:
        # uraian OPD menjadi nama_opd (batas nama), uraian lain disimpan sebagai nama program dst.
        kendali = karakter_kendali(s.uraian)
        pesan = kendali or terlalu_panjang("nama_opd" if s.tingkat == "opd" else "uraian", s.uraian)
        if pesan:
            self.catat.salah(f"uraian {NAMA_TINGKAT.get(s.tingkat, s.tingkat)} {s.kode} {pesan}", s.baris,
                             "Uraian", kutip_kendali(s.uraian) if kendali else s.uraian)
        self.simpul.append(s)
        self._dilihat[s.kode] = s
        self._terakhir = s

    def _sama(self, lama: Simpul, uraian: str, baris: int, nilai: dict, kolom: str) -> None:
        if uraian == lama.uraian and nilai == lama.nilai:
            self._ganda.append(f"baris {baris} (sama dengan baris {lama.baris}, {lama.kode})")
            return
        self.catat.salah(f"kode {lama.kode} muncul lagi di bawah OPD yang sama dengan isi berbeda "
                         f"(lihat baris {lama.baris}); hapus salah satu", baris, kolom, lama.kode)


# ---------------------------------------------------------------- pemeriksaan jumlah

def periksa_jumlah(simpul: list[Simpul], label: dict[Hashable, tuple[str, str]],
                   catat: Pencatat, lewati: set[int] = frozenset()) -> None:
    """Angka setiap baris = jumlah baris di bawahnya (OPD = jumlah program, dst.).

    label: kunci nilai -> (huruf kolom, nama kolom). Menangkap ekspor yang terpotong
    dan angka yang diubah tangan.
    """
    simpul = [s for s in simpul if s.bagian not in lewati]
    per_bagian: dict[int, dict[tuple[str, str], Simpul]] = {}
    for s in simpul:
        per_bagian.setdefault(s.bagian, {})[(s.tingkat, s.kode)] = s
    anak: dict[int, list[Simpul]] = {}
    for s in simpul:
        induk = _induk(s, per_bagian[s.bagian], catat)
        if induk is not None:
            anak.setdefault(id(induk), []).append(s)
    for s in simpul:
        if s.tingkat == "sub_kegiatan":
            _cocokkan_rekening(s, label, catat)
        elif s.utuh and all(a.utuh for a in anak.get(id(s), [])):
            jumlah = _jumlahkan([a.nilai for a in anak.get(id(s), [])], s.nilai)
            _bandingkan(s, jumlah, _JAMAK[s.tingkat], label, catat)


_JAMAK = {"opd": "program", "program": "kegiatan", "kegiatan": "sub kegiatan"}


def _induk(s: Simpul, bagian: dict[tuple[str, str], Simpul], catat: Pencatat) -> Simpul | None:
    if s.tingkat == "opd":
        return None
    if s.tingkat == "program":
        return bagian.get(("opd", s.kode_opd))
    tingkat, kode = kode_induk(s.kode, s.tingkat)
    induk = bagian.get((tingkat, kode))
    if induk is None:
        catat.salah(f"{NAMA_TINGKAT[s.tingkat]} {s.kode} tidak punya baris {NAMA_TINGKAT[tingkat]} "
                    f"{kode} di atasnya pada OPD yang sama", s.baris, s.kolom, s.kode)
    return induk


def _cocokkan_rekening(s: Simpul, label: dict, catat: Pencatat) -> None:
    """Sub kegiatan = jumlah rekening teratas di bawahnya (bila ekspor memuat rekening)."""
    if not s.akun or not s.utuh:
        return
    if any(v is None for _, nilai in s.akun for v in nilai.values()):
        catat.catat(f"baris {s.baris}: angka rekening di bawah sub kegiatan {s.kode} tidak "
                    "terbaca; pemeriksaan jumlah rekening dilewati")
        return
    teratas = min(k.count(".") for k, _ in s.akun)
    jumlah = _jumlahkan([n for k, n in s.akun if k.count(".") == teratas], s.nilai)
    _bandingkan(s, jumlah, "rekening belanja", label, catat)


def _jumlahkan(daftar: list[dict], contoh: dict) -> dict:
    return {k: sum(d.get(k) or 0.0 for d in daftar) for k in contoh}


def _bandingkan(s: Simpul, jumlah: dict, anak: str, label: dict, catat: Pencatat) -> None:
    for k, v in s.nilai.items():
        if abs(v - jumlah[k]) > TOLERANSI:
            huruf, nama = label[k]
            catat.salah(f"jumlah tidak cocok di kolom '{nama}': baris {NAMA_TINGKAT[s.tingkat]} "
                        f"{s.kode} berisi {rupiah_penuh(v)}, sedangkan jumlah {anak} di bawahnya "
                        f"{rupiah_penuh(jumlah[k])} (selisih {rupiah_penuh(v - jumlah[k])}); "
                        "ekspor terpotong atau angkanya diubah?", s.baris, huruf, v)


_URUTAN_WILAYAH = {"jumlah": 0, "urusan": 1, "bidang": 2}


def periksa_wilayah(simpul: list[Simpul], wilayah: list[tuple[str, str, int, dict]],
                    label: dict, catat: Pencatat) -> None:
    """Baris urusan, bidang dan 'Jumlah' = jumlah baris OPD di bawahnya.

    Menangkap ekspor yang terpotong tepat di batas bagian OPD, yang lolos dari
    pemeriksaan OPD = jumlah program.
    """
    opd = [s for s in simpul if s.tingkat == "opd"]
    for i, (tingkat, kode, baris, nilai) in enumerate(wilayah):
        if any(v is None for v in nilai.values()):
            continue
        akhir = next((w[2] for w in wilayah[i + 1:]
                      if _URUTAN_WILAYAH[w[0]] <= _URUTAN_WILAYAH[tingkat]), float("inf"))
        di_bawah = [s for s in opd if (tingkat == "jumlah" or baris < s.baris < akhir)]
        if not all(s.utuh for s in di_bawah):
            continue
        jumlah = _jumlahkan([s.nilai for s in di_bawah], nilai)
        nama_baris = f"{tingkat} {kode}".strip()
        for k, v in nilai.items():
            if abs(v - jumlah[k]) > TOLERANSI:
                huruf, nama = label[k]
                catat.salah(f"jumlah tidak cocok di kolom '{nama}': baris {nama_baris} berisi "
                            f"{rupiah_penuh(v)}, sedangkan jumlah baris OPD di bawahnya "
                            f"{rupiah_penuh(jumlah[k])}; ekspor terpotong?", baris, huruf, v)


_TOTAL = re.compile(r"^(jumlah|total|grand total)\b")


def baris_total(uraian: str) -> bool:
    return bool(_TOTAL.match(uraian.casefold()))


def hasil_gagal(jenis: str, kolom_rinci: list[str], catat: Pencatat,
                pesan: str | None = None) -> HasilSipd:
    """Hasil tanpa data: masalah yang sudah tercatat, ditambah pesan tingkat berkas bila ada."""
    if pesan:
        catat.salah(pesan)
    return HasilSipd(jenis, None, None, pd.DataFrame(columns=KOLOM_OPD),
                     pd.DataFrame(columns=kolom_rinci), [], catat.masalah, catat.catatan)


def gabung_opd(simpul: list[Simpul], catat: Pencatat) -> list[Simpul]:
    """Satu baris OPD per kode OPD: jumlah semua bagian bidangnya.

    SIPD menulis baris OPD sekali per bidang urusan yang dicakupnya (Diskominfo di
    bawah 2.16, 2.20 dan 2.21), masing-masing hanya berisi angka bidang itu. Pagu OPD
    adalah jumlah semuanya; angka per bidang tetap terbaca dari baris program
    (kode program diawali kode bidangnya).
    """
    per_kode: dict[str, list[Simpul]] = {}
    for s in simpul:
        if s.tingkat == "opd":
            per_kode.setdefault(s.kode, []).append(s)
    hasil = []
    for s in simpul:
        if s.tingkat != "opd":
            hasil.append(s)
        elif s is per_kode[s.kode][0]:
            hasil.append(_jumlah_bagian(per_kode[s.kode]))
    _catat_gabungan([b for b in per_kode.values() if len(b) > 1], catat)
    _periksa_kode_unik(hasil, catat)
    return hasil


def _jumlah_bagian(bagian: list[Simpul]) -> Simpul:
    s = bagian[0]
    if len(bagian) == 1:
        return s
    nilai = {k: (None if any(b.nilai[k] is None for b in bagian) else sum(b.nilai[k] for b in bagian))
             for k in s.nilai}
    return Simpul("opd", s.kode, s.uraian, s.kode, None, s.baris, s.bagian, nilai, s.kolom)


def _catat_gabungan(gabungan: list[list[Simpul]], catat: Pencatat) -> None:
    for bagian in gabungan:
        for s in bagian[1:]:
            if s.uraian and s.uraian != bagian[0].uraian:
                catat.catat(f"OPD {s.kode} bernama lain di baris {s.baris} ('{s.uraian}'); dipakai "
                            f"nama di baris {bagian[0].baris} ('{bagian[0].uraian}')")
    if not gabungan:
        return
    contoh = "; ".join(f"{b[0].kode} di baris " + ", ".join(f"{s.baris} ({s.bidang or '-'})" for s in b)
                       for b in gabungan[:5])
    lagi = f"; dan {len(gabungan) - 5} OPD lainnya" if len(gabungan) > 5 else ""
    catat.catat("OPD yang muncul sekali per bidang urusan dijumlahkan menjadi satu baris OPD "
                f"(di baris pertamanya): {contoh}{lagi}")


def _periksa_kode_unik(simpul: list[Simpul], catat: Pencatat) -> None:
    """Program/kegiatan/sub kegiatan yang sama di dua bagian OPD yang sama akan bertabrakan."""
    dilihat: dict[tuple[str, str], Simpul] = {}
    for s in simpul:
        lama = dilihat.setdefault((s.kode_opd, s.kode), s)
        if lama is not s:
            catat.salah(f"{NAMA_TINGKAT[s.tingkat]} {s.kode} muncul dua kali untuk OPD {s.kode_opd} "
                        f"(lihat baris {lama.baris}); hapus salah satu", s.baris, s.kolom, s.kode)


def tabel_opd(simpul: list[Simpul]) -> pd.DataFrame:
    """Satu baris per kode OPD (simpul sudah digabung per kode OPD)."""
    baris = [{"kode_opd": s.kode, "nama_opd": s.uraian, "baris": s.baris}
             for s in simpul if s.tingkat == "opd"]
    return pd.DataFrame(baris, columns=KOLOM_OPD).astype({"baris": "int64"})
