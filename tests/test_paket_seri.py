"""Paket rapat: batas slide/halaman peringkat tidak pernah jatuh di dalam kelompok seri.

Aturan (isu 12): kelompok OPD berperingkat sama ditampilkan utuh di satu slide/halaman, atau
satu baris ("30 OPD di peringkat 1") bila lebih besar dari batas per slide/halaman. Database
kecil dibangun di sini dari CSV templat; urutan dan pembagian halaman dihitung tangan.

Database `seri` (32 OPD, U01..U32, satu indikator naik target 100, capaian = realisasi):
  baris 0-13   U01..U14  capaian 99..86, peringkat 1..14
  baris 14-17  U15..U18  capaian 80 (seri A, peringkat 15, 4 OPD)   <- batas lama 16 membelahnya
  baris 18-21  U19..U22  capaian 79..76, peringkat 19..22
  baris 22-26  U23..U27  capaian 70 (seri B, peringkat 23, 5 OPD)   <- batas halaman tabel lama (24 baris)
  baris 27-31  U28..U32  capaian 69..65, peringkat 28..32
Dulu: PPTX 32/16 -> 16|16 (seri A terbelah 14-15 | 16-17), grafik PDF 32/24 -> 16|16 (sama),
tabel PDF pindah halaman sesudah 24 baris (seri B terbelah U23-U24 | U25-U27).

Database `seri_besar` (34 OPD): U01..U30 capaian 100 (30 OPD di peringkat 1), U31 90, U32 80,
U33 70, U34 tanpa capaian (n/a, tanpa peringkat).
"""

from __future__ import annotations

import io
import random
import re
from pathlib import Path

import duckdb
import pandas as pd
import pytest
from PIL import Image
from pptx import Presentation
from pypdf import PdfReader

from kinerja.rapat import slide as sl
from kinerja.ekspor import gambar as gbr
from kinerja.ekspor import tulis
from kinerja.impor.muat import impor_template
from kinerja.rapat.paket import susun_paket
from kinerja.skema import buat_skema

PEMDA = "T09"
TAHUN, TW = 2026, 2
JUDUL_PERINGKAT = "Peringkat OPD menurut capaian kinerja"
KODE = re.compile(r"\bU\d{2}\b")


def _u(a: int, b: int) -> list[str]:
    """Singkatan U<a>..U<b> (inklusif, bernomor 1)."""
    return [f"U{i:02d}" for i in range(a, b + 1)]


def _tulis_csv(folder: Path, realisasi: list) -> None:
    folder.mkdir(parents=True)
    (folder / "pemda.csv").write_text("kode_pemda,nama_pemda,keterangan\n"
                                      f"{PEMDA},Kabupaten Uji Seri,fixture tes seri\n")
    opd = ["kode_pemda,kode_opd,nama_opd,singkatan"]
    ind = ["kode_pemda,indikator_id,kode_opd,indikator,satuan,polaritas,agregasi,tingkat,rentang_atas_baik"]
    cap = ["kode_pemda,indikator_id,tahun,triwulan,target,target_atas,realisasi"]
    for i, r in enumerate(realisasi, start=1):
        kode = f"1.01.0.00.0.00.{i:02d}.0000"
        opd.append(f"{PEMDA},{kode},Dinas Uji {i:02d},U{i:02d}")
        ind.append(f"{PEMDA},I{i:02d},{kode},Indikator uji {i:02d},%,naik,terakhir,IKU,false")
        cap.append(f"{PEMDA},I{i:02d},{TAHUN},{TW},100,,{'' if r is None else r}")
    for nama, isi in (("opd", opd), ("indikator", ind), ("capaian", cap)):
        (folder / f"{nama}.csv").write_text("\n".join(isi) + "\n")


def _con(folder: Path, realisasi: list):
    _tulis_csv(folder, realisasi)
    con = duckdb.connect(":memory:")
    buat_skema(con)
    impor_template(con, [folder], pengguna="tes")
    return con


SERI = ([99 - i for i in range(14)] + [80] * 4 + [79, 78, 77, 76] + [70] * 5 + [69 - i for i in range(5)])
SERI_A, SERI_B = _u(15, 18), _u(23, 27)
SERI_BESAR = [100] * 30 + [90, 80, 70, None]


