"""Mode Rapat: tayangan layar penuh untuk rapat evaluasi di proyektor.

Tanpa sidebar dan header; huruf besar. Slide: ringkasan dan poin penting,
peringkat, OPD di bawah target, lalu satu slide per OPD (atau per bidang urusan)
dengan gauge, indikator di bawah target, kurva S, kendala dan tindak lanjut.
Filter (periode, sektor, OPD) tetap dari bilah filter bersama (tersembunyi) dan
URL; nomor slide, himpunan, jeda putar otomatis dan tema terikat ke parameter
URL slide, set, jeda, tema sehingga tautan langsung membuka slide yang dipilih.
"""

import time

import pandas as pd
import streamlit as st

from kinerja import format as fmt
from kinerja.grafik import dasar as grafik
from kinerja.grafik import tren as gt
from kinerja.rapat import slide as sl
from kinerja.ekspor.nama import MIME, nama_paket
from kinerja.rapat.paket import KETERANGAN_KURVA
from kinerja.grafik.peringkat import batang_peringkat, teks_perubahan
from kinerja.skala import pita_dari
from kinerja.akses.peran import EKSPOR
from kinerja.ui import sesi
from kinerja.ui import url
from kinerja.ui import layar, tema_rapat
from kinerja.ui import rapat_html as rh
from kinerja.ui.data import isi_rapat, kueri, paket_rapat
from kinerja.ui.data import pengaturan as baca_pengaturan
from kinerja.ui.kerangka import mulai_halaman
from kinerja.ui.komponen import data_per

KONFIG = {"displayModeBar": False, "staticPlot": False}
MAKS_BARIS = sl.MAKS_BARIS

f = mulai_halaman("Mode Rapat", kepala_halaman=False)
esc = fmt.html_aman


# --- Pilihan tayangan: dari URL pada kunjungan pertama, lalu dari widget ----------------

def _catat(nama: str, mentah: str, dipakai: str) -> None:
    url.toast(url.pesan_tidak_dikenal(nama, mentah, dipakai))


def _siapkan(kunci: str, nama: str, pilihan: dict, bawaan, ubah=str) -> None:
    """Nilai sesi yang belum ada atau tidak sah dibaca (lagi) dari URL."""
    if st.session_state.get(kunci) not in pilihan:
        st.session_state[kunci] = url.dari_url(nama, bawaan, urai=lambda m: sl.pilihan_sah(m, pilihan, bawaan, ubah),
                                               catat=lambda m, _: _catat(nama, m, pilihan[bawaan].lower()))


_siapkan("r_set", "set", sl.HIMPUNAN, sl.HIMPUNAN_BAWAAN)
_siapkan("r_jeda", "jeda", sl.JEDA, sl.JEDA_BAWAAN, int)
_siapkan("r_tema", "tema", sl.TEMA, sl.TEMA_BAWAAN)
st.session_state.setdefault("r_jalan", True)
himpunan, jeda, tema = st.session_state["r_set"], int(st.session_state["r_jeda"]), st.session_state["r_tema"]
tema_rapat.pasang(tema)
# Huruf grafik ikut layar, seperti zoom CSS teks HTML; 1 sampai peramban melapor ukurannya.
skala_dilapor = layar.skala()
skala_layar = skala_dilapor or 1.0

pengaturan = baca_pengaturan()
batas_atas = float(pengaturan["batas_atas_capaian"])
ambang = float(pengaturan["ambang_di_bawah_target"])
pita = pita_dari(kueri("skala_aktif"))
# Model rapat (kinerja.rapat.paket): angka, flag dan daftar slide dihitung sekali; halaman ini hanya
# menata letaknya. Bahan rapat yang diunduh dibuat dari model yang sama.
pk = isi_rapat(f, himpunan)
opd = pk.opd
daftar = pk.slide
jumlah = len(daftar)

# Tautan yang diubah selagi sesi hidup (slide di URL berbeda dari yang terakhir ditulis) dibaca ulang.
url.siapkan("r_slide", "slide", 1, urai=lambda m: sl.nomor_sah(m, jumlah), penanda="_r_url_slide",
            catat=lambda m, n: _catat("slide", m, f"slide {n}"))
