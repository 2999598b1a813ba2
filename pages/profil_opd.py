"""Profil OPD: satu OPD dalam satu layar: capaian dan kategorinya, peringkatnya,
indikatornya, trennya dari tahun ke tahun, kurva S anggarannya, dan riwayat kendala."""


import pandas as pd
import streamlit as st

from kinerja import format as fmt
from kinerja.grafik import dasar as grafik
from kinerja.grafik import tren as gt
from kinerja.skala import pita_berlabel, pita_dari
from kinerja.ui import url
from kinerja.ui.data import kueri
from kinerja.ui.data import pengaturan as baca_pengaturan
from kinerja.ui.kerangka import mulai_halaman
from kinerja.ui.komponen import kaki, kartu

f = mulai_halaman("Profil OPD", kepala_halaman=False)

KONFIG = {"displayModeBar": False}
# Judul halaman paling banyak dua baris lebar pada layar 1280 px; nama OPD yang lebih panjang
# dipendekkan dengan elipsis, dan nama lengkapnya tampil di bawah judul dengan huruf kecil.
BATAS_JUDUL = 120
# Nama di subjudul grafik: satu baris di kolom setengah layar.
BATAS_NAMA_GRAFIK = 60
tw = fmt.TRIWULAN[f.triwulan]

# --- Pilihan OPD: terikat ke parameter URL `profil` -------------------------------------
daftar = kueri("profil_daftar_opd", **f.sql())
if daftar.empty:
    st.title("Profil OPD", anchor=False)
    st.info("Tidak ada OPD dalam sektor yang dipilih. Ubah filter kelompok atau bidang urusan.")
    st.stop()
kode_opd = list(daftar["kode_opd"])
info_opd = daftar.set_index("kode_opd")
singkat = {k: (s if isinstance(s, str) and s else n) for k, s, n in
           zip(daftar["kode_opd"], daftar["singkatan"], daftar["nama_opd"])}
label_opd = {k: f"{singkat[k]} · {n}" if singkat[k] != n else n for k, n in zip(daftar["kode_opd"], daftar["nama_opd"])}
bawaan = next((k for k in f.opd if k in kode_opd), kode_opd[0])

if st.session_state.get("f_profil") not in kode_opd:
    lama = st.session_state.get("f_profil")
    if lama is not None:
        url.toast("OPD yang dibuka tidak termasuk sektor yang dipilih; ditampilkan OPD lain.")
        pilih = bawaan
    else:
        # Streamlit membuang nilai widget saat pindah halaman: tanpa profil di URL, kembali ke OPD
        # terakhir dilihat.
        terakhir = st.session_state.get("_profil_terakhir")
        pilih = url.dari_url(
            "profil", bawaan, pilihan=kode_opd, tanpa_url=terakhir if terakhir in kode_opd else bawaan,
            catat=lambda mentah, _: url.toast(
                f"Nilai profil='{fmt.markdown_aman(mentah[:40])}' pada tautan tidak dikenal atau di luar sektor "
                "terpilih; ditampilkan OPD bawaan."))
    st.session_state["f_profil"] = pilih

judul_kol, pilih_kol = st.columns([3, 1.3], vertical_alignment="bottom")
pilih_kol.selectbox("OPD", kode_opd, key="f_profil", format_func=label_opd.get,
                    placeholder="Ketik untuk mencari OPD",
                    help="Daftar mengikuti filter kelompok/bidang urusan di samping.")
kode = st.session_state["f_profil"]
st.session_state["_profil_terakhir"] = kode
url.tulis({"profil": kode})
opd = info_opd.loc[kode]
nama = singkat[kode]
nama_md = fmt.markdown_aman(nama)  # untuk teks markdown (info, caption, bantuan)

