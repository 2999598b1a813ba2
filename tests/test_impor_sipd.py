"""Memuat ekspor SIPD nyata (samples/sipd) ke database: total OPD di dasbor sama
dengan baris OPD berkasnya sendiri, bulan diganti bukan ditambah, OPD baru hanya
dengan persetujuan, dan proses yang dimatikan di tengah tidak meninggalkan apa pun."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import openpyxl
import pytest

from kinerja.impor.masalah import ImporGagal
from kinerja.impor.muat_sipd import impor_sipd
from kinerja.skema import buat_skema
from tests.sampel import LRA, RAK

AKAR = Path(__file__).resolve().parent.parent
KOMINFO = "2.16.2.20.2.21.01.0000"


def _total_opd_lra(path: Path) -> tuple[float, float]:
    """Pagu dan realisasi baris OPD dibaca langsung dari berkas: semua kelompok belanja,
    dan semua baris OPD (OPD ini muncul sekali per bidangnya: 2.16, 2.20, 2.21)."""
    from kinerja.angka import baca_angka

    ws = openpyxl.load_workbook(path, data_only=True).active
    pagu = realisasi = 0.0
    for r in ws.iter_rows(values_only=True):
        if r[1] == KOMINFO and r[2] is None:
            angka = [baca_angka(x, ",") or 0 for x in r[5:13]]
            pagu, realisasi = pagu + sum(angka[0::2]), realisasi + sum(angka[1::2])
    assert pagu > 0, "baris OPD tidak ditemukan"
    return pagu, realisasi


def _isi(con) -> dict:
    return {t: con.execute(f"SELECT * FROM {t} ORDER BY ALL").fetchall()
            for t in ("opd", "opd_bidang", "anggaran_bulanan", "anggaran_rinci", "rak_rinci")}


@pytest.fixture
def con(tmp_path):
    c = duckdb.connect(str(tmp_path / "sipd.duckdb"))
    buat_skema(c)
    c.execute("INSERT INTO pemda VALUES ('18.01', 'Kabupaten Lampung Selatan', NULL)")
    yield c
    c.close()


def test_opd_baru_tanpa_persetujuan_ditolak_dan_database_utuh(con):
    sebelum = _isi(con)
    with pytest.raises(ImporGagal) as e:
        impor_sipd(con, LRA, "sipd-lra", bulan=1, kumulatif=True)
    pesan = " ".join(str(m) for m in e.value.masalah)
    assert KOMINFO in pesan and "belum terdaftar" in pesan and "--buat-opd" in pesan
    assert _isi(con) == sebelum


def test_bulan_dan_jenis_angka_wajib_dinyatakan(con):
    with pytest.raises(ImporGagal) as e:
        impor_sipd(con, LRA, "sipd-lra", buat_opd=True)
    pesan = " ".join(str(m) for m in e.value.masalah)
    assert "--bulan" in pesan and "--kumulatif" in pesan and "--bulanan" in pesan


def test_tahun_berbeda_ditolak(con):
    with pytest.raises(ImporGagal) as e:
        impor_sipd(con, LRA, "sipd-lra", tahun=2025, bulan=1, kumulatif=True, buat_opd=True)
    assert "tahun 2026, bukan 2025" in str(e.value.masalah[0])


def test_lra_dan_rak_total_sama_dengan_baris_opd_berkas(con):
    info = impor_sipd(con, LRA, "sipd-lra", bulan=1, kumulatif=True, buat_opd=True, pengguna="tes")
    assert info.dimuat and info.jumlah_baris["opd baru"] == 1
    opd = con.execute("SELECT nama_opd, kode_urusan FROM opd WHERE kode_opd = $k", {"k": KOMINFO}).fetchone()
    assert opd == ("Dinas Komunikasi dan Informatika", "2.16")
    bidang = {r[0] for r in con.execute("SELECT kode_urusan FROM opd_bidang").fetchall()}
    assert bidang == {"2.16", "2.20", "2.21"}
    pagu, realisasi = _total_opd_lra(LRA)
    v = con.execute("SELECT pagu, realisasi_kumulatif FROM v_anggaran_opd WHERE tahun = 2026 AND bulan = 1"
                    " AND kode_opd = $k", {"k": KOMINFO}).fetchone()
    assert v == (pytest.approx(pagu), pytest.approx(realisasi))
    # = baris "Jumlah" berkas: 10.701.893.800 + 109.048.100 (operasi + modal, tiga bidang)
    assert pagu == pytest.approx(10_810_941_900)

    impor_sipd(con, RAK, "sipd-rak", pengguna="tes")
    baris = con.execute("SELECT bulan, pagu, rencana_kumulatif, realisasi_kumulatif, persen_rencana FROM v_anggaran_opd "
                        "WHERE kode_opd = $k ORDER BY bulan", {"k": KOMINFO}).fetchall()
    assert [b[0] for b in baris] == [1, 2, 3, 4, 5, 6, 7]
    # Baris OPD RAK (2.16 + 2.20 + 2.21) = baris JUMLAH: Januari 940.984.719, Jan-Jul 7.824.925.459
    assert baris[0][2] == pytest.approx(918_410_119 + 10_214_600 + 12_360_000)
    assert baris[6][2] == pytest.approx(7_824_925_459)
    assert baris[0][1] == pytest.approx(pagu)                  # pagu Januari tetap dari LRA
    assert baris[1][1] == pytest.approx(10_810_941_900)        # bulan tanpa LRA: pagu dari RAK
    assert baris[0][3] == pytest.approx(realisasi)
    assert baris[0][4] == pytest.approx(940_984_719 / pagu * 100)
    log = con.execute("SELECT format, hasil, sha256 FROM log_impor ORDER BY id").fetchall()
    import hashlib
    assert log == [("sipd-lra", "berhasil", hashlib.sha256(LRA.read_bytes()).hexdigest()),
                   ("sipd-rak", "berhasil", hashlib.sha256(RAK.read_bytes()).hexdigest())]


def test_berkas_sama_dua_kali_tidak_mengubah_data(con):
    impor_sipd(con, LRA, "sipd-lra", bulan=1, kumulatif=True, buat_opd=True)
    impor_sipd(con, RAK, "sipd-rak")
    sebelum = _isi(con)
    impor_sipd(con, LRA, "sipd-lra", bulan=1, kumulatif=True, buat_opd=True)
    impor_sipd(con, RAK, "sipd-rak")
    assert _isi(con) == sebelum


def test_bulan_berikutnya_mengganti_bukan_menambah(con):
    impor_sipd(con, LRA, "sipd-lra", bulan=1, kumulatif=True, buat_opd=True)
    _, realisasi = _total_opd_lra(LRA)
    # Berkas yang sama dinyatakan sebagai angka Februari saja: kumulatif = Jan + Feb.
    impor_sipd(con, LRA, "sipd-lra", bulan=2, kumulatif=False)
    feb = con.execute("SELECT realisasi_kumulatif FROM anggaran_bulanan WHERE bulan = 2").fetchone()[0]
    assert feb == pytest.approx(2 * realisasi)
    # Februari dimuat ulang sebagai kumulatif: menggantikan, tidak ditambahkan lagi.
    impor_sipd(con, LRA, "sipd-lra", bulan=2, kumulatif=True)
    feb = con.execute("SELECT realisasi_kumulatif FROM anggaran_bulanan WHERE bulan = 2").fetchone()[0]
    assert feb == pytest.approx(realisasi)
    assert con.execute("SELECT count(*) FROM anggaran_bulanan").fetchone()[0] == 2


def test_angka_bulanan_tanpa_bulan_sebelumnya_ditolak(con):
    with pytest.raises(ImporGagal) as e:
        impor_sipd(con, LRA, "sipd-lra", bulan=3, kumulatif=False, buat_opd=True)
    assert "Februari 2026 yang belum dimuat" in str(e.value.masalah[0])


SKRIP_MATI = r"""
import sys, time
import duckdb
import kinerja.impor.muat as muat
from kinerja.impor.muat_sipd import impor_sipd
asli = muat.teks_kueri
def lambat(nama):
    if nama == "impor/simpan_lra":
        print("DI-TENGAH", flush=True)   # baris OPD dan rincian sedang ditulis
        time.sleep(60)
    return asli(nama)
