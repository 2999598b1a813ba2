"""Tren: bagaimana capaian tahun ini dibanding tahun-tahun sebelumnya, dan apakah
serapan anggaran mengikuti rencana kas (kurva S) dibanding tahun lalu?"""

import pandas as pd
import streamlit as st

from kinerja import format as fmt
from kinerja.grafik import tren as gt
from kinerja.skala import pita_dari
from kinerja.ui.data import kueri
from kinerja.ui.data import pengaturan as baca_pengaturan
from kinerja.ui.kerangka import mulai_halaman
from kinerja.ui.komponen import kaki

f = mulai_halaman("Tren Kinerja dan Anggaran")

pengaturan = baca_pengaturan()
batas_atas = float(pengaturan["batas_atas_capaian"])
ambang = float(pengaturan["ambang_di_bawah_target"])
pita = pita_dari(kueri("skala_aktif"))
tw = fmt.TRIWULAN[f.triwulan]
sempit = bool(f.kelompok or f.kode_urusan or f.opd)
KONFIG = {"displayModeBar": False}


def _tahun_tanpa_triwulan(ada: set[int]) -> list[int]:
    """Tahun dalam berkas yang belum punya data untuk triwulan terpilih."""
    per = kueri("periode_tersedia")
    semua = set(per.loc[per["kode_pemda"] == f.kode_pemda, "tahun"].astype(int))
    return sorted(semua - ada)


# --- 1. Capaian kinerja per tahun -----------------------------------------------------
st.subheader(f"Capaian kinerja {tw} tiap tahun", anchor=False)
rata = kueri("tren_capaian_tahunan", **f.sql())
rata = rata[rata["capaian"].notna()]
if rata.empty:
    st.info(f"Tidak ada capaian kinerja {tw} yang dapat dihitung untuk {fmt.markdown_aman(f.cakupan)} di tahun mana pun. "
            "Ubah filter sektor atau OPD, atau pilih triwulan lain.")
