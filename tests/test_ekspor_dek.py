"""Dek PPTX dan PDF paket rapat meniru Mode Rapat: slide per OPD / bidang sama dengan
kinerja.rapat.slide.susun_slide, gauge dan kurva S asli yang angkanya sama dengan view
stabil (v_capaian_opd, v_anggaran_opd), bagian per OPD dan tabel serapan di PDF.
Berkas dibangun sekali per modul; pembanding dihitung langsung dari view."""

from __future__ import annotations

import math
import os
import re

import pytest
from pptx import Presentation
from pptx.util import Emu
from pypdf import PdfReader

from kinerja import format as fmt
from kinerja.grafik import tren as gt
from kinerja.rapat import slide as sl
from kinerja.cli.perintah import main as cli
from kinerja.ekspor import gambar as gbr
from kinerja.ekspor import tulis
from kinerja.ekspor.pptx import BARIS_TABEL, OPD_PER_SLIDE
from kinerja.ekspor.pptx_grafik import NAMA_GAUGE
from kinerja.ekspor.pptx_opd import NAMA_KURVA_OPD
from kinerja.rapat.paket import susun_paket

PEMDA = "99.01"
HIMPUNAN = ("semua", "bawah", "bidang")


@pytest.fixture(scope="module")
def con(con_demo):
    return con_demo


@pytest.fixture(scope="module")
def paket(con):
    return {h: susun_paket(con, PEMDA, 2026, 3, himpunan=h) for h in HIMPUNAN}


@pytest.fixture(scope="module")
def dek(paket, db_demo, tmp_path_factory):
    """semua dan bawah lewat tulis(); bidang lewat baris perintah (--slide bidang)."""
    folder = tmp_path_factory.mktemp("dek")
    hasil = {}
    for h in ("semua", "bawah"):
        path = folder / f"{h}.pptx"
        assert tulis(paket[h], "pptx", path) == []
        hasil[h] = Presentation(str(path))
    path = folder / "bidang.pptx"
    assert cli(["ekspor", "--db", str(db_demo), "--tahun", "2026", "--format", "pptx", "--slide", "bidang",
                "--out", str(path)]) == 0
    hasil["bidang"] = Presentation(str(path))
    return hasil


@pytest.fixture(scope="module")
def pdf_bawah(paket, tmp_path_factory):
    """PDF tanpa gambar (cepat): kurva S menjadi tabel angka bulanan."""
    path = tmp_path_factory.mktemp("pdf") / "bawah.pdf"
    catatan = tulis(paket["bawah"], "pdf", path, gambar=False)
    return [h.extract_text() or "" for h in PdfReader(str(path)).pages], catatan


def _rata(teks: str) -> str:
    return re.sub(r"\s+", " ", teks)


def _grafik(s, awalan: str):
    return [sh for sh in s.shapes if sh.has_chart and sh.name.startswith(awalan)]


def _kode_gauge(s) -> str | None:
    g = [sh.name.removeprefix(NAMA_GAUGE + " ") for sh in _grafik(s, NAMA_GAUGE)]
    g = [k for k in g if k != "pemda"]
    return g[0] if g else None


def _judul(s) -> str:
    return next(sh.text_frame.text for sh in s.shapes if sh.has_text_frame)


def _teks(s) -> str:
    bagian = [sh.text_frame.text for sh in s.shapes if sh.has_text_frame]
    bagian += [c.text for sh in s.shapes if sh.has_table for r in sh.table.rows for c in r.cells]
    return " ".join(bagian)


def _view_opd(con) -> dict:
    df = con.execute("SELECT kode_opd, capaian FROM v_capaian_opd WHERE kode_pemda = ? AND tahun = 2026 "
                     "AND triwulan = 3", [PEMDA]).df()
    return dict(zip(df["kode_opd"], df["capaian"]))


