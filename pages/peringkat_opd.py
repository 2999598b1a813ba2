"""Peringkat OPD: siapa di atas dan siapa di bawah pada periode ini, dan siapa yang
naik atau turun dibanding periode yang sama tahun lalu. Klik OPD untuk profilnya."""

import html

import pandas as pd
import streamlit as st

from kinerja import format as fmt
from kinerja.grafik.peringkat import batang_peringkat, kalimat_perubahan, teks_perubahan
from kinerja.skala import pita_dari
from kinerja.ui import url
from kinerja.ui.data import kueri
from kinerja.ui.data import pengaturan as baca_pengaturan
from kinerja.ui.filter import tautan_filter
from kinerja.ui.kerangka import mulai_halaman
from kinerja.ui.komponen import kaki

SUMBER = "target dan realisasi indikator kinerja OPD; LRA dan RAK per OPD"
# Dasar peringkat: daftar tetap (nilai juga dipakai sebagai parameter terikat kueri).
DASAR = {"kinerja": "Capaian kinerja", "serapan": "Penyerapan anggaran", "gabungan": "Skor gabungan"}
DASAR_BAWAAN = "kinerja"

f = mulai_halaman("Peringkat OPD")

pengaturan = baca_pengaturan()
batas_atas = float(pengaturan["batas_atas_capaian"])
ambang = float(pengaturan["ambang_di_bawah_target"])
bobot_k = float(pengaturan["bobot_gabungan_kinerja"])
bobot_a = float(pengaturan["bobot_gabungan_anggaran"])
persen_k = bobot_k / (bobot_k + bobot_a) * 100 if bobot_k + bobot_a else 0
persen_a = 100 - persen_k
pita = pita_dari(kueri("skala_aktif"))
nama_skala = ("skala Permendagri 86/2017" if pengaturan["skala_aktif"] == "permendagri86"
              else f"skala {pengaturan['skala_aktif']}")
pembanding = fmt.periode(f.tahun - 1, f.triwulan)

# Dasar peringkat terikat ke parameter URL 'dasar'; nilai tetap saat berpindah halaman.
# Tanpa nilai URL yang sah: dasar terakhir dipilih pada sesi ini, lalu bawaan.
url.siapkan("p_dasar", "dasar", st.session_state.get("_p_dasar_simpan", DASAR_BAWAAN), pilihan=DASAR,
            catat=lambda mentah, _: url.toast(url.pesan_tidak_dikenal("dasar", mentah, DASAR[DASAR_BAWAAN].lower())))


def _label_dasar(d: str) -> str:
    return f"Gabungan {fmt.angka(persen_k)}:{fmt.angka(persen_a)}" if d == "gabungan" else DASAR[d]


dasar = st.segmented_control("Peringkat menurut", list(DASAR), key="p_dasar", required=True,
                             format_func=_label_dasar)
st.session_state["_p_dasar_simpan"] = dasar
url.tulis({"dasar": dasar})

df = kueri("peringkat_opd", **f.sql(dasar=dasar))
bulan = next((int(b) for b in df["bulan_anggaran"] if pd.notna(b)), None) if not df.empty else None
s_d_bulan = f"s.d. {fmt.bulan(bulan)} {f.tahun}" if bulan else f"s.d. {fmt.TRIWULAN[f.triwulan]}"
rumus = {
    "kinerja": f"Capaian kinerja = rata-rata capaian indikator OPD, tiap indikator dibatasi "
               f"{fmt.persen(batas_atas, 0)}.",
    "serapan": f"Skor penyerapan = realisasi keuangan terhadap rencana kas (RAK) {s_d_bulan}, "
               f"maks. 100. Warna batang: kategori skor ini pada {nama_skala}.",
    "gabungan": f"Skor gabungan = {fmt.angka(persen_k)}% capaian kinerja + {fmt.angka(persen_a)}% "
                f"skor penyerapan (realisasi terhadap rencana kas {s_d_bulan}, maks. 100). "
                f"Warna batang: kategori skor gabungan pada {nama_skala}.",
}

