"""LRA kumulatif yang realisasinya turun dari bulan sebelumnya ditolak dengan pesan yang
menyebut OPD, kedua bulan, kedua angka dan berkas asalnya; dengan konfirmasi dimuat dan
log impor mencatatnya (issue "Your own pemda", butir 4). Angka harapan dihitung tangan dari
baris OPD ekspor nyata: realisasi Diskominfo Januari Rp 126.091.861."""

from __future__ import annotations

import pytest

from kinerja.impor.masalah import ImporGagal
from kinerja.impor.muat_sipd import impor_sipd
from tests.sampel import LRA

DISKOMINFO = "2.16.2.20.2.21.01.0000"


@pytest.fixture
def con(con_kosong):
    con_kosong.execute("INSERT INTO pemda VALUES ('18.01', 'Kabupaten Lampung Selatan', NULL)")
    impor_sipd(con_kosong, LRA, "sipd-lra", bulan=1, kumulatif=True, buat_opd=True, pengguna="tes")
    # Berkas yang sama sebagai angka bulanan Februari: kumulatif Februari = 2 x 126.091.861.
    impor_sipd(con_kosong, LRA, "sipd-lra", bulan=2, kumulatif=False, pengguna="tes")
    return con_kosong


def _isi(con) -> list:
    return con.execute("SELECT * FROM anggaran_bulanan ORDER BY ALL").fetchall() + \
        con.execute("SELECT count(*), sum(realisasi_kumulatif) FROM anggaran_rinci").fetchall()


def test_februari_kumulatif_benar(con):
    r = con.execute("SELECT bulan, realisasi_kumulatif FROM anggaran_bulanan WHERE kode_opd = $k ORDER BY bulan",
                    {"k": DISKOMINFO}).fetchall()
    assert r == [(1, 126091861.0), (2, 252183722.0)]


def test_kumulatif_lebih_rendah_dari_bulan_sebelumnya_ditolak(con):
    sebelum = _isi(con)
    with pytest.raises(ImporGagal) as e:
        impor_sipd(con, LRA, "sipd-lra", bulan=3, kumulatif=True, pengguna="tes")
    pesan = " ".join(str(m) for m in e.value.masalah)
    assert DISKOMINFO in pesan and "Dinas Komunikasi dan Informatika" in pesan
    assert "Maret 2026 Rp 126.091.861" in pesan and "Februari Rp 252.183.722" in pesan
    assert "(lra_januari.xlsx)" in pesan and "berkas lra_januari.xlsx" in pesan
    assert "--bulanan" in pesan and "--terima-turun" in pesan
    assert _isi(con) == sebelum


def test_bulan_sela_lebih_tinggi_dari_bulan_sesudahnya_ditolak(con_kosong):
    """Januari dan Maret dimuat (kumulatif, sama-sama Rp 126.091.861); lalu Februari sebagai angka
    bulanan: kumulatifnya Rp 252.183.722, lebih tinggi dari Maret yang sudah dimuat."""
    con_kosong.execute("INSERT INTO pemda VALUES ('18.01', 'Kabupaten Lampung Selatan', NULL)")
    impor_sipd(con_kosong, LRA, "sipd-lra", bulan=1, kumulatif=True, buat_opd=True, pengguna="tes")
    impor_sipd(con_kosong, LRA, "sipd-lra", bulan=3, kumulatif=True, pengguna="tes")
    with pytest.raises(ImporGagal) as e:
        impor_sipd(con_kosong, LRA, "sipd-lra", bulan=2, kumulatif=False, pengguna="tes")
    pesan = " ".join(str(m) for m in e.value.masalah)
    assert "Februari 2026 Rp 252.183.722" in pesan and "lebih tinggi dari Maret Rp 126.091.861" in pesan


def test_dengan_konfirmasi_dimuat_dan_dicatat(con):
    impor_sipd(con, LRA, "sipd-lra", bulan=3, kumulatif=True, pengguna="tes", terima_turun=True)
    r = con.execute("SELECT realisasi_kumulatif FROM anggaran_bulanan WHERE kode_opd = $k AND bulan = 3",
                    {"k": DISKOMINFO}).fetchone()
    assert r == (126091861.0,)
    pesan = con.execute("SELECT pesan FROM log_impor ORDER BY id DESC LIMIT 1").fetchone()[0]
    assert "konfirmasi pengguna walau realisasi kumulatif turun" in pesan and "Februari" in pesan


def test_sama_dengan_bulan_sebelumnya_boleh(con):
    impor_sipd(con, LRA, "sipd-lra", bulan=3, kumulatif=False, pengguna="tes")
    # Maret kumulatif 378.275.583; April kumulatif sama persis: tidak turun.
    impor_sipd(con, LRA, "sipd-lra", bulan=4, kumulatif=False, pengguna="tes")


def test_baris_perintah_menolak_lalu_menerima_dengan_konfirmasi(tmp_path):
    import hashlib
    import subprocess
    import sys

    import duckdb

    from kinerja.skema import buat_skema

    db = tmp_path / "lamsel.duckdb"
    c = duckdb.connect(str(db))
    buat_skema(c)
    c.execute("INSERT INTO pemda VALUES ('18.01', 'Kabupaten Lampung Selatan', NULL)")
    c.close()

    def impor(*arg):
        return subprocess.run([sys.executable, "-m", "kinerja", "impor", "--db", str(db), *arg, str(LRA)],
                              capture_output=True, text=True, timeout=300)

    assert impor("--bulan", "1", "--kumulatif", "--buat-opd").returncode == 0
    assert impor("--bulan", "2", "--bulanan").returncode == 0
    sidik = hashlib.sha256(db.read_bytes()).hexdigest()
    tolak = impor("--bulan", "3", "--kumulatif")
    assert tolak.returncode == 1
    assert "Maret 2026 Rp 126.091.861" in tolak.stderr and "Februari Rp 252.183.722" in tolak.stderr
    assert hashlib.sha256(db.read_bytes()).hexdigest() == sidik
    terima = impor("--bulan", "3", "--kumulatif", "--terima-turun")
    assert terima.returncode == 0, terima.stderr
    assert "konfirmasi pengguna" in terima.stdout
