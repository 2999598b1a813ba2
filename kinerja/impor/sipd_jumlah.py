"""Pemeriksaan jumlah ekspor SIPD: angka setiap tingkat sama dengan jumlah tingkat di bawahnya.

OPD = jumlah program, program = jumlah kegiatan, kegiatan = jumlah sub kegiatan, sub kegiatan
= jumlah rekening teratasnya, dan baris urusan, bidang dan 'Jumlah' = jumlah baris OPD di
bawahnya. Menangkap ekspor yang terpotong dan angka yang diubah tangan. Tanpa database dan
tanpa streamlit.
"""

from __future__ import annotations

from typing import Hashable

from kinerja.format import rupiah_penuh
from kinerja.impor.sipd_hasil import Pencatat
from kinerja.impor.sipd_susun import NAMA_TINGKAT, Penyusun, Simpul, kode_induk

TOLERANSI = 1.0          # Rupiah: selisih pembulatan yang masih dianggap cocok


def periksa_susunan(penyusun: Penyusun, label: dict) -> None:
    """Setiap tingkat = jumlah tingkat di bawahnya. Pemeriksaan urusan/bidang/jumlah hanya
    bila belum ada masalah: satu angka yang diubah cukup dilaporkan sekali."""
    periksa_jumlah(penyusun.simpul, label, penyusun.catat, penyusun.rusak)
    if not penyusun.rusak and not penyusun.catat.masalah:
        periksa_wilayah(penyusun.simpul, penyusun.daerah, label, penyusun.catat)


def periksa_jumlah(simpul: list[Simpul], label: dict[Hashable, tuple[str, str]],
                   catat: Pencatat, lewati: set[int] = frozenset()) -> None:
    """Angka setiap baris = jumlah baris di bawahnya (OPD = jumlah program, dst.).

    label: kunci nilai -> (huruf kolom, nama kolom). Menangkap ekspor yang terpotong
    dan angka yang diubah tangan.
    """
    simpul = [s for s in simpul if s.bagian not in lewati]
    per_bagian: dict[int, dict[tuple[str, str], Simpul]] = {}
    for s in simpul:
        per_bagian.setdefault(s.bagian, {})[(s.tingkat, s.kode)] = s
    anak: dict[int, list[Simpul]] = {}
    for s in simpul:
        induk = _induk(s, per_bagian[s.bagian], catat)
        if induk is not None:
            anak.setdefault(id(induk), []).append(s)
    for s in simpul:
        if s.tingkat == "sub_kegiatan":
            _cocokkan_rekening(s, label, catat)
        elif s.utuh and all(a.utuh for a in anak.get(id(s), [])):
            jumlah = _jumlahkan([a.nilai for a in anak.get(id(s), [])], s.nilai)
            _bandingkan(s, jumlah, _JAMAK[s.tingkat], label, catat)


_JAMAK = {"opd": "program", "program": "kegiatan", "kegiatan": "sub kegiatan"}


def _induk(s: Simpul, bagian: dict[tuple[str, str], Simpul], catat: Pencatat) -> Simpul | None:
    if s.tingkat == "opd":
        return None
    if s.tingkat == "program":
        return bagian.get(("opd", s.kode_opd))
    tingkat, kode = kode_induk(s.kode, s.tingkat)
    induk = bagian.get((tingkat, kode))
    if induk is None:
        catat.salah(f"{NAMA_TINGKAT[s.tingkat]} {s.kode} tidak punya baris {NAMA_TINGKAT[tingkat]} "
                    f"{kode} di atasnya pada OPD yang sama", s.baris, s.kolom, s.kode)
    return induk


def _cocokkan_rekening(s: Simpul, label: dict, catat: Pencatat) -> None:
    """Sub kegiatan = jumlah rekening teratas di bawahnya (bila ekspor memuat rekening)."""
    if not s.akun or not s.utuh:
        return
    if any(v is None for _, nilai in s.akun for v in nilai.values()):
        catat.catat(f"baris {s.baris}: angka rekening di bawah sub kegiatan {s.kode} tidak "
                    "terbaca; pemeriksaan jumlah rekening dilewati")
        return
    teratas = min(k.count(".") for k, _ in s.akun)
    jumlah = _jumlahkan([n for k, n in s.akun if k.count(".") == teratas], s.nilai)
    _bandingkan(s, jumlah, "rekening belanja", label, catat)


def _jumlahkan(daftar: list[dict], contoh: dict) -> dict:
    return {k: sum(d.get(k) or 0.0 for d in daftar) for k in contoh}


def _bandingkan(s: Simpul, jumlah: dict, anak: str, label: dict, catat: Pencatat) -> None:
    for k, v in s.nilai.items():
        if abs(v - jumlah[k]) > TOLERANSI:
            huruf, nama = label[k]
            catat.salah(f"jumlah tidak cocok di kolom '{nama}': baris {NAMA_TINGKAT[s.tingkat]} "
                        f"{s.kode} berisi {rupiah_penuh(v)}, sedangkan jumlah {anak} di bawahnya "
                        f"{rupiah_penuh(jumlah[k])} (selisih {rupiah_penuh(v - jumlah[k])}); "
                        "ekspor terpotong atau angkanya diubah?", s.baris, huruf, v)


_URUTAN_WILAYAH = {"jumlah": 0, "urusan": 1, "bidang": 2}


def periksa_wilayah(simpul: list[Simpul], wilayah: list[tuple[str, str, int, dict]],
                    label: dict, catat: Pencatat) -> None:
    """Baris urusan, bidang dan 'Jumlah' = jumlah baris OPD di bawahnya.

    Menangkap ekspor yang terpotong tepat di batas bagian OPD, yang lolos dari
    pemeriksaan OPD = jumlah program.
    """
    opd = [s for s in simpul if s.tingkat == "opd"]
    for i, (tingkat, kode, baris, nilai) in enumerate(wilayah):
        if any(v is None for v in nilai.values()):
            continue
        akhir = next((w[2] for w in wilayah[i + 1:]
                      if _URUTAN_WILAYAH[w[0]] <= _URUTAN_WILAYAH[tingkat]), float("inf"))
        di_bawah = [s for s in opd if (tingkat == "jumlah" or baris < s.baris < akhir)]
        if not all(s.utuh for s in di_bawah):
            continue
        jumlah = _jumlahkan([s.nilai for s in di_bawah], nilai)
        nama_baris = f"{tingkat} {kode}".strip()
        for k, v in nilai.items():
            if abs(v - jumlah[k]) > TOLERANSI:
                huruf, nama = label[k]
                catat.salah(f"jumlah tidak cocok di kolom '{nama}': baris {nama_baris} berisi "
                            f"{rupiah_penuh(v)}, sedangkan jumlah baris OPD di bawahnya "
                            f"{rupiah_penuh(jumlah[k])}; ekspor terpotong?", baris, huruf, v)

