"""Halaman Kelola Data: hanya administrator; periksa (semua masalah, database utuh),
muat (data baru terlihat semua sesi, "data per" berganti), riwayat impor.

Alur inti diuji langsung (kinerja.impor.periksa) dan lewat AppTest dengan unggahan."""

from __future__ import annotations

import hashlib
import shutil
import tempfile
from pathlib import Path

import duckdb
import pytest
import streamlit as st

from kinerja.impor import periksa as inti
from kinerja.impor.muat import HasilImpor, Rencana
from kinerja.impor.periksa import Opsi
from kinerja.akses.sandi import buat_hash, buat_hash_pbkdf2
from tests.sampel import SAMPEL_SIPD

AKAR = Path(__file__).resolve().parent.parent
KECIL = AKAR / "tests" / "fixtures" / "kecil"
SAMPEL = SAMPEL_SIPD
LRA = SAMPEL / "lra_januari.xlsx"
KOMINFO = "2.16.2.20.2.21.01.0000"
SANDI = "sandi-uji-123"
HASH = buat_hash(SANDI)  # administrator awal di secrets (argon2id, seperti `python -m kinerja sandi`)
HALAMAN = "pages/kelola_data.py"


# ---- pembantu -------------------------------------------------------------------------------

@pytest.fixture(scope="session")
def _db_lamsel(tmp_path_factory) -> Path:
    """Database pemda sendiri (baru 18.01) berisi RAK nyata: Diskominfo sudah terdaftar."""
    from kinerja.basisdata.baru import buat_baru
    from kinerja.impor.muat_sipd import impor_sipd

    path = tmp_path_factory.mktemp("lamsel") / "kinerja.duckdb"
    buat_baru(path, "18.01", pengguna="tes")
    con = duckdb.connect(str(path))
    impor_sipd(con, SAMPEL / "rak.xlsx", "sipd-rak", buat_opd=True, pengguna="tes")
    con.close()
    return path


@pytest.fixture
def db(_db_lamsel, tmp_path) -> Path:
    """Salinan database Lampung Selatan per tes (impor mengubah berkasnya)."""
    tujuan = tmp_path / "kinerja.duckdb"
    shutil.copyfile(_db_lamsel, tujuan)
    return tujuan


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _baca(db: Path, sql: str, params: dict | None = None) -> list:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute(sql, params or {}).fetchall()
    finally:
        con.close()


def _csv_kecil(tmp_path: Path, ubah: dict[str, str] | None = None) -> list[Path]:
    """Berkas CSV templat kecil (pemda T01), boleh dengan isi lembar yang diganti."""
    folder = tmp_path / "unggah"
    shutil.copytree(KECIL, folder)
    for nama, isi in (ubah or {}).items():
        (folder / nama).write_text(isi, encoding="utf-8")
    return sorted(folder.glob("*.csv"))


CAPAIAN_SALAH = (
    "kode_pemda,indikator_id,tahun,triwulan,target,target_atas,realisasi\n"
    "T01,A1,2025,4,80,,72\n"
    "T01,A2,2025,5,7,,6.5\n"          # triwulan 5
    "T01,A1,2025,3,delapan,,70\n"     # target bukan angka
)


def _tabel(at, kolom: str):
    """Isi st.dataframe pertama yang punya kolom tertentu."""
    for df in at.dataframe:
        if kolom in df.value.columns:
            return df.value
    raise AssertionError(f"tabel dengan kolom {kolom} tidak tampil")


@pytest.fixture
def db_tanpa_opd(tmp_path) -> Path:
    """Database dengan satu pemda tanpa OPD: OPD di ekspor SIPD belum terdaftar."""
    from kinerja.skema import buat_skema

    path = tmp_path / "tanpa_opd.duckdb"
    con = duckdb.connect(str(path))
    buat_skema(con)
    con.execute("INSERT INTO pemda VALUES ('18.01', 'Kabupaten Lampung Selatan', NULL)")
    con.close()
    return path


def _sisa_salinan(db: Path) -> list[Path]:
    return [p for p in db.parent.iterdir() if ".impor-" in p.name]


