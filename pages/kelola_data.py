"""Kelola Data (hanya administrator): unduh templat, unggah berkas, periksa dengan
daftar setiap masalah, muat ke database, dan riwayat impor.

Berkas yang salah tidak mengubah apa pun di database. Setelah dimuat, cache koneksi
dan hasil kueri dibuang sehingga setiap sesi yang terbuka melihat data baru."""

import re

import pandas as pd
import streamlit as st

from kinerja import format as fmt, wilayah

from kinerja.ekspor import unduhan
from kinerja.basisdata.baru import BaruDitolak, buat_baru
from kinerja.basisdata.cadangan import CadanganGagal
from kinerja.galat import PenulisanGagal, pesan_tulis
from kinerja.impor.berkas import tebak_format
from kinerja.impor.masalah import ImporGagal
from kinerja.impor.muat import Rencana
from kinerja.impor.periksa import (JENIS, NAMA_JENIS, ImporSedangBerjalan, Opsi, hanya_opd_belum_terdaftar,
                                   muat_berkas, opd_belum_terdaftar, periksa, sidik, sidik_isi,
                                   templat_xlsx)
from kinerja.akses.sandi import hash_sah
from kinerja.akses.peran import IMPOR, LIHAT_AUDIT
from kinerja.akses import jejak as jejak_akses
from kinerja.ui import admin, sesi, unggah
from kinerja.ui.data import bersihkan_cache, isi_selain_demo_kini, kueri, lokasi
from kinerja.ui.kerangka import pastikan_lewat_app
from kinerja.ui.komponen import data_per

JEJAK_DITAMPILKAN = 200  # baris jejak audit di layar; unduhan berisi semuanya

pastikan_lewat_app()
st.title("Kelola Data", anchor=False)

hash_tersimpan = admin.hash_sandi()
if hash_tersimpan is not None and not hash_sah(hash_tersimpan):
    st.error("Isian `sandi_hash` di secrets tidak berbentuk hash yang dikenali; buat ulang hash-nya.")
    st.markdown(admin.PETUNJUK_SECRETS)
    st.stop()
if sesi.kini() is None and not sesi.ada_cara_masuk():
    st.warning("Kata sandi administrator belum diatur; halaman ini tidak dapat memuat data.")
    st.markdown(admin.PETUNJUK_SECRETS)
    st.stop()
pengguna = sesi.hanya_untuk(IMPOR, "kelola", "Halaman ini hanya untuk administrator yang memuat data ke dasbor.")

# ---- sudah masuk ---------------------------------------------------------------------------
kiri, kanan = st.columns([5, 1], vertical_alignment="center")
kiri.caption(f"Masuk sebagai {fmt.markdown_aman(pengguna.label)} (administrator) · {data_per()}")
if kanan.button("Keluar", icon=":material/logout:", width="stretch"):
    sesi.keluar()
    st.switch_page("pages/ringkasan.py")

# ---- database demo: mulai database pemda sendiri (seperti python -m kinerja baru) -------------
if isi_selain_demo_kini() is None:
    with st.container(border=True):
        st.markdown("**Dasbor ini berisi data demo fiktif (Kabupaten Nusa Makmur).** Data daerah Anda tidak "
                    "dimuat ke demo: buat dulu database untuk pemda Anda, lalu muat berkasnya di bawah.")
        wil = wilayah.semua()
        b1, b2, b3 = st.columns([3, 3, 2], vertical_alignment="bottom")
        kode_baru = b1.selectbox("Pemda (kode wilayah Kemendagri)", list(wil), index=None,
                                 format_func=lambda k: f"{k} {wil[k].nama}", placeholder="Ketik nama atau kode",
                                 key="kelola_baru_kode")
        nama_baru = b2.text_input("Nama yang ditampilkan (boleh kosong)", key="kelola_baru_nama",
                                  placeholder=wil[kode_baru].nama if kode_baru else "nama resmi", max_chars=120)
        if b3.button("Buat database pemda", icon=":material/add_circle:", disabled=kode_baru is None,
                     width="stretch", key="kelola_baru"):
            pelaku = sesi.wajib(IMPOR)  # diperiksa lagi di server untuk tindakan ini sendiri
            try:
                w, _ = buat_baru(lokasi(), kode_baru, nama_baru.strip() or None,
                                 pengguna=pelaku.untuk_jejak, asal=admin.asal_klien())
            except BaruDitolak as e:
                st.error(fmt.markdown_aman(str(e)))
            except (PenulisanGagal, CadanganGagal) as e:  # disk penuh, folder tanpa hak tulis
                st.error("Database pemda tidak dibuat; data demo tetap dipakai, tidak ada yang berubah. "
                         + fmt.markdown_aman(str(e)), icon=":material/error:")
            else:
                bersihkan_cache()
                st.session_state["_kelola_dimuat"] = (f"Database untuk {nama_baru.strip() or w.nama} ({w.kode}) "
                                                      "dibuat; data demo diganti. Muat berkas pemda Anda di bawah")
                st.rerun()

