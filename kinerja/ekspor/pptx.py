"""Paket rapat sebagai PPTX (16:9) yang dapat disunting: slide Mode Rapat.

Urutan seperti Mode Rapat (kinerja.rapat.slide.susun_slide): judul, Ringkasan (angka
besar dan poin penting) disusul capaian dan realisasi anggaran pemda (gauge, kurva
S), Peringkat (batang, paling banyak 16 OPD per slide, batas slide di antara kelompok seri), OPD di bawah target, lalu slide per OPD
atau per bidang urusan menurut paket.himpunan. Semua grafik asli PowerPoint
(python-pptx): angka dapat dibaca dan disunting, dan tidak perlu peramban.
"""

from __future__ import annotations

import io
from pathlib import Path

import pandas as pd
from pptx import Presentation
from pptx.util import Inches

from kinerja import format as fmt
from kinerja.rapat import slide as sl
from kinerja.ekspor import pptx_dasar as d
from kinerja.ekspor import pptx_grafik as g
from kinerja.ekspor.pptx_opd import slide_anggaran, slide_bidang, slide_opd
from kinerja.ekspor.seri import kalimat_seri

OPD_PER_SLIDE = 16   # label nama OPD tetap terbaca di proyektor (huruf 14 pt)
BARIS_TABEL = 9
BARIS_SERI = 3       # baris teks anggota kelompok seri yang dipadatkan di bawah grafik peringkat
# Kotak poin penting (12,3 x 2,95 inci, 14 pt) memuat sekitar 10 baris x 115 huruf untuk lima
# sampai enam poin: tiap poin paling banyak 200 huruf di slide (lengkap di catatan pembicara).
BATAS_POIN = 200


def _slide_judul(prs, paket):
    s = d.slide_baru(prs)
    d.kotak(s, Inches(0.8), Inches(2.0), Inches(11.7), Inches(1.2), "Rapat Evaluasi Kinerja OPD",
            ukuran=44, tebal=True)
    teks = f"{paket.nama_pemda} · {paket.periode}"
    d.kotak(s, Inches(0.8), Inches(3.3), Inches(11.7), Inches(0.8), teks, ukuran=d.ukuran_muat(teks, 11.7, 32))
    d.kotak(s, Inches(0.8), Inches(4.3), Inches(11.7), Inches(1.5),
            [paket.cakupan, sl.HIMPUNAN[paket.himpunan], paket.data_per, f"Dibuat {fmt.tanggal(paket.dibuat)}"],
            ukuran=18, warna=d.ABU)


def _slide_ringkasan(prs, paket):
    s = d.slide_baru(prs)
    d.judul(s, "Ringkasan kinerja", paket)
    k, a = paket.kinerja or {}, paket.anggaran
    w_ = paket.warna_kategori(k.get("kategori"))
    kartu = [("Capaian kinerja", fmt.persen(k.get("capaian")),
              f"{d.t(k.get('kategori') or fmt.NA)} · rata-rata {int(k['jumlah_opd_dinilai'])} OPD" if k
              else fmt.NA, w_[0] if w_ else None)]
    kartu.append((f"Realisasi s.d. {fmt.bulan(int(a['bulan']))}" if a else "Realisasi keuangan",
                  fmt.persen(a["persen_realisasi"]) if a else fmt.NA,
                  f"rencana kas {fmt.persen(a['persen_rencana'])} · deviasi {fmt.poin(a['deviasi'])}" if a
                  else "belum ada data anggaran", None))
    kartu.append(("OPD di bawah target",
                  f"{int(k['jumlah_opd_di_bawah_target'])} dari {int(k['jumlah_opd'])}" if k else fmt.NA,
                  f"capaian < {fmt.ambang(paket.ambang)}", None))
    kartu.append(("Target perlu ditinjau", str(int(k["jumlah_perlu_ditinjau"])) if k else fmt.NA,
                  "indikator", None))
    lebar = Inches(2.95)
    for i, (label, nilai, ket, aksen) in enumerate(kartu):
        d.kartu(s, d.KIRI + i * (lebar + Inches(0.18)), Inches(1.5), lebar, Inches(1.9), label, nilai, ket,
                ukuran_nilai=36, aksen=aksen)
    poin = [p.teks for p in paket.poin] or [f"Belum ada data capaian kinerja untuk {paket.periode}."]
    d.kotak(s, d.KIRI, Inches(3.6), d.LEBAR_ISI, Inches(0.45), "Poin penting", ukuran=20, tebal=True)
    # Poin banyak: huruf mengecil agar muat di atas kaki slide.
    ukuran = 16 if sum(len(p) for p in poin) < 700 else 14
    # Poin dengan nama OPD sangat panjang dipendekkan di slide; teks lengkapnya di catatan pembicara.
    d.kotak(s, d.KIRI, Inches(4.05), d.LEBAR_ISI, Inches(2.95), [d.potong(p, BATAS_POIN) for p in poin],
            ukuran=ukuran, poin=True)
    d.catatan_pembicara(s, ["Poin penting:"] + [f"- {p}" for p in poin])