if df.empty:
    st.info(f"Tidak ada OPD yang cocok dengan filter ini ({fmt.markdown_aman(f.cakupan)}) dan memiliki data pada {f.periode}. "
            "Pilih periode lain atau longgarkan filter sektor/OPD di sisi kiri.")
    kaki(SUMBER)
    st.stop()


def _ke_kinerja() -> None:
    st.session_state["p_dasar"] = "kinerja"


if dasar != "kinerja" and bulan is None:
    st.info(f"Belum ada data anggaran tahun {f.tahun} s.d. {fmt.TRIWULAN[f.triwulan]} untuk OPD dalam filter ini, "
            f"jadi peringkat menurut {DASAR[dasar].lower()} tidak dapat dihitung. "
            "Gunakan peringkat menurut capaian kinerja.")
    st.button("Tampilkan peringkat menurut capaian kinerja", on_click=_ke_kinerja, type="primary")
    kaki(SUMBER)
    st.stop()

dinilai = df[df["peringkat"].notna()]
if dinilai.empty:
    sebab = {"kinerja": "capaian kinerja (target atau realisasi belum ada)",
             "serapan": "skor penyerapan (rencana kas belum ada atau pagu nol)",
             "gabungan": "skor gabungan (capaian kinerja atau rencana kas belum ada)"}[dasar]
    st.info(f"Ada {len(df)} OPD dalam filter ini, tetapi tidak satu pun memiliki {sebab} pada {f.periode}.")
    kaki(SUMBER)
    st.stop()

# Teks perubahan peringkat dan keterangan per OPD (angka diformat Indonesia). Plotly
# membaca hovertext sebagai HTML terbatas: nama OPD hasil impor di-escape.
satuan = "" if dasar == "gabungan" else "%"
nama_skor = {"kinerja": "Capaian kinerja", "serapan": "Skor penyerapan", "gabungan": "Skor gabungan"}[dasar]


def _skor_teks(x) -> str:
    return fmt.angka(x, 1) if satuan == "" else fmt.persen(x)


def _label(x) -> str:
    return fmt.NA if pd.isna(x) else html.escape(str(x))


df = df.assign(perubahan=[teks_perubahan(p, q) for p, q in zip(df["peringkat"], df["peringkat_lalu"])])
df["hover"] = [
    f"<b>{_label(r.nama_opd)}</b><br>Peringkat {int(r.peringkat) if pd.notna(r.peringkat) else fmt.NA}"
    f" · {kalimat_perubahan(r.perubahan)} (vs {pembanding})<br>"
    f"{nama_skor}: {_skor_teks(r.skor)} · {_label(r.kategori_skor)}<br>"
    f"Capaian kinerja: {fmt.persen(r.capaian)} ({_label(r.kategori)})<br>"
    f"Realisasi keuangan: {fmt.persen(r.persen_realisasi)} · rencana {fmt.persen(r.persen_rencana)}<br>"
    "<i>Klik untuk membuka profil OPD</i>"
    for r in df.itertuples()
]

# Ringkasan singkat: berapa OPD, berapa di bawah target, tertinggi dan terendah.
jumlah = len(df)
bawah = int(dinilai["di_bawah_target"].sum())
teratas = dinilai[dinilai["peringkat"] == dinilai["peringkat"].min()]
terbawah = dinilai[dinilai["peringkat"] == dinilai["peringkat"].max()]


def _nama(baris: pd.DataFrame) -> str:
    nama = list(baris["singkatan"].fillna(baris["nama_opd"]))
    # Label kartu dan bantuannya dibaca sebagai markdown: nama hasil impor di-escape.
    return fmt.markdown_aman(", ".join(nama)) if len(nama) <= 3 else f"{len(nama)} OPD sama"


judul_dasar = {"kinerja": "capaian kinerja", "serapan": "penyerapan anggaran", "gabungan": "skor gabungan"}[dasar]
keterangan = (f"{jumlah} OPD · {bawah} di bawah target (< {fmt.angka_ringkas(ambang)}{satuan}) · "
              f"warna dan label = kategori {nama_skala}")
