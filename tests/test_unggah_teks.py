"""Pengunggah Kelola Data tanpa teks Inggris (issue 12), tanpa peramban: jenis berkas diperiksa
server dengan pesan Indonesia (kinerja.ui.unggah.pesan_jenis_ditolak, juga lewat AppTest);
batas dan jenis di teks pengunggah dari satu tempat; setiap teks Inggris pengunggah di bundel
Streamlit 1.67 ada dan ditangani aturan pengunggah di penerjemah bersama (kinerja.ui.bahasa;
terjemahannya dihitung ulang penerjemah rujukan tests/test_bahasa_streamlit.terjemah). Di peramban:
tests/test_peramban_unggah.py."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pytest
import streamlit

from kinerja.ui import tema, unggah
from tests.test_bahasa_streamlit import terjemah
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


# Bagian pengunggah (pemilih persis seperti di aturan kinerja.ui.unggah.aturan_bahasa).
P = unggah.PENGUNGGAH
CHIP = '[data-testid="stFileChip"]'
GALAT_CHIP = f'{CHIP} [role="alert"]'
TOOLTIP_GALAT = f'{P} [data-testid="stTooltipErrorHoverTarget"]'
DATA = '[data-testid="stFileChipName"], [data-testid="stWidgetLabel"]'
T = unggah.teks_pengunggah()
DI_PENGUNGGAH = {"di": (P,)}
DI_CHIP = {"di": (CHIP, P)}
DI_GALAT = {"di": (GALAT_CHIP, CHIP, P)}
DI_TOOLTIP = {"tooltip_dari": (TOOLTIP_GALAT,)}
DI_TOMBOL_CHIP = {"di": (CHIP, P), "kecuali": (f"{CHIP} *",)}   # tombol hapus di dalam chip

# Teks Inggris FileUploader.*.js 1.67 -> [(contoh yang tampil, jenis, bagian, padanan Indonesia)].
TEKS_PENGUNGGAH = {
    "Upload": [("Upload", "teks", DI_PENGUNGGAH, T["pilih"])],
    "Upload directories": [("Upload directories", "teks", DI_PENGUNGGAH, T["pilih"])],
    "Drag and drop files here": [("Drag and drop files here", "teks", DI_PENGUNGGAH, T["lepas"])],
    "Drag and drop a file here": [("Drag and drop a file here", "teks", DI_PENGUNGGAH, T["lepas"])],
    "Drag and drop directories here": [("Drag and drop directories here", "teks", DI_PENGUNGGAH, T["lepas"])],
    " per file": [("50MB per file", "teks", DI_PENGUNGGAH, T["petunjuk"]),
                  ("50MB per file \u2022 CSV, XLSX", "teks", DI_PENGUNGGAH, T["petunjuk"]),
                  ("200.5 MB per file", "teks", DI_PENGUNGGAH, T["petunjuk"])],
    " files are not allowed.": [("application/pdf files are not allowed.", "teks", DI_GALAT, T["jenis_ditolak"])],
    "Add files": [("Add files", "aria-label", DI_PENGUNGGAH, T["tambah"])],
}
# Teks Inggris chip berkas (utils.*.js yang memuat stFileChip) -> contoh seperti di atas.
TEKS_CHIP = {
    "`Remove ${e.name}`": [("Remove besar.xlsx", "aria-label", DI_TOMBOL_CHIP, "Hapus besar.xlsx")],
    "`Cancel upload of ${e.name}`": [("Cancel upload of opd.csv", "aria-label", DI_TOMBOL_CHIP,
                                      "Batalkan unggahan opd.csv")],
    # aria-label chip: nama, ukuran (desimal 10^6, satu angka di belakang titik) -> koma dan spasi.
    "`${e.name}, ${x}`": [("besar.xlsx, 52.4MB", "aria-label", DI_CHIP, "besar.xlsx, 52,4 MB"),
                          ("a, b.csv, 26.0B", "aria-label", DI_CHIP, "a, b.csv, 26 B"),
                          ("opd.csv, 3KB", "aria-label", DI_CHIP, "opd.csv, 3 KB")],
    "`Click to retry upload`": [("Click to retry upload", "title", DI_CHIP, T["ulang"])],
    "[`Error: `,h]": [("Error:", "teks", DI_GALAT, T["galat"])],
    "`File must be ${$(n,`b`)} or smaller.`": [("File must be 50.0MB or smaller.", "teks", DI_GALAT,
                                                T["terlalu_besar"]),
                                               ("File must be 50.0MB or smaller.", "teks", DI_TOOLTIP,
                                                T["terlalu_besar"])],
    "`${t.type} files are not allowed.`": [("text/plain files are not allowed.", "teks", DI_TOOLTIP,
                                            T["jenis_ditolak"])],
    "`File size is too small.`": [("File size is too small.", "teks", DI_GALAT, T["terlalu_kecil"])],
    "`Only one file is allowed.`": [("Only one file is allowed.", "teks", DI_TOOLTIP, T["satu_berkas"])],
    # Pesan lain (galat jaringan, status HTTP): gagal dikirim.
    "`Unexpected error. Please try again.`": [("Unexpected error. Please try again.", "teks", DI_GALAT,
                                               T["gagal_kirim"])],
    "`Upload failed`": [("Upload failed", "teks", DI_TOOLTIP, T["gagal_kirim"]),
                        ("AxiosError: Request failed with status code 500", "teks", DI_GALAT, T["gagal_kirim"])],
    '"aria-label":`file upload`': [("file upload", "aria-label", DI_PENGUNGGAH, T["input"])],
}


def test_teks_inggris_file_uploader_semuanya_dikenal():
    """Streamlit dinaikkan dan pengunggahnya mendapat teks baru: tes ini gagal, daftarnya
    (dan aturan pengunggah) diperiksa ulang."""
    assert _teks_inggris(_bundel("FileUploader", "stFileUploaderDropzone")) == set(TEKS_PENGUNGGAH)


def _periksa(contoh):
    for teks, jenis, bagian, harapan in contoh:
        assert terjemah(teks, jenis=jenis, **bagian) == harapan, teks


@pytest.mark.parametrize("inggris", sorted(TEKS_CHIP))
def test_teks_chip_ada_di_bundel_dan_ditangani(inggris):
    assert inggris in _bundel("utils", "stFileChip")
    _periksa(TEKS_CHIP[inggris])


@pytest.mark.parametrize("inggris", sorted(TEKS_PENGUNGGAH))
def test_teks_pengunggah_ditangani(inggris):
    _periksa(TEKS_PENGUNGGAH[inggris])


def test_nama_berkas_dan_label_tidak_disentuh():
    """Nama berkas (chip) dan label widget adalah data, juga bila bunyinya seperti teks bawaan."""
    for nama in ("Upload", "Add files", "53.5MB", "Error:"):
        assert terjemah(nama, di=(CHIP, P), kecuali=(DATA,), bukan=True) is None, nama
    # Teks yang sudah Indonesia di pesan galat chip tidak diganti "gagal dikirim" (pengamat berhenti).
    for s in (T["galat"], T["terlalu_besar"], T["gagal_kirim"]):
        assert s in {b for a in unggah.aturan_bahasa() for b in [a["lain"], *a["teks"].values(),
                                                              *(t for _, t in a["pola"])] if b}


def test_pengunggah_tanpa_komponen_sendiri():
    """Satu penerjemah untuk seluruh dasbor: pengunggah tidak memasang komponennya sendiri."""
    sumber = (AKAR / "kinerja" / "ui" / "unggah.py").read_text(encoding="utf-8")
    assert "components.v2" not in sumber
