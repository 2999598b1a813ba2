"""Tentang Data: skala dan aturan yang berlaku, cakupan data, riwayat impor.
Untuk analis yang perlu menjelaskan dari mana angka di layar berasal."""


import streamlit as st

from kinerja import format as fmt
from kinerja.skala import keterangan_pita, pita_dari
from kinerja.ui.data import kueri
from kinerja.ui.data import pengaturan as baca_pengaturan
from kinerja.ui.kerangka import pastikan_lewat_app
from kinerja.ui.komponen import kaki

pastikan_lewat_app()
st.title("Tentang Data", anchor=False)

pengaturan = baca_pengaturan()
batas_atas = float(pengaturan["batas_atas_capaian"])
pita = pita_dari(kueri("skala_aktif"))

kiri, kanan = st.columns([1, 1])
with kiri:
    st.subheader("Kategori capaian", anchor=False)
    judul = ("Skala Permendagri 86/2017 (evaluasi RKPD)" if pengaturan["skala_aktif"] == "permendagri86"
             else f"Skala daerah: {pengaturan['skala_aktif']}")
    st.caption(judul)
    for p, teks in keterangan_pita(pita, batas_atas):
        st.markdown(f"<p class='pita-daftar'><span class='pita-label' style='background:{p.warna};"
                    f"color:{p.warna_teks}'>{fmt.html_aman(p.label)}</span>{fmt.html_aman(teks)}</p>",
                    unsafe_allow_html=True)
with kanan:
    st.subheader("Aturan perhitungan", anchor=False)
    st.markdown(
        f"""
- **Polaritas naik**: capaian = realisasi ÷ target × 100.
- **Polaritas turun** (mis. stunting, kemiskinan): capaian = (2 × target − realisasi) ÷ target × 100;
  di bawah 0 dipotong ke 0 dan ditandai.
- **Target rentang**: di dalam rentang = 100%; di luar dibanding batas terdekat.
- **Target nol atau kosong**: capaian *n/a*, baris tetap tampil dan ditandai.
- Rata-rata dan peringkat memakai capaian yang **dibatasi {fmt.persen(batas_atas, 0)}**;
  capaian di atas **{fmt.persen(float(pengaturan['ambang_perlu_ditinjau']), 0)}** ditandai
  *target perlu ditinjau*.
- **Di bawah target**: capaian di bawah {fmt.persen(float(pengaturan['ambang_di_bawah_target']), 0)}.
- **Serapan anggaran**: realisasi kumulatif ÷ pagu berlaku × 100; rencana = RAK kumulatif ÷ pagu;
  deviasi = selisih dalam poin.
"""
    )

st.subheader("Cakupan data", anchor=False)
isi = kueri("isi_database")
# Angka diformat Indonesia di sini: format kolom st.dataframe mengikuti locale peramban.
for kolom in ("jumlah_opd", "jumlah_indikator", "baris_capaian", "baris_anggaran"):
    isi[kolom] = isi[kolom].map(fmt.angka)
st.dataframe(
    isi, hide_index=True, width="stretch",
    column_config={
        "kode_pemda": "Kode pemda", "nama_pemda": "Pemda", "jumlah_opd": "OPD",
        "jumlah_indikator": "Indikator", "tahun_awal": st.column_config.NumberColumn("Tahun awal", format="%d"),
        "tahun_akhir": st.column_config.NumberColumn("Tahun akhir", format="%d"),
        "baris_capaian": "Baris capaian", "baris_anggaran": "Baris anggaran",
    })

st.subheader("Riwayat impor", anchor=False)
log = kueri("riwayat_impor")
if log.empty:
    st.info("Belum ada impor yang tercatat.")
else:
    tampil = log.assign(
        waktu=[fmt.waktu(w.to_pydatetime()) for w in log["waktu"]],
        jumlah_baris=[fmt.jumlah_baris(j) for j in log["jumlah_baris"]],
        pesan=log["pesan"].fillna(""),
        sha256=log["sha256"].str.slice(0, 12),
    )
    st.dataframe(
        tampil, hide_index=True, width="stretch",
        column_config={
            "waktu": "Waktu", "pengguna": "Pengguna", "nama_file": "Berkas", "sha256": "SHA-256 (awal)",
            "format": "Format", "jumlah_baris": "Baris dimuat", "hasil": "Hasil", "pesan": "Catatan",
        })

kaki("tabel pengaturan, skala_kategori dan log_impor di database")
