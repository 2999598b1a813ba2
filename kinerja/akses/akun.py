"""Akun: membuat, mengubah peran dan OPD, mengganti kata sandi, menonaktifkan.

Setiap perubahan dicatat di jejak akses bersama perubahannya (satu transaksi). Akun
tidak pernah dihapus, hanya dinonaktifkan: jejak tetap menunjuk orang yang nyata.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable
from pathlib import Path

import pandas as pd

from kinerja import db

from kinerja.akses import sandi
from kinerja.akses import jejak, simpan
from kinerja.akses.peran import ADMIN, NAMA_PERAN, OPD, PERAN

LOKAL, SSO = "lokal", "sso"
JENIS = (LOKAL, SSO)
_NAMA_LOKAL = re.compile(r"^[a-z0-9][a-z0-9._-]{1,63}$")
_KENDALI = re.compile(r"[\x00-\x1f\x7f]")
PANJANG_MAKS = 254  # panjang email terpanjang yang sah
NAMA_AWAL = "admin"  # administrator awal dari [admin] sandi_hash di secrets


class AkunDitolak(ValueError):
    """Perubahan akun yang tidak sah; pesannya untuk pengguna (bahasa Indonesia)."""


def normal(jenis: str, nama: str) -> str:
    """Bentuk baku nama akun, atau AkunDitolak dengan alasannya."""
    if jenis not in JENIS:
        raise AkunDitolak(f"Jenis akun tidak dikenal: {jenis!r} (pilih lokal atau sso).")
    nama = (nama or "").strip()
    if jenis == LOKAL:
        nama = nama.lower()
        if not _NAMA_LOKAL.match(nama):
            raise AkunDitolak(f"Nama pengguna {nama!r} tidak sah: 2-64 karakter, huruf kecil, angka, titik, "
                              "garis bawah atau tanda hubung, diawali huruf atau angka.")
        return nama
    if not nama or len(nama) > PANJANG_MAKS or _KENDALI.search(nama):
        raise AkunDitolak("Identitas SSO harus berupa email atau subject dari penyedia identitas "
                          f"(1-{PANJANG_MAKS} karakter, tanpa karakter kendali).")
    return nama.lower() if "@" in nama else nama


def _periksa_peran_opd(peran: str, opd: list[str], opd_dikenal: Collection[str] | None) -> None:
    if peran not in PERAN:
        raise AkunDitolak(f"Peran tidak dikenal: {peran!r}. Pilih salah satu: {', '.join(PERAN)}.")
    if peran == OPD and not opd:
        raise AkunDitolak("Peran opd memerlukan paling sedikit satu kode OPD.")
    if peran != OPD and opd:
        raise AkunDitolak(f"Kode OPD hanya diberikan kepada peran opd; peran {peran} "
                          f"({NAMA_PERAN[peran]}) tidak dibatasi per OPD.")
    if opd_dikenal is not None:
        asing = [k for k in opd if k not in opd_dikenal]
        if asing:
            raise AkunDitolak(f"Kode OPD tidak dikenal di database: {', '.join(asing)}. "
                              "Periksa kodenya di halaman Profil OPD atau di data yang dimuat.")


def _bersih_opd(opd: Iterable[str]) -> list[str]:
    return sorted({k.strip() for k in opd if k and k.strip()})


def cari(con, jenis: str, nama: str) -> dict | None:
    baris = db.kueri(con, "akses/pengguna_cari", jenis=jenis, akun=nama)
    if baris.empty:
        return None
    r = baris.iloc[0].to_dict()
    r["opd"] = list(r["opd"]) if r["opd"] is not None else []
    return r


def _admin_aktif(con) -> int:
    return db.kueri_satu(con, "akses/admin_aktif")[0]


def daftar(path_db: str | Path) -> pd.DataFrame:
    with simpan.buka(path_db) as con:
        return db.kueri(con, "akses/pengguna_daftar")


def ada_admin(path_db: str | Path) -> bool:
    with simpan.buka(path_db) as con:
        return _admin_aktif(con) > 0


def tambah(path_db: str | Path, jenis: str, nama: str, peran: str, *, kata_sandi: str | None = None,
           nama_tampil: str | None = None, opd: Iterable[str] = (), opd_dikenal: Collection[str] | None = None,
           oleh: str, asal: str | None = None) -> str:
    """Buat akun. Akun lokal wajib kata sandi; akun SSO tidak boleh punya. Mengembalikan nama bakunya."""
    nama = normal(jenis, nama)
    opd = _bersih_opd(opd)
    _periksa_peran_opd(peran, opd, opd_dikenal)
    hash_ = None
    if jenis == LOKAL:
        if not kata_sandi:
            raise AkunDitolak("Akun lokal memerlukan kata sandi.")
        masalah = sandi.masalah_sandi(kata_sandi)
        if masalah:
            raise AkunDitolak(masalah)
        hash_ = sandi.buat_hash(kata_sandi)
    elif kata_sandi:
        raise AkunDitolak("Akun SSO tidak memakai kata sandi: penyedia identitas yang memeriksanya.")
    tampil = (nama_tampil or "").strip() or None
    if tampil and (len(tampil) > 120 or _KENDALI.search(tampil)):
        raise AkunDitolak("Nama tampilan paling panjang 120 karakter, tanpa karakter kendali.")
    with simpan.buka(path_db) as con:
        if cari(con, jenis, nama) is not None:
            raise AkunDitolak(f"Akun {jenis} {nama!r} sudah ada; ubah akun itu, jangan membuat yang kedua.")
        db.kueri_satu(con, "akses/pengguna_tambah", jenis=jenis, akun=nama, nama_tampil=tampil,
                      sandi_hash=hash_, peran=peran)
        for kode in opd:
            db.kueri_satu(con, "akses/opd_tambah", jenis=jenis, akun=nama, kode_opd=kode)
        jejak.tulis(con, oleh, jejak.PENGGUNA,
                    f"akun {jenis} {nama} dibuat, peran {peran}" + (f", OPD {', '.join(opd)}" if opd else ""), asal)
    return nama


def ubah(path_db: str | Path, jenis: str, nama: str, *, peran: str | None = None,
         opd: Iterable[str] | None = None, kata_sandi: str | None = None, aktif: bool | None = None,
         nama_tampil: str | None = None, opd_dikenal: Collection[str] | None = None,
         oleh: str, asal: str | None = None) -> list[str]:
    """Ubah akun yang ada; None = tidak diubah. Mengembalikan uraian perubahan (kosong = tidak ada)."""
    nama = normal(jenis, nama)
    with simpan.buka(path_db) as con:
        lama = cari(con, jenis, nama)
        if lama is None:
            raise AkunDitolak(f"Akun {jenis} {nama!r} tidak ada. Lihat daftarnya: python -m kinerja pengguna daftar")
        peran_baru = peran or lama["peran"]
        opd_baru = _bersih_opd(opd) if opd is not None else (lama["opd"] if peran_baru == OPD else [])
        _periksa_peran_opd(peran_baru, opd_baru, opd_dikenal if opd is not None else None)
        aktif_baru = lama["aktif"] if aktif is None else aktif
        if lama["peran"] == ADMIN and lama["aktif"] and (peran_baru != ADMIN or not aktif_baru) \
                and _admin_aktif(con) <= 1:
            raise AkunDitolak("Ini administrator aktif terakhir: buat atau aktifkan administrator lain lebih dulu.")
        hash_ = None
        if kata_sandi is not None:
            if jenis != LOKAL:
                raise AkunDitolak("Akun SSO tidak memakai kata sandi.")
            masalah = sandi.masalah_sandi(kata_sandi)
            if masalah:
                raise AkunDitolak(masalah)
            hash_ = sandi.buat_hash(kata_sandi)
        tampil = None if nama_tampil is None else (nama_tampil.strip() or None)
        uraian = []
        if peran_baru != lama["peran"]:
            uraian.append(f"peran {lama['peran']} → {peran_baru}")
        if opd_baru != lama["opd"]:
            uraian.append(f"OPD {', '.join(lama['opd']) or '-'} → {', '.join(opd_baru) or '-'}")
        if aktif_baru != lama["aktif"]:
            uraian.append("diaktifkan" if aktif_baru else "dinonaktifkan")
        if hash_:
            uraian.append("kata sandi diganti")
        if tampil is not None and tampil != lama["nama_tampil"]:
            uraian.append(f"nama tampilan → {tampil}")
        if not uraian:
            return []
        db.kueri_satu(con, "akses/pengguna_ubah", jenis=jenis, akun=nama, nama_tampil=tampil, sandi_hash=hash_,
                      peran=peran_baru, aktif=aktif_baru)
        db.kueri_satu(con, "akses/opd_hapus", jenis=jenis, akun=nama)
        for kode in opd_baru:
            db.kueri_satu(con, "akses/opd_tambah", jenis=jenis, akun=nama, kode_opd=kode)
        jejak.tulis(con, oleh, jejak.PENGGUNA, f"akun {jenis} {nama}: " + "; ".join(uraian), asal)
    return uraian
