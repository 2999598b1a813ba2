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


def _nama(singkatan, nama_opd) -> str:
    return str(singkatan) if isinstance(singkatan, str) and singkatan else str(nama_opd)


def opd_di_bawah(opd: pd.DataFrame, ambang: float) -> pd.DataFrame:
    """OPD yang capaiannya (rata-rata dibatasi) di bawah ambang, terburuk dulu."""
    dinilai = opd[opd["capaian"].notna()]
    bawah = dinilai[dinilai["capaian"].astype(float) < ambang]
    return bawah.sort_values(["capaian", "nama_opd"], kind="stable")


def daftar_bidang(opd: pd.DataFrame) -> list[tuple[str, str]]:
    """(kode_urusan, nama_urusan) bidang utama OPD, urut kode; OPD tanpa bidang dilewati."""
    ada = opd[opd["kode_urusan"].notna()]
    pasangan = dict(zip(ada["kode_urusan"].astype(str), ada["nama_urusan"]))
    return [(k, str(v) if isinstance(v, str) else "") for k, v in sorted(pasangan.items())]


def opd_bidang(opd: pd.DataFrame, kode_urusan: str) -> pd.DataFrame:
    """OPD satu bidang, urut peringkat (terbaik dulu, n/a di akhir)."""
    return opd[opd["kode_urusan"].astype(str) == str(kode_urusan)]


def susun_slide(opd: pd.DataFrame, himpunan: str, ambang: float) -> list[Slide]:
    """Slide untuk periode dan filter. opd: hasil kueri rapat_opd (urut peringkat)."""
    if himpunan not in HIMPUNAN:
        raise ValueError(f"himpunan slide tidak dikenal: {himpunan}")
    slide = [Slide("ringkasan", "Ringkasan kinerja"), Slide("peringkat", "Peringkat OPD"),
             Slide("di_bawah_target", "OPD di bawah target")]
    if himpunan == "bidang":
        for kode, nama in daftar_bidang(opd):
            slide.append(Slide("bidang", f"Bidang {kode} {nama}".strip(), kode_urusan=kode))
        return slide
    pilih = opd_di_bawah(opd, ambang) if himpunan == "bawah" else opd
    for r in pilih.itertuples(index=False):
        slide.append(Slide("opd", _nama(r.singkatan, r.nama_opd), kode_opd=str(r.kode_opd)))
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


def bagi_peringkat(n: int, maks: int = 10) -> list[tuple[int, int]]:
    """Potongan (awal, akhir) baris peringkat untuk dua kolom grafik yang muat di layar:
    <= maks: satu kolom; <= 2*maks: dibagi dua; lebih: maks teratas dan maks terbawah."""
    if n <= 0:
        return []
    if n <= maks:
        return [(0, n)]
    if n <= 2 * maks:
        tengah = math.ceil(n / 2)
        return [(0, tengah), (tengah, n)]
    return [(0, maks), (n - maks, n)]


def potong(teks, maks: int = 160) -> str:
    """Teks (kendala) dipendekkan dengan fmt.ringkas; None -> '—'."""
    if teks is None or (isinstance(teks, float) and math.isnan(teks)):
        return "—"
    return fmt.ringkas(teks, maks)


TINGGI_RANCANGAN = 720   # slide dirancang untuk layar 1280x720
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
    # Garis biru tua (realisasi) terlalu redup di latar hitam: biru langit. Warna pita tidak diubah.
    for tr in hasil.data:
        if tr.type == "scatter" and tr.line is not None and str(tr.line.color).upper() == BIRU_TUA:
            tr.line.color = BIRU_MUDA
            if tr.marker is not None and str(tr.marker.color).upper() == BIRU_TUA:
                tr.marker.color = BIRU_MUDA
            if tr.textfont is not None and str(tr.textfont.color).upper() == BIRU_TUA:
                tr.textfont.color = BIRU_MUDA
    return hasil
