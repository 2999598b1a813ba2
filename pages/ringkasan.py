"""Ringkasan: bagaimana kinerja OPD pada periode ini? Halaman pembuka rapat evaluasi."""


import pandas as pd
import streamlit as st

from kinerja import format as fmt
from kinerja.grafik import dasar as grafik
from kinerja.ekspor import MIME, nama_paket
from kinerja.skala import pita_berlabel, pita_dari
from kinerja.akses.peran import EKSPOR
from kinerja.ui import sesi
from kinerja.ui.data import kueri, paket_rapat, pesan_demo_baru, ringkasan
from kinerja.ui.data import pengaturan as baca_pengaturan
from kinerja.ui.kerangka import mulai_halaman
from kinerja.ui.komponen import daftar_poin, kaki, kartu

f = mulai_halaman("Ringkasan Kinerja OPD")
if pesan_demo_baru():
    st.info(f"Database belum ada, jadi dibangun dari data demo (fiktif) di {fmt.markdown_aman(pesan_demo_baru())}. "
            "Untuk data daerah Anda: buat database pemda sendiri dengan `python -m kinerja baru --pemda KODE` "
            "(atau di halaman Kelola Data), lalu muat berkasnya; lihat README, bagian Memuat data sendiri.")

pengaturan = baca_pengaturan()
batas_atas = float(pengaturan["batas_atas_capaian"])
ambang = float(pengaturan["ambang_di_bawah_target"])
pita = pita_dari(kueri("skala_aktif"))

# Angka pembuka dan poin penting dari model rapat (kinerja.rapat.paket.Ringkasan), yang sama dengan
# slide Ringkasan Mode Rapat dan bahan rapat yang diunduh.
r = ringkasan(f)
kinerja, anggaran = r.kinerja_tahunan, r.anggaran_tahunan


def _selisih(kini, lalu, kolom: str):
    if kini is None or lalu is None or pd.isna(kini[kolom]) or pd.isna(lalu[kolom]):
        return None
    return float(kini[kolom]) - float(lalu[kolom])


k_kini, k_lalu, a_kini, a_lalu = r.kinerja, r.kinerja_lalu, r.anggaran, r.anggaran_lalu
pembanding = fmt.periode(f.tahun - 1, f.triwulan)

def _gauge_anggaran(g2, g3) -> None:
    """Gauge realisasi keuangan (terhadap rencana kas) dan realisasi fisik."""
    if a_kini is None:
        g2.info(f"Belum ada data anggaran untuk {f.tahun}.")
        g3.info(f"Belum ada data realisasi fisik untuk {f.tahun}.")
        return
    bulan = fmt.bulan(int(a_kini["bulan"]))
    g2.plotly_chart(
        grafik.gauge_serapan(
            a_kini["persen_realisasi"], a_kini["persen_rencana"], "Realisasi keuangan",
            f"s.d. {bulan}<br>{grafik.keterangan_serapan(a_kini['persen_rencana'], a_kini['deviasi'])}"),
        config={"displayModeBar": False}, key="gauge_keuangan")
    if pd.isna(a_kini["realisasi_fisik"]):
        g3.info(f"Belum ada data realisasi fisik s.d. {bulan} {f.tahun}.")
        return
    g3.plotly_chart(
        grafik.gauge_serapan(
            a_kini["realisasi_fisik"], None, "Realisasi fisik",
            f"s.d. {bulan}<br>rata-rata dibobot pagu"),
        config={"displayModeBar": False}, key="gauge_fisik")


if k_kini is None:
    if a_kini is None:
        st.info(f"Belum ada data capaian kinerja untuk {f.periode}. Pilih periode lain di filter.")
        st.stop()
    # Baru anggaran (mis. ekspor SIPD LRA/RAK): serapan tetap tampil.
    st.info(f"Belum ada data capaian kinerja (indikator) untuk {f.periode}; yang sudah dimuat baru anggaran. "
            "Capaian dimuat dengan templat impor (lembar indikator dan capaian).")
    g1, g2, g3 = st.columns(3)
    _gauge_anggaran(g1, g2)
    g3.metric("Realisasi s.d. " + fmt.bulan(int(a_kini["bulan"])), fmt.rupiah(a_kini["realisasi_kumulatif"]),
              help=f"dari pagu {fmt.rupiah(a_kini['pagu'])}; rencana kas {fmt.rupiah(a_kini['rencana_kumulatif'])}")
    g3.caption(f"{fmt.persen(a_kini['persen_realisasi'])} dari pagu {fmt.rupiah(a_kini['pagu'])} · rencana kas "
               f"{fmt.persen(a_kini['persen_rencana'])}. Rincian per bulan: halaman Tren dan Profil OPD.")
    st.stop()

# Gauge: capaian kinerja, realisasi keuangan terhadap rencana kas, realisasi fisik. Lebih dulu dari
# poin penting: di layar 1280x720 ketiganya tampil utuh tanpa menggulir.
g1, g2, g3 = st.columns(3)
capaian = None if pd.isna(k_kini["capaian"]) else float(k_kini["capaian"])
pita_pemda = pita_berlabel(k_kini["kategori"], pita)
g1.plotly_chart(
    grafik.gauge_capaian(
        capaian, pita, "Capaian kinerja",
        f"rata-rata {int(k_kini['jumlah_opd_dinilai'])} OPD<br>kategori {pita_pemda.label if pita_pemda else 'n/a'}",
        batas_atas=batas_atas),
    config={"displayModeBar": False}, key="gauge_kinerja")
_gauge_anggaran(g2, g3)

