"""Validasi melaporkan semua masalah sebuah berkas sekaligus (issue "Your own pemda", butir 6):
angka, kode, rujukan yang tidak dikenal, duplikat; bukan bergiliran setelah yang pertama
diperbaiki."""

from __future__ import annotations

import shutil
from pathlib import Path

import openpyxl
import pytest

from kinerja.impor.masalah import ImporGagal
from kinerja.impor.muat import impor_template
from kinerja.impor.muat_sipd import impor_sipd
from tests.sampel import LRA

FIXTURE = Path(__file__).resolve().parent / "fixtures" / "kecil"


def _pesan(e: ImporGagal) -> list[str]:
    return [str(m) for m in e.masalah]


def test_angka_salah_dan_indikator_tak_dikenal_di_baris_yang_sama(con_kecil, tmp_path):
    folder = tmp_path / "buruk"
    shutil.copytree(FIXTURE, folder)
    (folder / "capaian.csv").write_text(
        "kode_pemda,indikator_id,tahun,triwulan,target,target_atas,realisasi\n"
        "T01,ZZ9,2025,4,tujuh,,6.5\n"          # baris 2: angka salah DAN indikator tak dikenal
        "T01,ZZ8,1899,4,8,,9\n"                # baris 3: tahun salah DAN indikator tak dikenal
        "T01,A1,2025,4,80,,72\n"
        "T01,A1,2025,4,81,,72\n")              # baris 5: kunci ganda dengan isi lain
    with pytest.raises(ImporGagal) as e:
        impor_template(con_kecil, [folder], dry_run=True)
    pesan = _pesan(e.value)
    assert any("baris 2, kolom target" in p and "tujuh" in p for p in pesan), pesan
    assert any("baris 2, kolom indikator_id" in p and "ZZ9" in p for p in pesan), pesan
    assert any("baris 3, kolom tahun" in p and "1899" in p for p in pesan), pesan
    assert any("baris 3, kolom indikator_id" in p and "ZZ8" in p for p in pesan), pesan
    assert any("baris 4" in p and "baris 5" in p for p in pesan), pesan


def test_anggaran_angka_salah_dan_opd_tak_dikenal(con_kecil, tmp_path):
    folder = tmp_path / "buruk"
    folder.mkdir()
    (folder / "anggaran.csv").write_text(
        "kode_pemda,kode_opd,tahun,bulan,pagu,rak_kumulatif,realisasi_kumulatif,realisasi_fisik\n"
        "T01,9.99.0.00.0.00.01.0000,2025,3,satu milyar,100000000,80000000,12.5\n")
    with pytest.raises(ImporGagal) as e:
        impor_template(con_kecil, [folder], dry_run=True)
    pesan = _pesan(e.value)
    assert any("kolom pagu" in p and "satu milyar" in p for p in pesan), pesan
    assert any("kolom kode_opd" in p and "OPD tidak dikenal" in p for p in pesan), pesan


def test_sipd_angka_salah_dan_opd_belum_terdaftar_sekaligus(con_kosong, tmp_path):
    con_kosong.execute("INSERT INTO pemda VALUES ('18.01', 'Kabupaten Lampung Selatan', NULL)")
    wb = openpyxl.load_workbook(LRA)
    ws = wb.worksheets[0]
    # Sel angka pertama pada baris program di bawah baris OPD (baris 12 di ekspor asli).
    sel = next(c for c in ws[13] if isinstance(c.value, (int, float)) and c.value)
    sel.value = "sepuluh juta"
    rusak = tmp_path / "lra_rusak.xlsx"
    wb.save(rusak)
    with pytest.raises(ImporGagal) as e:
        impor_sipd(con_kosong, rusak, "sipd-lra", bulan=1, kumulatif=True, dry_run=True)
    pesan = _pesan(e.value)
    assert any("sepuluh juta" in p for p in pesan), pesan
    assert any("2.16.2.20.2.21.01.0000" in p and "belum terdaftar" in p for p in pesan), pesan
