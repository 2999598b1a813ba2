"""Di Bawah Target: OPD dan indikator di bawah ambang, kendala dan tindak lanjutnya.

Ambang dipilih pengguna: capaian di bawah angka tertentu (bawaan dari pengaturan
ambang_di_bawah_target) atau kategori tertentu dan yang lebih rendah (pita dari
skala_kategori). Keduanya terikat ke URL (?ambang=95 atau ?kategori=Sedang).
Perbandingan dilakukan di SQL dengan parameter terikat.

Definisi hitungan (juga ditulis di halaman):
- OPD didaftar bila punya sedikitnya satu indikator di bawah ambang; urut capaian
  OPD terendah dulu.
- Kepala "x dari y OPD": OPD yang capaian OPD-nya (rata-rata indikator, dibatasi)
  di bawah ambang, dari semua OPD dalam filter yang punya data pada periode itu.
"""

import math
from datetime import datetime

import pandas as pd
import streamlit as st

from kinerja import format as fmt
from kinerja.ekspor import unduhan
from kinerja.skala import pita_berlabel, pita_dari
from kinerja.akses.peran import EKSPOR
from kinerja.ui import sesi, url
from kinerja.ui.data import kueri
from kinerja.ui.data import pengaturan as baca_pengaturan
from kinerja.ui.kerangka import mulai_halaman
from kinerja.ui.komponen import data_per, kaki

JUDUL = "OPD di Bawah Target"
SUMBER = "target dan realisasi indikator kinerja OPD; kendala dan tindak lanjut yang dilaporkan OPD"
DIBUKA = 3      # blok OPD yang langsung terbuka
DITAMPILKAN = 15  # blok OPD yang dirender tanpa diminta; sisanya lewat tombol / unduhan
# Judul blok OPD satu baris pada layar 1280 px; nama yang lebih panjang dipendekkan dengan elipsis
# dan tampil lengkap di dalam bloknya.
BATAS_NAMA_BLOK = 70

f = mulai_halaman(JUDUL)

st.markdown("""<style>
[data-testid='stExpander'] summary p {font-size: 1.2rem;}
.dbt-opd {font-size: 1.15rem; margin: 0 0 .4rem 0;}
.dbt-catatan {font-size: 1.05rem; line-height: 1.45;}
.dbt-catatan ol {margin: .2rem 0 .2rem 1.2rem; padding: 0;}
</style>""", unsafe_allow_html=True)

