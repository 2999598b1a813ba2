"""Akses di halaman (AppTest): setiap peran terhadap setiap tindakan yang dilindungi, tautan
langsung, formulir yang dikirim ulang setelah hak dicabut, batas diam sesi, SSO (st.user),
pengaturan "hanya yang sudah masuk". Penolakan terjadi di server; database tidak berubah."""

from __future__ import annotations

import re
import time
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from kinerja.akses import akun, atur, jejak, simpan
from kinerja.akses.peran import EKSPOR
from tests.bantu_apptest import APP, sesi_sebagai
from tests.test_halaman_kelola import HASH, _csv_kecil, _db_lamsel, _sha, _tombol, _unggah, db  # noqa: F401  (fixture)

AKAR_APP = Path(APP).parent
PERAN = [None, "penonton", "analis", "notulis", "opd", "admin"]
BOLEH_EKSPOR = {"analis", "notulis", "admin"}
UNDUH_RINGKASAN = ["Cetak (PDF)", "Excel (XLSX)", "Presentasi (PPTX)"]


@pytest.fixture
def demo(db_demo, tmp_path):
    """Salinan database demo per tes (akun yang dibuat tes tersimpan di samping berkasnya)."""
    import shutil

    tujuan = tmp_path / "demo" / "kinerja.duckdb"
    tujuan.parent.mkdir()
    shutil.copyfile(db_demo, tujuan)
    return tujuan


def _buka(monkeypatch, db, peran, halaman=None, secrets=None) -> AppTest:
    monkeypatch.setenv("KINERJA_DB", str(db))
    at = AppTest.from_file(APP, default_timeout=60)
    at.secrets.update(secrets or {"lain": {"x": "y"}})  # bukan secrets mesin ini
    if peran:
        sesi_sebagai(at, db, peran)
    at.run()
    if halaman:
        at.switch_page(halaman).run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def _jejak(db, tindakan: str) -> list[tuple[str, str]]:
    df = jejak.daftar(db, None)
    return [(p, r) for p, t, r in zip(df["pengguna"], df["tindakan"], df["rincian"]) if t == tindakan]


@pytest.mark.parametrize("peran", PERAN)
def test_setiap_peran_terhadap_setiap_halaman_dan_unduhan(monkeypatch, demo, peran):
    at = _buka(monkeypatch, demo, peran, secrets={"admin": {"sandi_hash": HASH}})
    unduh = sorted(b.label for b in at.get("download_button"))
    assert unduh == (UNDUH_RINGKASAN if peran in BOLEH_EKSPOR else []), peran
    if peran not in BOLEH_EKSPOR:
        assert any("dapat diunduh oleh analis" in c.value for c in at.caption)

    at.switch_page("pages/di_bawah_target.py").run()
    unduh = sorted(b.label for b in at.get("download_button"))
    assert unduh == (["Unduh CSV", "Unduh XLSX"] if peran in BOLEH_EKSPOR else []), peran

    at.switch_page("pages/mode_rapat.py").run()
    assert bool(at.get("download_button")) is (peran in BOLEH_EKSPOR), peran

    # Tautan langsung ke halaman administrator.
    for halaman in ("pages/kelola_data.py", "pages/pengguna.py"):
        at.switch_page(halaman).run()
        assert not at.exception, [e.value for e in at.exception]
        if peran == "admin":
            assert at.file_uploader if halaman.endswith("kelola_data.py") else at.get("form")
        elif peran is None:
            assert [t.label for t in at.text_input] == ["Nama pengguna", "Kata sandi"]  # formulir masuk saja
            assert not at.file_uploader and not at.dataframe
        else:
            assert any("hanya untuk administrator" in e.value for e in at.error), (peran, halaman)
            assert not at.file_uploader and not at.text_input and not at.dataframe


