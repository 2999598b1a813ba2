"""Slide dek PPTX yang meniru Mode Rapat: capaian dan anggaran pemda, satu slide per
OPD (gauge, indikator di bawah target, kurva S, kendala dan tindak lanjut) dan satu
slide per bidang urusan (kartu, tabel OPD, kurva S).

Tata letak untuk 13,333 x 7,5 inci dalam kolom tetap; teks panjang dipendekkan di
slide (batas kata, elipsis) dan ditulis lengkap di catatan pembicara.
"""

from __future__ import annotations

import pandas as pd
from pptx.util import Inches

from kinerja.grafik import tren as gt
from kinerja import format as fmt
from kinerja.ekspor import pptx_dasar as d
from kinerja.ekspor import pptx_grafik as g
from kinerja.grafik.tren import tingkat_deviasi
from kinerja.rapat.slide import MAKS_BARIS, MAKS_INDIKATOR, MAKS_KENDALA

MAKS_ANGGOTA = MAKS_BARIS   # batas slide didefinisikan sekali di kinerja.rapat.slide, sama dengan Mode Rapat
NAMA_KURVA_OPD = "Kurva S OPD"


def _kurva(slide, df: pd.DataFrame, paket, x, y, w, h, judul: str, nama: str,
           lalu: pd.DataFrame | None = None, fisik: bool = False, ket: str = "") -> bool:
    """Kurva S asli: Jan s.d. bulan terakhir yang berdata (maks. akhir triwulan). ket: baris
    kecil di bawah judul (mis. pagu yang dipakai)."""
    d.kotak(slide, x, y, w, Inches(0.38), judul, ukuran=16, tebal=True)
    if ket:
        d.kotak(slide, x, y + Inches(0.36), w, Inches(0.3), ket, ukuran=12, warna=d.ABU)
        y, h = y + Inches(0.3), h - Inches(0.3)
    ada = df[df["persen_realisasi"].notna() | df["persen_rencana"].notna()] if len(df) else df
    if ada.empty:
        d.kotak(slide, x, y + Inches(0.5), w, Inches(0.8),
                f"Belum ada data anggaran {paket.tahun}; kurva S tidak dapat digambar.", ukuran=14, warna=d.ABU)
        return False
    bulan = list(range(1, int(ada["bulan"].max()) + 1))
    seri = [("Rencana kas (RAK)", g.nilai_bulanan(df, bulan, "persen_rencana"), "rencana"),
            ("Realisasi", g.nilai_bulanan(df, bulan, "persen_realisasi"), "realisasi")]
    if lalu is not None and len(lalu) and lalu["persen_realisasi"].notna().any():
        seri[0] = (f"Rencana kas (RAK) {paket.tahun}", seri[0][1], "rencana")
        seri[1] = (f"Realisasi {paket.tahun}", seri[1][1], "realisasi")
        seri.append((f"Realisasi {paket.tahun - 1}", g.nilai_bulanan(lalu, bulan, "persen_realisasi"), "lalu"))
    if fisik and "realisasi_fisik" in df and df["realisasi_fisik"].notna().any():
        seri.append(("Realisasi fisik", g.nilai_bulanan(df, bulan, "realisasi_fisik"), "fisik"))
    g.kurva_s(slide, bulan, seri, x, y + Inches(0.4), w, h - Inches(0.4), nama=nama)
    return True


def _teks_uang(r) -> str:
    if r is None or pd.isna(r.get("persen_realisasi")):
        return f"Realisasi keuangan: {fmt.NA}"
    bulan = fmt.bulan(int(r["bulan_anggaran"])) if pd.notna(r.get("bulan_anggaran")) else ""
    tingkat = tingkat_deviasi(r.get("deviasi"))
    return (f"Realisasi keuangan s.d. {bulan}: {fmt.persen(r['persen_realisasi'])} · rencana kas "
            f"{fmt.persen(r['persen_rencana'])} · deviasi {fmt.poin(r['deviasi'])}"
            + (f" ({tingkat.label})" if tingkat else ""))