sumbu = {"kinerja": f"Capaian kinerja (%, dibatasi {fmt.angka(batas_atas)})",
         "serapan": "Realisasi terhadap rencana kas (%, maks. 100)",
         "gabungan": f"Skor gabungan (0–100; {fmt.angka(persen_k)}% kinerja + {fmt.angka(persen_a)}% serapan)"}[dasar]
# Seri yang dibuat oleh batas atas (capaian indikator > 100%, serapan > rencana): disebut, dan
# urutan menurut nilai tanpa batas ditawarkan sebagai pemecah seri, berlabel bukan peringkat resmi.
# Sakelarnya di bawah grafik (grafik di layar pertama); nilainya dibaca dari sesi lebih dulu.
seri_batas = dinilai[dinilai["seri_karena_batas"]]
pecah = bool(st.session_state.get("p_pecah_seri")) and not seri_batas.empty
grafik = df
if pecah:
    grafik = df.assign(peringkat=df["peringkat_pemecah_seri"],
                       jumlah_sama_peringkat=df["jumlah_sama_pemecah_seri"]).sort_values(
        ["peringkat", "nama_opd"], na_position="last", kind="stable").reset_index(drop=True)
    grafik["teks_tambahan"] = [f"tanpa batas {_skor_teks(t)}" if pd.notna(t) and pd.notna(x) and t - x > 1e-6
                               else "" for t, x in zip(grafik["skor_tanpa_batas"], grafik["skor"])]
    st.warning(f"Urutan pemecah seri (nilai tanpa batas atas) · {f.periode}: angka di grafik bukan peringkat "
               "resmi. Tabel di bawah tetap peringkat resmi.", icon=":material/swap_vert:")
# Tanpa judul di dalam grafik: judul halaman dan periodenya sudah di atas, batang mulai lebih tinggi.
fig = batang_peringkat(grafik, pita, "", keterangan,
                       ambang=ambang, batas_atas=batas_atas, satuan=satuan, judul_sumbu=sumbu,
                       judul_perubahan=f"vs {pembanding}")
acara = st.plotly_chart(fig, on_select="rerun", selection_mode="points", key="grafik_peringkat",
                        config={"displayModeBar": False})
# Keterangan, sakelar pemecah seri dan kartu di bawah grafik: di layar 1280x720 grafik
# (paling sedikit 10 batang) tampil lebih dulu.
st.caption(keterangan[0].upper() + keterangan[1:] + ". " + rumus[dasar]
           + " Nilai sama mendapat peringkat sama. Klik batang atau baris tabel untuk membuka "
           f"profil OPD. Kolom kanan: perubahan peringkat dibanding {pembanding} (▲ naik, ▼ turun, = tetap, "
           "baru = belum berperingkat).")
if not seri_batas.empty:
    kelompok_seri = seri_batas.groupby("peringkat").size()
    teks_seri = "; ".join(f"{int(k)} OPD di peringkat {int(p)}" for p, k in kelompok_seri.items())
    st.toggle("Pecah seri dengan nilai tanpa batas atas", key="p_pecah_seri",
              help="Urutan di dalam nilai yang sama menurut rata-rata tanpa batas atas. "
                   "Hanya tampilan: peringkat resmi tetap memakai nilai yang dibatasi.")
    st.caption(f"Nilai sama karena batas atas {fmt.persen(batas_atas, 0)}: {teks_seri}.")

c1, c2, c3, c4 = st.columns(4)
c1.metric("OPD dinilai" if len(dinilai) == jumlah else f"OPD dinilai (dari {jumlah})", f"{len(dinilai)}",
          border=True, help=None if len(dinilai) == jumlah else
          f"{jumlah - len(dinilai)} OPD tanpa {nama_skor.lower()} (n/a) tidak diberi peringkat.")