def test_hanya_yang_masuk_melihat_dasbor(monkeypatch, demo):
    atur.ubah(demo, {simpan.TAMPILAN: simpan.TAMPILAN_MASUK}, oleh="tes", asal=None)
    akun.tambah(demo, "lokal", "budi", "penonton", kata_sandi="sandi-budi-panjang", oleh="tes")
    at = _buka(monkeypatch, demo, None)
    assert [t.value for t in at.title] == ["Masuk"] and not at.metric
    assert [t.label for t in at.text_input] == ["Nama pengguna", "Kata sandi"]
    # Setiap alamat halaman menjalankan formulir Masuk; berkas halaman lain tidak terdaftar sama
    # sekali (tautan langsung membuka Masuk; lihat tes peramban).
    for halaman in ("pages/ringkasan.py", "pages/peringkat_opd.py", "pages/kelola_data.py"):
        with pytest.raises(ValueError) as galat:
            at.switch_page(halaman)
        terdaftar = str(galat.value).split("Known pages: ")[1]
        assert set(re.findall(r"'([^']+)'", terdaftar)) == {str(AKAR_APP / "pages" / "masuk.py")}
    at.text_input[0].input("budi")
    at.text_input[1].input("sandi-budi-panjang")
    at.button[0].click().run()
    assert not at.exception and not at.error
    assert at.metric  # masuk: langsung ke Ringkasan


def test_muat_dikirim_ulang_setelah_peran_dicabut_ditolak(monkeypatch, db, tmp_path):
    at = _buka(monkeypatch, db, "admin", "pages/kelola_data.py")
    akun.tambah(db, "lokal", "kepala", "admin", kata_sandi="sandi-kepala-panjang", oleh="tes")
    _unggah(at, _csv_kecil(tmp_path))
    _tombol(at, "Periksa").click().run()
    assert any("siap dimuat" in s.value for s in at.success)
    sebelum = _sha(db)
    # Hak dicabut di tempat lain (administrator lain, baris perintah) sementara layar masih terbuka.
    akun.ubah(db, "lokal", "uji-admin", peran="penonton", oleh="kepala")
    _tombol(at, "Muat ke database").click().run()
    assert not at.exception
    assert any("hanya untuk administrator" in e.value for e in at.error) and not at.file_uploader
    assert _sha(db) == sebelum


def test_tindakan_memeriksa_izin_saat_dijalankan(monkeypatch, demo):
    """sesi.wajib membaca peran dari berkas akses saat tindakan berjalan, bukan dari sesi."""
    def skrip():
        import streamlit as st

        from kinerja.ui import sesi

        st.session_state["_sesi"]["pengguna"] = st.session_state["_palsu"]  # sesi yang dipalsukan
        p = sesi.wajib("impor")
        st.write(f"BOLEH {p.nama}")

    from kinerja.akses.peran import Pengguna

    monkeypatch.setenv("KINERJA_DB", str(demo))
    at = AppTest.from_function(skrip, default_timeout=60)
    sesi_sebagai(at, demo, "analis")
    at.session_state["_palsu"] = Pengguna("uji-analis", "admin")  # sesi mengaku admin
    at.run()
    assert not at.exception
    assert [e.value for e in at.error] == ["Anda tidak berhak memuat data sebagai Analis."]
    assert not any("BOLEH" in m.value for m in at.markdown)
    assert _jejak(demo, jejak.DITOLAK) == [("uji-analis", "memuat data")]


def test_unduhan_diperiksa_saat_berkas_dibuat(monkeypatch, demo):
    def skrip():
        import streamlit as st

        from kinerja.akses.peran import EKSPOR
        from kinerja.ui import sesi

        try:
            st.write("ISI " + sesi.dengan_izin(EKSPOR, lambda: b"bahan rapat")().decode())
        except sesi.TidakBerhak as e:
            st.write(f"DITOLAK {e}")

    monkeypatch.setenv("KINERJA_DB", str(demo))
    for peran, harap in [("penonton", "DITOLAK Anda tidak berhak mengunduh bahan rapat sebagai Penonton."),
                         ("analis", "ISI bahan rapat"), (None, "DITOLAK Anda tidak berhak mengunduh bahan "
                                                          "rapat: masuk lebih dulu.")]:
        at = AppTest.from_function(skrip, default_timeout=60)
        if peran:
            sesi_sebagai(at, demo, peran)
        at.run()
        assert [m.value for m in at.markdown] == [harap], peran
    assert EKSPOR == "ekspor"


