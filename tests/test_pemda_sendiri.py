"""Database untuk pemda sendiri (`baru`), rujukan kode wilayah, dan demo yang tidak pernah
bercampur dengan data nyata (isu "Your own pemda", butir 1 dan 2)."""

from __future__ import annotations

import shutil

import duckdb
import pytest

from kinerja import wilayah
from kinerja.impor.masalah import ImporGagal
from kinerja.impor.muat import impor_template
from kinerja.impor.muat_sipd import impor_sipd
from kinerja.skema import VERSI_SKEMA, buat_skema
from tests.sampel import LRA, RAK
from tests.test_cli import FIXTURE, _baru, _jalankan, _sidik


# ------------------------------------------------------------------ rujukan kode wilayah

def test_rujukan_memuat_semua_provinsi_dan_kabupaten_kota():
    # DOMAIN.md: 38 provinsi, 514 kabupaten/kota (416 kabupaten, 98 kota).
    semua = wilayah.semua().values()
    assert sum(w.jenis == "provinsi" for w in semua) == 38
    assert sum(w.jenis == "kabupaten" for w in semua) == 416
    assert sum(w.jenis == "kota" for w in semua) == 98


@pytest.mark.parametrize("kode, nama", [
    ("18.01", "Kabupaten Lampung Selatan"),
    ("18.71", "Kota Bandar Lampung"),
    ("18", "Provinsi Lampung"),
    ("32.16", "Kabupaten Bekasi"),
    ("32.75", "Kota Bekasi"),
    ("76.01", "Kabupaten Pasangkayu"),     # dahulu Mamuju Utara
])
def test_kode_wilayah_kemendagri(kode, nama):
    assert wilayah.cari(kode).nama == nama


@pytest.mark.parametrize("kode", ["99.01", "18.99", "T01", "", "18.1", "1801"])
def test_kode_tidak_dikenal(kode):
    assert wilayah.cari(kode) is None
    assert "tidak" in wilayah.pesan_kode_tidak_dikenal(kode)


def test_nama_di_berkas_dicocokkan_dengan_pemda():
    assert wilayah.nama_cocok("KAB. LAMPUNG SELATAN", "18.01", "Kabupaten Lampung Selatan")
    assert wilayah.nama_cocok("PEMERINTAH KABUPATEN LAMPUNG SELATAN", "18.01", "Kabupaten Lampung Selatan")
    # Nama tampilan lain: tetap cocok lewat kode wilayahnya.
    assert wilayah.nama_cocok("KAB. LAMPUNG SELATAN", "18.01", "Pemkab Lamsel")
    assert wilayah.nama_cocok("KAB. MAMUJU UTARA", "76.01", "Kabupaten Pasangkayu")
    assert not wilayah.nama_cocok("KOTA BEKASI", "32.16", "Kabupaten Bekasi")
    assert not wilayah.nama_cocok("KAB. LAMPUNG TENGAH", "18.01", "Kabupaten Lampung Selatan")
    assert wilayah.cari_nama("KAB. LAMPUNG SELATAN").kode == "18.01"
    assert wilayah.cari_nama("KABUPATEN NUSA MAKMUR") is None


# ------------------------------------------------------------------ baru

def _isi(db) -> dict:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return {t: con.execute(f"SELECT * FROM {t} ORDER BY ALL").fetchall()  # nama tabel dari tes sendiri
                for t in ("pemda", "opd", "indikator", "target_realisasi", "anggaran_bulanan", "rak_rinci",
                          "kendala", "skala_kategori", "pengaturan", "skema_info")}
    finally:
        con.close()


def test_baru_membuat_database_kosong_untuk_satu_pemda(tmp_path):
    db = tmp_path / "lamsel.duckdb"
    hasil = _baru(db)
    assert "Kabupaten Lampung Selatan (18.01)" in hasil.stdout and "impor" in hasil.stdout
    isi = _isi(db)
    assert [r[:2] for r in isi["pemda"]] == [("18.01", "Kabupaten Lampung Selatan")]
    for t in ("opd", "indikator", "target_realisasi", "anggaran_bulanan", "rak_rinci", "kendala"):
        assert isi[t] == [], t
    # Skala, pengaturan dan versi skema sama dengan skema kosong yang dibangun tes ini sendiri.
    con = duckdb.connect(":memory:")
    buat_skema(con)
    for t in ("skala_kategori", "pengaturan"):
        assert isi[t] == con.execute(f"SELECT * FROM {t} ORDER BY ALL").fetchall(), t
    con.close()
    assert isi["skema_info"][0][0] == VERSI_SKEMA


