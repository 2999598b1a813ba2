"""Bagian PDF yang meniru slide Mode Rapat: capaian dan anggaran pemda, satu bagian
per OPD (gauge, kurva S, indikator di bawah target, kendala dan tindak lanjut) dan
satu bagian per bidang urusan. Berbeda dengan slide, tabel di sini lengkap (tidak
dipotong): tabel pindah halaman sendiri dengan baris judul diulang.

Kurva S berupa PNG yang sudah dirender sekaligus (kinerja.ekspor.pdf); bila tidak
ada, tabel angka bulanan dan keterangan menggantikannya.
"""

from __future__ import annotations

import pandas as pd

from kinerja import format as fmt
from kinerja.ekspor import pdf_grafik as g
from kinerja.ekspor.pdf_dasar import ABU, nama
from kinerja.grafik.tren import tingkat_deviasi

R_GAUGE = 30.0             # jari-jari gauge (mm)
X_KURVA = 92.0             # kolom kanan: kurva S
W_KURVA = 193.0


def kunci_kurva(jenis: str, kode: str = "") -> str:
    return f"kurva:{jenis}:{kode}"


def _kurva(pdf, paket, df: pd.DataFrame, png: bytes | None, y: float, tanpa_gambar: str | None) -> float:
    """Kurva S (PNG) di kolom kanan, atau tabel bulanan penggantinya; kembalikan y bawahnya."""
    if png:
        _, h = pdf.gambar_png(png, X_KURVA, y, W_KURVA, h_maks=72)   # bagian OPD muat satu halaman
        return y + h
    pdf.set_xy(X_KURVA, y)
    ada = len(df) and (df["persen_realisasi"].notna().any() or df["persen_rencana"].notna().any())
    if not ada:
        pdf.set_font(pdf.huruf, "", 10)
        pdf.multi_cell(W_KURVA, 5, pdf.teks(f"Belum ada data anggaran {paket.tahun}; kurva S tidak dapat "
                                            "digambar."), new_x="LEFT", new_y="NEXT")
        return pdf.get_y()
    pdf.set_font(pdf.huruf, "B", 11)
    pdf.multi_cell(W_KURVA, 5.5, pdf.teks(f"Serapan anggaran {paket.tahun} (% pagu kumulatif)"),
                   new_x="LEFT", new_y="NEXT")
    if tanpa_gambar:
        pdf.set_font(pdf.huruf, "", 8.5)
        pdf.set_text_color(*ABU)
        pdf.multi_cell(W_KURVA, 4.2, pdf.teks(f"Kurva S tidak dimuat sebagai gambar ({tanpa_gambar}); "
                                              "angka bulanannya:"), new_x="LEFT", new_y="NEXT")
        pdf.set_text_color(0, 0, 0)
    pdf.ln(1)
    g.tabel_bulanan(pdf, df, X_KURVA, W_KURVA)
    return pdf.get_y()


def bagian_anggaran(pdf, paket, png: bytes | None, tanpa_gambar: str | None) -> None:
    pdf.judul(f"Capaian kinerja dan realisasi anggaran · {paket.periode}")
    y0 = pdf.get_y()
    k, a = paket.kinerja, paket.anggaran
    bawah = y0
    if k is not None:
        pdf.set_xy(pdf.l_margin, y0)
        pdf.set_font(pdf.huruf, "B", 11)
        pdf.cell(70, 6, "Capaian kinerja", new_x="LMARGIN", new_y="NEXT")
        bawah = g.gauge(pdf, pdf.l_margin + 5, y0 + 8, R_GAUGE, k.get("capaian"), k.get("kategori"), paket,
                        ket=f"rata-rata {int(k['jumlah_opd_dinilai'])} OPD")
    bawah = max(bawah, _kurva(pdf, paket, paket.anggaran_pemda_kini(), png, y0, tanpa_gambar))
    pdf.set_xy(pdf.l_margin, bawah + 4)
    if a is None:
        pdf.paragraf(f"Belum ada data anggaran {paket.tahun}.", 11)
        return
    tingkat = tingkat_deviasi(a["deviasi"])
    pdf.tabel(["Realisasi keuangan", "Rencana kas (RAK)", "Deviasi", "Realisasi fisik", "Pagu"],
              [[f"{fmt.persen(a['persen_realisasi'])} ({fmt.rupiah(a['realisasi_kumulatif'])}) s.d. "
                f"{fmt.bulan(int(a['bulan']))}",
                f"{fmt.persen(a['persen_rencana'])} ({fmt.rupiah(a['rencana_kumulatif'])})",
                fmt.poin(a["deviasi"]) + (f" ({tingkat.label}, {tingkat.rentang})" if tingkat else ""),
                f"{fmt.persen(a['realisasi_fisik'])} (dibobot pagu)", fmt.rupiah(a["pagu"])]],
              [62, 50, 60, 45, 56], ukuran=10)


