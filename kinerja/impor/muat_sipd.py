"""Memuat ekspor SIPD (LRA "Rekapitulasi Belanja" dan RAK) ke database.

Pengurai (sipd_lra, sipd_rak) hanya membaca berkas; modul ini memutuskan ke pemda
mana data masuk, mencocokkan kode OPD, mengubah angka bulanan menjadi kumulatif,
lalu menulis semuanya dalam satu transaksi bersama catatan di log_impor.
"""

from __future__ import annotations

from pathlib import Path

import duckdb
import pandas as pd

from kinerja import db, wilayah
from kinerja import format as fmt
from kinerja.format import BULAN
from kinerja.impor.masalah import ImporGagal, Masalah
from kinerja.impor.muat import HasilImpor, Rencana, rencanakan, sidik_berkas
from kinerja.kode import bidang_dari_kode_opd


def pilih_pemda(con, nama_di_berkas: str | None, kode_pemda: str | None, berkas: str) -> tuple[str, list[str]]:
    """Pemda tujuan: yang diminta, yang namanya cocok dengan judul berkas, atau satu-satunya
    di database. Ditolak bila pemda itu fiktif (demo) atau judul berkas menyebut pemda lain:
    data satu pemda tidak pernah masuk ke pemda lain."""
    from kinerja.basisdata.demo import PETUNJUK_BARU, kode_pemda_demo

    pemda = db.kueri(con, "impor/pemda_semua")
    nama = dict(zip(pemda["kode_pemda"], pemda["nama_pemda"]))
    kode = list(nama)
    catatan: list[str] = []
    if kode_pemda:
        if kode_pemda not in nama:
            raise ImporGagal([Masalah(berkas, "", None, "pemda", kode_pemda,
                                      f"pemda tidak ada di database; pilihan: {', '.join(kode) or '-'}")])
        tujuan = kode_pemda
    else:
        cocok = [k for k in kode if nama_di_berkas and wilayah.nama_cocok(nama_di_berkas, k, nama[k])]
        if len(cocok) == 1:
            tujuan = cocok[0]
        elif len(kode) == 1:
            tujuan = kode[0]
        else:
            raise ImporGagal([Masalah(berkas, "", 1, "pemda", nama_di_berkas or "",
                                      "tidak dapat menentukan pemda tujuan; sebutkan dengan --pemda KODE "
                                      f"(pilihan: {', '.join(kode) or 'belum ada pemda'})")])
    if tujuan in kode_pemda_demo():
        w = wilayah.cari_nama(nama_di_berkas)
        saran = (f"Buat database untuk {w.nama} dengan: python -m kinerja baru --db BERKAS --pemda {w.kode}, "
                 "lalu impor ke sana." if w else PETUNJUK_BARU)
        raise ImporGagal([Masalah(berkas, "", 1, "pemda", nama_di_berkas or "",
                                  f"ekspor SIPD berisi data pemda nyata, sedangkan database ini adalah demo fiktif "
                                  f"{nama[tujuan]} ({tujuan}); tidak dimuat agar data nyata tidak bercampur "
                                  f"dengan demo. {saran}")])
    if nama_di_berkas and not wilayah.nama_cocok(nama_di_berkas, tujuan, nama[tujuan]):
        w = wilayah.cari_nama(nama_di_berkas)
        raise ImporGagal([Masalah(berkas, "", 1, "pemda", nama_di_berkas,
                                  f"berkas ini untuk {nama_di_berkas}"
                                  + (f" ({w.kode})" if w else "")
                                  + f", bukan {nama[tujuan]} ({tujuan}); tidak dimuat. Impor ke database "
                                    "pemda itu (--db), atau sebutkan pemda yang sesuai dengan --pemda KODE "
                                    "bila database ini memuatnya")])
    if not nama_di_berkas:
        catatan.append(f"Judul berkas tidak menyebut pemda; dimuat ke {nama[tujuan]} ({tujuan}).")
    return tujuan, catatan


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


def siapkan_sipd(con: duckdb.DuckDBPyConnection, path: Path, jenis: str, *, tahun: int | None = None,
                 bulan: int | None = None, kumulatif: bool | None = None, buat_opd: bool = False,
                 kode_pemda: str | None = None, terima_turun: bool = False) -> Rencana:
    """Urai satu ekspor SIPD sekali, lalu periksa terhadap con. ImporGagal berisi semua masalah."""
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
    if hasil.masalah and hasil.opd.empty:
        raise ImporGagal(list(hasil.masalah))  # bukan ekspor SIPD yang terbaca: tidak ada yang dicocokkan
    nama, sha = sidik_berkas([Path(path)])

    def susun(c: duckdb.DuckDBPyConnection) -> tuple[dict, HasilImpor]:
        return _susun_sipd(c, hasil, jenis, berkas, nama, sha, tahun=tahun, bulan=bulan, kumulatif=kumulatif,
                           buat_opd=buat_opd, kode_pemda=kode_pemda, terima_turun=terima_turun)

    return rencanakan(con, susun)


