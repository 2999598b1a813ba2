"""`python -m kinerja demo` dan ./jalankan.sh tidak pernah menimpa database yang berisi data
selain demo (issue "Your own pemda", butir 2): dijalankan sebagai proses, seperti pengguna."""

from __future__ import annotations

import os
import subprocess
import time
import urllib.request
from contextlib import contextmanager
from pathlib import Path

import duckdb
import pytest

from tests.bantu_peramban import _port_bebas
from tests.test_cli import AKAR, _jalankan, _sidik


@pytest.fixture
def db_dengan_impor(tmp_path) -> Path:
    """Database demo yang diisi analis dengan impor berkasnya sendiri (pemda T01), seperti yang
    dapat terjadi sebelum impor menolak mencampur demo dengan pemda lain."""
    db = tmp_path / "kinerja.duckdb"
    assert _jalankan("demo", "--db", str(db)).returncode == 0
    con = duckdb.connect(str(db))
    try:
        con.execute("INSERT INTO pemda VALUES ('T01', 'Kabupaten Uji', NULL)")
        con.execute("INSERT INTO log_impor (waktu, pengguna, nama_file, sha256, format, hasil) "
                    "VALUES (current_timestamp, 'analis', 'kecil/', 'abc', 'template', 'berhasil')")
    finally:
        con.close()
    return db


@pytest.fixture
def db_demo_dengan_lra(tmp_path) -> Path:
    """Seperti yang terjadi sebelum issue ini: LRA nyata dimuat ke pemda demo itu sendiri
    (tanpa pemda baru), hanya log impornya yang menunjukkan ada data pengguna."""
    db = tmp_path / "kinerja.duckdb"
    assert _jalankan("demo", "--db", str(db)).returncode == 0
    con = duckdb.connect(str(db))
    try:
        con.execute("UPDATE anggaran_bulanan SET realisasi_kumulatif = 126091861 "
                    "WHERE kode_opd = '2.16.2.20.2.21.01.0000' AND tahun = 2026 AND bulan = 1")
        con.execute("INSERT INTO log_impor (waktu, pengguna, nama_file, sha256, format, hasil) "
                    "VALUES (current_timestamp, 'analis', 'lra_januari.xlsx', 'abc', 'sipd-lra', 'berhasil')")
    finally:
        con.close()
    return db


@pytest.mark.parametrize("paksa", [[], ["--paksa"]])
def test_demo_menolak_database_berisi_pemda_lain(db_dengan_impor, paksa):
    sidik = _sidik(db_dengan_impor)
    hasil = _jalankan("demo", "--db", str(db_dengan_impor), *paksa)
    assert hasil.returncode == 1
    assert "tidak dibangun" in hasil.stderr and "Kabupaten Uji (T01)" in hasil.stderr
    assert "tidak diubah" in hasil.stderr
    assert _sidik(db_dengan_impor) == sidik


def test_demo_menolak_database_demo_yang_berisi_impor_pengguna(db_demo_dengan_lra):
    sidik = _sidik(db_demo_dengan_lra)
    hasil = _jalankan("demo", "--db", str(db_demo_dengan_lra), "--paksa")
    assert hasil.returncode == 1
    assert "1 impor selain data demo" in hasil.stderr and "lra_januari.xlsx oleh analis" in hasil.stderr
    assert _sidik(db_demo_dengan_lra) == sidik


def test_demo_menolak_berkas_asing(tmp_path):
    asing = tmp_path / "kinerja.duckdb"
    asing.write_bytes(b"bukan database, mis. laporan yang salah simpan\n" * 100)
    sidik = _sidik(asing)
    hasil = _jalankan("demo", "--db", str(asing))
    assert hasil.returncode == 1 and "bukan database DuckDB" in hasil.stderr and "tidak diubah" in hasil.stderr
    assert _sidik(asing) == sidik


def test_demo_boleh_dibangun_ulang_pada_berkas_demo(tmp_path):
    db = tmp_path / "kinerja.duckdb"
    assert _jalankan("demo", "--db", str(db)).returncode == 0
    ulang = _jalankan("demo", "--db", str(db), "--paksa")
    assert ulang.returncode == 0, ulang.stderr
    assert "dibangun" in ulang.stdout


def test_biarkan_data_sendiri_keluar_0_tanpa_mengubah(db_dengan_impor):
    sidik = _sidik(db_dengan_impor)
    hasil = _jalankan("demo", "--db", str(db_dengan_impor), "--biarkan-data-sendiri")
    assert hasil.returncode == 0, hasil.stderr
    assert "dipakai apa adanya" in hasil.stdout
    assert _sidik(db_dengan_impor) == sidik


@contextmanager
def jalankan_sh(db: Path):
    """./jalankan.sh yang sebenarnya (pip, demo --biarkan-data-sendiri, streamlit) pada db;
    menghasilkan (url, baca_keluaran) setelah server sehat, lalu menghentikannya."""
    port = _port_bebas()
    env = dict(os.environ, KINERJA_DB=str(db))
    proses = subprocess.Popen(["bash", str(AKAR / "jalankan.sh"), "--server.port", str(port),
                               "--server.address", "127.0.0.1", "--server.headless", "true"],
                              cwd=AKAR, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                              start_new_session=True)
    keluaran: list[str] = []
    try:
        batas = time.monotonic() + 300  # pip memeriksa paket dulu; mesin CI bisa sibuk
        sehat = False
        while time.monotonic() < batas and proses.poll() is None:
            try:
                sehat = urllib.request.urlopen(f"http://127.0.0.1:{port}/_stcore/health", timeout=2).read() == b"ok"
            except OSError:
                time.sleep(0.5)
            if sehat:
                break
        assert sehat, proses.stdout.read().decode() if proses.poll() is not None else "server tidak sehat"
        yield f"http://127.0.0.1:{port}", keluaran
    finally:
        os.killpg(proses.pid, 15)
        proses.wait(30)
        keluaran.append(proses.stdout.read().decode())


def test_jalankan_sh_melayani_data_sendiri_tanpa_membangun_ulang(db_demo_dengan_lra):
    """Analis mengimpor datanya lalu besok pagi menjalankan ./jalankan.sh lagi: dasbor
    melayani database itu, dan berkasnya tidak berubah sebait pun."""
    sidik = _sidik(db_demo_dengan_lra)
    with jalankan_sh(db_demo_dengan_lra) as (_, keluaran):
        pass
    assert "dipakai apa adanya" in keluaran[0], keluaran[0]
    assert _sidik(db_demo_dengan_lra) == sidik