@pytest.fixture
def paket_seri(tmp_path):
    con = _con(tmp_path / "seri", SERI)
    yield susun_paket(con, PEMDA, TAHUN, TW)
    con.close()


@pytest.fixture
def paket_besar(tmp_path):
    con = _con(tmp_path / "seri_besar", SERI_BESAR)
    yield susun_paket(con, PEMDA, TAHUN, TW)
    con.close()


def test_prasyarat_database_seri(paket_seri, paket_besar):
    """Peringkat hasil kueri sesuai rancangan di atas (kalau tidak, tes lain tidak bermakna)."""
    p = paket_seri.peringkat
    assert list(p["singkatan"]) == _u(1, 32)
    assert list(p["peringkat"]) == list(range(1, 15)) + [15] * 4 + [19, 20, 21, 22] + [23] * 5 + list(range(28, 33))
    b = paket_besar.peringkat
    assert list(b["singkatan"]) == _u(1, 34)
    assert list(b["peringkat"].iloc[:33]) == [1] * 30 + [31, 32, 33] and pd.isna(b["peringkat"].iloc[33])


# ---------------------------------------------------------------------------
# Fungsi bersama: slide.halaman_peringkat


def _satu(a, b):
    return [(i,) for i in range(a, b)]


def test_halaman_peringkat_contoh_tangan():
    assert sl.halaman_peringkat([], 16) == []
    # Tanpa seri: dibagi rata seperti dulu (47 -> 16, 16, 15).
    assert sl.halaman_peringkat(range(1, 48), 16) == [_satu(0, 16), _satu(16, 32), _satu(32, 47)]
    # Demo TW III 2026: 16 OPD seri di peringkat 1 muat utuh di slide pertama.
    demo = [1] * 16 + list(range(17, 48))
    assert sl.halaman_peringkat(demo, 16) == [_satu(0, 16), _satu(16, 32), _satu(32, 47)]
    # Batas 10: seri 16 tidak muat -> satu butir; 32 butir -> 4 halaman, rata 8 butir.
    assert sl.halaman_peringkat(demo, 10) == [[tuple(range(16))] + _satu(16, 23), _satu(23, 31),
                                              _satu(31, 39), _satu(39, 47)]
    # Database seri: batas 16 -> 11|11|10, batas 24 -> 18|14 (hitungan di docstring modul).
    per = [1 + i for i in range(14)] + [15] * 4 + [19, 20, 21, 22] + [23] * 5 + list(range(28, 33))
    assert sl.halaman_peringkat(per, 16) == [_satu(0, 11), _satu(11, 22), _satu(22, 32)]
    assert sl.halaman_peringkat(per, 24) == [_satu(0, 18), _satu(18, 32)]
    # Tanpa peringkat (NA) bukan seri: setiap OPD n/a butirnya sendiri.
    assert sl.halaman_peringkat([1, 1, 3, pd.NA, pd.NA], 2) == [[(0,), (1,)], [(2,), (3,)], [(4,)]]
    assert sl.halaman_peringkat([1, 1, 3, None, float("nan")], 2) == [[(0,), (1,)], [(2,), (3,)], [(4,)]]


def _terbaik(ukuran: list[int], maks: int) -> tuple[int, int]:
    """Pemeriksa independen (pemrograman dinamis atas batas kelompok): (jumlah halaman paling
    sedikit, isi halaman terpenuh paling kecil di antara pembagian dengan jumlah itu)."""
    inf = (10 ** 9, 10 ** 9)
    best = [(0, 0)] + [inf] * len(ukuran)
    for j in range(1, len(ukuran) + 1):
        for i in range(j):
            isi = sum(ukuran[i:j])
            if isi <= maks and best[i] != inf:
                best[j] = min(best[j], (best[i][0] + 1, max(best[i][1], isi)))
    return best[-1]