def test_baru_dengan_nama_sendiri(tmp_path):
    db = tmp_path / "prov.duckdb"
    hasil = _jalankan("baru", "--db", str(db), "--pemda", "18", "--nama", "Pemerintah Provinsi Lampung")
    assert hasil.returncode == 0, hasil.stderr
    assert [r[:2] for r in _isi(db)["pemda"]] == [("18", "Pemerintah Provinsi Lampung")]


@pytest.mark.parametrize("kode, kata", [("99.01", "tidak ada provinsi berkode 99"),
                                        ("1801", "maksudnya 18.01 (Kabupaten Lampung Selatan)"),
                                        ("18.99", "18.01")])
def test_baru_menolak_kode_tidak_dikenal(tmp_path, kode, kata):
    db = tmp_path / "x.duckdb"
    hasil = _jalankan("baru", "--db", str(db), "--pemda", kode)
    assert hasil.returncode == 1 and "Traceback" not in hasil.stderr
    assert kata in hasil.stderr and "--daftar" in hasil.stderr
    assert not db.exists()


def test_baru_tidak_menimpa_data(tmp_path):
    db = tmp_path / "lamsel.duckdb"
    _baru(db)
    sidik = _sidik(db)
    hasil = _jalankan("baru", "--db", str(db), "--pemda", "18.02")
    assert hasil.returncode == 1 and "tidak diubah" in hasil.stderr
    assert "Kabupaten Lampung Selatan (18.01)" in hasil.stderr
    assert _sidik(db) == sidik


def test_baru_mengganti_database_demo_saja(tmp_path):
    db = tmp_path / "k.duckdb"
    assert _jalankan("demo", "--db", str(db)).returncode == 0
    sidik_demo = _sidik(db)
    hasil = _baru(db)
    assert "demo" in hasil.stdout
    assert [r[0] for r in _isi(db)["pemda"]] == ["18.01"]
    # Demo yang diganti disimpan sebagai cadangan, byte demi byte.
    (simpanan,) = (tmp_path / "k.cadangan").glob("*.duckdb")
    assert _sidik(simpanan) == sidik_demo


def test_daftar_kode_wilayah(tmp_path):
    hasil = _jalankan("baru", "--daftar", "lampung selatan")
    assert hasil.returncode == 0
    assert hasil.stdout.split() == ["18.01", "Kabupaten", "Lampung", "Selatan"]
    assert not list(tmp_path.iterdir())


def test_impor_tanpa_database_menunjuk_baru(tmp_path):
    hasil = _jalankan("impor", "--db", str(tmp_path / "tidak-ada.duckdb"), str(FIXTURE))
    assert hasil.returncode == 1 and "python -m kinerja baru" in hasil.stderr
    assert not (tmp_path / "tidak-ada.duckdb").exists()


# ------------------------------------------------------------------ demo tidak bercampur

def test_ekspor_sipd_nyata_ditolak_masuk_demo(tmp_path, db_demo):
    db = tmp_path / "demo.duckdb"
    shutil.copyfile(db_demo, db)
    sidik = _sidik(db)
    hasil = _jalankan("impor", "--db", str(db), "--bulan", "1", "--kumulatif", "--buat-opd", str(LRA))
    assert hasil.returncode == 1 and "Traceback" not in hasil.stderr
    assert "demo fiktif Kabupaten Nusa Makmur (99.01)" in hasil.stderr
    assert "python -m kinerja baru --db BERKAS --pemda 18.01" in hasil.stderr
    assert _sidik(db) == sidik


def test_templat_pemda_lain_ditolak_masuk_demo(tmp_path, db_demo):
    db = tmp_path / "demo.duckdb"
    shutil.copyfile(db_demo, db)
    sidik = _sidik(db)
    hasil = _jalankan("impor", "--db", str(db), str(FIXTURE))
    assert hasil.returncode == 1
    assert "lembar pemda" in hasil.stderr and "'T01'" in hasil.stderr and "demo" in hasil.stderr
    assert _sidik(db) == sidik


def test_templat_demo_ditolak_masuk_database_nyata(tmp_path):
    from kinerja.basisdata.lokasi import FOLDER_DEMO

    db = tmp_path / "lamsel.duckdb"
    _baru(db)
    sidik = _sidik(db)
    hasil = _jalankan("impor", "--db", str(db), str(FOLDER_DEMO))
    assert hasil.returncode == 1 and "'99.01'" in hasil.stderr and "fiktif" in hasil.stderr
    assert _sidik(db) == sidik


@pytest.fixture
def con_dua(con_kosong):
    con_kosong.execute("INSERT INTO pemda VALUES ('18.01', 'Kabupaten Lampung Selatan', NULL), "
                       "('18.02', 'Kabupaten Lampung Tengah', NULL)")
    return con_kosong


