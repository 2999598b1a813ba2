"""Pengunggah Kelola Data tanpa teks Inggris (issue 12), tanpa peramban: jenis berkas diperiksa
server dengan pesan Indonesia (kinerja.ui.unggah.pesan_jenis_ditolak, juga lewat AppTest);
batas dan jenis di teks pengunggah dari satu tempat; setiap teks Inggris pengunggah di bundel
Streamlit 1.67 ada dan ditangani komponen pengunggah. Di peramban: tests/test_peramban_unggah.py."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pytest
import streamlit

from kinerja.ui import tema, unggah
from tests.test_halaman_kelola import _db_lamsel, _masuk, db  # noqa: F401  (fixture dan pembantu)

AKAR = Path(__file__).resolve().parent.parent
JS = Path(streamlit.__file__).parent / "static" / "static" / "js"
with (AKAR / ".streamlit" / "config.toml").open("rb") as _f:
    BATAS_MB = tomllib.load(_f)["server"]["maxUploadSize"]  # dibaca sendiri, bukan lewat kode yang diuji


# ---- jenis berkas: diperiksa server ---------------------------------------------------------

def test_xlsx_dan_csv_diterima_tanpa_beda_huruf():
    assert unggah.pesan_jenis_ditolak(["templat.xlsx", "OPD.CSV", "rak.Xlsx", "a.b.csv"]) is None
    assert unggah.pesan_jenis_ditolak([]) is None


def test_satu_berkas_ditolak_disebut_namanya_dan_jenis_yang_diterima():
    assert unggah.pesan_jenis_ditolak(["opd.csv", "catatan.txt"]) == (
        "Berkas ini tidak dapat dimuat: catatan.txt. Hanya berkas XLSX atau CSV (templat impor atau ekspor "
        "SIPD) yang diterima. Hapus berkas itu dari daftar unggahan (tombol × di sampingnya), lalu unggah "
        "berkas XLSX atau CSV.")


def test_beberapa_berkas_ditolak_semuanya_disebut():
    # .xls lama, .xlsm, arsip bernama .xlsx.zip dan berkas tanpa akhiran juga bukan .xlsx/.csv.
    pesan = unggah.pesan_jenis_ditolak(["a.csv", "laporan.pdf", "LRA", "rak.xlsx.zip", "lama.xls", "m.xlsm"])
    assert pesan.startswith("5 berkas ini tidak dapat dimuat: laporan.pdf, LRA, rak.xlsx.zip, lama.xls, m.xlsm. ")
    assert "a.csv" not in pesan


def test_halaman_menolak_jenis_lain_sebelum_menyimpan_atau_menebak(monkeypatch, db):  # noqa: F811
    at = _masuk(monkeypatch, db)
    at.file_uploader[0].set_value([("catatan.txt", b"kode_opd\n1\n", "text/plain"),
                                   ("opd.csv", b"kode_opd\n1\n", "text/csv")]).run()
    assert not at.exception, [e.value for e in at.exception]
    galat = [re.sub(r"\\(.)", r"\1", e.value) for e in at.error]  # tanpa escape markdown
    assert galat == ["Berkas ini tidak dapat dimuat: catatan.txt. Hanya berkas XLSX atau CSV (templat impor "
                     "atau ekspor SIPD) yang diterima. Hapus berkas itu dari daftar unggahan (tombol × di "
                     "sampingnya), lalu unggah berkas XLSX atau CSV."]
    assert not any(s.value == "3. Format dan pilihan" for s in at.subheader)
    assert not (db.parent / "unggahan").exists() or not any((db.parent / "unggahan").rglob("catatan.txt"))


# ---- teks pengunggah: satu sumber ---------------------------------------------------------------

def test_batas_dan_jenis_di_teks_pengunggah_dari_config():
    teks = unggah.teks_pengunggah()
    assert teks["petunjuk"] == f"Maks. {BATAS_MB} MB per berkas · XLSX atau CSV"
    assert f"batasnya {BATAS_MB} MB per berkas" in teks["terlalu_besar"]
    assert f"batasnya {BATAS_MB} MB per berkas" in teks["ditolak"]
    css = tema.css_pengunggah()
    for k in ("pilih", "petunjuk", "ditolak"):
        assert f'content: "{teks[k]}" / ""' in css, k


# ---- bundel Streamlit: teks Inggris pengunggah ------------------------------------------------

def _bundel(awalan: str, berisi: str) -> str:
    berkas = [p for p in JS.glob(f"{awalan}.*.js") if berisi in p.read_text(encoding="utf-8")]
    assert len(berkas) == 1, (awalan, berisi, berkas)
    return berkas[0].read_text(encoding="utf-8")


def _teks_inggris(sumber: str) -> set[str]:
    """Literal template JS yang berupa teks untuk orang: kata lalu kata (huruf kecil), atau satu kata
    berhuruf besar di awal; isi ${...} dibuang. Nilai CSS, nama kelas dan data-testid tidak."""
    hasil = set()
    for m in re.finditer(r"`((?:[^`\\]|\\.)*)`", sumber):
        t = re.sub(r"\$\{[^}]*\}", "", m.group(1))
        if re.search(r"[A-Za-z]+ [a-z]+", t) or re.fullmatch(r"[A-Z][a-z]+", t):
            hasil.add(t)
    return hasil


# Teks Inggris FileUploader.*.js 1.67 -> potongan di komponen pengunggah yang menanganinya.
TEKS_PENGUNGGAH = {
    "Upload": "'Upload': t.pilih",
    "Upload directories": "'Upload directories': t.pilih",
    "Drag and drop files here": "'Drag and drop files here': t.lepas",
    "Drag and drop a file here": "'Drag and drop a file here': t.lepas",
    "Drag and drop directories here": "'Drag and drop directories here': t.lepas",
    " per file": " per file(?:",                         # "50MB per file • CSV, XLSX"
    " files are not allowed.": "files are not allowed",
    "Add files": "'Add files' ? t.tambah",
}
# Teks Inggris chip berkas (utils.*.js yang memuat stFileChip) -> potongan yang menanganinya.
TEKS_CHIP = {
    "`Remove ${e.name}`": "v.startsWith('Remove ')",
    "`Cancel upload of ${e.name}`": "v.startsWith('Cancel upload of ')",
    "`${e.name}, ${x}`": "v.lastIndexOf(', ')",            # aria-label chip: nama, "53.5MB"
    "`Click to retry upload`": "'Click to retry upload' ? t.ulang",
    "[`Error: `,h]": "s === 'Error:' ? t.galat",
    "`File must be ${$(n,`b`)} or smaller.`": "must be .* or smaller",
    "`${t.type} files are not allowed.`": "files are not allowed",
    "`File size is too small.`": "File size is too small",
    "`Only one file is allowed.`": "Only one file is allowed",
    "`Unexpected error. Please try again.`": "return t.gagal_kirim",   # dan pesan lain
    "`Upload failed`": "return t.gagal_kirim",
    '"aria-label":`file upload`': "'file upload' ? t.input",
}


def test_teks_inggris_file_uploader_semuanya_dikenal():
    """Streamlit dinaikkan dan pengunggahnya mendapat teks baru: tes ini gagal, daftarnya
    (dan komponen pengunggah) diperiksa ulang."""
    assert _teks_inggris(_bundel("FileUploader", "stFileUploaderDropzone")) == set(TEKS_PENGUNGGAH)


@pytest.mark.parametrize("inggris", sorted(TEKS_CHIP))
def test_teks_chip_ada_di_bundel_dan_ditangani(inggris):
    assert inggris in _bundel("utils", "stFileChip")
    assert TEKS_CHIP[inggris] in unggah._JS_PENGUNGGAH


@pytest.mark.parametrize("inggris", sorted(TEKS_PENGUNGGAH))
def test_teks_pengunggah_ditangani(inggris):
    assert TEKS_PENGUNGGAH[inggris] in unggah._JS_PENGUNGGAH
