"""Templat impor XLSX: menulis buku kerja resmi dan membacanya kembali.

`tulis_templat` menulis lembar Petunjuk lalu satu lembar per tabel templat
(`template.LEMBAR`), dengan judul kolom persis, daftar pilihan, dan contoh dari
data demo. `baca_xlsx` membaca buku kerja yang sudah diisi menjadi `Sumber` yang
sama dengan hasil CSV, sehingga `validasi` berlaku tanpa perubahan.

Aturan membaca sel (satu `desimal` per lembar, padahal sel Excel bercampur angka
sungguhan dan teks berformat Indonesia):
- angka sungguhan ditulis ulang sebagai teks Indonesia tanpa pemisah ribuan
  (6.5 -> '6,5', 15 -> '15'), dibulatkan ke 15 angka penting seperti yang
  ditampilkan Excel (0,1+0,2 -> '0,3'); semua lembar memakai desimal ','.
  Di kolom teks (kode) angka ditulis dengan titik: 99.01 -> '99.01'.
- sel berformat persen (Excel menyimpan 85% sebagai 0,85) -> '85%'.
- teks dibiarkan apa adanya ('1.234,56', 'Rp 1.250.000.000', '3,50001E+11');
  `baca_angka` yang membacanya.
- galat Excel (#N/A, #REF!, ...) dan '-' kosong; di kolom angka teksnya dibiarkan
  supaya pesan "wajib diisi" menyebut nilainya.
- tanggal -> teks ISO, boolean -> 'true'/'false', sel kosong -> ''.
- sel gabungan: nilai sel kiri atas berlaku untuk kolom pertama rentang itu di
  semua barisnya (judul bergabung, kode OPD digabung ke bawah); kolom lain kosong.
- judul kolom boleh di bawah baris judul laporan (dicari di 10 baris pertama);
  nomor baris dalam pesan tetap nomor baris Excel (atribut `baris_awal`).
- rumus tanpa nilai tersimpan (berkas buatan program yang belum pernah dibuka di
  Excel) ditolak dengan menyebut selnya, bukan dimuat sebagai kosong.
"""

from __future__ import annotations

import csv
import datetime as dt
import math
import re
import zipfile
from decimal import Decimal
from pathlib import Path

import pandas as pd
from openpyxl.cell.cell import MergedCell
from openpyxl.utils import get_column_letter

from kinerja.angka import AngkaTidakSah, baca_angka
from kinerja.impor.berkas import batas_baris_impor, normalkan_lembar, pesan_terlalu_banyak_baris
from kinerja.impor.masalah import ImporGagal, Masalah
from kinerja.impor.template import LEMBAR, TAHUN_MIN, Kolom, Sumber, _baris_total

PETUNJUK = "Petunjuk"
DEMO = Path(__file__).resolve().parents[2] / "data" / "demo"
BARIS_VALIDASI = 10000      # daftar pilihan berlaku sampai baris ini
BARIS_CARI_JUDUL = 10

_GALAT_EXCEL = {"#n/a", "#n/a n/a", "#ref!", "#value!", "#div/0!", "#name?", "#num!", "#null!",
                "#spill!", "#calc!", "#field!", "#blocked!", "#connect!", "#busy!", "#unknown!",
                "#getting_data"}
_KOSONG_TEKS = _GALAT_EXCEL | {"-", "--", "—", "–", "n/a"}
_JENIS_ANGKA = {"angka", "bulat"}

# ---------------------------------------------------------------------------
# Isi lembar Petunjuk
# ---------------------------------------------------------------------------

TUJUAN: dict[str, str] = {
    "pemda": "Pemerintah daerah pemilik data. Cukup satu baris untuk satu kabupaten/kota.",
    "opd": "Daftar perangkat daerah (Dinas, Badan, Inspektorat, Setda, Setwan, Kecamatan, RSUD).",
    "indikator": "Indikator kinerja setiap OPD (IKU, indikator program, indikator kegiatan) "
                 "beserta arah baiknya (polaritas).",
    "capaian": "Target dan realisasi indikator per tahun dan triwulan, kumulatif s.d. triwulan "
               "itu (s.d. TW II = Januari-Juni). Capaian dihitung dasbor, tidak perlu diisi.",
    "anggaran": "Pagu, rencana kas (RAK), realisasi keuangan dan realisasi fisik setiap OPD per "
                "bulan, kumulatif s.d. bulan itu.",
    "kendala": "Kendala/permasalahan yang menghambat OPD pada suatu triwulan dan tindak lanjut "
               "yang disepakati. Boleh lebih dari satu baris per OPD dan triwulan.",
}