def test_sipd_masuk_pemda_yang_namanya_cocok(con_dua):
    impor_sipd(con_dua, LRA, "sipd-lra", bulan=1, kumulatif=True, buat_opd=True, pengguna="tes")
    assert con_dua.execute("SELECT DISTINCT kode_pemda FROM anggaran_bulanan").fetchall() == [("18.01",)]


def test_sipd_pemda_lain_ditolak_walau_disebut(con_dua):
    for jenis, berkas, arg in (("sipd-lra", LRA, {"bulan": 1, "kumulatif": True}), ("sipd-rak", RAK, {})):
        with pytest.raises(ImporGagal) as e:
            impor_sipd(con_dua, berkas, jenis, kode_pemda="18.02", buat_opd=True, **arg)
        pesan = str(e.value.masalah[0])
        assert "untuk KAB. LAMPUNG SELATAN (18.01), bukan Kabupaten Lampung Tengah (18.02)" in pesan
    assert con_dua.execute("SELECT count(*) FROM opd").fetchone()[0] == 0


def test_sipd_ditolak_ke_satu_satunya_pemda_lain(con_kosong):
    con_kosong.execute("INSERT INTO pemda VALUES ('18.02', 'Kabupaten Lampung Tengah', NULL)")
    with pytest.raises(ImporGagal) as e:
        impor_sipd(con_kosong, LRA, "sipd-lra", bulan=1, kumulatif=True, buat_opd=True)
    assert "bukan Kabupaten Lampung Tengah (18.02)" in str(e.value.masalah[0])


def test_sipd_ke_pemda_bernama_lain_dengan_kode_yang_sama(con_kosong):
    con_kosong.execute("INSERT INTO pemda VALUES ('18.01', 'Pemkab Lamsel', NULL)")
    impor_sipd(con_kosong, LRA, "sipd-lra", bulan=1, kumulatif=True, buat_opd=True, pengguna="tes")
    assert con_kosong.execute("SELECT count(*) FROM anggaran_bulanan").fetchone()[0] > 0


def test_demo_tetap_dapat_dibangun(con_kosong):
    from kinerja.basisdata.lokasi import FOLDER_DEMO

    impor_template(con_kosong, [FOLDER_DEMO], pengguna="demo")
    assert con_kosong.execute("SELECT kode_pemda FROM pemda").fetchall() == [("99.01",)]


# ------------------------------------------------------------------ Kelola Data (administrator)

def test_kelola_data_membuat_database_pemda_dari_demo(monkeypatch, tmp_path, db_demo):
    from tests.test_halaman_kelola import _masuk, _tombol

    db = tmp_path / "kinerja.duckdb"
    shutil.copyfile(db_demo, db)
    at = _masuk(monkeypatch, db)
    assert any("data demo fiktif" in m.value for m in at.markdown)
    assert _tombol(at, "Buat database pemda").disabled
    at.selectbox(key="kelola_baru_kode").select("18.01").run()
    _tombol(at, "Buat database pemda").click().run()
    assert not at.exception, [e.value for e in at.exception]
    assert any("Kabupaten Lampung Selatan (18.01)" in s.value.replace("\\", "") for s in at.success)
    assert [r[:2] for r in _isi(db)["pemda"]] == [("18.01", "Kabupaten Lampung Selatan")]
    assert _isi(db)["opd"] == []
    # Database kini milik pemda itu: bagian demo tidak tampil lagi, dan sesi lain (AppTest
    # baru: app.py berjalan penuh, seperti peramban) langsung memakai database baru, bukan
    # data demo yang masih di-cache di proses ini.
    assert not any("data demo fiktif" in m.value for m in at.markdown)
    from streamlit.testing.v1 import AppTest

    from tests.bantu_apptest import APP

    lain = AppTest.from_file(APP, default_timeout=60)
    lain.run()
    assert not lain.exception, [e.value for e in lain.exception]
    assert any("Belum ada data kinerja atau anggaran untuk Kabupaten Lampung Selatan (18.01)"
               in i.value.replace("\\", "") for i in lain.info)


def test_kelola_data_tanpa_pilihan_baru_pada_database_sendiri(monkeypatch, tmp_path):
    from tests.test_halaman_kelola import _masuk

    db = tmp_path / "kinerja.duckdb"
    _baru(db)
    at = _masuk(monkeypatch, db)
    assert not any("data demo fiktif" in m.value for m in at.markdown)
    assert not [b for b in at.button if b.label == "Buat database pemda"]
    # Halaman lain: pemda tanpa data memberi petunjuk memuat data, bukan galat.
    at.switch_page("pages/ringkasan.py").run()
    assert not at.exception, [e.value for e in at.exception]
    assert any("Belum ada data kinerja atau anggaran untuk Kabupaten Lampung Selatan (18.01)"
               in i.value.replace("\\", "") for i in at.info)