pengaturan = baca_pengaturan()
batas_atas = float(pengaturan["batas_atas_capaian"])
ambang_bawaan = min(float(pengaturan["ambang_di_bawah_target"]), batas_atas)
ambang_tinjau = float(pengaturan["ambang_perlu_ditinjau"])
pita = pita_dari(kueri("skala_aktif"))
label_pita = [p.label for p in pita]
kategori_bawaan = ("Sedang" if "Sedang" in label_pita
                   else label_pita[len(label_pita) // 2] if label_pita else None)

# Tanpa skala kategori (tabel kosong) hanya ambang angka yang dapat dipakai.
MODE = {"ambang": "Ambang capaian", "kategori": "Kategori"} if label_pita else {"ambang": "Ambang capaian"}


_md = fmt.markdown_aman


# --- Ambang: widget terikat URL ------------------------------------------------

def _angka_url(x: float) -> str:
    return f"{x:g}"


def _urai_kategori(mentah: str) -> tuple[str | None, bool]:
    cocok = next((lb for lb in label_pita if lb.casefold() == mentah.strip().casefold()), None)
    return cocok, bool(cocok)


def _urai_ambang(mentah: str) -> tuple[float, bool]:
    try:
        x = float(mentah.strip().replace(",", "."))
    except ValueError:
        x = math.nan
    return (x, True) if math.isfinite(x) and 0 <= x <= batas_atas else (ambang_bawaan, False)


def _siapkan_ambang() -> None:
    """Kunjungan pertama: isi pilihan dari URL; nilai tidak sah kembali ke bawaan dengan toast.
    Kategori yang sah di URL mengalahkan ambang (ambang tidak dibaca)."""
    if st.session_state.get("dbt_mode") in MODE:
        return
    kategori = url.dari_url("kategori", None, urai=_urai_kategori, catat=lambda mentah, _: url.toast(
        url.pesan_tidak_dikenal("kategori", mentah, "ambang bawaan", batas=None)))
    nilai = ambang_bawaan if kategori else url.dari_url(
        "ambang", ambang_bawaan, urai=_urai_ambang, catat=lambda mentah, _: url.toast(
            f"Nilai ambang='{_md(mentah)}' pada tautan tidak sah (0–{_angka_url(batas_atas)}); "
            f"dipakai {fmt.ambang(ambang_bawaan)}."))
    st.session_state["dbt_mode"] = "kategori" if kategori else "ambang"
    st.session_state["_dbt_ambang"] = nilai
    st.session_state["_dbt_kategori"] = kategori or kategori_bawaan


def _simpan(kunci: str) -> None:
    st.session_state["_" + kunci] = st.session_state[kunci]


_siapkan_ambang()
# Nilai disimpan di kunci bayangan: widget yang tidak tampil (mode lain) kehilangan statusnya.
if st.session_state.get("dbt_ambang") is None:
    st.session_state["dbt_ambang"] = st.session_state["_dbt_ambang"]
if label_pita and st.session_state.get("dbt_kategori") not in label_pita:
    st.session_state["dbt_kategori"] = (st.session_state["_dbt_kategori"]
                                        if st.session_state["_dbt_kategori"] in label_pita else kategori_bawaan)

k_mode, k_nilai, k_unduh = st.columns([2.3, 2.2, 3.5], vertical_alignment="bottom")
mode = k_mode.radio("Ukuran di bawah target", list(MODE), format_func=MODE.get, horizontal=True,
                    key="dbt_mode")
if mode == "kategori":
    kategori = k_nilai.selectbox(
        "Kategori ini atau lebih rendah", label_pita, key="dbt_kategori",
        on_change=_simpan, args=("dbt_kategori",),
        help="Pita dari skala kategori yang berlaku; kategori dihitung dari capaian yang dibatasi.")
    p_kat = pita_berlabel(kategori, pita)
    lebih_baik = [x for x in pita if x.urutan < p_kat.urutan]
    batas = min(x.batas_bawah for x in lebih_baik) if lebih_baik else None
    ambang, urutan = None, p_kat.urutan
    teks_pendek = f"kategori {kategori} ke bawah"
    teks_ambang = (f"kategori {kategori} atau lebih rendah (capaian di bawah {fmt.persen(batas, 0)})"
                   if batas is not None else f"kategori {kategori} atau lebih rendah (semua capaian)")
    ke_url = {"kategori": kategori, "ambang": None}
    # Label kategori berasal dari skala di database: di-escape untuk label kartu dan caption (markdown).
    md_pendek, md_ambang = (x.replace(f"kategori {kategori} ", f"kategori {_md(kategori)} ", 1)
                            for x in (teks_pendek, teks_ambang))
else:
    ambang = float(k_nilai.number_input(
        "Capaian di bawah (%)", min_value=0.0, max_value=batas_atas, step=1.0, format="%g",
        key="dbt_ambang", on_change=_simpan, args=("dbt_ambang",),
        help=f"Bawaan {fmt.ambang(ambang_bawaan)} (pengaturan ambang_di_bawah_target)."))
    urutan = None
    teks_pendek = f"di bawah {fmt.persen(ambang, 1 if ambang % 1 else 0)}"
    teks_ambang = f"capaian di bawah {fmt.persen(ambang, 1 if ambang % 1 else 0)}"
    ke_url = {"ambang": _angka_url(ambang), "kategori": None}
    md_pendek, md_ambang = teks_pendek, teks_ambang

# Tulis kembali ke URL agar tautan mereproduksi ambang (ukuran yang tidak dipakai dihapus).
url.tulis(ke_url)

p = f.sql(ambang=ambang, urutan_kategori=urutan)
r = kueri("di_bawah_target_ringkas", **p).iloc[0]
jumlah_opd = int(r["jumlah_opd"])


# --- Unduhan: daftar lengkap, dibuat saat tombol ditekan ------------------------

def _keterangan() -> list[tuple[str, str]]:
    return [
        ("Pemda", f.nama_pemda), ("Periode", f.periode), ("Cakupan filter", f.cakupan),
        ("Di bawah target", teks_ambang),
        ("Daftar", "Setiap indikator di bawah ambang pada OPD dalam filter; OPD terburuk dulu."),
        ("Capaian", f"Capaian mentah (dipotong di 0); rata-rata dan kategori memakai capaian dibatasi "
                    f"{fmt.persen(batas_atas, 0)}. Target perlu ditinjau: capaian di atas "
                    f"{fmt.ambang(ambang_tinjau)}."),
        ("Kesegaran data", data_per()), ("Sumber", SUMBER),
        ("Diunduh", fmt.waktu(datetime.now().astimezone())),
    ]


def _csv() -> bytes:
    return unduhan.ke_csv(kueri("di_bawah_target_unduhan", **p), unduhan.KOLOM_DI_BAWAH_TARGET)


def _xlsx() -> bytes:
    return unduhan.ke_xlsx(
        [unduhan.Lembar("Di bawah target", kueri("di_bawah_target_unduhan", **p), unduhan.KOLOM_DI_BAWAH_TARGET),
         unduhan.Lembar("Capaian n-a", kueri("indikator_na", **f.sql()), unduhan.KOLOM_INDIKATOR_NA),
         unduhan.Lembar("Target perlu ditinjau", kueri("indikator_perlu_ditinjau", **f.sql()),
                        unduhan.KOLOM_PERLU_DITINJAU)],
        keterangan=_keterangan())


nama = ("di-bawah-target", unduhan.slug(f.nama_pemda), f.tahun, f"TW{f.triwulan}")
if jumlah_opd and not sesi.boleh(EKSPOR):
    with k_unduh:
        sesi.petunjuk_ekspor(pendek=True)
elif jumlah_opd:
    with k_unduh:
        b1, b2 = st.columns(2)
        b1.download_button("Unduh CSV", data=sesi.dengan_izin(EKSPOR, _csv), file_name=unduhan.nama_berkas(*nama, ekstensi="csv"),
                           mime=unduhan.MIME_CSV, icon=":material/download:", on_click="ignore",
                           width="stretch", key="dbt_unduh_csv",
                           help="Daftar lengkap indikator di bawah ambang (semua OPD) dengan kendala dan "
                                "tindak lanjut; UTF-8, pemisah titik koma, koma desimal (Excel Indonesia).")
        b2.download_button("Unduh XLSX", data=sesi.dengan_izin(EKSPOR, _xlsx),
                           file_name=unduhan.nama_berkas(*nama, ekstensi="xlsx"),
                           mime=unduhan.MIME_XLSX, icon=":material/download:", on_click="ignore",
                           width="stretch", key="dbt_unduh_xlsx",
                           help="Lembar: di bawah target, capaian n/a, target perlu ditinjau, keterangan filter.")

if jumlah_opd == 0:
    st.info(f"Tidak ada OPD dengan data capaian untuk {f.periode} dalam filter ini "
            f"({_md(f.cakupan)}). Pilih periode, sektor atau OPD lain di filter.")
    kaki(SUMBER)
    st.stop()


# --- Kepala: hitungan -------------------------------------------------------------

jumlah_daftar = int(r["jumlah_opd_berindikator_di_bawah"])
jumlah_na = int(r["jumlah_na"])
jumlah_tinjau = int(r["jumlah_perlu_ditinjau"])
# Dua kartu besar; jumlah n/a dan target perlu ditinjau ada di label tab di bawahnya.
c1, c2 = st.columns(2)
c1.metric(f"OPD {md_pendek}", f"{int(r['jumlah_opd_di_bawah'])} dari {jumlah_opd} OPD", border=True,
          help="Capaian OPD = rata-rata capaian indikatornya (tiap indikator dibatasi "
               f"{fmt.persen(batas_atas, 0)}). Pembagi: semua OPD dalam filter yang punya data {f.periode}.")
c2.metric(f"Indikator {md_pendek}",
          f"{int(r['jumlah_indikator_di_bawah'])} dari {int(r['jumlah_indikator_terhitung'])} indikator",
          border=True,
          help=f"Pembagi: indikator yang capaiannya dapat dihitung ({int(r['jumlah_indikator'])} indikator "
               f"seluruhnya, {jumlah_na} n/a).")
st.caption(f"Di bawah target = {md_ambang}. Daftar memuat setiap OPD yang punya sedikitnya satu "
           f"indikator di bawah ambang ({jumlah_daftar} OPD), capaian OPD terendah dulu; "
           f"OPD yang capaian OPD-nya sendiri di bawah ambang dihitung di kartu pertama.")


# --- Format tampilan (angka Indonesia sebagai teks) ---------------------------------

def _angka(x) -> str:
    if x is None or pd.isna(x):
        return "—"
    x = float(x)
    desimal = next((d for d in range(4) if abs(x - round(x, d)) < 1e-9), 3)
    return fmt.angka(x, desimal)


def _target(t, t_atas) -> str:
    if t_atas is not None and not pd.isna(t_atas):
        return f"{_angka(t)}–{_angka(t_atas)}"
    return _angka(t)


def _nama(singkatan, nama_opd) -> str:
    if singkatan is None or pd.isna(singkatan) or singkatan == nama_opd:
        return str(nama_opd)
    return f"{singkatan} · {nama_opd}"


def _gaya_kategori(nilai):
    pt = pita_berlabel(nilai, pita)
    return f"background-color: {pt.warna}; color: {pt.warna_teks}; font-weight: 600" if pt else ""


def _tabel_indikator(df: pd.DataFrame, kolom_opd: bool = False, mentah: bool = False):
    """Tabel indikator: teks Indonesia untuk angka, batang capaian, kategori berwarna + berlabel.
    mentah=True (target perlu ditinjau): hanya capaian mentah; batang dan kategori selalu penuh."""
    tampil = pd.DataFrame({
        **({"opd": [n if s is None or pd.isna(s) else s for s, n in zip(df["singkatan"], df["nama_opd"])]}
           if kolom_opd else {}),
        "indikator": df["indikator"].astype(str),
        "satuan": df["satuan"].fillna("").astype(str),
        "target": [_target(t, a) for t, a in zip(df["target"], df["target_atas"])],
        "realisasi": [_angka(x) for x in df["realisasi"]],
    })
    kolom = {
        "opd": st.column_config.TextColumn("OPD", width=130),
        "indikator": st.column_config.TextColumn("Indikator", width=290),
        "satuan": st.column_config.TextColumn("Satuan", width=85),
        "target": st.column_config.TextColumn("Target", alignment="right", width=75),
        "realisasi": st.column_config.TextColumn("Realisasi", alignment="right", width=80),
    }
    if "capaian" in df and mentah:
        tampil["capaian"] = [fmt.persen(x) for x in df["capaian"]]
        kolom["capaian"] = st.column_config.TextColumn(
            "Capaian", alignment="right", width=90,
            help=f"Capaian mentah; rata-rata dan peringkat memakai {fmt.persen(batas_atas, 0)}.")
    elif "capaian" in df:
        tampil["capaian"] = [fmt.persen(x) for x in df["capaian"]]
        tampil["batang"] = df["capaian_dibatasi"].astype(float).round(1)
        tampil["kategori"] = df["kategori"].fillna(fmt.NA).astype(str)
        kolom |= {
            "capaian": st.column_config.TextColumn("Capaian", alignment="right", width=75),
            "batang": st.column_config.ProgressColumn(
                "Grafik", min_value=0.0, max_value=batas_atas, format="%.0f%%", width=100,
                help=f"Capaian yang dibatasi {fmt.persen(batas_atas, 0)}, dipakai untuk rata-rata dan kategori."),
            "kategori": st.column_config.TextColumn("Kategori", width=120),
        }
    if "status" in df and "capaian" not in df:
        tampil["status"] = df["status"].fillna("").astype(str)
        kolom["status"] = st.column_config.TextColumn("Alasan", width=150)
    gaya = tampil.style.map(_gaya_kategori, subset=["kategori"]) if "kategori" in tampil else tampil
    # Tinggi menyesuaikan isi sampai 20 baris agar tidak perlu menggulir di layar rapat.
    st.dataframe(gaya, hide_index=True, width="stretch", column_config=kolom, row_height=38,
                 height=38 * (min(len(tampil), 20) + 1) + 3)
    if "status" in df and "capaian" in df and not mentah:
        # Catatan (mis. negatif dipotong ke 0) di bawah tabel agar tabel muat di layar 1280 px.
        ada = df[df["status"].notna()]
        if len(ada):
            st.caption("Catatan: " + "; ".join(f"{_md(i)}: {s}" for i, s in zip(ada["indikator"], ada["status"])))


def _catatan_opd(kendala: pd.DataFrame) -> None:
    if kendala.empty:
        st.caption(f"Kendala dan tindak lanjut belum dilaporkan untuk {f.periode}.")
        return

    def daftar(nilai) -> str:
        butir = "".join(
            f"<li>{fmt.html_aman(str(x)).replace('&#10;', '<br>') if x is not None and not pd.isna(x) else '—'}</li>"
            for x in nilai)
        return f"<ol>{butir}</ol>"

    kiri, kanan = st.columns(2)
    kiri.markdown(f"<div class='dbt-catatan'><b>Kendala</b>{daftar(kendala['kendala'])}</div>",
                  unsafe_allow_html=True)
    kanan.markdown(f"<div class='dbt-catatan'><b>Tindak lanjut</b>{daftar(kendala['tindak_lanjut'])}</div>",
                   unsafe_allow_html=True)


def _blok_opd(nomor: int, o, indikator: pd.DataFrame, kendala: pd.DataFrame, terbuka: bool) -> None:
    pt = pita_berlabel(o.kategori, pita)
    label_kat = o.kategori if isinstance(o.kategori, str) else fmt.NA
    nama = _nama(o.singkatan, o.nama_opd)
    judul = (f"{nomor}\\. **{_md(fmt.ringkas(nama, BATAS_NAMA_BLOK))}** — {_md(fmt.persen(o.capaian))} "
             f"· {_md(label_kat)} · {int(o.jumlah_di_bawah)} indikator di bawah ambang")
    with st.expander(judul, expanded=terbuka, key=f"dbt_opd_{o.kode_opd}"):
        if len(" ".join(nama.split())) > BATAS_NAMA_BLOK:
            st.markdown(f"**{_md(' '.join(nama.split()))}**")
        chip = (f"<span class='pita-label' style='background:{pt.warna};color:{pt.warna_teks}'>"
                f"{fmt.html_aman(pt.label)}</span>" if pt else "<span class='pita-label'>n/a</span>")
        peringkat = (f" · peringkat {int(o.peringkat)} dari {int(o.jumlah_opd_diperingkat)}"
                     if not pd.isna(o.peringkat) else "")
        status = "" if o.opd_di_bawah else " (capaian OPD memenuhi ambang)"
        na = f" · {int(o.jumlah_na)} indikator n/a" if o.jumlah_na else ""
        st.markdown(
            f"<p class='dbt-opd'>{chip}Capaian OPD <b>{fmt.html_aman(fmt.persen(o.capaian))}</b>{status}"
            f"{peringkat} · {int(o.jumlah_di_bawah)} dari {int(o.jumlah_terhitung)} indikator terhitung "
            f"di bawah ambang{na}</p>", unsafe_allow_html=True)
        _tabel_indikator(indikator)
        _catatan_opd(kendala)


# --- Isi: tiga daftar -----------------------------------------------------------------

t_bawah, t_na, t_tinjau = st.tabs([
    f"Di bawah ambang ({jumlah_daftar} OPD)",
    f"Capaian tidak dapat dihitung ({jumlah_na})",
    f"Target perlu ditinjau ({jumlah_tinjau})",
])

with t_bawah:
    if jumlah_daftar == 0:
        st.success(f"Semua OPD dalam filter mencapai ambang: tidak ada indikator dengan {md_ambang} "
                   f"pada {f.periode}.")
    else:
        daftar_opd = kueri("di_bawah_target_opd", **p)
        indikator = kueri("di_bawah_target_indikator", **p)
        kendala = kueri("di_bawah_target_kendala", **p)
        per_opd_ind = dict(tuple(indikator.groupby("kode_opd", sort=False)))
        per_opd_ken = dict(tuple(kendala.groupby("kode_opd", sort=False)))
        kosong = kendala.iloc[0:0]
        semua = len(daftar_opd) <= DITAMPILKAN or st.toggle(
            f"Tampilkan semua {len(daftar_opd)} OPD (sekarang {DITAMPILKAN} terburuk)", key="dbt_semua")
        for i, o in enumerate(daftar_opd.itertuples(index=False), start=1):
            if i > DITAMPILKAN and not semua:
                break
            _blok_opd(i, o, per_opd_ind[o.kode_opd], per_opd_ken.get(o.kode_opd, kosong), terbuka=i <= DIBUKA)
        if not semua:
            st.caption(f"{len(daftar_opd) - DITAMPILKAN} OPD lain tidak ditampilkan; semuanya ada di unduhan "
                       "CSV/XLSX atau nyalakan 'Tampilkan semua'.")

with t_na:
    if jumlah_na == 0:
        st.success(f"Semua indikator dalam filter punya capaian yang dapat dihitung pada {f.periode}.")
    else:
        st.caption("Capaian n/a tidak dihitung sebagai 0 atau 100%: baris tetap tampil agar target atau "
                   "realisasinya dilengkapi. Alasan: target nol/kosong, realisasi kosong, rentang tidak lengkap.")
        _tabel_indikator(kueri("indikator_na", **f.sql()), kolom_opd=True)

with t_tinjau:
    if jumlah_tinjau == 0:
        st.success(f"Tidak ada indikator dengan capaian di atas {fmt.ambang(ambang_tinjau)} pada {f.periode}.")
    else:
        st.caption(f"Capaian mentah di atas {fmt.ambang(ambang_tinjau)}: target kemungkinan terlalu rendah. "
                   f"Rata-rata dan peringkat memakai capaian yang dibatasi {fmt.persen(batas_atas, 0)}.")
        _tabel_indikator(kueri("indikator_perlu_ditinjau", **f.sql()), kolom_opd=True, mentah=True)

kaki(SUMBER)