def _slide_peringkat(prs, paket):
    df = paket.peringkat
    judul = f"Peringkat OPD menurut capaian kinerja · {paket.periode}"
    if df.empty:
        s = d.slide_baru(prs)
        d.judul(s, judul, paket)
        d.kotak(s, d.KIRI, Inches(2), Inches(12), Inches(1), "Tidak ada OPD dengan data pada periode ini.",
                ukuran=24)
        return
    # Dibagi rata di batas kelompok seri (47 OPD tanpa seri -> 16, 16, 15): kelompok seri tidak
    # pernah terbelah antara dua slide; yang lebih besar dari satu slide menjadi satu batang.
    halaman = sl.halaman_peringkat(df["peringkat"], OPD_PER_SLIDE)
    for j, butir in enumerate(halaman, start=1):
        s = d.slide_baru(prs)
        lanjut = f" ({j}/{len(halaman)})" if len(halaman) > 1 else ""
        d.judul(s, judul + lanjut, paket,
                sub=f"{paket.nama_pemda} · capaian (%) rata-rata indikator, dibatasi "
                    f"{fmt.persen(paket.batas_atas, 0)} · di bawah target < {fmt.ambang(paket.ambang)}")
        b = sl.baris_peringkat(df, butir)
        label = [" · ".join(x for x in (
                     d.nama(r) if len(bt) > 1 else
                     f"{int(r['peringkat']) if pd.notna(r['peringkat']) else '–'}. {d.nama(r)}",
                     d.t(r['kategori'] if pd.notna(r['kategori']) else fmt.NA),
                     "" if len(bt) > 1 else fmt.teks_bersama(r["jumlah_sama_peringkat"])) if x)
                 for bt, (_, r) in zip(butir, b.iterrows())]
        # Anggota kelompok yang dipadatkan disebut di bawah grafik (lengkap di catatan pembicara).
        seri = [kalimat_seri(df, bt, paket.batas_atas) for bt in butir if len(bt) > 1]
        tinggi = 0.0
        if seri:
            seri_slide = [d.potong(k, d.muat_huruf(12.3, BARIS_SERI, 14) // len(seri)) for k in seri]
            tinggi = d.tinggi_teks(sum(d.jumlah_baris(k, 12.3, 14) for k in seri_slide), 14) + 0.08
            d.kotak(s, d.KIRI, Inches(1.4 + 5.25 - tinggi), d.LEBAR_ISI, Inches(tinggi), seri_slide, ukuran=14)
            d.catatan_pembicara(s, seri)
        g.batang(s, label, list(b["capaian"]), list(b["kategori"]), paket,
                 Inches(0.4), Inches(1.4), Inches(12.5), Inches(5.25 - tinggi), ukuran=14)
        d.legenda(s, paket, d.KIRI, Inches(6.68))


def _slide_di_bawah_target(prs, paket):
    """Seperti Mode Rapat: OPD yang capaiannya di bawah ambang, terburuk dulu."""
    opd = sl.opd_di_bawah(paket.opd)
    judul = f"OPD di bawah target (capaian < {fmt.ambang(paket.ambang)})"
    dinilai = int(paket.opd["capaian"].notna().sum()) if len(paket.opd) else 0
    sub = (f"{len(opd)} dari {len(paket.opd)} OPD capaiannya di bawah {fmt.ambang(paket.ambang)}"
           + (f" ({len(paket.opd) - dinilai} OPD tanpa capaian)" if dinilai < len(paket.opd) else "")
           + f" · {paket.periode} · terburuk dulu")
    if opd.empty:
        s = d.slide_baru(prs)
        d.judul(s, judul, paket, sub=sub)
        d.kotak(s, d.KIRI, Inches(2), Inches(12), Inches(1),
                f"Semua OPD yang dinilai mencapai target pada {paket.periode}.", ukuran=24)
        return
    bagian = [opd.iloc[i:i + BARIS_TABEL] for i in range(0, len(opd), BARIS_TABEL)]
    nomor = 1
    for j, b in enumerate(bagian, start=1):
        s = d.slide_baru(prs)
        lanjut = f" ({j}/{len(bagian)})" if len(bagian) > 1 else ""
        d.judul(s, judul + lanjut, paket, sub=sub)
        baris = []
        for _, r in b.iterrows():
            ken = paket.kendala_opd(r["kode_opd"])
            utama = ken["kendala"].iloc[0] if len(ken) and isinstance(ken["kendala"].iloc[0], str) else None
            baris.append([str(nomor), d.nama(r), fmt.persen(r["capaian"]), d.t(r["kategori"]),
                          f"{int(r['jumlah_di_bawah_target'])} dari {int(r['jumlah_terhitung'])}",
                          d.potong(utama, 105) if utama else "belum dilaporkan"])
            nomor += 1
        d.tabel(s, ["No", "OPD", "Capaian", "Kategori", f"Indikator < {fmt.angka_ringkas(paket.ambang)}%",
                    "Kendala utama"],
                baris, d.KIRI, Inches(1.5), d.LEBAR_ISI, [0.6, 1.9, 1.2, 1.7, 1.6, 5.3], ukuran=13,
                kolom_kategori=3, paket=paket, tinggi_baris=Inches(0.55), rata_kanan={0, 2, 4})


def tulis_pptx(paket, path: str | Path, gambar: bool = True) -> list[str]:
    """Tulis dek PPTX; kembalikan catatan tentang isi yang tidak dimuat (bila ada).
    Semua grafik asli, jadi dek tidak bergantung pada pengekspor gambar (gambar diabaikan)."""
    catatan: list[str] = []
    prs = Presentation()
    prs.slide_width, prs.slide_height = d.LEBAR, d.TINGGI
    prs.core_properties.title = f"Rapat Evaluasi Kinerja OPD {paket.nama_pemda} {paket.periode}"
    _slide_judul(prs, paket)
    for s in paket.slide:
        if s.jenis == "ringkasan":
            _slide_ringkasan(prs, paket)
            slide_anggaran(prs, paket)
        elif s.jenis == "peringkat":
            _slide_peringkat(prs, paket)
        elif s.jenis == "di_bawah_target":
            _slide_di_bawah_target(prs, paket)
        elif s.jenis == "opd":
            slide_opd(prs, paket, s.kode_opd)
        else:
            slide_bidang(prs, paket, s.kode_urusan, s.judul)
    buf = io.BytesIO()
    prs.save(buf)
    Path(path).write_bytes(buf.getvalue())
    return catatan