st.session_state["r_slide"] = min(max(int(st.session_state["r_slide"]), 1), jumlah)
# Setiap jalannya seluruh halaman memulai hitungan jeda dari nol.
st.session_state["_r_waktu"] = time.monotonic()


def _tulis_url() -> None:
    nilai = {"slide": str(st.session_state["r_slide"]), "set": st.session_state["r_set"],
             "jeda": str(st.session_state["r_jeda"]), "tema": st.session_state["r_tema"]}
    url.tulis(nilai)
    st.session_state["_r_url_slide"] = nilai["slide"]


_tulis_url()


# --- Potongan tampilan ---------------------------------------------------------------------

def _html(teks: str) -> None:
    st.markdown(teks, unsafe_allow_html=True)


def _grafik(fig, kunci: str, tinggi: int | None = None) -> None:
    """Grafik setinggi `tinggi` px pada layar 1280x720, ikut membesar dengan tinggi layar
    (1920x1080: 1,5x) agar slide terisi penuh seperti di layar kecil. CSS zoom tidak bisa
    dipakai untuk Plotly (ukurannya dihitung ulang lalu terpotong), jadi tingginya dalam vh."""
    tinggi = int(tinggi or fig.layout.height or 400)
    with st.container(key=f"rg_{kunci}"):
        st.html(f"<style>{sl.css_tinggi_grafik(f'rg_{kunci}', tinggi)}</style>")
        st.plotly_chart(sl.warnai(sl.huruf_rapat(fig, skala_layar), tema), config=KONFIG, key=kunci, width="stretch",
                        height="stretch")


def _kosong(teks: str) -> None:
    _html(rh.kosong(teks))


LEBAR_KETERANGAN_KURVA = 50   # karakter keterangan sebaris di kolom kurva S (1/3 slide, huruf 15 px)


def _kurva_s(jenis: str, kode: str, judul: str, kunci: str, tinggi: int = 380) -> None:
    kini, lalu = pk.kurva_s(jenis, kode)
    if kini.empty or kini["persen_realisasi"].isna().all():
        _kosong(f"Belum ada data anggaran {f.tahun}; kurva S tidak dapat digambar.")
        return
    bulan_tw, label_tw = pk.bulan_label(kini)
    ket = KETERANGAN_KURVA[jenis]
    fig = gt.kurva_s(kini, lalu if not lalu.empty else None, f.tahun, bulan_tw, label_tw, judul,
                     f"{ket} · {gt.sumber_pagu(kini)}", tinggi=tinggi, bulan_ringkas=True,
                     lebar_keterangan=LEBAR_KETERANGAN_KURVA)
    # Judul lebih rapat daripada di halaman Tren (baris keterangan tambahan tetap diberi ruang).
    fig.update_layout(legend=dict(font=dict(size=15)), margin=dict(t=fig.layout.margin.t - 24, b=12))
    # Proyektor: angka sumbu dan label deviasi lebih besar daripada di halaman Tren.
    fig.update_xaxes(tickfont_size=16)
    fig.update_yaxes(tickfont_size=15)
    fig.update_traces(textfont_size=15, selector=dict(type="bar"))
    _grafik(fig, kunci)


# --- Slide -----------------------------------------------------------------------------------