def _info_opd(r) -> str:
    peringkat = fmt.teks_peringkat(r["peringkat"], r["jumlah_opd_dinilai"], r.get("jumlah_sama_peringkat"))
    uang = fmt.NA
    if pd.notna(r.get("persen_realisasi")):
        tingkat = tingkat_deviasi(r["deviasi"])
        uang = (f"{fmt.persen(r['persen_realisasi'])} (rencana kas {fmt.persen(r['persen_rencana'])}, deviasi "
                f"{fmt.poin(r['deviasi'])}" + (f", {tingkat.label}" if tingkat else "") + ")")
    return (f"Peringkat {peringkat}\nRealisasi keuangan {uang}\n"
            f"Indikator di bawah target: {int(r['jumlah_di_bawah_target'])} dari {int(r['jumlah_terhitung'])}")


def _tinggi_baris(pdf, r, lebar: float = 128, ukuran: float = 8.5) -> float:
    """Tinggi (mm) baris pertama tabel kendala, agar judulnya tidak tertinggal sendirian."""
    if r is None:
        return 6
    pdf.set_font(pdf.huruf, "", ukuran)
    baris = max(len(pdf.multi_cell(lebar, 4, pdf.teks(x), dry_run=True, output="LINES"))
                for x in (r["kendala"], r["tindak_lanjut"]))
    return baris * ukuran * 0.5 + 2


def bagian_opd(pdf, paket, kode: str, png: bytes | None, tanpa_gambar: str | None) -> None:
    r = paket.baris_opd(kode)
    if r is None:
        pdf.judul(kode)
        pdf.paragraf("OPD ini tidak termasuk filter yang dipilih.", 11)
        return
    bidang = f" · bidang {r['kode_urusan']} {r['nama_urusan']}" if isinstance(r.get("nama_urusan"), str) else ""
    pdf.judul(f"{nama(r)} · {r['nama_opd']}", ukuran=15, sub=f"{paket.nama_pemda} · {paket.periode}{bidang}")
    y0 = pdf.get_y()
    bawah = g.gauge(pdf, pdf.l_margin + 5, y0 + 2, R_GAUGE, r["capaian"], r["kategori"], paket,
                    ket=f"{int(r['jumlah_terhitung'])} dari {int(r['jumlah_indikator'])} indikator dinilai")
    pdf.set_xy(pdf.l_margin, bawah + 2)
    pdf.paragraf(_info_opd(r), 9, tinggi=4.6, lebar=76)
    bawah = max(pdf.get_y(), _kurva(pdf, paket, paket.anggaran_opd(kode), png, y0, tanpa_gambar))
    pdf.set_xy(pdf.l_margin, bawah + 3)

    ind = paket.indikator_bawah(kode)
    pdf.pastikan_ruang(22)   # judul + baris judul tabel + satu baris: jangan tertinggal sendirian
    pdf.paragraf(f"Indikator di bawah target (capaian < {fmt.ambang(paket.ambang)}): {len(ind)}", 11, tebal=True,
                 tinggi=6)
    if ind.empty:
        pdf.paragraf("Tidak ada indikator di bawah target.", 9.5, warna=ABU, tinggi=5)
        pdf.ln(2)
    else:
        pdf.tabel(["Indikator", "Satuan", "Target", "Realisasi", "Capaian", "Kategori"],
                  [[x["indikator"] + (f" ({c})" if (c := fmt.catatan_batas(x["tanda_batas"], angka_ikut=False)) else ""),
                    x["satuan"], fmt.angka_ringkas(x["target"]),
                    fmt.angka_ringkas(x["realisasi"]), fmt.persen(x["capaian"]),
                    x["kategori"] if pd.notna(x["kategori"]) else fmt.NA] for _, x in ind.iterrows()],
                  [133, 30, 26, 26, 24, 34], ukuran=8, kolom_kategori=5, rata_kanan={2, 3, 4})
    ken = paket.kendala_opd(kode)
    pdf.pastikan_ruang(14 + _tinggi_baris(pdf, ken.iloc[0] if len(ken) else None))
    pdf.paragraf("Kendala dan tindak lanjut", 11, tebal=True, tinggi=6)
    if ken.empty:
        pdf.paragraf(f"Belum dilaporkan untuk {paket.periode}.", 9.5, warna=ABU, tinggi=5)
    else:
        pdf.tabel(["No", "Kendala", "Tindak lanjut"],
                  [[str(i), x["kendala"], x["tindak_lanjut"]] for i, (_, x) in enumerate(ken.iterrows(), start=1)],
                  [10, 131, 132], ukuran=8.5)


