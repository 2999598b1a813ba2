"""Pengguna & Akses (hanya administrator): siapa boleh melihat tanpa masuk, batas diam
sesi, akun dan perannya, OPD untuk peran opd, buka kunci. Setiap tombol memeriksa lagi
di server (sesi.wajib) dan setiap perubahan tercatat di jejak audit."""

import pandas as pd
import streamlit as st

from kinerja import format as fmt
from kinerja.akses import akun, atur, masuk, simpan
from kinerja.akses.peran import ATUR, KELOLA_PENGGUNA, NAMA_PERAN, OPD, PERAN, URAIAN_PERAN
from kinerja.ui import admin, sesi
from kinerja.ui.data import kueri, lokasi
from kinerja.ui.kerangka import pastikan_lewat_app

pastikan_lewat_app()
st.title("Pengguna & Akses", anchor=False)
pengguna = sesi.hanya_untuk(KELOLA_PENGGUNA, "akses", "Halaman ini hanya untuk administrator.")

pesan = st.session_state.pop("_akses_pesan", None)
if pesan:
    st.success(fmt.markdown_aman(pesan), icon=":material/check_circle:")
if pengguna.jenis == masuk.AWAL:
    st.info("Anda masuk sebagai **administrator awal** dari secrets. Buat akun administrator untuk diri Anda di "
            "bawah: setelah itu administrator awal tidak berlaku lagi.", icon=":material/info:")


def _selesai(teks: str) -> None:
    st.session_state["_akses_pesan"] = teks
    st.rerun()


opd_df = kueri("opd_dikenal")
nama_opd = dict(zip(opd_df["kode_opd"], opd_df["nama_opd"]))

# ---- pengaturan akses ------------------------------------------------------------------------
st.subheader("Pengaturan akses", anchor=False)
aturan = sesi.pengaturan()
with st.form("akses_atur", border=True):
    tampilan = st.radio("Siapa boleh melihat dasbor", list(simpan.NAMA_TAMPILAN),
                        index=list(simpan.NAMA_TAMPILAN).index(aturan[simpan.TAMPILAN]),
                        format_func=simpan.NAMA_TAMPILAN.get,
                        help="Terbuka cocok untuk layar ruang rapat di jaringan kantor. Unduhan, impor dan "
                             "pengaturan tetap memerlukan peran yang berhak.")
    menit = st.number_input("Sesi berakhir setelah tidak ada aktivitas selama (menit)",
                            min_value=simpan.MENIT_DIAM_MIN, max_value=simpan.MENIT_DIAM_MAKS,
                            value=simpan.menit_diam(aturan), step=5)
    if st.form_submit_button("Simpan pengaturan", type="primary"):
        pelaku = sesi.wajib(ATUR)
        try:
            uraian = atur.ubah(lokasi(), {simpan.TAMPILAN: tampilan, simpan.MENIT_DIAM: str(int(menit))},
                               oleh=pelaku.untuk_jejak, asal=admin.asal_klien())
        except atur.PengaturanDitolak as e:
            st.error(str(e))
        else:
            _selesai("Pengaturan disimpan: " + "; ".join(uraian) if uraian else "Pengaturan tidak berubah.")

# ---- akun ------------------------------------------------------------------------------------
st.subheader("Akun", anchor=False)
daftar = akun.daftar(lokasi())
if daftar.empty:
    st.info("Belum ada akun. Tambahkan di bawah, atau dengan `python -m kinerja pengguna tambah`.")
else:
    st.dataframe(pd.DataFrame({
        "Jenis": daftar["jenis"].map({"lokal": "Lokal (kata sandi)", "sso": "SSO (penyedia identitas)"}),
        "Nama / identitas": daftar["nama"], "Nama tampilan": daftar["nama_tampil"].fillna(""),
        "Peran": daftar["peran"].map(NAMA_PERAN),
        "OPD": [", ".join(o) for o in daftar["opd"]],
        "Status": daftar["aktif"].map({True: "aktif", False: "nonaktif"}),
        "Diubah": [fmt.waktu(w.to_pydatetime()) for w in daftar["diubah"]],
    }), hide_index=True, width="stretch", key="akses_daftar")
st.caption("Peran: " + " · ".join(f"**{NAMA_PERAN[k]}**: {URAIAN_PERAN[k]}" for k in PERAN)
           + ". Identitas SSO yang belum dipetakan di sini masuk sebagai Penonton.")


def _pilih_opd(kunci: str, awal: list[str]) -> list[str]:
    return st.multiselect("OPD (hanya untuk peran OPD)", list(nama_opd), default=[k for k in awal if k in nama_opd],
                          format_func=lambda k: f"{k} {nama_opd.get(k, '')}", key=kunci,
                          placeholder="Pilih satu atau lebih OPD")