def slide_ringkasan() -> None:
    if pk.kinerja is None:
        _kosong(f"Belum ada data capaian kinerja untuk {f.periode} dalam filter ini.")
        return
    k, a = pk.kinerja, pk.anggaran
    c1, c2, c3 = st.columns(3)
    c1.markdown(rh.kartu("Capaian kinerja", esc(fmt.persen(k["capaian"])),
                       f"{rh.chip(k['kategori'], pita)} rata-rata {int(k['jumlah_opd_dinilai'])} OPD", besar=True),
                unsafe_allow_html=True)
    if a is not None:
        c2.markdown(rh.kartu(f"Realisasi keuangan s.d. {esc(fmt.bulan(int(a['bulan'])))}",
                           esc(fmt.persen(a["persen_realisasi"])),
                           f"rencana kas {esc(fmt.persen(a['persen_rencana']))} · deviasi "
                           f"{esc(fmt.poin(a['deviasi']))}", besar=True), unsafe_allow_html=True)
    else:
        c2.markdown(rh.kartu("Realisasi keuangan", fmt.NA, f"belum ada data anggaran {f.tahun}", besar=True),
                    unsafe_allow_html=True)
    c3.markdown(rh.kartu("OPD di bawah target",
                       f"{int(k['jumlah_opd_di_bawah_target'])} dari {int(k['jumlah_opd'])}",
                       f"capaian &lt; {esc(fmt.ambang(ambang))}", besar=True), unsafe_allow_html=True)
    poin = pk.poin
    _html(f"<div class='rapat-judul-bagian'>Poin-poin penting</div><ol class='rapat-poin "
          f"{sl.kerapatan(len(poin), sl.POIN_LEGA)}'>"
          + "".join(f"<li>{esc(p.teks)}</li>" for p in poin) + "</ol>")


def slide_peringkat() -> None:
    df = pk.peringkat
    df = df[df["peringkat"].notna()].reset_index(drop=True)
    if df.empty:
        _kosong(f"Tidak ada OPD dengan capaian kinerja pada {f.periode} dalam filter ini.")
        return
    df = df.assign(perubahan=[teks_perubahan(p, q) for p, q in zip(df["peringkat"], df["peringkat_lalu"])])
    kolom, tersembunyi = sl.bagi_peringkat(list(df["peringkat"]))
    padat = [b for butir in kolom for b in butir if len(b) > 1]
    wadah = st.columns(len(kolom))
    for i, (butir, kol) in enumerate(zip(kolom, wadah)):
        bagian = sl.baris_peringkat(df, butir)
        dari, sampai = int(bagian["peringkat"].iloc[0]), int(bagian["peringkat"].iloc[-1])
        rentang = f"peringkat {dari}–{sampai}" if sampai > dari else f"peringkat {dari}"
        judul = (("Terbaik · " if i == 0 else "Terbawah · ") + rentang) if tersembunyi else "P" + rentang[1:]
        fig = batang_peringkat(bagian, pita, judul, f"capaian kinerja · {f.periode}", ambang=ambang,
                               batas_atas=batas_atas, judul_perubahan=f"vs {f.tahun - 1}")
        n = len(bagian)
        fig.update_layout(height=118 + 40 + max(n, 3) * 32, showlegend=False,
                          margin=dict(t=118, b=40), title=dict(font=dict(size=24), y=0.99, pad=dict(t=22)))
        fig.update_yaxes(tickfont=dict(size=20))
        fig.update_traces(insidetextfont_size=18, outsidetextfont_size=18, selector=dict(type="bar"))
        fig.update_annotations(font_size=17)
        with kol:
            _grafik(fig, f"rapat_peringkat_{i}")
    # Di bawah grafik, sesingkat mungkin (kendali slide harus tetap terlihat di 1280x720).
    seri_batas = bool(df["seri_karena_batas"].any())
    sebab_disebut = False
    for b in padat:
        anggota = df.iloc[list(b)]
        nama = ", ".join(sl.potong(sl.nama_opd(r.singkatan, r.nama_opd), 40) for r in anggota.itertuples())
        karena_batas = bool(anggota["seri_karena_batas"].any())
        sebab_disebut |= karena_batas
        sebab = f" (sama karena capaian indikator dibatasi {fmt.persen(batas_atas, 0)})" if karena_batas else ""
        _html(f"<div class='rapat-lebih'><b>{len(b)} OPD di peringkat {int(anggota['peringkat'].iloc[0])} · "
              f"{esc(fmt.persen(anggota['skor'].iloc[0]))}</b>{esc(sebab)}: {esc(nama)}</div>")
    lain = []
    if tersembunyi:
        lain.append(f"{tersembunyi} OPD di tengah tidak ditampilkan")
    if seri_batas and not sebab_disebut:
        lain.append(f"nilai sama karena capaian indikator dibatasi {fmt.persen(batas_atas, 0)}")
    if lain:
        kalimat = "; ".join(lain)
        _html(f"<div class='rapat-lebih'>{esc(kalimat[0].upper() + kalimat[1:])}; daftar lengkap"
              + (" dan urutan pemecah seri" if seri_batas else "") + " di halaman Peringkat OPD.</div>")


