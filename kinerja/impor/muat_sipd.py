"""Memuat ekspor SIPD (LRA "Rekapitulasi Belanja" dan RAK) ke database.

Pengurai (sipd_lra, sipd_rak) hanya membaca berkas; modul ini memutuskan ke pemda
mana data masuk, mencocokkan kode OPD, mengubah angka bulanan menjadi kumulatif,
lalu menulis semuanya dalam satu transaksi bersama catatan di log_impor.
"""

from __future__ import annotations

import re
from pathlib import Path

import duckdb
import pandas as pd

from kinerja import db
from kinerja import format as fmt
from kinerja.format import BULAN
from kinerja.impor.masalah import ImporGagal, Masalah
from kinerja.impor.muat import HasilImpor, catat_dan_simpan, sidik_berkas
from kinerja.kode import bidang_dari_kode_opd


def _nama_normal(nama: str | None) -> str:
    """'KAB. LAMPUNG SELATAN' dan 'Kabupaten Lampung Selatan' dianggap sama."""
    teks = (nama or "").lower()
    teks = re.sub(r"\bkab\b\.?", "kabupaten", teks)
    teks = re.sub(r"\bkota adm\b\.?", "kota", teks)
    return re.sub(r"[^a-z]+", " ", teks).strip()


def pilih_pemda(con, nama_di_berkas: str | None, kode_pemda: str | None, berkas: str) -> tuple[str, list[str]]:
    """Pemda tujuan: yang diminta, satu-satunya di database, atau yang namanya cocok."""
    pemda = db.kueri(con, "impor/pemda_semua")
    kode = list(pemda["kode_pemda"])
    catatan: list[str] = []
    if kode_pemda:
        if kode_pemda not in kode:
            raise ImporGagal([Masalah(berkas, "", None, "pemda", kode_pemda,
                                      f"pemda tidak ada di database; pilihan: {', '.join(kode) or '-'}")])
        return kode_pemda, catatan
    cocok = [k for k, n in zip(pemda["kode_pemda"], pemda["nama_pemda"])
             if nama_di_berkas and _nama_normal(n) == _nama_normal(nama_di_berkas)]
    if len(cocok) == 1:
        return cocok[0], catatan
    if len(kode) == 1:
        nama_db = pemda["nama_pemda"].iloc[0]
        if nama_di_berkas and _nama_normal(nama_db) != _nama_normal(nama_di_berkas):
            catatan.append(f"Berkas untuk '{nama_di_berkas}', dimuat ke satu-satunya pemda di database: "
                           f"{nama_db} ({kode[0]}).")
        return kode[0], catatan
    raise ImporGagal([Masalah(berkas, "", 1, "pemda", nama_di_berkas or "",
                              "tidak dapat menentukan pemda tujuan; sebutkan dengan --pemda KODE "
                              f"(pilihan: {', '.join(kode) or 'belum ada pemda, muat lembar pemda lebih dulu'})")])


def _opd_baru(con, kode_pemda: str, opd: pd.DataFrame, buat_opd: bool, berkas: str,
              lembar: str) -> tuple[pd.DataFrame, list[Masalah]]:
    """OPD dari berkas yang belum ada di database: dibuat (bila diizinkan) atau dilaporkan."""
    ada = db.kueri(con, "impor/referensi_opd")
    dikenal = set(ada.loc[ada["kode_pemda"] == kode_pemda, "kode_opd"])
    urusan = set(db.kueri(con, "impor/referensi_urusan")["kode_urusan"])
    baru, masalah = [], []
    for r in opd.drop_duplicates("kode_opd").itertuples():
        if r.kode_opd in dikenal:
            continue
        if not buat_opd:
            masalah.append(Masalah(berkas, lembar, int(r.baris), "Kode", r.kode_opd,
                                   f"OPD '{r.nama_opd}' belum terdaftar di pemda {kode_pemda}; periksa kodenya, "
                                   "atau setujui pembuatan OPD baru (--buat-opd / centang di halaman Kelola Data)"))
            continue
        bidang = bidang_dari_kode_opd(r.kode_opd)
        tak_dikenal = [b for b in bidang if b not in urusan]
        if not bidang or tak_dikenal:
            masalah.append(Masalah(berkas, lembar, int(r.baris), "Kode", r.kode_opd,
                                   f"bidang urusan {', '.join(tak_dikenal) or '-'} tidak ada di nomenklatur"))
            continue
        baru.append({"kode_pemda": kode_pemda, "kode_opd": r.kode_opd, "nama_opd": r.nama_opd,
                     "singkatan": None, "kode_urusan": bidang[0], "bidang": bidang, "_baris": int(r.baris)})
    return pd.DataFrame(baru, columns=["kode_pemda", "kode_opd", "nama_opd", "singkatan", "kode_urusan",
                                       "bidang", "_baris"]), masalah


