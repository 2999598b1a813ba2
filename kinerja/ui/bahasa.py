"""Satu penerjemah teks bawaan Streamlit ke bahasa Indonesia (issue 12).

Klien Streamlit 1.67 menulis teks Inggris sendiri: tooltip dan label bilah alat tabel ("Show/hide
columns", "Download as CSV", "Search"), menu kolomnya ("Sort ascending", "Pin column"), ikon bantuan
("Help for Triwulan"), pilihan kosong ("No results", "Clear all"), status jalannya skrip ("Running...",
"Stop"), sambungan ("Connecting"), bilah samping ("Collapse sidebar"), dan lain-lain. Streamlit tidak
memberi cara menggantinya (selain placeholder= di widget pilihan), jadi satu komponen kecil (components
v2, tanpa iframe) dipasang sekali per jalannya halaman (kinerja.ui.kerangka.pastikan_lewat_app) dan
mengganti teksnya di peramban:

- TEKS: padanan persis teks bawaan (seluruh teks node atau atribut, tanpa spasi tepi);
- POLA: pola yang dikenal, mis. "Help for X" -> "Bantuan untuk X" (X label, tidak diubah);
- aturan(): aturan yang hanya berlaku di dalam satu bagian, mis. pengunggah Kelola Data
  (kinerja.ui.unggah.aturan_bahasa: pesan galat berkas, ukuran "53.5MB" -> "53,5 MB").

Yang diganti hanya teks node, dan atribut aria-label, title, placeholder dan alt. Teks data dan teks
penulis tidak pernah disentuh, walau sama bunyinya dengan teks bawaan: isi markdown (label, keterangan,
tombol, tooltip bantuan), HTML halaman (slide Mode Rapat), grafik Plotly, tabel pembaca layar di
dalam kanvas tabel (nama kolom data, mis. "Format"), pilihan widget, nilai metrik, kode, nama berkas
(BUKAN_BAWAAN). Tooltip bilah alat tabel ditulis Streamlit di dalam markdown; tooltip itu bawaan bila
elemen yang ditunjuknya (aria-describedby) ada di TOOLTIP_BAWAAN (tooltip galat pengunggah: aturannya
sendiri, tooltip_dari). Huruf ikon Material, grafik dan kanvas tabel tidak pernah dijelajahi (LEWAT).

Pengamat (MutationObserver) memeriksa setiap node yang muncul atau berubah, sekali per dokumen (tetap
hidup saat pindah halaman, tersambung ulang, atau skrip berjalan ulang), dan menandai dokumen
lang="id". Hasil terjemahan tidak diterjemahkan lagi, jadi perubahan oleh pengamat sendiri berhenti
di situ. Pola ditulis dengan bagian regex yang sama di JavaScript dan Python (tests/test_bahasa_streamlit.py
memeriksanya dengan re Python terhadap teks di bundel Streamlit 1.67). Teks yang tampil sebelum komponen
terpasang pada kunjungan pertama (sesaat) dan isi <noscript> index.html Streamlit tidak terjangkau.
"""

from __future__ import annotations

import streamlit as st