muat.teks_kueri = lambat
con = duckdb.connect(sys.argv[1])
impor_sipd(con, sys.argv[2], "sipd-lra", bulan=1, kumulatif=True, buat_opd=True)
"""


def test_proses_dimatikan_di_tengah_impor(tmp_path):
    path = tmp_path / "mati.duckdb"
    c = duckdb.connect(str(path))
    buat_skema(c)
    c.execute("INSERT INTO pemda VALUES ('18.01', 'Kabupaten Lampung Selatan', NULL)")
    c.close()
    c = duckdb.connect(str(path), read_only=True)
    sebelum = _isi(c)
    c.close()
    proses = subprocess.Popen([sys.executable, "-c", SKRIP_MATI, str(path), str(LRA)], cwd=AKAR,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    baris = proses.stdout.readline()
    assert "DI-TENGAH" in baris, proses.stderr.read()
    time.sleep(0.3)
    os.kill(proses.pid, signal.SIGKILL)   # tanpa kesempatan membersihkan apa pun
    proses.wait(10)
    c = duckdb.connect(str(path), read_only=True)
    try:
        assert _isi(c) == sebelum
        assert c.execute("SELECT count(*) FROM log_impor").fetchone()[0] == 0
    finally:
        c.close()


def test_dasbor_menampilkan_total_berkas_sipd(monkeypatch, tmp_path):
    """Setelah LRA Januari dan RAK dimuat ke database tanpa data kinerja, halaman Tren
    menampilkan kurva S OPD itu dengan persen yang sama dengan baris OPD berkasnya."""
    import json

    from tests.bantu_apptest import buka_halaman

    path = tmp_path / "sipd_saja.duckdb"
    c = duckdb.connect(str(path))
    buat_skema(c)
    c.execute("INSERT INTO pemda VALUES ('18.01', 'Kabupaten Lampung Selatan', NULL)")
    impor_sipd(c, LRA, "sipd-lra", bulan=1, kumulatif=True, buat_opd=True)
    impor_sipd(c, RAK, "sipd-rak")
    c.close()
    pagu, realisasi = _total_opd_lra(LRA)
    at = buka_halaman(monkeypatch, path, "pages/tren.py")
    # Periode bawaan = periode anggaran terbaru (TW I 2026), walau belum ada capaian kinerja
    assert at.session_state["_filter"].tahun == 2026 and at.session_state["_filter"].triwulan == 1
    spec = next(json.loads(e.proto.spec) for e in at.get("plotly_chart") if e.proto.id.endswith("-kurva_s"))
    seri = {t["meta"]: t for t in spec["data"]}
    assert seri["realisasi"]["y"][0] == pytest.approx(realisasi / pagu * 100)
    assert seri["rencana"]["y"][0] == pytest.approx(940_984_719 / pagu * 100)
    assert seri["rencana"]["y"][6] == pytest.approx(7_824_925_459 / 10_810_941_900 * 100)
