"""Akses (issue 10): peran dan izin, akun, batas percobaan masuk yang bertahan lintas sesi dan
proses, administrator awal, pemetaan SSO, jejak akses, perintah `pengguna`.

Harapan ditulis tangan (tabel izin di bawah tidak diturunkan dari kinerja.akses.peran)."""

from __future__ import annotations

import shutil
import subprocess
import sys
import textwrap
from datetime import datetime, timedelta, timezone
from pathlib import Path

import duckdb
import pytest

from kinerja.akses import akun, atur, jejak, masuk, simpan
from kinerja.akses.peran import Pengguna, boleh
from kinerja.akses.sandi import buat_hash
from tests.test_cli import _jalankan, _sidik

AKAR = Path(__file__).resolve().parent.parent
SANDI = "sandi-rahasia-1"
T0 = datetime(2026, 12, 3, 9, 0, tzinfo=timezone.utc)

# Tabel izin yang diharapkan, ditulis tangan dari issue: siapa boleh apa.
#             lihat ekspor catat_rapat ubah_opd impor pulihkan atur kelola_pengguna lihat_audit
HARAPAN = {
    "penonton": (1, 0, 0, 0, 0, 0, 0, 0, 0),
    "analis":   (1, 1, 0, 0, 0, 0, 0, 0, 0),
    "notulis":  (1, 1, 1, 1, 0, 0, 0, 0, 0),
    "opd":      (1, 0, 0, 1, 0, 0, 0, 0, 0),  # ubah_opd hanya untuk OPD-nya sendiri
    "admin":    (1, 1, 1, 1, 1, 1, 1, 1, 1),
}
TINDAKAN = ("lihat", "ekspor", "catat_rapat", "ubah_opd", "impor", "pulihkan", "atur", "kelola_pengguna",
            "lihat_audit")


@pytest.fixture
def db(db_demo, tmp_path) -> Path:
    tujuan = tmp_path / "kinerja.duckdb"
    shutil.copyfile(db_demo, tujuan)
    return tujuan


def _opd(db: Path) -> list[str]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return [r[0] for r in con.execute("SELECT kode_opd FROM opd ORDER BY kode_opd").fetchall()]
    finally:
        con.close()


def _baca_akses(db: Path, sql: str) -> list:
    con = duckdb.connect(str(simpan.lokasi_akses(db)), read_only=True)
    try:
        return con.execute(sql).fetchall()
    finally:
        con.close()


# ---- peran dan izin -----------------------------------------------------------------------------

@pytest.mark.parametrize("peran", list(HARAPAN))
def test_izin_setiap_peran(peran):
    p = Pengguna("x", peran, opd=frozenset({"1.01"}) if peran == "opd" else frozenset())
    for tindakan, harap in zip(TINDAKAN, HARAPAN[peran]):
        kode = "1.01" if tindakan == "ubah_opd" else None
        assert boleh(p, tindakan, kode) is bool(harap), (peran, tindakan)


def test_opd_hanya_untuk_opd_sendiri_dan_tanpa_masuk_hanya_melihat():
    p = Pengguna("dinkes", "opd", opd=frozenset({"1.02", "1.03"}))
    assert boleh(p, "ubah_opd", "1.02") and boleh(p, "ubah_opd", "1.03")
    assert not boleh(p, "ubah_opd", "1.04") and not boleh(p, "ubah_opd", None)
    assert boleh(Pengguna("n", "notulis"), "ubah_opd", "1.04")
    assert boleh(None, "lihat", tampilan_terbuka=True)
    assert not boleh(None, "lihat", tampilan_terbuka=False)
    assert not any(boleh(None, t) for t in TINDAKAN if t != "lihat")
    with pytest.raises(KeyError):
        boleh(p, "hapus_semua")


# ---- akun ---------------------------------------------------------------------------------------

def test_akun_lokal_disimpan_sebagai_hash_argon2id(db):
    akun.tambah(db, "lokal", "  Budi.Santoso ", "analis", kata_sandi=SANDI, nama_tampil="Budi Santoso", oleh="tes")
    isi = simpan.lokasi_akses(db).read_bytes()
    assert SANDI.encode() not in isi
    [(nama, tampil, hash_, peran)] = _baca_akses(db, "SELECT nama, nama_tampil, sandi_hash, peran FROM pengguna")
    assert (nama, tampil, peran) == ("budi.santoso", "Budi Santoso", "analis")
    assert hash_.startswith("$argon2id$")


