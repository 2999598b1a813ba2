"""Paket rapat sebagai PDF (fpdf2), A4 mendatar, siap cetak: isi yang sama dengan dek.

Urutan: sampul dan poin penting, capaian dan realisasi anggaran pemda, peringkat
(grafik selebar halaman, paling banyak 24 OPD per gambar, lalu tabel; batas gambar dan
halaman tabel tidak pernah jatuh di dalam kelompok seri), OPD di bawah target,
bagian per OPD atau per bidang seperti Mode Rapat (paket.slide), lalu lampiran:
kendala semua OPD, serapan anggaran per OPD per bulan (satu baris per OPD; tabel
rupiah lengkap ada di XLSX) dan semua indikator.

Grafik Plotly (peringkat, kurva S) dirender sekaligus dalam satu sesi peramban
(gambar.ke_png_banyak), paling banyak MAKS_GAMBAR; bila tidak tersedia, tabel
angkanya tetap ada dan catatan menyebut yang tidak dimuat.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from kinerja import format as fmt
from kinerja.grafik import tren as gt
from kinerja import skala
from kinerja.rapat import slide as sl
from kinerja.ekspor import gambar as gbr
from kinerja.ekspor import pdf_grafik as pg
from kinerja.ekspor.pdf_dasar import ABU, PDF, ekor_utuh, nama
from kinerja.ekspor.pdf_opd import bagian_anggaran, bagian_bidang, bagian_opd, kunci_kurva
from kinerja.ekspor.seri import judul_seri, kalimat_seri
from kinerja.ekspor.xlsx import baris_ringkasan
from kinerja.rapat.paket import KETERANGAN_KURVA

OPD_PER_GAMBAR = 24
MAKS_GAMBAR = 60      # batas gambar per paket (waktu render ~0,3 detik per gambar)
CADANGAN_TINGGI = 0.95  # tinggi baris tabel diperkirakan: kelompok seri harus muat dengan sisa 5%


def _peringkat(x) -> str:
    return str(int(x)) if pd.notna(x) else "-"


def _halaman_peringkat(paket) -> list[list[tuple[int, ...]]]:
    """Butir grafik peringkat per gambar: batas gambar di antara kelompok seri
    (kinerja.rapat.slide.halaman_peringkat), kelompok lebih dari OPD_PER_GAMBAR satu batang."""
    return sl.halaman_peringkat(paket.peringkat["peringkat"], OPD_PER_GAMBAR)


def _fig_peringkat(paket, butir: list[tuple[int, ...]]):
    from kinerja.grafik.peringkat import batang_peringkat, teks_perubahan

    df = paket.peringkat
    df = df.assign(perubahan=[teks_perubahan(p, q) for p, q in zip(df["peringkat"], df["peringkat_lalu"])])
    n = len(df)
    awal, akhir = butir[0][0], butir[-1][-1] + 1
    lanjut = f" (urutan {awal + 1}–{akhir} dari {n})" if akhir - awal < n else ""
    fig = batang_peringkat(
        sl.baris_peringkat(df, butir), paket.pita,
        f"Peringkat OPD menurut capaian kinerja · {paket.periode}{lanjut}",
        f"{n} OPD · warna dan label = kategori", ambang=paket.ambang,
        batas_atas=paket.batas_atas, satuan="%", judul_sumbu="Capaian kinerja (%)",
        judul_perubahan=f"vs {paket.pembanding}")
    fig.update_layout(margin=dict(r=150))   # judul kolom perubahan tidak terpotong di tepi gambar
    return fig


def _kurva_slide(paket, s) -> tuple[str, pd.DataFrame, pd.DataFrame, str]:
    """Kunci gambar, kurva tahun ini dan lalu, dan keterangannya: seperti slide Mode Rapat."""
    kode = s.kode_opd if s.jenis == "opd" else s.kode_urusan
    kini, lalu = paket.kurva_s(s.jenis, kode)
    ket = KETERANGAN_KURVA[s.jenis] + (f" · {gt.sumber_pagu(kini)}" if len(kini) else "")
    return kunci_kurva(s.jenis, kode), kini, lalu, ket


def _siapkan_gambar(paket, gambar: bool, catatan: list[str]) -> tuple[dict, str | None]:
    """Susun semua figure lalu render sekaligus; kembalikan {kunci: png} dan alasan bila gagal."""
    if not gambar:
        return {}, "gambar dimatikan"
    daftar: list[tuple[str, object, int, int]] = []
    try:
        for j, butir in enumerate(_halaman_peringkat(paket)):
            fig = _fig_peringkat(paket, butir)
            daftar.append((f"peringkat:{j}", fig, 1600, int(fig.layout.height)))
        kini = paket.anggaran_pemda_kini()
        fig = pg.fig_kurva(paket, kini, paket.anggaran_pemda_lalu(), f"Kurva S keuangan {paket.tahun}",
                           KETERANGAN_KURVA["pemda"] + (f" · {gt.sumber_pagu(kini)}" if len(kini) else ""))
        if fig is not None:
            daftar.append((kunci_kurva("pemda"), fig, *pg.KURVA_PX, pg.KURVA_SKALA))
        lewat = 0
        for s in paket.slide:
            if s.jenis not in ("opd", "bidang"):
                continue
            kunci, df, lalu, ket = _kurva_slide(paket, s)
            fig = pg.fig_kurva(paket, df, lalu, f"Kurva S keuangan {paket.tahun}", ket)
            if fig is None:
                continue
            if len(daftar) >= MAKS_GAMBAR:
                lewat += 1
                continue
            daftar.append((kunci, fig, *pg.KURVA_PX, pg.KURVA_SKALA))
    except Exception as e:  # noqa: BLE001 - grafik tidak dapat disusun: tabel angka tetap ada
        catatan.append(f"Grafik tidak dapat disusun ({type(e).__name__}); tabel angka tetap ada.")
        return {}, "grafik tidak dapat disusun"
    if lewat:
        catatan.append(f"Kurva S {lewat} slide terakhir tidak dimuat sebagai gambar (batas {MAKS_GAMBAR} gambar "
                       "per paket agar ekspor tetap cepat); angka bulanannya ditulis sebagai tabel.")
    png = gbr.ke_png_banyak([d[1:] for d in daftar])
    hasil = {d[0]: p for d, p in zip(daftar, png) if p}
    return hasil, (gbr.alasan_terakhir() or "pengekspor gambar tidak tersedia") if len(hasil) < len(daftar) else None


def _sampul(pdf, paket) -> None:
    pdf.add_page()
    pdf.paragraf(ekor_utuh(f"Rapat Evaluasi Kinerja OPD — {paket.nama_pemda} · {paket.periode}"), 24, tebal=True,
                 tinggi=12)
    pdf.paragraf(f"{paket.cakupan} · {sl.HIMPUNAN[paket.himpunan]} · {paket.data_per} · dibuat "
                 f"{fmt.tanggal(paket.dibuat)}", 11, tinggi=6)
    pdf.ln(3)
    pdf.paragraf("Poin penting", 14, tebal=True, tinggi=8)
    for p in paket.poin or []:
        pdf.paragraf(f"• {p.teks}", 12, tinggi=6.5)
        pdf.ln(1)
    if not paket.poin:
        pdf.paragraf(f"Belum ada data capaian kinerja untuk {paket.periode}.", 12, tinggi=6.5)
    pdf.ln(3)
    pdf.tabel(["Ringkasan", "Nilai"], [list(b) for b in baris_ringkasan(paket)], [80, 193], ukuran=10)
    pdf.paragraf("Kategori (skala aktif): " + skala.legenda(paket.pita, paket.batas_atas, "; "), 9, tinggi=5)


def _bagian_peringkat(pdf, paket, png: dict, tanpa_gambar: str | None, catatan: list[str]) -> None:
    df = paket.peringkat
    judul = f"Peringkat OPD menurut capaian kinerja · {paket.periode}"
    halaman = _halaman_peringkat(paket)
    ada = [png.get(f"peringkat:{j}") for j in range(len(halaman))]
    if halaman and all(ada):
        for i, (gambar_, butir) in enumerate(zip(ada, halaman)):
            pdf.judul(judul + (f" ({i + 1}/{len(ada)})" if len(ada) > 1 else ""))
            # Anggota kelompok seri yang dipadatkan menjadi satu batang: ditulis di bawah grafiknya.
            seri = [kalimat_seri(df, b, paket.batas_atas) for b in butir if len(b) > 1]
            pdf.set_font(pdf.huruf, "", 10)
            ruang = sum(pdf.multi_cell(0, 5, pdf.teks(k), dry_run=True, output="HEIGHT") + 1 for k in seri)
            y = pdf.get_y()
            _, h = pdf.gambar_png(gambar_, None, y, pdf.epw, h_maks=pdf.h - pdf.b_margin - y - 1 - ruang)
            pdf.set_y(y + h + 1)
            for k in seri:
                pdf.paragraf(k, 10, tinggi=5)
                pdf.ln(1)
    elif halaman:
        catatan.append(f"Grafik peringkat tidak dimuat sebagai gambar ({tanpa_gambar}); tabel peringkat tetap ada.")
    pdf.judul(f"{judul} · tabel")
    if df.empty:
        pdf.paragraf("Tidak ada OPD dengan data pada periode ini.", 11)
        return
    kolom = ["Peringkat", "OPD", "Nama OPD", "Capaian", "Kategori", "Realisasi keuangan", "Rencana kas",
             "Pagu", "Peringkat tahun lalu"]
    lebar = [22, 28, 70, 20, 30, 26, 22, 28, 27]
    baris = [[_peringkat(r["peringkat"]), nama(r), r["nama_opd"], fmt.persen(r["capaian"]),
              r["kategori"] if pd.notna(r["kategori"]) else fmt.NA, fmt.persen(r["persen_realisasi"]),
              fmt.persen(r["persen_rencana"]), fmt.rupiah(r["pagu"]), _peringkat(r["peringkat_lalu"])]
             for _, r in df.iterrows()]
    # Kelompok seri utuh di satu halaman tabel (satu sel peringkat setinggi kelompoknya). Kelompok
    # yang tidak muat di satu halaman (diukur dari halaman pertama tabel, yang paling sempit)
    # menjadi satu baris berisi semua anggotanya, seperti batangnya di grafik.
    tinggi_judul, tinggi = pdf.tinggi_baris(kolom, baris, lebar)
    muat = (pdf.page_break_trigger - pdf.get_y() - tinggi_judul) * CADANGAN_TINGGI
    isi: list[list[str]] = []
    utuh: dict[int, int] = {}
    padat: list[str] = []
    for k in sl.kelompok_peringkat(df["peringkat"]):
        if len(k) > 1 and sum(tinggi[i] for i in k) > muat:
            r = df.iloc[k[0]]
            isi.append([_peringkat(r["peringkat"]), f"{len(k)} OPD",
                        kalimat_seri(df, k, paket.batas_atas).partition(": ")[2], fmt.persen(r["capaian"]),
                        baris[k[0]][4], "—", "—", "—", "—"])
            padat.append(judul_seri(df, k))
            continue
        utuh[len(isi)] = len(k)
        isi.extend(baris[i] for i in k)
    pdf.tabel(kolom, isi, lebar, kolom_kategori=4, rata_kanan={0, 3, 5, 6, 7, 8}, satu_halaman=utuh)
    for p in padat:
        pdf.paragraf(f"{p}: terlalu banyak untuk satu halaman, ditulis satu baris. Realisasi keuangan, "
                     "rencana kas dan pagu setiap OPD ada di lampiran Serapan anggaran per OPD dan di paket "
                     "XLSX.", 9, warna=ABU, tinggi=4.5)


def _bagian_di_bawah_target(pdf, paket) -> None:
    opd = sl.opd_di_bawah(paket.opd)
    pdf.judul(f"OPD di bawah target (capaian < {fmt.ambang(paket.ambang)})",
              sub=f"{len(opd)} dari {len(paket.opd)} OPD · {paket.nama_pemda} · {paket.periode} · terburuk dulu")
    if opd.empty:
        pdf.paragraf(f"Semua OPD yang dinilai mencapai target pada {paket.periode}.", 11)
    else:
        baris = []
        for i, (_, r) in enumerate(opd.iterrows(), start=1):
            ken = paket.kendala_opd(r["kode_opd"])
            baris.append([str(i), nama(r), r["nama_opd"], fmt.persen(r["capaian"]), r["kategori"],
                          f"{int(r['jumlah_di_bawah_target'])} dari {int(r['jumlah_terhitung'])}",
                          "\n".join(str(x) for x in ken["kendala"] if isinstance(x, str)) or "belum dilaporkan"])
        pdf.tabel(["No", "OPD", "Nama OPD", "Capaian", "Kategori", f"Indikator < {fmt.angka_ringkas(paket.ambang)}%",
                   "Kendala"], baris, [10, 28, 62, 20, 30, 25, 98], kolom_kategori=4, rata_kanan={0, 3, 5})
    d = paket.di_bawah_target
    pdf.judul(f"Indikator di bawah target (capaian < {fmt.ambang(paket.ambang)})")
    if d.empty:
        pdf.paragraf("Tidak ada indikator di bawah target pada periode ini.", 11)
        return
    pdf.tabel(["OPD", "Capaian OPD", "Indikator", "Satuan", "Target", "Realisasi", "Capaian", "Kategori"],
              [[nama(r), fmt.persen(r["capaian_opd"]), r["indikator"], r["satuan"],
                fmt.angka_ringkas(r["target"]),
                fmt.angka_ringkas(r["realisasi"]),
                fmt.persen(r["capaian"]), r["kategori"] if pd.notna(r["kategori"]) else fmt.NA]
               for _, r in d.iterrows()],
              [28, 22, 100, 25, 22, 22, 22, 32], kolom_kategori=7, rata_kanan={1, 4, 5, 6})


def baris_pivot(paket) -> tuple[list[str], list[list[str]], list[int]]:
    """Serapan per OPD: pagu, % realisasi kumulatif tiap bulan, rencana dan deviasi bulan
    terakhir, fisik. Satu baris per OPD (urut nama), angka dari paket_anggaran_bulanan."""
    a = paket.anggaran_bulanan
    bulan = sorted(int(b) for b in a["bulan"].unique())
    akhir = bulan[-1]
    judul = (["OPD", f"Pagu {gt.BULAN_PENDEK[akhir - 1]} (Rp)"] + [gt.BULAN_PENDEK[b - 1] for b in bulan]
             + [f"Rencana {gt.BULAN_PENDEK[akhir - 1]}", "Deviasi (poin)", "Fisik"])
    baris = []
    for _, g in a.groupby(["nama_opd", "kode_opd"], sort=True):
        per_bulan = {int(b): r for b, r in zip(g["bulan"], g.to_dict("records"))}
        terakhir = per_bulan.get(akhir, {})
        baris.append([nama(g.iloc[0]), fmt.angka(terakhir.get("pagu"))]
                     + [fmt.angka(per_bulan[b]["persen_realisasi"], 1) if b in per_bulan else fmt.NA for b in bulan]
                     + [fmt.angka(terakhir.get("persen_rencana"), 1), fmt.angka(terakhir.get("deviasi"), 1),
                        fmt.angka(terakhir.get("realisasi_fisik"), 1)])
    return judul, baris, bulan


def _bagian_anggaran_opd(pdf, paket) -> None:
    a = paket.anggaran_bulanan
    if a.empty:
        pdf.judul(f"Serapan anggaran per OPD · {paket.tahun}")
        pdf.paragraf(f"Belum ada data anggaran untuk {paket.tahun}.", 11)
        return
    judul, baris, bulan = baris_pivot(paket)
    pdf.judul(f"Serapan anggaran per OPD per bulan · {paket.tahun} (s.d. {fmt.bulan(bulan[-1])})",
              sub=f"{paket.nama_pemda} · realisasi keuangan kumulatif dalam % pagu; rencana kas, deviasi "
                  "(poin) dan fisik (%) pada bulan terakhir. Angka rupiah per bulan: paket XLSX, lembar "
                  "Anggaran per bulan.")
    lebar = [28, 32] + [14] * len(bulan) + [18, 17, 13]
    pdf.tabel(judul, baris, lebar, ukuran=7.5, rata_kanan=set(range(1, len(judul))))


def _lampiran(pdf, paket) -> None:
    k = paket.kendala
    pdf.judul("Kendala dan tindak lanjut semua OPD")
    if k.empty:
        pdf.paragraf("Belum ada kendala yang dilaporkan untuk periode ini.", 11)
    else:
        pdf.tabel(["OPD", "Capaian", "Kategori", "Kendala", "Tindak lanjut"],
                  [[nama(r), fmt.persen(r["capaian"]), r["kategori"] if pd.notna(r["kategori"]) else fmt.NA,
                    r["kendala"], r["tindak_lanjut"]] for _, r in k.iterrows()],
                  [28, 20, 30, 98, 97], kolom_kategori=2, rata_kanan={1})
    _bagian_anggaran_opd(pdf, paket)
    i = paket.indikator
    pdf.judul(f"Semua indikator · {paket.periode}")
    if i.empty:
        pdf.paragraf("Tidak ada indikator pada periode ini.", 11)
        return
    pdf.tabel(["OPD", "Indikator", "Satuan", "Target", "Realisasi", "Capaian", "Kategori", "Keterangan"],
              [[nama(r), r["indikator"], r["satuan"],
                fmt.angka_ringkas(r["target"]),
                fmt.angka_ringkas(r["realisasi"]),
                fmt.persen(r["capaian"]), r["kategori"] if pd.notna(r["kategori"]) else fmt.NA,
                r["status"] if pd.notna(r["status"]) else ""]
               for _, r in i.iterrows()],
              [26, 100, 24, 22, 22, 20, 28, 31], ukuran=8, kolom_kategori=6, rata_kanan={3, 4, 5})


def tulis_pdf(paket, path: str | Path, gambar: bool = True) -> list[str]:
    """Tulis PDF; kembalikan catatan tentang isi yang tidak dimuat."""
    catatan: list[str] = []
    png, tanpa_gambar = _siapkan_gambar(paket, gambar, catatan)
    pdf = PDF(paket)
    _sampul(pdf, paket)
    kurva_hilang = 0

    def _png(kunci: str, df: pd.DataFrame) -> bytes | None:
        nonlocal kurva_hilang
        hasil = png.get(kunci)
        if hasil is None and len(df) and df["persen_realisasi"].notna().any():
            kurva_hilang += 1
        return hasil

    bagian_anggaran(pdf, paket, _png(kunci_kurva("pemda"), paket.anggaran_pemda_kini()), tanpa_gambar)
    _bagian_peringkat(pdf, paket, png, tanpa_gambar, catatan)
    _bagian_di_bawah_target(pdf, paket)
    for s in paket.slide:
        if s.jenis == "opd":
            kunci, df, _, _ = _kurva_slide(paket, s)
            bagian_opd(pdf, paket, s.kode_opd, _png(kunci, df), tanpa_gambar)
        elif s.jenis == "bidang":
            kunci, df, _, _ = _kurva_slide(paket, s)
            bagian_bidang(pdf, paket, s.kode_urusan, s.judul, _png(kunci, df), tanpa_gambar)
    if kurva_hilang and tanpa_gambar:
        catatan.append(f"Kurva S ({kurva_hilang} grafik) tidak dimuat sebagai gambar ({tanpa_gambar}); angka "
                       "bulanannya ditulis sebagai tabel.")
    _lampiran(pdf, paket)
    if catatan:
        pdf.judul("Catatan ekspor", ukuran=12)
        for c in catatan:
            pdf.paragraf(f"• {c}", 10, tinggi=5.5)
    pdf.output(str(path))
    return catatan