def _tahun(hasil, tahun: int | None, berkas: str) -> int:
    if hasil.tahun is None:
        raise ImporGagal([Masalah(berkas, "", 1, None, None, "tahun anggaran tidak ditemukan di judul berkas")])
    if tahun is not None and tahun != hasil.tahun:
        raise ImporGagal([Masalah(berkas, "", 1, "tahun", str(hasil.tahun),
                                  f"berkas ini untuk tahun {hasil.tahun}, bukan {tahun} seperti yang diminta")])
    return hasil.tahun


def impor_sipd(con: duckdb.DuckDBPyConnection, path: Path, jenis: str, *, tahun: int | None = None,
               bulan: int | None = None, kumulatif: bool | None = None, buat_opd: bool = False,
               kode_pemda: str | None = None, dry_run: bool = False,
               pengguna: str | None = None, terima_turun: bool = False) -> HasilImpor:
    """Validasi lalu muat satu ekspor SIPD. ImporGagal berisi semua masalah."""
    from kinerja.impor.sipd_lra import baca_lra
    from kinerja.impor.sipd_rak import baca_rak

    berkas = Path(path).name
    if jenis == "sipd-lra":
        # Bulan dan sifat angka harus dinyatakan pengguna: tidak pernah ditebak.
        wajib = []
        if bulan is None or not 1 <= int(bulan) <= 12:
            wajib.append(Masalah(berkas, "", None, "bulan", "" if bulan is None else str(bulan),
                                 "sebutkan bulan data 1-12 (--bulan); nama bulan tidak diambil dari berkas"))
        if kumulatif is None:
            wajib.append(Masalah(berkas, "", None, "jenis angka", "",
                                 "nyatakan apakah angka realisasi kumulatif s.d. bulan itu (--kumulatif) "
                                 "atau bulan itu saja (--bulanan)"))
        if wajib:
            raise ImporGagal(wajib)
    hasil = baca_lra(Path(path)) if jenis == "sipd-lra" else baca_rak(Path(path))
    # Semua masalah sekali jalan: angka yang tidak terbaca, tahun, pemda dan OPD yang belum
    # dikenal dilaporkan bersama, bukan bergiliran setelah yang pertama diperbaiki.
    masalah = list(hasil.masalah)
    if masalah and hasil.opd.empty:
        raise ImporGagal(masalah)  # berkas tidak terbaca sebagai ekspor SIPD: tidak ada yang dicocokkan
    th = kp = None
    catatan: list[str] = []
    if hasil.tahun is not None or not masalah:  # tahun tak terbaca sudah dilaporkan pengurai
        try:
            th = _tahun(hasil, tahun, berkas)
        except ImporGagal as e:
            masalah.extend(e.masalah)
    try:
        kp, catatan = pilih_pemda(con, hasil.nama_pemda, kode_pemda, berkas)
    except ImporGagal as e:
        masalah.extend(e.masalah)
    opd_baru = None
    if kp is not None:
        lembar = str(hasil.opd["lembar"].iloc[0]) if "lembar" in hasil.opd and len(hasil.opd) else ""
        opd_baru, masalah_opd = _opd_baru(con, kp, hasil.opd, buat_opd, berkas, lembar)
        masalah.extend(masalah_opd)
    if masalah:
        raise ImporGagal(masalah)
    rinci = hasil.rinci.copy()
    rinci["kode_pemda"] = kp
    rinci["tahun"] = th
    if jenis == "sipd-lra":
        rinci["bulan"] = int(bulan)
        rinci = _jadikan_kumulatif(con, rinci, kp, th, int(bulan), kumulatif, berkas)
        turun = kumulatif_turun(con, rinci, kp, th, int(bulan), berkas)
        if turun and not terima_turun:
            raise ImporGagal([Masalah(berkas, "", None, "realisasi", "", t + PETUNJUK_TURUN) for t in turun])
        catatan.append(_catatan_lra(int(bulan), th) + f"({'kumulatif' if kumulatif else 'bulanan'}) "
                       "menggantikan data bulan yang sama")
        catatan.extend(f"dimuat atas konfirmasi pengguna walau realisasi kumulatif turun: {t}" for t in turun)
    else:
        catatan.append("RAK bulan " + ", ".join(BULAN[b - 1] for b in hasil.bulan_tersedia) + f" {th}")
    catatan = catatan + hasil.catatan
    nama, sha = sidik_berkas([Path(path)])
    tabel = {"opd": opd_baru, ("lra" if jenis == "sipd-lra" else "rak"): rinci}
    info = HasilImpor(jenis, nama, sha,
                      {"opd baru": len(opd_baru), "baris rincian": len(rinci),
                       "OPD": int(rinci["kode_opd"].nunique())}, catatan)
    if not dry_run:
        catat_dan_simpan(con, tabel, info, pengguna)
    return info