st.subheader("1. Templat impor", anchor=False)
st.markdown("Isi data kinerja dan anggaran pada templat XLSX: lembar *Petunjuk* menjelaskan setiap kolom, "
            "satu lembar per tabel (pemda, opd, indikator, capaian, anggaran, kendala) berisi contoh. "
            "Lembar yang sama boleh juga diunggah sebagai berkas CSV terpisah (nama berkas = nama lembar).")
st.download_button("Unduh templat impor (XLSX)", data=templat_xlsx, file_name="templat-impor-kinerja.xlsx",
                   mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                   icon=":material/download:", on_click="ignore", key="kelola_templat")

st.subheader("2. Unggah berkas", anchor=False)
nomor_unggah = st.session_state.get("_kelola_nomor_unggah", 0)
unggahan = unggah.pengunggah(
    "Templat XLSX, berkas CSV templat (boleh beberapa sekaligus), atau satu ekspor SIPD (LRA / RAK) XLSX",
    key=f"kelola_unggah_{nomor_unggah}")

dimuat = st.session_state.pop("_kelola_dimuat", None)
if dimuat:
    # Di tempat unggahan (yang baru dikosongkan): terlihat tanpa menggulir.
    st.success(f"{fmt.markdown_aman(dimuat)}. {data_per()}. Semua pengguna yang membuka dasbor kini melihat data ini.",
               icon=":material/check_circle:")
    st.toast("Data baru dimuat ke dasbor.", icon=":material/check_circle:")
if not unggahan:
    admin.hapus_unggahan()
    if not dimuat:
        st.info("Belum ada berkas. Unggah berkas untuk diperiksa; belum ada yang dimuat sebelum Anda menekan "
                "**Muat ke database** setelah pemeriksaan berhasil.")