def _view_anggaran(con, tahun: int = 2026, sampai: int = 9):
    """% pagu dihitung sendiri dari v_anggaran_opd (kumulatif / pagu * 100), s.d. bulan `sampai`."""
    return con.execute(
        "SELECT kode_opd, bulan, pagu, realisasi_kumulatif / pagu * 100 AS realisasi, "
        "rencana_kumulatif / pagu * 100 AS rencana, deviasi, realisasi_fisik FROM v_anggaran_opd "
        "WHERE kode_pemda = ? AND tahun = ? AND bulan <= ? ORDER BY kode_opd, bulan", [PEMDA, tahun, sampai]).df()


@pytest.mark.parametrize("himpunan", HIMPUNAN)
def test_slide_opd_dan_bidang_sama_dengan_mode_rapat(paket, dek, himpunan):
    harap = sl.susun_slide(paket[himpunan].opd, himpunan)
    slides = list(dek[himpunan].slides)
    if himpunan == "bidang":
        judul_bidang = [s.judul for s in harap if s.jenis == "bidang"]
        assert judul_bidang
        assert [_judul(s) for s in slides if _judul(s).startswith("Bidang ")] == judul_bidang
        assert not any(_kode_gauge(s) for s in slides)
    else:
        kode = [s.kode_opd for s in harap if s.jenis == "opd"]
        assert [_kode_gauge(s) for s in slides if _kode_gauge(s)] == kode
    # judul, ringkasan, anggaran, peringkat (47 OPD: 3), di bawah target (13 OPD: 2), lalu per OPD/bidang
    per = sum(1 for s in harap if s.jenis in ("opd", "bidang"))
    peringkat = math.ceil(len(paket[himpunan].peringkat) / OPD_PER_SLIDE)
    bawah = math.ceil(len(sl.opd_di_bawah(paket[himpunan].opd)) / BARIS_TABEL)
    assert (peringkat, bawah) == (3, 2)
    assert len(slides) == 3 + peringkat + bawah + per


def test_gauge_sama_dengan_v_capaian_opd(con, dek):
    view = _view_opd(con)
    jumlah = 0
    for s in dek["semua"].slides:
        kode = _kode_gauge(s)
        if kode is None:
            continue
        g = _grafik(s, f"{NAMA_GAUGE} {kode}")[0].chart
        nilai = g.plots[0].series[0].values[0]
        assert nilai == pytest.approx(round(view[kode], 1)), kode
        assert fmt.persen(view[kode]) in _teks(s)     # angka besar di tengah gauge
        jumlah += 1
    assert jumlah == len(view) == 47


def test_kurva_s_sama_dengan_v_anggaran_opd(con, dek):
    ang = _view_anggaran(con)
    lalu_semua = _view_anggaran(con, 2025, 12)
    diperiksa = 0
    for s in dek["semua"].slides:
        kode = _kode_gauge(s)
        if kode is None:
            continue
        kurva = _grafik(s, f"{NAMA_KURVA_OPD} {kode}")
        v = ang[ang["kode_opd"] == kode]
        assert len(kurva) == 1, kode
        plot = kurva[0].chart.plots[0]
        bulan = list(range(1, int(v["bulan"].max()) + 1))
        assert list(plot.categories) == [gt.BULAN_PENDEK[b - 1] for b in bulan]
        seri = {x.name: list(x.values) for x in plot.series}
        # Seperti slide OPD Mode Rapat: tahun ini dan realisasi tahun lalu pada bulan yang sama.
        assert set(seri) == {"Rencana kas (RAK) 2026", "Realisasi 2026", "Realisasi 2025"}
        per_bulan = v.set_index("bulan")
        lalu = lalu_semua[lalu_semua["kode_opd"] == kode].set_index("bulan")
        for data, kolom, nama in ((per_bulan, "rencana", "Rencana kas (RAK) 2026"),
                                  (per_bulan, "realisasi", "Realisasi 2026"), (lalu, "realisasi", "Realisasi 2025")):
            harap = [round(data.loc[b, kolom], 1) if b in data.index else None for b in bulan]
            assert seri[nama] == pytest.approx(harap), (kode, nama)
        diperiksa += 1
    assert diperiksa == 47