@pytest.mark.parametrize("benih", range(40))
def test_halaman_peringkat_sifat(benih):
    acak = random.Random(benih)
    n, maks = acak.randint(1, 70), acak.choice([3, 5, 10, 16, 24])
    peringkat: list = []
    while len(peringkat) < n:
        peringkat += [len(peringkat) + 1] * acak.choice([1, 1, 1, 2, 3, 5, 12, 30])
    peringkat = peringkat[:n] + [pd.NA] * acak.choice([0, 0, 2])
    halaman = sl.halaman_peringkat(peringkat, maks)
    kelompok: list[list[int]] = []        # kelompok seri dihitung di sini, bukan oleh kode yang diuji
    for i, p in enumerate(peringkat):
        lalu = peringkat[kelompok[-1][0]] if kelompok else pd.NA
        if not pd.isna(p) and not pd.isna(lalu) and p == lalu:
            kelompok[-1].append(i)
        else:
            kelompok.append([i])
    # semua OPD tampil sekali, berurutan; tiap halaman paling banyak maks butir
    assert [i for h in halaman for b in h for i in b] == list(range(len(peringkat)))
    assert all(1 <= len(h) <= maks for h in halaman)
    halaman_baris = {i: j for j, h in enumerate(halaman) for b in h for i in b}
    for k in kelompok:
        assert len({halaman_baris[i] for i in k}) == 1, (k, halaman)       # tidak pernah terbelah
        butir = [b for h in halaman for b in h if b[0] in k]
        # utuh (satu butir per OPD) bila muat, satu butir berisi seluruh kelompok bila tidak
        assert butir == ([tuple(k)] if len(k) > maks else [(i,) for i in k])
    ukuran = [1 if len(k) > maks else len(k) for k in kelompok]
    assert (len(halaman), max(len(h) for h in halaman)) == _terbaik(ukuran, maks)


# ---------------------------------------------------------------------------
# PPTX: kategori grafik tiap slide peringkat dibaca kembali


def _slide_peringkat(path) -> list[tuple[list[str], str]]:
    """(label kategori grafik, semua teks slide) untuk setiap slide peringkat."""
    hasil = []
    for s in Presentation(str(path)).slides:
        teks = [sh.text_frame.text for sh in s.shapes if sh.has_text_frame]
        if not teks or not teks[0].startswith(JUDUL_PERINGKAT):
            continue
        grafik = [sh.chart for sh in s.shapes if sh.has_chart]
        assert len(grafik) == 1
        hasil.append(([str(c) for c in grafik[0].plots[0].categories], " ".join(teks)))
    return hasil


def _kode(teks) -> list[str]:
    return KODE.findall(" ".join(teks) if isinstance(teks, list) else teks)


def test_pptx_seri_tidak_terbelah(paket_seri, tmp_path):
    tulis(paket_seri, "pptx", tmp_path / "s.pptx")
    slide = _slide_peringkat(tmp_path / "s.pptx")
    assert [_kode(label) for label, _ in slide] == [_u(1, 11), _u(12, 22), _u(23, 32)]
    for seri in (SERI_A, SERI_B):
        assert sum(1 for label, _ in slide if set(seri) & set(_kode(label))) == 1
    # Peringkat bersama tetap disebut di setiap batangnya.
    semua = [lb for label, _ in slide for lb in label]
    for lb in semua:
        k = _kode(lb)[0]
        harap = "bersama 3 OPD lain" if k in SERI_A else "bersama 4 OPD lain" if k in SERI_B else None
        assert (harap in lb) if harap else ("bersama" not in lb), lb
    assert semua[14].startswith("15. U15") and semua[22].startswith("23. U23")


def test_pptx_seri_besar_satu_baris(paket_besar, tmp_path):
    tulis(paket_besar, "pptx", tmp_path / "b.pptx")
    slide = _slide_peringkat(tmp_path / "b.pptx")
    assert len(slide) == 1
    label, teks = slide[0]
    # 30 OPD seri > 16 per slide: satu batang; lalu 31, 32, 33 dan OPD n/a.
    assert len(label) == 5
    assert label[0].startswith("30 OPD di peringkat 1") and "bersama" not in label[0]
    assert [_kode(lb) for lb in label[1:]] == [["U31"], ["U32"], ["U33"], ["U34"]]
    # Anggotanya disebut di slide yang sama, semuanya.
    anggota = re.search(r"30 OPD di peringkat 1 · 100,0%[^:]*: ([^\n]*)", teks)
    assert anggota, teks
    assert _kode(anggota.group(1)) == _u(1, 30)


# ---------------------------------------------------------------------------
# PDF: grafik (figure yang dirender) dan tabel peringkat, teks dibaca per halaman


