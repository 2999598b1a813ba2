"""Tabel sumber demo (data/demo_sumber/*.csv) dan pembangkitnya (data/buat_demo.py).

data/buat_demo.py dijalankan pada salinannya di folder sementara (FOLDER dan SUMBER
mengikuti letak berkas skrip), dengan `python -I -S` sehingga paket di luar pustaka
standar tidak dapat diimpor. Hasilnya harus sama per byte dengan data/demo/*.csv
yang di-commit dan dimuat aplikasi.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

AKAR = Path(__file__).resolve().parents[1]
DEMO = AKAR / "data" / "demo"
SUMBER = AKAR / "data" / "demo_sumber"

KOLOM_INDIKATOR = ("indikator,satuan,polaritas,agregasi,tingkat,target_2021,perubahan_per_tahun,"
                   "porsi_tw,nilai_maks,rentang_atas_baik,ikut_ukuran_wilayah")
JUDUL_SUMBER = {
    "opd.csv": "kode_opd,nama_opd,singkatan,profil,pagu_2021_miliar,kunci_kendala",
    "kecamatan.csv": "nama_kecamatan,profil,pagu_2021_miliar,ukuran_wilayah",
    "paksa_kategori.csv": "tahun,awalan_opd,rata_capaian",
    "krisis.csv": "tahun,awalan_opd,penurunan_kinerja,kendala,tindak_lanjut",
    "indikator_generik.csv": "kode_generik," + KOLOM_INDIKATOR,
    "indikator.csv": "kelompok,kode_generik," + KOLOM_INDIKATOR,
    "kendala.csv": "kumpulan,kendala,tindak_lanjut,tahun_awal,tahun_akhir",
    "kendala_khusus.csv": "tahun,triwulan,awalan_opd,kendala,tindak_lanjut",
}
HASIL = ["anggaran.csv", "capaian.csv", "indikator.csv", "kendala.csv", "opd.csv", "pemda.csv"]


def _salin(tmp_path: Path) -> Path:
    data = tmp_path / "data"
    data.mkdir()
    shutil.copy2(AKAR / "data" / "buat_demo.py", data / "buat_demo.py")
    shutil.copytree(SUMBER, data / "demo_sumber")
    return data


def _jalankan(data: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-I", "-S", str(data / "buat_demo.py")], cwd=data.parent,
                          capture_output=True, text=True, timeout=120)


def test_berkas_sumber_dan_judul_kolomnya():
    assert sorted(p.name for p in SUMBER.iterdir()) == sorted(JUDUL_SUMBER)
    for nama, judul in JUDUL_SUMBER.items():
        with open(SUMBER / nama, encoding="utf-8", newline="") as f:
            baris_pertama = f.readline()
            assert baris_pertama == judul + "\n", nama
            assert f.readline().strip(), f"{nama} tidak berisi baris data"


def test_sumber_tidak_di_folder_yang_dimuat_aplikasi():
    # Setiap CSV di data/demo/ diimpor sebagai data demo; sumber tidak boleh ikut di sana.
    assert sorted(p.name for p in DEMO.iterdir()) == HASIL


def test_bangkit_ulang_sama_per_byte_dengan_data_demo(tmp_path):
    data = _salin(tmp_path)
    hasil = _jalankan(data)
    assert hasil.returncode == 0, hasil.stderr
    assert sorted(p.name for p in (data / "demo").iterdir()) == HASIL
    for nama in HASIL:
        assert (data / "demo" / nama).read_bytes() == (DEMO / nama).read_bytes(), nama


def test_tabel_dibaca_dari_sumber_bukan_dari_skrip(tmp_path):
    skrip = (AKAR / "data" / "buat_demo.py").read_text(encoding="utf-8")
    for teks in ("Blangko KTP-el terbatas dari pusat", "Rumah Sakit Umum Daerah Pratama Teluk Kemuning",
                 "Angka Partisipasi Kasar PAUD", "Wabah penyakit mulut dan kuku (PMK)"):
        assert teks not in skrip
    data = _salin(tmp_path)
    opd = data / "demo_sumber" / "opd.csv"
    opd.write_text(opd.read_text(encoding="utf-8").replace(",Dinas Pendidikan,", ",Dinas Pendidikan Ubahan,"),
                   encoding="utf-8")
    hasil = _jalankan(data)
    assert hasil.returncode == 0, hasil.stderr
    keluar = (data / "demo" / "opd.csv").read_text(encoding="utf-8")
    assert "99.01,1.01.0.00.0.00.01.0000,Dinas Pendidikan Ubahan,Disdik\n" in keluar


def test_judul_kolom_salah_ditolak_tanpa_menulis(tmp_path):
    data = _salin(tmp_path)
    kendala = data / "demo_sumber" / "kendala.csv"
    isi = kendala.read_text(encoding="utf-8")
    kendala.write_text(isi.replace("tahun_awal,tahun_akhir", "tahun_mulai,tahun_akhir", 1), encoding="utf-8")
    hasil = _jalankan(data)
    assert hasil.returncode == 1
    assert "kendala.csv: judul kolom" in hasil.stderr
    assert "tahun_awal" in hasil.stderr  # menyebut judul yang seharusnya
    assert not (data / "demo").exists()