def slide_anggaran(prs, paket) -> None:
    """Capaian kinerja (gauge) dan realisasi anggaran pemda (kurva S, kartu) seperti
    halaman Ringkasan."""
    s = d.slide_baru(prs)
    d.judul(s, f"Capaian kinerja dan realisasi anggaran · {paket.periode}", paket)
    k, a = paket.kinerja, paket.anggaran
    if k is None:
        # Di kolom gauge (kiri), tidak menimpa kurva S di kanannya.
        d.kotak(s, Inches(0.5), Inches(1.9), Inches(3.6), Inches(2),
                f"Belum ada data capaian kinerja untuk {paket.periode}.", ukuran=22)
    else:
        d.kotak(s, Inches(0.5), Inches(1.5), Inches(3.6), Inches(0.38), "Capaian kinerja", ukuran=16, tebal=True)
        g.gauge(s, k.get("capaian"), k.get("kategori"), paket, Inches(0.6), Inches(1.9), Inches(3.4),
                nama=f"{g.NAMA_GAUGE} pemda", ket=f"rata-rata {int(k['jumlah_opd_dinilai'])} OPD")
    kini = paket.anggaran_pemda_kini()
    _kurva(s, kini, paket, Inches(4.4), Inches(1.5), Inches(8.45), Inches(3.8),
           f"Kurva S keuangan {paket.tahun} (% pagu)", f"{g.NAMA_KURVA} pemda",
           lalu=paket.anggaran_pemda_lalu(), fisik=True,
           ket=f"Persen dari {gt.sumber_pagu(kini)}" if len(kini) else "")
    lebar, y, h = Inches(2.95), Inches(5.45), Inches(1.55)
    if a is None:
        kartu = [("Realisasi keuangan", fmt.NA, f"belum ada data anggaran {paket.tahun}")]
    else:
        tingkat = tingkat_deviasi(a["deviasi"])
        kartu = [
            (f"Realisasi s.d. {fmt.bulan(int(a['bulan']))}", fmt.persen(a["persen_realisasi"]),
             f"{fmt.rupiah(a['realisasi_kumulatif'])} dari {fmt.rupiah(a['pagu'])}"),
            ("Rencana kas (RAK)", fmt.persen(a["persen_rencana"]), fmt.rupiah(a["rencana_kumulatif"])),
            ("Deviasi", fmt.poin(a["deviasi"]).removesuffix(" poin"),
             f"poin · {tingkat.label} ({tingkat.rentang})" if tingkat else "poin"),
            ("Realisasi fisik", fmt.persen(a["realisasi_fisik"]), "dibobot pagu"),
        ]
    for i, (label, nilai, ket) in enumerate(kartu):
        d.kartu(s, d.KIRI + i * (lebar + Inches(0.18)), y, lebar, h, label, nilai, ket, ukuran_nilai=32)


def _info_opd(r, paket) -> list[str]:
    peringkat = fmt.teks_peringkat(r["peringkat"], r["jumlah_opd_dinilai"], r.get("jumlah_sama_peringkat"))
    baris = [f"Peringkat {peringkat}"]
    if pd.notna(r.get("persen_realisasi")):
        baris.append(f"Realisasi keuangan {fmt.persen(r['persen_realisasi'])} "
                     f"(rencana {fmt.persen(r['persen_rencana'])})")
    else:
        baris.append(f"Realisasi keuangan {fmt.NA}")
    return baris


def _indikator(s, paket, kode: str, x, y, w, bawah) -> list[str]:
    """Tabel indikator di bawah target (terendah dulu), sebanyak yang muat sampai `bawah`."""
    ind = paket.indikator_bawah(kode)
    d.kotak(s, x, y, w, Inches(0.38), f"Indikator di bawah {fmt.ambang(paket.ambang)} ({len(ind)})",
            ukuran=16, tebal=True)
    if ind.empty:
        d.kotak(s, x, y + Inches(0.45), w, Inches(0.5), "Tidak ada indikator di bawah target.", ukuran=14,
                warna=d.ABU)
        return []
    kolom, lebar, ukuran = ["Indikator", "Capaian", "Kategori"], [2.3, 0.95, 1.35], 11
    # Capaian yang dipotong ke 0 menyebut target dan realisasinya di bawah nama indikator.
    baris = [[d.potong(r["indikator"], 80) + (f" ({c})" if (c := _catatan(r)) else ""), fmt.persen(r["capaian"]),
              r["kategori"] if pd.notna(r["kategori"]) else fmt.NA] for _, r in ind.iterrows()]
    y_tabel = y + Inches(0.42)
    sisa = bawah - y_tabel - Inches(0.36) - d.tinggi_baris_tabel(kolom, w, lebar, ukuran, tebal=True)
    tampil = []
    for b in baris[:MAKS_INDIKATOR]:
        sisa -= d.tinggi_baris_tabel(b, w, lebar, ukuran)
        if sisa < 0:
            break
        tampil.append(b)
    tinggi = d.tabel(s, kolom, tampil, x, y_tabel, w, lebar, ukuran=ukuran, kolom_kategori=2, paket=paket,
                     tinggi_baris=Inches(0.34), rata_kanan={1})
    if len(ind) > len(tampil):
        d.kotak(s, x, y_tabel + tinggi + Inches(0.03), w, Inches(0.32),
                f"+{len(ind) - len(tampil)} lainnya (lengkap di catatan slide dan PDF)", ukuran=12, warna=d.ABU)
    return [f"- {r['indikator']}: {fmt.persen(r['capaian'])} ({r['kategori'] if pd.notna(r['kategori']) else fmt.NA})"
            + (f"; {c}" if (c := _catatan(r)) else "") for _, r in ind.iterrows()]