ARTI: dict[str, dict[str, str]] = {
    "pemda": {
        "kode_pemda": "kode wilayah pemerintah daerah (mis. kode wilayah Kemendagri); "
                      "dipakai lagi di lembar lain",
        "nama_pemda": "nama pemerintah daerah, mis. Kabupaten Nusa Makmur",
        "keterangan": "catatan bebas",
    },
    "opd": {
        "kode_pemda": "kode pemda pemilik OPD; boleh kosong bila database hanya berisi satu pemda",
        "kode_opd": "kode perangkat daerah seperti di SIPD, bentuk X.XX.X.XX.X.XX.NN.NNNN, mis. "
                    "2.16.2.20.2.21.01.0000 (Kominfo yang juga membidangi 2.20 Statistik dan "
                    "2.21 Persandian); bidang urusan dibaca dari kode ini",
        "nama_opd": "nama lengkap perangkat daerah",
        "singkatan": "nama singkat untuk grafik, mis. Disdik",
    },
    "indikator": {
        "kode_pemda": "kode pemda; boleh kosong bila database hanya berisi satu pemda",
        "indikator_id": "kode unik indikator di pemda itu, bebas tetapi tetap dari tahun ke tahun "
                        "(mis. DISDIK-01); dipakai di lembar capaian",
        "kode_opd": "OPD penanggung jawab; harus ada di lembar opd atau sudah ada di database",
        "indikator": "nama indikator kinerja",
        "satuan": "satuan ukur, mis. %, orang, indeks, tahun",
        "polaritas": "arah baik indikator. naik: makin tinggi makin baik, capaian = realisasi / "
                     "target x 100. turun: makin rendah makin baik (mis. angka kemiskinan, "
                     "stunting), capaian = (2 x target - realisasi) / target x 100, paling "
                     "rendah 0. rentang: target berupa rentang (target = batas bawah, "
                     "target_atas = batas atas); di dalam rentang capaian 100, di bawah rentang "
                     "realisasi / batas bawah x 100, di atas rentang (2 x batas atas - realisasi) "
                     "/ batas atas x 100 kecuali rentang_atas_baik = ya",
        "agregasi": "cara menggabungkan triwulan. jumlah: cacah yang dijumlahkan (mis. jumlah "
                    "pelatihan); terakhir: angka rasio, persen atau stok yang diambil nilai "
                    "terakhirnya. Bila kosong: terakhir",
        "tingkat": "jenis indikator: IKU, program atau kegiatan. Bila kosong: IKU",
        "rentang_atas_baik": "hanya untuk polaritas rentang: ya bila berada di atas rentang tetap "
                             "dianggap baik (capaian 100). Bila kosong: tidak",
    },
    "capaian": {
        "kode_pemda": "kode pemda; boleh kosong bila database hanya berisi satu pemda",
        "indikator_id": "kode indikator dari lembar indikator",
        "tahun": "tahun data",
        "triwulan": "triwulan 1-4; angka kumulatif s.d. triwulan ini",
        "target": "target s.d. triwulan ini (target triwulan dari rencana aksi, atau target "
                  "tahunan); untuk polaritas rentang: batas bawah. Kosong = target belum ada "
                  "(capaian tampil n/a)",
        "target_atas": "batas atas rentang; hanya untuk polaritas rentang, selain itu kosongkan",
        "realisasi": "realisasi kumulatif s.d. triwulan ini. Kosong = belum dilaporkan",
    },
    "anggaran": {
        "kode_pemda": "kode pemda; boleh kosong bila database hanya berisi satu pemda",
        "kode_opd": "kode OPD dari lembar opd",
        "tahun": "tahun anggaran",
        "bulan": "bulan 1-12; angka kumulatif s.d. bulan ini",
        "pagu": "pagu OPD terkini dalam rupiah (setelah APBD perubahan atau pergeseran)",
        "rak_kumulatif": "rencana anggaran kas kumulatif s.d. bulan ini, rupiah",
        "realisasi_kumulatif": "realisasi keuangan (LRA) kumulatif s.d. bulan ini, rupiah; tidak "
                               "boleh melebihi pagu",
        "realisasi_fisik": "realisasi fisik s.d. bulan ini dalam persen 0-100 (85 berarti 85%, "
                           "bukan 0,85)",
    },
    "kendala": {
        "kode_pemda": "kode pemda; boleh kosong bila database hanya berisi satu pemda",
        "kode_opd": "kode OPD dari lembar opd",
        "tahun": "tahun",
        "triwulan": "triwulan 1-4",
        "kendala": "uraian kendala/permasalahan",
        "tindak_lanjut": "tindak lanjut yang disepakati",
    },
}