def test_tambah_akun_lewat_halaman_dan_kiriman_ulang_ditolak(monkeypatch, demo):
    at = _buka(monkeypatch, demo, "admin", "pages/pengguna.py")
    isian = {t.label: t for t in at.text_input}
    isian["Nama pengguna, atau email/subject untuk SSO"].input("Rina")
    isian["Nama orangnya (untuk layar dan jejak audit)"].input("Rina Bappeda")
    isian["Kata sandi (akun lokal, minimal 10 karakter)"].input("sandi-rina-panjang")
    next(s for s in at.selectbox if s.label == "Peran").set_value("analis")
    next(b for b in at.button if b.label == "Tambah akun").click().run()
    assert not at.exception and not at.error, [e.value for e in at.error]
    assert [s.value for s in at.success] == ["Akun lokal rina dibuat\\: Analis"]  # titik dua di-escape markdown
    assert ("uji-admin", "akun lokal rina dibuat, peran analis") in _jejak(demo, jejak.PENGGUNA)
    # Administrator ini dinonaktifkan di tempat lain; formulir yang sama dikirim lagi.
    akun.tambah(demo, "lokal", "kepala", "admin", kata_sandi="sandi-kepala-panjang", oleh="tes")
    akun.ubah(demo, "lokal", "uji-admin", aktif=False, oleh="kepala")
    isian = {t.label: t for t in at.text_input}
    isian["Nama pengguna, atau email/subject untuk SSO"].input("penyusup")
    isian["Kata sandi (akun lokal, minimal 10 karakter)"].input("sandi-penyusup-1")
    next(b for b in at.button if b.label == "Tambah akun").click().run()
    assert not at.exception
    assert "penyusup" not in set(akun.daftar(demo)["nama"])
    assert "_sesi" not in at.session_state  # dikeluarkan sebelum formulir diproses


def test_pengaturan_lewat_halaman_tercatat(monkeypatch, demo):
    at = _buka(monkeypatch, demo, "admin", "pages/pengguna.py")
    next(r for r in at.radio if r.label == "Siapa boleh melihat dasbor").set_value(simpan.TAMPILAN_MASUK)
    at.number_input[0].set_value(45)
    next(b for b in at.button if b.label == "Simpan pengaturan").click().run()
    assert not at.exception and not at.error
    assert simpan.baca_pengaturan(demo) == {"tampilan": "masuk", "menit_diam": "45"}
    assert _jejak(demo, jejak.PENGATURAN) == [("uji-admin", "tampilan: terbuka → masuk; menit_diam: 30 → 45")]


def test_sesi_berakhir_setelah_batas_diam(monkeypatch, demo):
    monkeypatch.setenv("KINERJA_DB", str(demo))
    at = AppTest.from_file(APP, default_timeout=60)
    at.secrets["lain"] = {"x": "y"}
    sesi_sebagai(at, demo, "analis")
    at.run()
    assert at.get("download_button")
    at.session_state["_sesi"] = {**at.session_state["_sesi"], "terakhir": time.time() - 31 * 60}  # bawaan 30
    at.run()
    assert not at.exception and not at.get("download_button")
    assert "_sesi" not in at.session_state
    assert _jejak(demo, jejak.SESI_BERAKHIR) == [("uji-analis", "")]
    at.switch_page("pages/masuk.py").run()
    assert any("tidak ada aktivitas selama 30 menit" in i.value for i in at.info)


SSO = {"auth": {"redirect_uri": "http://localhost:8501/oauth2callback", "cookie_secret": "x" * 32,
                "client_id": "kinerja", "client_secret": "rahasia",
                "server_metadata_url": "http://127.0.0.1:1/.well-known/openid-configuration"}}