# ---- kata sandi dan akses -------------------------------------------------------------------

def _halaman(monkeypatch, db: Path, secrets: dict | None):
    """Jalankan app lalu pindah ke Kelola Data dengan secrets tertentu (bukan secrets mesin ini)."""
    from streamlit.testing.v1 import AppTest

    from tests.bantu_apptest import APP

    monkeypatch.setenv("KINERJA_DB", str(db))
    # Folder unggahan sementara di folder tes (dibuang pytest), bukan /tmp bersama.
    unggah = db.parent / "unggahan"
    unggah.mkdir(exist_ok=True)
    monkeypatch.setattr(tempfile, "tempdir", str(unggah))
    at = AppTest.from_file(APP, default_timeout=60)
    # Selalu isi: tanpa isian AppTest memakai secrets.toml mesin ini.
    at.secrets.update(secrets or {"lain": {"x": "y"}})
    at.run()
    at.switch_page(HALAMAN).run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def _isi_masuk(at, nama: str, sandi: str):
    at.text_input[0].input(nama)
    at.text_input[1].input(sandi)
    next(b for b in at.button if b.label == "Masuk").click().run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def _masuk(monkeypatch, db: Path):
    """Masuk sebagai administrator awal (nama admin, kata sandi dari secrets)."""
    at = _halaman(monkeypatch, db, {"admin": {"sandi_hash": HASH}})
    _isi_masuk(at, "admin", SANDI)
    assert not at.error, [e.value for e in at.error]
    return at


def test_tanpa_secrets_hanya_petunjuk(monkeypatch, db):
    at = _halaman(monkeypatch, db, None)
    teks = " ".join(m.value for m in at.markdown)
    assert "python -m kinerja sandi" in teks and ".streamlit/secrets.toml" in teks
    assert "python -m kinerja pengguna tambah NAMA --peran admin" in teks
    assert "[admin]" in teks and "sandi_hash" in teks
    assert any("belum diatur" in w.value for w in at.warning)
    assert not at.file_uploader and not at.text_input and not at.download_button


def test_secrets_tanpa_hash_dan_hash_rusak(monkeypatch, db):
    at = _halaman(monkeypatch, db, {"admin": {"sandi_hash": ""}})
    assert any("belum diatur" in w.value for w in at.warning) and not at.text_input
    at = _halaman(monkeypatch, db, {"admin": {"sandi_hash": "rahasia-polos"}})
    assert any("tidak berbentuk hash" in e.value for e in at.error)
    assert not at.text_input and not at.file_uploader


def test_belum_masuk_hanya_formulir_masuk(monkeypatch, db):
    at = _halaman(monkeypatch, db, {"admin": {"sandi_hash": HASH}})
    assert [t.label for t in at.text_input] == ["Nama pengguna", "Kata sandi"]
    assert at.text_input[1].proto.type == at.text_input[1].proto.PASSWORD
    assert [b.label for b in at.button] == ["Masuk"]
    assert not at.file_uploader and not at.download_button


def test_hash_pbkdf2_lama_di_secrets_tetap_diterima(monkeypatch, db):
    at = _halaman(monkeypatch, db, {"admin": {"sandi_hash": buat_hash_pbkdf2(SANDI, iterasi=1000)}})
    _isi_masuk(at, "admin", SANDI)
    assert at.file_uploader and not at.error


def test_sandi_salah_dibatasi_lintas_sesi(monkeypatch, db):
    """Batas percobaan tersimpan di server: sesi baru tidak mendapat percobaan baru."""
    from kinerja.akses import masuk as inti_masuk

    at = _halaman(monkeypatch, db, {"admin": {"sandi_hash": HASH}})
    for i in range(1, inti_masuk.BATAS_GAGAL_AKUN):
        _isi_masuk(at, "admin", "salah")
        assert any("Nama pengguna atau kata sandi salah" in e.value
                   and f"Sisa percobaan sebelum dikunci: {inti_masuk.BATAS_GAGAL_AKUN - i}" in e.value
                   for e in at.error), [e.value for e in at.error]
        assert not at.file_uploader
    _isi_masuk(at, "admin", "salah")
    assert any("coba lagi dalam 15 menit" in e.value for e in at.error)
    # Sesi baru (mis. jendela penyamaran): masih terkunci, walau kata sandinya benar.
    at2 = _halaman(monkeypatch, db, {"admin": {"sandi_hash": HASH}})
    _isi_masuk(at2, "admin", SANDI)
    assert any("Terlalu banyak percobaan" in e.value for e in at2.error) and not at2.file_uploader
    # Administrator membuka kuncinya: sandi benar diterima.
    inti_masuk.buka_kunci(db, "admin", oleh="tes")
    _isi_masuk(at2, "admin", SANDI)
    assert at2.file_uploader


