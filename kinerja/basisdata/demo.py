"""Database demo Kabupaten Nusa Makmur (fiktif) dari CSV di data/demo/.

Dibangun di berkas sementara lalu dipindahkan, sehingga pembaca tidak pernah
melihat database setengah jadi dan pembangunan ulang aman dijalankan berulang.
"""

from __future__ import annotations

from pathlib import Path

import csv

from kinerja import db
from kinerja.basisdata.bangun import bangun_lalu_pasang
from kinerja.impor.muat import HasilImpor, impor_template, sidik_berkas
from kinerja.basisdata.lokasi import FOLDER_DEMO
from kinerja.skema import turunan_mutakhir, versi_database, VERSI_SKEMA

# Pengguna yang dicatat log_impor untuk pembangunan demo (impor_template(pengguna=...)).
PENGGUNA_DEMO = "demo"


class DemoDitolak(RuntimeError):
    """Berkas tujuan berisi sesuatu selain data demo: tidak pernah ditimpa demo."""


def kode_pemda_demo() -> set[str]:
    """Kode pemda fiktif demo, dari sumbernya sendiri (data/demo/pemda.csv)."""
    with open(FOLDER_DEMO / "pemda.csv", encoding="utf-8", newline="") as f:
        return {r["kode_pemda"] for r in csv.DictReader(f)}


PETUNJUK_BARU = ("Buat database untuk pemda sendiri dengan: python -m kinerja baru --db BERKAS --pemda KODE "
                 "(kode wilayah Kemendagri; cari dengan: python -m kinerja baru --daftar NAMA), lalu impor ke sana.")


def campur_demo(kode_ada: set[str], kode_masuk: set[str]) -> list[str]:
    """Kode pemda masuk yang akan mencampur pemda fiktif demo dengan pemda lain dalam satu
    database (kosong bila tidak). Demo dan data nyata tidak pernah bercampur."""
    demo = kode_pemda_demo()
    semua = kode_ada | kode_masuk
    if not (semua & demo) or not (semua - demo):
        return []
    return sorted((kode_masuk - demo) if kode_ada & demo else (kode_masuk & demo))


def isi_selain_demo(path: Path) -> str | None:
    """None bila berkas di path tidak ada atau hanya berisi data demo; selain itu kalimat yang
    menyebut apa isinya (pemda lain, impor dari berkas lain, atau bukan database demo)."""
    path = Path(path)
    if not path.exists():
        return None
    try:
        con = db.buka(path, read_only=True)
    except Exception as e:  # noqa: BLE001 - berkas rusak, asing atau terkunci: jangan ditimpa
        return f"berkas ini tidak dapat dibuka sebagai database ({type(e).__name__}: {str(e)[:120]})"
    try:
        if versi_database(con) is None:
            return "berkas ini bukan database Dasbor Kinerja OPD"
        pemda = {r[0]: r[1] for r in db.kueri(con, "impor/pemda_semua").itertuples(index=False)}
        lain = {k: n for k, n in pemda.items() if k not in kode_pemda_demo()}
        if lain:
            return "database berisi pemda " + ", ".join(f"{n} ({k})" for k, n in sorted(lain.items()))
        impor = db.kueri(con, "impor/impor_bukan_demo", pengguna_demo=PENGGUNA_DEMO)
        if len(impor):
            terakhir = impor.iloc[0]
            return (f"database berisi {len(impor)} impor selain data demo (terakhir: "
                    f"{terakhir['nama_file']} oleh {terakhir['pengguna']}, {terakhir['waktu']:%Y-%m-%d %H:%M})")
        return None
    finally:
        con.close()


def demo_mutakhir(path: Path) -> bool:
    """Database di path sudah berisi data demo yang sama dengan CSV saat ini,
    dengan makro dan view versi aplikasi ini (selain itu halaman gagal)."""
    if not path.exists():
        return False
    _, sha = sidik_berkas([FOLDER_DEMO])
    try:
        con = db.buka(path, read_only=True)
    except Exception:  # noqa: BLE001 - tidak terbaca: bangun_demo sudah menolaknya lebih dulu
        return False
    try:
        if versi_database(con) != VERSI_SKEMA or not turunan_mutakhir(con):
            return False
        baris = db.kueri_satu(con, "impor/impor_terakhir_berhasil")
        return baris is not None and baris[0] == sha
    finally:
        con.close()


def bangun_demo(path: Path, paksa: bool = False) -> HasilImpor | None:
    """Bangun database demo di path. None bila sudah mutakhir (idempoten).

    DemoDitolak bila path berisi apa pun selain data demo (data yang diimpor pengguna,
    pemda lain, berkas asing): demo hanya dibangun ke berkas baru atau berkas demo, juga
    dengan paksa=True."""
    path = Path(path)
    isi = isi_selain_demo(path)
    if isi:
        raise DemoDitolak(
            f"Database demo tidak dibangun: {path} sudah ada dan {isi}. Berkas itu tidak diubah. "
            "Pilih berkas lain untuk demo (--db BERKAS_BARU), atau jalankan dasbor pada database ini.")
    if not paksa and demo_mutakhir(path):
        return None
    return bangun_lalu_pasang(path, lambda con: impor_template(con, [FOLDER_DEMO], pengguna=PENGGUNA_DEMO))