with judul_kol:
    st.title(fmt.markdown_aman(fmt.ringkas(opd["nama_opd"], BATAS_JUDUL)), anchor=False)
    if len(str(opd["nama_opd"])) > BATAS_JUDUL:
        st.caption(f"Nama lengkap: {fmt.markdown_aman(opd['nama_opd'])}")
    bidang = f" · Bidang {opd['kode_urusan']} {opd['nama_urusan']}" if isinstance(opd["nama_urusan"], str) else ""
    st.markdown(f"<div class='kepala-periode'><b>{fmt.html_aman(f.periode)}</b> · {fmt.html_aman(f.nama_pemda)}"
                f"{fmt.html_aman(bidang)}</div>", unsafe_allow_html=True)

# --- Data (semua dari kueri ber-cache, sudah diagregasi di SQL) -----------------------------
pengaturan = baca_pengaturan()
batas_atas = float(pengaturan["batas_atas_capaian"])
ambang = float(pengaturan["ambang_di_bawah_target"])
pita = pita_dari(kueri("skala_aktif"))
hanya_opd = dict(kelompok=None, kode_urusan=None, opd=[kode])
tahunan = kueri("tren_capaian_opd_tahunan", **f.sql(**hanya_opd)).set_index("tahun")
ini = tahunan.loc[f.tahun] if f.tahun in tahunan.index else None
lalu = tahunan.loc[f.tahun - 1] if f.tahun - 1 in tahunan.index else None
ada_capaian = ini is not None and not pd.isna(ini["capaian"])
ang = kueri("kurva_s_bulanan", jenis=["pemda"], **f.sql(**hanya_opd))
ang_kini = ang[ang["tahun"] == f.tahun]
ang_lalu = ang[ang["tahun"] == f.tahun - 1]
bulan_tw = gt.bulan_triwulan(gt.bulan_berealisasi(ang_kini), f.triwulan) if not ang_kini.empty else None
baris_ang = ang_kini[ang_kini["bulan"] == bulan_tw].iloc[0] if bulan_tw is not None else None


def _angka(x):
    return None if x is None or pd.isna(x) else float(x)


def _riwayat(nilai) -> list[float] | None:
    """Garis kecil di kartu hanya bila ada sedikitnya dua titik (satu titik = garis datar menyesatkan)."""
    ada = [float(v) for v in nilai if v is not None and not pd.isna(v)]
    return ada if len(ada) >= 2 else None


# --- Layar pertama: gauge, kartu KPI, peringkat --------------------------------------------
g_kol, k1, k2 = st.columns([4, 3, 3])
with g_kol:
    if ada_capaian:
        p = pita_berlabel(ini["kategori"], pita)
        g_kol.plotly_chart(
            grafik.gauge_capaian(
                float(ini["capaian"]), pita, "Capaian kinerja",
                f"{int(ini['jumlah_terhitung'])} dari {int(ini['jumlah_indikator'])} indikator dinilai"
                f"<br>kategori {p.label if p else fmt.NA}", batas_atas=batas_atas, tinggi=290),
            config=KONFIG, key="gauge_profil")
    elif ini is not None:
        st.info(f"{nama_md} punya {int(ini['jumlah_indikator'])} indikator pada {f.periode}, tetapi belum satu pun "
                "capaiannya dapat dihitung (target nol/kosong atau realisasi belum ada).")
    else:
        st.info(f"Belum ada capaian {nama_md} untuk {f.periode}.")

d = (_angka(ini["capaian"]) - _angka(lalu["capaian"])) if ada_capaian and lalu is not None \
    and not pd.isna(lalu["capaian"]) else None
kartu(k1, "Capaian kinerja", fmt.persen(_angka(ini["capaian"])) if ada_capaian else fmt.NA,
      fmt.poin(d) if d is not None else None, riwayat=_riwayat(tahunan.loc[tahunan.index <= f.tahun, "capaian"]),
      bantuan=f"Rata-rata capaian indikator (tiap indikator dibatasi {fmt.persen(batas_atas, 0)}). "
              f"Perubahan dibanding {fmt.periode(f.tahun - 1, f.triwulan)}; garis: {tw} tiap tahun s.d. {f.tahun}.")

