"""Masuk dengan nama pengguna dan kata sandi, dengan batas percobaan yang salah.

Batasnya disimpan di berkas akses, jadi berlaku di semua sesi, setelah dasbor dijalankan
ulang, dan untuk semua proses: BATAS_GAGAL_AKUN kali salah untuk satu nama pengguna, atau
BATAS_GAGAL_ALAMAT kali salah dari satu alamat klien, dalam JENDELA menit terakhir, dan
masuk ditolak (tanpa memeriksa kata sandinya) sampai percobaan tertua itu keluar dari
jendela. Setelah itu setiap kesalahan berikutnya mengunci lagi: tebakan tetap lambat.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from pathlib import Path

from kinerja import db

from kinerja.akses import sandi
from kinerja.akses import akun, jejak, simpan
from kinerja.akses.peran import ADMIN, OPD, Pengguna

BATAS_GAGAL_AKUN = 5
BATAS_GAGAL_ALAMAT = 20
JENDELA = timedelta(minutes=15)
AWAL = "awal"  # jenis Pengguna untuk administrator awal dari secrets


@dataclass(frozen=True)
class HasilMasuk:
    pengguna: Pengguna | None
    pesan: str = ""
    tunggu_detik: int = 0  # > 0: terkunci


def _kini(sekarang: datetime | None) -> datetime:
    return sekarang or datetime.now(timezone.utc)


def _tunggu(con, jenis_kunci: str, kunci: str, batas: int, kini: datetime) -> int:
    jumlah, penentu = db.kueri_satu(con, "akses/gagal_hitung", jenis_kunci=jenis_kunci, kunci=kunci,
                                    sejak=kini - JENDELA, batas=batas)
    if jumlah < batas or penentu is None:
        return 0
    return max(1, int(penentu + JENDELA.total_seconds() - kini.timestamp() + 0.999))


def _sisa(con, kunci: str, kini: datetime) -> int:
    jumlah, _ = db.kueri_satu(con, "akses/gagal_hitung", jenis_kunci="akun", kunci=kunci,
                              sejak=kini - JENDELA, batas=BATAS_GAGAL_AKUN)
    return max(0, BATAS_GAGAL_AKUN - jumlah)


def teks_tunggu(detik: int) -> str:
    return f"{detik} detik" if detik < 90 else f"{(detik + 59) // 60} menit"


def _pengguna(r: dict) -> Pengguna:
    return Pengguna(nama=r["nama"], peran=r["peran"], jenis=r["jenis"], nama_tampil=r["nama_tampil"],
                    opd=frozenset(r["opd"]) if r["peran"] == OPD else frozenset())


def _awal_berlaku(con, hash_awal: str | None) -> bool:
    """Administrator awal berlaku selama belum ada administrator aktif dan belum ada akun lokal 'admin'."""
    return bool(hash_awal) and sandi.hash_sah(hash_awal) and akun._admin_aktif(con) == 0 \
        and akun.cari(con, akun.LOKAL, akun.NAMA_AWAL) is None


def masuk_lokal(path_db: str | Path, nama: str, kata_sandi: str, *, asal: str, hash_awal: str | None = None,
                sekarang: datetime | None = None) -> HasilMasuk:
    """Periksa nama pengguna dan kata sandi; catat hasilnya (jejak akses, hitungan gagal)."""
    kini = _kini(sekarang)
    kunci_akun = (nama or "").strip().lower()[:akun.PANJANG_MAKS]
    kunci_alamat = asal or "tidak diketahui"
    with simpan.buka(path_db) as con:
        db.kueri_satu(con, "akses/gagal_sapu", sebelum=kini - JENDELA)
        tunggu = max(_tunggu(con, "akun", kunci_akun, BATAS_GAGAL_AKUN, kini),
                     _tunggu(con, "alamat", kunci_alamat, BATAS_GAGAL_ALAMAT, kini))
        if tunggu:
            jejak.tulis(con, kunci_akun or "(kosong)", jejak.GAGAL_MASUK, "ditolak: terlalu banyak percobaan salah",
                        asal)
            return HasilMasuk(None, f"Terlalu banyak percobaan yang salah. Coba lagi dalam {teks_tunggu(tunggu)}.",
                              tunggu)
        r = akun.cari(con, akun.LOKAL, kunci_akun) if kunci_akun else None
        pengguna = None
        pesan_khusus = ""
        if r is not None:
            if sandi.cocok(kata_sandi, r["sandi_hash"] or ""):
                if r["aktif"]:
                    pengguna = _pengguna(r)
                else:
                    pesan_khusus = "Akun ini dinonaktifkan. Hubungi administrator."
        elif kunci_akun == akun.NAMA_AWAL and hash_awal:
            if sandi.cocok(kata_sandi, hash_awal):
                if _awal_berlaku(con, hash_awal):
                    pengguna = Pengguna(nama=akun.NAMA_AWAL, peran=ADMIN, jenis=AWAL,
                                        nama_tampil="Administrator awal")
                else:
                    pesan_khusus = ("Administrator awal dari secrets tidak berlaku lagi karena sudah ada akun "
                                    "administrator. Masuk dengan akun Anda.")
        else:
            sandi.samakan_waktu(kata_sandi)
        if pengguna is not None:
            db.kueri_satu(con, "akses/gagal_hapus", kunci=kunci_akun)
            jejak.tulis(con, pengguna.untuk_jejak, jejak.MASUK,
                        "administrator awal (secrets)" if pengguna.jenis == AWAL else f"akun lokal, peran {pengguna.peran}",
                        asal)
            return HasilMasuk(pengguna)
        if pesan_khusus:  # kata sandi benar, tetapi akun tidak boleh masuk: bukan tebakan
            jejak.tulis(con, kunci_akun, jejak.GAGAL_MASUK, pesan_khusus, asal)
            return HasilMasuk(None, pesan_khusus)
        for jenis_kunci, kunci in (("akun", kunci_akun), ("alamat", kunci_alamat)):
            db.kueri_satu(con, "akses/gagal_catat", jenis_kunci=jenis_kunci, kunci=kunci, waktu=kini)
        jejak.tulis(con, kunci_akun or "(kosong)", jejak.GAGAL_MASUK, "nama pengguna atau kata sandi salah", asal)
        tunggu = max(_tunggu(con, "akun", kunci_akun, BATAS_GAGAL_AKUN, kini),
                     _tunggu(con, "alamat", kunci_alamat, BATAS_GAGAL_ALAMAT, kini))
        if tunggu:
            return HasilMasuk(None, "Nama pengguna atau kata sandi salah. Terlalu banyak percobaan yang salah: "
                                    f"coba lagi dalam {teks_tunggu(tunggu)}.", tunggu)
        return HasilMasuk(None, "Nama pengguna atau kata sandi salah. "
                                f"Sisa percobaan sebelum dikunci: {_sisa(con, kunci_akun, kini)}.")


def sisa_tunggu(path_db: str | Path, nama: str, asal: str, sekarang: datetime | None = None) -> int:
    """Detik sampai nama/alamat ini boleh mencoba lagi (0 = boleh)."""
    kini = _kini(sekarang)
    with simpan.buka(path_db) as con:
        return max(_tunggu(con, "akun", (nama or "").strip().lower(), BATAS_GAGAL_AKUN, kini),
                   _tunggu(con, "alamat", asal or "tidak diketahui", BATAS_GAGAL_ALAMAT, kini))


def buka_kunci(path_db: str | Path, nama: str, *, oleh: str, asal: str | None = None) -> None:
    """Administrator menghapus hitungan salah satu akun (mis. setelah pemiliknya lupa sandi)."""
    kunci = (nama or "").strip().lower()
    with simpan.buka(path_db) as con:
        db.kueri_satu(con, "akses/gagal_hapus", kunci=kunci)
        jejak.tulis(con, oleh, jejak.BUKA_KUNCI, f"hitungan salah untuk {kunci} dihapus", asal)


def segarkan(path_db: str | Path, pengguna: Pengguna, hash_awal: str | None = None) -> Pengguna | None:
    """Pengguna yang sedang masuk, dibaca ulang dari berkas akses: peran dan OPD terkini, atau
    None bila akunnya dinonaktifkan atau administrator awal tidak berlaku lagi."""
    if not simpan.ada(path_db):  # belum ada akun apa pun: membaca tidak membuat berkasnya
        if pengguna.jenis == AWAL:
            return pengguna if hash_awal and sandi.hash_sah(hash_awal) else None
        return pengguna if pengguna.jenis == akun.SSO and pengguna.peran == "penonton" else None
    with simpan.buka(path_db) as con:
        if pengguna.jenis == AWAL:
            return pengguna if _awal_berlaku(con, hash_awal) else None
        r = akun.cari(con, pengguna.jenis, pengguna.nama)
        if pengguna.jenis == akun.SSO and r is None:
            return Pengguna(nama=pengguna.nama, peran="penonton", jenis=akun.SSO, nama_tampil=pengguna.nama_tampil)
        if r is None or not r["aktif"]:
            return None
        p = _pengguna(r)
        return p if p.nama_tampil or not pengguna.nama_tampil else Pengguna(
            p.nama, p.peran, p.jenis, pengguna.nama_tampil, p.opd)


def identitas_sso(path_db: str | Path, email: str | None, subject: str | None,
                  nama_tampil: str | None = None) -> Pengguna | None:
    """Peran untuk identitas dari penyedia OIDC, dari pemetaan di berkas akses (email lebih dulu,
    lalu subject), bukan dari token. Tanpa pemetaan: penonton. Akun nonaktif: None."""
    calon = []
    for nilai in (email, subject):
        try:
            if nilai:
                calon.append(akun.normal(akun.SSO, str(nilai)))
        except akun.AkunDitolak:
            pass
    if not calon:
        return None
    if not simpan.ada(path_db):
        return Pengguna(nama=calon[0], peran="penonton", jenis=akun.SSO, nama_tampil=nama_tampil)
    with simpan.buka(path_db) as con:
        for nama in calon:
            r = akun.cari(con, akun.SSO, nama)
            if r is not None:
                if not r["aktif"]:
                    return None
                p = _pengguna(r)
                return p if p.nama_tampil else Pengguna(p.nama, p.peran, p.jenis, nama_tampil, p.opd)
    return Pengguna(nama=calon[0], peran="penonton", jenis=akun.SSO, nama_tampil=nama_tampil)


def aktivitas_terakhir(path_db: str | Path, jenis: str, nama: str) -> float | None:
    """Waktu (detik epoch) aktivitas terakhir yang tercatat untuk identitas itu, atau None."""
    if not simpan.ada(path_db):
        return None
    with simpan.buka(path_db) as con:
        baris = db.kueri_satu(con, "akses/aktivitas_baca", jenis=jenis, akun=nama)
    return float(baris[0]) if baris else None


def catat_aktivitas(path_db: str | Path, jenis: str, nama: str, waktu: float) -> None:
    with simpan.buka(path_db) as con:
        db.kueri_satu(con, "akses/aktivitas_tulis", jenis=jenis, akun=nama, waktu=waktu)