tambah_tab, ubah_tab = st.tabs(["Tambah akun", "Ubah akun"])
with tambah_tab, st.form("akses_tambah", clear_on_submit=True, border=False):
    k1, k2 = st.columns(2)
    jenis = k1.radio("Jenis akun", akun.JENIS, horizontal=True,
                     format_func={"lokal": "Lokal (nama pengguna dan kata sandi)",
                                  "sso": "SSO (email atau subject dari penyedia identitas)"}.get)
    peran = k2.selectbox("Peran", PERAN, format_func=NAMA_PERAN.get, index=PERAN.index("penonton"),
                         placeholder="Pilih peran")
    k1, k2 = st.columns(2)
    nama = k1.text_input("Nama pengguna, atau email/subject untuk SSO", max_chars=akun.PANJANG_MAKS)
    tampil = k2.text_input("Nama orangnya (untuk layar dan jejak audit)", max_chars=120)
    opd = _pilih_opd("akses_tambah_opd", [])
    kata = st.text_input("Kata sandi (akun lokal, minimal 10 karakter)", type="password",
                         autocomplete="new-password", max_chars=1024)
    if st.form_submit_button("Tambah akun", type="primary"):
        pelaku = sesi.wajib(KELOLA_PENGGUNA)
        try:
            baku = akun.tambah(lokasi(), jenis, nama, peran, kata_sandi=kata or None, nama_tampil=tampil, opd=opd,
                               opd_dikenal=set(nama_opd), oleh=pelaku.untuk_jejak, asal=admin.asal_klien())
        except akun.AkunDitolak as e:
            st.error(str(e))
        else:
            _selesai(f"Akun {jenis} {baku} dibuat: {NAMA_PERAN[peran]}" + (f", OPD {', '.join(opd)}" if opd else ""))

with ubah_tab:
    if daftar.empty:
        st.caption("Belum ada akun untuk diubah.")
    else:
        kunci = [f"{r.jenis}|{r.nama}" for r in daftar.itertuples()]
        pilih = st.selectbox("Akun", kunci, format_func=lambda k: k.replace("|", ": ", 1), key="akses_ubah_akun",
                             placeholder="Pilih akun")
        lama = daftar.iloc[kunci.index(pilih)]
        with st.form(f"akses_ubah_{pilih}", border=False):
            k1, k2 = st.columns(2)
            peran_baru = k1.selectbox("Peran", PERAN, index=PERAN.index(lama["peran"]), format_func=NAMA_PERAN.get,
                                      placeholder="Pilih peran")
            aktif = k2.radio("Status", [True, False], index=0 if lama["aktif"] else 1, horizontal=True,
                             format_func={True: "Aktif", False: "Nonaktif (tidak dapat masuk)"}.get)
            opd_baru = _pilih_opd(f"akses_ubah_opd_{pilih}", list(lama["opd"]))
            sandi_baru = st.text_input("Kata sandi baru (kosongkan bila tidak diganti)", type="password",
                                       autocomplete="new-password", max_chars=1024,
                                       disabled=lama["jenis"] != akun.LOKAL)
            if st.form_submit_button("Simpan perubahan", type="primary"):
                pelaku = sesi.wajib(KELOLA_PENGGUNA)
                try:
                    uraian = akun.ubah(lokasi(), lama["jenis"], lama["nama"], peran=peran_baru,
                                       opd=opd_baru if peran_baru == OPD else [], kata_sandi=sandi_baru or None,
                                       aktif=aktif, opd_dikenal=set(nama_opd), oleh=pelaku.untuk_jejak,
                                       asal=admin.asal_klien())
                except akun.AkunDitolak as e:
                    st.error(str(e))
                else:
                    _selesai(f"Akun {lama['nama']}: " + ("; ".join(uraian) if uraian else "tidak ada yang berubah"))
        if lama["jenis"] == akun.LOKAL and st.button("Buka kunci (hapus hitungan kata sandi salah)",
                                                     icon=":material/lock_open:", key="akses_buka_kunci"):
            pelaku = sesi.wajib(KELOLA_PENGGUNA)
            masuk.buka_kunci(lokasi(), lama["nama"], oleh=pelaku.untuk_jejak, asal=admin.asal_klien())
            _selesai(f"Akun {lama['nama']} dapat mencoba masuk lagi sekarang.")

st.caption(f"Setelah {masuk.BATAS_GAGAL_AKUN} kata sandi salah untuk satu akun, atau "
           f"{masuk.BATAS_GAGAL_ALAMAT} dari satu alamat, dalam {int(masuk.JENDELA.total_seconds() // 60)} menit, "
           "masuk ditolak sampai percobaan tertua keluar dari jendela itu, di semua sesi dan setelah dasbor "
           "dijalankan ulang. Semua perubahan di halaman ini tercatat di jejak audit (Kelola Data).")
