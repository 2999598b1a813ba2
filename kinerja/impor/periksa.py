"""Periksa lalu muat berkas impor untuk halaman Kelola Data (tanpa streamlit).

`periksa` menjalankan impor sebagai uji coba (dry_run) pada koneksi baca-saja:
tidak ada yang ditulis, dan koneksi baca-saja aplikasi tetap dipakai bersama.

`muat_berkas` menulis ke SALINAN berkas database lalu menukarnya dengan berkas
asli (kinerja.impor.tukar): pengguna lain tetap membaca database lama selama
impor, dan gagal di tengah jalan tidak menyentuh berkas asli.
"""

from __future__ import annotations

import hashlib
import json
import re
import threading
from collections.abc import Callable
from dataclasses import asdict, dataclass, replace
from pathlib import Path

import duckdb

from kinerja.basisdata.cadangan import CadanganGagal
from kinerja import db
from kinerja.impor.masalah import ImporGagal, Masalah
from kinerja.impor.muat import HasilImpor, Rencana
from kinerja.impor.tukar import DatabaseBerubah, tulis_lewat_salinan
from kinerja.kode import bidang_dari_kode_opd
from kinerja.skema import SkemaTidakCocok, perbarui_turunan, periksa_versi

JENIS = ("template", "sipd-lra", "sipd-rak")
NAMA_JENIS = {"template": "Templat impor", "sipd-lra": "SIPD LRA (Rekapitulasi Belanja)",
              "sipd-rak": "SIPD RAK (Rencana Anggaran Kas)"}

# Satu impor pada satu waktu dalam proses ini (semua sesi Streamlit = satu proses).
_KUNCI_IMPOR = threading.Lock()


@dataclass(frozen=True)
class Opsi:
    """Pilihan pengguna. SIPD LRA: bulan (1-12) dan kumulatif wajib dinyatakan."""
    jenis: str
    bulan: int | None = None
    kumulatif: bool | None = None
    buat_opd: bool = False
    kode_pemda: str | None = None
    terima_turun: bool = False   # LRA: muat walau realisasi kumulatif turun (dikonfirmasi pengguna)

    def kurang(self) -> list[str]:
        """Pilihan wajib yang belum diisi (kosong = siap diperiksa)."""
        if self.jenis not in JENIS:
            return ["format berkas"]
        if self.jenis == "sipd-lra":
            kurang = []
            if self.bulan is None or not 1 <= int(self.bulan) <= 12:
                kurang.append("bulan data")
            if self.kumulatif is None:
                kurang.append("sifat angka realisasi (kumulatif atau bulan ini saja)")
            return kurang
        return []


@dataclass(frozen=True)
class OpdBaru:
    kode_opd: str
    nama_opd: str
    bidang: tuple[str, ...]
    baris: int | None


def sidik_isi(paths: list[Path]) -> str:
    """Sidik nama dan isi berkas (urutan unggah tidak berpengaruh)."""
    h = hashlib.sha256()
    for p in sorted(paths, key=lambda x: x.name):
        h.update(p.name.encode("utf-8") + b"\0")
        h.update(hashlib.sha256(p.read_bytes()).digest())
    return h.hexdigest()


def sidik(paths: list[Path], opsi: Opsi, isi: str | None = None) -> str:
    """Sidik berkas beserta pilihan: 'Muat' hanya untuk yang sudah diperiksa persis begitu.
    isi = sidik_isi(paths) yang sudah dihitung (halaman menyimpannya per unggahan)."""
    h = hashlib.sha256((isi or sidik_isi(paths)).encode())
    h.update(json.dumps(asdict(opsi), sort_keys=True).encode())
    return h.hexdigest()


def _siapkan(con: duckdb.DuckDBPyConnection, paths: list[Path], opsi: Opsi) -> Rencana:
    """Urai berkas sekali dan periksa terhadap con (ImporGagal bila ada masalah)."""
    from kinerja.impor.muat import siapkan_template
    from kinerja.impor.muat_sipd import siapkan_sipd

    if opsi.jenis == "template":
        return siapkan_template(con, list(paths))
    if len(paths) != 1:
        raise ImporGagal([Masalah(", ".join(p.name for p in paths), "", None, None, None,
                                  "ekspor SIPD dimuat satu berkas setiap kali")])
    return siapkan_sipd(con, paths[0], opsi.jenis, bulan=opsi.bulan, kumulatif=opsi.kumulatif,
                        buat_opd=opsi.buat_opd, kode_pemda=opsi.kode_pemda, terima_turun=opsi.terima_turun)


def _masalah_umum(paths: list[Path], pesan: str) -> list[Masalah]:
    nama = ", ".join(p.name for p in paths) or "-"
    return [Masalah(nama, "", None, None, None, pesan)]


def _kurang_pilihan(paths: list[Path], opsi: Opsi) -> list[Masalah] | None:
    kurang = opsi.kurang()
    if kurang:
        return _masalah_umum(paths, "pilih dulu: " + ", ".join(kurang))
    if not paths:
        return _masalah_umum(paths, "belum ada berkas yang diunggah")
    return None