def test_sandi_benar_membuka_unggah_dan_templat(monkeypatch, db):
    at = _masuk(monkeypatch, db)
    assert len(at.file_uploader) == 1
    assert at.file_uploader[0].accept_multiple_files
    # Jenis berkas diperiksa di server dengan pesan Indonesia (tests/test_unggah_teks.py), bukan oleh
    # widget, yang menolaknya dengan pesan Inggris.
    assert not at.file_uploader[0].allowed_type
    assert [d.label for d in at.download_button][0] == "Unduh templat impor (XLSX)"
    assert any(b.label == "Keluar" for b in at.button)
    assert not at.text_input
    # Riwayat impor: impor demo tercatat.
    riwayat = _tabel(at, "nama_file")
    assert list(riwayat.columns)[:3] == ["waktu", "pengguna", "nama_file"] and len(riwayat) >= 1
    assert any("Data per" in c.value for c in at.caption)
    # Jejak audit: masuknya tercatat dengan nama dan alamat.
    jejak = _tabel(at, "tindakan")
    assert (jejak["tindakan"].iloc[0], jejak["pengguna"].iloc[0]) == ("masuk", "Administrator awal (admin)")
    # Keluar: kembali ke Ringkasan, sesi tidak lagi masuk.
    next(b for b in at.button if b.label == "Keluar").click().run()
    assert not at.exception
    assert "_sesi" not in at.session_state


def test_halaman_tersembunyi_dari_navigasi_sampai_masuk(monkeypatch, db):
    """app.py mendaftarkan Kelola Data dengan visibility='hidden' bagi pengunjung."""
    asli = st.navigation
    tercatat: list[dict[str, str]] = []

    def rekam(pages, **kw):
        # Salinan tersembunyi (alamat /ringkasan untuk halaman bawaan): yang terlihat menentukan.
        daftar: dict[str, str] = {}
        for p in pages:
            daftar[p.title] = "visible" if "visible" in (daftar.get(p.title), p.visibility) else p.visibility
        tercatat.append(daftar)
        return asli(pages, **kw)

    monkeypatch.setattr(st, "navigation", rekam)
    at = _halaman(monkeypatch, db, {"admin": {"sandi_hash": HASH}})
    assert tercatat[-1]["Kelola Data"] == "hidden" and tercatat[-1]["Pengguna & Akses"] == "hidden"
    assert tercatat[-1]["Masuk"] == "visible"
    assert all(v == "visible" for t, v in tercatat[-1].items() if t not in ("Kelola Data", "Pengguna & Akses"))
    _isi_masuk(at, "admin", SANDI)
    at.run()
    assert tercatat[-1]["Kelola Data"] == "visible" and tercatat[-1]["Masuk"] == "hidden"
    # Tanpa secrets, administrator awal yang tertinggal di sesi tidak membuka halaman.
    from streamlit.testing.v1 import AppTest

    from tests.bantu_apptest import APP

    sesi_lama = at.session_state["_sesi"]
    at2 = AppTest.from_file(APP, default_timeout=60)
    at2.secrets["lain"] = {"x": "y"}
    at2.session_state["_sesi"] = sesi_lama
    at2.run()
    assert not at2.exception and tercatat[-1]["Kelola Data"] == "hidden"


# ---- inti: periksa dan muat ---------------------------------------------------------------