@pytest.mark.parametrize("nama, peran, opd, sandi, pesan", [
    ("a", "analis", (), SANDI, "tidak sah"),
    ("budi santoso", "analis", (), SANDI, "tidak sah"),
    ("<script>", "analis", (), SANDI, "tidak sah"),
    ("budi", "raja", (), SANDI, "Peran tidak dikenal"),
    ("budi", "opd", (), SANDI, "paling sedikit satu kode OPD"),
    ("budi", "analis", ("X",), SANDI, "hanya diberikan kepada peran opd"),
    ("budi", "opd", ("9.99.99",), SANDI, "Kode OPD tidak dikenal di database: 9.99.99"),
    ("budi", "analis", (), "pendek", "terlalu pendek"),
    ("budi", "analis", (), None, "memerlukan kata sandi"),
])
def test_akun_salah_ditolak_dan_berkas_tidak_berubah(db, nama, peran, opd, sandi, pesan):
    akun.tambah(db, "lokal", "lama", "penonton", kata_sandi=SANDI, oleh="tes")
    sebelum = _baca_akses(db, "SELECT jenis, nama, peran, aktif, sandi_hash FROM pengguna")
    with pytest.raises(akun.AkunDitolak, match=pesan):
        akun.tambah(db, "lokal", nama, peran, kata_sandi=sandi, opd=opd, opd_dikenal=set(_opd(db)), oleh="tes")
    assert _baca_akses(db, "SELECT jenis, nama, peran, aktif, sandi_hash FROM pengguna") == sebelum


def test_ubah_peran_opd_dan_administrator_terakhir(db):
    kode = _opd(db)[:2]
    akun.tambah(db, "lokal", "kepala", "admin", kata_sandi=SANDI, oleh="tes")
    akun.tambah(db, "lokal", "siti", "penonton", kata_sandi=SANDI, oleh="tes")
    assert akun.ubah(db, "lokal", "siti", peran="opd", opd=kode, opd_dikenal=set(_opd(db)), oleh="kepala") == [
        "peran penonton → opd", f"OPD - → {kode[0]}, {kode[1]}"]
    assert masuk.segarkan(db, Pengguna("siti", "penonton")).opd == frozenset(kode)
    assert akun.ubah(db, "lokal", "siti", peran="opd", opd=kode, oleh="kepala") == []  # tidak ada yang berubah
    with pytest.raises(akun.AkunDitolak, match="administrator aktif terakhir"):
        akun.ubah(db, "lokal", "kepala", aktif=False, oleh="kepala")
    with pytest.raises(akun.AkunDitolak, match="administrator aktif terakhir"):
        akun.ubah(db, "lokal", "kepala", peran="analis", oleh="kepala")
    with pytest.raises(akun.AkunDitolak, match="tidak ada"):
        akun.ubah(db, "lokal", "tidakada", peran="analis", oleh="kepala")
    # Nonaktif: pengguna yang sedang masuk tidak berlaku lagi pada pembacaan berikutnya.
    akun.ubah(db, "lokal", "siti", aktif=False, oleh="kepala")
    assert masuk.segarkan(db, Pengguna("siti", "opd")) is None


# ---- masuk dan batasnya ---------------------------------------------------------------------------

def test_masuk_benar_salah_dan_pesan(db):
    akun.tambah(db, "lokal", "budi", "analis", kata_sandi=SANDI, oleh="tes")
    h = masuk.masuk_lokal(db, "BUDI ", SANDI, asal="10.0.0.1", sekarang=T0)
    assert h.pengguna == Pengguna("budi", "analis", "lokal")
    h = masuk.masuk_lokal(db, "budi", "salah", asal="10.0.0.1", sekarang=T0)
    assert h.pengguna is None and h.pesan == ("Nama pengguna atau kata sandi salah. "
                                              "Sisa percobaan sebelum dikunci: 4.")
    # Nama yang tidak ada: pesan sama (tidak membocorkan nama mana yang ada).
    h = masuk.masuk_lokal(db, "tidakada", "salah", asal="10.0.0.2", sekarang=T0)
    assert h.pesan == "Nama pengguna atau kata sandi salah. Sisa percobaan sebelum dikunci: 4."


