"""Mode Rapat: daftar slide untuk satu periode dan filter, dan pembantu murni.

Urutan slide: ringkasan (angka besar dan poin penting), peringkat, di bawah
target, lalu satu slide per OPD (atau per bidang urusan). Himpunan slide OPD:
  'semua'     semua OPD dalam filter, urut peringkat (terbaik dulu, n/a di akhir)
  'bawah'     hanya OPD yang capaiannya di bawah ambang, terburuk dulu
  'bidang'    satu slide per bidang urusan (bidang utama OPD), urut kode bidang
Dibangun dari DataFrame hasil kueri rapat_opd yang diberikan halaman. Tanpa
streamlit. Juga: pewarnaan grafik Plotly untuk tema gelap.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

import pandas as pd
import plotly.graph_objects as go

from kinerja import format as fmt

# Batas isi satu slide, sama di layar (Mode Rapat) dan di PPTX: selebihnya disebut "+N lainnya".
MAKS_INDIKATOR = 6   # indikator di bawah target per slide OPD
MAKS_KENDALA = 3     # kendala dan tindak lanjut per slide OPD
MAKS_BARIS = 12      # OPD per kolom tabel (slide di bawah target: dua kolom; slide bidang: satu)

HIMPUNAN = {"semua": "Semua OPD", "bawah": "Hanya OPD di bawah target", "bidang": "Per bidang urusan"}
HIMPUNAN_BAWAAN = "semua"
JEDA = {0: "Mati", 10: "10 detik", 20: "20 detik", 30: "30 detik", 60: "60 detik"}
JEDA_BAWAAN = 0
TEMA = {"terang": "Terang kontras tinggi", "gelap": "Gelap"}
TEMA_BAWAAN = "terang"


@dataclass(frozen=True)
class Slide:
    jenis: str                  # 'ringkasan' | 'peringkat' | 'di_bawah_target' | 'opd' | 'bidang'
    judul: str
    kode_opd: str | None = None
    kode_urusan: str | None = None


def nama_opd(singkatan, nama_opd) -> str:
    """Singkatan OPD, atau nama lengkapnya bila tanpa singkatan."""
    return str(singkatan) if isinstance(singkatan, str) and singkatan else str(nama_opd)


def opd_di_bawah(opd: pd.DataFrame) -> pd.DataFrame:
    """OPD yang di bawah target menurut kolom di_bawah_target (aturan SQL di_bawah_target),
    terburuk dulu."""
    bawah = opd[opd["di_bawah_target"].fillna(False).astype(bool)]
    return bawah.sort_values(["capaian", "nama_opd"], kind="stable")


def daftar_bidang(opd: pd.DataFrame) -> list[tuple[str, str]]:
    """(kode_urusan, nama_urusan) bidang utama OPD, urut kode; OPD tanpa bidang dilewati."""
    ada = opd[opd["kode_urusan"].notna()]
    pasangan = dict(zip(ada["kode_urusan"].astype(str), ada["nama_urusan"]))
    return [(k, str(v) if isinstance(v, str) else "") for k, v in sorted(pasangan.items())]


def opd_bidang(opd: pd.DataFrame, kode_urusan: str) -> pd.DataFrame:
    """OPD satu bidang, urut peringkat (terbaik dulu, n/a di akhir)."""
    return opd[opd["kode_urusan"].astype(str) == str(kode_urusan)]


def susun_slide(opd: pd.DataFrame, himpunan: str) -> list[Slide]:
    """Slide untuk periode dan filter. opd: hasil kueri rapat_opd (urut peringkat)."""
    if himpunan not in HIMPUNAN:
        raise ValueError(f"himpunan slide tidak dikenal: {himpunan}")
    slide = [Slide("ringkasan", "Ringkasan kinerja"), Slide("peringkat", "Peringkat OPD"),
             Slide("di_bawah_target", "OPD di bawah target")]
    if himpunan == "bidang":
        for kode, nama in daftar_bidang(opd):
            slide.append(Slide("bidang", f"Bidang {kode} {nama}".strip(), kode_urusan=kode))
        return slide
    pilih = opd_di_bawah(opd) if himpunan == "bawah" else opd
    for r in pilih.itertuples(index=False):
        slide.append(Slide("opd", nama_opd(r.singkatan, r.nama_opd), kode_opd=str(r.kode_opd)))
    return slide


def nomor_sah(mentah, jumlah: int) -> tuple[int, bool]:
    """Nomor slide (1..jumlah) dari teks URL; (nomor, sah). Di luar batas dijepit ke
    1..jumlah, bukan bilangan bulat -> 1; keduanya tidak sah (halaman memberi tahu)."""
    jumlah = max(int(jumlah), 1)
    if mentah is None:
        return 1, True
    try:
        n = int(str(mentah).strip())
    except (TypeError, ValueError):
        return 1, False
    dijepit = min(max(n, 1), jumlah)
    return dijepit, dijepit == n


def pilihan_sah(mentah, pilihan, bawaan, ubah=str):
    """Nilai URL bila termasuk pilihan; (nilai, sah)."""
    if mentah is None:
        return bawaan, True
    try:
        nilai = ubah(str(mentah).strip())
    except (TypeError, ValueError):
        return bawaan, False
    return (nilai, True) if nilai in pilihan else (bawaan, False)


def geser(nomor: int, langkah: int, jumlah: int) -> int:
    """Slide berikut/sebelum, berputar (setelah slide terakhir kembali ke 1)."""
    jumlah = max(int(jumlah), 1)
    return (int(nomor) - 1 + langkah) % jumlah + 1


def _kelompok_seri(peringkat: list) -> list[tuple[int, ...]]:
    """Indeks baris berurutan yang berperingkat sama (satu kelompok seri)."""
    kelompok: list[list[int]] = []
    for i, p in enumerate(peringkat):
        if kelompok and peringkat[kelompok[-1][0]] == p:
            kelompok[-1].append(i)
        else:
            kelompok.append([i])
    return [tuple(k) for k in kelompok]


def bagi_peringkat(peringkat, maks: int = 10) -> tuple[list[list[tuple[int, ...]]], int]:
    """Kolom grafik peringkat yang muat di layar, tanpa pernah membelah kelompok seri.

    peringkat: peringkat tiap baris, urut terbaik dulu. Hasil: (kolom, tersembunyi); kolom
    berisi butir, setiap butir tuple indeks baris: satu indeks = satu OPD, lebih = kelompok
    seri yang dipadatkan menjadi satu baris ("16 OPD di peringkat 1"). Paling banyak maks
    butir per kolom. Muat satu kolom: satu kolom; muat dua: dibagi di batas kelompok yang
    paling seimbang; lebih: terbaik dan terbawah, baris di tengah tidak ditampilkan
    (tersembunyi = jumlahnya). Kelompok yang tidak muat utuh dipadatkan, tidak dipotong."""
    kelompok = _kelompok_seri(list(peringkat))
    n = sum(len(k) for k in kelompok)
    if not kelompok:
        return [], 0
    padat = {j for j, k in enumerate(kelompok) if len(k) > maks}

    def butir(j: int) -> list[tuple[int, ...]]:
        k = kelompok[j]
        return [k] if j in padat and len(k) > 1 else [(i,) for i in k]

    def butir_dari(rentang) -> list[tuple[int, ...]]:
        return [b for j in rentang for b in butir(j)]

    while True:
        ukuran = [len(butir(j)) for j in range(len(kelompok))]
        jumlah = sum(ukuran)
        if jumlah <= maks:
            return [butir_dari(range(len(kelompok)))], 0
        if jumlah > 2 * maks:
            break
        terbaik = None
        kiri = 0
        for j in range(1, len(kelompok)):
            kiri += ukuran[j - 1]
            lebih = max(kiri, jumlah - kiri)
            if lebih <= maks and (terbaik is None or lebih <= terbaik[0]):  # seimbang: kiri lebih panjang
                terbaik = (lebih, j)
        if terbaik:
            j = terbaik[1]
            return [butir_dari(range(j)), butir_dari(range(j, len(kelompok)))], 0
        # Tidak ada batas kelompok yang membagi dua: padatkan kelompok di tengah.
        kiri = 0
        for j, u in enumerate(ukuran):
            if kiri + u > jumlah / 2:
                break
            kiri += u
        if j in padat or len(kelompok[j]) == 1:
            break
        padat.add(j)

    def ambil(urutan) -> tuple[list[tuple[int, ...]], list[int]]:
        isi: list[tuple[int, ...]] = []
        dipakai: list[int] = []
        ruang = maks
        for j in urutan:
            if ruang <= 0:
                break
            k = kelompok[j]
            if len(k) <= ruang:
                isi.extend((i,) for i in k)
                ruang -= len(k)
            else:
                isi.append(k)
                ruang -= 1
            dipakai.append(j)
        return isi, dipakai

    atas, pakai = ambil(range(len(kelompok)))
    bawah, _ = ambil(range(len(kelompok) - 1, max(pakai), -1))
    bawah.sort(key=lambda b: b[0])
    tampil = sum(len(b) for b in atas + bawah)
    return ([atas, bawah] if bawah else [atas]), n - tampil


def kelompok_peringkat(peringkat) -> list[tuple[int, ...]]:
    """Kelompok seri seperti bagi_peringkat (baris berurutan berperingkat sama), juga untuk
    daftar yang memuat OPD tanpa peringkat (NA/None/NaN): OPD n/a tidak pernah seri, setiap
    OPD n/a kelompoknya sendiri."""
    return _kelompok_seri([object() if pd.isna(p) else p for p in peringkat])


def halaman_peringkat(peringkat, maks: int) -> list[list[tuple[int, ...]]]:
    """Halaman grafik peringkat untuk ekspor (PPTX, PDF): semua OPD tampil, tidak ada yang
    disembunyikan, dan batas halaman hanya jatuh di antara kelompok seri.

    peringkat: peringkat tiap baris, urut terbaik dulu (NA di akhir boleh). Hasil: halaman,
    masing-masing daftar butir seperti bagi_peringkat (tuple indeks baris; kelompok seri yang
    lebih besar dari maks menjadi satu butir, "16 OPD di peringkat 1", selebihnya satu butir per
    OPD); paling banyak maks butir per halaman. Jumlah halaman sesedikit mungkin, lalu isinya
    serata mungkin (47 OPD tanpa seri, maks 16: 16, 16, 15); halaman awal yang lebih penuh."""
    maks = int(maks)
    if maks < 1:
        raise ValueError(f"maks butir per halaman harus >= 1: {maks}")
    kelompok = kelompok_peringkat(list(peringkat))
    butir = [[k] if len(k) > maks else [(i,) for i in k] for k in kelompok]

    def isi(kapasitas: int) -> list[list[tuple[int, ...]]] | None:
        """Halaman diisi berurutan sampai kapasitas; kelompok yang tidak muat pindah utuh."""
        halaman: list[list[tuple[int, ...]]] = []
        for b in butir:
            if len(b) > kapasitas:
                return None
            if not halaman or len(halaman[-1]) + len(b) > kapasitas:
                halaman.append([])
            halaman[-1].extend(b)
        return halaman

    paling_sedikit = isi(maks)
    if not paling_sedikit:
        return []
    # Pengisian berurutan memberi jumlah halaman paling sedikit untuk setiap kapasitas; kapasitas
    # terkecil yang tidak menambah halaman membuat isinya serata mungkin.
    jumlah = sum(len(b) for b in butir)
    for kapasitas in range(-(-jumlah // len(paling_sedikit)), maks):
        rata = isi(kapasitas)
        if rata is not None and len(rata) == len(paling_sedikit):
            return rata
    return paling_sedikit


def baris_peringkat(df: pd.DataFrame, butir: list[tuple[int, ...]]) -> pd.DataFrame:
    """Baris grafik peringkat satu kolom dari butir bagi_peringkat: satu OPD apa adanya,
    kelompok seri yang dipadatkan menjadi satu baris berlabel '16 OPD di peringkat 1'
    (nilai, pita dan peringkat sama untuk semua anggotanya)."""
    baris = []
    for b in butir:
        r = df.iloc[b[0]].copy()
        if len(b) > 1:
            r["label_sumbu"] = r["singkatan"] = f"{len(b)} OPD di peringkat {int(r['peringkat'])}"
            r["perubahan"] = ""
            r["kode_opd"] = None
        baris.append(r)
    return pd.DataFrame(baris).reset_index(drop=True)


def potong(teks, maks: int = 160) -> str:
    """Teks (kendala) dipendekkan dengan fmt.ringkas; None -> '—'."""
    if teks is None or (isinstance(teks, float) and math.isnan(teks)):
        return "—"
    return fmt.ringkas(teks, maks)


TINGGI_RANCANGAN = 720   # slide dirancang untuk layar 1280x720
# Tabel OPD slide sependek ini (baris per kolom) ditulis berhuruf besar ('lega') agar mengisi
# slide; lebih panjang tetap huruf biasa agar muat. Poin penting sebanyak ini juga lega.
BARIS_LEGA = 8
POIN_LEGA = 5


def kerapatan(baris: int, batas: int = BARIS_LEGA) -> str:
    """Kelas CSS kerapatan: 'lega' untuk daftar pendek (huruf besar), 'biasa' untuk yang panjang."""
    return "lega" if int(baris) <= batas else "biasa"

_KUNCI_CSS = re.compile(r"[A-Za-z0-9_-]+")


def css_tinggi_grafik(kunci: str, tinggi: int) -> str:
    """CSS untuk wadah grafik berkunci `kunci`: setinggi `tinggi` px pada layar rancangan dan
    sebanding tinggi layar di layar lain (vh), tidak lebih kecil dari 85% rancangan agar
    tetap terbaca di layar pendek. Flex-basis ikut diatur karena wadah Streamlit adalah
    anak flex (height saja diabaikan)."""
    if not _KUNCI_CSS.fullmatch(kunci):
        raise ValueError(f"kunci CSS tidak sah: {kunci!r}")
    vh = int(tinggi) / TINGGI_RANCANGAN * 100
    ukuran = f"max({int(tinggi) * 0.85:.0f}px, {vh:.2f}vh)"
    return f".st-key-{kunci} {{flex: 0 0 {ukuran} !important; height: {ukuran} !important;}}"


HURUF_MINIMAL = 14   # px pada layar rancangan 1280x720: teks slide terkecil, teks grafik juga
_UKURAN_INLINE = re.compile(r"font-size:\s*(\d+(?:\.\d+)?)px")

# Tangga pembesaran slide: (lebar minimal, tinggi minimal, skala). Slide dirancang untuk
# 1280x720; di layar sebesar ini atau lebih, semua teks (HTML lewat zoom CSS, grafik lewat
# huruf_rapat) dikali skala. Satu-satunya tempat tangga ini; CSS dibangkitkan darinya.
SKALA_LAYAR = ((1560, 870, 1.25), (1880, 1040, 1.5), (2500, 1400, 2.0))


def skala_layar(lebar, tinggi) -> float:
    """Skala slide untuk layar lebar x tinggi px (1 bila belum diketahui atau tidak sah)."""
    try:
        lebar, tinggi = float(lebar), float(tinggi)
    except (TypeError, ValueError):
        return 1.0
    skala = 1.0
    for l_min, t_min, s in SKALA_LAYAR:
        if lebar >= l_min and tinggi >= t_min:
            skala = s
    return skala


def _px(nilai, skala: float):
    return round(nilai * skala, 2) if isinstance(nilai, (int, float)) and not isinstance(nilai, bool) else nilai


def huruf_rapat(fig: go.Figure, skala: float = 1.0, minimal: float = HURUF_MINIMAL) -> go.Figure:
    """Salinan figure untuk layar rapat: setiap ukuran huruf (layout, sumbu, anotasi, teks
    jejak, gauge, dan font-size di dalam teks HTML judul) paling kecil `minimal` px pada
    1280x720, lalu semuanya (huruf, margin, jarak judul, geser anotasi) dikali `skala` layar. Plotly
    memakai px tetap dan tidak bisa di-zoom CSS, jadi grafik diperbesar di server."""
    def ubah(x):
        if isinstance(x, dict):
            hasil = {}
            for k, v in x.items():
                if k.endswith("font") and isinstance(v, dict):
                    v = dict(v)
                    if isinstance(v.get("size"), (int, float)):
                        v["size"] = _px(max(v["size"], minimal), skala)
                    hasil[k] = ubah(v)
                elif k in ("xshift", "yshift", "standoff"):
                    hasil[k] = _px(v, skala)
                elif k == "pad" and isinstance(v, dict):      # jarak judul ke tepi
                    hasil[k] = {kk: _px(vv, skala) for kk, vv in v.items()}
                else:
                    hasil[k] = ubah(v)
            return hasil
        if isinstance(x, list):
            return [ubah(v) for v in x]
        if isinstance(x, str) and "font-size" in x:
            return _UKURAN_INLINE.sub(lambda m: f"font-size:{max(float(m.group(1)), minimal) * skala:g}px", x)
        return x

    data = ubah(fig.to_plotly_json())
    tata = data.setdefault("layout", {})
    huruf = tata.setdefault("font", {})
    if not isinstance(huruf.get("size"), (int, float)):
        huruf["size"] = _px(max(12, minimal), skala)   # bawaan Plotly 12 px
    if isinstance(tata.get("margin"), dict):
        tata["margin"] = {k: _px(v, skala) for k, v in tata["margin"].items()}
    return go.Figure(data)


# ---------------------------------------------------------------------------
# Tema gelap untuk grafik Plotly yang dibangun modul grafik lain

TEKS_GELAP = "#F5F5F5"
ABU_GELAP = "#C9CED6"
GARIS_GELAP = "#3F4650"
BIRU_TUA, BIRU_MUDA = "#0072B2", "#56B4E9"
_PETA_GELAP = {
    "#111111": TEKS_GELAP, "#000000": TEKS_GELAP, "#6B7280": ABU_GELAP, "#E5E7EB": GARIS_GELAP,
    "#1A6E2E": "#7BD88F", "#B3261E": "#FF8A80", "#D9DEE5": "#4B5563",
    "#6B0F1A": "#FF5C5C", "RGBA(255,255,255,0.9)": "rgba(0,0,0,0.85)",
}
# Teks di dalam batang dan pita gauge berwarna skala: warnanya dibiarkan.
_LEWATI = {"insidetextfont", "steps"}


def _ganti(nilai, peta: dict):
    if isinstance(nilai, dict):
        return {k: (v if k in _LEWATI else _ganti(v, peta)) for k, v in nilai.items()}
    if isinstance(nilai, list):
        return [_ganti(v, peta) for v in nilai]
    if isinstance(nilai, tuple):
        return tuple(_ganti(v, peta) for v in nilai)
    if isinstance(nilai, str):
        if "color:#" in nilai:  # warna di dalam teks HTML judul Plotly
            for lama, baru in peta.items():
                if lama.startswith("#"):
                    nilai = re.sub(f"color:{lama}", f"color:{baru}", nilai, flags=re.I)
            return nilai
        return peta.get(nilai.upper().replace(" ", ""), nilai)
    return nilai


def warnai(fig: go.Figure, tema: str) -> go.Figure:
    """Grafik untuk tema: 'terang' apa adanya (latar transparan); 'gelap' teks putih,
    garis kisi gelap, warna seri yang terlalu gelap diganti padanan terang."""
    if tema != "gelap":
        return fig
    d = fig.to_plotly_json()
    d = _ganti(d, _PETA_GELAP)
    hasil = go.Figure(d)
    hasil.update_layout(font_color=TEKS_GELAP, title_font_color=TEKS_GELAP, legend_font_color=TEKS_GELAP,
                        paper_bgcolor="rgba(0,0,0,0)", plot_bgcolor="rgba(0,0,0,0)",
                        hoverlabel=dict(bgcolor="#111111", font_color=TEKS_GELAP))
    if hasil.layout.legend.bgcolor is not None:   # legenda di dalam panel (kurva S): latar gelap
        hasil.update_layout(legend_bgcolor="rgba(11,12,14,0.8)")
    # Garis biru tua (realisasi) terlalu redup di latar hitam: biru langit. Warna pita tidak diubah.
    for tr in hasil.data:
        if tr.type == "scatter" and tr.line is not None and str(tr.line.color).upper() == BIRU_TUA:
            tr.line.color = BIRU_MUDA
            if tr.marker is not None and str(tr.marker.color).upper() == BIRU_TUA:
                tr.marker.color = BIRU_MUDA
            if tr.textfont is not None and str(tr.textfont.color).upper() == BIRU_TUA:
                tr.textfont.color = BIRU_MUDA
    return hasil
