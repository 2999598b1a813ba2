"""Paket rapat sebagai XLSX: satu lembar berformat per tabel.

Dibangun dengan kinerja.unduhan.ke_xlsx (judul Indonesia, baris judul dibekukan,
filter otomatis, teks berawalan = + - @ tab CR dijadikan teks), lalu dirapikan:
format ribuan '#,##0' untuk rupiah, warna pita kategori dari skala database
(label kategori tetap tertulis di sel), dan lembar Ringkasan dengan poin penting.
"""

from __future__ import annotations

import io
from pathlib import Path

from openpyxl import load_workbook
from openpyxl.styles import Font, PatternFill

from kinerja import format as fmt
from kinerja import skala
from kinerja.unduhan import KOLOM_DI_BAWAH_TARGET, POLARITAS, Kolom, Lembar, ke_xlsx

FORMAT_RUPIAH = "#,##0"
FORMAT_PERSEN = "0.00"

KOLOM_PERINGKAT = {
    "peringkat": Kolom("Peringkat", "bulat", lebar=10),
    "singkatan": Kolom("OPD", lebar=14),
    "nama_opd": Kolom("Nama OPD", lebar=40, bungkus=True),
    "capaian": Kolom("Capaian (%)", "persen", lebar=12),
    "kategori": Kolom("Kategori", lebar=15),
    "jumlah_indikator": Kolom("Jumlah indikator", "bulat", lebar=10),
    "jumlah_na": Kolom("Indikator n/a", "bulat", lebar=10),
    "peringkat_lalu": Kolom("Peringkat tahun lalu", "bulat", lebar=12),
    "pagu": Kolom("Pagu (Rp)", "angka", lebar=20),
    "realisasi_kumulatif": Kolom("Realisasi (Rp)", "angka", lebar=20),
    "persen_realisasi": Kolom("Realisasi keuangan (%)", "persen", lebar=12),
    "persen_rencana": Kolom("Rencana kas (%)", "persen", lebar=12),
    "deviasi": Kolom("Deviasi (poin)", "persen", lebar=10),
    "kode_opd": Kolom("Kode OPD", lebar=24),
}
KOLOM_INDIKATOR = {
    "singkatan": Kolom("OPD", lebar=14),
    "nama_opd": Kolom("Nama OPD", lebar=32, bungkus=True),
    "indikator_id": Kolom("Kode indikator", lebar=12),
    "indikator": Kolom("Indikator", lebar=45, bungkus=True),
    "tingkat": Kolom("Tingkat", lebar=10),
    "satuan": Kolom("Satuan", lebar=12),
    "polaritas": Kolom("Polaritas", lebar=22, peta=POLARITAS),
    "target": Kolom("Target", "angka"),
    "target_atas": Kolom("Target atas (rentang)", "angka"),
    "realisasi": Kolom("Realisasi", "angka"),
    "capaian": Kolom("Capaian (%)", "persen"),
    "capaian_dibatasi": Kolom("Capaian dibatasi (%)", "persen"),
    "kategori": Kolom("Kategori", lebar=15),
    "status": Kolom("Keterangan capaian", lebar=22),
}
KOLOM_ANGGARAN = {
    "singkatan": Kolom("OPD", lebar=14),
    "nama_opd": Kolom("Nama OPD", lebar=36, bungkus=True),
    "bulan": Kolom("Bulan", "bulat", lebar=7),
    "nama_bulan": Kolom("Nama bulan", lebar=11),
    "pagu": Kolom("Pagu (Rp)", "angka", lebar=20),
    "rencana_kumulatif": Kolom("Rencana kas kumulatif (Rp)", "angka", lebar=20),
    "realisasi_kumulatif": Kolom("Realisasi kumulatif (Rp)", "angka", lebar=20),
    "persen_rencana": Kolom("Rencana kas (%)", "persen", lebar=12),
    "persen_realisasi": Kolom("Realisasi keuangan (%)", "persen", lebar=12),
    "deviasi": Kolom("Deviasi (poin)", "persen", lebar=10),
    "realisasi_fisik": Kolom("Realisasi fisik (%)", "persen", lebar=12),
}
KOLOM_KENDALA = {
    "singkatan": Kolom("OPD", lebar=14),
    "nama_opd": Kolom("Nama OPD", lebar=32, bungkus=True),
    "capaian": Kolom("Capaian OPD (%)", "persen", lebar=12),
    "kategori": Kolom("Kategori", lebar=15),
    "urutan": Kolom("No", "bulat", lebar=5),
    "kendala": Kolom("Kendala", lebar=60, bungkus=True),
    "tindak_lanjut": Kolom("Tindak lanjut", lebar=60, bungkus=True),
}
KOLOM_RINGKASAN = {"butir": Kolom("Butir", lebar=34, bungkus=True),
                   "nilai": Kolom("Nilai", lebar=110, bungkus=True)}

NAMA_LEMBAR = ("Ringkasan", "Peringkat", "Di bawah target", "Indikator", "Anggaran per bulan", "Kendala")