peringkat = int(ini["peringkat"]) if ada_capaian and not pd.isna(ini["peringkat"]) else None
peringkat_lalu = int(lalu["peringkat"]) if lalu is not None and not pd.isna(lalu["peringkat"]) else None
if peringkat is not None:
    naik = (peringkat_lalu - peringkat) if peringkat_lalu is not None else None
    ket_lalu = (f"{fmt.periode(f.tahun - 1, f.triwulan)}: ke-{peringkat_lalu} dari "
                f"{int(lalu['jumlah_opd_dinilai'])}." if peringkat_lalu is not None
                else f"{fmt.periode(f.tahun - 1, f.triwulan)}: belum ada peringkat.")
    kartu(k1, "Peringkat di antara semua OPD", f"{peringkat} dari {int(ini['jumlah_opd_dinilai'])}",
          f"{naik:+d} peringkat" if naik is not None else None,
          bantuan=f"Peringkat capaian di antara semua OPD {fmt.markdown_aman(f.nama_pemda)} yang capaiannya dapat dihitung "
                  f"pada {f.periode}, bukan hanya OPD dalam filter; 1 = terbaik; OPD dengan capaian sama berbagi "
                  f"peringkat. {ket_lalu}")
else:
    kartu(k1, "Peringkat di antara semua OPD", fmt.NA, bantuan="Capaian belum dapat dihitung; tidak diperingkat.")

if baris_ang is not None:
    riwayat = _riwayat(ang_kini.sort_values("bulan")["persen_realisasi"])
    kartu(k2, f"Realisasi keuangan s.d. {fmt.bulan(bulan_tw)}", fmt.persen(baris_ang["persen_realisasi"]),
          f"{fmt.poin(baris_ang['deviasi'])} thd rencana" if not pd.isna(baris_ang["deviasi"]) else None,
          riwayat=riwayat,
          bantuan=f"{fmt.rupiah(baris_ang['realisasi_kumulatif'])} dari pagu {fmt.rupiah(baris_ang['pagu'])}; "
                  f"rencana kas (RAK) {fmt.persen(baris_ang['persen_rencana'])}. Perubahan = deviasi terhadap "
                  "rencana kas, dalam poin.")
else:
    kartu(k2, "Realisasi keuangan", fmt.NA, bantuan=f"Belum ada data anggaran {nama_md} s.d. {f.periode}.")

if ini is not None and int(ini["jumlah_terhitung"]) > 0:
    bawah = int(ini["jumlah_di_bawah_target"])
    d = (bawah - int(lalu["jumlah_di_bawah_target"])) if lalu is not None else None
    kartu(k2, f"Indikator di bawah {fmt.ambang(ambang)}", f"{bawah} dari {int(ini['jumlah_terhitung'])}",
          f"{d:+d} indikator" if d is not None else None, arah_baik="turun",
          riwayat=_riwayat(tahunan.loc[tahunan.index <= f.tahun, "jumlah_di_bawah_target"]),
          bantuan=f"Indikator yang capaiannya dapat dihitung dan di bawah {fmt.ambang(ambang)}. "
                  f"{int(ini['jumlah_na'])} indikator n/a, {int(ini['jumlah_perlu_ditinjau'])} target perlu "
                  "ditinjau.")
else:
    kartu(k2, f"Indikator di bawah {fmt.ambang(ambang)}", fmt.NA)

if peringkat is not None:
    st.caption(f"Peringkat {fmt.teks_peringkat(peringkat, ini['jumlah_opd_dinilai'], ini['jumlah_sama_peringkat'])} "
               f"{fmt.markdown_aman(f.nama_pemda)} pada {f.periode} (di antara semua OPD, bukan hanya OPD dalam "
               "filter). "
               + (f"Tahun lalu: ke-{peringkat_lalu}." if peringkat_lalu is not None else ""))