def test_kunci_akun_setelah_lima_salah_sampai_jendela_lewat(db):
    akun.tambah(db, "lokal", "budi", "analis", kata_sandi=SANDI, oleh="tes")
    for i in range(5):  # satu menit terpisah: 09.00 .. 09.04
        h = masuk.masuk_lokal(db, "budi", "salah", asal=f"10.0.0.{i}", sekarang=T0 + timedelta(minutes=i))
    assert h.tunggu_detik == 11 * 60  # terkunci sampai 09.00 + 15 menit; sekarang 09.04
    assert "coba lagi dalam 11 menit" in h.pesan
    # Selama terkunci sandi benar pun ditolak, dari alamat mana pun.
    h = masuk.masuk_lokal(db, "budi", SANDI, asal="10.9.9.9", sekarang=T0 + timedelta(minutes=14, seconds=59))
    assert h.pengguna is None and h.tunggu_detik == 1
    # 09.15: percobaan 09.00 keluar dari jendela: boleh lagi, dan sandi benar diterima.
    h = masuk.masuk_lokal(db, "budi", SANDI, asal="10.9.9.9", sekarang=T0 + timedelta(minutes=15))
    assert h.pengguna is not None
    # Masuk yang berhasil menghapus hitungan akun itu.
    assert masuk.sisa_tunggu(db, "budi", "10.9.9.9", sekarang=T0 + timedelta(minutes=15)) == 0


def test_setelah_kunci_lewat_satu_salah_mengunci_lagi(db):
    akun.tambah(db, "lokal", "budi", "analis", kata_sandi=SANDI, oleh="tes")
    for i in range(5):
        masuk.masuk_lokal(db, "budi", "salah", asal="a", sekarang=T0 + timedelta(minutes=i))
    h = masuk.masuk_lokal(db, "budi", "salah", asal="a", sekarang=T0 + timedelta(minutes=15))
    # Tersisa 4 dalam jendela + yang baru = 5: terkunci sampai 09.01 + 15 menit.
    assert h.tunggu_detik == 60


def test_kunci_alamat_setelah_dua_puluh_salah_dengan_nama_berbeda(db):
    akun.tambah(db, "lokal", "budi", "analis", kata_sandi=SANDI, oleh="tes")
    for i in range(20):
        h = masuk.masuk_lokal(db, f"tebakan{i}", "salah", asal="peramban 203.0.113.5", sekarang=T0)
    assert h.tunggu_detik == 15 * 60
    # Dari alamat itu akun yang benar pun menunggu; dari alamat lain tidak.
    assert masuk.masuk_lokal(db, "budi", SANDI, asal="peramban 203.0.113.5", sekarang=T0).pengguna is None
    assert masuk.masuk_lokal(db, "budi", SANDI, asal="peramban 198.51.100.7", sekarang=T0).pengguna is not None


_TEBAK = textwrap.dedent("""
    import sys
    from kinerja.akses import masuk
    for _ in range(int(sys.argv[2])):
        h = masuk.masuk_lokal(sys.argv[1], "budi", "salah", asal="x")
    print(h.tunggu_detik)
""")


def test_batas_bertahan_setelah_proses_berhenti(db):
    """Percobaan di satu proses (dasbor yang lalu dijalankan ulang) tetap dihitung di proses baru."""
    akun.tambah(db, "lokal", "budi", "analis", kata_sandi=SANDI, oleh="tes")
    lari = lambda n: subprocess.run([sys.executable, "-c", _TEBAK, str(db), str(n)], cwd=AKAR,  # noqa: E731
                                    capture_output=True, text=True, timeout=120)
    pertama = lari(3)
    assert pertama.returncode == 0 and pertama.stdout.strip() == "0", pertama.stderr
    kedua = lari(2)  # proses baru: 3 + 2 = 5
    assert kedua.returncode == 0 and int(kedua.stdout) > 14 * 60, kedua.stderr
    h = masuk.masuk_lokal(db, "budi", SANDI, asal="y")  # proses ketiga (tes ini): masih terkunci
    assert h.pengguna is None and h.tunggu_detik > 0


