"""Memuat tabel hasil validasi ke database dalam satu transaksi, dan mencatatnya.

Bila apa pun gagal di tengah jalan, transaksi dibatalkan: database tetap seperti
sebelum impor. Proses yang dimatikan di tengah transaksi juga tidak meninggalkan
apa-apa, karena DuckDB hanya menulis transaksi yang sudah COMMIT.
"""

from __future__ import annotations

import getpass
import hashlib
import json
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import duckdb

from kinerja import audit
from kinerja.db import batalkan, kueri, teks_kueri
from kinerja.impor.masalah import ImporGagal, Masalah
from kinerja.impor.template import HasilValidasi, Referensi, kumpulkan_csv, validasi


@dataclass
class HasilImpor:
    format: str
    nama_file: str
    sha256: str
    jumlah_baris: dict[str, int] = field(default_factory=dict)
    catatan: list[str] = field(default_factory=list)
    dimuat: bool = False

    def ringkas(self) -> str:
        isi = ", ".join(f"{n} {t}" for t, n in self.jumlah_baris.items() if n)
        kata = "dimuat" if self.dimuat else "siap dimuat (uji coba, tidak ada yang ditulis)"
        return f"{self.nama_file}: {isi or 'tidak ada baris'} {kata}"


def sidik_berkas(paths: list[Path]) -> tuple[str, str]:
    """Nama dan SHA-256 sumber. Satu berkas: SHA-256 isinya persis (sama dengan
    `sha256sum`); folder atau beberapa berkas: SHA-256 gabungan nama dan isi."""
    if len(paths) == 1 and paths[0].is_file():
        return paths[0].name, hashlib.sha256(paths[0].read_bytes()).hexdigest()
    berkas = []
    for p in paths:
        berkas.extend(sorted(p.glob("*.csv")) if p.is_dir() else [p])
    h = hashlib.sha256()
    for b in berkas:
        h.update(b.name.encode())
        h.update(hashlib.sha256(b.read_bytes()).digest())
    nama = ", ".join(f"{p.name}/ ({len(list(p.glob('*.csv')))} berkas CSV)" if p.is_dir() else p.name
                     for p in paths)
    return nama, h.hexdigest()


def referensi_dari(con: duckdb.DuckDBPyConnection) -> Referensi:
    ind = kueri(con, "impor/referensi_indikator")
    opd = kueri(con, "impor/referensi_opd")
    return Referensi(
        pemda=set(kueri(con, "impor/referensi_pemda")["kode_pemda"]),
        opd=set(zip(opd["kode_pemda"], opd["kode_opd"])),
        indikator=dict(zip(zip(ind["kode_pemda"], ind["indikator_id"]), ind["polaritas"])),
        urusan=set(kueri(con, "impor/referensi_urusan")["kode_urusan"]),
    )


# Urutan tulis: dimensi sebelum fakta. Setiap tabel punya queries/impor/simpan_<nama>.sql
# yang membaca DataFrame terdaftar bernama baru_<nama>.
URUTAN_SIMPAN = ["pemda", "opd", "indikator", "capaian", "anggaran", "kendala", "rak", "lra"]


def catat_dan_simpan(con: duckdb.DuckDBPyConnection, tabel: dict, info: HasilImpor,
                     pengguna: str | None = None, asal: str | None = None) -> None:
    """Tulis semua tabel, satu baris log impor dan satu baris jejak audit dalam satu
    transaksi; batal seluruhnya bila gagal. asal: alamat klien (halaman) atau baris perintah."""
    con.execute("BEGIN TRANSACTION")
    try:
        for nama in URUTAN_SIMPAN:
            df = tabel.get(nama)
            if df is None or df.empty:
                continue
            con.register(f"baru_{nama}", df)
            try:
                con.execute(teks_kueri(f"impor/simpan_{nama}"))
            finally:
                con.unregister(f"baru_{nama}")
        con.execute(teks_kueri("impor/catat_log"), {
            "pengguna": pengguna or pengguna_os(), "nama_file": info.nama_file,
            "sha256": info.sha256, "format": info.format,
            "jumlah_baris": json.dumps(info.jumlah_baris), "hasil": "berhasil",
            "pesan": "; ".join(info.catatan) or None,
        })
        isi = ", ".join(f"{n} {t}" for t, n in info.jumlah_baris.items() if n)
        audit.catat(con, "impor", f"{info.format}: {info.nama_file} ({isi or 'tidak ada baris'})",
                    pengguna or pengguna_os(), asal)
        con.execute("COMMIT")
    except Exception:
        batalkan(con)  # disk penuh: galat aslinya yang dilaporkan, bukan "no transaction is active"
        raise
    con.execute("CHECKPOINT")
    info.dimuat = True