def test_pilihan_wajib():
    assert Opsi("sipd-lra").kurang() == ["bulan data", "sifat angka realisasi (kumulatif atau bulan ini saja)"]
    assert Opsi("sipd-lra", bulan=1, kumulatif=False).kurang() == []
    assert Opsi("sipd-lra", bulan=13, kumulatif=True).kurang() == ["bulan data"]
    assert Opsi("sipd-rak").kurang() == [] and Opsi("template").kurang() == []
    assert Opsi("").kurang() == ["format berkas"]


def test_sidik_berubah_dengan_isi_nama_dan_pilihan(tmp_path):
    paths = _csv_kecil(tmp_path)
    s = inti.sidik(paths, Opsi("template"))
    assert s == inti.sidik(list(reversed(paths)), Opsi("template"))
    assert s != inti.sidik(paths, Opsi("sipd-rak"))
    assert inti.sidik([LRA], Opsi("sipd-lra", 1, True)) != inti.sidik([LRA], Opsi("sipd-lra", 1, False))
    assert inti.sidik([LRA], Opsi("sipd-lra", 1, True)) != inti.sidik([LRA], Opsi("sipd-lra", 1, True, True))
    paths[0].write_text(paths[0].read_text() + "\n", encoding="utf-8")
    assert s != inti.sidik(paths, Opsi("template"))


def test_periksa_berkas_benar_tidak_menulis(db, tmp_path):
    sebelum = _sha(db)
    hasil = inti.periksa(db, _csv_kecil(tmp_path), Opsi("template"))
    assert isinstance(hasil, Rencana) and not hasil.info.dimuat
    assert hasil.info.jumlah_baris == {"pemda": 1, "opd": 4, "indikator": 11, "capaian": 13, "anggaran": 4, "kendala": 1}
    assert _sha(db) == sebelum


def test_periksa_berkas_salah_melaporkan_setiap_masalah(db, tmp_path):
    sebelum = _sha(db)
    hasil = inti.periksa(db, _csv_kecil(tmp_path, {"capaian.csv": CAPAIAN_SALAH}), Opsi("template"))
    assert isinstance(hasil, list) and len(hasil) >= 2
    tempat = {(m.berkas, m.baris, m.kolom) for m in hasil}
    assert ("capaian.csv", 3, "triwulan") in tempat and ("capaian.csv", 4, "target") in tempat
    assert any(m.nilai == "delapan" for m in hasil)
    assert _sha(db) == sebelum


def test_periksa_berkas_rusak_dan_pilihan_kurang(db, tmp_path):
    rusak = tmp_path / "rusak.xlsx"
    rusak.write_bytes(LRA.read_bytes()[:5000])
    hasil = inti.periksa(db, [rusak], Opsi("template"))
    assert isinstance(hasil, list) and "rusak" in str(hasil[0])
    hasil = inti.periksa(db, [LRA], Opsi("sipd-lra"))
    assert isinstance(hasil, list) and "bulan data" in hasil[0].pesan
    dua = inti.periksa(db, [LRA, LRA], Opsi("sipd-rak"))
    assert isinstance(dua, list) and "satu berkas" in dua[0].pesan


def test_periksa_lra_januari_pada_pemda_sendiri(db):
    hasil = inti.periksa(db, [LRA], Opsi("sipd-lra", bulan=1, kumulatif=True))
    assert isinstance(hasil, Rencana), [str(m) for m in hasil]
    assert hasil.info.jumlah_baris["OPD"] == 1 and hasil.info.jumlah_baris["opd baru"] == 0