c2.metric(f"Di bawah target (< {fmt.angka_ringkas(ambang)}{satuan})", f"{bawah}", border=True)
c3.metric(f"Tertinggi: {_nama(teratas)}", _skor_teks(teratas["skor"].iloc[0]), border=True,
          help=fmt.markdown_aman(", ".join(teratas["nama_opd"])))
c4.metric(f"Terendah: {_nama(terbawah)}", _skor_teks(terbawah["skor"].iloc[0]), border=True,
          help=fmt.markdown_aman(", ".join(terbawah["nama_opd"])))

if len(dinilai) == 1:
    st.info("Hanya satu OPD yang dapat dinilai dalam filter ini, sehingga peringkatnya 1. "
            "Peringkat baru bermakna bila membandingkan lebih dari satu OPD: longgarkan filter di sisi kiri.")


# Tabel peringkat: angka diformat Indonesia sebagai teks, kecuali capaian (batang kemajuan).
tabel = pd.DataFrame({
    "Peringkat": df["peringkat"].astype("Int64"),
    "OPD": df["singkatan"].fillna(df["nama_opd"]),
    "Capaian": df["capaian"].map(fmt.persen),
    "Batang": df["capaian"].clip(upper=batas_atas),
    "Kategori": df["kategori"].fillna(fmt.NA),
    "Skor penyerapan": df["skor_serapan"].map(fmt.persen),
    "Skor gabungan": df["skor_gabungan"].map(lambda x: fmt.angka(x, 1)),
    f"Perubahan vs {pembanding}": df["perubahan"],
    "Realisasi keuangan": df["persen_realisasi"].map(fmt.persen),
    "Rencana kas": df["persen_rencana"].map(fmt.persen),
    "Nama OPD": df["nama_opd"],
})
st.subheader(f"Tabel peringkat · {f.periode}", anchor=False)
pilih = st.dataframe(
    tabel, hide_index=True, width="stretch", on_select="rerun", selection_mode="single-row",
    key="tabel_peringkat", placeholder=fmt.NA,
    column_config={
        "Peringkat": st.column_config.NumberColumn("Peringkat", format="%d", width="small"),
        "Capaian": st.column_config.TextColumn(
            "Capaian kinerja", help=f"Rata-rata capaian indikator, tiap indikator dibatasi {fmt.persen(batas_atas, 0)}"),
        # Batang tanpa angka: format angka kolom mengikuti locale peramban, jadi
        # angkanya ditulis sebagai teks Indonesia di kolom sebelumnya.
        "Batang": st.column_config.ProgressColumn("", min_value=0, max_value=batas_atas, format=" ",
                                                  width="small"),
        "Kategori": st.column_config.TextColumn("Kategori kinerja"),
        f"Perubahan vs {pembanding}": st.column_config.TextColumn(
            "Perubahan", help=f"Perubahan peringkat dibanding {pembanding} (dasar dan filter sama): "
                              "▲ naik, ▼ turun, = tetap, baru = belum berperingkat"),
    })
st.caption(f"Anggaran {s_d_bulan} (bulan akhir triwulan, atau bulan terakhir yang ada). "
           "Pilih baris untuk membuka profil OPD; unduh tabel dari ikon di pojok kanan atas tabel.")


def _buka_profil(kode: str) -> None:
    st.session_state["f_profil"] = kode
    st.switch_page("pages/profil_opd.py", query_params={**tautan_filter(), "profil": kode})


def _terpilih(acara, kunci: str) -> list:
    """Isi selection[kunci] dari status grafik/tabel; kosong bila belum ada pilihan."""
    try:
        return list(acara["selection"][kunci] or [])
    except (KeyError, TypeError):
        return []


kode_terpilih = None
titik = _terpilih(acara, "points")
if titik:
    data = titik[0].get("customdata")
    kode_terpilih = data[0] if isinstance(data, (list, tuple)) and data else data
baris = _terpilih(pilih, "rows")
if kode_terpilih is None and baris:
    kode_terpilih = df["kode_opd"].iloc[baris[0]]
if kode_terpilih:
    _buka_profil(str(kode_terpilih))

kaki(SUMBER)