def test_kendala_berkarakter_khusus_tertulis_apa_adanya(con, dek):
    rusak = con.execute(
        "SELECT kode_opd, kendala, tindak_lanjut FROM kendala WHERE kode_pemda = ? AND tahun = 2026 "
        "AND triwulan = 3 AND (kendala LIKE '%<%' OR kendala LIKE '%&%' OR tindak_lanjut LIKE '%<%')",
        [PEMDA]).df()
    assert len(rusak)
    for h in ("semua", "bawah"):
        per_kode = {_kode_gauge(s): _teks(s) for s in dek[h].slides if _kode_gauge(s)}
        ada = [r for r in rusak.itertuples() if r.kode_opd in per_kode]
        assert ada, h
        for r in ada:
            assert r.kendala in per_kode[r.kode_opd]
            assert r.tindak_lanjut in per_kode[r.kode_opd]


def test_bentuk_di_dalam_slide(dek):
    """Tidak ada bentuk yang keluar dari slide 13,333 x 7,5 inci."""
    for h, prs in dek.items():
        lebar, tinggi = prs.slide_width, prs.slide_height
        assert (Emu(lebar).inches, Emu(tinggi).inches) == pytest.approx((13.333, 7.5), abs=1e-3)
        for i, s in enumerate(prs.slides, start=1):
            for sh in s.shapes:
                assert sh.left >= 0 and sh.top >= 0, (h, i, sh.name)
                assert sh.left + sh.width <= lebar and sh.top + sh.height <= tinggi, (h, i, sh.name)


def test_pdf_bagian_per_opd(paket, pdf_bawah):
    halaman, catatan = pdf_bawah
    p = paket["bawah"]
    bawah = sl.opd_di_bawah(p.opd)
    posisi = []
    for r in bawah.itertuples():
        nama = r.singkatan if isinstance(r.singkatan, str) and r.singkatan else r.nama_opd
        judul = f"{nama} · {r.nama_opd}"
        ada = [i for i, t in enumerate(halaman) if _rata(t).startswith(judul)]
        assert ada, judul
        teks = _rata(halaman[ada[0]])
        assert fmt.persen(r.capaian) in teks
        assert r.kategori in teks
        posisi.append(ada[0])
    assert posisi == sorted(posisi)          # urutan Mode Rapat: terburuk dulu
    # gambar dimatikan: kurva S diganti tabel angka bulanan dan catatan menyebutnya
    assert any("Kurva S" in c and "tidak dimuat" in c for c in catatan)


def test_pdf_tabel_serapan_sama_dengan_v_anggaran_opd(con, paket, pdf_bawah):
    halaman, _ = pdf_bawah
    mulai = next(i for i, t in enumerate(halaman) if t.startswith("Serapan anggaran per OPD per bulan"))
    selesai = next(i for i, t in enumerate(halaman) if t.startswith("Semua indikator"))
    assert selesai - mulai <= 3                     # ringkas: bukan ~28 halaman baris mentah
    teks = _rata(" ".join(halaman[mulai:selesai]))
    ang = _view_anggaran(con)
    for kode, v in ang.groupby("kode_opd"):
        v = v.set_index("bulan")
        akhir = v.loc[9]
        urut = ([fmt.angka(akhir["pagu"])] + [fmt.angka(v.loc[b, "realisasi"], 1) for b in range(1, 10)]
                + [fmt.angka(akhir["rencana"], 1), fmt.angka(akhir["deviasi"], 1),
                   fmt.angka(akhir["realisasi_fisik"], 1)])
        assert " ".join(urut) in teks, kode