def test_opd_belum_terdaftar_dilaporkan_lalu_dibuat_bila_disetujui(db_tanpa_opd):
    db = db_tanpa_opd
    sebelum = _sha(db)
    opsi = Opsi("sipd-lra", bulan=1, kumulatif=True)
    masalah = inti.periksa(db, [LRA], opsi)
    assert isinstance(masalah, list) and inti.hanya_opd_belum_terdaftar(masalah)
    baru = inti.opd_belum_terdaftar(masalah)
    assert [(o.kode_opd, o.nama_opd, o.bidang) for o in baru] == [
        (KOMINFO, "Dinas Komunikasi dan Informatika", ("2.16", "2.20", "2.21"))]
    # Tanpa persetujuan pun muat ditolak; database tidak berubah.
    assert isinstance(inti.muat_berkas(db, [LRA], opsi), list)
    assert _sha(db) == sebelum
    disetujui = Opsi("sipd-lra", bulan=1, kumulatif=True, buat_opd=True)
    hasil = inti.periksa(db, [LRA], disetujui)
    assert isinstance(hasil, Rencana) and hasil.info.jumlah_baris["opd baru"] == 1
    hasil = inti.muat_berkas(db, [LRA], disetujui, pengguna="tes")
    assert isinstance(hasil, HasilImpor) and hasil.dimuat
    assert _baca(db, "SELECT nama_opd, kode_urusan FROM opd WHERE kode_opd = $k", {"k": KOMINFO}) == [
        ("Dinas Komunikasi dan Informatika", "2.16")]


def test_hanya_opd_belum_terdaftar_tidak_untuk_masalah_lain():
    from kinerja.impor.masalah import Masalah

    lain = Masalah("a.xlsx", "", 3, "Kode", "x", "angka tidak sah")
    opd = Masalah("a.xlsx", "S", 9, "Kode", KOMINFO, "OPD 'Dinas X' belum terdaftar di pemda T01")
    assert inti.hanya_opd_belum_terdaftar([opd])
    assert not inti.hanya_opd_belum_terdaftar([opd, lain]) and not inti.hanya_opd_belum_terdaftar([])
    assert inti.opd_belum_terdaftar([opd, opd])[0].nama_opd == "Dinas X"


def test_muat_berkas_salah_database_utuh(db, tmp_path):
    sebelum, mtime = _sha(db), db.stat().st_mtime_ns
    dipanggil = []
    hasil = inti.muat_berkas(db, _csv_kecil(tmp_path, {"capaian.csv": CAPAIAN_SALAH}), Opsi("template"),
                             lepas_koneksi=lambda: dipanggil.append(1))
    assert isinstance(hasil, list) and len(hasil) >= 2
    assert _sha(db) == sebelum and db.stat().st_mtime_ns == mtime
    assert not dipanggil and not _sisa_salinan(db)


def test_muat_berkas_menulis_dan_mencatat(db, tmp_path):
    log_awal = _baca(db, "SELECT count(*) FROM log_impor")[0][0]
    mtime = db.stat().st_mtime_ns
    dipanggil = []
    hasil = inti.muat_berkas(db, _csv_kecil(tmp_path), Opsi("template"), pengguna="admin uji",
                             lepas_koneksi=lambda: dipanggil.append(1))
    assert isinstance(hasil, HasilImpor) and hasil.dimuat
    assert dipanggil == [1, 1]  # sebelum dan sesudah berkas ditukar
    assert db.stat().st_mtime_ns != mtime and not _sisa_salinan(db)
    assert _baca(db, "SELECT count(*) FROM log_impor")[0][0] == log_awal + 1
    assert _baca(db, "SELECT pengguna, format, hasil FROM log_impor ORDER BY id DESC LIMIT 1") == [
        ("admin uji", "template", "berhasil")]
    assert _baca(db, "SELECT nama_pemda FROM pemda WHERE kode_pemda = 'T01'") == [("Kabupaten Uji",)]


def test_muat_lra_januari_pada_pemda_sendiri(db):
    sql = "SELECT pagu FROM v_anggaran_opd WHERE tahun = 2026 AND bulan = 1 AND kode_opd = $k"
    hasil = inti.muat_berkas(db, [LRA], Opsi("sipd-lra", bulan=1, kumulatif=True), pengguna="tes")
    assert isinstance(hasil, HasilImpor) and hasil.dimuat, hasil
    assert _baca(db, "SELECT format FROM log_impor ORDER BY id DESC LIMIT 1") == [("sipd-lra",)]
    (pagu,), = _baca(db, sql, {"k": KOMINFO})
    (pagu_berkas,), = _baca(db, "SELECT sum(pagu) FROM anggaran_rinci WHERE tahun = 2026 AND bulan = 1 "
                                "AND kode_opd = $k AND tingkat = 'opd'", {"k": KOMINFO})
    # Angka dasbor = baris OPD berkas; pagu Diskominfo di LRA Januari (dibaca dari sampelnya).
    assert pagu == pytest.approx(pagu_berkas) == pytest.approx(10_810_941_900)