# ---- padanan persis ------------------------------------------------------------------------------
# Sumbernya: static/js di paket Streamlit 1.67 (daftar per berkas di tests/test_bahasa_streamlit.py).
TEKS: dict[str, str] = {
    # Bilah alat tabel (st.dataframe) dan bilah alat elemen (layar penuh grafik/tabel).
    "Show/hide columns": "Tampilkan/sembunyikan kolom",
    "Download as CSV": "Unduh sebagai CSV",
    "Search": "Cari",
    "Fullscreen": "Layar penuh",
    "Close fullscreen": "Tutup layar penuh",
    "Clear selection": "Hapus pilihan baris",
    "Add row": "Tambah baris",
    "Delete row(s)": "Hapus baris",
    # Pencarian di tabel.
    "Type to search": "Ketik untuk mencari",
    "Close Search": "Tutup pencarian",
    "Next Result": "Hasil berikutnya",
    "Previous Result": "Hasil sebelumnya",
    "over 1000": "lebih dari 1000",
    # Menu kolom tabel dan submenunya.
    "Dataframe column menu": "Menu kolom tabel",
    "Copy column name": "Salin nama kolom",
    "Sort ascending": "Urutkan naik",
    "Sort descending": "Urutkan turun",
    "Format": "Format tampilan",
    "Autosize": "Lebar otomatis",
    "Pin column": "Sematkan kolom",
    "Unpin column": "Lepas sematan kolom",
    "Hide column": "Sembunyikan kolom",
    "Statistics": "Statistik",
    "Automatic": "Otomatis",
    "Localized": "Sesuai bahasa peramban",
    "Plain": "Polos",
    "Compact": "Ringkas",
    "Dollar": "Dolar",
    "Euro": "Euro (€)",
    "Yen": "Yen (¥)",
    "Percent": "Persen",
    "Scientific": "Notasi ilmiah",
    "Accounting": "Akuntansi",
    "Distance": "Selisih waktu",
    "Calendar": "Kalender",
    "Duration": "Durasi",
    "Count": "Banyaknya",
    "Distinct": "Nilai berbeda",
    "Sum": "Jumlah",
    "Average": "Rata-rata",
    "Median": "Median (nilai tengah)",
    "Minimum": "Terkecil",
    "Maximum": "Terbesar",
    "Standard deviation": "Simpangan baku",
    "Range": "Rentang",
    "Empty": "Kosong",
    "Values": "Nilai",
    "Average length": "Panjang rata-rata",
    "Minimum length": "Panjang terkecil",
    "Maximum length": "Panjang terbesar",
    "Based on sample": "Berdasarkan sampel",
    "Distribution histogram": "Histogram sebaran",
    "Top values frequency chart": "Grafik nilai tersering",
    "True/false distribution chart": "Grafik sebaran benar/salah",
    "Loading...": "Memuat...",
    "Select all": "Pilih semua",
    "No data": "Tidak ada data",
    # Pilihan (st.selectbox, st.multiselect; react-aria).
    "No results": "Tak ditemukan",   # pendek: satu baris di daftar pilihan selebar setengah bilah samping
    "Open": "Buka daftar pilihan",
    "Clear value": "Kosongkan",
    "Clear all": "Kosongkan semua",
    "Selectbox options": "Daftar pilihan",
    "Multiselect options": "Daftar pilihan",
    "Selected values": "Yang dipilih",
    "Choose an option": "Pilih salah satu",
    "Choose options": "Pilih satu atau lebih",
    "No options to select": "Tidak ada pilihan",
    "No options to select.": "Tidak ada pilihan.",
    "Show suggestions": "Tampilkan saran",
    "Suggestions": "Saran",
    "Dismiss": "Tutup",
    # Ikon bantuan (help=) tanpa label.
    "Help": "Bantuan",
    "Loading": "Memuat",
    # Isian teks, angka, formulir.
    # Bukan "... kata sandi": nama tombol tidak memuat label isiannya ("Kata sandi"), agar isian itu
    # satu-satunya yang ditemukan dengan namanya (pembaca layar, get_by_label di tes).
    "Show password": "Tampilkan sandi",
    "Hide password": "Sembunyikan sandi",
    "Clear entry": "Kosongkan isian",
    "Press Enter to submit form": "Tekan Enter untuk mengirim formulir",
    "Press Enter to apply": "Tekan Enter untuk menerapkan",
    "Increment": "Tambah",
    "Decrement": "Kurangi",
    "Number is above the allowed range.": "Angka melebihi batas atas.",
    "Number is below the allowed range.": "Angka di bawah batas bawah.",
    # Bingkai aplikasi: bilah samping, navigasi, status skrip, sambungan.
    "Skip to main content": "Langsung ke isi halaman",
    "Sidebar": "Bilah samping",
    "Collapse sidebar": "Ciutkan bilah samping",
    "Expand sidebar": "Buka bilah samping",
    "App pages": "Halaman dasbor",
    "View less": "Lebih sedikit",
    "Main menu": "Menu utama",
    "Running...": "Sedang memproses...",
    "Stop": "Hentikan",
    "Stopping...": "Menghentikan...",
    "Rerun": "Muat ulang",
    "Connecting": "Menyambung",
    "Connecting to Streamlit server": "Menyambung ke server dasbor",
    "Unable to connect to Streamlit server": "Tidak dapat tersambung ke server dasbor",
    "Streamlit server is not responding. Are you connected to the internet?":
        "Server dasbor tidak menjawab. Periksa sambungan jaringan.",
    "Connection timed out.": "Sambungan habis waktu.",
    "Connection error": "Sambungan terputus",
    "Is Streamlit still running? If you accidentally stopped Streamlit, just restart it in your terminal:":
        "Apakah server dasbor masih berjalan? Bila terhenti, jalankan lagi di terminal:",
    "Error": "Galat",
    "Please wait...": "Mohon tunggu...",
    "Page not found": "Halaman tidak ditemukan",
    "The page that you have requested does not seem to exist": "Halaman yang diminta tidak ada",
    # Pemberitahuan (st.toast), tab, blok kode, unduhan, grafik.
    "Close": "Tutup",
    "Notifications": "Pemberitahuan",
    "Scroll tabs left": "Geser tab ke kiri",
    "Scroll tabs right": "Geser tab ke kanan",
    "Copy to clipboard": "Salin",
    "Copied": "Tersalin",
    "Download failed": "Unduhan gagal",
    "Double-click to zoom back out": "Klik dua kali untuk kembali ke tampilan semula",
}

