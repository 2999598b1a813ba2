"""Mengenali berkas sebelum dibaca, dan menolak berkas rusak dengan pesan yang jelas.

`kenali` memeriksa isi berkas (bukan hanya akhiran namanya): buku kerja .xlsx
adalah arsip zip berisi xl/workbook.xml; .xls lama dan buku kerja bersandi adalah
wadah OLE2. `tebak_format` mengintip isi buku kerja untuk membedakan templat dari
ekspor SIPD (LRA, RAK). Pengenalnya kinerja.impor.jenis_berkas, yang juga dipakai pembaca
SIPD; di sini pesannya dan batas ukuran berkas.
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

from kinerja.impor.jenis_berkas import (
    JENDELA, JENIS_LRA, JENIS_RAK, ciri_sipd, isi_ole2, isi_zip, posisi_bukan_utf8, wadah,
)
from kinerja.impor.masalah import ImporGagal, Masalah
from kinerja.basisdata.lokasi import ENV_BATAS_BARIS, batas_baris, batas_unggah_mb

# Satu sumber: server.maxUploadSize di .streamlit/config.toml (lihat kinerja.basisdata.lokasi).
BATAS_UKURAN = batas_unggah_mb() * 1024 * 1024  # byte

# Batas isi buku kerja setelah diurai. Berkas .xlsx adalah zip: 1,6 MB bisa mengembang menjadi
# 1,5 GB dan menghabiskan memori saat dibaca. Templat dan ekspor SIPD yang wajar mengembang
# kurang dari 20 kali ukuran berkasnya, jadi 20x batas unggahan memberi ruang yang lega.
BATAS_TERURAI = 20 * BATAS_UKURAN  # byte

_AKHIRAN_EXCEL = {".xlsx", ".xlsm", ".xltx", ".xltm", ".xls", ".xlsb"}
_AKHIRAN_TEKS = {".csv", ".txt", ".tsv"}

FORMAT = ("template", JENIS_LRA, JENIS_RAK)
# tebak_format membaca sudut kiri atas setiap lembar saja (buku dibuka read_only)
_BARIS_CIRI = 15
_KOLOM_CIRI = 40


def _gagal(path: Path, pesan: str) -> ImporGagal:
    return ImporGagal([Masalah(path.name or str(path), "", None, None, None, pesan)])


def kenali(path: Path, batas_ukuran: int = BATAS_UKURAN) -> str:
    """'xlsx', 'csv' atau 'folder'. ImporGagal (pesan berbahasa Indonesia) bila berkas
    tidak ada, kosong, terlalu besar, .xls lama, bersandi, rusak atau bukan Excel/CSV."""
    path = Path(path)
    if not path.exists():
        raise _gagal(path, "berkas tidak ditemukan")
    if path.is_dir():
        return "folder"
    ukuran = path.stat().st_size
    if ukuran == 0:
        raise _gagal(path, "berkas kosong (0 byte); unggah ulang atau simpan ulang berkasnya")
    if ukuran > batas_ukuran:
        raise _gagal(path, f"berkas terlalu besar ({ukuran / 1024 / 1024:.1f} MB; batas "
                           f"{batas_ukuran / 1024 / 1024:.0f} MB); pecah per tahun atau per OPD")
    akhiran = path.suffix.lower()
    with path.open("rb") as f:
        jenis = wadah(f.read(JENDELA))
    if jenis == "ole2":
        if isi_ole2(path.read_bytes()) == "bersandi":
            raise _gagal(path, "buku kerja terlindungi kata sandi; buka di Excel lalu simpan "
                               "tanpa kata sandi (File > Info > Protect Workbook > Encrypt with "
                               "Password, kosongkan sandinya)")
        raise _gagal(path, "format Excel lama (.xls) tidak didukung; buka di Excel lalu "
                           "simpan ulang sebagai .xlsx (Excel Workbook)")
    if jenis == "zip":
        return _periksa_zip(path)
    if akhiran in _AKHIRAN_EXCEL:
        if jenis == "markup":
            raise _gagal(path, f"bukan berkas Excel {akhiran}: isinya halaman HTML/XML yang diberi "
                               "nama Excel (sering dari unduhan aplikasi); buka di Excel lalu "
                               "simpan ulang sebagai .xlsx")
        raise _gagal(path, f"bukan berkas Excel .xlsx (isinya tidak dikenali walaupun namanya "
                           f"{path.name}); simpan ulang dari Excel sebagai .xlsx")
    if akhiran in _AKHIRAN_TEKS:
        if jenis == "biner":
            raise _gagal(path, "bukan berkas CSV (isinya biner, bukan teks)")
        posisi = posisi_bukan_utf8(path.read_bytes())
        if posisi is not None:
            raise _gagal(path, f"CSV bukan UTF-8 (byte tidak sah di posisi {posisi}); di Excel "
                               "pilih Simpan Sebagai > 'CSV UTF-8 (Comma delimited)'")
        return "csv"
    raise _gagal(path, f"jenis berkas tidak dikenal ({akhiran or 'tanpa akhiran'}); "
                       "gunakan templat .xlsx, berkas .csv templat atau foldernya")


def pesan_terlalu_mengembang(z: zipfile.ZipFile, batas: int = BATAS_TERURAI) -> str | None:
    """Pesan bila isi arsip setelah diurai melebihi batas (dibaca dari daftar isi zip,
    tanpa mengurai apa pun), selain itu None."""
    total = sum(i.file_size for i in z.infolist())
    if total <= batas:
        return None
    return (f"isi buku kerja terlalu besar setelah diurai ({total / 1024 / 1024:.0f} MB; batas "
            f"{batas / 1024 / 1024:.0f} MB); hapus baris atau sel berisi yang tidak perlu, "
            "atau pecah per tahun atau per OPD")


def batas_baris_impor(berkas: str) -> int:
    """Batas baris data per lembar (kinerja.basisdata.lokasi.batas_baris). ImporGagal yang menyebut
    berkasnya bila pengaturan KINERJA_BATAS_BARIS tidak sah, bukan traceback."""
    try:
        return batas_baris()
    except ValueError as e:
        raise ImporGagal([Masalah(berkas, "", None, None, None,
                                  f"pengaturan batas baris tidak sah: {e}; perbaiki atau kosongkan "
                                  "variabel lingkungan itu di server, lalu muat ulang")]) from None


def pesan_terlalu_banyak_baris(batas: int) -> str:
    """Pesan untuk lembar yang berisi lebih dari `batas` baris data."""
    angka = f"{batas:,}".replace(",", ".")
    return (f"terlalu banyak baris data (lebih dari {angka} baris; batas {angka} baris per lembar); "
            "pecah berkas per tahun atau per OPD, atau minta administrator menaikkan batasnya "
            f"dengan variabel lingkungan {ENV_BATAS_BARIS} di server")


def _periksa_zip(path: Path) -> str:
    try:
        with zipfile.ZipFile(path) as z:
            nama = set(z.namelist())
            if pesan := pesan_terlalu_mengembang(z):
                raise _gagal(path, pesan)
            rusak = z.testzip()
    except ImporGagal:
        raise
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, OSError, ValueError,
            NotImplementedError, RuntimeError) as e:
        raise _gagal(path, f"berkas rusak atau terpotong (arsip tidak dapat dibuka: {e}); "
                           "unduh atau salin ulang berkasnya") from None
    except Exception as e:  # noqa: BLE001 - zlib.error dan sejenisnya: tetap berkas rusak
        raise _gagal(path, f"berkas rusak atau terpotong ({type(e).__name__}); "
                           "unduh atau salin ulang berkasnya") from None
    if rusak is not None:
        raise _gagal(path, f"berkas rusak atau terpotong (bagian {rusak} tidak utuh); "
                           "unduh atau salin ulang berkasnya")
    dokumen = isi_zip(nama)
    if dokumen == "xlsx":
        return "xlsx"
    raise _gagal(path, _PESAN_ZIP.get(dokumen, "bukan berkas Excel .xlsx (arsip zip tanpa buku kerja "
                                               "Excel di dalamnya)"))


_PESAN_ZIP = {
    "xlsb": "format Excel biner (.xlsb) tidak didukung; simpan ulang sebagai .xlsx",
    "ods": "berkas OpenDocument (.ods); simpan ulang sebagai .xlsx",
    "docx": "ini dokumen Word, bukan berkas Excel .xlsx",
}


def normalkan_lembar(nama: str) -> str:
    """Nama lembar tanpa beda huruf besar, spasi, garis bawah atau tanda hubung."""
    return re.sub(r"[\s_\-]+", "", str(nama).strip().lower())


def tebak_format(path: Path) -> str:
    """'template', 'sipd-lra' atau 'sipd-rak' dari isi berkas. Folder dan CSV = templat.

    ImporGagal bila tidak dapat ditentukan (atau ciri beberapa format sekaligus)."""
    from kinerja.impor.template import LEMBAR

    path = Path(path)
    jenis = kenali(path)
    if jenis in ("folder", "csv"):
        return "template"
    import openpyxl

    try:
        wb = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except Exception as e:  # noqa: BLE001 - isi rusak di dalam arsip yang utuh
        raise _gagal(path, f"buku kerja tidak dapat dibaca ({type(e).__name__}: {e})") from None
    calon: set[str] = set()
    try:
        nama_lembar = {normalkan_lembar(n) for n in wb.sheetnames}
        if "petunjuk" in nama_lembar or nama_lembar & set(LEMBAR):
            calon.add("template")
        for ws in wb.worksheets:
            calon |= ciri_sipd(ws.iter_rows(max_row=_BARIS_CIRI, max_col=_KOLOM_CIRI, values_only=True))
    except Exception as e:  # noqa: BLE001 - bagian rusak (mis. daftar teks bersama) baru terbaca di sini
        raise _gagal(path, f"buku kerja tidak dapat dibaca, ada bagian yang rusak ({type(e).__name__}); "
                           "buka di Excel, simpan ulang sebagai .xlsx, lalu muat ulang") from None
    finally:
        wb.close()
    if len(calon) == 1:
        return calon.pop()
    pilihan = "--format " + "|".join(FORMAT)
    if not calon:
        raise _gagal(path, "format tidak dikenali: bukan templat impor (lembar Petunjuk, opd, "
                           "indikator, capaian, anggaran, kendala) dan bukan ekspor SIPD "
                           f"(Rekapitulasi Belanja / Rencana Anggaran Kas); gunakan {pilihan}")
    raise _gagal(path, f"format tidak dapat dipastikan (ciri {', '.join(sorted(calon))} sekaligus); "
                       f"gunakan {pilihan}")