def test_impor_bersamaan_ditolak(db, tmp_path):
    assert inti._KUNCI_IMPOR.acquire(blocking=False)
    try:
        with pytest.raises(inti.ImporSedangBerjalan):
            inti.muat_berkas(db, _csv_kecil(tmp_path), Opsi("template"))
    finally:
        inti._KUNCI_IMPOR.release()


def test_muat_saat_koneksi_baca_terbuka_dan_cache_dibuang(db, tmp_path, monkeypatch):
    """Koneksi baca-saja aplikasi yang di-cache dilepas; kueri berikutnya membaca data baru."""
    from kinerja.ui import data

    monkeypatch.setenv("KINERJA_DB", str(db))
    data.bersihkan_cache()
    lama = data.kueri("data_per")["waktu"].iloc[0]
    con_lama = data._koneksi(*data._kunci())
    kunci_lama = data._kunci()
    hasil = inti.muat_berkas(db, _csv_kecil(tmp_path), Opsi("template"), lepas_koneksi=data.bersihkan_cache)
    assert isinstance(hasil, HasilImpor) and hasil.dimuat
    assert data._kunci() != kunci_lama                      # kunci cache baru (waktu ubah berkas)
    with pytest.raises(duckdb.Error):                       # koneksi lama sudah ditutup
        con_lama.cursor().execute("SELECT 1").fetchall()
    baru = data.kueri("data_per")["waktu"].iloc[0]
    assert baru > lama
    assert "T01" in set(data.kueri("pemda")["kode_pemda"])
    data.bersihkan_cache()


def test_templat_dapat_diunduh_dan_dikenali(tmp_path):
    from kinerja.impor.berkas import tebak_format

    isi = inti.templat_xlsx()
    path = tmp_path / "templat-impor-kinerja.xlsx"
    path.write_bytes(isi)
    assert isi[:2] == b"PK" and tebak_format(path) == "template"


# ---- halaman: unggah, periksa, muat -------------------------------------------------------

def _unggah(at, paths: list[Path]):
    at.file_uploader[0].set_value([(p.name, p.read_bytes(), "application/octet-stream") for p in paths]).run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def _kunci(at, awal: str) -> str:
    """Kunci widget yang bergantung pada unggahan (kelola_bulan_<kunci unggahan>)."""
    return next(w.key for w in list(at.radio) + list(at.selectbox) if w.key.startswith(awal))


def _tombol(at, label: str):
    return next(b for b in at.button if b.label == label)


def test_halaman_templat_periksa_lalu_muat(monkeypatch, db, tmp_path):
    at = _masuk(monkeypatch, db)
    assert any("Belum ada berkas" in i.value for i in at.info)
    assert _tombol(at, "Keluar")
    _unggah(at, _csv_kecil(tmp_path))
    assert at.radio(key=next(r.key for r in at.radio if r.key.startswith("kelola_format_"))).value == "template"
    assert _tombol(at, "Muat ke database").disabled
    _tombol(at, "Periksa").click().run()
    assert not at.exception and not at.error
    assert any("siap dimuat" in s.value for s in at.success)
    ringkas = _tabel(at, "Jumlah baris")
    assert dict(zip(ringkas["Isi"], ringkas["Jumlah baris"]))["capaian"] == "13"
    assert not _tombol(at, "Muat ke database").disabled
    sebelum = _baca(db, "SELECT count(*) FROM log_impor")[0][0]
    _tombol(at, "Muat ke database").click().run()
    assert not at.exception, [e.value for e in at.exception]
    assert not at.error, [e.value for e in at.error]
    pesan = " ".join(s.value for s in at.success)
    assert "dimuat" in pesan and "Data per" in pesan
    assert _baca(db, "SELECT count(*) FROM log_impor")[0][0] == sebelum + 1
    riwayat = _tabel(at, "nama_file")
    assert riwayat["nama_file"].iloc[0].startswith("anggaran.csv, capaian.csv")
    assert riwayat["pengguna"].iloc[0] == "Administrator awal (admin)"
    # Unggahan dikosongkan setelah dimuat.
    assert not at.file_uploader[0].value