def _jadikan_kumulatif(con, rinci: pd.DataFrame, kode_pemda: str, tahun: int, bulan: int,
                       kumulatif: bool, berkas: str) -> pd.DataFrame:
    """Realisasi disimpan kumulatif. Angka bulanan ditambah kumulatif bulan sebelumnya."""
    rinci = rinci.rename(columns={"realisasi": "realisasi_kumulatif"})
    if kumulatif or bulan == 1:
        return rinci
    lalu = db.kueri(con, "impor/lra_bulan_sebelumnya", kode_pemda=kode_pemda, tahun=tahun, bulan=bulan - 1)
    opd_lalu = set(lalu["kode_opd"])
    kurang = sorted(set(rinci["kode_opd"]) - opd_lalu)
    if kurang:
        raise ImporGagal([Masalah(berkas, "", None, "bulan", str(bulan),
                                  f"angka bulanan memerlukan LRA {BULAN[bulan - 2]} {tahun} yang belum dimuat "
                                  f"untuk OPD {', '.join(kurang)}; muat bulan sebelumnya lebih dulu "
                                  "atau gunakan ekspor kumulatif (--kumulatif)")])
    gabung = rinci.merge(lalu.rename(columns={"realisasi_kumulatif": "_lalu"}),
                         on=["kode_opd", "kode", "kelompok"], how="left")
    gabung["realisasi_kumulatif"] = gabung["realisasi_kumulatif"] + gabung["_lalu"].fillna(0)
    return gabung.drop(columns="_lalu")


# Realisasi kumulatif tidak turun dari bulan ke bulan (DOMAIN.md). Bila turun, hampir selalu
# berkas berisi angka bulanan yang dimuat sebagai kumulatif, atau bulannya salah.
PETUNJUK_TURUN = (". Apakah berkas ini berisi angka bulan itu saja (--bulanan), atau bulannya salah? "
                  "Bila angkanya memang benar (koreksi), muat dengan --terima-turun "
                  "(di halaman Kelola Data: centang konfirmasinya); log impor mencatatnya.")


def _catatan_lra(bulan: int, tahun: int) -> str:
    """Awal catatan log sebuah impor LRA; juga dipakai mencari berkas asal bulan itu."""
    return f"LRA {BULAN[bulan - 1]} {tahun} "


def _berkas_bulan(con, bulan: int, tahun: int) -> str:
    baris = db.kueri_satu(con, "impor/berkas_lra_bulan", pola=_catatan_lra(bulan, tahun) + "(%")
    return f"berkas {baris[0]}" if baris else "berkas yang dimuat sebelumnya"


def kumulatif_turun(con, rinci: pd.DataFrame, kode_pemda: str, tahun: int, bulan: int,
                    berkas: str) -> list[str]:
    """Kalimat per OPD yang realisasi kumulatifnya di bulan ini lebih rendah dari bulan
    dimuat sebelumnya, atau lebih tinggi dari bulan dimuat sesudahnya."""
    baru = rinci[rinci["tingkat"] == "opd"].groupby("kode_opd")["realisasi_kumulatif"].sum()
    lain = db.kueri(con, "impor/lra_kumulatif_opd", kode_pemda=kode_pemda, tahun=tahun, bulan=bulan)
    baris_opd = rinci[rinci["tingkat"] == "opd"]
    nama = dict(zip(baris_opd["kode_opd"], baris_opd["uraian"]))
    hasil = []
    for kode, nilai in baru.items():
        bulan_opd = lain[lain["kode_opd"] == kode]
        sebelum = bulan_opd[bulan_opd["bulan"] < bulan].sort_values("bulan").tail(1)
        sesudah = bulan_opd[bulan_opd["bulan"] > bulan].sort_values("bulan").head(1)
        label = f"{nama.get(kode, kode)} ({kode})"
        for r in sebelum.itertuples():
            if nilai < r.realisasi:
                hasil.append(
                    f"{label}: realisasi kumulatif {BULAN[bulan - 1]} {tahun} {fmt.rupiah_penuh(nilai)} "
                    f"({berkas}) lebih rendah dari {BULAN[r.bulan - 1]} {fmt.rupiah_penuh(r.realisasi)} "
                    f"({_berkas_bulan(con, r.bulan, tahun)})")
        for r in sesudah.itertuples():
            if nilai > r.realisasi:
                hasil.append(
                    f"{label}: realisasi kumulatif {BULAN[bulan - 1]} {tahun} {fmt.rupiah_penuh(nilai)} "
                    f"({berkas}) lebih tinggi dari {BULAN[r.bulan - 1]} {fmt.rupiah_penuh(r.realisasi)} "
                    f"yang sudah dimuat ({_berkas_bulan(con, r.bulan, tahun)})")
    return hasil
