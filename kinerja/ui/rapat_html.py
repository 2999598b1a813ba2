"""Potongan HTML slide Mode Rapat: kartu angka, pita kategori, batang capaian, tabel OPD,
tabel indikator dan daftar kendala. Fungsi murni (teks masuk, HTML keluar); halaman hanya
menyusunnya. Setiap teks dari data di-escape di sini (fmt.html_aman); kelas CSS-nya di
kinerja/ui/tema_rapat.py. Tanpa streamlit."""

from __future__ import annotations

import pandas as pd

from kinerja import format as fmt
from kinerja.rapat import slide as sl
from kinerja.skala import Pita, pita_berlabel

esc = fmt.html_aman


def chip(label, pita: list[Pita]) -> str:
    """Pita kategori berwarna skala aktif; 'n/a' bila tanpa kategori."""
    p = pita_berlabel(label, pita) if isinstance(label, str) else None
    if p is None:
        return "<span class='rapat-pita'>n/a</span>"
    return f"<span class='rapat-pita' style='background:{p.warna};color:{p.warna_teks}'>{esc(p.label)}</span>"


def batang(capaian, label, pita: list[Pita], batas_atas: float) -> str:
    """Batang capaian selebar capaian/batas atas, berwarna kategori."""
    if capaian is None or pd.isna(capaian):
        return ""
    p = pita_berlabel(label, pita) if isinstance(label, str) else None
    lebar = max(0.0, min(float(capaian), batas_atas)) / batas_atas * 100
    return (f"<div class='rapat-batang'><div style='width:{lebar:.1f}%;"
            f"background:{p.warna if p else '#999999'}'></div></div>")


def kartu(label: str, angka: str, sub: str = "", besar: bool = False) -> str:
    """Kartu angka besar. label/angka/sub sudah berupa HTML aman (pemanggil meng-escape teks data)."""
    return (f"<div class='rapat-kartu{' besar' if besar else ''}'><div class='rapat-label'>{label}</div>"
            f"<div class='rapat-angka'>{angka}</div><div class='rapat-sub'>{sub}</div></div>")


def kosong(teks: str) -> str:
    return f"<div class='rapat-kosong'>{esc(teks)}</div>"


def lebih(teks: str) -> str:
    """Baris keterangan kecil di bawah tabel atau grafik ('+3 lainnya ...')."""
    return f"<div class='rapat-lebih'>{esc(teks)}</div>"


def tabel_opd(df: pd.DataFrame, pita: list[Pita], ambang: float, batas_atas: float, nomor_awal: int = 1,
              dengan_batang: bool = True, baris_kolom: int | None = None) -> str:
    """Tabel OPD: nomor, OPD, capaian, batang (bila lebar), kategori, indikator di bawah target.
    baris_kolom: baris terbanyak di antara kolom tabel slide ini (kerapatannya sama)."""
    lega = sl.kerapatan(baris_kolom or len(df)) == "lega"
    dengan_batang = dengan_batang and not lega   # huruf besar: kolom batang tidak muat, angka dan pita cukup
    baris = "".join(
        f"<tr><td class='angka'>{i}</td><td class='teks'>{esc(sl.nama_opd(r.singkatan, r.nama_opd))}</td>"
        f"<td class='angka'><b>{esc(fmt.persen(r.capaian))}</b></td>"
        + (f"<td>{batang(r.capaian, r.kategori, pita, batas_atas)}</td>" if dengan_batang else "")
        + f"<td>{chip(r.kategori, pita)}</td>"
        f"<td class='angka'>{int(r.jumlah_di_bawah_target)} dari {int(r.jumlah_terhitung)}</td></tr>"
        for i, r in enumerate(df.itertuples(index=False), start=nomor_awal))
    lebar = ("2.4em", "4.6em", "7.6em", "4.8em") if lega else ("2.2em", "5.2em", "8.6em", "5.6em")
    return (f"<table class='rapat-tabel {'lega' if lega else 'biasa'}'><colgroup><col style='width:{lebar[0]}'><col>"
            f"<col style='width:{lebar[1]}'>"
            + ("<col style='width:14%'>" if dengan_batang else "")
            + f"<col style='width:{lebar[2]}'><col style='width:{lebar[3]}'>"
            "</colgroup><tr><th class='angka'>No</th><th>OPD</th><th class='angka'>Capaian</th>"
            + ("<th></th>" if dengan_batang else "") + "<th>Kategori</th>"
            f"<th class='angka'>Ind. &lt; {esc(fmt.angka_ringkas(ambang))}%</th></tr>{baris}</table>")


def tabel_indikator(ind: pd.DataFrame, pita: list[Pita]) -> str:
    """Indikator di bawah target (maks. slide.MAKS_INDIKATOR): capaian yang dipotong atau dibatasi
    menyebut target dan realisasinya di bawah nama indikator."""
    baris = "".join(
        f"<tr><td class='teks'>{esc(sl.potong(r.indikator, 70))}"
        + (f"<span class='rapat-batas'>{esc(c)}</span>" if (c := fmt.catatan_batas(
            r.tanda_batas, r.capaian_dibatasi, r.target, r.realisasi)) else "") + "</td>"
        f"<td class='angka'><b>{esc(fmt.persen(r.capaian))}</b></td><td>{chip(r.kategori, pita)}</td></tr>"
        for r in ind.iloc[:sl.MAKS_INDIKATOR].itertuples(index=False))
    lagi = lebih(f"+{len(ind) - sl.MAKS_INDIKATOR} lainnya") if len(ind) > sl.MAKS_INDIKATOR else ""
    return ("<table class='rapat-tabel'><colgroup><col><col style='width:5.2em'><col style='width:8.6em'>"
            "</colgroup><tr><th>Indikator</th><th class='angka'>Capaian</th><th>Kategori</th></tr>"
            f"{baris}</table>{lagi}")


def daftar_catatan(judul: str, butir: pd.Series) -> str:
    """Kendala atau tindak lanjut bernomor (maks. slide.MAKS_KENDALA, tiap butir dipendekkan)."""
    isi = "".join(f"<li>{esc(sl.potong(x, 150))}</li>" for x in butir.iloc[:sl.MAKS_KENDALA])
    lagi = lebih(f"+{len(butir) - sl.MAKS_KENDALA} lainnya di Profil OPD") if len(butir) > sl.MAKS_KENDALA else ""
    return f"<div class='rapat-judul-bagian'>{esc(judul)}</div><ol class='rapat-catatan'>{isi}</ol>{lagi}"