ATURAN_ANGKA = [
    "Koma desimal diterima (9,55), juga pemisah ribuan bertitik (1.234.567,89) dan angka Excel "
    "biasa. Jangan memakai titik sebagai desimal di sel teks (6.5 ditolak; ketik 6,5).",
    "Tanda % boleh: 85% dibaca 85. Nilai persen diisi sebagai angka 0-100 (85), bukan pecahan "
    "(0,85).",
    "Rp di depan nilai uang boleh: Rp 1.250.000.000.",
    "Sel kosong, '-' dan '#N/A' berarti tidak ada nilai.",
    "Tidak perlu baris jumlah; baris yang diawali 'Total' atau 'Jumlah' diabaikan.",
    "Capaian: target dan realisasi kumulatif s.d. triwulan. Anggaran: rak_kumulatif, "
    "realisasi_kumulatif dan realisasi_fisik kumulatif s.d. bulan.",
    "realisasi_fisik dalam persen 0-100.",
    "Kolom kode (kode_pemda, kode_opd, indikator_id) berformat teks supaya 1.10 tidak berubah "
    "menjadi angka 1,1. Bila menempel dari berkas lain, gunakan Tempel Nilai (Paste Values).",
    "Rumus boleh dipakai, asalkan berkas disimpan dari Excel atau LibreOffice (hasil rumus ikut "
    "tersimpan).",
]

CARA_MUAT = [
    "Isi lembar yang diperlukan. Baris judul kolom jangan diubah namanya; urutan kolom bebas, "
    "kolom tambahan diabaikan. Lembar yang tidak diperlukan boleh dihapus.",
    "Baris contoh (Kabupaten Nusa Makmur, data fiktif) hapus atau timpa dengan data sendiri.",
    "Muat lewat baris perintah: python -m kinerja impor BERKAS.xlsx (periksa dulu tanpa menulis: "
    "python -m kinerja impor --dry-run BERKAS.xlsx), atau unggah di halaman Kelola Data.",
    "Semua masalah dilaporkan per lembar, baris dan kolom. Bila ada satu saja masalah, tidak ada "
    "yang dimuat: perbaiki lalu muat ulang seluruh berkas.",
    "Baris dengan kunci yang sama menggantikan data lama (opd: kode_opd; indikator: indikator_id; "
    "capaian: indikator_id, tahun, triwulan; anggaran: kode_opd, tahun, bulan). Kendala satu OPD "
    "dan triwulan diganti seluruhnya oleh isi berkas baru.",
]

LEBAR: dict[str, int] = {
    "kode_pemda": 12, "nama_pemda": 30, "keterangan": 45, "kode_opd": 25, "nama_opd": 42,
    "singkatan": 16, "indikator_id": 18, "indikator": 55, "satuan": 14, "polaritas": 12,
    "agregasi": 12, "tingkat": 12, "rentang_atas_baik": 18, "tahun": 8, "triwulan": 10,
    "bulan": 8, "target": 12, "target_atas": 12, "realisasi": 12, "pagu": 20,
    "rak_kumulatif": 20, "realisasi_kumulatif": 20, "realisasi_fisik": 15, "kendala": 60,
    "tindak_lanjut": 60,
}

# Contoh: satu pemda, dua OPD (kode satu bidang dan kode tiga bidang) dengan indikator
# naik, turun dan rentang; nilainya diambil dari data/demo/*.csv.
_CONTOH_OPD = ("1.01.0.00.0.00.01.0000", "2.07.3.32.0.00.01.0000")
_CONTOH_INDIKATOR = ("DISDIK-01", "DISDIK-05", "DISDIK-06", "DISNAKERTRANS-01", "DISNAKERTRANS-03")
_CONTOH_TAHUN, _CONTOH_TRIWULAN, _CONTOH_BULAN = "2025", "2", ("3", "6")