# --- Indikator ---------------------------------------------------------------------------
st.subheader(f"Indikator kinerja {f.periode}", anchor=False)
indikator = kueri("profil_indikator", **f.sql(kode_opd=kode))
if indikator.empty:
    st.info(f"Belum ada indikator kinerja {nama_md} untuk {f.periode}.")
else:
    def _tanda(r) -> str:
        bagian = [r.tanda] if isinstance(r.tanda, str) else []
        if r.tanda_batas == "dibatasi":  # dipotong ke 0 sudah disebut tanda (status)
            bagian.append(fmt.catatan_batas(r.tanda_batas, r.capaian_dibatasi, angka_ikut=False))
        if r.di_bawah_target and r.tanda_batas != "dipotong":  # capaian 0: jelas di bawah
            bagian.append(f"di bawah {fmt.ambang(ambang)}")
        return "; ".join(bagian)

    tabel = pd.DataFrame({
        "Indikator": indikator["indikator"],
        "Tingkat": indikator["tingkat"],
        "Satuan": indikator["satuan"].fillna(""),
        "Target": [gt.teks_target(t, a, p) for t, a, p in
                   zip(indikator["target"], indikator["target_atas"], indikator["polaritas"])],
        "Realisasi": [fmt.angka_ringkas(x) for x in indikator["realisasi"]],
        "Capaian": [fmt.persen(x) for x in indikator["capaian"]],
        "Batang": [None if pd.isna(x) else min(float(x), batas_atas) for x in indikator["capaian"]],
        "Kategori": indikator["kategori"].fillna(fmt.NA),
        "Tanda": [_tanda(r) for r in indikator.itertuples()],
    })
    # Lebar kolom dipatok agar sembilan kolom muat di layar 1280 px (dengan sidebar);
    # baris lebih dari 4rem membuat Streamlit membungkus teks panjang (nama indikator, satuan).
    st.dataframe(
        tabel, hide_index=True, width="stretch", key="tabel_indikator", row_height=70,
        height=70 * len(tabel) + 42,
        column_config={
            "Indikator": st.column_config.TextColumn("Indikator", width=215),
            "Tingkat": st.column_config.TextColumn("Tingkat", width=74),
            "Satuan": st.column_config.TextColumn("Satuan", width=90),
            "Target": st.column_config.TextColumn("Target", width=66),
            "Realisasi": st.column_config.TextColumn("Realisasi", width=76),
            "Capaian": st.column_config.TextColumn(
                "Capaian", width=72,
                help="Capaian mentah (bisa di atas 100%). Rata-rata dan peringkat memakai nilai "
                     f"yang dibatasi {fmt.persen(batas_atas, 0)}."),
            "Batang": st.column_config.ProgressColumn(
                "0–100", min_value=0, max_value=batas_atas, format=" ", width=62,
                help=f"Batang capaian; penuh pada {fmt.persen(batas_atas, 0)}."),
            "Kategori": st.column_config.TextColumn("Kategori", width=104),
            "Tanda": st.column_config.TextColumn("Tanda", width=140),
        })

# --- Tren dan kurva S -----------------------------------------------------------------------
kiri, kanan = st.columns(2)
with kiri:
    seri = tahunan[tahunan["capaian"].notna()]
    if seri.empty:
        st.info(f"Belum ada capaian {tw} {nama_md} yang dapat dihitung di tahun mana pun.")
    else:
        pemda = kueri("tren_capaian_tahunan", **f.sql(kelompok=None, kode_urusan=None, opd=[]))
        pemda = pemda[pemda["capaian"].notna()]
        garis = [gt.Garis(nama, list(seri.index), list(seri["capaian"]), list(seri["perubahan"]),
                          peran="utama", kunci=f"opd:{kode}"),
                 gt.Garis("Rata-rata semua OPD", list(pemda["tahun"]), list(pemda["capaian"]),
                          list(pemda["perubahan"]), peran="pembanding", kunci="pemda")]
        awal, akhir = int(seri.index.min()), int(seri.index.max())
        st.plotly_chart(
            gt.tren_tahunan(garis, f"Capaian {tw} tiap tahun",
                            f"{fmt.ringkas(nama, BATAS_NAMA_GRAFIK)} · {awal}–{akhir}" if awal != akhir
                            else f"{fmt.ringkas(nama, BATAS_NAMA_GRAFIK)} · {awal}",
                            pita, ambang=ambang, batas_atas=batas_atas, tinggi=480, sempit=True),
            config=KONFIG, key="tren_profil")
        ubah = gt.perubahan_ringkas(list(seri.index), list(seri["perubahan"]))
        if ubah:
            st.caption(f"Perubahan {nama_md} dibanding tahun sebelumnya (poin): {ubah}.")