# ---- pola ------------------------------------------------------------------------------------------
# (regex, templat): $1.. = bagian yang tertangkap (label atau data, tidak diubah). Regex hanya memakai
# bagian yang sama di JavaScript dan Python (^ $ ( ) (?: ) \d \s . + * ? [ ] |).
POLA: tuple[tuple[str, str], ...] = (
    (r"^Help for (.+)$", "Bantuan untuk $1"),
    (r"^Remove (.+)$", "Hapus $1"),
    (r"^Cancel upload of (.+)$", "Batalkan unggahan $1"),
    (r"^Select (\d+) matches$", "Pilih $1 yang cocok"),
    (r"^You can only select up to (\d+) options?\. Remove an option first\.$",
     "Paling banyak $1 pilihan. Hapus salah satu dulu."),
    (r"^(\d+) options? available\.$", "$1 pilihan tersedia."),
    (r"^(.+), selected$", "$1, terpilih"),
    (r"^(\d+) notifications?\.$", "$1 pemberitahuan."),
    (r"^(\d+) results?$", "$1 hasil"),
    (r"^(\d+) of (\d+) results?$", "$1 dari $2 hasil"),
    (r"^(\d+) of over 1000$", "$1 dari lebih dari 1000"),
    (r"^View (\d+) more$", "Lihat $1 lagi"),
    (r"^(\d+)th percentile$", "Persentil ke-$1"),
    (r"^Distribution histogram: (.+)$", "Histogram sebaran: $1"),
    (r"^Top values frequency chart: (.+)$", "Grafik nilai tersering: $1"),
    (r"^[a-z0-9_]+ icon$", "ikon"),
    (r"^Press (Ctrl|⌘)\+Enter to submit form$", "Tekan $1+Enter untuk mengirim formulir"),
    (r"^Press (Ctrl|⌘)\+Enter to apply$", "Tekan $1+Enter untuk menerapkan"),
    (r"^Number is above the allowed range\. Please enter a value less than or equal to (.+)\.$",
     "Angka melebihi batas atas. Masukkan nilai paling besar $1."),
    (r"^Number is below the allowed range\. Please enter a value greater than or equal to (.+)\.$",
     "Angka di bawah batas bawah. Masukkan nilai paling kecil $1."),
    (r"^Number is outside the allowed range\. Please enter a value between (.+) and (.+)\.$",
     "Angka di luar batas. Masukkan nilai antara $1 dan $2."),
)

# Jenis kolom di kepala menu kolom tabel (atribut title ikon jenisnya; tests/test_bahasa_streamlit.py).
JENIS_KOLOM: dict[str, str] = {
    "object": "campuran", "text": "teks", "number": "angka", "checkbox": "benar/salah",
    "selectbox": "pilihan", "list": "daftar", "multiselect": "pilihan ganda", "link": "tautan",
    "datetime": "tanggal dan jam", "date": "tanggal", "time": "jam", "progress": "progres",
    "line_chart": "grafik garis", "bar_chart": "grafik batang", "area_chart": "grafik area",
    "image": "gambar", "json": "JSON",
}