def bagian_bidang(pdf, paket, kode_urusan: str, judul: str, png: bytes | None, tanpa_gambar: str | None) -> None:
    pdf.judul(judul, ukuran=15, sub=f"{paket.nama_pemda} · {paket.periode} · OPD yang kodenya mencakup bidang ini")
    anggota = paket.anggota_bidang(kode_urusan)
    ringkas = paket.ringkas_bidang(kode_urusan)
    if anggota.empty or ringkas is None:
        pdf.paragraf("Tidak ada OPD dalam bidang ini untuk filter yang dipilih.", 11)
        return
    y0 = pdf.get_y()
    bawah = g.gauge(pdf, pdf.l_margin + 5, y0 + 2, R_GAUGE, ringkas["capaian"], ringkas["kategori"], paket,
                    ket=f"capaian bidang, rata-rata {int(ringkas['jumlah_opd_dinilai'])} OPD")
    pdf.set_xy(pdf.l_margin, bawah + 2)
    pdf.paragraf(f"OPD di bawah target: {int(ringkas['jumlah_opd_di_bawah_target'])} dari "
                 f"{int(ringkas['jumlah_opd'])} (capaian < {fmt.ambang(paket.ambang)})", 9, tinggi=4.6, lebar=76)
    bawah = max(pdf.get_y(), _kurva(pdf, paket, paket.anggaran_bidang_ini(kode_urusan), png, y0, tanpa_gambar))
    pdf.set_xy(pdf.l_margin, bawah + 3)
    pdf.tabel(["No", "OPD", "Nama OPD", "Capaian", "Kategori", f"Indikator < {fmt.angka_ringkas(paket.ambang)}%",
               "Realisasi keuangan", "Rencana kas"],
              [[str(i), nama(x), x["nama_opd"], fmt.persen(x["capaian"]),
                x["kategori"] if pd.notna(x["kategori"]) else fmt.NA,
                f"{int(x['jumlah_di_bawah_target'])} dari {int(x['jumlah_terhitung'])}",
                fmt.persen(x["persen_realisasi"]), fmt.persen(x["persen_rencana"])]
               for i, (_, x) in enumerate(anggota.iterrows(), start=1)],
              [10, 28, 85, 20, 30, 30, 35, 35], ukuran=9, kolom_kategori=4, rata_kanan={0, 3, 5, 6, 7})
