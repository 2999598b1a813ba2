"""Jalan-jalan pengguna baru dengan ekspor SIPD nyata (isu "Your own pemda", butir 7), sebagai
proses: `baru` Lampung Selatan, impor LRA Januari dan RAK dengan --buat-opd, lalu ./jalankan.sh
dan setiap halaman di Chromium. Angka pembanding dibaca langsung dari berkasnya (openpyxl)."""

from __future__ import annotations

import duckdb
import openpyxl
import pytest

from tests.bantu_peramban import buka
from tests.sampel import LRA, RAK
from tests.test_cli import _jalankan, _sidik
from tests.test_demo_tidak_menimpa import jalankan_sh

DISKOMINFO = "2.16.2.20.2.21.01.0000"
NAMA_BULAN = ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September",
              "Oktober", "November", "Desember"]
GRAFIK = {"ringkasan": 1, "tren": 1, "profil_opd": 1}   # gauge keuangan; kurva S
HALAMAN = ["ringkasan", "mode_rapat", "peringkat_opd", "di_bawah_target", "tren", "profil_opd", "tentang_data"]


def _angka(x) -> float:
    """'10.373.024.900,00' atau angka: nilai Rupiah (pembaca sendiri, bukan kinerja.angka)."""
    if isinstance(x, (int, float)):
        return float(x)
    return float(str(x).replace(".", "").replace(",", ".")) if x not in (None, "") else 0.0


def _lra_berkas() -> tuple[float, float]:
    """Pagu dan realisasi Diskominfo: jumlah baris OPD (sekali per bidang), semua kelompok belanja."""
    pagu = realisasi = 0.0
    for r in openpyxl.load_workbook(LRA, data_only=True).active.iter_rows(values_only=True):
        if r[1] == DISKOMINFO and r[2] is None:
            angka = [_angka(x) for x in r[5:13]]
            pagu, realisasi = pagu + sum(angka[0::2]), realisasi + sum(angka[1::2])
    return pagu, realisasi


def _rak_berkas() -> tuple[float, dict[int, float]]:
    """Pagu setahun dan rencana kas per bulan dari baris urusan '2' (satu-satunya urusan OPD ini)."""
    ws = openpyxl.load_workbook(RAK, data_only=True).worksheets[0]
    baris = list(ws.iter_rows(values_only=True))
    judul = next(r for r in baris if r and "Kode Rekening" in r)
    kolom = {b + 1: judul.index(n) for b, n in enumerate(NAMA_BULAN) if n in judul}
    total = next(r for r in baris if r and r[0] == "2")
    return _angka(total[judul.index("Anggaran Tahun Ini")]), {b: _angka(total[i]) for b, i in kolom.items()}


@pytest.fixture(scope="module")
def db_lamsel(tmp_path_factory):
    db = tmp_path_factory.mktemp("lamsel") / "kinerja.duckdb"
    for argumen in (["baru", "--pemda", "18.01"],
                    ["impor", "--bulan", "1", "--kumulatif", "--buat-opd", str(LRA)],
                    ["impor", "--buat-opd", str(RAK)]):
        hasil = _jalankan(*argumen[:1], "--db", str(db), *argumen[1:])
        assert hasil.returncode == 0, hasil.stderr
    return db


def test_angka_dasbor_sama_dengan_baris_berkas_bulan_demi_bulan(db_lamsel):
    pagu_lra, realisasi_lra = _lra_berkas()
    pagu_rak, rencana = _rak_berkas()
    assert sorted(rencana) == list(range(1, 8))
    con = duckdb.connect(str(db_lamsel), read_only=True)
    try:
        assert con.execute("SELECT kode_pemda, nama_pemda FROM pemda").fetchall() == [
            ("18.01", "Kabupaten Lampung Selatan")]
        assert con.execute("SELECT kode_opd, nama_opd FROM opd").fetchall() == [
            (DISKOMINFO, "Dinas Komunikasi dan Informatika")]
        baris = con.execute("SELECT bulan, pagu, rencana_kumulatif, realisasi_kumulatif FROM v_anggaran_opd "
                            "WHERE kode_opd = $k AND tahun = 2026 ORDER BY bulan", {"k": DISKOMINFO}).fetchall()
    finally:
        con.close()
    assert [b for b, *_ in baris] == list(range(1, 8))        # Agustus-Desember: tidak dimuat, celah
    kumulatif = 0.0
    for bulan, pagu, rencana_kum, realisasi in baris:
        kumulatif += rencana[bulan]
        assert rencana_kum == pytest.approx(kumulatif), bulan
        assert pagu == pytest.approx(pagu_lra if bulan == 1 else pagu_rak), bulan
        assert realisasi == (pytest.approx(realisasi_lra) if bulan == 1 else None), bulan


def test_setiap_halaman_hanya_lampung_selatan_dan_jalankan_sh_tidak_mengubah(db_lamsel, peramban):
    pagu, realisasi = _lra_berkas()
    persen = f"{realisasi / pagu * 100:.1f}".replace(".", ",") + "%"   # 1,2%
    sidik = _sidik(db_lamsel)
    with jalankan_sh(db_lamsel) as (url, _):
        for nama in HALAMAN:
            hal = buka(peramban, f"{url}/{nama}", 1280, 720, grafik=GRAFIK.get(nama, 0))
            teks = hal.inner_text("[data-testid='stMain']")
            assert "Kabupaten Lampung Selatan" in teks or nama == "tentang_data", (nama, teks[:400])
            for asing in ("fiktif", "Nusa Makmur", "demo"):
                assert asing.lower() not in teks.lower(), (nama, asing, teks[:400])
            if nama == "ringkasan":
                assert persen in teks, teks[:600]
            if nama == "profil_opd":
                assert "Dinas Komunikasi dan Informatika" in teks and persen in teks
            if nama == "tentang_data":  # riwayat impor: tabel kanvas (isinya diuji AppTest)
                assert "Riwayat impor" in teks and "Data per" in teks
            hal.close()
    assert _sidik(db_lamsel) == sidik
