"""Penerjemah teks bawaan Streamlit (kinerja.ui.bahasa, issue 12), tanpa peramban: setiap teks Inggris
yang dapat ditampilkan klien Streamlit 1.67 untuk widget yang dipakai dasbor ini ada di bundelnya
(static/js) dan diterjemahkan kamus atau polanya; padanan Indonesianya ditulis di sini dengan tangan.
Terjemahan dihitung ulang oleh penerjemah rujukan di sini (re Python atas data komponen, bukan kode
JavaScript-nya). Di peramban: tests/test_peramban_bahasa.py."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import streamlit

from kinerja.ui import bahasa

JS = Path(streamlit.__file__).parent / "static" / "static" / "js"

# Kata Inggris yang tidak boleh tersisa di hasil terjemahan (bukan kata Indonesia).
INGGRIS = re.compile(
    r"\b(show|hide|download|search|fullscreen|close|sort|ascending|descending|autosize|pin|unpin|help|for|"
    r"running|stop|connecting|please|wait|clear|all|results?|choose|option|options|select|open|copy|column|"
    r"row|view|more|less|expand|collapse|loading|error|press|enter to|apply|icon|sidebar|page|pages|skip|"
    r"the|of|and|is|are|value|values|selected|available|remove|matches|statistics|average|length|sample|"
    r"chart|frequency|distribution|percentile|scientific|localized|plain|automatic|accounting|distance|"
    r"calendar|duration|count|distinct|empty|range|maximum|minimum|standard|deviation|sum|"
    r"suggestions|dismiss|notifications?|scroll|tabs|left|right|connection|timed|unable|found|"
    r"main|zoom|double|click|back|increment|decrement|password|entry|form|submit|index|no|"
    r"stopping|rerun|copied|failed|type|next|previous|over|text|number|progress)\b", re.I)


# ---- penerjemah rujukan ------------------------------------------------------------------------
# Meniru urutan komponen atas datanya: aturan bagian (pertama yang memberi hasil), lalu (bila bukan
# data) TEKS, lalu POLA. `di`: pemilih aturan yang memuat node itu; `tooltip_dari`: pemilih yang memuat elemen yang
# ditunjuk tooltip-nya; `kecuali`: pemilih kecuali aturan yang juga memuatnya.

def _isi(templat: str, m: re.Match) -> str:
    return re.sub(r"\$(\d)", lambda g: m.group(int(g.group(1))) or "", templat)


def _cari(s: str, teks: dict, pola) -> str | None:
    if s in teks:
        return teks[s]
    for r, t in pola:
        m = re.search(r, s)
        if m:
            return _isi(t, m)
    return None


def terjemah(s: str, *, jenis: str = "teks", di: tuple[str, ...] = (), tooltip_dari: tuple[str, ...] = (),
             kecuali: tuple[str, ...] = (), bukan: bool = False) -> str | None:
    """bukan: node itu di BUKAN_BAWAAN/BUKAN_ATRIBUT (data): hanya aturan bagian yang berlaku."""
    d = json.loads(json.dumps(bahasa.data()))  # yang benar-benar dikirim ke komponen
    for a in d["aturan"]:
        masuk = (a["di"] is not None and a["di"] in di) or (a["tooltip_dari"] is not None
                                                             and a["tooltip_dari"] in tooltip_dari)
        if jenis not in a["untuk"] or not masuk or (a["kecuali"] is not None and a["kecuali"] in kecuali):
            continue
        b = _cari(s, a["teks"], a["pola"])
        if b is None:
            b = a["lain"]
        if b is not None:
            return b
    return None if bukan else _cari(s, d["teks"], d["pola"])


# ---- bundel Streamlit 1.67 -------------------------------------------------------------------------
# nama -> (awalan berkas, potongan yang hanya ada di berkas itu)
BUNDEL = {
    "dataframe": ("DataFrame", "stDataFrameColumnMenu"),
    "toolbar": ("Toolbar", "Close fullscreen"),
    "selectbox": ("Selectbox", "stSelectbox"),
    "multiselect": ("Multiselect", "stMultiSelect"),
    "placeholder": ("utils", "Choose an option"),
    "combobox": ("useSyncComboBoxEnterTargetFocus", "Show suggestions"),
    "markdown": ("StreamlitMarkdown", "Help for "),
    "instruksi": ("InputInstructions", "InputInstructions"),
    "teks_input": ("TextInput", "Show password"),
    "angka": ("NumberInput", "Increment"),
    "ikon": ("DynamicIcon", " icon`"),
    "salin": ("useCopyToClipboard", "Copy to clipboard"),
    "unduh": ("DownloadButton", "Download failed"),
    "plotly": ("PlotlyChart", "Double-click to zoom back out"),
    "aplikasi": ("index", "stSkipToContent"),
}


def _bundel(nama: str) -> str:
    awalan, berisi = BUNDEL[nama]
    berkas = [p for p in JS.glob(f"{awalan}.*.js") if berisi in p.read_text(encoding="utf-8")]
    assert len(berkas) == 1, (nama, awalan, berisi, berkas)
    return berkas[0].read_text(encoding="utf-8")


MENU_KOLOM = '[data-testid="stDataFrameColumnMenu"]'
MENU_TAMPIL = '[data-testid="stDataFrameColumnVisibilityMenu"]'

# (bundel, literal di bundel (tanpa tanda petik balik; ${...} apa adanya), contoh teks yang tampil,
#  padanan Indonesia yang diharapkan, jenis (teks atau atribut), bagian aturan yang memuatnya)
TABEL = [
    # Bilah alat tabel, pencarian, menu kolom dan submenunya.
    ("dataframe", "Show/hide columns", "Show/hide columns", "Tampilkan/sembunyikan kolom", "aria-label", ()),
    ("dataframe", "Download as CSV", "Download as CSV", "Unduh sebagai CSV", "aria-label", ()),
    ("dataframe", "Search", "Search", "Cari", "teks", ()),
    ("dataframe", "Clear selection", "Clear selection", "Hapus pilihan baris", "aria-label", ()),
    ("dataframe", "Add row", "Add row", "Tambah baris", "aria-label", ()),
    ("dataframe", "Delete row(s)", "Delete row(s)", "Hapus baris", "aria-label", ()),
    ("dataframe", "Type to search", "Type to search", "Ketik untuk mencari", "teks", ()),
    ("dataframe", "Close Search", "Close Search", "Tutup pencarian", "aria-label", ()),
    ("dataframe", "Next Result", "Next Result", "Hasil berikutnya", "aria-label", ()),
    ("dataframe", "Previous Result", "Previous Result", "Hasil sebelumnya", "aria-label", ()),
    ("dataframe", "${v.results} result${v.results===1?``:`s`}", "1 result", "1 hasil", "teks", ()),
    ("dataframe", "${v.results} result${v.results===1?``:`s`}", "12 results", "12 hasil", "teks", ()),
    ("dataframe", "${v.selectedIndex+1} of ${e}", "3 of 12 results", "3 dari 12 hasil", "teks", ()),
    ("dataframe", "over 1000", "over 1000", "lebih dari 1000", "teks", ()),
    ("dataframe", "${v.selectedIndex+1} of ${e}", "2 of over 1000", "2 dari lebih dari 1000", "teks", ()),
    ("dataframe", "Dataframe column menu", "Dataframe column menu", "Menu kolom tabel", "aria-label", ()),
    ("dataframe", "Copy column name", "Copy column name", "Salin nama kolom", "title", ()),
    ("dataframe", "Sort ascending", "Sort ascending", "Urutkan naik", "teks", ()),
    ("dataframe", "Sort descending", "Sort descending", "Urutkan turun", "teks", ()),
    ("dataframe", "Statistics", "Statistics", "Statistik", "teks", ()),
    ("dataframe", "Format", "Format", "Format tampilan", "teks", ()),
    ("dataframe", "Autosize", "Autosize", "Lebar otomatis", "teks", ()),
    ("dataframe", "Pin column", "Pin column", "Sematkan kolom", "teks", ()),
    ("dataframe", "Unpin column", "Unpin column", "Lepas sematan kolom", "teks", ()),
    ("dataframe", "Hide column", "Hide column", "Sembunyikan kolom", "teks", ()),
    ("dataframe", "Automatic", "Automatic", "Otomatis", "teks", ()),
    ("dataframe", "Localized", "Localized", "Sesuai bahasa peramban", "teks", ()),
    ("dataframe", "Plain", "Plain", "Polos", "teks", ()),
    ("dataframe", "Compact", "Compact", "Ringkas", "teks", ()),
    ("dataframe", "Dollar", "Dollar", "Dolar", "teks", ()),
    ("dataframe", "Euro", "Euro", "Euro (€)", "teks", ()),
    ("dataframe", "Yen", "Yen", "Yen (¥)", "teks", ()),
    ("dataframe", "Percent", "Percent", "Persen", "teks", ()),
    ("dataframe", "Scientific", "Scientific", "Notasi ilmiah", "teks", ()),
    ("dataframe", "Accounting", "Accounting", "Akuntansi", "teks", ()),
    ("dataframe", "Distance", "Distance", "Selisih waktu", "teks", ()),
    ("dataframe", "Calendar", "Calendar", "Kalender", "teks", ()),
    ("dataframe", "Duration", "Duration", "Durasi", "teks", ()),
    ("dataframe", "Count", "Count", "Banyaknya", "teks", ()),
    ("dataframe", "Values", "Values", "Nilai", "teks", ()),
    ("dataframe", "Empty", "Empty", "Kosong", "teks", ()),
    ("dataframe", "Distinct", "Distinct", "Nilai berbeda", "teks", ()),
    ("dataframe", "Sum", "Sum", "Jumlah", "teks", ()),
    ("dataframe", "Average", "Average", "Rata-rata", "teks", ()),
    ("dataframe", "Median", "Median", "Median (nilai tengah)", "teks", ()),
    ("dataframe", "Minimum", "Minimum", "Terkecil", "teks", ()),
    ("dataframe", "Maximum", "Maximum", "Terbesar", "teks", ()),
    ("dataframe", "Standard deviation", "Standard deviation", "Simpangan baku", "teks", ()),
    ("dataframe", "Range", "Range", "Rentang", "teks", ()),
    ("dataframe", "25th percentile", "25th percentile", "Persentil ke-25", "teks", ()),
    ("dataframe", "75th percentile", "75th percentile", "Persentil ke-75", "teks", ()),
    ("dataframe", "Average length", "Average length", "Panjang rata-rata", "teks", ()),
    ("dataframe", "Minimum length", "Minimum length", "Panjang terkecil", "teks", ()),
    ("dataframe", "Maximum length", "Maximum length", "Panjang terbesar", "teks", ()),
    ("dataframe", "Based on sample", "Based on sample", "Berdasarkan sampel", "teks", ()),
    ("dataframe", "Distribution histogram", "Distribution histogram", "Histogram sebaran", "aria-label", ()),
    ("dataframe", "Distribution histogram", "Distribution histogram: 0-10: 4 (40%)",
     "Histogram sebaran: 0-10: 4 (40%)", "aria-label", ()),
    ("dataframe", "Top values frequency chart", "Top values frequency chart: 99.01: 1 (100%)",
     "Grafik nilai tersering: 99.01: 1 (100%)", "aria-label", ()),
    ("dataframe", "True/false distribution chart", "True/false distribution chart", "Grafik sebaran benar/salah",
     "aria-label", ()),
    ("dataframe", "Loading...", "Loading...", "Memuat...", "teks", ()),
    ("dataframe", "No data", "No data", "Tidak ada data", "teks", ()),
    ("dataframe", "Select all", "Select all", "Pilih semua", "teks", ()),
    ("dataframe", "Remove ${t||`option`}", "Remove Disdik", "Hapus Disdik", "aria-label", ()),
    ("dataframe", "(index)", "(index)", "(indeks)", "teks", (MENU_TAMPIL,)),
    ("dataframe", "(index)", "(index)", "(indeks)", "aria-label", (MENU_TAMPIL,)),
    ("dataframe", "text", "text", "teks", "title", (MENU_KOLOM,)),
    ("dataframe", "number", "number", "angka", "title", (MENU_KOLOM,)),
    ("dataframe", "progress", "progress", "progres", "title", (MENU_KOLOM,)),
    ("dataframe", "link", "link", "tautan", "title", (MENU_KOLOM,)),
    ("dataframe", "datetime", "datetime", "tanggal dan jam", "title", (MENU_KOLOM,)),
    ("toolbar", "Fullscreen", "Fullscreen", "Layar penuh", "aria-label", ()),
    ("toolbar", "Close fullscreen", "Close fullscreen", "Tutup layar penuh", "aria-label", ()),
    # Pilihan.
    ("selectbox", "No results", "No results", "Tak ditemukan", "teks", ()),
    ("selectbox", "Open", "Open", "Buka daftar pilihan", "aria-label", ()),
    ("selectbox", "Clear value", "Clear value", "Kosongkan", "aria-label", ()),
    ("selectbox", "Selectbox options", "Selectbox options", "Daftar pilihan", "aria-label", ()),
    ("multiselect", "Clear all", "Clear all", "Kosongkan semua", "aria-label", ()),
    ("multiselect", "Open", "Open", "Buka daftar pilihan", "aria-label", ()),
    ("multiselect", "No results", "No results", "Tak ditemukan", "teks", ()),
    ("multiselect", "Remove ${e}", "Remove Disdik · Dinas Pendidikan", "Hapus Disdik · Dinas Pendidikan",
     "aria-label", ()),
    ("multiselect", "Select all", "Select all", "Pilih semua", "teks", ()),
    ("multiselect", "Select ${p.length} matches", "Select 3 matches", "Pilih 3 yang cocok", "teks", ()),
    ("multiselect", "Selected values", "Selected values", "Yang dipilih", "aria-label", ()),
    ("multiselect", "Multiselect options", "Multiselect options", "Daftar pilihan", "aria-label", ()),
    ("multiselect", "You can only select up to ${t.maxSelections} ${e}. Remove an option first.",
     "You can only select up to 2 options. Remove an option first.",
     "Paling banyak 2 pilihan. Hapus salah satu dulu.", "teks", ()),
    ("placeholder", "Choose an option", "Choose an option", "Pilih salah satu", "placeholder", ()),
    ("placeholder", "Choose options", "Choose options", "Pilih satu atau lebih", "placeholder", ()),
    ("placeholder", "No options to select", "No options to select", "Tidak ada pilihan", "placeholder", ()),
    ("combobox", "Show suggestions", "Show suggestions", "Tampilkan saran", "aria-label", ()),
    ("combobox", "Suggestions", "Suggestions", "Saran", "aria-label", ()),
    ("combobox", " available.", "5 options available.", "5 pilihan tersedia.", "teks", ()),
    ("combobox", " available.", "1 option available.", "1 pilihan tersedia.", "teks", ()),
    ("combobox", "${e.optionText}, selected", "Disdik, selected", "Disdik, terpilih", "teks", ()),
    # Ikon bantuan (help=).
    ("markdown", "Help for ${", "Help for Triwulan", "Bantuan untuk Triwulan", "aria-label", ()),
    ("markdown", "Help", "Help", "Bantuan", "aria-label", ()),
    # Isian dan formulir.
    ("instruksi", "Press Enter to ${e}", "Press Enter to submit form", "Tekan Enter untuk mengirim formulir",
     "teks", ()),
    ("instruksi", "Press Enter to ${e}", "Press Enter to apply", "Tekan Enter untuk menerapkan", "teks", ()),
    ("teks_input", "Show password", "Show password", "Tampilkan sandi", "aria-label", ()),
    ("teks_input", "Hide password", "Hide password", "Sembunyikan sandi", "aria-label", ()),
    ("teks_input", "Clear entry", "Clear entry", "Kosongkan isian", "aria-label", ()),
    ("angka", "Increment", "Increment", "Tambah", "aria-label", ()),
    ("angka", "Decrement", "Decrement", "Kurangi", "aria-label", ()),
    ("angka", "Clear value", "Clear value", "Kosongkan", "aria-label", ()),
    ("angka", "Number is above the allowed range. Please enter a value less than or equal to ${r}.",
     "Number is above the allowed range. Please enter a value less than or equal to 480.",
     "Angka melebihi batas atas. Masukkan nilai paling besar 480.", "teks", ()),
    ("angka", "Number is below the allowed range. Please enter a value greater than or equal to ${n}.",
     "Number is below the allowed range. Please enter a value greater than or equal to 5.",
     "Angka di bawah batas bawah. Masukkan nilai paling kecil 5.", "teks", ()),
    ("angka", "Number is outside the allowed range. Please enter a value between ${n} and ${r}.",
     "Number is outside the allowed range. Please enter a value between 5 and 480.",
     "Angka di luar batas. Masukkan nilai antara 5 dan 480.", "teks", ()),
    ("angka", "Number is above the allowed range.", "Number is above the allowed range.",
     "Angka melebihi batas atas.", "teks", ()),
    ("angka", "Number is below the allowed range.", "Number is below the allowed range.",
     "Angka di bawah batas bawah.", "teks", ()),
    # Ikon, salin, unduh, grafik.
    ("ikon", "${n} icon", "check_circle icon", "ikon", "aria-label", ()),
    ("ikon", "Loading", "Loading", "Memuat", "aria-label", ()),
    ("salin", "Copy to clipboard", "Copy to clipboard", "Salin", "title", ()),
    ("salin", "Copied", "Copied", "Tersalin", "title", ()),
    ("unduh", "Download failed", "Download failed", "Unduhan gagal", "teks", ()),
    ("plotly", "Double-click to zoom back out", "Double-click to zoom back out",
     "Klik dua kali untuk kembali ke tampilan semula", "teks", ()),
    # Bingkai aplikasi.
    ("aplikasi", "Skip to main content", "Skip to main content", "Langsung ke isi halaman", "teks", ()),
    ("aplikasi", "Sidebar", "Sidebar", "Bilah samping", "aria-label", ()),
    ("aplikasi", "Collapse sidebar", "Collapse sidebar", "Ciutkan bilah samping", "aria-label", ()),
    ("aplikasi", "Expand sidebar", "Expand sidebar", "Buka bilah samping", "aria-label", ()),
    ("aplikasi", "App pages", "App pages", "Halaman dasbor", "aria-label", ()),
    ("aplikasi", "View ${x-m} more", "View 3 more", "Lihat 3 lagi", "teks", ()),
    ("aplikasi", "View less", "View less", "Lebih sedikit", "teks", ()),
    ("aplikasi", "Main menu", "Main menu", "Menu utama", "aria-label", ()),
    ("aplikasi", "Running...", "Running...", "Sedang memproses...", "aria-label", ()),
    ("aplikasi", "Stop", "Stop", "Hentikan", "teks", ()),
    ("aplikasi", "Stopping...", "Stopping...", "Menghentikan...", "teks", ()),
    ("aplikasi", "Rerun", "Rerun", "Muat ulang", "teks", ()),
    ("aplikasi", "Connecting", "Connecting", "Menyambung", "teks", ()),
    ("aplikasi", "Connecting to Streamlit server", "Connecting to Streamlit server",
     "Menyambung ke server dasbor", "teks", ()),
    ("aplikasi", "Unable to connect to Streamlit server", "Unable to connect to Streamlit server",
     "Tidak dapat tersambung ke server dasbor", "teks", ()),
    ("aplikasi", "Error", "Error", "Galat", "teks", ()),
    ("aplikasi", "Please wait...", "Please wait...", "Mohon tunggu...", "teks", ()),
    ("aplikasi", "Connection error", "Connection error", "Sambungan terputus", "teks", ()),
    ("aplikasi", "Connection timed out.", "Connection timed out.", "Sambungan habis waktu.", "teks", ()),
    ("aplikasi", "Streamlit server is not responding. Are you connected to the internet?",
     "Streamlit server is not responding. Are you connected to the internet?",
     "Server dasbor tidak menjawab. Periksa sambungan jaringan.", "teks", ()),
    ("aplikasi", "Is Streamlit still running? If you accidentally stopped Streamlit, just restart it in your "
     "terminal:", "Is Streamlit still running? If you accidentally stopped Streamlit, just restart it in your "
     "terminal:", "Apakah server dasbor masih berjalan? Bila terhenti, jalankan lagi di terminal:", "teks", ()),
    ("aplikasi", "Page not found", "Page not found", "Halaman tidak ditemukan", "teks", ()),
    ("aplikasi", "The page that you have requested does not seem to exist",
     "The page that you have requested does not seem to exist", "Halaman yang diminta tidak ada", "teks", ()),
    ("aplikasi", "Close", "Close", "Tutup", "aria-label", ()),
    ("aplikasi", "Dismiss", "Dismiss", "Tutup", "aria-label", ()),
    ("aplikasi", "Notifications", "Notifications", "Pemberitahuan", "aria-label", ()),
    ("aplikasi", " notification", "1 notification.", "1 pemberitahuan.", "aria-label", ()),
    ("aplikasi", " notifications", "3 notifications.", "3 pemberitahuan.", "aria-label", ()),
    ("aplikasi", "Scroll tabs left", "Scroll tabs left", "Geser tab ke kiri", "aria-label", ()),
    ("aplikasi", "Scroll tabs right", "Scroll tabs right", "Geser tab ke kanan", "aria-label", ()),
]


@pytest.mark.parametrize("nama, literal, contoh, harapan, jenis, di", TABEL,
                         ids=[f"{t[0]}:{t[2]}:{t[4]}" for t in TABEL])
def test_teks_bundel_ada_dan_diterjemahkan(nama, literal, contoh, harapan, jenis, di):
    sumber = _bundel(nama)
    # Literal utuh di antara tanda petik balik bila tidak memuat tanda petik balik lagi.
    cari = literal if "`" in literal or "${" in literal or literal.startswith(" ") else f"`{literal}`"
    assert cari in sumber, (nama, cari)
    assert terjemah(contoh, jenis=jenis, di=di) == harapan
    assert not INGGRIS.search(harapan), harapan


# Teks di tempat teks untuk orang ("aria-label", title, label, placeholder, children, alt, tooltip) di
# bundel widget yang dipakai dasbor. Setiap yang baru setelah Streamlit dinaikkan membuat tes gagal:
# diterjemahkan (TABEL) atau dicatat di sini mengapa tidak sampai ke pengguna dasbor ini. (Teks di
# tempat lain, mis. anak menu kolom, ada di TABEL dan diperiksa keberadaannya di sana.)
_TEMPAT = re.compile(r'(?:"aria-label"|title|label|placeholder|children|ariaLabel|alt|tooltip|content)\s*:\s*'
                     r'`((?:[^`\\$]|\\.|\$(?!\{))*(?:\$\{[^}]*\}(?:[^`\\$]|\\.)*)*)`')
TIDAK_SAMPAI = {
    # Tabel dasbor hanya dibaca (st.dataframe, tanpa editor, tanpa kolom media/tombol/markdown).
    "dataframe": {
        '"&nbsp;"', 'attr(data-value) " "',  # CSS
        "dummyInput", "indicatorContainer", "indicatorSeparator", "loadingIndicator", "multiValue",
        "singleValue",  # nama bagian react-select (editor sel pilihan)
        "Audio player", "Video player", "Button action menu", "Cancel (Escape)", "Save (${f}+Enter)", "Edit",
        "Edit markdown content", "Enter markdown text...", "Markdown content", "No content", "Rename",
        "Select...",
    },
    "selectbox": {"Add: ${M}"},      # accept_new_options tidak dipakai
    "multiselect": {"Add: ${n}"},
    "toolbar": set(), "teks_input": set(), "angka": set(),
}


@pytest.mark.parametrize("nama", sorted(TIDAK_SAMPAI))
def test_teks_widget_di_bundel_semuanya_dikenal(nama):
    ditemukan = {m.group(1) for m in _TEMPAT.finditer(_bundel(nama))
                 if re.search(r"[A-Za-z]{2,}", re.sub(r"\$\{[^}]*\}", "", m.group(1)))
                 and not re.search(r"^:material/|^[a-z]+$|^[a-z]+(-[a-z]+)+$", m.group(1))}
    assert ditemukan, nama
    dikenal = {t[1] for t in TABEL if t[0] == nama} | TIDAK_SAMPAI[nama]
    assert not ditemukan - dikenal, sorted(ditemukan - dikenal)
    assert TIDAK_SAMPAI[nama] <= ditemukan, sorted(TIDAK_SAMPAI[nama] - ditemukan)  # daftarnya tidak usang


# ---- data penerjemah -------------------------------------------------------------------------------

def test_hasil_terjemahan_tidak_diterjemahkan_lagi():
    """Pengamat berhenti setelah menulis hasilnya: tidak ada hasil yang juga teks atau pola Inggris."""
    hasil = set(bahasa.TEKS.values()) | {t for _, t in bahasa.POLA if "$" not in t}
    for s in sorted(hasil):
        assert terjemah(s) is None, s
    for s in ["Bantuan untuk Triwulan", "Hapus Disdik", "3 dari 12 hasil", "Lihat 3 lagi"]:
        assert terjemah(s) is None, s


def test_kamus_tanpa_inggris_dan_tanpa_teks_sama():
    for inggris, indonesia in bahasa.TEKS.items():
        assert indonesia != inggris and indonesia.strip() == indonesia, inggris
        assert not INGGRIS.search(indonesia), (inggris, indonesia)
    for _, templat in bahasa.POLA:
        assert not INGGRIS.search(re.sub(r"\$\d", "", templat)), templat
    for nama, indonesia in bahasa.JENIS_KOLOM.items():
        assert not INGGRIS.search(indonesia), (nama, indonesia)


def test_pola_regex_sama_di_javascript_dan_python():
    """Hanya bagian regex yang berarti sama di keduanya (tanpa lookbehind, grup bernama, flag)."""
    d = bahasa.data()
    semua = [r for r, _ in d["pola"]] + [r for a in d["aturan"] for r, _ in a["pola"]]
    for r in semua:
        re.compile(r)
        assert not re.search(r"\(\?[<P=!imsx]|\\[AZzbB]", r), r


def test_teks_data_tidak_diterjemahkan_pola():
    """Hanya seluruh teks yang cocok: kata bawaan di dalam teks data tetap."""
    for s in ["Search engine optimisation", "Format laporan", "Open data", "Dinas Pendidikan", "Stop!",
              "Range target", "Help desk", "Remove", "Selected"]:
        assert terjemah(s) is None, s


def test_data_komponen_json_dan_setiap_aturan_lengkap():
    d = json.loads(json.dumps(bahasa.data(), ensure_ascii=False))
    assert d["teks"] == bahasa.TEKS
    for a in d["aturan"]:
        assert set(a) == {"di", "tooltip_dari", "untuk", "teks", "pola", "lain", "kecuali"}, a
        assert a["di"] or a["tooltip_dari"], a
        assert set(a["untuk"]) <= {"teks", *bahasa.ATRIBUT}, a


def test_data_di_tabel_dan_menu_kolom_tidak_disentuh():
    """Nama kolom di menu kolom dan menu tampil/sembunyi, label pilihan widget dan tabel pembaca layar
    di dalam kanvas adalah data (mis. kolom "Format" di Tentang Data)."""
    for sel in ("canvas", ".js-plotly-plot", "svg", '[data-testid="stIconMaterial"]'):
        assert sel in bahasa.LEWAT, sel
    for sel in ('[data-testid="stMarkdownContainer"]', '[data-testid="stHtml"]',
                '[data-testid="stDataFrameColumnVisibilityMenu"] > div > div',
                '[role="option"][data-key]:not([data-key^="__select_"])'):
        assert sel in bahasa.BUKAN_BAWAAN, sel
    judul_kolom = "div[title]:has(> button)"
    assert f'{MENU_KOLOM} {judul_kolom}' in bahasa.BUKAN_ATRIBUT
    # Ikon jenis kolom: title jenisnya diterjemahkan; title judul kolom (data) tidak, juga bila judulnya
    # sama dengan teks bawaan atau nama jenis.
    assert terjemah("text", jenis="title", di=(MENU_KOLOM,)) == "teks"
    for judul in ("Format", "text", "Sum"):
        assert terjemah(judul, jenis="title", di=(MENU_KOLOM,), kecuali=(judul_kolom,), bukan=True) is None
    # Kolom indeks di menu tampil/sembunyi: bawaan; kolom lain di sana: data.
    assert terjemah("(index)", di=(MENU_TAMPIL,), bukan=True) == "(indeks)"
    assert terjemah("Format", di=(MENU_TAMPIL,), bukan=True) is None


def test_pasang_dari_kerangka_sekali_per_halaman():
    """Setiap halaman melewati kerangka.pastikan_lewat_app (langsung atau lewat mulai_halaman)."""
    akar = Path(__file__).resolve().parent.parent
    for berkas in sorted((akar / "pages").glob("*.py")):
        isi = berkas.read_text(encoding="utf-8")
        panggil = isi.count("pastikan_lewat_app()") + isi.count("mulai_halaman(")
        assert panggil == 1, berkas.name
    kerangka = (akar / "kinerja" / "ui" / "kerangka.py").read_text(encoding="utf-8")
    assert kerangka.count("bahasa.pasang()") == 1