def _catatan(r) -> str:
    return fmt.catatan_batas(r.get("tanda_batas"), r.get("capaian_dibatasi"), r.get("target"), r.get("realisasi"))


def _butir(daftar: list[str], lebar_in: float, tinggi_in: float, pt: float) -> list[str]:
    """Maks. MAKS_KENDALA butir; baris yang muat di kotak dibagi rata, tiap butir dipendekkan."""
    tampil = daftar[:MAKS_KENDALA]
    lebih = len(daftar) > len(tampil)
    baris_muat = int(tinggi_in / (pt * 1.55 / 72))   # jarak baris dan antarbutir
    per_butir = max((baris_muat - lebih) // max(len(tampil), 1), 1)
    hasil = [d.potong(x, d.muat_huruf(lebar_in - 0.3, per_butir, pt)) for x in tampil]
    if lebih:
        hasil.append(f"+{len(daftar) - len(tampil)} lainnya di catatan slide")
    return hasil


def _kendala(s, paket, kode: str, y) -> list[str]:
    ken = paket.kendala_opd(kode)
    kendala = [x for x in ken["kendala"] if isinstance(x, str) and x.strip()] if len(ken) else []
    tindak = [x for x in ken["tindak_lanjut"] if isinstance(x, str) and x.strip()] if len(ken) else []
    kosong = [f"belum dilaporkan untuk {paket.periode}"]
    tinggi = d.BAWAH_ISI - y - Inches(0.38)
    for x, judul_, isi in ((Inches(0.5), "Kendala", kendala), (Inches(6.75), "Tindak lanjut", tindak)):
        d.kotak(s, x, y, Inches(6.05), Inches(0.36), judul_, ukuran=16, tebal=True)
        d.kotak(s, x, y + Inches(0.38), Inches(6.05), tinggi,
                _butir(isi, 6.05, tinggi / 914400, 13) if isi else kosong, ukuran=13, poin=bool(isi),
                warna=d.TEKS if isi else d.ABU)
    return ([f"Kendala: {x}" for x in kendala] + [f"Tindak lanjut: {x}" for x in tindak])


def slide_opd(prs, paket, kode: str) -> None:
    r = paket.baris_opd(kode)
    s = d.slide_baru(prs)
    if r is None:
        d.judul(s, kode, paket)
        d.kotak(s, d.KIRI, Inches(2), Inches(12), Inches(1), "OPD ini tidak termasuk filter yang dipilih.",
                ukuran=24)
        return
    judul = d.nama(r)
    d.judul(s, judul, paket, sub=f"{r['nama_opd']} · {paket.periode}"
            + (f" · bidang {r['kode_urusan']} {r['nama_urusan']}" if isinstance(r.get("nama_urusan"), str) else ""))
    x0 = Inches(0.45)
    g.gauge(s, r["capaian"], r["kategori"], paket, x0 + Inches(0.05), Inches(1.5), Inches(3.3),
            nama=f"{g.NAMA_GAUGE} {kode}",
            ket=f"{int(r['jumlah_terhitung'])} dari {int(r['jumlah_indikator'])} indikator dinilai")
    d.kotak(s, x0, Inches(4.55), Inches(3.45), Inches(0.85), _info_opd(r, paket), ukuran=13)
    catatan = [f"{r['nama_opd']} · {paket.periode}", f"Capaian {fmt.persen(r['capaian'])} ({r['kategori']})",
               _teks_uang(r), "", "Indikator di bawah target:"]
    catatan += _indikator(s, paket, kode, Inches(4.1), Inches(1.5), Inches(4.6), Inches(5.4)) or ["- tidak ada"]
    kini, lalu = paket.kurva_s("opd", kode)   # seperti slide OPD Mode Rapat: dengan tahun lalu
    _kurva(s, kini, paket, Inches(8.9), Inches(1.5), Inches(4.0), Inches(3.85),
           f"Kurva S {paket.tahun} (% pagu)", f"{NAMA_KURVA_OPD} {kode}", lalu=lalu)
    catatan += [""] + (_kendala(s, paket, kode, Inches(5.45)) or ["Kendala belum dilaporkan."])
    d.catatan_pembicara(s, catatan)


def slide_bidang(prs, paket, kode_urusan: str, judul: str) -> None:
    s = d.slide_baru(prs)
    d.judul(s, judul, paket, sub=f"{paket.nama_pemda} · {paket.periode} · OPD yang kodenya mencakup bidang ini")
    anggota = paket.anggota_bidang(kode_urusan)
    ringkas = paket.ringkas_bidang(kode_urusan)
    if anggota.empty or ringkas is None:
        d.kotak(s, d.KIRI, Inches(2), Inches(12), Inches(1),
                "Tidak ada OPD dalam bidang ini untuk filter yang dipilih.", ukuran=24)
        return
    kiri = Inches(0.5)
    kategori = ringkas["kategori"] if isinstance(ringkas["kategori"], str) else fmt.NA
    w_ = paket.warna_kategori(kategori)
    d.kartu(s, kiri, Inches(1.5), Inches(3.4), Inches(2.1), "Capaian bidang", fmt.persen(ringkas["capaian"]),
            f"{kategori} · rata-rata {int(ringkas['jumlah_opd_dinilai'])} OPD", aksen=w_[0] if w_ else None)
    d.kartu(s, kiri, Inches(3.8), Inches(3.4), Inches(2.1), "OPD di bawah target",
            f"{int(ringkas['jumlah_opd_di_bawah_target'])} dari {int(ringkas['jumlah_opd'])}",
            f"capaian < {fmt.ambang(paket.ambang)}")
    x, w = Inches(4.1), Inches(4.6)
    d.kotak(s, x, Inches(1.5), w, Inches(0.38), f"OPD dalam bidang ({len(anggota)})", ukuran=16, tebal=True)
    tampil = anggota.iloc[:MAKS_ANGGOTA]
    tinggi = d.tabel(s, ["No", "OPD", "Capaian", "Kategori", f"Ind. <{fmt.angka_ringkas(paket.ambang)}%"],
            [[str(i), d.nama(r), fmt.persen(r["capaian"]), r["kategori"] if pd.notna(r["kategori"]) else fmt.NA,
              f"{int(r['jumlah_di_bawah_target'])}/{int(r['jumlah_terhitung'])}"]
             for i, (_, r) in enumerate(tampil.iterrows(), start=1)],
            x, Inches(1.92), w, [0.45, 1.25, 0.9, 1.2, 0.8], ukuran=11, kolom_kategori=3, paket=paket,
            tinggi_baris=Inches(0.34), rata_kanan={0, 2, 4})
    if len(anggota) > MAKS_ANGGOTA:
        d.kotak(s, x, Inches(1.92) + tinggi + Inches(0.03), w, Inches(0.32),
                f"+{len(anggota) - MAKS_ANGGOTA} OPD lainnya (lengkap di catatan slide)", ukuran=12, warna=d.ABU)
    kini, lalu = paket.kurva_s("bidang", kode_urusan)
    _kurva(s, kini, paket, Inches(8.9), Inches(1.5), Inches(4.0), Inches(4.4),
           f"Kurva S {paket.tahun} (% pagu)", f"{g.NAMA_KURVA} bidang {kode_urusan}", lalu=lalu)
    d.catatan_pembicara(s, [judul, "OPD dalam bidang:"] + [
        f"- {r['nama_opd']}: {fmt.persen(r['capaian'])} ({r['kategori'] if pd.notna(r['kategori']) else fmt.NA})"
        for _, r in anggota.iterrows()])