def slide_di_bawah_target() -> None:
    bawah = sl.opd_di_bawah(opd)
    dinilai = int(opd["capaian"].notna().sum())
    _html(f"<div class='rapat-label'><span class='rapat-angka'>{len(bawah)}</span> dari {len(opd)} OPD "
          f"capaiannya di bawah {esc(fmt.ambang(ambang))}"
          + (f" ({len(opd) - dinilai} OPD tanpa capaian)" if dinilai < len(opd) else "") + "</div>")
    if bawah.empty:
        _kosong(f"Semua OPD yang dinilai mencapai target pada {f.periode}.")
        return
    tampil = bawah.iloc[:2 * MAKS_BARIS]
    if len(tampil) <= sl.BARIS_LEGA:   # muat satu kolom berhuruf besar
        _html(rh.tabel_opd(tampil, pita, ambang, batas_atas))
    else:
        tengah = min((len(tampil) + 1) // 2, MAKS_BARIS)
        kiri, kanan = st.columns(2, gap="large")
        for kol, bagian, awal in ((kiri, tampil.iloc[:tengah], 1), (kanan, tampil.iloc[tengah:], tengah + 1)):
            kol.markdown(rh.tabel_opd(bagian, pita, ambang, batas_atas, awal, baris_kolom=tengah),
                         unsafe_allow_html=True)
    if len(bawah) > len(tampil):
        _html(f"<div class='rapat-lebih'>+{len(bawah) - len(tampil)} OPD lainnya: daftar lengkap di halaman "
              "Di Bawah Target.</div>")
    _html(f"<div class='rapat-lebih'>Terburuk dulu. Kolom terakhir: indikator dengan capaian di bawah "
          f"{esc(fmt.ambang(ambang))} dari indikator yang dapat dihitung.</div>")


def _indikator_bawah(kode: str) -> None:
    ind = pk.indikator_bawah(kode)
    _html(f"<div class='rapat-judul-bagian'>Indikator di bawah {esc(fmt.ambang(ambang))} ({len(ind)})</div>")
    if ind.empty:
        _kosong("Tidak ada indikator di bawah target.")
        return
    _html(rh.tabel_indikator(ind, pita))


def _kendala(kode: str) -> None:
    ken = pk.kendala_opd(kode)
    kiri, kanan = st.columns(2, gap="large")
    if ken.empty:
        kiri.markdown(f"<div class='rapat-judul-bagian'>Kendala</div><div class='rapat-lebih'>Belum dilaporkan "
                      f"untuk {esc(f.periode)}.</div>", unsafe_allow_html=True)
        return
    for kol, judul, kolom in ((kiri, "Kendala", "kendala"), (kanan, "Tindak lanjut", "tindak_lanjut")):
        kol.markdown(rh.daftar_catatan(judul, ken[kolom]), unsafe_allow_html=True)


def slide_opd(kode: str, nomor: int) -> None:
    r = pk.baris_opd(kode)
    if r is None:
        _kosong("OPD ini tidak termasuk filter yang dipilih.")
        return
    g, t, k = st.columns([3.2, 4.6, 4.2], gap="medium")
    with g:
        if pd.isna(r["capaian"]):
            _kosong(f"Capaian belum dapat dihitung ({int(r['jumlah_na'])} indikator n/a).")
        else:
            fig = grafik.gauge_capaian(float(r["capaian"]), pita, "Capaian kinerja",
                                       f"{int(r['jumlah_terhitung'])} dari {int(r['jumlah_indikator'])} indikator",
                                       batas_atas=batas_atas, tinggi=250)
            fig.update_traces(number_font_size=44)
            fig.update_layout(margin=dict(t=84, b=16, l=36, r=36))
            _grafik(fig, f"rapat_gauge_{nomor}")
        peringkat = fmt.teks_peringkat(r["peringkat"], r["jumlah_opd_dinilai"], r["jumlah_sama_peringkat"])
        uang = (f"{esc(fmt.persen(r['persen_realisasi']))} <span class='rapat-sub'>rencana "
                f"{esc(fmt.persen(r['persen_rencana']))}</span>" if not pd.isna(r["persen_realisasi"]) else fmt.NA)
        _html(f"<div class='rapat-label'>{rh.chip(r['kategori'], pita)}</div>"
              f"<div class='rapat-label' style='margin-top:.3rem'>Peringkat <b>{esc(peringkat)}</b></div>"
              f"<div class='rapat-label' style='margin-top:.3rem'>Realisasi keuangan <b>{uang}</b></div>")
    with t:
        _indikator_bawah(kode)
    with k:
        _kurva_s("opd", kode, f"Kurva S keuangan {f.tahun}", f"rapat_kurva_{nomor}", tinggi=380)
    _kendala(kode)


def slide_bidang(kode_urusan: str, nomor: int) -> None:
    anggota = pk.anggota_bidang(kode_urusan)
    if anggota.empty:
        _kosong("Tidak ada OPD dalam bidang ini untuk filter yang dipilih.")
        return
    k = pk.ringkas_bidang(kode_urusan)
    kiri, tengah, kanan = st.columns([3, 5, 4], gap="medium")
    with kiri:
        if k is not None and int(k["jumlah_opd_dinilai"]):
            kiri.markdown(rh.kartu("Capaian bidang", esc(fmt.persen(k["capaian"])),
                                 f"{rh.chip(k['kategori'], pita)}<br>rata-rata {int(k['jumlah_opd_dinilai'])} OPD"),
                          unsafe_allow_html=True)
            kiri.markdown(rh.kartu("OPD di bawah target",
                                 f"{int(k['jumlah_opd_di_bawah_target'])} dari {int(k['jumlah_opd'])}",
                                 f"capaian &lt; {esc(fmt.ambang(ambang))}"), unsafe_allow_html=True)
        else:
            _kosong(f"Belum ada capaian untuk {f.periode}.")
    with tengah:
        _html("<div class='rapat-judul-bagian'>OPD dalam bidang</div>")
        _html(rh.tabel_opd(anggota.iloc[:MAKS_BARIS], pita, ambang, batas_atas, dengan_batang=False))
        if len(anggota) > MAKS_BARIS:
            _html(f"<div class='rapat-lebih'>+{len(anggota) - MAKS_BARIS} OPD lainnya</div>")
    with kanan:
        _kurva_s("bidang", kode_urusan, f"Kurva S keuangan {f.tahun}", f"rapat_kurva_b_{nomor}", tinggi=420)


# --- Tayangan: kepala, slide, kendali; diputar ulang oleh fragmen bila jeda aktif ---------------

def _pindah(langkah: int) -> None:
    st.session_state["r_slide"] = sl.geser(st.session_state["r_slide"], langkah, jumlah)
    st.session_state["_r_waktu"] = time.monotonic()


def _tayang() -> None:
    jalan = bool(jeda) and st.session_state["r_jalan"]
    if jalan and time.monotonic() - st.session_state["_r_waktu"] >= jeda - 0.5:
        _pindah(1)
    nomor = st.session_state["r_slide"]
    s = daftar[nomor - 1]
    _tulis_url()
    _html(f"<div class='rapat-kepala' data-skala='{skala_dilapor or 0:g}'>"
          f"<div class='kiri'><div class='rapat-pemda'><b>{esc(f.nama_pemda)}</b> · "
          f"<b>{esc(f.periode)}</b> · {esc(f.cakupan)}</div><div class='rapat-judul'>{esc(s.judul)}</div></div>"
          f"<div class='rapat-nomor'>{nomor} / {jumlah}<span>{esc(data_per())}</span></div></div>")
    if s.jenis == "ringkasan":
        slide_ringkasan()
    elif s.jenis == "peringkat":
        slide_peringkat()
    elif s.jenis == "di_bawah_target":
        slide_di_bawah_target()
    elif s.jenis == "opd":
        slide_opd(s.kode_opd, nomor)
    else:
        slide_bidang(s.kode_urusan, nomor)

    with st.container(key="rapat_kendali", horizontal=True, vertical_alignment="center"):
        st.button("◀ Sebelumnya", on_click=_pindah, args=(-1,), key="r_sebelum", shortcut="Left")
        st.markdown(f"**{nomor} / {jumlah}**")
        st.button("Berikutnya ▶", on_click=_pindah, args=(1,), key="r_berikut", shortcut="Right")
        # Remote presentasi (clicker) mengirim PageUp/PageDown: tombol kembar tersembunyi.
        st.button("Sebelumnya (PageUp)", on_click=_pindah, args=(-1,), key="r_sebelum_pg", shortcut="PageUp")
        st.button("Berikutnya (PageDown)", on_click=_pindah, args=(1,), key="r_berikut_pg", shortcut="PageDown")
        if jeda:
            jalan_kini = st.session_state["r_jalan"]
            if st.button("Jeda" if jalan_kini else f"Putar otomatis ({jeda} detik)", key="r_putar",
                         icon=":material/pause:" if jalan_kini else ":material/play_arrow:", shortcut="P"):
                st.session_state["r_jalan"] = not st.session_state["r_jalan"]
                st.rerun(scope="app")
        st.caption(f"{sl.HIMPUNAN[himpunan]} · {'putar tiap ' + str(jeda) + ' detik' if jalan else 'manual'}"
                   " · tombol ← → atau PageUp/PageDown" + (" · P: jeda/putar" if jeda else ""))


st.fragment(run_every=jeda if jeda and st.session_state["r_jalan"] else None, key="rapat_tayang")(_tayang)()

# Pengaturan tayangan: kecil, di pojok kanan bawah; perubahan menjalankan ulang seluruh halaman.
with st.container(key="rapat_atur"):
    with st.popover("Pengaturan tayangan", icon=":material/tune:"):
        st.selectbox("Slide", list(sl.HIMPUNAN), key="r_set", format_func=sl.HIMPUNAN.get, placeholder="Pilih slide",
                     help="Slide per OPD: semua OPD dalam filter, hanya yang di bawah target (terburuk dulu), "
                          "atau satu slide per bidang urusan.")
        st.selectbox("Putar otomatis", list(sl.JEDA), key="r_jeda", format_func=sl.JEDA.get, placeholder="Pilih jeda")
        st.radio("Tema", list(sl.TEMA), key="r_tema", format_func=sl.TEMA.get)
        st.caption("Periode, sektor dan OPD mengikuti filter halaman lain (atau parameter tautan). "
                   "Tautan halaman ini membuka slide yang sedang tampil.")
        st.markdown("**Unduh slide ini sebagai bahan rapat**")
        format_unduh = (("pptx", "Presentasi (PPTX)"), ("pdf", "Cetak (PDF)"), ("xlsx", "Excel (XLSX)"))
        if not sesi.boleh(EKSPOR):
            sesi.petunjuk_ekspor(pendek=True)
            format_unduh = ()
        for fmt_, label in format_unduh:
            st.download_button(label, data=sesi.dengan_izin(EKSPOR, lambda fmt_=fmt_: paket_rapat(fmt_, f, himpunan)),
                               file_name=nama_paket(f.nama_pemda, f.tahun, f.triwulan, fmt_), mime=MIME[fmt_],
                               icon=":material/download:", on_click="ignore", width="stretch",
                               key=f"r_paket_{fmt_}")
        st.page_link("pages/ringkasan.py", label="Keluar dari Mode Rapat", icon=":material/close:")