def _nilai_boleh(nama_lembar: str, k: Kolom) -> str:
    if k.jenis == "pilihan":
        return ", ".join(k.pilihan)
    if k.jenis == "boolean":
        return "ya atau tidak (juga true/false, 1/0)"
    if k.nama == "tahun":
        return f"bilangan bulat {TAHUN_MIN} s.d. tahun depan"
    if k.jenis == "bulat":
        return f"bilangan bulat {k.rentang[0]:g}-{k.rentang[1]:g}" if k.rentang else "bilangan bulat"
    if k.jenis == "angka":
        if k.rentang and k.rentang[1] != float("inf"):
            return f"angka {k.rentang[0]:g}-{k.rentang[1]:g} (persen)"
        if k.rentang:
            return "angka, tidak negatif (rupiah)"
        return "angka"
    if k.nama == "kode_opd":
        return "X.XX.X.XX.X.XX.NN.NNNN"
    return "teks"


def _tulis_petunjuk(ws) -> None:
    from openpyxl.styles import Alignment, Font, PatternFill

    tebal, judul = Font(bold=True), Font(bold=True, size=14)
    isi_judul = PatternFill("solid", fgColor="DDEBF7")
    bungkus = Alignment(wrap_text=True, vertical="top")
    for huruf, lebar in zip("ABCD", (24, 80, 14, 38)):
        ws.column_dimensions[huruf].width = lebar
    baris = 1

    def tulis(*nilai, font=None, isi=None):
        nonlocal baris
        for i, v in enumerate(nilai, start=1):
            sel = ws.cell(row=baris, column=i, value=v)
            sel.alignment = bungkus
            if font:
                sel.font = font
            if isi:
                sel.fill = isi
        baris += 1

    tulis("Templat impor Dasbor Kinerja OPD", font=judul)
    tulis("Satu lembar per tabel: " + ", ".join(LEMBAR) + ". Lembar ini hanya petunjuk dan tidak "
          "dimuat.")
    baris += 1
    tulis("Cara mengisi dan memuat", font=tebal)
    for i, t in enumerate(CARA_MUAT, start=1):
        tulis(f"{i}.", t)
    baris += 1
    tulis("Aturan angka", font=tebal)
    for t in ATURAN_ANGKA:
        tulis("•", t)
    for nama, kolom in LEMBAR.items():
        baris += 1
        tulis(f"Lembar {nama}", TUJUAN[nama], font=tebal)
        tulis("kolom", "arti", "wajib", "nilai yang boleh", font=tebal, isi=isi_judul)
        for k in kolom:
            tulis(k.nama, ARTI[nama][k.nama], "wajib" if k.wajib else "boleh kosong",
                  _nilai_boleh(nama, k))
    ws.sheet_view.showGridLines = False


def _baca_demo(folder: Path) -> dict[str, list[dict[str, str]]]:
    data = {}
    for nama in LEMBAR:
        with (folder / f"{nama}.csv").open(encoding="utf-8-sig", newline="") as f:
            data[nama] = list(csv.DictReader(f))
    return data


def contoh_demo(folder: Path = DEMO) -> dict[str, list[dict[str, str]]]:
    """Baris contoh yang saling konsisten dari data demo (teks seperti di CSV)."""
    d = _baca_demo(folder)
    opd = [r for r in d["opd"] if r["kode_opd"] in _CONTOH_OPD]
    pemda_dipakai = {r["kode_pemda"] for r in opd}
    indikator = [r for r in d["indikator"] if r["indikator_id"] in _CONTOH_INDIKATOR]
    capaian = [r for r in d["capaian"] if r["indikator_id"] in _CONTOH_INDIKATOR
               and r["tahun"] == _CONTOH_TAHUN and r["triwulan"] == _CONTOH_TRIWULAN]
    anggaran = [r for r in d["anggaran"] if r["kode_opd"] in _CONTOH_OPD
                and r["tahun"] == _CONTOH_TAHUN and r["bulan"] in _CONTOH_BULAN]
    kendala = []
    for kode in _CONTOH_OPD:  # kendala terbaru setiap OPD contoh
        milik = [r for r in d["kendala"] if r["kode_opd"] == kode]
        if milik:
            kendala.append(max(milik, key=lambda r: (int(r["tahun"]), int(r["triwulan"]))))
    return {
        "pemda": [r for r in d["pemda"] if r["kode_pemda"] in pemda_dipakai],
        "opd": opd, "indikator": indikator, "capaian": capaian, "anggaran": anggaran,
        "kendala": kendala,
    }


