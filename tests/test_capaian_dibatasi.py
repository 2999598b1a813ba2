"""Capaian yang dipotong ke 0 (rumus makin-rendah-makin-baik negatif) atau dibatasi (di atas batas
atas) menyebut target dan realisasinya di layar, slide dan cetakan.

Database kecil TW IV 2025 (dihitung tangan):
  Disdik 'Angka putus sekolah' (turun): target 5, realisasi 12 -> (2*5 - 12)/5*100 = -40 -> 0.
  Dinkes 'Angka kematian bayi' (turun): target 7, realisasi 6,5 -> 107,14 -> dihitung 100.
  Disdik 'Sekolah direhabilitasi' (naik): 200/100 = 200 -> dihitung 100.
"""

from __future__ import annotations

import pytest
from pptx import Presentation
from pypdf import PdfReader

from kinerja import format as fmt
from kinerja.ekspor import gambar as gbr
from kinerja.ekspor import tulis
from kinerja.rapat.paket import susun_paket
from tests.bantu_apptest import buka_halaman

DINKES = "1.02.0.00.0.00.01.0000"
DISDIK = "1.01.0.00.0.00.01.0000"
P = dict(kode_pemda="T01", tahun=2025, triwulan=4)
PUTUS = "dipotong ke 0% · target 5 · realisasi 12"


def test_tanda_batas_di_view(con_kecil):
    df = con_kecil.execute(
        "SELECT indikator, tanda_batas FROM capaian_indikator_rinci WHERE tahun = 2025 AND triwulan = 4 "
        "AND tanda_batas IS NOT NULL ORDER BY indikator").fetchall()
    assert df == [("Angka kematian bayi", "dibatasi"), ("Angka putus sekolah", "dipotong"),
                  ("Sekolah direhabilitasi", "dibatasi")]
    opd = con_kecil.execute(
        "SELECT kode_opd, jumlah_dibatasi, jumlah_dipotong FROM capaian_opd_rinci WHERE tahun = 2025 "
        "AND triwulan = 4 ORDER BY kode_opd").fetchall()
    assert dict((k, (a, b)) for k, a, b in opd)[DISDIK] == (1, 1)
    assert dict((k, (a, b)) for k, a, b in opd)[DINKES] == (1, 0)


def test_catatan_batas():
    assert fmt.catatan_batas("dipotong", 0.0, 7.8, 17.39) == "dipotong ke 0% · target 7,8 · realisasi 17,39"
    assert fmt.catatan_batas("dibatasi", 100.0, 7, 6.5) == "dihitung 100% (batas atas) · target 7 · realisasi 6,5"
    assert fmt.catatan_batas("dibatasi", 100.0, angka_ikut=False) == "dihitung 100% (batas atas)"
    assert fmt.catatan_batas(None, 50.0, 1, 2) == ""


def test_mode_rapat_slide_opd_menyebut_target_dan_realisasi(monkeypatch, db_kecil_berkas):
    # Himpunan 'bawah', terburuk dulu: slide 4 = Disdik (65,6%).
    at = buka_halaman(monkeypatch, db_kecil_berkas, "pages/mode_rapat.py", tahun="2025", triwulan="4",
                      set="bawah", slide="4")
    teks = "\n".join(str(m.value) for m in at.markdown)
    assert "Angka putus sekolah" in teks and PUTUS in teks


def test_profil_opd_menyebut_yang_dibatasi(monkeypatch, db_kecil_berkas):
    at = buka_halaman(monkeypatch, db_kecil_berkas, "pages/profil_opd.py", tahun="2025", triwulan="4",
                      profil=DINKES)
    tabel = at.dataframe[0].value.set_index("Indikator")
    assert tabel.loc["Angka kematian bayi", "Capaian"] == "107,1%"
    assert "dihitung 100% (batas atas)" in tabel.loc["Angka kematian bayi", "Tanda"]
    assert tabel.loc["Angka kematian bayi", "Target"] == "7" and tabel.loc["Angka kematian bayi", "Realisasi"] == "6,5"


@pytest.fixture
def tanpa_gambar(monkeypatch):
    monkeypatch.setattr(gbr, "ke_png_banyak", lambda daftar, **k: [None] * len(daftar))
    monkeypatch.setattr(gbr, "_alasan", "peramban tidak tersedia (tes)")


def test_pdf_dan_pptx_menyebut_yang_dipotong(con_kecil, tmp_path, tanpa_gambar):
    paket = susun_paket(con_kecil, "T01", 2025, 4)
    tulis(paket, "pdf", tmp_path / "k.pdf")
    pdf = " ".join(" ".join((h.extract_text() or "").split()) for h in PdfReader(str(tmp_path / "k.pdf")).pages)
    # Kolom target dan realisasi ada di tabel PDF; nama indikator membawa catatannya.
    assert "Angka putus sekolah (dipotong ke 0%)" in pdf
    tulis(paket, "pptx", tmp_path / "k.pptx")
    sel = [c.text for s in Presentation(str(tmp_path / "k.pptx")).slides for sh in s.shapes if sh.has_table
           for row in sh.table.rows for c in row.cells]
    assert f"Angka putus sekolah ({PUTUS})" in sel