with kanan:
    if ang_kini.empty:
        st.info(f"Belum ada data anggaran {nama_md} untuk tahun {f.tahun}; kurva S tidak dapat digambar.")
    elif ang_kini["persen_realisasi"].isna().all():
        st.info(f"Data anggaran {nama_md} tahun {f.tahun} ada, tetapi pagu nol/kosong atau realisasi kosong, "
                "sehingga persen serapan tidak dapat dihitung; kurva S tidak digambar.")
    else:
        label_tw = tw if bulan_tw == f.triwulan * 3 else (fmt.bulan(bulan_tw) if bulan_tw else tw)
        st.plotly_chart(
            gt.kurva_s(ang_kini, ang_lalu if not ang_lalu.empty else None, f.tahun, bulan_tw, label_tw,
                       f"Kurva S realisasi keuangan {f.tahun}",
                       f"{fmt.ringkas(nama, BATAS_NAMA_GRAFIK)} · % pagu bulan berjalan", tinggi=480,
                       bulan_ringkas=True),
            config=KONFIG, key="kurva_s_profil")
        if baris_ang is not None:
            tingkat = gt.tingkat_deviasi(baris_ang["deviasi"])
            fisik = baris_ang["realisasi_fisik"]
            st.caption(
                f"s.d. {fmt.bulan(bulan_tw)} {f.tahun}: deviasi {fmt.poin(baris_ang['deviasi'])}"
                + (f" ({tingkat.label}, {tingkat.rentang})" if tingkat else "")
                + (f"; realisasi fisik {fmt.persen(fisik)}" if not pd.isna(fisik) else "; realisasi fisik belum ada")
                + f". Pita deviasi: {gt.keterangan_pita_deviasi()}. Persen dari {gt.sumber_pagu(ang_kini)}.")
        else:
            st.caption(f"Belum ada data anggaran s.d. {tw} {f.tahun}.")

# --- Riwayat kendala -------------------------------------------------------------------------
st.subheader("Riwayat kendala dan tindak lanjut", anchor=False)
kendala = kueri("profil_kendala", kode_pemda=f.kode_pemda, kode_opd=kode)
if kendala.empty:
    st.info(f"Belum ada kendala yang dicatat untuk {nama_md}.")
else:
    # Teks hasil impor: tabel data (teks polos), tidak pernah HTML atau Markdown.
    st.dataframe(
        pd.DataFrame({
            "Periode": [fmt.periode(t, q) for t, q in zip(kendala["tahun"], kendala["triwulan"])],
            "Kendala": kendala["kendala"],
            "Tindak lanjut": kendala["tindak_lanjut"].fillna("—"),
        }),
        hide_index=True, width="stretch", key="tabel_kendala", row_height=84,
        height=min(84 * len(kendala) + 42, 84 * 6 + 42),
        column_config={
            "Periode": st.column_config.TextColumn("Periode", width=110),
            "Kendala": st.column_config.TextColumn("Kendala", width=360),
            "Tindak lanjut": st.column_config.TextColumn("Tindak lanjut", width=360),
        })

kaki("target dan realisasi indikator kinerja OPD; LRA, RAK dan realisasi fisik; laporan kendala OPD")