# Menyusun tabel siap tulis dari berkas yang SUDAH diurai, terhadap database pada koneksi itu
# (kode yang dikenal, pemda tujuan, bulan sebelumnya). ImporGagal bila ada masalah.
Susun = Callable[[duckdb.DuckDBPyConnection], tuple[dict, HasilImpor]]


@dataclass
class Rencana:
    """Satu impor yang berkasnya sudah diurai dan diperiksa: berkas dibaca sekali per impor.

    info: hasil pemeriksaan terhadap database saat diperiksa. muat() memeriksa ulang hasil
    urai yang sama terhadap database yang ditulis (salinan yang bisa sudah berubah oleh impor
    lain sejak pemeriksaan), tanpa membaca berkas lagi, lalu menulisnya."""
    info: HasilImpor
    susun: Susun

    def muat(self, con: duckdb.DuckDBPyConnection, pengguna: str | None = None,
             asal: str | None = None) -> HasilImpor:
        tabel, info = self.susun(con)
        catat_dan_simpan(con, tabel, info, pengguna, asal)
        return info


def rencanakan(con: duckdb.DuckDBPyConnection, susun: Susun) -> Rencana:
    """Periksa hasil urai terhadap database con (ImporGagal bila ada masalah)."""
    return Rencana(susun(con)[1], susun)


def kumpulkan_sumber(paths: list[Path]) -> list:
    """Lembar templat dari folder CSV, berkas CSV, atau buku kerja XLSX."""
    from kinerja.impor.berkas import kenali
    from kinerja.impor.templat_xlsx import baca_xlsx

    sumber: list = []
    for p in paths:
        jenis = kenali(p)
        if jenis == "xlsx":
            sumber.extend(baca_xlsx(p))
        else:
            sumber.extend(kumpulkan_csv([p]))
    return sumber


def siapkan_template(con: duckdb.DuckDBPyConnection, paths: list[Path]) -> Rencana:
    """Urai berkas templat (CSV, folder CSV, XLSX) sekali, lalu periksa terhadap con.
    ImporGagal berisi semua masalah."""
    hilang = [p for p in paths if not p.exists()]
    if hilang:
        raise ImporGagal([Masalah(str(p), "", None, None, None, "berkas tidak ditemukan") for p in hilang])
    nama, sha = sidik_berkas(paths)
    sumber = kumpulkan_sumber(paths)
    terakhir: dict = {}  # validasi murni atas (sumber, referensi): referensi sama, hasil sama

    def susun(c: duckdb.DuckDBPyConnection) -> tuple[dict, HasilImpor]:
        ref = referensi_dari(c)
        if terakhir.get("ref") != ref:
            hasil = validasi(sumber, ref)
            terakhir.update(ref=ref, hasil=hasil, masalah=hasil.masalah + _campur_demo(nama, ref.pemda, hasil))
        hasil = terakhir["hasil"]
        if terakhir["masalah"]:
            raise ImporGagal(terakhir["masalah"])
        return hasil.tabel, HasilImpor("template", nama, sha, {t: len(df) for t, df in hasil.tabel.items()},
                                       list(hasil.catatan))

    return rencanakan(con, susun)


def impor_template(con: duckdb.DuckDBPyConnection, paths: list[Path], dry_run: bool = False,
                   pengguna: str | None = None, asal: str | None = None) -> HasilImpor:
    """Validasi lalu muat berkas templat (uji coba: dry_run). ImporGagal berisi semua masalah."""
    rencana = siapkan_template(con, paths)
    return rencana.info if dry_run else rencana.muat(con, pengguna, asal)


def _campur_demo(berkas: str, kode_ada: set[str], hasil: HasilValidasi) -> list[Masalah]:
    """Lembar pemda yang akan mencampur demo (fiktif) dengan pemda nyata: ditolak."""
    from kinerja.basisdata.demo import PETUNJUK_BARU, campur_demo, kode_pemda_demo

    df = hasil.tabel.get("pemda")
    masuk = set(df["kode_pemda"]) if df is not None and not df.empty else set()
    if kode_ada & kode_pemda_demo():
        alasan = ("database ini berisi pemda fiktif demo; data pemda lain tidak dimuat ke sini agar "
                  "tidak bercampur dengan demo. " + PETUNJUK_BARU)
    else:
        alasan = "kode pemda fiktif demo tidak dimuat ke database berisi pemda nyata; demo punya databasenya sendiri"
    return [Masalah(berkas, "pemda", None, "kode_pemda", k, alasan) for k in campur_demo(kode_ada, masuk)]


def pengguna_os() -> str:
    try:
        return getpass.getuser()
    except Exception:  # noqa: BLE001 - tanpa akun OS (kontainer) tetap boleh impor
        return "tidak diketahui"
