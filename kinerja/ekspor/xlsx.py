"""Paket rapat sebagai XLSX: satu lembar berformat per tabel.

Dibangun dengan kinerja.ekspor.unduhan.ke_xlsx (judul Indonesia, baris judul dibekukan,
filter otomatis, teks berawalan = + - @ tab CR dijadikan teks), lalu dirapikan:
format ribuan '#,##0' untuk rupiah, warna pita kategori dari skala database
(label kategori tetap tertulis di sel), dan lembar Ringkasan dengan poin penting.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from pathlib import Path

from openpyxl import load_workbook
from openpyxl.styles import Alignment, Font, PatternFill

from kinerja import format as fmt
from kinerja import skala
from kinerja.ekspor.unduhan import KOLOM_DI_BAWAH_TARGET, POLARITAS, Kolom, Lembar, ke_xlsx

FORMAT_RUPIAH = "#,##0"
FORMAT_PERSEN = "0.00"

# Lebar kolom dipilih agar setiap lembar muat selebar A4 melintang pada skala cetak paling kecil
# (unduhan.SKALA_CETAK_MIN); kolom teknis di akhir tidak dicetak (cetak=False).
KOLOM_PERINGKAT = {
    "peringkat": Kolom("Peringkat", "bulat", lebar=9),
    "singkatan": Kolom("OPD", lebar=13, bungkus=True),
    "nama_opd": Kolom("Nama OPD", lebar=26, bungkus=True),
    "capaian": Kolom("Capaian (%)", "persen", lebar=9),
    "kategori": Kolom("Kategori", lebar=15),
    "jumlah_indikator": Kolom("Jumlah indikator", "bulat", lebar=9),
    "jumlah_na": Kolom("Indikator n/a", "bulat", lebar=10),
    "peringkat_lalu": Kolom("Peringkat tahun lalu", "bulat", lebar=9),
    "persen_realisasi": Kolom("Realisasi keuangan (%)", "persen", lebar=10),
    "persen_rencana": Kolom("Rencana kas (%)", "persen", lebar=9),
    "deviasi": Kolom("Deviasi (poin)", "persen", lebar=9),
    # Rupiah per OPD tercetak di lembar Anggaran per bulan.
    "pagu": Kolom("Pagu (Rp)", "angka", lebar=17, cetak=False),
    "realisasi_kumulatif": Kolom("Realisasi (Rp)", "angka", lebar=17, cetak=False),
    "kode_opd": Kolom("Kode OPD", lebar=24, cetak=False),
}
KOLOM_INDIKATOR = {
    "singkatan": Kolom("OPD", lebar=13, bungkus=True),
    "indikator": Kolom("Indikator", lebar=38, bungkus=True),
    "satuan": Kolom("Satuan", lebar=10, bungkus=True),
    "polaritas": Kolom("Polaritas", lebar=12, bungkus=True, peta=POLARITAS),
    "target": Kolom("Target", "angka", lebar=9),
    "target_atas": Kolom("Target atas (rentang)", "angka", lebar=9),
    "realisasi": Kolom("Realisasi", "angka", lebar=10),
    "capaian": Kolom("Capaian (%)", "persen", lebar=9),
    "capaian_dibatasi": Kolom("Capaian dibatasi (%)", "persen", lebar=9),
    "kategori": Kolom("Kategori", lebar=15),
    "nama_opd": Kolom("Nama OPD", lebar=32, cetak=False),
    "tingkat": Kolom("Tingkat", lebar=10, cetak=False),
    "indikator_id": Kolom("Kode indikator", lebar=12, cetak=False),
    "status": Kolom("Keterangan capaian", lebar=22, cetak=False),
}
KOLOM_ANGGARAN = {
    "singkatan": Kolom("OPD", lebar=13, bungkus=True),
    "bulan": Kolom("Bulan", "bulat", lebar=6),
    "nama_bulan": Kolom("Nama bulan", lebar=10),
    "pagu": Kolom("Pagu (Rp)", "angka", lebar=17),
    "rencana_kumulatif": Kolom("Rencana kas kumulatif (Rp)", "angka", lebar=17),
    "realisasi_kumulatif": Kolom("Realisasi kumulatif (Rp)", "angka", lebar=17),
    "persen_rencana": Kolom("Rencana kas (%)", "persen", lebar=9),
    "persen_realisasi": Kolom("Realisasi keuangan (%)", "persen", lebar=10),
    "deviasi": Kolom("Deviasi (poin)", "persen", lebar=9),
    "realisasi_fisik": Kolom("Realisasi fisik (%)", "persen", lebar=9),
    "nama_opd": Kolom("Nama OPD", lebar=36, cetak=False),
}
KOLOM_KENDALA = {
    "singkatan": Kolom("OPD", lebar=13, bungkus=True),
    "capaian": Kolom("Capaian OPD (%)", "persen", lebar=9),
    "kategori": Kolom("Kategori", lebar=15),
    "urutan": Kolom("No", "bulat", lebar=5),
    "kendala": Kolom("Kendala", lebar=40, bungkus=True),
    "tindak_lanjut": Kolom("Tindak lanjut", lebar=40, bungkus=True),
    "nama_opd": Kolom("Nama OPD", lebar=36, cetak=False),
}
# Kendala dan tindak lanjut ada di lembar Kendala: di sini tidak diulang per indikator.
KOLOM_DI_BAWAH_TARGET_PAKET = {k: v for k, v in KOLOM_DI_BAWAH_TARGET.items()
                               if k not in ("kendala", "tindak_lanjut")}
# Nilai berjenis "angka": angka tetap angka (formatnya per butir, FORMAT_BUTIR), teks tetap teks.
KOLOM_RINGKASAN = {"butir": Kolom("Butir", lebar=30, bungkus=True),
                   "nilai": Kolom("Nilai", "angka", lebar=75, bungkus=True),
                   "keterangan": Kolom("Keterangan", lebar=20, bungkus=True)}

NAMA_LEMBAR = ("Ringkasan", "Peringkat", "Di bawah target", "Indikator", "Anggaran per bulan", "Kendala")


# Format angka Excel per jenis butir ringkasan: persen disimpan 0-100 (bukan pecahan), jadi '%'
# ditulis sebagai teks format, tidak dikalikan 100.
FORMAT_BUTIR = {"persen": '0.0"%"', "poin": '+0.0" poin";-0.0" poin";0.0" poin"', "bulat": "0",
                "rupiah": FORMAT_RUPIAH}


@dataclass(frozen=True)
class Butir:
    """Satu butir ringkasan: nilai (angka bila jenisnya bukan 'teks') untuk sel XLSX, keterangan
    di sebelahnya, dan teks utuhnya untuk PDF."""
    butir: str
    nilai: object
    jenis: str = "teks"
    keterangan: str = ""
    teks: str = ""


def butir_ringkasan(paket) -> list[Butir]:
    """Butir ringkasan paket: satu sumber untuk lembar Ringkasan XLSX dan tabel ringkasan PDF."""
    k, a = paket.kinerja or {}, paket.anggaran
    b = [Butir("Pemerintah daerah", paket.nama_pemda, teks=paket.nama_pemda),
         Butir("Periode", paket.periode, teks=paket.periode),
         Butir("Cakupan", paket.cakupan, teks=paket.cakupan)]
    if k:
        kategori = k.get("kategori") or fmt.NA
        b += [Butir("Capaian kinerja rata-rata (%)", k.get("capaian"), "persen", kategori,
                    f"{fmt.persen(k.get('capaian'))} ({kategori})"),
              Butir("OPD dinilai", int(k["jumlah_opd_dinilai"]), "bulat", f"dari {int(k['jumlah_opd'])} OPD",
                    f"{int(k['jumlah_opd_dinilai'])} dari {int(k['jumlah_opd'])}"),
              Butir(f"OPD di bawah target (< {fmt.ambang(paket.ambang)})", int(k["jumlah_opd_di_bawah_target"]),
                    "bulat", teks=str(int(k["jumlah_opd_di_bawah_target"]))),
              Butir("Indikator target perlu ditinjau", int(k["jumlah_perlu_ditinjau"]), "bulat",
                    teks=str(int(k["jumlah_perlu_ditinjau"])))]
    else:
        b.append(Butir("Capaian kinerja", f"Belum ada data capaian untuk {paket.periode}.",
                       teks=f"Belum ada data capaian untuk {paket.periode}."))
    if a:
        bulan = fmt.bulan(int(a["bulan"]))
        b += [Butir(f"Pagu s.d. {bulan} (Rp)", a["pagu"], "rupiah", teks=fmt.rupiah_penuh(a["pagu"])),
              Butir(f"Realisasi keuangan s.d. {bulan} (Rp)", a["realisasi_kumulatif"], "rupiah",
                    f"{fmt.persen(a['persen_realisasi'])} dari pagu",
                    f"{fmt.rupiah_penuh(a['realisasi_kumulatif'])} ({fmt.persen(a['persen_realisasi'])}); "
                    f"rencana kas {fmt.persen(a['persen_rencana'])}, deviasi {fmt.poin(a['deviasi'])}"),
              Butir(f"Realisasi keuangan s.d. {bulan} (%)", a["persen_realisasi"], "persen", "dari pagu"),
              Butir(f"Rencana kas s.d. {bulan} (%)", a["persen_rencana"], "persen", "dari pagu"),
              Butir("Deviasi realisasi terhadap rencana kas", a["deviasi"], "poin"),
              Butir(f"Realisasi fisik s.d. {bulan} (%)", a.get("realisasi_fisik"), "persen", "dibobot pagu",
                    fmt.persen(a.get("realisasi_fisik")))]
    else:
        b.append(Butir("Anggaran", f"Belum ada data anggaran untuk {paket.tahun}.",
                       teks=f"Belum ada data anggaran untuk {paket.tahun}."))
    return b


def baris_ringkasan(paket) -> list[tuple[str, str]]:
    """Butir ringkasan sebagai teks untuk PDF (butir yang hanya memecah angka untuk XLSX
    sudah termuat dalam teks butir lain)."""
    return [(b.butir.removesuffix(" (%)").removesuffix(" (Rp)"), b.teks) for b in butir_ringkasan(paket) if b.teks]


def lembar_paket(paket) -> list[Lembar]:
    import pandas as pd

    ringkasan = [(b.butir, b.nilai, b.keterangan) for b in butir_ringkasan(paket)]
    teks = [(f"Poin penting {i}", p.teks) for i, p in enumerate(paket.poin, start=1)]
    teks += [("Sumber", "target dan realisasi indikator kinerja OPD; LRA dan RAK per OPD; "
                             "kendala dan tindak lanjut yang dilaporkan OPD"),
                  ("Data", paket.data_per),
                  ("Skala kategori", skala.legenda(paket.pita, paket.batas_atas, "; ")),
                  ("Capaian", f"rata-rata capaian indikator, tiap indikator dibatasi "
                              f"{fmt.persen(paket.batas_atas, 0)}; di bawah target = capaian < "
                              f"{fmt.ambang(paket.ambang)}")]
    ringkasan += [(butir, nilai, "") for butir, nilai in teks]
    ang = paket.anggaran_bulanan.copy()
    ang["nama_bulan"] = [fmt.bulan(int(b)) for b in ang["bulan"]]
    return [
        Lembar("Ringkasan", pd.DataFrame(ringkasan, columns=["butir", "nilai", "keterangan"]), KOLOM_RINGKASAN),
        Lembar("Peringkat", paket.peringkat, KOLOM_PERINGKAT),
        Lembar("Di bawah target", paket.di_bawah_target, KOLOM_DI_BAWAH_TARGET_PAKET),
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
    kiri = Alignment(horizontal="left", vertical="top", wrap_text=True)
    for i, b in enumerate(butir_ringkasan(paket), start=2):
        sel = ws.cell(i, 2)
        if b.jenis in FORMAT_BUTIR and isinstance(sel.value, (int, float)):
            sel.number_format = FORMAT_BUTIR[b.jenis]
            sel.alignment = kiri


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