def test_pdf_judul_kolom_tidak_terbelah(pdf_bawah):
    halaman, _ = pdf_bawah
    teks = "\n".join(halaman)
    assert "Peringkat" in teks
    assert not re.search(r"Peringka\s*\n\s*t\b", teks)


def test_tanpa_pengekspor_gambar(paket, tmp_path, monkeypatch):
    """Peramban tidak ada: PDF tetap jadi dan catatannya menyebut yang tidak dimuat; PPTX tidak
    memerlukan gambar sama sekali (semua grafik asli), jadi tidak ada yang ditinggalkan."""
    monkeypatch.setattr(gbr, "_gagal_permanen", None)
    monkeypatch.setattr(gbr, "_siapkan_peramban", lambda: "peramban Chromium tidak ditemukan (tes)")
    p = paket["bawah"]
    catatan = tulis(p, "pdf", tmp_path / "a.pdf")
    assert any(c.startswith("Grafik peringkat tidak dimuat sebagai gambar") and "Chromium" in c for c in catatan)
    assert any(c.startswith("Kurva S") and "angka bulanannya ditulis sebagai tabel" in c for c in catatan)
    teks = _rata(" ".join(h.extract_text() or "" for h in PdfReader(str(tmp_path / "a.pdf")).pages))
    assert "Catatan ekspor" in teks and "tidak dimuat sebagai gambar" in teks
    assert tulis(p, "pptx", tmp_path / "a.pptx") == []
    assert len(Presentation(str(tmp_path / "a.pptx")).slides) > 7


@pytest.mark.skipif(not os.path.exists("/usr/bin/chromium"), reason="chromium tidak terpasang")
def test_pdf_dengan_gambar(con, tmp_path):
    """Dengan peramban: grafik peringkat dan kurva S dirender sekaligus dan disisipkan."""
    p = susun_paket(con, PEMDA, 2026, 3, opd=["3.26.0.00.0.00.01.0000", "1.02.0.00.0.00.01.0000"],
                    himpunan="semua")
    catatan = tulis(p, "pdf", tmp_path / "g.pdf")
    assert catatan == [], gbr.alasan_terakhir()
    halaman = PdfReader(str(tmp_path / "g.pdf")).pages
    # peringkat (1), kurva S pemda (1) dan kurva S tiap OPD (2)
    assert sum(len(h.images) for h in halaman) == 4


def test_himpunan_tidak_dikenal(con):
    with pytest.raises(ValueError, match="Himpunan slide"):
        susun_paket(con, PEMDA, 2026, 3, himpunan="acak")


def test_bidang_sama_dengan_kueri_mode_rapat(con, paket):
    """Anggota dan kurva S tiap bidang (satu kueri untuk semua bidang) = kueri yang dipakai
    halaman dengan filter bidang itu (rapat_opd; kurva_s_bulanan unit 'pemda' lewat cocok_filter)."""
    from kinerja.db import kueri

    p = paket["bidang"]
    for s in (s for s in p.slide if s.jenis == "bidang"):
        f = dict(kode_pemda=PEMDA, tahun=2026, triwulan=3, kelompok=None, kode_urusan=s.kode_urusan, opd=[])
        layar = kueri(con, "rapat_opd", **f)
        assert list(p.anggota_bidang(s.kode_urusan)["kode_opd"]) == list(layar["kode_opd"]), s.kode_urusan
        tren = kueri(con, "kurva_s_bulanan", jenis=["pemda"], **f)
        tren = tren[(tren["tahun"] == 2026) & (tren["bulan"] <= 9)]
        kurva = p.anggaran_bidang_ini(s.kode_urusan)
        assert list(kurva["bulan"]) == list(tren["bulan"])
        assert list(kurva["persen_realisasi"]) == pytest.approx(list(tren["persen_realisasi"]))
        assert list(kurva["persen_rencana"]) == pytest.approx(list(tren["persen_rencana"]))