else:
    nama = [u.name for u in unggahan]
    if ditolak := unggah.pesan_jenis_ditolak(nama):  # jenis diperiksa di sini, bukan oleh klien (type=)
        admin.hapus_unggahan()
        st.error(fmt.markdown_aman(ditolak), icon=":material/error:")
        st.stop()
    ganda = sorted({n for n in nama if nama.count(n) > 1})
    if ganda:
        st.error(f"Ada berkas dengan nama yang sama: {fmt.markdown_aman(', '.join(ganda))}. "
                 "Unggah masing-masing sekali.")
        st.stop()
    try:
        kunci_unggah, paths = admin.simpan_unggahan(unggahan)
    except OSError as e:  # folder sementara server penuh atau tanpa hak tulis
        pesan = pesan_tulis(e, admin.folder_unggahan() / "-", "berkas belum diperiksa, database tidak berubah")
        if pesan is None:
            raise
        st.error(f"Berkas unggahan tidak dapat disimpan sementara di server. {fmt.markdown_aman(pesan)}",
                 icon=":material/error:")
        st.stop()

    # ---- format: ditebak dari isi berkas (sekali per unggahan), dapat diganti -----------
    if st.session_state.get("_kelola_tebak", (None,))[0] != kunci_unggah:
        tebakan, galat_tebak = None, None
        try:
            tebakan = tebak_format(paths[0])
        except ImporGagal as e:
            galat_tebak = "; ".join(re.sub(r";\s*gunakan --format \S+", "", str(m)) for m in e.masalah)
        st.session_state["_kelola_tebak"] = (kunci_unggah, tebakan, galat_tebak, sidik_isi(paths))
    _, tebakan, galat_tebak, isi_unggah = st.session_state["_kelola_tebak"]
    st.subheader("3. Format dan pilihan", anchor=False)
    if tebakan:
        st.caption(f"Format dikenali dari isi berkas: **{NAMA_JENIS[tebakan]}**. Ganti bila keliru.")
    else:
        st.warning(f"Format tidak dapat dikenali: {fmt.markdown_aman(galat_tebak)}. Pilih formatnya.")
    jenis = st.radio("Format berkas", JENIS, index=JENIS.index(tebakan) if tebakan else None,
                     format_func=lambda j: NAMA_JENIS[j], horizontal=True, key=f"kelola_format_{kunci_unggah}")

    bulan = kumulatif = kode_pemda = None
    terima_turun = False
    siap = jenis is not None
    if jenis in ("sipd-lra", "sipd-rak"):
        if len(paths) > 1:
            st.error("Ekspor SIPD dimuat satu berkas setiap kali; unggah hanya satu berkas.")
            siap = False
        if jenis == "sipd-lra":
            st.caption("Tahun anggaran dibaca dari judul berkas. Bulan dan sifat angkanya harus Anda nyatakan: "
                       "keduanya tidak ditebak dari berkas.")
            k1, k2 = st.columns([1, 2])
            bulan = k1.selectbox("Bulan data", list(range(1, 13)), index=None, placeholder="Pilih bulan",
                                 format_func=fmt.bulan, key=f"kelola_bulan_{kunci_unggah}")
            sifat = k2.radio("Angka realisasi", ["kumulatif", "bulanan"], index=None,
                             format_func={"kumulatif": "Kumulatif s.d. bulan ini",
                                          "bulanan": "Bulan ini saja"}.get,
                             horizontal=True, key=f"kelola_kumulatif_{kunci_unggah}")
            kumulatif = None if sifat is None else sifat == "kumulatif"
            siap = siap and bulan is not None and kumulatif is not None
            terima_turun = st.checkbox(
                "Muat walau realisasi kumulatif lebih rendah dari bulan sebelumnya (koreksi yang disengaja)",
                key=f"kelola_terima_turun_{kunci_unggah}",
                help="Biasanya itu tanda berkas angka bulanan atau bulan yang salah, dan berkas ditolak. "
                     "Centang hanya bila angkanya memang benar; log impor mencatat konfirmasi ini.")
        pemda = kueri("pemda")
        if len(pemda) > 1:
            pilihan = [None] + list(pemda["kode_pemda"])
            nama_pemda = dict(zip(pemda["kode_pemda"], pemda["nama_pemda"]))
            kode_pemda = st.selectbox(
                "Pemda tujuan", pilihan, key=f"kelola_pemda_{kunci_unggah}", placeholder="Pilih pemda",
                format_func=lambda k: "Otomatis (dari nama pemda di berkas)" if k is None
                else f"{nama_pemda[k]} ({k})")

    opsi_dasar = Opsi(jenis or "", bulan=bulan, kumulatif=kumulatif, kode_pemda=kode_pemda,
                      terima_turun=terima_turun)

    # ---- periksa (uji coba, tidak menulis apa pun) -------------------------------------------
    st.subheader("4. Periksa", anchor=False)
    sidik_dasar = sidik(paths, opsi_dasar, isi_unggah)
    opd_baru = st.session_state.setdefault("_kelola_opd_baru", {}).get(sidik_dasar)
    kunci_buat = f"kelola_buat_opd_{sidik_dasar[:16]}"
    buat_opd = bool(opd_baru) and bool(st.session_state.get(kunci_buat))
    opsi = Opsi(opsi_dasar.jenis, bulan=bulan, kumulatif=kumulatif, kode_pemda=kode_pemda, buat_opd=buat_opd,
                terima_turun=terima_turun)
    sidik_kini = sidik(paths, opsi, isi_unggah)
    # Hasil pemeriksaan per sidik (berkas + pilihan): "Muat" hanya untuk yang sudah diperiksa.
    diperiksa = st.session_state.setdefault("_kelola_periksa", {})

    tekan = st.button("Periksa", type="primary", icon=":material/fact_check:", disabled=not siap,
                      help=None if siap else "Lengkapi pilihan di atas lebih dulu")
    # Centang "Buat OPD baru" mengubah pilihan: periksa ulang otomatis.
    otomatis = buat_opd and sidik_kini not in diperiksa
    if siap and (tekan or otomatis):
        sesi.wajib(IMPOR)
        with st.spinner("Memeriksa berkas..."):
            hasil = periksa(lokasi(), paths, opsi)
        if isinstance(hasil, list) and not buat_opd and hanya_opd_belum_terdaftar(hasil):
            st.session_state["_kelola_opd_baru"] = {sidik_dasar: opd_belum_terdaftar(hasil)}
            opd_baru = st.session_state["_kelola_opd_baru"][sidik_dasar]
        diperiksa = st.session_state["_kelola_periksa"] = {
            k: v for k, v in diperiksa.items() if k in (sidik_dasar, sidik_kini)} | {sidik_kini: hasil}

    hasil = diperiksa.get(sidik_kini)
    if hasil is None:
        st.caption("Pemeriksaan membaca seluruh berkas dan melaporkan setiap masalah; database tidak berubah.")
    elif isinstance(hasil, list):
        if opd_baru and not buat_opd:
            st.warning(f"Berkas ditolak karena {len(opd_baru)} OPD di dalamnya belum terdaftar di database. "
                       "Periksa kodenya; bila memang OPD baru, centang **Buat OPD baru dari berkas**.")
        else:
            st.error(f"Berkas ditolak: {len(hasil)} masalah ditemukan. Tidak ada data yang dimuat; "
                     "perbaiki berkasnya lalu unggah dan periksa lagi.", icon=":material/error:")
            tabel = pd.DataFrame(
                [{"Berkas": m.berkas, "Lembar": m.lembar or "", "Baris": "" if m.baris is None else str(m.baris),
                  "Kolom": m.kolom or "", "Nilai": "" if m.nilai is None else str(m.nilai), "Masalah": m.pesan}
                 for m in hasil])
            st.dataframe(tabel, hide_index=True, width="stretch", key="kelola_masalah",
                         column_config={"Masalah": st.column_config.TextColumn(width="large")})
    else:
        info = hasil.info
        st.success(f"Berkas benar: {fmt.markdown_aman(info.nama_file)} siap dimuat. "
                   "Belum ada yang ditulis ke database.",
                   icon=":material/task_alt:")
        ringkas = pd.DataFrame({"Isi": list(info.jumlah_baris),
                                "Jumlah baris": [fmt.angka(n) for n in info.jumlah_baris.values()]})
        k1, k2 = st.columns([1, 2])
        k1.dataframe(ringkas, hide_index=True, width="stretch", key="kelola_ringkas")
        with k2:
            if info.catatan:
                st.markdown("**Catatan**")
                for c in info.catatan:
                    st.markdown(f"- {fmt.markdown_aman(c)}")

    if opd_baru:
        nama_urusan = dict(kueri("nama_urusan").itertuples(index=False))
        st.markdown(f"**OPD yang belum terdaftar ({len(opd_baru)})**: nama dari berkas, bidang dari kodenya.")
        st.dataframe(pd.DataFrame([{
            "Kode OPD": o.kode_opd, "Nama OPD (dari berkas)": o.nama_opd,
            "Bidang urusan (dari kode)": "; ".join(f"{b} {nama_urusan.get(b, '(tidak dikenal)')}" for b in o.bidang),
            "Baris": "" if o.baris is None else str(o.baris)} for o in opd_baru]),
            hide_index=True, width="stretch", key="kelola_opd_baru")
        st.checkbox("Buat OPD baru dari berkas", key=kunci_buat,
                    help="OPD di atas dibuat bersama impor ini. Tanpa centang, tidak ada yang dimuat.")

    # ---- muat ---------------------------------------------------------------------------------
    st.subheader("5. Muat ke database", anchor=False)
    boleh_muat = isinstance(hasil, Rencana)
    if st.button("Muat ke database", type="primary", icon=":material/database_upload:", disabled=not boleh_muat,
                 help=None if boleh_muat else "Periksa berkas yang sama dengan pilihan yang sama lebih dulu"):
        pelaku = sesi.wajib(IMPOR)  # diperiksa lagi di server untuk tindakan ini sendiri
        try:
            with st.spinner("Memuat ke database..."):
                # Hasil urai pemeriksaan dipakai lagi: berkas tidak dibaca dua kali.
                akhir = muat_berkas(lokasi(), paths, opsi, rencana=hasil, pengguna=pelaku.untuk_jejak,
                                    lepas_koneksi=bersihkan_cache, asal=admin.asal_klien())
        except ImporSedangBerjalan as e:
            st.warning(str(e))
        except PenulisanGagal as e:  # disk penuh, folder tanpa hak tulis: pesannya sudah lengkap
            st.error(f"Impor gagal. {fmt.markdown_aman(str(e))}", icon=":material/error:")
        except Exception as e:  # noqa: BLE001 - database terkunci proses lain, disk penuh, ...
            st.error(f"Impor gagal, database tidak berubah: {type(e).__name__}: {fmt.markdown_aman(str(e))}")
        else:
            if isinstance(akhir, list):
                st.session_state["_kelola_periksa"] = {sidik_kini: akhir}
                st.error(f"Impor ditolak, database tidak berubah: {len(akhir)} masalah. "
                         + fmt.markdown_aman(" · ".join(str(m) for m in akhir[:3])))
            else:
                bersihkan_cache()
                st.session_state["_kelola_dimuat"] = akhir.ringkas()
                st.session_state["_kelola_nomor_unggah"] = nomor_unggah + 1
                st.session_state.pop("_kelola_periksa", None)
                st.session_state.pop("_kelola_opd_baru", None)
                admin.hapus_unggahan()
                st.rerun()
    elif not boleh_muat:
        st.caption("Tombol aktif setelah pemeriksaan berhasil untuk berkas dan pilihan yang sedang dipilih.")

