"""Baris perintah `python -m kinerja` (kontrak DESIGN.md), dijalankan sebagai proses."""

from __future__ import annotations

import hashlib
import shutil
import subprocess
import sys
from pathlib import Path

import duckdb

AKAR = Path(__file__).resolve().parent.parent
FIXTURE = AKAR / "tests" / "fixtures" / "kecil"


def _jalankan(*argumen: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "kinerja", *argumen], cwd=AKAR,
                          capture_output=True, text=True, timeout=120)


def _baru(db: Path, kode: str = "18.01") -> subprocess.CompletedProcess:
    """Database kosong pemda nyata (Lampung Selatan) lewat `baru`, seperti pengguna memulai."""
    hasil = _jalankan("baru", "--db", str(db), "--pemda", kode)
    assert hasil.returncode == 0, hasil.stderr
    return hasil


def _sidik(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _hitung(path: Path, tabel: str) -> int:
    con = duckdb.connect(str(path), read_only=True)
    try:
        return con.execute(f"SELECT count(*) FROM {tabel}").fetchone()[0]  # nama tabel dari tes sendiri
    finally:
        con.close()


def test_bantuan_berbahasa_indonesia():
    for argumen in ([], ["demo"], ["baru"], ["impor"]):
        hasil = _jalankan(*argumen, "--help")
        assert hasil.returncode == 0
        assert "Pemakaian:" in hasil.stdout and "tampilkan bantuan ini" in hasil.stdout
        assert "usage:" not in hasil.stdout and "show this help" not in hasil.stdout


def test_demo_idempoten(tmp_path):
    db = tmp_path / "demo.duckdb"
    pertama = _jalankan("demo", "--db", str(db))
    assert pertama.returncode == 0, pertama.stderr
    assert "dibangun" in pertama.stdout
    sidik = _sidik(db)
    kedua = _jalankan("demo", "--db", str(db))
    assert kedua.returncode == 0
    assert "sudah mutakhir" in kedua.stdout
    assert _sidik(db) == sidik, "menjalankan demo kedua kali tidak boleh mengubah berkas"
    con = duckdb.connect(str(db), read_only=True)
    assert con.execute("SELECT count(*) FROM log_impor").fetchone()[0] == 1
    assert con.execute("SELECT count(*) FROM opd").fetchone()[0] >= 40
    con.close()


def test_impor_templat_berhasil_dan_dry_run(tmp_path):
    db = tmp_path / "k.duckdb"
    assert _baru(db).returncode == 0
    sidik = _sidik(db)
    uji = _jalankan("impor", "--db", str(db), "--dry-run", str(FIXTURE))
    assert uji.returncode == 0, uji.stderr
    assert "uji coba" in uji.stdout
    assert _sidik(db) == sidik
    nyata = _jalankan("impor", "--db", str(db), str(FIXTURE))
    assert nyata.returncode == 0, nyata.stderr
    assert "11 indikator" in nyata.stdout and "dimuat" in nyata.stdout
    con = duckdb.connect(str(db), read_only=True)
    assert con.execute("SELECT count(*) FROM pemda").fetchone()[0] == 2
    con.close()


def test_impor_buruk_ditolak_per_baris_dan_database_utuh(tmp_path):
    db = tmp_path / "k.duckdb"
    assert _baru(db).returncode == 0
    sidik = _sidik(db)
    buruk = tmp_path / "buruk"
    shutil.copytree(FIXTURE, buruk)
    capaian = buruk / "capaian.csv"
    baris = capaian.read_text().splitlines()
    baris[2] = "T01,A2,2025,4,tujuh,,6.5"          # baris 3: target bukan angka
    baris[3] = "T01,A3,1899,4,8,,9"                # baris 4: tahun di luar rentang
    baris.append("T01,ZZ9,2025,4,1,,1")            # indikator tidak dikenal
    capaian.write_text("\n".join(baris) + "\n")
    hasil = _jalankan("impor", "--db", str(db), str(buruk))
    assert hasil.returncode == 1
    pesan = hasil.stderr
    assert "database tidak berubah" in pesan
    assert "capaian.csv, lembar capaian, baris 3, kolom target" in pesan and "'tujuh'" in pesan
    assert "baris 4, kolom tahun" in pesan and "1899" in pesan
    assert "indikator tidak dikenal" in pesan and "ZZ9" in pesan
    assert _sidik(db) == sidik


def test_impor_tanpa_database_memberi_petunjuk(tmp_path):
    hasil = _jalankan("impor", "--db", str(tmp_path / "tidak-ada.duckdb"), str(FIXTURE))
    assert hasil.returncode == 1
    assert "python -m kinerja baru" in hasil.stderr and "python -m kinerja demo" in hasil.stderr


def test_templat_ditulis_dan_contohnya_lolos_validasi(tmp_path):
    out = tmp_path / "templat.xlsx"
    hasil = _jalankan("template", "--out", str(out))
    assert hasil.returncode == 0, hasil.stderr
    db = tmp_path / "k.duckdb"
    assert _jalankan("demo", "--db", str(db)).returncode == 0
    uji = _jalankan("impor", "--db", str(db), "--dry-run", str(out))
    assert uji.returncode == 0, uji.stderr
    assert "siap dimuat" in uji.stdout


def test_sandi_membuat_hash_yang_cocok():
    from kinerja.akses.sandi import cocok

    hasil = subprocess.run([sys.executable, "-m", "kinerja", "sandi", "--stdin"], cwd=AKAR, input="kata-sandi-rapat-2026\n",
                           capture_output=True, text=True, timeout=60)
    assert hasil.returncode == 0, hasil.stderr
    baris = [b for b in hasil.stdout.splitlines() if b.startswith("sandi_hash")][0]
    hash_ = baris.split('"')[1]
    assert cocok("kata-sandi-rapat-2026", hash_) and not cocok("salah", hash_)
    pendek = subprocess.run([sys.executable, "-m", "kinerja", "sandi", "--stdin"], cwd=AKAR, input="pendek\n",
                            capture_output=True, text=True, timeout=60)
    assert pendek.returncode == 1 and "terlalu pendek" in pendek.stderr


def test_impor_sipd_lewat_cli(tmp_path):
    from tests.sampel import LRA as sampel
    db = tmp_path / "k.duckdb"
    assert _baru(db).returncode == 0
    sidik = _sidik(db)
    tanpa_bulan = _jalankan("impor", "--db", str(db), str(sampel))
    assert tanpa_bulan.returncode == 1 and "--bulan" in tanpa_bulan.stderr
    assert _sidik(db) == sidik
    ok = _jalankan("impor", "--db", str(db), "--bulan", "1", "--kumulatif", "--buat-opd", str(sampel))
    assert ok.returncode == 0, ok.stderr
    assert "lra_januari.xlsx" in ok.stdout and "dimuat" in ok.stdout


def _pemegang(db: Path, baca_saja: bool) -> subprocess.Popen:
    """Proses lain yang memegang database: dasbor (baca-saja) atau penulis."""
    # Memegang sampai dihentikan tes (atau stdin ditutup), bukan selama waktu tetap: di mesin CI
    # yang sibuk tes bisa lebih lama dari jeda apa pun.
    p = subprocess.Popen([sys.executable, "-c",
                          "import duckdb, sys; c = duckdb.connect(sys.argv[1], read_only=sys.argv[2] == '1'); "
                          "print('siap', flush=True); sys.stdin.readline()", str(db), "1" if baca_saja else "0"],
                         stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    assert p.stdout.readline().strip() == "siap"
    return p


def test_impor_saat_dasbor_berjalan(tmp_path):
    """Dasbor yang berjalan memegang database baca-saja: impor baris perintah tetap jalan
    (dimuat ke salinan lalu ditukar), tanpa menghentikan dasbor; dasbor melihat data baru
    setelah membuka ulang berkasnya."""
    db = tmp_path / "k.duckdb"
    assert _baru(db).returncode == 0
    pemegang = _pemegang(db, baca_saja=True)
    try:
        sebelum = _hitung(db, "log_impor")
        hasil = _jalankan("impor", "--db", str(db), str(FIXTURE))
        assert hasil.returncode == 0, hasil.stderr
        assert pemegang.poll() is None          # dasbor tetap hidup
        assert _hitung(db, "log_impor") == sebelum + 1
        assert _hitung(db, "pemda") == 2         # pemda uji dari fixture kecil ikut dimuat
        assert not list(tmp_path.glob("*.impor-*"))   # salinan tidak tertinggal
    finally:
        pemegang.kill()
        pemegang.wait()


def test_impor_saat_proses_lain_menulis(tmp_path):
    """Proses lain sedang menulis (memegang kunci tulis): impor menolak dengan pesan jelas,
    tanpa traceback, dan tidak mengubah apa pun."""
    db = tmp_path / "k.duckdb"
    assert _baru(db).returncode == 0
    pemegang = _pemegang(db, baca_saja=False)
    try:
        sidik = _sidik(db)
        hasil = _jalankan("impor", "--db", str(db), str(FIXTURE))
        assert hasil.returncode == 1
        assert "sedang ditulis proses lain" in hasil.stderr and "Traceback" not in hasil.stderr
        assert _sidik(db) == sidik
    finally:
        pemegang.kill()
        pemegang.wait()


def test_ekspor_paket_rapat_tiga_format(tmp_path):
    """python -m kinerja ekspor: nama berkas berisi pemda, tahun, triwulan; isinya terbaca kembali."""
    import openpyxl
    from pptx import Presentation
    from pypdf import PdfReader

    db = tmp_path / "k.duckdb"
    assert _jalankan("demo", "--db", str(db)).returncode == 0
    con = duckdb.connect(str(db), read_only=True)
    capaian = con.execute("SELECT avg(capaian) FROM v_capaian_opd WHERE tahun = 2025 AND triwulan = 4").fetchone()[0]
    terbaik = con.execute("SELECT nama_opd FROM v_capaian_opd WHERE tahun = 2025 AND triwulan = 4 "
                          "ORDER BY capaian, nama_opd LIMIT 1").fetchone()[0]
    con.close()
    for fmt_ in ("xlsx", "pptx", "pdf"):
        hasil = subprocess.run([sys.executable, "-m", "kinerja", "ekspor", "--db", str(db), "--tahun", "2025",
                                "--triwulan", "4", "--format", fmt_], cwd=tmp_path, capture_output=True,
                               text=True, timeout=300, env={**__import__("os").environ, "PYTHONPATH": str(AKAR)})
        assert hasil.returncode == 0, hasil.stderr
        berkas = tmp_path / f"paket-rapat_kabupaten-nusa-makmur_2025_TW4.{fmt_}"
        assert berkas.exists(), hasil.stdout
    wb = openpyxl.load_workbook(tmp_path / "paket-rapat_kabupaten-nusa-makmur_2025_TW4.xlsx")
    assert {"Ringkasan", "Peringkat", "Kendala"} <= set(wb.sheetnames)
    teks_pptx = " ".join(sh.text_frame.text for sl in Presentation(
        tmp_path / "paket-rapat_kabupaten-nusa-makmur_2025_TW4.pptx").slides for sh in sl.shapes if sh.has_text_frame)
    assert "Poin" in teks_pptx
    teks_pdf = " ".join(h.extract_text() for h in PdfReader(tmp_path / "paket-rapat_kabupaten-nusa-makmur_2025_TW4.pdf").pages)
    from kinerja import format as fmt

    assert fmt.persen(capaian) in teks_pdf
    assert terbaik.split()[0] in teks_pdf
    tidak_ada = _jalankan("ekspor", "--db", str(db), "--tahun", "2030", "--format", "xlsx")
    assert tidak_ada.returncode == 1 and "Tidak ada data untuk tahun 2030" in tidak_ada.stderr
