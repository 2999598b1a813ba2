"""Angka, uang dan tanggal dalam format Indonesia (Babel, locale id_ID)."""

from __future__ import annotations

import html as html_lib
import json
import math
import re
from datetime import date, datetime
from zoneinfo import ZoneInfo

from babel.dates import format_date, format_datetime
from babel.numbers import format_decimal

LOCALE = "id_ID"
WIB = ZoneInfo("Asia/Jakarta")
NA = "n/a"
BULAN = ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus",
         "September", "Oktober", "November", "Desember"]
TRIWULAN = {1: "TW I", 2: "TW II", 3: "TW III", 4: "TW IV"}


def _kosong(x) -> bool:
    # pd.NA (kolom bilangan bulat ber-NULL) dikenali tanpa mengimpor pandas: bool(pd.NA) galat.
    return x is None or (isinstance(x, float) and math.isnan(x)) or type(x).__name__ == "NAType"


def angka(x, desimal: int = 0) -> str:
    """1234567.8 -> '1.234.568' (desimal=0) atau '1.234.567,8' (desimal=1)."""
    if _kosong(x):
        return NA
    pola = "#,##0" + ("." + "0" * desimal if desimal else "")
    return format_decimal(x, format=pola, locale=LOCALE)


def angka_ringkas(x) -> str:
    """Nilai indikator (target, realisasi) tanpa nol di belakang koma: 25 desa -> '25', 6.5 -> '6,5',
    1234.25 -> '1.234,25'; paling banyak dua desimal."""
    try:
        v = float(x)
    except (TypeError, ValueError):  # None, pd.NA
        return NA
    if math.isnan(v):
        return NA
    teks = angka(v, 2)
    if "," in teks:
        teks = teks.rstrip("0").rstrip(",")
    return teks


def teks_peringkat(peringkat, jumlah_dinilai, jumlah_sama=None) -> str:
    """'ke-1 dari 47 OPD (bersama 15 OPD lain)': peringkat yang dibagi (nilai sama) selalu disebut,
    agar 'ke-1' tidak terbaca sebagai satu-satunya yang terbaik. Tanpa peringkat: n/a."""
    if _kosong(peringkat):
        return NA
    teks = f"ke-{int(peringkat)} dari {int(jumlah_dinilai)} OPD"
    lain = teks_bersama(jumlah_sama)
    return f"{teks} ({lain})" if lain else teks


def teks_bersama(jumlah_sama) -> str:
    """'bersama 15 OPD lain' bila peringkat dibagi (jumlah_sama OPD termasuk ini), selain itu ''."""
    if _kosong(jumlah_sama) or int(jumlah_sama) <= 1:
        return ""
    return f"bersama {int(jumlah_sama) - 1} OPD lain"


def catatan_batas(tanda, capaian_dibatasi=None, target=None, realisasi=None, angka_ikut: bool = True) -> str:
    """Catatan pendek untuk capaian yang tidak tampil apa adanya (kolom SQL tanda_batas):
    'dipotong ke 0% · target 7,8 · realisasi 17,39' (makin rendah makin baik, realisasi jauh di
    atas target) atau 'dibatasi 100% · target 7 · realisasi 6,5'. angka_ikut=False bila target dan
    realisasi sudah ada di kolom sebelahnya. '' bila capaian tampil apa adanya."""
    if tanda == "dipotong":
        teks = "dipotong ke 0%"
    elif tanda == "dibatasi":
        teks = f"dihitung {persen(capaian_dibatasi, 0)} (batas atas)"
    else:
        return ""
    if angka_ikut:
        teks += f" · target {angka_ringkas(target)} · realisasi {angka_ringkas(realisasi)}"
    return teks


def ambang(x, satuan: str = "%") -> str:
    """Ambang dari pengaturan seperti yang ditulis admin: 95 -> '95%', 92.5 -> '92,5%'
    (bukan dibulatkan: '< 92%' untuk ambang 92,5 menyesatkan)."""
    return NA if _kosong(x) else f"{angka_ringkas(x)}{satuan}"


def persen(x, desimal: int = 1) -> str:
    """95.3 -> '95,3%'. Nilai sudah dalam persen (0-100), bukan pecahan."""
    return NA if _kosong(x) else f"{angka(x, desimal)}%"


def poin(x, desimal: int = 1) -> str:
    """Selisih dalam poin persentase dengan tanda: +2,4 poin, -1,0 poin."""
    if _kosong(x):
        return NA
    # Tanda minus ASCII: st.metric membaca arah perubahan dari awalan '-'.
    tanda = "+" if x > 0 else ("-" if x < 0 else "±")
    return f"{tanda}{angka(abs(x), desimal)} poin"