# Teks penulis dan data: tidak pernah diterjemahkan (lihat docstring modul). BUKAN_BAWAAN: teks dan
# atribut di dalamnya; BUKAN_ATRIBUT: atribut elemen itu sendiri (anaknya, mis. tombol, tetap bawaan).
BUKAN_BAWAAN = ", ".join((
    '[data-testid="stMarkdownContainer"]', '[data-testid="stHtml"]', '[data-testid="stCode"]', "pre", "code",
    '[data-testid="stMetricValue"]', '[data-testid="stMetricDelta"]',
    '[data-testid="stFileChipName"]', '[data-testid="stTable"]', '[data-testid="stJson"]',
    '[data-testid="stSidebarNavLink"]', "textarea",
    '[role="option"][data-key]:not([data-key^="__select_"])',      # pilihan widget (kecuali "Pilih semua")
    '[data-tag] [title]',                                         # label pilihan terpilih (multiselect)
    '[data-testid="stDataFrameColumnVisibilityMenu"] > div > div',  # nama kolom di menu tampil/sembunyi
    '[data-testid="stDataFrameColumnMenu"] div[title]:has(> button) > span',  # nama kolom di menu kolom
))
BUKAN_ATRIBUT = ", ".join((
    "[data-tag]", '[data-testid="stDataFrameColumnMenu"] div[title]:has(> button)',
))
# Tidak pernah dijelajahi: grafik, kanvas tabel (dengan tabel pembaca layarnya), huruf ikon Material.
LEWAT = 'svg, canvas, .js-plotly-plot, [data-testid="stIconMaterial"], script, style, noscript'
# Tooltip yang ditulis Streamlit sendiri (bukan help= penulis): yang ditunjuknya ada di sini.
TOOLTIP_BAWAAN = '[data-testid="stElementToolbar"]'
ATRIBUT = ("aria-label", "title", "placeholder", "alt")


def aturan() -> list[dict]:
    """Aturan per bagian, diperiksa berurutan sebelum BUKAN_BAWAAN dan TEKS/POLA. Setiap aturan: di
    (pemilih CSS: elemen di dalamnya) dan/atau tooltip_dari (pemilih: isi tooltip yang ditunjuk elemen
    di dalamnya), untuk ('teks' dan/atau nama atribut), teks ({inggris: indonesia}), pola ([[regex,
    templat]]), lain (teks untuk apa pun yang lain, atau None), kecuali (pemilih yang tidak disentuh
    aturan ini, atau None). Aturan pertama yang memberi hasil menang."""
    from kinerja.ui import unggah

    return [
        *unggah.aturan_bahasa(),
        # Ikon jenis kolom di kepala menu kolom (title = jenisnya); title nama kolom tidak.
        {"di": '[data-testid="stDataFrameColumnMenu"]', "tooltip_dari": None, "untuk": ["title"],
         "teks": JENIS_KOLOM, "pola": [], "lain": None, "kecuali": "div[title]:has(> button)"},
        # Kolom indeks di menu tampil/sembunyi kolom (nama kolom lain adalah data).
        {"di": '[data-testid="stDataFrameColumnVisibilityMenu"]', "tooltip_dari": None,
         "untuk": ["teks", "aria-label"], "teks": {"(index)": "(indeks)"}, "pola": [], "lain": None,
         "kecuali": None},
    ]


def data() -> dict:
    """Data komponen: semua yang diterjemahkan, dari satu tempat."""
    return {"teks": TEKS, "pola": [list(p) for p in POLA], "aturan": aturan(), "bukan": BUKAN_BAWAAN,
            "bukan_atribut": BUKAN_ATRIBUT, "lewat": LEWAT, "tooltip": TOOLTIP_BAWAAN, "atribut": list(ATRIBUT)}


