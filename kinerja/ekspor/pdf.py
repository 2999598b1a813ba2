"""Paket rapat sebagai PDF (fpdf2), A4 mendatar, siap cetak.

Tabel memakai FPDF.table: pindah halaman otomatis dengan baris judul diulang, teks
panjang dibungkus di dalam sel (tidak terpotong). Grafik peringkat disisipkan
sebagai gambar hanya bila pengekspor Plotly (kinerja.ekspor.gambar) berhasil;
bila tidak, tabel peringkat tetap ada dan catatan menyebut yang tidak dimuat.
"""

from __future__ import annotations

import io
import re
from pathlib import Path

import pandas as pd
from fpdf import FPDF
from fpdf.fonts import FontFace

from kinerja import format as fmt
from kinerja.ekspor import gambar as gbr
from kinerja.ekspor.xlsx import baris_ringkasan

HURUF_DIR = Path("/usr/share/fonts/truetype/dejavu")
_TERLARANG = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


def _t(x) -> str:
    if x is None or (isinstance(x, float) and pd.isna(x)) or x is pd.NA:
        return "-"
    return _TERLARANG.sub("", str(x)).replace("\t", " ")


def _rgb(hexa: str) -> tuple[int, int, int]:
    h = hexa.lstrip("#")
    return tuple(int(h[i:i + 2], 16) for i in (0, 2, 4))


class _PDF(FPDF):
    def __init__(self, paket):
        super().__init__(orientation="L", unit="mm", format="A4")
        self.paket = paket
        self.set_auto_page_break(True, margin=15)
        self.set_margins(12, 12, 12)
        if (HURUF_DIR / "DejaVuSans.ttf").exists():
            self.add_font("Huruf", "", str(HURUF_DIR / "DejaVuSans.ttf"))
            self.add_font("Huruf", "B", str(HURUF_DIR / "DejaVuSans-Bold.ttf"))
            self.huruf, self.unicode = "Huruf", True
        else:  # cadangan: huruf inti PDF (latin-1)
            self.huruf, self.unicode = "helvetica", False
        self.set_title(f"Rapat Evaluasi Kinerja OPD {paket.nama_pemda} {paket.periode}")
        self.set_creator("Dasbor Kinerja OPD")

    def teks(self, x) -> str:
        s = _t(x)
        if not self.unicode:
            s = s.replace("≥", ">=").replace("–", "-").replace("…", "...").replace("•", "-")
            s = s.encode("latin-1", "replace").decode("latin-1")
        return s

    def footer(self):
        self.set_y(-11)
        self.set_font(self.huruf, "", 8)
        self.set_text_color(90, 90, 90)
        self.cell(0, 5, self.teks(f"{self.paket.nama_pemda} · {self.paket.periode} · {self.paket.data_per}"
                                  f" · halaman {self.page_no()}/{{nb}}"), align="C")
        self.set_text_color(0, 0, 0)

    def judul(self, teks: str, ukuran=16, baru=True):
        if baru:
            self.add_page()
        self.set_font(self.huruf, "B", ukuran)
        self.multi_cell(0, ukuran * 0.5, self.teks(teks), new_x="LMARGIN", new_y="NEXT")
        self.set_font(self.huruf, "", 10)
        self.set_text_color(80, 80, 80)
        self.multi_cell(0, 5, self.teks(f"{self.paket.nama_pemda} · {self.paket.periode} · {self.paket.cakupan}"),
                        new_x="LMARGIN", new_y="NEXT")
        self.set_text_color(0, 0, 0)
        self.ln(2)

    def tabel(self, judul_kolom: list[str], baris: list[list], lebar: list[float], ukuran=9,
              kolom_kategori: int | None = None, rata_kanan: set[int] = frozenset()):
        self.set_font(self.huruf, "", ukuran)
        kepala = FontFace(emphasis="BOLD", fill_color=(221, 227, 234))
        with self.table(col_widths=tuple(lebar), headings_style=kepala, repeat_headings=1,
                        line_height=ukuran * 0.5, text_align="LEFT", padding=1) as t:
            r = t.row()
            for j in judul_kolom:
                r.cell(self.teks(j))
            for b in baris:
                r = t.row()
                for j, nilai in enumerate(b):
                    gaya = None
                    if kolom_kategori is not None and j == kolom_kategori:
                        w = self.paket.warna_kategori(nilai)
                        if w:
                            gaya = FontFace(fill_color=_rgb(w[0]), color=_rgb(w[1]), emphasis="BOLD")
                    r.cell(self.teks(nilai), style=gaya, align="RIGHT" if j in rata_kanan else None)
        self.ln(3)


def _nama(r) -> str:
    s = r["singkatan"]
    return str(s) if isinstance(s, str) and s else str(r["nama_opd"])


def _peringkat(x) -> str:
    return str(int(x)) if pd.notna(x) else "-"


