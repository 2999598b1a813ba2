"""Satu impor mengurai berkasnya sekali (issue 11): pemeriksaan lalu pemuatan memakai hasil
urai yang sama, di baris perintah dan di Kelola Data. Hasil urai itu tetap diperiksa ulang
terhadap database yang benar-benar ditulis (yang bisa sudah diubah impor lain sejak diperiksa).
"""

from __future__ import annotations

import hashlib
import shutil
from collections import Counter
from pathlib import Path

import duckdb
import pytest

from kinerja.cli import perintah as cli
from kinerja.impor import periksa as inti
from kinerja.impor import sipd_lra, sipd_rak, templat_xlsx, template
from kinerja.impor.muat import HasilImpor, Rencana
from kinerja.impor.periksa import Opsi
from tests.sampel import LRA, RAK

FIXTURE = Path(__file__).resolve().parent / "fixtures" / "kecil"


@pytest.fixture
def urai(monkeypatch) -> Counter:
    """Hitungan pemanggilan setiap pengurai berkas (pembaca CSV, XLSX templat, LRA, RAK)."""
    jumlah: Counter = Counter()
    for modul, nama in [(template, "baca_csv"), (templat_xlsx, "baca_xlsx"),
                        (sipd_lra, "baca_lra"), (sipd_rak, "baca_rak")]:
        asli = getattr(modul, nama)

        def bungkus(*a, _asli=asli, _nama=nama, **k):
            jumlah[_nama] += 1
            return _asli(*a, **k)

        monkeypatch.setattr(modul, nama, bungkus)
    return jumlah


@pytest.fixture(scope="module")
def _db_rak(tmp_path_factory) -> Path:
    """Database pemda 18.01 dengan RAK nyata (OPD Diskominfo terdaftar)."""
    db = tmp_path_factory.mktemp("rak") / "kinerja.duckdb"
    assert cli.main(["baru", "--db", str(db), "--pemda", "18.01"]) == 0
    assert cli.main(["impor", "--db", str(db), "--format", "sipd-rak", "--buat-opd", str(RAK)]) == 0
    return db


@pytest.fixture
def db(_db_rak, tmp_path) -> Path:
    salinan = tmp_path / "kinerja.duckdb"
    shutil.copyfile(_db_rak, salinan)
    return salinan


def _hitung(db: Path, sql: str, params: dict | None = None):
    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute(sql, params or {}).fetchone()[0]
    finally:
        con.close()


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


# ---- baris perintah -----------------------------------------------------------------------------

def test_cli_impor_templat_mengurai_setiap_csv_sekali(tmp_path, urai):
    db = tmp_path / "kinerja.duckdb"
    assert cli.main(["baru", "--db", str(db), "--pemda", "18.01"]) == 0
    assert cli.main(["impor", "--db", str(db), str(FIXTURE)]) == 0
    # Diperiksa pada koneksi baca-saja, lalu dimuat ke salinan: tetap satu urai per berkas.
    assert urai == Counter({"baca_csv": len(list(FIXTURE.glob("*.csv")))})
    baris_berkas = sum(1 for _ in (FIXTURE / "capaian.csv").open(encoding="utf-8")) - 1
    assert _hitung(db, "SELECT count(*) FROM target_realisasi") == baris_berkas


def test_cli_impor_sipd_mengurai_berkas_sekali(db, urai):
    assert cli.main(["impor", "--db", str(db), "--format", "sipd-lra", "--bulan", "1", "--kumulatif",
                     str(LRA)]) == 0
    assert urai == Counter({"baca_lra": 1})
    assert _hitung(db, "SELECT count(DISTINCT bulan) FROM anggaran_rinci") == 1


def test_cli_uji_coba_mengurai_sekali_dan_tidak_menulis(db, urai):
    sebelum = _sha(db)
    assert cli.main(["impor", "--db", str(db), "--format", "sipd-lra", "--bulan", "1", "--kumulatif",
                     "--dry-run", str(LRA)]) == 0
    assert urai == Counter({"baca_lra": 1})
    assert _sha(db) == sebelum


# ---- Kelola Data: Periksa lalu Muat -------------------------------------------------------------

def test_periksa_lalu_muat_memakai_hasil_urai_pemeriksaan(db, urai):
    opsi = Opsi("sipd-lra", bulan=1, kumulatif=True)
    rencana = inti.periksa(db, [LRA], opsi)
    assert isinstance(rencana, Rencana), rencana
    akhir = inti.muat_berkas(db, [LRA], opsi, rencana=rencana, pengguna="tes")
    assert isinstance(akhir, HasilImpor) and akhir.dimuat
    assert urai == Counter({"baca_lra": 1})
    assert akhir.jumlah_baris == rencana.info.jumlah_baris
    assert _hitung(db, "SELECT count(*) FROM log_impor WHERE format = 'sipd-lra'") == 1


def test_templat_dimuat_dari_hasil_urai_walau_database_berubah_sejak_diperiksa(tmp_path, urai):
    """Impor lain mengubah kode yang dikenal database: hasil urai diperiksa ulang, tidak diurai ulang."""
    db = tmp_path / "kinerja.duckdb"
    assert cli.main(["baru", "--db", str(db), "--pemda", "18.01"]) == 0
    berkas = sorted(FIXTURE.glob("*.csv"))
    rencana = inti.periksa(db, berkas, Opsi("template"))
    assert isinstance(rencana, Rencana), rencana
    # Sementara itu analis lain memuat RAK dengan OPD baru (urai sendiri, impor sendiri).
    assert cli.main(["impor", "--db", str(db), "--format", "sipd-rak", "--buat-opd", str(RAK)]) == 0
    urai.clear()
    akhir = inti.muat_berkas(db, berkas, Opsi("template"), rencana=rencana, pengguna="tes")
    assert isinstance(akhir, HasilImpor) and akhir.dimuat, akhir
    assert urai == Counter()
    assert _hitung(db, "SELECT count(*) FROM log_impor WHERE format = 'template'") == 1
    assert _hitung(db, "SELECT count(*) FROM log_impor WHERE format = 'sipd-rak'") == 1
    baris_berkas = sum(1 for _ in (FIXTURE / "capaian.csv").open(encoding="utf-8")) - 1
    assert _hitung(db, "SELECT count(*) FROM target_realisasi") == baris_berkas


def test_hasil_urai_ditolak_bila_database_berubah_membuatnya_salah(db, urai):
    """Februari (angka bulanan) diperiksa saat hanya Januari yang dimuat: sah. Sebelum dimuat,
    analis lain memuat Maret kumulatif yang lebih rendah dari Januari + Februari. Pemeriksaan
    ulang atas hasil urai yang sama menolaknya; database tetap seperti setelah Maret."""
    assert cli.main(["impor", "--db", str(db), "--format", "sipd-lra", "--bulan", "1", "--kumulatif",
                     str(LRA)]) == 0
    februari = Opsi("sipd-lra", bulan=2, kumulatif=False)
    rencana = inti.periksa(db, [LRA], februari)
    assert isinstance(rencana, Rencana), rencana
    assert cli.main(["impor", "--db", str(db), "--format", "sipd-lra", "--bulan", "3", "--kumulatif",
                     str(LRA)]) == 0
    sebelum = _sha(db)
    urai.clear()
    akhir = inti.muat_berkas(db, [LRA], februari, rencana=rencana, pengguna="tes")
    assert isinstance(akhir, list) and akhir, akhir
    assert all("lebih tinggi dari Maret" in m.pesan for m in akhir), [m.pesan for m in akhir]
    assert urai == Counter()
    assert _sha(db) == sebelum