def _nilai_sel(k: Kolom, teks: str):
    """Nilai contoh sebagai sel Excel yang wajar: angka sebagai angka, ya/tidak."""
    if teks == "":
        return None
    if k.jenis in _JENIS_ANGKA:
        angka = Decimal(teks)
        return int(angka) if angka == angka.to_integral_value() else float(angka)
    if k.jenis == "boolean":
        return "ya" if teks.lower() in ("true", "ya", "1") else "tidak"
    return teks


def tulis_templat(path: Path, contoh: bool = True) -> Path:
    """Tulis buku kerja templat impor: lembar Petunjuk, lalu satu lembar per tabel
    dengan judul kolom persis `LEMBAR`, daftar pilihan, dan (bila contoh) baris contoh."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.datavalidation import DataValidation

    path = Path(path)
    wb = Workbook()
    _tulis_petunjuk(wb.active)
    wb.active.title = PETUNJUK
    baris_contoh = contoh_demo() if contoh else {}
    tebal = Font(bold=True)
    isi_judul = PatternFill("solid", fgColor="DDEBF7")
    for nama, kolom in LEMBAR.items():
        ws = wb.create_sheet(nama)
        for c, k in enumerate(kolom, start=1):
            huruf = get_column_letter(c)
            sel = ws.cell(row=1, column=c, value=k.nama)
            sel.font, sel.fill = tebal, isi_judul
            sel.alignment = Alignment(vertical="center")
            ws.column_dimensions[huruf].width = LEBAR.get(k.nama, 14)
            if k.jenis == "teks":  # kode tetap teks: 1.10 tidak menjadi 1,1
                ws.column_dimensions[huruf].number_format = "@"
            dv = _validasi_data(k, DataValidation)
            if dv is not None:
                dv.add(f"{huruf}2:{huruf}{BARIS_VALIDASI}")
                ws.add_data_validation(dv)
        for r, data in enumerate(baris_contoh.get(nama, []), start=2):
            for c, k in enumerate(kolom, start=1):
                sel = ws.cell(row=r, column=c, value=_nilai_sel(k, data.get(k.nama, "")))
                if k.jenis == "teks":
                    sel.number_format = "@"
        ws.freeze_panes = "A2"
        ws.auto_filter.ref = f"A1:{get_column_letter(len(kolom))}1"
    path.parent.mkdir(parents=True, exist_ok=True)
    wb.save(path)
    return path


def _validasi_data(k: Kolom, DataValidation):
    salah = "Nilai tidak sah"
    if k.jenis == "pilihan" or k.jenis == "boolean":
        pilihan = k.pilihan if k.jenis == "pilihan" else ("ya", "tidak")
        daftar = ", ".join(pilihan)
        return DataValidation(type="list", formula1='"' + ",".join(pilihan) + '"', allow_blank=True,
                              showErrorMessage=True, errorTitle=salah,
                              error=f"{k.nama}: pilih salah satu dari {daftar}",
                              showInputMessage=True, promptTitle=k.nama, prompt=f"Pilih: {daftar}")
    if k.nama in ("triwulan", "bulan") and k.rentang:
        bawah, atas = int(k.rentang[0]), int(k.rentang[1])
        return DataValidation(type="whole", operator="between", formula1=str(bawah),
                              formula2=str(atas), allow_blank=True, showErrorMessage=True,
                              errorTitle=salah, error=f"{k.nama}: bilangan bulat {bawah}-{atas}",
                              showInputMessage=True, promptTitle=k.nama,
                              prompt=f"Bilangan bulat {bawah}-{atas}")
    return None


# ---------------------------------------------------------------------------
# Membaca buku kerja yang sudah diisi
# ---------------------------------------------------------------------------

def baca_xlsx(path: Path) -> list[Sumber]:
    """Buku kerja templat -> satu `Sumber` per lembar (teks per sel, desimal ',').

    Lembar Petunjuk dilewati; lembar lain yang bukan lembar templat dikembalikan kosong
    supaya `validasi` mencatatnya sebagai diabaikan. Setiap Sumber membawa atribut
    `baris_awal` (nomor baris Excel untuk baris data pertama). ImporGagal untuk hal
    yang tidak dapat dibaca dengan aman: rumus tanpa nilai tersimpan, judul kolom
    ganda, realisasi_fisik yang tampaknya pecahan."""
    import openpyxl

    path = Path(path)
    try:
        wb = openpyxl.load_workbook(path, data_only=True)
        wb_rumus = openpyxl.load_workbook(path, data_only=False) if _ada_rumus(path) else None
    except Exception as e:  # noqa: BLE001 - isi rusak di dalam arsip yang utuh
        raise ImporGagal([Masalah(path.name, "", None, None, None,
                                  f"buku kerja tidak dapat dibaca ({type(e).__name__}: {e}); "
                                  "simpan ulang dari Excel sebagai .xlsx")]) from None
    batas = batas_baris_impor(path.name)
    masalah: list[Masalah] = []
    hasil: list[Sumber] = []
    for ws in wb.worksheets:
        kunci = normalkan_lembar(ws.title)
        if kunci == normalkan_lembar(PETUNJUK):
            continue
        if kunci not in LEMBAR:
            s = Sumber(f"{path.name}, lembar {ws.title}", ws.title, pd.DataFrame(), ",")
            s.baris_awal = 2
            hasil.append(s)
            continue
        ws_rumus = wb_rumus[ws.title] if wb_rumus is not None else None
        hasil.append(_baca_lembar(path.name, kunci, ws, ws_rumus, masalah, batas))
    masalah.extend(periksa_pecahan_fisik(hasil))
    if masalah:
        raise ImporGagal(masalah)
    return hasil


def _ada_rumus(path: Path) -> bool:
    """Apakah ada sel berumus (<f>) di lembar mana pun; bila tidak, cukup satu kali muat."""
    tanda = re.compile(rb"<(?:\w+:)?f[\s>/]")
    with zipfile.ZipFile(path) as z:
        return any(tanda.search(z.read(n)) for n in z.namelist()
                   if n.startswith("xl/worksheets/") and n.endswith(".xml"))


class _Lembar:
    """Sel yang benar-benar ada di berkas (nomor baris/kolom mulai 1), dengan sel gabungan
    diisi dari sel kiri atasnya. ws.iter_rows() membuat sel untuk seluruh persegi panjang;
    satu sel nyasar di baris 1.000.000 akan menghabiskan memori, jadi dibaca jarang.
    Gabungan diisi ke bawah paling jauh sampai baris terakhir yang punya sel sendiri: gabungan
    A2:A1048576 tidak membuat sejuta baris data."""

    def __init__(self, ws):
        # openpyxl 3.1: ws._cells = {(baris, kolom): Cell}, hanya sel yang ada di berkas.
        self.sel = {rc: s for rc, s in ws._cells.items() if not isinstance(s, MergedCell)}
        akhir = max((r for r, _ in self.sel), default=0)
        for rentang in ws.merged_cells.ranges:
            kiri_atas = self.sel.get((rentang.min_row, rentang.min_col))
            if kiri_atas is not None:
                for r in range(rentang.min_row + 1, min(rentang.max_row, akhir) + 1):
                    self.sel[(r, rentang.min_col)] = kiri_atas
        self.per_baris: dict[int, list[int]] = {}
        for r, c in sorted(self.sel):
            self.per_baris.setdefault(r, []).append(c)
        self.maks_baris = max(self.per_baris, default=0)

    def teks(self, r: int, c: int, k: Kolom | None) -> str:
        s = self.sel.get((r, c))
        return "" if s is None else _teks(s.value, s.data_type, s.number_format, k)

    def teks_baris(self, r: int) -> list[str]:
        """Teks semua sel baris r menurut urutan kolom (sel kosong dilewati)."""
        return [t for c in self.per_baris.get(r, []) if (t := self.teks(r, c, None).strip())]


def _baca_lembar(berkas: str, kunci: str, ws, ws_rumus, masalah: list[Masalah],
                 batas: int) -> Sumber:
    """Satu lembar templat. Hanya baris yang berisi data yang dibaca (bukan seluruh dimensi
    lembar), masing-masing dengan nomor baris Excel-nya (`Sumber.nomor_baris`); berhenti
    dengan masalah begitu baris data melebihi `batas`."""
    kolom_def = {k.nama: k for k in LEMBAR[kunci]}
    lembar = _Lembar(ws)
    rumus = _sel_rumus(ws_rumus) if ws_rumus is not None else {}
    baris_judul = _cari_baris_judul(lembar, kunci)
    kolom: dict[str, int] = {}
    for c in lembar.per_baris.get(baris_judul, []):
        nama = _nama_kolom(lembar.teks(baris_judul, c, None))
        if nama not in kolom_def:
            continue  # kolom tambahan (No, Capaian, catatan) diabaikan
        if nama in kolom:
            masalah.append(Masalah(berkas, kunci, baris_judul, nama, None,
                                   f"judul kolom ganda (kolom {get_column_letter(kolom[nama])} dan "
                                   f"{get_column_letter(c)}); hapus salah satunya"))
            continue
        kolom[nama] = c
    baris: list[list[str]] = []
    nomor: list[int] = []
    rumus_kosong: list[Masalah] = []
    dilaporkan: set[int] = set()
    for r in (r for r in lembar.per_baris if r > baris_judul):  # urut baris (lihat _Lembar)
        semua = lembar.teks_baris(r)
        if _baris_total(dict(enumerate(semua))) or (r == baris_judul + 1 and _baris_nomor_kolom(semua)):
            continue  # baris jumlah / penomoran kolom: bukan data
        isi = [lembar.teks(r, c, kolom_def[n]) for n, c in kolom.items()]
        if any(v.strip() for v in isi):
            baris.append(isi)
            nomor.append(r)
            if len(baris) > batas:
                masalah.append(Masalah(berkas, kunci, None, None, None, pesan_terlalu_banyak_baris(batas)))
                return Sumber(berkas, kunci, pd.DataFrame(columns=list(kolom)), ",", baris_judul + 1, [])
        for n, c in kolom.items():
            s = lembar.sel.get((r, c))
            if s is None or s.value is not None or s.data_type == "str":
                continue  # data_type 'str': hasil rumus berupa teks (boleh kosong)
            asal = (s.row, s.column)
            if asal in rumus and id(s) not in dilaporkan:
                dilaporkan.add(id(s))
                rumus_kosong.append(Masalah(
                    berkas, kunci, r, n, rumus[asal],
                    f"sel {s.coordinate} berisi rumus tanpa nilai tersimpan (berkas dibuat "
                    "program dan belum pernah dihitung); buka di Excel atau LibreOffice, "
                    "simpan, lalu muat ulang"))
    if len(rumus_kosong) > 20:
        sisa = len(rumus_kosong) - 20
        rumus_kosong = rumus_kosong[:20] + [Masalah(
            berkas, kunci, None, None, None, f"... dan {sisa} sel rumus lain tanpa nilai tersimpan")]
    masalah.extend(rumus_kosong)
    return Sumber(berkas, kunci, pd.DataFrame(baris, columns=list(kolom), dtype=object), ",",
                  baris_awal=baris_judul + 1, nomor_baris=nomor)


def _sel_rumus(ws) -> dict[tuple[int, int], str]:
    hasil = {}
    for (r, c), s in ws._cells.items():
        v = s.value
        if isinstance(v, str) and v.startswith("="):
            hasil[(r, c)] = v
        elif v is not None and type(v).__name__ in ("ArrayFormula", "DataTableFormula"):
            hasil[(r, c)] = "=" + str(getattr(v, "text", "") or "").lstrip("=")
    return hasil


def _cari_baris_judul(lembar: _Lembar, kunci: str) -> int:
    """Nomor baris judul kolom: baris pertama di 10 baris teratas yang memuat semua
    kolom wajib; bila tidak ada, baris yang paling banyak memuat nama kolom (atau 1)."""
    wajib = {k.nama for k in LEMBAR[kunci] if k.wajib}
    semua = {k.nama for k in LEMBAR[kunci]}
    terbaik, skor_terbaik = 1, 0
    for r in range(1, min(BARIS_CARI_JUDUL, lembar.maks_baris) + 1):
        nama = {_nama_kolom(t) for t in lembar.teks_baris(r)}
        if wajib <= nama:
            return r
        skor = len(nama & semua)
        if skor > skor_terbaik:
            terbaik, skor_terbaik = r, skor
    return terbaik


def _nama_kolom(teks: str) -> str:
    return re.sub(r"\s+", "_", teks.strip().lower())


def _baris_nomor_kolom(nilai: list[str]) -> bool:
    """Baris penomoran kolom di bawah judul: 1 2 3 ... atau (1) (2) (3) ..."""
    isi = [v.strip().strip("()") for v in nilai if v.strip()]
    if len(isi) < 3 or not all(v.isdigit() for v in isi):
        return False
    return [int(v) for v in isi] == list(range(1, len(isi) + 1))


def _teks(nilai, data_type: str | None, number_format: str | None, k: Kolom | None) -> str:
    """Nilai sel -> teks yang dibaca `validasi` dengan desimal ','."""
    angka = k is None or k.jenis in _JENIS_ANGKA
    if nilai is None:
        return ""
    if isinstance(nilai, bool):
        return "true" if nilai else "false"
    if isinstance(nilai, (int, float)):
        if isinstance(nilai, float) and math.isnan(nilai):
            return ""
        return teks_angka(nilai, persen=_format_persen(number_format), koma=angka)
    if isinstance(nilai, dt.datetime):
        return nilai.date().isoformat() if nilai.time() == dt.time() else nilai.isoformat(sep=" ")
    if isinstance(nilai, (dt.date, dt.time)):
        return nilai.isoformat()
    if isinstance(nilai, dt.timedelta):
        return str(nilai)
    teks = str(nilai)
    if data_type == "e" or teks.strip().lower() in _KOSONG_TEKS:
        # Galat Excel dan '-' berarti kosong. Di kolom angka teksnya dibiarkan: baca_angka
        # membacanya sebagai kosong dan pesan "wajib diisi" tetap menyebut nilainya.
        return teks.strip() if angka and k is not None else ""
    return teks


def teks_angka(x: int | float, persen: bool = False, koma: bool = True) -> str:
    """Angka sel Excel -> teks tanpa pemisah ribuan dan tanpa notasi ilmiah.

    Pecahan dibulatkan ke 15 angka penting (ketelitian yang ditampilkan Excel), jadi
    0.30000000000000004 -> '0,3'. persen: nilai sel berformat % dikali 100 dan diberi '%'."""
    if isinstance(x, float):
        if math.isinf(x):
            return "inf"
        d = Decimal(f"{x:.15g}")
    else:
        d = Decimal(int(x))
    if persen:
        d *= 100
    teks = format(d, "f")
    if "." in teks:
        teks = teks.rstrip("0").rstrip(".")
    if teks in ("-0", ""):
        teks = "0"
    if koma:
        teks = teks.replace(".", ",")
    return teks + ("%" if persen else "")


def _format_persen(fmt: str | None) -> bool:
    """Format angka Excel yang mengalikan 100 (0%, 0.00%), bukan '%' harfiah ("%" atau \\%)."""
    if not fmt or "%" not in fmt:
        return False
    bersih = re.sub(r'"[^"]*"|\\.|\[[^\]]*\]', "", fmt)
    return "%" in bersih


def periksa_pecahan_fisik(sumber: list[Sumber]) -> list[Masalah]:
    """realisasi_fisik yang tampaknya ditulis sebagai pecahan (0,85 untuk 85%).

    Bila SEMUA nilai realisasi_fisik sebuah lembar (yang tidak bertanda %) <= 1 dan ada
    yang > 0, hampir pasti persennya ditulis sebagai pecahan. Nilai bertanda % ('0,5%',
    sel berformat persen) dianggap sengaja dan tidak ikut dinilai."""
    hasil = []
    for s in sumber:
        if s.lembar != "anggaran" or "realisasi_fisik" not in s.data.columns:
            continue
        nilai = []
        for posisi, teks in enumerate(s.data["realisasi_fisik"].astype(str)):
            teks = teks.strip()
            if not teks or teks.endswith("%"):
                continue
            try:
                x = baca_angka(teks, s.desimal)
            except AngkaTidakSah:
                continue  # dilaporkan oleh validasi
            if x is not None:
                nilai.append((posisi, teks, x))
        if nilai and all(x <= 1 for _, _, x in nilai) and any(x > 0 for _, _, x in nilai):
            posisi, teks, x = next(n for n in nilai if n[2] > 0)
            persen = teks_angka(x * 100, koma=s.desimal == ",")
            hasil.append(Masalah(
                s.berkas, s.lembar, s.nomor(posisi), "realisasi_fisik", teks,
                f"semua nilai realisasi_fisik di lembar ini <= 1: tampaknya pecahan ({teks}), "
                f"harap isi persen ({persen}); bila memang di bawah 1%, tulis dengan tanda % "
                f"({teks}%)"))
    return hasil
