"""Pembaca ekspor SIPD "Rekapitulasi Belanja menurut Urusan Pemerintah Daerah, Organisasi,
Program, Kegiatan beserta Hasil dan Sub Kegiatan beserta Keluaran" (LRA).

Tata letak: baris judul (pemda, nama laporan, TAHUN ANGGARAN), judul kolom tiga baris
(Kode | Uraian | Kelompok Belanja: Operasi, Modal, Tak Terduga, Transfer, masing-masing
Anggaran dan Realisasi), baris penomoran kolom, lalu data. Bagian kode tersebar di
beberapa sel di depan (urusan/bidang, OPD, program/kegiatan/sub kegiatan, rekening),
jadi tingkat baris dikenali dari bentuk kodenya, bukan dari posisi. Kolom dipetakan
dari teks judulnya (sel gabungan ikut), bukan dari huruf kolom.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pandas as pd
from openpyxl.utils import get_column_letter
from openpyxl.workbook.workbook import Workbook

from kinerja.format import rupiah_penuh
from kinerja.impor.jenis_berkas import JENIS_LRA, JENIS_RAK
from kinerja.impor.sipd_hasil import HasilSipd, Pencatat, hasil_gagal
from kinerja.impor.sipd_jumlah import TOLERANSI, periksa_susunan
from kinerja.impor.sipd_kenali import buka_buku, judul_lra, pilih_lembar, tampak_seperti
from kinerja.impor.sipd_lembar import (
    Lembar, baca_pemda, baca_tahun, baris_penomoran, kolom_lebih, melebihi_batas_baris, teks_judul,
)
from kinerja.impor.sipd_sel import angka_longgar, baca_uang, baris_total, golongkan, kode_sel, norma, teks_sel
from kinerja.impor.sipd_susun import Penyusun, Simpul, gabung_opd, tabel_opd, tingkat_terdalam

JUDUL_LAPORAN = "Rekapitulasi Belanja menurut Urusan, Organisasi, Program, Kegiatan, Sub Kegiatan"
KELOMPOK = ("operasi", "modal", "tak_terduga", "transfer")
NAMA_KELOMPOK = {"operasi": "Operasi", "modal": "Modal", "tak_terduga": "Tak Terduga",
                 "transfer": "Transfer"}
_KELOMPOK_TEKS = {"operasi": "operasi", "modal": "modal", "tak terduga": "tak_terduga",
                  "transfer": "transfer"}
NAMA_JENIS = {"pagu": "Anggaran", "realisasi": "Realisasi"}
KOLOM_RINCI = ["kode_opd", "kode", "tingkat", "uraian", "kelompok", "pagu", "realisasi",
               "baris"]


@dataclass
class TataLra:
    baris_judul: int                      # baris pertama judul kolom
    kolom_kode: list[int]                 # sel-sel kode di depan baris
    kolom_uraian: int
    uang: dict[tuple[str, str], int]      # (kelompok, 'pagu'|'realisasi') -> kolom
    mulai: int                            # baris data pertama

    @property
    def dipakai(self) -> set[int]:
        return set(self.kolom_kode) | {self.kolom_uraian} | set(self.uang.values())


def baca_lra(path: Path) -> HasilSipd:
    """Baca satu ekspor LRA SIPD. Hasil dengan masalah tidak boleh dimuat."""
    path = Path(path)
    catat = Pencatat(path.name)
    wb, pesan = buka_buku(path)
    if pesan:
        return hasil_gagal(JENIS_LRA, KOLOM_RINCI, catat, pesan)
    ws = pilih_lembar(wb, judul_lra, catat)
    if ws is None:
        return hasil_gagal(JENIS_LRA, KOLOM_RINCI, catat, _pesan_bukan_lra(wb))
    lembar = Lembar(ws)
    catat.lembar = lembar.judul
    tata = _tata_letak(lembar, catat)
    if tata is None or melebihi_batas_baris(lembar, tata.mulai, catat):
        return hasil_gagal(JENIS_LRA, KOLOM_RINCI, catat)
    judul = teks_judul(lembar, tata.baris_judul)
    tahun = baca_tahun(judul, tata.baris_judul, catat)
    simpul = _baca_baris(lembar, tata, catat)
    kolom_lebih(lembar, tata.dipakai, tata.mulai, catat)
    if not simpul:
        catat.salah("tidak ada baris OPD, program, kegiatan atau sub kegiatan di bawah judul kolom",
                    tata.mulai)
    _periksa_realisasi(simpul, catat)
    return HasilSipd(JENIS_LRA, tahun, baca_pemda(judul), tabel_opd(simpul),
                     _rinci(simpul), [], catat.masalah, catat.catatan)


def _pesan_bukan_lra(wb: Workbook) -> str:
    pesan = (f"Berkas ini bukan ekspor SIPD '{JUDUL_LAPORAN}': judul kolom 'Kelompok Belanja' "
             "tidak ditemukan")
    if tampak_seperti(wb) == JENIS_RAK:
        pesan += "; berkas ini tampaknya Rencana Anggaran Kas (RAK), unggah lewat impor RAK"
    return pesan


# ---------------------------------------------------------------- judul kolom

def _kelompok(teks: str) -> str | None:
    return _KELOMPOK_TEKS.get(teks.removeprefix("belanja ").strip())


def _tata_letak(lembar: Lembar, catat: Pencatat) -> TataLra | None:
    """Petakan kolom dari teks judul: Kode, Uraian, lalu Kelompok Belanja x Anggaran/Realisasi."""
    r_kb, c_kb = judul_lra(lembar)
    r_awal = max(r_kb - 3, 1)
    kode = lembar.cari(lambda t: t in ("kode", "kode rekening"), r_awal, r_kb)
    uraian = lembar.cari(lambda t: t.startswith("uraian"), r_awal, r_kb)
    if not kode or not uraian:
        hilang = " dan ".join(n for n, s in (("'Kode'", kode), ("'Uraian'", uraian)) if not s)
        catat.salah(f"judul kolom {hilang} tidak ditemukan di samping 'Kelompok Belanja'", r_kb)
        return None
    r_kel = next((r for r in range(r_kb + 1, r_kb + 4)
                  if any(_kelompok(norma(v)) for v in lembar.isi_baris(r).values())), None)
    r_jenis = next((r for r in range((r_kel or r_kb) + 1, (r_kel or r_kb) + 3)
                    if any(norma(v) == "anggaran" for v in lembar.isi_baris(r).values())), None)
    if r_kel is None or r_jenis is None:
        catat.salah("di bawah 'Kelompok Belanja' harus ada judul Operasi, Modal, Tak Terduga, "
                    "Transfer dan di bawahnya Anggaran/Realisasi", r_kb, get_column_letter(c_kb))
        return None
    uang = _kolom_uang(lembar, r_kel, r_jenis, c_kb, catat)
    if uang is None:
        return None
    (r_kode, c_kode), (_, c_uraian) = kode[0], uraian[0]
    return TataLra(min(r_kode, r_kb), _kolom_kode(lembar, r_kode, c_kode, c_uraian), c_uraian,
                   uang, _baris_mulai(lembar, r_jenis))


def _kolom_uang(lembar: Lembar, r_kel: int, r_jenis: int, c_kb: int,
                catat: Pencatat) -> dict[tuple[str, str], int] | None:
    uang: dict[tuple[str, str], int] = {}
    for c, v in lembar.isi_baris(r_jenis).items():
        t = norma(v)
        jenis = "pagu" if t.startswith("anggaran") else "realisasi" if t.startswith("realisasi") else None
        kel = _label_kelompok(lembar, r_kel, c, c_kb)
        if jenis is None or kel is None:
            continue
        if (kel, jenis) in uang:
            catat.salah(f"judul kolom '{NAMA_JENIS[jenis]} {NAMA_KELOMPOK[kel]}' muncul dua kali "
                        f"(juga di kolom {get_column_letter(uang[(kel, jenis)])})",
                        r_jenis, get_column_letter(c), v)
            return None
        uang[(kel, jenis)] = c
    hilang = [f"{NAMA_KELOMPOK[k]}/{NAMA_JENIS[j]}" for k in KELOMPOK for j in NAMA_JENIS
              if (k, j) not in uang]
    if hilang:
        catat.salah("judul kolom Kelompok Belanja tidak lengkap; tidak ditemukan: "
                    + ", ".join(hilang), r_jenis)
        return None
    return uang


def _label_kelompok(lembar: Lembar, r_kel: int, c: int, c_kb: int) -> str | None:
    """Kelompok yang menaungi kolom c: sel gabungan di atasnya, atau label terdekat di kirinya
    (berkas yang gabungannya hilang karena disimpan ulang)."""
    for cc in range(c, c_kb - 1, -1):
        v = lembar.sel_gabung(r_kel, cc)
        if teks_sel(v):
            return _kelompok(norma(v))
    return None


def _kolom_kode(lembar: Lembar, r_kode: int, c_kode: int, c_uraian: int) -> list[int]:
    """Sel 'Kode' digabung melintasi sel-sel kode; tanpa gabungan, semua kolom sebelum Uraian."""
    _, c0, _, c1 = lembar.rentang(r_kode, c_kode)
    if c1 == c0 and c_uraian > c_kode:
        c1 = c_uraian - 1
    return list(range(c0, c1 + 1))


def _baris_mulai(lembar: Lembar, r_jenis: int) -> int:
    r = r_jenis + 1
    return r + 1 if baris_penomoran(lembar, r) else r


# ---------------------------------------------------------------- baris data

def _baca_baris(lembar: Lembar, tata: TataLra, catat: Pencatat) -> list[Simpul]:
    penyusun = Penyusun(catat)
    for r in lembar.baris_berisi(tata.mulai):
        if not lembar.isi_baris(r):
            continue
        uraian = teks_sel(lembar.sel(r, tata.kolom_uraian))
        kode = [(c, kode_sel(lembar.sel(r, c))) for c in tata.kolom_kode]
        kode = [(c, k) for c, k in kode if k]
        if not kode:
            if baris_total(uraian):
                penyusun.wilayah("jumlah", "", r, _nilai_longgar(lembar, r, tata))
                catat.catat(f"baris {r} ('{uraian}') adalah baris jumlah: tidak dimuat, hanya "
                            "dipakai untuk memeriksa jumlah OPD")
            else:
                penyusun.tanpa_kode(r)
            continue
        golongan = golongkan(kode, r, catat)
        if golongan is None:
            penyusun.tolak()
            continue
        _satu_baris(penyusun, golongan, uraian, r, lembar, tata, catat)
    periksa_susunan(penyusun, {kunci: (get_column_letter(c), f"{NAMA_JENIS[kunci[1]]} {NAMA_KELOMPOK[kunci[0]]}")
                               for kunci, c in tata.uang.items()})
    return gabung_opd(penyusun.selesai(), catat)


def _satu_baris(penyusun: Penyusun, golongan: dict, uraian: str, r: int,
                lembar: Lembar, tata: TataLra, catat: Pencatat) -> None:
    if "bidang" in golongan:
        penyusun.bidang = golongan["bidang"][1]
    if "rekening" in golongan:
        penyusun.rekening(golongan["rekening"][1], _nilai_longgar(lembar, r, tata))
        return
    tingkat = tingkat_terdalam(golongan)
    if tingkat is None:  # baris urusan atau bidang: tidak dimuat
        t = "bidang" if "bidang" in golongan else "urusan"
        penyusun.wilayah(t, golongan[t][1], r, _nilai_longgar(lembar, r, tata))
        return
    c, kode = golongan[tingkat]
    nilai = _nilai(lembar, r, tata, catat)
    huruf = get_column_letter(c)
    if tingkat == "opd":
        penyusun.opd(kode, uraian, r, nilai, huruf)
    else:
        c_opd, kode_opd = golongan.get("opd", (None, None))
        penyusun.anak(tingkat, kode, uraian, r, nilai, huruf,
                      (get_column_letter(c_opd), kode_opd) if kode_opd else None)


def _nilai_longgar(lembar: Lembar, r: int, tata: TataLra) -> dict:
    """Angka baris yang tidak dimuat (rekening, urusan, bidang, jumlah): hanya untuk pemeriksaan."""
    return {k: angka_longgar(lembar.sel(r, c)) for k, c in tata.uang.items()}


def _nilai(lembar: Lembar, r: int, tata: TataLra, catat: Pencatat) -> dict:
    nilai = {}
    for (kel, jenis), c in tata.uang.items():
        nama = f"{NAMA_JENIS[jenis]} {NAMA_KELOMPOK[kel]}"
        v = baca_uang(catat, lembar.sel(r, c), r, c, nama)
        if v is not None and v < 0:
            if jenis == "pagu":
                catat.salah(f"pagu ({nama}) tidak boleh negatif", r, get_column_letter(c),
                            lembar.sel(r, c))
            else:
                catat.catat(f"baris {r}: {nama} negatif ({rupiah_penuh(v)}); mungkin koreksi atau "
                            "pengembalian belanja, periksa di SIPD")
        nilai[(kel, jenis)] = v
    return nilai


def _periksa_realisasi(simpul: list[Simpul], catat: Pencatat) -> None:
    """Realisasi melebihi pagu di baris OPD: peringatan, bukan penolakan."""
    for s in simpul:
        if s.tingkat != "opd":
            continue
        for kel in KELOMPOK:
            pagu, real = s.nilai[(kel, "pagu")], s.nilai[(kel, "realisasi")]
            if pagu is not None and real is not None and real > pagu + TOLERANSI:
                catat.catat(f"baris {s.baris}: realisasi {NAMA_KELOMPOK[kel]} OPD {s.kode} "
                            f"({rupiah_penuh(real)}) melebihi pagunya ({rupiah_penuh(pagu)})")


def _rinci(simpul: list[Simpul]) -> pd.DataFrame:
    """Satu baris per (baris kode x kelompok belanja)."""
    baris = [{"kode_opd": s.kode_opd, "kode": s.kode, "tingkat": s.tingkat, "uraian": s.uraian,
              "kelompok": kel, "pagu": s.nilai[(kel, "pagu")],
              "realisasi": s.nilai[(kel, "realisasi")], "baris": s.baris}
             for s in simpul for kel in KELOMPOK]
    df = pd.DataFrame(baris, columns=KOLOM_RINCI)
    return df.astype({"pagu": "float64", "realisasi": "float64", "baris": "int64"})
