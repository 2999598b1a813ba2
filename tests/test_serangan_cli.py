"""Serangan lewat baris perintah dan sistem berkas: --db yang bukan database, --out yang
menunjuk database atau folder yang tidak ada, disk penuh, folder tanpa hak tulis.

Setiap kasus: pesan berbahasa Indonesia, keluar bukan nol, dan berkas yang ada tidak berubah
(sidik sha256 sama, tidak ada berkas baru di sampingnya).
"""

from __future__ import annotations

import errno
import hashlib
import resource
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from kinerja.cli import perintah as cli
from tests.sampel import RAK

AKAR = Path(__file__).resolve().parent.parent
FIXTURE = AKAR / "tests" / "fixtures" / "kecil"


def _jalankan(*argumen: str, batas_berkas: int | None = None) -> subprocess.CompletedProcess:
    def _batasi():  # disk "penuh": penulisan melewati batas ukuran berkas gagal (EFBIG)
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (batas_berkas, batas_berkas))

    return subprocess.run([sys.executable, "-m", "kinerja", *argumen], cwd=AKAR, capture_output=True,
                          text=True, timeout=180, preexec_fn=_batasi if batas_berkas else None)


def _sidik(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _isi_folder(folder: Path) -> dict[str, str]:
    return {p.name: _sidik(p) for p in folder.iterdir() if p.is_file()}


@pytest.fixture(scope="module")
def db_asli(tmp_path_factory) -> Path:
    """Database pemda nyata kosong (18.01) dengan data templat kecil."""
    db = tmp_path_factory.mktemp("asli") / "kinerja.duckdb"
    assert _jalankan("baru", "--db", str(db), "--pemda", "18.01").returncode == 0
    hasil = _jalankan("impor", "--db", str(db), str(FIXTURE))
    assert hasil.returncode == 0, hasil.stderr
    return db


@pytest.fixture
def db(db_asli, tmp_path) -> Path:
    salinan = tmp_path / "kinerja.duckdb"
    shutil.copyfile(db_asli, salinan)
    return salinan


# --- --out tidak pernah menimpa database -----------------------------------------------------

def test_ekspor_ke_database_sendiri_ditolak(db):
    sidik = _sidik(db)
    hasil = _jalankan("ekspor", "--db", str(db), "--tahun", "2025", "--pemda", "T01", "--format", "xlsx", "--out", str(db))
    assert hasil.returncode == 1
    assert "adalah database yang dibaca" in hasil.stderr and "Traceback" not in hasil.stderr
    assert _sidik(db) == sidik


@pytest.mark.parametrize("sasaran", ["akses", "lain", "wal"])
def test_ekspor_ke_database_lain_ditolak(db, tmp_path, sasaran):
    if sasaran == "akses":  # database akun di samping database data
        assert _jalankan("pengguna", "--db", str(db), "daftar").returncode == 0
        out = tmp_path / "kinerja.akses.duckdb"
        shutil.copyfile(db, out)
    elif sasaran == "lain":
        out = tmp_path / "arsip-2025.duckdb"
        shutil.copyfile(db, out)
    else:
        out = tmp_path / "kinerja.duckdb.wal"
    sebelum = _isi_folder(tmp_path)
    hasil = _jalankan("ekspor", "--db", str(db), "--tahun", "2025", "--pemda", "T01", "--format", "pdf", "--out", str(out))
    assert hasil.returncode == 1, hasil.stdout
    assert "Pilih nama lain" in hasil.stderr and "Traceback" not in hasil.stderr
    assert _isi_folder(tmp_path) == sebelum


def test_templat_ke_database_ditolak(db):
    sidik = _sidik(db)
    hasil = _jalankan("template", "--out", str(db))
    assert hasil.returncode == 1
    assert "database DuckDB" in hasil.stderr and "Traceback" not in hasil.stderr
    assert _sidik(db) == sidik


def test_ekspor_ke_folder_yang_tidak_ada(db, tmp_path):
    out = tmp_path / "tidak-ada" / "paket.pdf"
    hasil = _jalankan("ekspor", "--db", str(db), "--tahun", "2025", "--pemda", "T01", "--format", "pdf", "--out", str(out))
    assert hasil.returncode == 1
    assert f"Folder {out.parent} tidak ada" in hasil.stderr and "Traceback" not in hasil.stderr
    assert not out.parent.exists()


def test_ekspor_ke_folder_ditolak(db, tmp_path):
    hasil = _jalankan("ekspor", "--db", str(db), "--tahun", "2025", "--pemda", "T01", "--format", "xlsx", "--out", str(tmp_path))
    assert hasil.returncode == 1
    assert "adalah folder" in hasil.stderr


def test_ekspor_berhasil_tanpa_berkas_sementara(db, tmp_path):
    out = tmp_path / "paket.xlsx"
    hasil = _jalankan("ekspor", "--db", str(db), "--tahun", "2025", "--pemda", "T01", "--format", "xlsx", "--out", str(out))
    assert hasil.returncode == 0, hasil.stderr
    assert out.read_bytes()[:2] == b"PK"
    assert not [p for p in tmp_path.iterdir() if "sementara" in p.name]


# --- --db yang bukan database ------------------------------------------------------------------

PERINTAH_DB = [
    ("impor", str(FIXTURE)),
    ("ekspor", "--tahun", "2026", "--format", "xlsx"),
    ("perbarui",),
    ("pengguna", "daftar"),
    ("demo",),
    ("demo", "--paksa"),
    ("baru", "--pemda", "18.01"),
]


@pytest.mark.parametrize("isi,jenis", [(b"kode_opd,nama_opd\n1.01,Dinas\n", "berkas teks"),
                                       (b"PK\x03\x04" + b"\0" * 200, "buku kerja Excel"),
                                       (b"", "berkas kosong")])
@pytest.mark.parametrize("perintah", PERINTAH_DB, ids=lambda p: " ".join(p[:2]))
def test_db_bukan_database_tidak_disentuh(tmp_path, perintah, isi, jenis):
    palsu = tmp_path / "data.duckdb"
    palsu.write_bytes(isi)
    nama, *lain = perintah
    argumen = [nama, "--db", str(palsu), *lain] if nama != "pengguna" else [nama, "--db", str(palsu), *lain]
    hasil = _jalankan(*argumen)
    assert hasil.returncode == 1, hasil.stdout
    assert f"{palsu} bukan database DuckDB; tampaknya {jenis}" in hasil.stderr or \
        (jenis == "berkas kosong" and f"{palsu} bukan database DuckDB; berkas kosong" in hasil.stderr)
    assert "Traceback" not in hasil.stderr
    assert palsu.read_bytes() == isi
    assert [p.name for p in tmp_path.iterdir()] == ["data.duckdb"]  # tidak ada database akses, cadangan


def test_db_folder_ditolak(tmp_path):
    hasil = _jalankan("impor", "--db", str(tmp_path), str(FIXTURE))
    assert hasil.returncode == 1
    assert "adalah folder, bukan berkas database" in hasil.stderr


# --- disk penuh ------------------------------------------------------------------------------------

@pytest.mark.parametrize("lebih", [-100_000, 100_000], ids=["saat-menyalin", "saat-menulis-data"])
def test_disk_penuh_saat_impor(db, tmp_path, lebih):
    """Batas ukuran berkas di bawah ukuran database: salinan gagal; sedikit di atasnya: DuckDB
    gagal menulis data impor (checkpoint). Keduanya pesan yang sama, database tidak berubah."""
    sebelum = _isi_folder(tmp_path)
    hasil = _jalankan("impor", "--db", str(db), "--buat-opd", str(RAK), batas_berkas=db.stat().st_size + lebih)
    assert hasil.returncode == 1, hasil.stdout
    assert "Ruang disk tidak cukup untuk menulis di" in hasil.stderr
    assert "database tidak berubah" in hasil.stderr
    assert "Traceback" not in hasil.stderr and "rollback" not in hasil.stderr
    assert _isi_folder(tmp_path) == sebelum  # tanpa salinan tertinggal, tanpa cadangan
    assert not (tmp_path / "kinerja.basisdata.cadangan").exists() or not any((tmp_path / "kinerja.basisdata.cadangan").iterdir())


def test_disk_penuh_saat_ekspor(db, tmp_path):
    out = tmp_path / "paket.xlsx"
    hasil = _jalankan("ekspor", "--db", str(db), "--tahun", "2025", "--pemda", "T01", "--format", "xlsx", "--out", str(out),
                      batas_berkas=2000)
    assert hasil.returncode == 1, hasil.stdout
    assert "Ruang disk tidak cukup" in hasil.stderr and "berkas keluaran tidak ditulis" in hasil.stderr
    assert not out.exists() and not [p for p in tmp_path.iterdir() if "sementara" in p.name]


# --- folder tanpa hak tulis (disimulasikan: tes CI berjalan sebagai root) -------------------------

@pytest.mark.parametrize("kode", [errno.EACCES, errno.EROFS])
@pytest.mark.parametrize("perintah", [("impor", str(FIXTURE)), ("perbarui",)], ids=lambda p: p[0])
def test_folder_tanpa_hak_tulis(db, tmp_path, monkeypatch, capsys, kode, perintah):
    from kinerja.impor import tukar

    def _ditolak(src, dst, *a, **k):
        raise OSError(kode, "Permission denied" if kode == errno.EACCES else "Read-only file system", str(dst))

    monkeypatch.setattr(tukar.shutil, "copyfile", _ditolak)
    if perintah[0] == "perbarui":  # perbarui hanya menulis bila aturannya usang
        monkeypatch.setattr("kinerja.skema.turunan_mutakhir", lambda con: False)
    sebelum = _isi_folder(tmp_path)
    rc = cli.main([perintah[0], "--db", str(db), *perintah[1:]])
    err = capsys.readouterr().err
    assert rc == 1
    assert f"Folder {tmp_path} tidak dapat ditulis (baca-saja atau tanpa hak tulis)" in err
    assert _isi_folder(tmp_path) == sebelum