else:
    garis: list[gt.Garis] = []
    per_opd = pd.DataFrame()
    if 1 <= len(f.opd) <= gt.MAKS_GARIS_OPD:
        per_opd = kueri("tren_capaian_opd_tahunan", **f.sql())
        per_opd = per_opd[per_opd["capaian"].notna()]
        for kode in f.opd:
            d = per_opd[per_opd["kode_opd"] == kode]
            if d.empty:
                continue
            garis.append(gt.Garis(f.nama_opd.get(kode, kode), list(d["tahun"]), list(d["capaian"]),
                                  list(d["perubahan"]), peran="utama" if len(f.opd) == 1 else "opd",
                                  kunci=f"opd:{kode}"))
    if len(f.opd) != 1:
        nama_rata = (f"Rata-rata {len(f.opd)} OPD terpilih" if f.opd else
                     "Rata-rata semua OPD" if not sempit else "Rata-rata OPD dalam filter")
        garis.append(gt.Garis(nama_rata, list(rata["tahun"]), list(rata["capaian"]), list(rata["perubahan"]),
                              peran="utama", kunci="rata"))
    if sempit:
        pemda = kueri("tren_capaian_tahunan", **f.sql(kelompok=None, kode_urusan=None, opd=[]))
        pemda = pemda[pemda["capaian"].notna()]
        garis.append(gt.Garis("Rata-rata semua OPD", list(pemda["tahun"]), list(pemda["capaian"]),
                              list(pemda["perubahan"]), peran="pembanding", kunci="pemda"))

    awal, akhir = int(rata["tahun"].min()), int(rata["tahun"].max())
    rentang = f"{awal}–{akhir}" if awal != akhir else str(awal)
    # Banyak garis (legenda panjang): grafik selebar halaman, tabel di bawahnya.
    lebar = len(garis) > 2
    grafik_tren = gt.tren_tahunan(garis, f"Capaian kinerja {tw}, {rentang}",
                                  f"{f.cakupan} · rata-rata capaian OPD (%)", pita, ambang=ambang,
                                  batas_atas=batas_atas, tinggi=480 if lebar else 430)
    if lebar:
        st.plotly_chart(grafik_tren, config=KONFIG, key="tren_capaian")
        matriks = st.container()
        kanan, _ = st.columns([3, 2])
    else:
        kiri, kanan = st.columns([3, 2])
        kiri.plotly_chart(grafik_tren, config=KONFIG, key="tren_capaian")
        matriks = st.container()
    with kanan:
        # Perubahan per tahun untuk garis utama (rata-rata filter atau satu OPD terpilih).
        utama = next((g for g in garis if g.peran == "utama"), garis[0])
        st.markdown("**Perubahan per tahun**")
        tabel = pd.DataFrame({
            "Tahun": [str(int(t)) for t in utama.tahun],
            "Capaian": [fmt.persen(v) for v in utama.nilai],
            "Perubahan": [fmt.poin(u) if u is not None and not pd.isna(u) else "—" for u in utama.perubahan],
        })
        if len(f.opd) != 1:
            tabel["OPD dinilai"] = [f"{int(n)} dari {int(m)}" for n, m in
                                    zip(rata["jumlah_opd_dinilai"], rata["jumlah_opd"])]
        st.dataframe(tabel, hide_index=True, width="stretch", key="tabel_tren",
                     height=37 * (len(tabel) + 1) + 3)
        kosong = _tahun_tanpa_triwulan({int(t) for t in rata["tahun"]})
        st.caption(
            f"Capaian OPD = rata-rata capaian indikatornya (tiap indikator dibatasi {fmt.persen(batas_atas, 0)}); "
            f"garis putus-putus = target {fmt.ambang(ambang)}."
            + (f" Belum ada data {tw} untuk tahun {', '.join(map(str, kosong))}." if kosong else ""))

    if len(f.opd) > gt.MAKS_GARIS_OPD:
        st.caption(f"{len(f.opd)} OPD dipilih: digambar satu garis rata-rata. Pilih 1–{gt.MAKS_GARIS_OPD} OPD "
                   "untuk melihat garis per OPD.")
    elif len(f.opd) > 1 and not per_opd.empty:
        # Matriks OPD x tahun untuk membaca angka tiap garis.
        tahun = sorted(int(t) for t in per_opd["tahun"].unique())
        baris = []
        for kode in f.opd:
            d = per_opd[per_opd["kode_opd"] == kode].set_index("tahun")
            b = {"OPD": f.nama_opd.get(kode, kode)}
            for t in tahun:
                b[str(t)] = fmt.persen(d.loc[t, "capaian"]) if t in d.index else fmt.NA
            akhir_opd = d["perubahan"].iloc[-1] if len(d) else None
            b[f"Perubahan {tahun[-1]}"] = (fmt.poin(akhir_opd) if akhir_opd is not None and not pd.isna(akhir_opd)
                                            and len(d) and int(d.index[-1]) == tahun[-1] else "—")
            baris.append(b)
        with matriks:
            st.markdown("**Capaian tiap OPD terpilih**")
            st.dataframe(pd.DataFrame(baris), hide_index=True, width="stretch", key="tabel_tren_opd")
    tanpa = [f.nama_opd.get(k, k) for k in f.opd if per_opd.empty or k not in set(per_opd["kode_opd"])] \
        if 1 <= len(f.opd) <= gt.MAKS_GARIS_OPD else []
    if tanpa:
        st.info(f"Belum ada capaian {tw} yang dapat dihitung untuk: {fmt.markdown_aman(', '.join(tanpa))}.")

# --- 2. Serapan anggaran per bulan: kurva S dan realisasi fisik ------------------------
st.subheader(f"Serapan anggaran {f.tahun} per bulan", anchor=False)
ang = kueri("kurva_s_bulanan", jenis=["pemda"], **f.sql())
kini = ang[ang["tahun"] == f.tahun]
lalu = ang[ang["tahun"] == f.tahun - 1]
kiri, kanan = st.columns([3, 2])
if kini.empty:
    kiri.info(f"Belum ada data anggaran (realisasi keuangan dan rencana kas) untuk tahun {f.tahun} "
              f"({fmt.markdown_aman(f.cakupan)}).")
    kanan.info(f"Belum ada data realisasi fisik untuk tahun {f.tahun}.")