_JS = r"""
export default function(component) {
  const atur = (d) => ({
    teks: d.teks,
    pola: d.pola.map(([r, t]) => [new RegExp(r), t]),
    aturan: d.aturan.map((a) => ({...a, pola: a.pola.map(([r, t]) => [new RegExp(r), t])})),
    bukan: d.bukan, bukanAtribut: d.bukan_atribut, lewat: d.lewat, tooltip: d.tooltip, atribut: d.atribut,
  });
  const ada = window.__kinerjaBahasa;
  if (ada) { ada.d = atur(component.data); ada.semua(); return; }

  const P = {d: atur(component.data)};
  window.__kinerjaBahasa = P;
  const hasil = new Set();            // teks Indonesia yang sudah ditulis: tidak diterjemahkan lagi
  const isi = (tpl, m) => tpl.replace(/\$(\d)/g, (_, i) => m[Number(i)] ?? '');
  const cari = (s, teks, pola) => {
    if (teks && Object.prototype.hasOwnProperty.call(teks, s)) return teks[s];
    for (const [r, t] of pola || []) { const m = r.exec(s); if (m) return isi(t, m); }
    return null;
  };
  // Tooltip (dipasang di <body>) ikut bagian elemen yang ditunjuknya.
  const penunjuk = (el) => {
    const tip = el.closest('[role="tooltip"]');
    return tip && tip.id ? document.querySelector(`[aria-describedby="${CSS.escape(tip.id)}"]`) : null;
  };
  const di = (el, a) => (a.di && el.closest(a.di)) || (a.tooltip_dari && penunjuk(el)?.closest(a.tooltip_dari));
  const bukan = (el, jenis) => {
    if (jenis !== 'teks' && el.matches(P.d.bukanAtribut)) return true;
    if (!el.closest(P.d.bukan)) return false;
    const p = penunjuk(el);             // tooltip bilah alat: markdown-nya teks bawaan
    return !(p && p.closest(P.d.tooltip));
  };
  const terjemah = (s, el, jenis) => {
    if (hasil.has(s) || el.closest(P.d.lewat)) return null;
    for (const a of P.d.aturan) {
      if (!a.untuk.includes(jenis) || !di(el, a) || (a.kecuali && el.closest(a.kecuali))) continue;
      const b = cari(s, a.teks, a.pola) ?? a.lain;
      if (b !== null && b !== undefined) return b;
    }
    return bukan(el, jenis) ? null : cari(s, P.d.teks, P.d.pola);
  };
  const catat = (b) => { hasil.add(b); return b; };
  const teksNode = (n) => {           // spasi di tepi node teks tetap (mis. 'Error: ')
    const v = n.nodeValue, s = v.trim(), el = n.parentElement;
    if (!s || !el) return;
    const b = terjemah(s, el, 'teks');
    if (b !== null && b !== s) { const i = v.indexOf(s); n.nodeValue = v.slice(0, i) + catat(b) + v.slice(i + s.length); }
  };
  const atribut = (el, nama) => {
    const v = el.getAttribute(nama);
    if (!v || !v.trim()) return;
    const b = terjemah(v.trim(), el, nama);
    if (b !== null && b !== v) el.setAttribute(nama, catat(b));
  };
  const elemen = (el) => { for (const a of P.d.atribut) if (el.hasAttribute(a)) atribut(el, a); };
  const jelajah = (akar) => {
    if (akar.nodeType === 3) { teksNode(akar); return; }
    if (akar.nodeType !== 1 || akar.closest(P.d.lewat)) return;
    elemen(akar);
    const w = document.createTreeWalker(akar, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT, {
      acceptNode: (n) => n.nodeType === 1 && n.matches(P.d.lewat) ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT,
    });
    for (let n = w.nextNode(); n; n = w.nextNode()) n.nodeType === 3 ? teksNode(n) : elemen(n);
  };
  P.semua = () => { document.documentElement.lang = 'id'; jelajah(document.body); };
  const pengamat = new MutationObserver((catatan) => {
    for (const c of catatan) {
      if (c.type === 'childList') c.addedNodes.forEach(jelajah);
      else if (c.type === 'characterData') teksNode(c.target);
      else if (c.attributeName === 'aria-describedby') {
        const tip = document.getElementById(c.target.getAttribute('aria-describedby') || '');
        if (tip) jelajah(tip);
      } else if (c.attributeName === 'lang') {
        if (document.documentElement.lang !== 'id') document.documentElement.lang = 'id';
      } else elemen(c.target);
    }
  });
  pengamat.observe(document.documentElement, {subtree: true, childList: true, characterData: true, attributes: true,
                                              attributeFilter: [...P.d.atribut, 'aria-describedby', 'lang']});
  P.semua();
  // Tanpa pembersih: pengamat hidup selama dokumen, juga di antara halaman dan saat tersambung ulang.
}
"""

_komponen = st.components.v2.component("kinerja_bahasa_indonesia", js=_JS)


# Wadah komponen disembunyikan bersama pembungkus tata letaknya (stLayoutWrapper): pembungkus setinggi
# 0 px yang tetap tampil masih mendapat jarak antarelemen (gap) blok induknya, yaitu ruang kosong.
_CSS_WADAH = ('<style>.st-key-kinerja_bahasa, [data-testid="stLayoutWrapper"]:has(> .st-key-kinerja_bahasa) '
              "{display: none !important;}</style>")


def pasang() -> None:
    """Pasang penerjemah di halaman ini (sekali per jalannya). Wadahnya tidak tampak dan tidak
    memakan tempat, juga tidak menambah jarak antarelemen (Mode Rapat di 1280x720)."""
    with st.container(key="kinerja_bahasa"):
        st.html(_CSS_WADAH)
        _komponen(key="kinerja_bahasa_komponen", data=data())