def baris_ringkasan(paket) -> list[tuple[str, str]]:
    """Butir ringkasan (teks Indonesia) yang juga dipakai PDF."""
    k, a = paket.kinerja or {}, paket.anggaran
    baris = [
        ("Pemerintah daerah", paket.nama_pemda),
        ("Periode", paket.periode),
        ("Cakupan", paket.cakupan),
        ("Capaian kinerja rata-rata", f"{fmt.persen(k.get('capaian'))} ({k.get('kategori') or fmt.NA})"),
        ("OPD dinilai", f"{int(k['jumlah_opd_dinilai'])} dari {int(k['jumlah_opd'])}" if k else fmt.NA),
        (f"OPD di bawah target (< {fmt.persen(paket.ambang, 0)})",
         str(int(k["jumlah_opd_di_bawah_target"])) if k else fmt.NA),
        ("Indikator target perlu ditinjau", str(int(k["jumlah_perlu_ditinjau"])) if k else fmt.NA),
    ]
    if a:
        bulan = fmt.bulan(int(a["bulan"]))
        baris += [
            (f"Pagu s.d. {bulan}", fmt.rupiah_penuh(a["pagu"])),
            (f"Realisasi keuangan s.d. {bulan}",
             f"{fmt.rupiah_penuh(a['realisasi_kumulatif'])} ({fmt.persen(a['persen_realisasi'])}); "
             f"rencana kas {fmt.persen(a['persen_rencana'])}, deviasi {fmt.poin(a['deviasi'])}"),
            (f"Realisasi fisik s.d. {bulan}", fmt.persen(a.get("realisasi_fisik"))),
        ]
    else:
        baris.append(("Anggaran", f"Belum ada data anggaran untuk {paket.tahun}."))
    return baris


def lembar_paket(paket) -> list[Lembar]:
    import pandas as pd

    ringkasan = baris_ringkasan(paket)
    ringkasan += [(f"Poin penting {i}", p.teks) for i, p in enumerate(paket.poin, start=1)]
    ringkasan += [("Sumber", "target dan realisasi indikator kinerja OPD; LRA dan RAK per OPD; "
                             "kendala dan tindak lanjut yang dilaporkan OPD"),
                  ("Data", paket.data_per),
                  ("Skala kategori", skala.legenda(paket.pita, paket.batas_atas, "; ")),
                  ("Capaian", f"rata-rata capaian indikator, tiap indikator dibatasi "
                              f"{fmt.persen(paket.batas_atas, 0)}; di bawah target = capaian < "
                              f"{fmt.persen(paket.ambang, 0)}")]
    ang = paket.anggaran_bulanan.copy()
    ang["nama_bulan"] = [fmt.bulan(int(b)) for b in ang["bulan"]]
    return [
        Lembar("Ringkasan", pd.DataFrame(ringkasan, columns=["butir", "nilai"]), KOLOM_RINGKASAN),
        Lembar("Peringkat", paket.peringkat, KOLOM_PERINGKAT),
        Lembar("Di bawah target", paket.di_bawah_target, KOLOM_DI_BAWAH_TARGET),
        Lembar("Indikator", paket.indikator, KOLOM_INDIKATOR),
        Lembar("Anggaran per bulan", ang, KOLOM_ANGGARAN),
        Lembar("Kendala", paket.kendala, KOLOM_KENDALA),
    ]


def _rapikan(wb, paket) -> None:
    warna = {p.label: p for p in paket.pita}
    for ws in wb.worksheets:
        judul = {c.column: str(c.value or "") for c in ws[1]}
        for kol, teks in judul.items():
            rupiah = "(Rp)" in teks
            kategori = teks.startswith("Kategori")
            if not (rupiah or kategori):
                continue
            for (sel,) in ws.iter_rows(min_row=2, min_col=kol, max_col=kol):
                if rupiah and isinstance(sel.value, (int, float)):
                    sel.number_format = FORMAT_RUPIAH
                elif kategori and sel.value in warna:
                    p = warna[sel.value]
                    sel.fill = PatternFill("solid", fgColor=p.warna.lstrip("#").upper())
                    sel.font = Font(color=p.warna_teks.lstrip("#").upper(), bold=True)
    ws = wb["Ringkasan"]
    ws.freeze_panes = "A2"
    for (sel,) in ws.iter_rows(min_row=2, max_col=1):
        sel.font = Font(bold=True)


def tulis_xlsx(paket, path: str | Path) -> None:
    isi = ke_xlsx(lembar_paket(paket), keterangan=[
        ("Pemerintah daerah", paket.nama_pemda), ("Periode", paket.periode),
        ("Cakupan", paket.cakupan), ("Data", paket.data_per),
        ("Dibuat", fmt.tanggal(paket.dibuat)),
    ])
    wb = load_workbook(io.BytesIO(isi))
    _rapikan(wb, paket)
    wb.properties.title = f"Paket rapat evaluasi kinerja {paket.nama_pemda} {paket.periode}"
    wb.save(str(path))