elif kini["persen_realisasi"].isna().all():
    kiri.info(f"Data anggaran tahun {f.tahun} ({fmt.markdown_aman(f.cakupan)}) ada, tetapi pagu nol/kosong atau realisasi "
              "kosong, sehingga persen serapan tidak dapat dihitung; kurva S tidak digambar.")
    kanan.info(f"Realisasi fisik tahun {f.tahun} tidak dapat dibobot pagu (pagu nol atau kosong).")
else:
    bulan_tw = gt.bulan_triwulan(gt.bulan_berealisasi(kini), f.triwulan)
    label_tw = tw if bulan_tw == f.triwulan * 3 else (fmt.bulan(bulan_tw) if bulan_tw else tw)
    n_opd = int(kini["jumlah_opd"].max())
    with kiri:
        st.plotly_chart(
            gt.kurva_s(kini, lalu if not lalu.empty else None, f.tahun, bulan_tw, label_tw,
                       f"Kurva S realisasi keuangan {f.tahun}",
                       f"{f.cakupan} · {n_opd} OPD · % pagu bulan berjalan"),
            config=KONFIG, key="kurva_s")
        if bulan_tw is None:
            st.info(f"Belum ada data anggaran s.d. {tw} {f.tahun}; bulan pertama yang ada: "
                    f"{fmt.bulan(int(kini['bulan'].min()))}.")
        else:
            b = kini[kini["bulan"] == bulan_tw].iloc[0]
            tingkat = gt.tingkat_deviasi(b["deviasi"])
            arah = ("di bawah" if b["deviasi"] < 0 else "di atas") + " rencana"
            if tingkat is None:
                st.markdown(f"**s.d. {fmt.bulan(bulan_tw)} {f.tahun}**: realisasi **{fmt.persen(b['persen_realisasi'])}**"
                            " · rencana kas belum ada, deviasi tidak dapat dihitung.")
            else:
                st.markdown(f"**s.d. {fmt.bulan(bulan_tw)} {f.tahun}**: realisasi **{fmt.persen(b['persen_realisasi'])}**"
                            f" · rencana kas {fmt.persen(b['persen_rencana'])} · deviasi **{fmt.poin(b['deviasi'])}**"
                            f" ({arah}; **{tingkat.label}**, {tingkat.rentang})")
            st.caption(f"Pita peringatan deviasi: {gt.keterangan_pita_deviasi()}. Persen dihitung dari pagu "
                       f"bulan itu sendiri (pagu berubah setelah APBD-P): {gt.sumber_pagu(kini)}."
                       + ("" if not lalu.empty else f" Tahun {f.tahun - 1} belum punya data anggaran untuk pembanding."))
    with kanan:
        if kini["realisasi_fisik"].isna().all():
            st.info(f"Belum ada data realisasi fisik untuk tahun {f.tahun}.")
        else:
            st.plotly_chart(
                gt.kurva_fisik(kini, lalu if not lalu.empty else None, f.tahun, bulan_tw, label_tw,
                               f"Realisasi fisik {f.tahun}", "% fisik, rata-rata dibobot pagu"),
                config=KONFIG, key="kurva_fisik")
            if bulan_tw is not None:
                b = kini[kini["bulan"] == bulan_tw].iloc[0]
                st.markdown(f"**s.d. {fmt.bulan(bulan_tw)} {f.tahun}**: fisik **{fmt.persen(b['realisasi_fisik'])}**"
                            f" · keuangan {fmt.persen(b['persen_realisasi'])}")

kaki("target dan realisasi indikator kinerja OPD; LRA (realisasi keuangan), RAK dan realisasi fisik per OPD")