def periksa(db_path: Path, paths: list[Path], opsi: Opsi) -> Rencana | list[Masalah]:
    """Uji coba impor: rencana (ringkasannya di .info) bila berkas benar, atau SEMUA masalahnya.
    Tidak menulis apa pun. Rencana menyimpan hasil urai: muat_berkas(rencana=...) tidak
    membaca berkas lagi."""
    kurang = _kurang_pilihan(paths, opsi)
    if kurang:
        return kurang
    try:
        con = db.buka(db_path, read_only=True)
    except duckdb.Error as e:
        return _masalah_umum(paths, f"database tidak dapat dibuka untuk pemeriksaan ({e})")
    try:
        periksa_versi(con)
        return _siapkan(con, paths, opsi)
    except ImporGagal as e:
        return list(e.masalah)
    except SkemaTidakCocok as e:
        return _masalah_umum(paths, str(e))
    finally:
        con.close()


_POLA_OPD = re.compile(r"OPD '(?P<nama>.*)' belum terdaftar")


def hanya_opd_belum_terdaftar(masalah: list[Masalah]) -> bool:
    """Benar bila berkas ditolak semata karena OPD yang belum ada di database."""
    return bool(masalah) and all("belum terdaftar" in m.pesan for m in masalah)


def opd_belum_terdaftar(masalah: list[Masalah]) -> list[OpdBaru]:
    """OPD yang akan dibuat bila pengguna setuju: kode dan nama dari berkas, bidang dari kode."""
    hasil, dilihat = [], set()
    for m in masalah:
        if "belum terdaftar" not in m.pesan or not m.nilai or m.nilai in dilihat:
            continue
        dilihat.add(m.nilai)
        cocok = _POLA_OPD.search(m.pesan)
        try:
            bidang = tuple(bidang_dari_kode_opd(m.nilai))
        except ValueError:
            bidang = ()
        hasil.append(OpdBaru(m.nilai, cocok.group("nama") if cocok else "", bidang, m.baris))
    return hasil


class ImporSedangBerjalan(RuntimeError):
    """Impor lain (sesi lain) sedang menulis database."""


def muat_berkas(db_path: Path, paths: list[Path], opsi: Opsi, *, rencana: Rencana | None = None,
                pengguna: str | None = None, lepas_koneksi: Callable[[], None] | None = None,
                asal: str | None = None) -> HasilImpor | list[Masalah]:
    """Validasi ulang lalu muat, dalam satu transaksi pada salinan database yang
    kemudian menggantikan aslinya (kinerja.impor.tukar). Masalah apa pun: daftar
    masalah, database asli utuh.

    rencana: hasil periksa() untuk berkas dan pilihan yang sama; berkas tidak diurai lagi,
    hanya hasil uraiannya yang diperiksa ulang terhadap salinan database. Tanpa rencana,
    berkas diurai sekali di sini.

    lepas_koneksi dipanggil sebelum dan sesudah berkas ditukar (halaman memberi
    kinerja.ui.data.bersihkan_cache) agar tidak ada koneksi yang tertinggal pada
    berkas lama dan semua sesi membaca data baru.
    """
    kurang = _kurang_pilihan(paths, opsi)
    if kurang:
        return kurang
    if not _KUNCI_IMPOR.acquire(blocking=False):
        raise ImporSedangBerjalan("Impor lain sedang berjalan; tunggu sebentar lalu coba lagi.")

    def _tulis(con: duckdb.DuckDBPyConnection) -> HasilImpor:
        perbarui_turunan(con)  # skema dan aturan versi lama dinaikkan dulu (juga memeriksa versi)
        return (rencana or _siapkan(con, paths, opsi)).muat(con, pengguna, asal)

    try:
        return tulis_lewat_salinan(Path(db_path), _tulis, lepas_koneksi)
    except ImporGagal as e:
        return list(e.masalah)
    except SkemaTidakCocok as e:
        return _masalah_umum(paths, str(e))
    except DatabaseBerubah:
        return _masalah_umum(paths, "database diubah proses lain selama impor (mis. baris perintah); "
                                    "tidak ada yang dimuat, periksa lalu muat ulang")
    except CadanganGagal as e:  # mis. disk penuh: tanpa cadangan tidak ada yang ditulis
        return _masalah_umum(paths, str(e))
    finally:
        _KUNCI_IMPOR.release()


def dengan_buat_opd(opsi: Opsi, buat: bool) -> Opsi:
    return replace(opsi, buat_opd=buat)


def templat_xlsx() -> bytes:
    """Isi berkas templat impor XLSX (lembar Petunjuk, satu lembar per tabel, dengan contoh)."""
    import tempfile

    from kinerja.impor.templat_xlsx import tulis_templat

    with tempfile.TemporaryDirectory(prefix="kinerja-templat-") as folder:
        return Path(tulis_templat(Path(folder) / "templat-impor-kinerja.xlsx", contoh=True)).read_bytes()
