"""Pembaca ekspor SIPD Rencana Anggaran Kas (RAK): rencana kas per bulan.

Tata letak: baris judul ('RENCANA ANGGARAN KAS ... KAB. ... APBD TAHUN 2026 ...'),
satu baris judul kolom (Kode Rekening | Uraian | Anggaran Tahun Ini | Total RAK |
Realisasi | Januari ... | kolom tambahan staf), lalu data. Kode ada di SATU kolom,
jadi tingkat baris dikenali dari bentuk kodenya; OPD yang menaungi program dilacak
dari baris OPD terakhir. Lembar dicari dari judul kolomnya, bukan dari namanya;
lembar kerja lain (Sheet1..Sheet10 buatan staf) diabaikan dengan catatan.
Angka bulan adalah rencana bulan itu sendiri, bukan kumulatif.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pandas as pd
from openpyxl.utils import get_column_letter
from openpyxl.workbook.workbook import Workbook

from kinerja.format import BULAN, rupiah_penuh
from kinerja.impor.jenis_berkas import JENIS_LRA, JENIS_RAK, bulan_dari_judul
from kinerja.impor.sipd_hasil import HasilSipd, Pencatat, hasil_gagal
from kinerja.impor.sipd_jumlah import TOLERANSI, periksa_susunan
from kinerja.impor.sipd_kenali import buka_buku, judul_rak, pilih_lembar, tampak_seperti
from kinerja.impor.sipd_lembar import (
    Lembar, baca_pemda, baca_tahun, baris_penomoran, kolom_lebih, melebihi_batas_baris, teks_judul,
)
from kinerja.impor.sipd_sel import angka_longgar, baca_uang, baris_total, golongkan, kode_sel, teks_sel
from kinerja.impor.sipd_susun import Penyusun, Simpul, gabung_opd, tabel_opd, tingkat_terdalam

JUDUL_LAPORAN = "Rencana Anggaran Kas"
KOLOM_RINCI = ["kode_opd", "kode", "tingkat", "uraian", "pagu", "bulan", "rencana", "baris"]


@dataclass
class TataRak:
    baris_judul: int
    kolom_kode: int
    kolom_uraian: int
    kolom_pagu: int
    nama_pagu: str
    bulan: dict[int, int]        # bulan (1-12) -> kolom
    mulai: int

    @property
    def dipakai(self) -> set[int]:
        return {self.kolom_kode, self.kolom_uraian, self.kolom_pagu, *self.bulan.values()}


def baca_rak(path: Path) -> HasilSipd:
    """Baca satu ekspor RAK SIPD. Hasil dengan masalah tidak boleh dimuat."""
    path = Path(path)
    catat = Pencatat(path.name)
    wb, pesan = buka_buku(path)
    if pesan:
        return hasil_gagal(JENIS_RAK, KOLOM_RINCI, catat, pesan)
    ws = pilih_lembar(wb, judul_rak, catat)
    if ws is None:
        return hasil_gagal(JENIS_RAK, KOLOM_RINCI, catat, _pesan_bukan_rak(wb))
    lembar = Lembar(ws)
    catat.lembar = lembar.judul
    tata = _tata_letak(lembar, judul_rak(lembar), catat)
    if tata is None or melebihi_batas_baris(lembar, tata.mulai, catat):
        return hasil_gagal(JENIS_RAK, KOLOM_RINCI, catat)
    judul = teks_judul(lembar, tata.baris_judul)
    tahun = baca_tahun(judul, tata.baris_judul, catat)
    simpul = _baca_baris(lembar, tata, catat)
    kolom_lebih(lembar, tata.dipakai | _kolom_berjudul(lembar, tata), tata.mulai, catat)
    if not simpul:
        catat.salah("tidak ada baris OPD, program, kegiatan atau sub kegiatan di bawah judul kolom",
                    tata.mulai)
    _periksa_bulan(simpul, tata, catat)
    bulan = sorted(tata.bulan)
    return HasilSipd(JENIS_RAK, tahun, baca_pemda(judul), tabel_opd(simpul),
                     _rinci(simpul, bulan), bulan, catat.masalah, catat.catatan)


def _pesan_bukan_rak(wb: Workbook) -> str:
    pesan = (f"Berkas ini bukan ekspor SIPD '{JUDUL_LAPORAN}': judul kolom 'Kode Rekening' "
             "bersama nama bulan (Januari, Februari, ...) tidak ditemukan")
    if tampak_seperti(wb) == JENIS_LRA:
        pesan += ("; berkas ini tampaknya Rekapitulasi Belanja (LRA), unggah lewat impor "
                  "realisasi LRA")
    return pesan


# ---------------------------------------------------------------- judul kolom

def _tata_letak(lembar: Lembar, r: int, catat: Pencatat) -> TataRak | None:
    """Petakan kolom dari teks judul; kolom lain (Total RAK, Realisasi, Persen RAK) dicatat."""
    akhir = max(lembar.rentang(r, c)[2] for c in lembar.isi_baris(r))  # judul bisa dua baris
    kolom: dict[str, int] = {}
    nama_pagu = ""
    bulan: dict[int, int] = {}
    lain: list[str] = []
    for c, teks in _judul_per_kolom(lembar, r, akhir).items():
        kecil = [t.casefold() for t in teks]
        b = next(filter(None, map(bulan_dari_judul, kecil)), None)
        jenis = _jenis_kolom(kecil, b)
        if jenis == "bulan":
            if b in bulan:
                catat.salah(f"kolom bulan {BULAN[b - 1]} muncul dua kali (juga di kolom "
                            f"{get_column_letter(bulan[b])})", r, get_column_letter(c), " / ".join(teks))
                return None
            bulan[b] = c
        elif jenis and jenis not in kolom:
            kolom[jenis] = c
            nama_pagu = " / ".join(teks) if jenis == "pagu" else nama_pagu
        else:
            lain.append(" / ".join(teks))
    hilang = [n for j, n in (("uraian", "'Uraian'"), ("pagu", "'Anggaran Tahun Ini'")) if j not in kolom]
    if hilang:
        catat.salah(f"judul kolom {' dan '.join(hilang)} tidak ditemukan", r)
        return None
    _catat_kolom_lain(lain, catat)
    mulai = akhir + 2 if baris_penomoran(lembar, akhir + 1) else akhir + 1
    return TataRak(r, kolom["kode"], kolom["uraian"], kolom["pagu"], nama_pagu, bulan, mulai)


def _judul_per_kolom(lembar: Lembar, r: int, akhir: int) -> dict[int, list[str]]:
    """Teks judul setiap kolom dari baris r sampai akhir (sel gabungan ikut), tanpa ulangan."""
    hasil: dict[int, list[str]] = {}
    for c in sorted({c for rr in range(r, akhir + 1) for c in lembar.isi_baris(rr)}):
        teks = (teks_sel(lembar.sel_gabung(rr, c)) for rr in range(r, akhir + 1))
        hasil[c] = [t for t in dict.fromkeys(teks) if t]
    return hasil


def _jenis_kolom(teks: list[str], bulan: int | None) -> str | None:
    if any(t.startswith("kode") for t in teks):
        return "kode"
    if any(t.startswith("uraian") for t in teks):
        return "uraian"
    if bulan is not None:
        return "bulan"
    return "pagu" if _judul_pagu(teks) else None


def _judul_pagu(teks: list[str]) -> bool:
    return any((t.startswith(("anggaran", "pagu")) and "lalu" not in t) for t in teks)


def _catat_kolom_lain(lain: list[str], catat: Pencatat) -> None:
    persen = [n for n in lain if "persen" in n.casefold() or "%" in n]
    biasa = [n for n in lain if n not in persen]
    if biasa:
        catat.catat("kolom diabaikan (bukan pagu atau rencana bulanan): "
                    + ", ".join(f"'{n}'" for n in biasa))
    for n in persen:
        catat.catat(f"kolom '{n}' diabaikan: berisi pecahan buatan lembar kerja (0,7268 = 72,68%); "
                    "persentase dihitung ulang dari angka Rupiah")


def _kolom_berjudul(lembar: Lembar, tata: TataRak) -> set[int]:
    """Kolom yang sudah dicatat lewat judulnya tidak perlu dicatat lagi sebagai kolom lebih."""
    return {c for r in range(tata.baris_judul, tata.mulai) for c in lembar.isi_baris(r)}


# ---------------------------------------------------------------- baris data

def _baca_baris(lembar: Lembar, tata: TataRak, catat: Pencatat) -> list[Simpul]:
    penyusun = Penyusun(catat)
    for r in lembar.baris_berisi(tata.mulai):
        if not lembar.isi_baris(r):
            continue
        mentah = teks_sel(lembar.sel(r, tata.kolom_kode))
        uraian = teks_sel(lembar.sel(r, tata.kolom_uraian))
        if not mentah or not mentah[0].isdigit():
            if baris_total(mentah) or (not mentah and baris_total(uraian)):
                penyusun.wilayah("jumlah", "", r, _nilai_longgar(lembar, r, tata))
                catat.catat(f"baris {r} ('{mentah or uraian}') adalah baris jumlah: tidak dimuat, "
                            "hanya dipakai untuk memeriksa jumlah OPD")
            elif mentah:
                golongkan([(tata.kolom_kode, mentah)], r, catat)  # teks di kolom kode: masalah
                penyusun.tolak()
            else:
                penyusun.tanpa_kode(r)
            continue
        golongan = golongkan([(tata.kolom_kode, kode_sel(lembar.sel(r, tata.kolom_kode)))], r, catat)
        if golongan is None:
            penyusun.tolak()
        else:
            _satu_baris(penyusun, golongan, uraian, r, lembar, tata, catat)
    periksa_susunan(penyusun, _label(tata))
    return gabung_opd(penyusun.selesai(), catat)


def _satu_baris(penyusun: Penyusun, golongan: dict, uraian: str, r: int,
                lembar: Lembar, tata: TataRak, catat: Pencatat) -> None:
    if "rekening" in golongan:
        penyusun.rekening(golongan["rekening"][1], _nilai_longgar(lembar, r, tata))
        return
    tingkat = tingkat_terdalam(golongan)
    if tingkat is None:  # baris urusan atau bidang: tidak dimuat
        t = next(iter(golongan))
        penyusun.wilayah(t, golongan[t][1], r, _nilai_longgar(lembar, r, tata))
        return
    kode = golongan[tingkat][1]
    huruf = get_column_letter(tata.kolom_kode)
    nilai = _nilai(lembar, r, tata, catat)
    if tingkat == "opd":
        penyusun.opd(kode, uraian, r, nilai, huruf)
    else:
        penyusun.anak(tingkat, kode, uraian, r, nilai, huruf)


def _kolom_nilai(tata: TataRak) -> dict:
    return {"pagu": tata.kolom_pagu, **tata.bulan}


def _label(tata: TataRak) -> dict:
    label = {"pagu": (get_column_letter(tata.kolom_pagu), tata.nama_pagu)}
    label.update({b: (get_column_letter(c), BULAN[b - 1]) for b, c in tata.bulan.items()})
    return label


def _nilai_longgar(lembar: Lembar, r: int, tata: TataRak) -> dict:
    """Angka baris yang tidak dimuat (rekening, urusan, bidang, jumlah): hanya untuk pemeriksaan."""
    return {k: angka_longgar(lembar.sel(r, c)) for k, c in _kolom_nilai(tata).items()}


def _nilai(lembar: Lembar, r: int, tata: TataRak, catat: Pencatat) -> dict:
    nilai = {}
    for kunci, (huruf, nama) in _label(tata).items():
        c = _kolom_nilai(tata)[kunci]
        v = baca_uang(catat, lembar.sel(r, c), r, c, nama)
        if v is not None and v < 0:
            if kunci == "pagu":
                catat.salah(f"pagu ({nama}) tidak boleh negatif", r, huruf, lembar.sel(r, c))
            else:
                catat.catat(f"baris {r}: rencana {nama} negatif ({rupiah_penuh(v)}); periksa di SIPD")
        nilai[kunci] = v
    return nilai


def _periksa_bulan(simpul: list[Simpul], tata: TataRak, catat: Pencatat) -> None:
    """Bulan yang hilang dicatat; angka kumulatif (s.d. bulan) tidak boleh lolos diam-diam."""
    bulan = sorted(tata.bulan)
    hilang = [BULAN[b - 1] for b in range(1, max(bulan) + 1) if b not in tata.bulan]
    if hilang:
        catat.catat(f"kolom bulan tidak ada di berkas: {', '.join(hilang)}")
    for s in simpul:
        if s.tingkat != "opd" or not s.utuh or len(bulan) < 2:
            continue
        deret = [s.nilai[b] for b in bulan]
        jumlah, pagu = sum(deret), s.nilai["pagu"]
        if jumlah <= pagu + TOLERANSI:
            continue
        if all(a <= b for a, b in zip(deret, deret[1:])):
            catat.salah(f"angka bulanan OPD {s.kode} tampaknya kumulatif (s.d. bulan): jumlahnya "
                        f"{rupiah_penuh(jumlah)} melebihi pagu {rupiah_penuh(pagu)}; RAK SIPD berisi "
                        "rencana per bulan, ekspor ulang tanpa akumulasi",
                        s.baris, get_column_letter(tata.bulan[bulan[-1]]), deret[-1])
        else:
            catat.catat(f"baris {s.baris}: jumlah rencana bulanan OPD {s.kode} "
                        f"({rupiah_penuh(jumlah)}) melebihi pagu ({rupiah_penuh(pagu)})")


def _rinci(simpul: list[Simpul], bulan: list[int]) -> pd.DataFrame:
    """Satu baris per (baris kode x bulan yang ada di berkas)."""
    baris = [{"kode_opd": s.kode_opd, "kode": s.kode, "tingkat": s.tingkat, "uraian": s.uraian,
              "pagu": s.nilai["pagu"], "bulan": b, "rencana": s.nilai[b], "baris": s.baris}
             for s in simpul for b in bulan]
    df = pd.DataFrame(baris, columns=KOLOM_RINCI)
    return df.astype({"pagu": "float64", "bulan": "int64", "rencana": "float64", "baris": "int64"})