def _png_palsu(daftar, **_):
    hasil = []
    for fig, lebar, tinggi, *_ in daftar:
        buf = io.BytesIO()
        Image.new("RGB", (int(lebar) // 4, int(tinggi or 600) // 4), "white").save(buf, format="PNG")
        hasil.append(buf.getvalue())
    return hasil


@pytest.fixture
def figure_dirender(monkeypatch):
    """Ganti pengekspor gambar: simpan figure yang akan dirender, kembalikan PNG putih."""
    simpan: list = []

    def palsu(daftar, **k):
        simpan.extend(d[0] for d in daftar)
        return _png_palsu(daftar, **k)

    monkeypatch.setattr(gbr, "ke_png_banyak", palsu)
    return simpan


def _label_grafik_peringkat(figure) -> list[list[str]]:
    return [list(f.layout.yaxis.ticktext) for f in figure if JUDUL_PERINGKAT in (f.layout.title.text or "")]


def _halaman(path) -> list[str]:
    return [h.extract_text() or "" for h in PdfReader(str(path)).pages]


def _halaman_tabel(halaman: list[str]) -> list[str]:
    """Halaman tabel peringkat: dari judul '… · tabel' sampai sebelum bagian berikutnya."""
    awal = next(i for i, h in enumerate(halaman) if re.search(JUDUL_PERINGKAT + r".*tabel", h.replace("\xa0", " ")))
    akhir = next(i for i, h in enumerate(halaman) if i > awal and "OPD di bawah target" in h)
    return halaman[awal:akhir]


def test_pdf_grafik_seri_tidak_terbelah(paket_seri, tmp_path, figure_dirender):
    tulis(paket_seri, "pdf", tmp_path / "g.pdf")
    label = _label_grafik_peringkat(figure_dirender)
    assert [_kode(lb) for lb in label] == [_u(1, 18), _u(19, 32)]
    # Satu halaman per grafik, berjudul (1/2) dan (2/2).
    halaman = [h.replace("\xa0", " ") for h in _halaman(tmp_path / "g.pdf")]
    judul = [h.splitlines()[0] for h in halaman if h.startswith(JUDUL_PERINGKAT) and "tabel" not in h.splitlines()[0]]
    assert judul == [f"{JUDUL_PERINGKAT} · TW II 2026 (1/2)", f"{JUDUL_PERINGKAT} · TW II 2026 (2/2)"]


def test_pdf_tabel_seri_tidak_terbelah(paket_seri, tmp_path):
    tulis(paket_seri, "pdf", tmp_path / "t.pdf", gambar=False)
    tabel = _halaman_tabel(_halaman(tmp_path / "t.pdf"))
    kode = [_kode(h) for h in tabel]
    assert len(tabel) >= 2                                   # tabel memang pindah halaman
    assert [k for h in kode for k in h] == _u(1, 32)         # setiap OPD sekali, urut peringkat
    for seri in (SERI_A, SERI_B):
        assert sum(1 for h in kode if set(seri) & set(h)) == 1, (seri, kode)


def test_pdf_seri_besar_satu_baris(paket_besar, tmp_path, figure_dirender):
    tulis(paket_besar, "pdf", tmp_path / "b.pdf")
    label = _label_grafik_peringkat(figure_dirender)
    assert len(label) == 1 and len(label[0]) == 5
    assert label[0][0] == "30 OPD di peringkat 1"
    assert [_kode(lb) for lb in label[0][1:]] == [["U31"], ["U32"], ["U33"], ["U34"]]
    halaman = [h.replace("\xa0", " ") for h in _halaman(tmp_path / "b.pdf")]
    grafik = [h for h in halaman if h.startswith(JUDUL_PERINGKAT) and "tabel" not in h.splitlines()[0]]
    assert len(grafik) == 1
    # Anggota kelompok yang dipadatkan ditulis sebagai teks di halaman grafiknya.
    anggota = re.search(r"30 OPD di peringkat 1 · 100,0%[^:]*: (.*)", re.sub(r"\s+", " ", grafik[0]))
    assert anggota and _kode(anggota.group(1)) == _u(1, 30)
    # Tabel: 30 baris tidak muat satu halaman -> satu baris berisi semua anggota, di satu halaman.
    tabel = _halaman_tabel(halaman)
    kode = [_kode(h) for h in tabel]
    assert [k for h in kode for k in h] == _u(1, 34)
    assert sum(1 for h in kode if set(_u(1, 30)) & set(h)) == 1
    assert "30 OPD" in " ".join(tabel)