def test_halaman_berkas_salah_menampilkan_setiap_masalah(monkeypatch, db, tmp_path):
    sebelum = _sha(db)
    at = _masuk(monkeypatch, db)
    _unggah(at, _csv_kecil(tmp_path, {"capaian.csv": CAPAIAN_SALAH}))
    _tombol(at, "Periksa").click().run()
    assert not at.exception
    assert any("Berkas ditolak" in e.value and "masalah" in e.value for e in at.error)
    tabel = _tabel(at, "Masalah")
    assert list(tabel.columns) == ["Berkas", "Lembar", "Baris", "Kolom", "Nilai", "Masalah"]
    assert len(tabel) >= 2
    assert {("capaian.csv", "3", "triwulan"), ("capaian.csv", "4", "target")} <= set(
        zip(tabel["Berkas"], tabel["Baris"], tabel["Kolom"]))
    assert _tombol(at, "Muat ke database").disabled
    assert _sha(db) == sebelum


def test_halaman_lra_bulan_dan_sifat_wajib_dipilih(monkeypatch, db):
    at = _masuk(monkeypatch, db)
    _unggah(at, [LRA])
    kunci = lambda awal: _kunci(at, awal)  # noqa: E731
    assert at.radio(key=kunci("kelola_format_")).value == "sipd-lra"
    bulan, sifat = at.selectbox(key=kunci("kelola_bulan_")), at.radio(key=kunci("kelola_kumulatif_"))
    assert bulan.value is None and sifat.value is None      # tidak ada bawaan: tidak ditebak
    assert _tombol(at, "Periksa").disabled
    bulan.set_value(1).run()
    assert _tombol(at, "Periksa").disabled
    at.radio(key=kunci("kelola_kumulatif_")).set_value("kumulatif").run()
    assert not _tombol(at, "Periksa").disabled
    _tombol(at, "Periksa").click().run()
    assert not at.exception and not at.error, [e.value for e in at.error]
    assert any("siap dimuat" in s.value for s in at.success)
    _tombol(at, "Muat ke database").click().run()
    assert not at.exception and not at.error, [e.value for e in at.error]
    assert any("dimuat" in s.value for s in at.success)
    assert _baca(db, "SELECT format, hasil FROM log_impor ORDER BY id DESC LIMIT 1") == [("sipd-lra", "berhasil")]


def test_halaman_opd_baru_perlu_centang(monkeypatch, db_tanpa_opd):
    db = db_tanpa_opd
    at = _masuk(monkeypatch, db)
    _unggah(at, [LRA])
    kunci = lambda awal: _kunci(at, awal)  # noqa: E731
    at.selectbox(key=kunci("kelola_bulan_")).set_value(1).run()
    at.radio(key=kunci("kelola_kumulatif_")).set_value("kumulatif").run()
    _tombol(at, "Periksa").click().run()
    assert not at.exception
    assert any("belum terdaftar" in w.value for w in at.warning)
    opd = _tabel(at, "Kode OPD")
    assert list(opd["Kode OPD"]) == [KOMINFO]
    assert list(opd["Nama OPD (dari berkas)"]) == ["Dinas Komunikasi dan Informatika"]
    assert "2.16 Komunikasi dan Informatika" in opd["Bidang urusan (dari kode)"].iloc[0]
    assert _tombol(at, "Muat ke database").disabled
    next(c for c in at.checkbox if "Buat OPD" in c.label).check().run()
    assert not at.exception and not at.error, [e.value for e in at.error]
    assert any("siap dimuat" in s.value for s in at.success)   # diperiksa ulang otomatis
    _tombol(at, "Muat ke database").click().run()
    assert not at.exception and not at.error, [e.value for e in at.error]
    assert _baca(db, "SELECT nama_opd FROM opd WHERE kode_opd = $k", {"k": KOMINFO}) == [
        ("Dinas Komunikasi dan Informatika",)]