def test_administrator_awal_berlaku_sampai_ada_akun_admin(db):
    awal = buat_hash(SANDI)
    h = masuk.masuk_lokal(db, "admin", SANDI, asal="a", hash_awal=awal)
    assert h.pengguna is not None and (h.pengguna.peran, h.pengguna.jenis) == ("admin", masuk.AWAL)
    assert masuk.segarkan(db, h.pengguna, awal) == h.pengguna
    assert masuk.segarkan(db, h.pengguna, None) is None  # secrets dihapus: tidak berlaku lagi
    akun.tambah(db, "lokal", "kepala", "admin", kata_sandi="sandi-kepala-1", oleh="admin")
    assert masuk.segarkan(db, h.pengguna, awal) is None
    h2 = masuk.masuk_lokal(db, "admin", SANDI, asal="a", hash_awal=awal)
    assert h2.pengguna is None and "tidak berlaku lagi" in h2.pesan


def test_pemetaan_sso_dari_database_bukan_token(db):
    akun.tambah(db, "sso", "Ani@Pemda.go.id", "analis", oleh="tes")
    akun.tambah(db, "sso", "f3a9-subject", "admin", nama_tampil="Kepala Bappeda", oleh="tes")
    akun.tambah(db, "sso", "lama@pemda.go.id", "admin", oleh="tes")
    akun.ubah(db, "sso", "lama@pemda.go.id", aktif=False, oleh="tes")
    assert masuk.identitas_sso(db, "ani@PEMDA.go.id", "x", "Ani").peran == "analis"
    p = masuk.identitas_sso(db, "lain@pemda.go.id", "f3a9-subject", "Nama dari token")
    assert (p.peran, p.label) == ("admin", "Kepala Bappeda")
    tamu = masuk.identitas_sso(db, "tamu@pemda.go.id", "s-1", "Tamu")
    assert (tamu.nama, tamu.peran, tamu.label) == ("tamu@pemda.go.id", "penonton", "Tamu")
    assert masuk.identitas_sso(db, "lama@pemda.go.id", "s-2", None) is None
    with pytest.raises(akun.AkunDitolak, match="tidak memakai kata sandi"):
        akun.tambah(db, "sso", "b@pemda.go.id", "analis", kata_sandi=SANDI, oleh="tes")


def test_membaca_tidak_membuat_berkas_akses(db):
    assert simpan.baca_pengaturan(db) == {"tampilan": "terbuka", "menit_diam": "30"}
    assert masuk.identitas_sso(db, "a@b.id", None).peran == "penonton"
    assert not simpan.lokasi_akses(db).exists()


# ---- pengaturan dan jejak ----------------------------------------------------------------------

def test_pengaturan_divalidasi_dan_dicatat(db):
    assert atur.ubah(db, {"tampilan": "masuk", "menit_diam": "45"}, oleh="kepala", asal="peramban 10.1.1.1") == [
        "tampilan: terbuka → masuk", "menit_diam: 30 → 45"]
    assert simpan.baca_pengaturan(db) == {"tampilan": "masuk", "menit_diam": "45"}
    assert not simpan.tampilan_terbuka(simpan.baca_pengaturan(db))
    for salah in ({"tampilan": "rahasia"}, {"menit_diam": "2"}, {"menit_diam": "lama"}, {"warna": "biru"}):
        with pytest.raises(atur.PengaturanDitolak):
            atur.ubah(db, salah, oleh="kepala", asal=None)
    assert simpan.baca_pengaturan(db) == {"tampilan": "masuk", "menit_diam": "45"}
    [baris] = _baca_akses(db, "SELECT pengguna, tindakan, rincian, asal FROM jejak_akses")
    assert baris == ("kepala", "pengaturan akses", "tampilan: terbuka → masuk; menit_diam: 30 → 45",
                     "peramban 10.1.1.1")


def test_jejak_akses_mencatat_siapa_apa_dari_mana(db):
    akun.tambah(db, "lokal", "budi", "analis", kata_sandi=SANDI, nama_tampil="Budi Santoso", oleh="kepala",
                asal="peramban 10.0.0.9")
    masuk.masuk_lokal(db, "budi", "salah", asal="peramban 10.0.0.5")
    masuk.masuk_lokal(db, "budi", SANDI, asal="peramban 10.0.0.5")
    jejak.catat(db, "budi", jejak.KELUAR, "", "peramban 10.0.0.5")
    df = jejak.daftar(db, None)
    assert list(zip(df["pengguna"], df["tindakan"], df["asal"]))[::-1] == [
        ("kepala", "pengguna", "peramban 10.0.0.9"),
        ("budi", "gagal masuk", "peramban 10.0.0.5"),
        ("Budi Santoso (budi)", "masuk", "peramban 10.0.0.5"),  # nama orangnya dan akunnya
        ("budi", "keluar", "peramban 10.0.0.5")]
    assert df["rincian"].iloc[-1] == "akun lokal budi dibuat, peran analis"
    assert df["waktu"].is_monotonic_decreasing