def test_sso_peran_dari_pemetaan_dan_masuk_dicatat_sekali(monkeypatch, demo):
    akun.tambah(demo, "sso", "ani@pemda.go.id", "analis", oleh="tes")
    monkeypatch.setenv("KINERJA_DB", str(demo))
    at = AppTest.from_file(APP, default_timeout=60)
    at.secrets.update(SSO)
    at.user = {"is_logged_in": False}
    at.run()
    at.switch_page("pages/masuk.py").run()
    assert any(b.label == "Masuk lewat akun pemda (SSO)" for b in at.button)
    # Token berisi klaim grup yang besar: tidak dipakai; peran dari database.
    at.user = {"is_logged_in": True, "email": "Ani@Pemda.go.id", "sub": "s-1", "name": "Ani",
               "groups": ["admin"] * 500}
    at.switch_page("pages/ringkasan.py").run()
    assert not at.exception
    assert sorted(b.label for b in at.get("download_button")) == UNDUH_RINGKASAN
    assert any("Ani" in c.value and "Analis" in c.value for c in at.sidebar.caption)
    at.run()
    assert _jejak(demo, jejak.MASUK) == [("Ani (ani@pemda.go.id)", "penyedia identitas (SSO), peran analis")]
    at.switch_page("pages/kelola_data.py").run()
    assert any("hanya untuk administrator" in e.value for e in at.error) and not at.file_uploader
    # Identitas tanpa pemetaan: penonton.
    at2 = AppTest.from_file(APP, default_timeout=60)
    at2.secrets.update(SSO)
    at2.user = {"is_logged_in": True, "email": "tamu@pemda.go.id", "sub": "s-2"}
    at2.run()
    assert not at2.exception and not at2.get("download_button")
    assert any("Penonton" in c.value for c in at2.sidebar.caption)


def test_sso_akun_nonaktif_dikeluarkan(monkeypatch, demo):
    akun.tambah(demo, "sso", "lama@pemda.go.id", "analis", oleh="tes")
    akun.ubah(demo, "sso", "lama@pemda.go.id", aktif=False, oleh="tes")
    monkeypatch.setenv("KINERJA_DB", str(demo))
    at = AppTest.from_file(APP, default_timeout=60)
    at.secrets.update(SSO)
    at.user = {"is_logged_in": True, "email": "lama@pemda.go.id", "sub": "s-3"}
    at.run()
    assert not at.exception and not at.get("download_button")
    assert _jejak(demo, jejak.GAGAL_MASUK) == [("lama@pemda.go.id", "akun nonaktif atau tidak berlaku lagi")]


def test_sso_sesi_baru_setelah_lama_diam_diakhiri(monkeypatch, demo):
    """Cookie SSO bertahan antarsesi: diam dihitung dari aktivitas terakhir di server."""
    from kinerja.akses import masuk

    akun.tambah(demo, "sso", "ani@pemda.go.id", "analis", oleh="tes")
    monkeypatch.setenv("KINERJA_DB", str(demo))
    dua_jam_lalu = time.time() - 2 * 3600

    def sesi_baru(iat: float) -> AppTest:
        at = AppTest.from_file(APP, default_timeout=60)
        at.secrets.update(SSO)
        at.user = {"is_logged_in": True, "email": "ani@pemda.go.id", "sub": "s-1", "iat": iat}
        at.run()
        assert not at.exception
        return at

    # Masuk dua jam lalu dan tidak ada aktivitas sesudahnya: sesi baru (tab baru) diakhiri.
    masuk.catat_aktivitas(demo, "sso", "ani@pemda.go.id", dua_jam_lalu)
    at = sesi_baru(dua_jam_lalu)
    assert not at.get("download_button") and "_sesi" not in at.session_state
    assert _jejak(demo, jejak.SESI_BERAKHIR) == [("ani@pemda.go.id", "")]
    # Baru saja masuk lagi (iat kini): diterima, dan aktivitasnya tercatat.
    at = sesi_baru(time.time())
    assert sorted(b.label for b in at.get("download_button")) == UNDUH_RINGKASAN
    assert masuk.aktivitas_terakhir(demo, "sso", "ani@pemda.go.id") > time.time() - 60
    # Tab baru beberapa menit kemudian: aktivitas terakhir baru, jadi tetap masuk.
    at = sesi_baru(dua_jam_lalu)
    assert sorted(b.label for b in at.get("download_button")) == UNDUH_RINGKASAN
