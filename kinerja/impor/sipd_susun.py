"""Susunan ekspor SIPD: OPD > program > kegiatan > sub kegiatan, disusun dari baris-barisnya.

Setiap baris kode ditempelkan ke OPD di atasnya; baris urusan, bidang dan 'Jumlah' dicatat
untuk pemeriksaan (kinerja.impor.sipd_jumlah), baris rekening dijumlah di bawah sub
kegiatannya, baris ganda dikenali, dan OPD yang muncul sekali per bidang urusan digabung
menjadi satu. Tanpa database dan tanpa streamlit.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Hashable

import pandas as pd

from kinerja.impor.sipd_hasil import KOLOM_OPD, Pencatat
from kinerja.impor.template import karakter_kendali, kutip_kendali, terlalu_panjang

TINGKAT_DATA = ("opd", "program", "kegiatan", "sub_kegiatan")
NAMA_TINGKAT = {"opd": "OPD", "program": "program", "kegiatan": "kegiatan",
                "sub_kegiatan": "sub kegiatan", "rekening": "rekening belanja"}


def tingkat_terdalam(golongan: dict[str, tuple[int, str]]) -> str | None:
    """Tingkat data terdalam di baris (sub kegiatan > kegiatan > program > OPD)."""
    return next((t for t in reversed(TINGKAT_DATA) if t in golongan), None)


def kode_induk(kode: str, tingkat: str) -> tuple[str, str] | None:
    """Tingkat dan kode induk langsung: kegiatan -> program, sub kegiatan -> kegiatan."""
    bagian = kode.split(".")
    if tingkat == "kegiatan":
        return "program", ".".join(bagian[:3])
    if tingkat == "sub_kegiatan":
        return "kegiatan", ".".join(bagian[:5])
    return None


@dataclass
class Simpul:
    """Satu baris OPD/program/kegiatan/sub kegiatan dengan angkanya."""
    tingkat: str
    kode: str
    uraian: str
    kode_opd: str
    bidang: str | None
    baris: int
    bagian: int                              # OPD bisa muncul sekali per bidang: tiap kemunculan satu bagian
    nilai: dict[Hashable, float | None]
    kolom: str = ""                          # huruf kolom kodenya, untuk menunjuk tempat masalah
    akun: list[tuple[str, dict[Hashable, float | None]]] = field(default_factory=list)

    @property
    def utuh(self) -> bool:
        return all(v is not None for v in self.nilai.values())


class Penyusun:
    """Menempelkan setiap baris ke OPD di atasnya dan mengenali baris ganda.

    Bagian baru dimulai di setiap baris OPD; baris urusan/bidang menutup bagian,
    sehingga program tanpa baris OPD di atasnya ketahuan.
    """

    def __init__(self, catat: Pencatat):
        self.catat = catat
        self.simpul: list[Simpul] = []
        self.bidang: str | None = None
        self._opd: Simpul | None = None
        self._sub: Simpul | None = None
        self._dilihat: dict[str, Simpul] = {}
        self._terakhir: Simpul | None = None
        self._ganda: list[str] = []
        self._tanpa_kode: list[int] = []
        self._bagian = 0
        self._tolak = False             # baris OPD terakhir ditolak: anak-anaknya ikut dilewati
        self.rusak: set[int] = set()    # bagian dengan baris yang ditolak: jumlahnya tak diperiksa
        self.daerah: list[tuple[str, str, int, dict]] = []   # baris urusan, bidang, jumlah

    def wilayah(self, tingkat: str, kode: str, baris: int, nilai: dict) -> None:
        """Baris urusan, bidang atau jumlah: tidak dimuat, angkanya untuk pemeriksaan."""
        self.daerah.append((tingkat, kode, baris, nilai))
        if tingkat == "bidang":
            self.bidang = kode
        self._opd = self._sub = self._terakhir = None
        self._tolak = False

    def tolak(self) -> None:
        """Baris ini ditolak (kode asing): jangan menambah masalah turunan karenanya."""
        if self._opd is None:
            self._tolak = True
        else:
            self.rusak.add(self._bagian)

    def opd(self, kode: str, uraian: str, baris: int, nilai: dict, kolom: str) -> None:
        lama = self._terakhir
        if lama is not None and lama.tingkat == "opd" and lama.kode == kode:
            self._sama(lama, uraian, baris, nilai, kolom)
            return
        self._bagian += 1
        self._tolak = False
        s = Simpul("opd", kode, uraian, kode, self.bidang, baris, self._bagian, nilai, kolom)
        self._opd, self._sub, self._dilihat = s, None, {}
        self._tambah(s)

    def anak(self, tingkat: str, kode: str, uraian: str, baris: int, nilai: dict,
             kolom: str, kode_opd: tuple[str, str] | None = None) -> None:
        """Program/kegiatan/sub kegiatan di bawah OPD terakhir; kode_opd = (kolom, kode) bila
        barisnya sendiri memuat kode OPD (LRA)."""
        if self._opd is None:
            if self._tolak:
                return
            # sekali per bagian bidang: semua baris sesudahnya punya masalah yang sama
            self.catat.salah(f"{NAMA_TINGKAT[tingkat]} {kode} tidak punya baris OPD di atasnya "
                             "(ekspor terpotong atau baris OPD terhapus?)", baris, kolom, kode,
                             kunci=("tanpa opd", len(self.daerah)))
            return
        if kode_opd and kode_opd[1] != self._opd.kode:
            self.catat.salah(f"{NAMA_TINGKAT[tingkat]} {kode} bertanda OPD {kode_opd[1]}, tetapi baris "
                             f"OPD di atasnya adalah {self._opd.kode} (baris {self._opd.baris})",
                             baris, kode_opd[0], kode_opd[1], kunci=("opd lain", kode_opd[1], self._bagian))
            self.rusak.add(self._bagian)
            return
        if kode in self._dilihat:
            self._sama(self._dilihat[kode], uraian, baris, nilai, kolom)
            return
        s = Simpul(tingkat, kode, uraian, self._opd.kode, self.bidang, baris, self._bagian, nilai, kolom)
        self._sub = s if tingkat == "sub_kegiatan" else None
        self._tambah(s)

    def rekening(self, kode: str, nilai: dict) -> None:
        """Baris rekening tidak dimuat; hanya dijumlah untuk memeriksa sub kegiatan di atasnya."""
        if self._sub is not None:
            self._sub.akun.append((kode, nilai))

    def tanpa_kode(self, baris: int) -> None:
        """Baris berisi tanpa kode (tanda tangan, keterangan buatan staf): tidak dimuat."""
        self._tanpa_kode.append(baris)

    def selesai(self) -> list[Simpul]:
        if self._ganda:
            self.catat.catat("baris ganda yang sama persis dilewati: " + "; ".join(self._ganda))
        if self._tanpa_kode:
            daftar = ", ".join(map(str, self._tanpa_kode[:10]))
            lagi = f" dan {len(self._tanpa_kode) - 10} lainnya" if len(self._tanpa_kode) > 10 else ""
            self.catat.catat(f"baris tanpa kode diabaikan: {daftar}{lagi}")
        return self.simpul

    def _tambah(self, s: Simpul) -> None:
        # uraian OPD menjadi nama_opd (batas nama), uraian lain disimpan sebagai nama program dst.
        kendali = karakter_kendali(s.uraian)
        pesan = kendali or terlalu_panjang("nama_opd" if s.tingkat == "opd" else "uraian", s.uraian)
        if pesan:
            self.catat.salah(f"uraian {NAMA_TINGKAT.get(s.tingkat, s.tingkat)} {s.kode} {pesan}", s.baris,
                             "Uraian", kutip_kendali(s.uraian) if kendali else s.uraian)
        self.simpul.append(s)
        self._dilihat[s.kode] = s
        self._terakhir = s

    def _sama(self, lama: Simpul, uraian: str, baris: int, nilai: dict, kolom: str) -> None:
        if uraian == lama.uraian and nilai == lama.nilai:
            self._ganda.append(f"baris {baris} (sama dengan baris {lama.baris}, {lama.kode})")
            return
        self.catat.salah(f"kode {lama.kode} muncul lagi di bawah OPD yang sama dengan isi berbeda "
                         f"(lihat baris {lama.baris}); hapus salah satu", baris, kolom, lama.kode)



def gabung_opd(simpul: list[Simpul], catat: Pencatat) -> list[Simpul]:
    """Satu baris OPD per kode OPD: jumlah semua bagian bidangnya.

    SIPD menulis baris OPD sekali per bidang urusan yang dicakupnya (Diskominfo di
    bawah 2.16, 2.20 dan 2.21), masing-masing hanya berisi angka bidang itu. Pagu OPD
    adalah jumlah semuanya; angka per bidang tetap terbaca dari baris program
    (kode program diawali kode bidangnya).
    """
    per_kode: dict[str, list[Simpul]] = {}
    for s in simpul:
        if s.tingkat == "opd":
            per_kode.setdefault(s.kode, []).append(s)
    hasil = []
    for s in simpul:
        if s.tingkat != "opd":
            hasil.append(s)
        elif s is per_kode[s.kode][0]:
            hasil.append(_jumlah_bagian(per_kode[s.kode]))
    _catat_gabungan([b for b in per_kode.values() if len(b) > 1], catat)
    _periksa_kode_unik(hasil, catat)
    return hasil


def _jumlah_bagian(bagian: list[Simpul]) -> Simpul:
    s = bagian[0]
    if len(bagian) == 1:
        return s
    nilai = {k: (None if any(b.nilai[k] is None for b in bagian) else sum(b.nilai[k] for b in bagian))
             for k in s.nilai}
    return Simpul("opd", s.kode, s.uraian, s.kode, None, s.baris, s.bagian, nilai, s.kolom)


def _catat_gabungan(gabungan: list[list[Simpul]], catat: Pencatat) -> None:
    for bagian in gabungan:
        for s in bagian[1:]:
            if s.uraian and s.uraian != bagian[0].uraian:
                catat.catat(f"OPD {s.kode} bernama lain di baris {s.baris} ('{s.uraian}'); dipakai "
                            f"nama di baris {bagian[0].baris} ('{bagian[0].uraian}')")
    if not gabungan:
        return
    contoh = "; ".join(f"{b[0].kode} di baris " + ", ".join(f"{s.baris} ({s.bidang or '-'})" for s in b)
                       for b in gabungan[:5])
    lagi = f"; dan {len(gabungan) - 5} OPD lainnya" if len(gabungan) > 5 else ""
    catat.catat("OPD yang muncul sekali per bidang urusan dijumlahkan menjadi satu baris OPD "
                f"(di baris pertamanya): {contoh}{lagi}")


def _periksa_kode_unik(simpul: list[Simpul], catat: Pencatat) -> None:
    """Program/kegiatan/sub kegiatan yang sama di dua bagian OPD yang sama akan bertabrakan."""
    dilihat: dict[tuple[str, str], Simpul] = {}
    for s in simpul:
        lama = dilihat.setdefault((s.kode_opd, s.kode), s)
        if lama is not s:
            catat.salah(f"{NAMA_TINGKAT[s.tingkat]} {s.kode} muncul dua kali untuk OPD {s.kode_opd} "
                        f"(lihat baris {lama.baris}); hapus salah satu", s.baris, s.kolom, s.kode)


def tabel_opd(simpul: list[Simpul]) -> pd.DataFrame:
    """Satu baris per kode OPD (simpul sudah digabung per kode OPD)."""
    baris = [{"kode_opd": s.kode, "nama_opd": s.uraian, "baris": s.baris}
             for s in simpul if s.tingkat == "opd"]
    return pd.DataFrame(baris, columns=KOLOM_OPD).astype({"baris": "int64"})