def _susun_sipd(con, hasil, jenis: str, berkas: str, nama: str, sha: str, *, tahun, bulan, kumulatif,
                buat_opd, kode_pemda, terima_turun) -> tuple[dict, HasilImpor]:
    """Cocokkan hasil urai dengan database con: pemda tujuan, OPD, bulan sebelumnya, pagu."""
    # Semua masalah sekali jalan: angka yang tidak terbaca, tahun, pemda dan OPD yang belum
    # dikenal dilaporkan bersama, bukan bergiliran setelah yang pertama diperbaiki.
    masalah = list(hasil.masalah)
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
        catatan.extend(pagu_berbeda(con, rinci, "sipd-lra", kp, th, berkas, int(bulan)))
    else:
        catatan.append(_catatan_rak(hasil.bulan_tersedia, th))
        catatan.extend(pagu_berbeda(con, rinci, "sipd-rak", kp, th, berkas))
    catatan = catatan + hasil.catatan
    tabel = {"opd": opd_baru, ("lra" if jenis == "sipd-lra" else "rak"): rinci}
    info = HasilImpor(jenis, nama, sha,
                      {"opd baru": len(opd_baru), "baris rincian": len(rinci),
                       "OPD": int(rinci["kode_opd"].nunique())}, catatan)
    return tabel, info


def impor_sipd(con: duckdb.DuckDBPyConnection, path: Path, jenis: str, *, tahun: int | None = None,
               bulan: int | None = None, kumulatif: bool | None = None, buat_opd: bool = False,
               kode_pemda: str | None = None, dry_run: bool = False,
               pengguna: str | None = None, terima_turun: bool = False, asal: str | None = None) -> HasilImpor:
    """Validasi lalu muat satu ekspor SIPD (uji coba: dry_run). ImporGagal berisi semua masalah."""
    rencana = siapkan_sipd(con, path, jenis, tahun=tahun, bulan=bulan, kumulatif=kumulatif, buat_opd=buat_opd,
                           kode_pemda=kode_pemda, terima_turun=terima_turun)
    return rencana.info if dry_run else rencana.muat(con, pengguna, asal)


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


def _catatan_rak(bulan: list[int], tahun: int) -> str:
    """Awal catatan log sebuah impor RAK; tahunnya juga dipakai mencari berkas asal RAK."""
    return "RAK bulan " + ", ".join(BULAN[b - 1] for b in bulan) + f" {tahun}"


def pagu_berbeda(con, rinci: pd.DataFrame, jenis: str, kode_pemda: str, tahun: int, berkas: str,
                 bulan: int | None = None) -> list[str]:
    """Kalimat per OPD yang pagunya di berkas ini (LRA atau RAK) berbeda dari pagu sumber
    lain yang sudah dimuat untuk tahun yang sama. Tidak menolak: pagu LRA memang dapat
    berubah (pergeseran/perubahan APBD) sebelum RAK-nya diperbarui; kurva S menyebut pagu
    mana yang dipakai."""
    opd = rinci[rinci["tingkat"] == "opd"]
    nama = dict(zip(opd["kode_opd"], opd["uraian"]))
    if jenis == "sipd-lra":
        di_berkas = opd.groupby("kode_opd")["pagu"].sum()
        lain = db.kueri(con, "impor/pagu_rak_opd", kode_pemda=kode_pemda, tahun=tahun)
        pembanding = {r.kode_opd: (r.pagu, "RAK") for r in lain.itertuples()}
        asal = db.kueri_satu(con, "impor/berkas_rak_tahun", pola=f"RAK bulan % {tahun}%")
        label_ini, label_asal = f"LRA {BULAN[bulan - 1]} {tahun}", f"berkas {asal[0]}" if asal else "dimuat sebelumnya"
    else:
        di_berkas = opd.groupby("kode_opd")["pagu"].max()
        lain = db.kueri(con, "impor/pagu_lra_opd", kode_pemda=kode_pemda, tahun=tahun)
        terakhir = lain.sort_values("bulan").groupby("kode_opd").tail(1)
        pembanding = {r.kode_opd: (r.pagu, f"LRA {BULAN[r.bulan - 1]} {tahun}",
                                   r.bulan) for r in terakhir.itertuples()}
        label_ini, label_asal = f"RAK {tahun}", None
    hasil = []
    for kode, pagu in di_berkas.items():
        if kode not in pembanding or pd.isna(pagu) or pd.isna(pembanding[kode][0]):
            continue
        pagu_lain, sumber = pembanding[kode][0], pembanding[kode][1]
        if abs(pagu - pagu_lain) < 1:  # selisih di bawah Rp 1: pembulatan
            continue
        if label_asal is None:
            asal = _berkas_bulan(con, pembanding[kode][2], tahun)
        else:
            asal = label_asal
        hasil.append(f"pagu {nama.get(kode, kode)} ({kode}) berbeda: {label_ini} {fmt.rupiah_penuh(pagu)} "
                     f"({berkas}), {sumber} {fmt.rupiah_penuh(pagu_lain)} ({asal}); persen rencana dan "
                     "realisasi kurva S memakai pagu LRA pada bulan yang LRA-nya dimuat, dan pagu RAK pada "
                     "bulan lain")
    return hasil