def test_halaman_berkas_rusak_format_tidak_ditebak(monkeypatch, db, tmp_path):
    rusak = tmp_path / "rusak.xlsx"
    rusak.write_bytes(LRA.read_bytes()[:5000])
    at = _masuk(monkeypatch, db)
    _unggah(at, [rusak])
    assert any("Format tidak dapat dikenali" in w.value and "rusak" in w.value for w in at.warning)
    format_ = next(r for r in at.radio if r.key.startswith("kelola_format_"))
    assert format_.value is None and _tombol(at, "Periksa").disabled
    format_.set_value("template").run()
    _tombol(at, "Periksa").click().run()
    assert not at.exception
    assert any("Berkas ditolak: 1 masalah" in e.value for e in at.error)
    assert "rusak atau terpotong" in _tabel(at, "Masalah")["Masalah"].iloc[0]


def test_halaman_dua_berkas_sipd_ditolak(monkeypatch, db, tmp_path):
    salinan = tmp_path / "lra_februari.xlsx"
    shutil.copyfile(LRA, salinan)
    at = _masuk(monkeypatch, db)
    _unggah(at, [LRA, salinan])
    assert any("satu berkas setiap kali" in e.value for e in at.error)
    assert _tombol(at, "Periksa").disabled


def test_folder_unggahan_dibersihkan_setelah_dimuat(monkeypatch, db, tmp_path):
    at = _masuk(monkeypatch, db)
    _unggah(at, _csv_kecil(tmp_path))
    folder = Path(at.session_state["_kelola_folder"][1])
    assert sorted(p.name for p in folder.iterdir())[:2] == ["anggaran.csv", "capaian.csv"]
    _tombol(at, "Periksa").click().run()
    _tombol(at, "Muat ke database").click().run()
    assert not folder.exists() and "_kelola_folder" not in at.session_state


def test_halaman_kumulatif_turun_ditolak_lalu_dimuat_dengan_centang(monkeypatch, db):
    """LRA Februari (kumulatif) lebih rendah dari Januari: ditolak dengan nama OPD dan kedua
    bulan; dengan centang konfirmasi dimuat, dan log impor mencatatnya."""
    hasil = inti.muat_berkas(db, [LRA], Opsi("sipd-lra", bulan=1, kumulatif=True), pengguna="tes")
    assert isinstance(hasil, HasilImpor) and hasil.dimuat
    con = duckdb.connect(str(db))
    con.execute("UPDATE anggaran_rinci SET realisasi_kumulatif = realisasi_kumulatif * 2 WHERE bulan = 1")
    con.close()
    sebelum = _sha(db)
    at = _masuk(monkeypatch, db)
    _unggah(at, [LRA])
    at.selectbox(key=_kunci(at, "kelola_bulan_")).set_value(2).run()
    at.radio(key=_kunci(at, "kelola_kumulatif_")).set_value("kumulatif").run()
    _tombol(at, "Periksa").click().run()
    assert not at.exception
    masalah = " ".join(str(v) for v in _tabel(at, "Masalah")["Masalah"])
    assert "Dinas Komunikasi dan Informatika" in masalah and "Februari" in masalah and "Januari" in masalah
    assert _tombol(at, "Muat ke database").disabled and _sha(db) == sebelum
    centang = next(c for c in at.checkbox if c.key.startswith("kelola_terima_turun_"))
    centang.check().run()
    _tombol(at, "Periksa").click().run()
    assert any("siap dimuat" in s.value for s in at.success), [e.value for e in at.error]
    _tombol(at, "Muat ke database").click().run()
    assert not at.exception and not at.error, [e.value for e in at.error]
    (pesan,), = _baca(db, "SELECT pesan FROM log_impor WHERE format = 'sipd-lra' ORDER BY id DESC LIMIT 1")
    assert "atas konfirmasi pengguna" in pesan and "Februari" in pesan