# ---- baris perintah ------------------------------------------------------------------------------

def _pengguna_cli(db: Path, *argumen: str, sandi: str | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "kinerja", "pengguna", "--db", str(db), *argumen],
                          cwd=AKAR, input=(sandi + "\n") if sandi else None, capture_output=True, text=True,
                          timeout=120)


def test_cli_pengguna_tambah_daftar_ubah_buka_kunci(db):
    kode = _opd(db)[0]
    h = _pengguna_cli(db, "tambah", "Siti", "--peran", "opd", "--opd", kode, "--nama-tampil", "Siti Aminah",
                      "--sandi-stdin", sandi=SANDI)
    assert h.returncode == 0, h.stderr
    assert h.stdout.strip() == f"Akun lokal siti dibuat: OPD, OPD {kode}."
    assert _pengguna_cli(db, "tambah", "ani@pemda.go.id", "--sso", "--peran", "notulis").returncode == 0
    daftar = _pengguna_cli(db, "daftar")
    assert daftar.stdout.splitlines() == ["lokal siti (Siti Aminah): OPD OPD " + kode,
                                          "sso   ani@pemda.go.id: Notulis"]
    assert masuk.masuk_lokal(db, "siti", SANDI, asal="a").pengguna.opd == frozenset({kode})
    # --db sesudah aksinya juga diterima.
    h = subprocess.run([sys.executable, "-m", "kinerja", "pengguna", "ubah", "siti", "--nonaktif", "--db", str(db)],
                       cwd=AKAR, capture_output=True, text=True, timeout=120)
    assert h.returncode == 0 and h.stdout.strip() == "Akun siti: dinonaktifkan.", h.stderr
    for _ in range(5):
        masuk.masuk_lokal(db, "siti", "salah", asal="a")
    assert masuk.sisa_tunggu(db, "siti", "b") > 0
    assert _pengguna_cli(db, "buka-kunci", "siti").returncode == 0
    assert masuk.sisa_tunggu(db, "siti", "b") == 0
    jejak_cli = _baca_akses(db, "SELECT tindakan, asal FROM jejak_akses WHERE tindakan <> 'gagal masuk' ORDER BY id")
    assert [t for t, _ in jejak_cli] == ["pengguna", "pengguna", "masuk", "pengguna", "buka kunci"]
    assert all(a.startswith("baris perintah (") for t, a in jejak_cli if t != "masuk")


def test_cli_pengguna_salah_pesan_jelas_dan_tidak_mengubah(db):
    assert _pengguna_cli(db, "tambah", "budi", "--peran", "analis", "--sandi-stdin", sandi=SANDI).returncode == 0
    sebelum = _sidik(simpan.lokasi_akses(db))
    for argumen, sandi, pesan in [
        (("tambah", "dinkes", "--peran", "opd", "--opd", "7.77", "--sandi-stdin"), SANDI,
         "Ditolak: Kode OPD tidak dikenal di database: 7.77"),
        (("tambah", "budi", "--peran", "analis", "--sandi-stdin"), SANDI, "sudah ada"),
        (("tambah", "x y", "--peran", "analis", "--sandi-stdin"), SANDI, "tidak sah"),
        (("tambah", "baru", "--peran", "analis", "--sandi-stdin"), "pendek", "terlalu pendek"),
        (("ubah", "tidakada", "--peran", "admin"), None, "tidak ada"),
    ]:
        h = _pengguna_cli(db, *argumen, sandi=sandi)
        assert h.returncode == 1 and pesan in h.stderr, (argumen, h.stderr)
    assert _sidik(simpan.lokasi_akses(db)) == sebelum
    h = _jalankan("pengguna", "tambah", "--help")
    assert "Pemakaian" in h.stdout and "--peran" in h.stdout and "kode OPD untuk peran opd" in h.stdout