def tulis_pdf(paket, path: str | Path, gambar: bool = True) -> list[str]:
    """Tulis PDF; kembalikan catatan tentang isi yang tidak dimuat."""
    catatan: list[str] = []
    pdf = _PDF(paket)

    # 1. Sampul dan ringkasan.
    pdf.add_page()
    pdf.set_font(pdf.huruf, "B", 24)
    pdf.multi_cell(0, 12, pdf.teks(f"Rapat Evaluasi Kinerja OPD — {paket.nama_pemda} · {paket.periode}"),
                   new_x="LMARGIN", new_y="NEXT")
    pdf.set_font(pdf.huruf, "", 11)
    pdf.multi_cell(0, 6, pdf.teks(f"{paket.cakupan} · {paket.data_per} · dibuat {fmt.tanggal(paket.dibuat)}"),
                   new_x="LMARGIN", new_y="NEXT")
    pdf.ln(3)
    pdf.set_font(pdf.huruf, "B", 14)
    pdf.cell(0, 8, "Poin penting", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font(pdf.huruf, "", 12)
    for p in paket.poin or []:
        pdf.multi_cell(0, 6.5, pdf.teks(f"• {p.teks}"), new_x="LMARGIN", new_y="NEXT")
        pdf.ln(1)
    if not paket.poin:
        pdf.multi_cell(0, 6.5, pdf.teks(f"Belum ada data capaian kinerja untuk {paket.periode}."),
                       new_x="LMARGIN", new_y="NEXT")
    pdf.ln(3)
    pdf.tabel(["Ringkasan", "Nilai"], [list(b) for b in baris_ringkasan(paket)], [80, 193], ukuran=10)
    pdf.set_font(pdf.huruf, "", 9)
    pdf.multi_cell(0, 5, pdf.teks("Kategori (skala aktif): " + "; ".join(
        f"{p.label} ≥ {fmt.angka(p.batas_bawah)}%" for p in paket.pita)), new_x="LMARGIN", new_y="NEXT")

    # 2. Peringkat: grafik (bila pengekspor gambar ada) dan tabel.
    df = paket.peringkat
    pdf.judul(f"Peringkat OPD menurut capaian kinerja · {paket.periode}")
    if gambar and not df.empty:
        png = _gambar_peringkat(paket)
        if png:
            from PIL import Image

            lebar_px, tinggi_px = Image.open(io.BytesIO(png)).size
            sisa = pdf.h - pdf.b_margin - pdf.get_y() - 2
            w = min(pdf.epw, sisa * lebar_px / tinggi_px)   # muat utuh di sisa halaman
            pdf.image(io.BytesIO(png), x=pdf.l_margin + (pdf.epw - w) / 2, w=w)
            pdf.add_page()
        else:
            catatan.append(f"Grafik peringkat tidak dimuat sebagai gambar ({gbr.alasan_terakhir()}); "
                           "tabel peringkat tetap ada.")
    elif not gambar:
        catatan.append("Grafik peringkat tidak dimuat (gambar dimatikan); tabel peringkat tetap ada.")
    if df.empty:
        pdf.multi_cell(0, 6, "Tidak ada OPD dengan data pada periode ini.", new_x="LMARGIN", new_y="NEXT")
    else:
        pdf.tabel(["Peringkat", "OPD", "Nama OPD", "Capaian", "Kategori", "Realisasi keuangan",
                   "Rencana kas", "Pagu", "Peringkat thn lalu"],
                  [[_peringkat(r["peringkat"]), _nama(r), r["nama_opd"], fmt.persen(r["capaian"]),
                    r["kategori"] if pd.notna(r["kategori"]) else fmt.NA, fmt.persen(r["persen_realisasi"]),
                    fmt.persen(r["persen_rencana"]), fmt.rupiah(r["pagu"]), _peringkat(r["peringkat_lalu"])]
                   for _, r in df.iterrows()],
                  [18, 26, 75, 20, 28, 26, 22, 30, 28], kolom_kategori=4, rata_kanan={0, 3, 5, 6, 7, 8})

    # 3. Di bawah target.
    d = paket.di_bawah_target
    pdf.judul(f"Indikator di bawah target (capaian < {fmt.persen(paket.ambang, 0)})")
    if d.empty:
        pdf.multi_cell(0, 6, "Tidak ada indikator di bawah target pada periode ini.", new_x="LMARGIN", new_y="NEXT")
    else:
        pdf.tabel(["OPD", "Capaian OPD", "Indikator", "Satuan", "Target", "Realisasi", "Capaian", "Kategori"],
                  [[_nama(r), fmt.persen(r["capaian_opd"]), r["indikator"], r["satuan"],
                    fmt.angka(r["target"], 2) if pd.notna(r["target"]) else fmt.NA,
                    fmt.angka(r["realisasi"], 2) if pd.notna(r["realisasi"]) else fmt.NA,
                    fmt.persen(r["capaian"]), r["kategori"] if pd.notna(r["kategori"]) else fmt.NA]
                   for _, r in d.iterrows()],
                  [28, 22, 100, 25, 22, 22, 22, 32], kolom_kategori=7, rata_kanan={1, 4, 5, 6})

    # 4. Kendala dan tindak lanjut.
    k = paket.kendala
    pdf.judul("Kendala dan tindak lanjut")
    if k.empty:
        pdf.multi_cell(0, 6, "Belum ada kendala yang dilaporkan untuk periode ini.", new_x="LMARGIN", new_y="NEXT")
    else:
        pdf.tabel(["OPD", "Capaian", "Kategori", "Kendala", "Tindak lanjut"],
                  [[_nama(r), fmt.persen(r["capaian"]), r["kategori"] if pd.notna(r["kategori"]) else fmt.NA,
                    r["kendala"], r["tindak_lanjut"]] for _, r in k.iterrows()],
                  [28, 20, 28, 100, 97], kolom_kategori=2, rata_kanan={1})

    # 5. Anggaran per OPD per bulan.
    a = paket.anggaran_bulanan
    pdf.judul(f"Anggaran per OPD per bulan · {paket.tahun} (s.d. {fmt.TRIWULAN[paket.triwulan]})")
    if a.empty:
        pdf.multi_cell(0, 6, f"Belum ada data anggaran untuk {paket.tahun}.", new_x="LMARGIN", new_y="NEXT")
    else:
        pdf.tabel(["OPD", "Bulan", "Pagu (Rp)", "Rencana kas (Rp)", "Realisasi (Rp)", "Rencana kas",
                   "Realisasi", "Deviasi", "Fisik"],
                  [[_nama(r), fmt.bulan(int(r["bulan"])), fmt.angka(r["pagu"]), fmt.angka(r["rencana_kumulatif"]),
                    fmt.angka(r["realisasi_kumulatif"]), fmt.persen(r["persen_rencana"]),
                    fmt.persen(r["persen_realisasi"]), fmt.poin(r["deviasi"]), fmt.persen(r["realisasi_fisik"])]
                   for _, r in a.iterrows()],
                  [30, 24, 40, 40, 40, 24, 24, 26, 25], ukuran=8, rata_kanan={2, 3, 4, 5, 6, 7, 8})

    # 6. Semua indikator.
    i = paket.indikator
    pdf.judul(f"Semua indikator · {paket.periode}")
    if i.empty:
        pdf.multi_cell(0, 6, "Tidak ada indikator pada periode ini.", new_x="LMARGIN", new_y="NEXT")
    else:
        pdf.tabel(["OPD", "Indikator", "Satuan", "Target", "Realisasi", "Capaian", "Kategori", "Keterangan"],
                  [[_nama(r), r["indikator"], r["satuan"],
                    fmt.angka(r["target"], 2) if pd.notna(r["target"]) else fmt.NA,
                    fmt.angka(r["realisasi"], 2) if pd.notna(r["realisasi"]) else fmt.NA,
                    fmt.persen(r["capaian"]), r["kategori"] if pd.notna(r["kategori"]) else fmt.NA,
                    r["status"] if pd.notna(r["status"]) else ""]
                   for _, r in i.iterrows()],
                  [26, 100, 24, 22, 22, 20, 28, 31], ukuran=8, kolom_kategori=6, rata_kanan={3, 4, 5})

    if catatan:
        pdf.judul("Catatan ekspor", ukuran=12)
        pdf.set_font(pdf.huruf, "", 10)
        for c in catatan:
            pdf.multi_cell(0, 5.5, pdf.teks(f"• {c}"), new_x="LMARGIN", new_y="NEXT")
    pdf.output(str(path))
    return catatan


def _gambar_peringkat(paket) -> bytes | None:
    from kinerja.grafik_peringkat import batang_peringkat, teks_perubahan

    df = paket.peringkat.assign(
        perubahan=[teks_perubahan(p, q) for p, q in zip(paket.peringkat["peringkat"],
                                                        paket.peringkat["peringkat_lalu"])])
    try:
        fig = batang_peringkat(
            df, paket.pita, f"Peringkat OPD menurut capaian kinerja · {paket.periode}",
            f"{len(df)} OPD · warna dan label = kategori", ambang=paket.ambang,
            batas_atas=paket.batas_atas, satuan="%", judul_sumbu="Capaian kinerja (%)",
            judul_perubahan=f"vs {paket.pembanding}")
    except Exception as e:  # grafik tidak dapat disusun: tabel tetap ada
        gbr._alasan = f"grafik tidak dapat disusun: {type(e).__name__}"
        return None
    return gbr.ke_png(fig, lebar=1600)