# Poin penting untuk Bupati/Wali Kota: setiap kalimat menunjuk halaman tempat angkanya.
daftar_poin(r.poin)

# Kartu KPI dengan perubahan terhadap periode yang sama tahun lalu.
st.subheader(f"Dibanding {pembanding}", anchor=False)
c1, c2, c3, c4 = st.columns(4)
d = _selisih(k_kini, k_lalu, "capaian")
kartu(c1, "Capaian kinerja", fmt.persen(capaian),
      fmt.poin(d) if d is not None else None,
      riwayat=list(kinerja["capaian"]), bantuan=f"Rata-rata capaian OPD (tiap indikator dibatasi "
      f"{fmt.persen(batas_atas, 0)}). Garis: {fmt.TRIWULAN[f.triwulan]} tiap tahun.")
if a_kini is not None:
    d = _selisih(a_kini, a_lalu, "persen_realisasi")
    kartu(c2, "Realisasi keuangan",
          fmt.persen(a_kini["persen_realisasi"]), fmt.poin(d) if d is not None else None,
          riwayat=list(anggaran["persen_realisasi"]),
          bantuan=f"s.d. {fmt.bulan(int(a_kini['bulan']))}: {fmt.rupiah(a_kini['realisasi_kumulatif'])} "
                  f"dari pagu {fmt.rupiah(a_kini['pagu'])}; "
                  f"rencana kas {fmt.persen(a_kini['persen_rencana'])}.")
else:
    kartu(c2, "Realisasi keuangan", fmt.NA)
bawah = int(k_kini["jumlah_opd_di_bawah_target"])
d = _selisih(k_kini, k_lalu, "jumlah_opd_di_bawah_target")
kartu(c3, f"OPD di bawah {fmt.ambang(ambang)} (dari {int(k_kini['jumlah_opd'])})", f"{bawah}",
      f"{d:+.0f} OPD" if d is not None else None, arah_baik="turun",
      riwayat=list(kinerja["jumlah_opd_di_bawah_target"]))
tinjau = int(k_kini["jumlah_perlu_ditinjau"])
d = _selisih(k_kini, k_lalu, "jumlah_perlu_ditinjau")
kartu(c4, "Target perlu ditinjau", f"{tinjau}",
      f"{d:+.0f}" if d is not None else None, arah_baik="turun",
      riwayat=list(kinerja["jumlah_perlu_ditinjau"]),
      bantuan=f"Jumlah indikator dengan capaian di atas {fmt.persen(float(pengaturan['ambang_perlu_ditinjau']), 0)}: target "
              f"kemungkinan terlalu rendah. {int(k_kini['jumlah_indikator_na'])} indikator lain "
              f"tanpa capaian (n/a: target nol/kosong atau realisasi belum ada).")

# Sebaran OPD per kategori, dan siapa saja di tiap kategori.
opd = kueri("capaian_opd_periode", **f.sql())
sebaran = kueri("sebaran_kategori", **f.sql())
kiri, kanan = st.columns([5, 7])
kiri.plotly_chart(
    grafik.sebaran_kategori(list(sebaran["label"]), [int(x) for x in sebaran["jumlah_opd"]],
                            list(sebaran["warna"]), "Jumlah OPD per kategori",
                            tinggi=340),
    config={"displayModeBar": False}, key="sebaran")
with kanan:
    st.markdown(f"**OPD per kategori** (skala Permendagri 86/2017, {f.periode})"
                if pengaturan["skala_aktif"] == "permendagri86" else f"**OPD per kategori** ({f.periode})")
    for p in pita:
        nama = opd.loc[opd["kategori"] == p.label, "singkatan"].fillna(opd["nama_opd"])
        daftar = ", ".join(fmt.html_aman(str(n)) for n in nama) or "—"
        st.markdown(
            f"<p class='pita-daftar'><span class='pita-label' style='background:{p.warna};"
            f"color:{p.warna_teks}'>{fmt.html_aman(p.label)}</span>{daftar}</p>",
            unsafe_allow_html=True)
    tanpa = opd.loc[opd["capaian"].isna(), "singkatan"].fillna(opd["nama_opd"])
    if len(tanpa):
        st.markdown(f"<p class='pita-daftar'><span class='pita-label'>n/a</span>"
                    f"{', '.join(fmt.html_aman(str(n)) for n in tanpa)}</p>", unsafe_allow_html=True)

# Bahan rapat untuk dikirim ke Bupati dan kepala OPD: dibuat saat tombol ditekan.
st.subheader("Unduh bahan rapat", anchor=False)
st.caption(f"{f.periode} · {fmt.markdown_aman(f.cakupan)}: ringkasan dan poin penting, peringkat, di bawah target (dengan "
           "gauge, kurva S dan kendala tiap OPD di bawah target), indikator, anggaran per bulan, kendala. "
           "Slide untuk semua OPD atau per bidang: unduh dari Mode Rapat.")
if sesi.boleh(EKSPOR):
    kol = st.columns(3)
    for k, (fmt_, label) in zip(kol, [("xlsx", "Excel (XLSX)"), ("pptx", "Presentasi (PPTX)"),
                                      ("pdf", "Cetak (PDF)")]):
        k.download_button(label, data=sesi.dengan_izin(EKSPOR, lambda fmt_=fmt_: paket_rapat(fmt_, f)),
                          file_name=nama_paket(f.nama_pemda, f.tahun, f.triwulan, fmt_), mime=MIME[fmt_],
                          icon=":material/download:", on_click="ignore", width="stretch", key=f"paket_{fmt_}")
else:
    sesi.petunjuk_ekspor()

kaki("target dan realisasi indikator kinerja OPD; LRA dan RAK per OPD")