def rupiah(x) -> str:
    """Rupiah ringkas untuk dibaca dari jauh: Rp 1,25 T, Rp 1,25 M, Rp 850 jt."""
    if _kosong(x):
        return NA
    tanda = "-" if x < 0 else ""
    n = abs(x)
    for batas, akhiran in ((1e12, "T"), (1e9, "M"), (1e6, "jt")):
        if n >= batas:
            nilai = n / batas
            desimal = 0 if akhiran == "jt" or nilai >= 100 else 2
            return f"{tanda}Rp {angka(nilai, desimal)} {akhiran}"
    return f"{tanda}Rp {angka(n)}"


def rupiah_penuh(x) -> str:
    return NA if _kosong(x) else f"Rp {angka(x)}"


def tanggal(d: date | datetime) -> str:
    """23 November 2026."""
    return format_date(d, format="d MMMM y", locale=LOCALE)


def waktu(dt: datetime) -> str:
    """23 November 2026 11.30 WIB (waktu disimpan UTC, ditampilkan WIB)."""
    if dt.tzinfo is None:
        dt = dt.replace(tzinfo=ZoneInfo("UTC"))
    return format_datetime(dt.astimezone(WIB), format="d MMMM y HH.mm", locale=LOCALE) + " WIB"


def periode(tahun: int, triwulan: int) -> str:
    """'TW III 2026'; TW IV berarti setahun penuh."""
    return f"{TRIWULAN[int(triwulan)]} {int(tahun)}"


def bulan(b: int) -> str:
    return BULAN[int(b) - 1]


_MARKDOWN = set("\\`*_{}[]<>()#+-.!|~$:&")
# Di dalam blok HTML (st.markdown dengan unsafe_allow_html) garis miring terbalik tampil apa adanya:
# teks di-escape untuk HTML (& < > " '), lalu ganti baris dan karakter pembuka sintaks markdown/LaTeX
# ditulis sebagai entitas angka HTML. Entitas tidak pernah dibaca sebagai sintaks, dan ganti baris
# tidak dapat menutup blok HTML (baris kosong) sehingga sisa teks tidak dibaca sebagai markdown.
_HTML = set("\\`*_{}[]|~$\n\r")
# Markdown Streamlit (remark-gfm) menjadikan URL dan alamat surel telanjang tautan hidup, juga bila
# ':' dan '.' di-escape atau ditulis sebagai entitas. WORD JOINER (tak terlihat, lebar nol) di dalam
# '://', 'www.' dan sesudah '@' memutus pola tautan otomatis itu tanpa mengubah teks yang dibaca.
_PENYAMBUNG = "\u2060"
_TAUTAN_OTOMATIS = re.compile(r"(?<=:)(?=//)|(?i:(?<=www)(?=\.))|(?<=@)")


def markdown_aman(teks, html: bool = False) -> str:
    """SATU pembantu untuk teks dari URL atau data (nama OPD, pemda, indikator, kendala) yang sampai
    ke markdown Streamlit (st.markdown, caption, toast, title, info, label kartu, tab, expander).
    Bawaan: karakter markdown, HTML dan LaTeX ($) di-escape dengan garis miring terbalik.
    html=True: untuk teks di dalam HTML (unsafe_allow_html): entitas angka HTML."""
    s = _TAUTAN_OTOMATIS.sub(_PENYAMBUNG, str(teks))
    if html:
        return "".join(f"&#{ord(c)};" if c in _HTML else c for c in html_lib.escape(s))
    return "".join("\\" + c if c in _MARKDOWN else c for c in s)


def html_aman(teks) -> str:
    """markdown_aman untuk teks di dalam HTML yang dikirim ke st.markdown(unsafe_allow_html=True)."""
    return markdown_aman(teks, html=True)


def jumlah_baris(teks_json) -> str:
    """Kolom log_impor.jumlah_baris ('{"opd": 4, "capaian": 13}') sebagai '4 opd, 13 capaian'.
    Kosong untuk baris tanpa jumlah (mis. pembuatan database: NULL, dari pandas NaN)."""
    if not isinstance(teks_json, str) or not teks_json:
        return ""
    return ", ".join(f"{angka(n)} {t}" for t, n in json.loads(teks_json).items() if n)


def ringkas(teks, batas: int) -> str:
    """Satu pemendek untuk layar, PDF dan PPTX: spasi dirapatkan, lalu bila lebih dari `batas`
    karakter dipotong di batas kata (kecuali kata terakhir terlalu panjang) dan diakhiri elipsis,
    paling banyak `batas` karakter. Batasnya ditentukan pemakai (satu konstanta per tempat);
    teks lengkap ditampilkan di tempat lain."""
    s = " ".join(str(teks).split())
    if len(s) <= batas:
        return s
    ruang = s[: max(batas - 1, 0)]
    kata = ruang.rsplit(" ", 1)[0]
    if len(kata) < 0.6 * len(ruang):  # satu "kata" sangat panjang: potong di tengahnya
        kata = ruang
    return kata.rstrip(",.;: ") + "…"
