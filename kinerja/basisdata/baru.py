"""Database kosong untuk satu pemda nyata: `python -m kinerja baru --pemda 18.01`.

Isinya hanya skema, aturan (makro/view), skala bawaan, pengaturan, dan pemda itu. Kode
pemda harus ada di rujukan kode wilayah Kemendagri (kinerja.wilayah). Tidak pernah
menimpa data: berkas yang sudah ada hanya boleh diganti bila isinya demo belaka.
"""

from __future__ import annotations

from pathlib import Path

from kinerja import audit, db, wilayah

from kinerja.basisdata import cadangan
from kinerja.basisdata.demo import isi_selain_demo
from kinerja.impor.muat import pengguna_os
from kinerja.basisdata.bangun import bangun_lalu_pasang

# log_impor.hasil untuk pembuatan database: bukan 'berhasil', jadi "Data per" tetap kosong
# sampai data pertama dimuat.
HASIL_DIBUAT = "dibuat"
FORMAT_BARU = "baru"


class BaruDitolak(ValueError):
    """Kode tidak dikenal, nama kosong, atau berkas tujuan berisi data: pesannya menjelaskan."""


def periksa_permintaan(path: Path, kode: str, nama: str | None = None) -> wilayah.Wilayah:
    """Wilayah untuk kode; BaruDitolak bila kode tidak dikenal, nama tidak sah, atau berkas
    sudah berisi data selain demo. Tidak menulis apa pun."""
    w = wilayah.cari(kode)
    if w is None:
        pesan = wilayah.pesan_kode_tidak_dikenal(kode)
        raise BaruDitolak(pesan[0].upper() + pesan[1:] + (" " if pesan.endswith("?") else ". ")
                          + "Cari kodenya dengan: python -m kinerja baru --daftar NAMA")
    if nama is not None and not nama.strip():
        raise BaruDitolak("Nama pemda (--nama) kosong; hapus --nama untuk memakai nama resmi "
                          f"{w.nama}.")
    if nama is not None and len(nama.strip()) > 120:
        raise BaruDitolak("Nama pemda (--nama) lebih dari 120 karakter.")
    path = Path(path)
    if path.exists():
        isi = isi_selain_demo(path)
        if isi:
            raise BaruDitolak(f"{path} sudah ada dan {isi}. Berkas itu tidak diubah. Pilih berkas lain "
                              "(--db BERKAS_BARU).")
    return w


def buat_baru(path: Path, kode: str, nama: str | None = None, pengguna: str | None = None,
              asal: str | None = None) -> tuple[
        wilayah.Wilayah, bool]:
    """Buat database kosong untuk pemda kode di path. (wilayah, demo_diganti): demo_diganti
    benar bila path berisi database demo yang kini diganti (demo dapat dibangun ulang)."""
    path = Path(path)
    w = periksa_permintaan(path, kode, nama)
    demo_diganti = path.exists()
    nama_pemda = nama.strip() if nama else w.nama

    def isi(con) -> None:
        db.kueri_satu(con, "impor/pemda_baru", kode_pemda=w.kode, nama_pemda=nama_pemda,
                      keterangan=f"Kode wilayah Kemendagri {w.kode}")
        db.kueri_satu(con, "impor/catat_log", pengguna=pengguna or pengguna_os(), nama_file=w.kode, sha256="-",
                      format=FORMAT_BARU, jumlah_baris=None, hasil=HASIL_DIBUAT,
                      pesan=f"Database dibuat untuk {nama_pemda} ({w.kode}); rujukan {wilayah.versi_rujukan()}")
        audit.catat(con, "baru", f"database dibuat untuk {nama_pemda} ({w.kode})"
                    + ("; menggantikan database demo" if demo_diganti else ""), pengguna or pengguna_os(), asal)

    def sebelum_pasang() -> None:
        if demo_diganti and isi_selain_demo(path):  # berubah sejak diperiksa: jangan timpa
            raise BaruDitolak(f"{path} diisi proses lain selama pembuatan; tidak ada yang berubah.")
        if demo_diganti:
            cadangan.buat(path)  # demo yang diganti pun dapat dipulihkan (python -m kinerja pulihkan)

    bangun_lalu_pasang(path, isi, sebelum_pasang)
    return w, demo_diganti


def daftar(kata: str | None = None) -> list[wilayah.Wilayah]:
    """Wilayah yang kode atau namanya memuat kata (semua bila kosong)."""
    k = wilayah.normal(kata)
    return [w for w in wilayah.semua().values()
            if not k or k in wilayah.normal(w.nama) or w.kode.startswith((kata or "").strip())
            or any(k in wilayah.normal(a) for a in w.alias)]