# ---- riwayat ---------------------------------------------------------------------------------
st.subheader("Riwayat impor", anchor=False)
log = kueri("riwayat_impor")
if log.empty:
    st.info("Belum ada impor yang tercatat.")
else:
    st.dataframe(
        log.assign(
            waktu=[fmt.waktu(w.to_pydatetime()) for w in log["waktu"]],
            jumlah_baris=[fmt.jumlah_baris(j) for j in log["jumlah_baris"]],
            sha256=log["sha256"].str.slice(0, 12),
            pengguna=log["pengguna"].fillna(""), pesan=log["pesan"].fillna(""),
        ),
        hide_index=True, width="stretch", key="kelola_riwayat",
        column_config={
            "waktu": "Waktu", "pengguna": "Pengguna", "nama_file": "Berkas", "sha256": "SHA-256 (awal)",
            "format": "Format", "jumlah_baris": "Baris dimuat", "hasil": "Hasil", "pesan": "Catatan",
        })
st.caption("50 impor terakhir, terbaru di atas. Impor yang ditolak tidak mengubah database.")

# ---- jejak audit -----------------------------------------------------------------------------
st.subheader("Jejak audit", anchor=False)


def _jejak(batas: int | None) -> pd.DataFrame:
    """Jejak data (database data) dan jejak akses (database akses), digabung, terbaru di atas."""
    bagian = [kueri("audit/daftar", batas=batas), jejak_akses.daftar(lokasi(), batas)]
    df = pd.concat([b for b in bagian if not b.empty] or bagian[:1], ignore_index=True)
    df = df.sort_values("waktu", ascending=False, kind="stable").head(batas if batas else len(df))
    return df.assign(waktu=[fmt.waktu(w.to_pydatetime()) for w in df["waktu"]], asal=df["asal"].fillna(""),
                     rincian=df["rincian"].fillna(""))


jejak = _jejak(JEJAK_DITAMPILKAN)
if jejak.empty:
    st.info("Belum ada tindakan yang tercatat.")
else:
    st.dataframe(jejak, hide_index=True, width="stretch", key="kelola_jejak",
                 column_config={k: v.judul for k, v in unduhan.KOLOM_JEJAK_AUDIT.items()})
    st.download_button("Unduh seluruh jejak audit (CSV)", icon=":material/download:", on_click="ignore",
                       data=sesi.dengan_izin(LIHAT_AUDIT, lambda: unduhan.ke_csv(_jejak(None),
                                                                                unduhan.KOLOM_JEJAK_AUDIT)),
                       file_name="jejak-audit.csv", mime="text/csv", key="kelola_jejak_unduh")
st.caption(f"{JEJAK_DITAMPILKAN} tindakan terakhir, terbaru di atas: impor, pemulihan cadangan, pembuatan "
           "database, masuk, gagal masuk, keluar, perubahan pengguna dan pengaturan akses, dan tindakan yang "
           "ditolak, dengan siapa dan dari mana. Jejak ini hanya ditambah; tidak dapat diubah dari aplikasi.")
