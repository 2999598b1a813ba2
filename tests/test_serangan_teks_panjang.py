"""Serangan: teks sangat panjang (nama OPD 1.500 karakter, kendala 8.000 karakter) tidak boleh
merusak PDF ("The row is too high") atau PPTX; teks lengkapnya tetap ada di berkas."""

from __future__ import annotations


import pytest
from pptx import Presentation
from pypdf import PdfReader

from kinerja.ekspor import tulis
from kinerja.rapat.paket import susun_paket

DINKES = "1.02.0.00.0.00.01.0000"
# Teks dikenali dari awalnya; sisanya kata berulang agar panjangnya tepat.
NAMA_PANJANG = ("Dinas Panjang Sekali " + "nama " * 400)[:1500]
KENDALA_PANJANG = ("Kendala panjang sekali " + "kata " * 2000)[:8000]


@pytest.fixture
def con_panjang(con_kecil):
    con_kecil.execute("UPDATE opd SET nama_opd = $n, singkatan = NULL WHERE kode_opd = $k",
                      {"n": NAMA_PANJANG, "k": DINKES})
    jumlah = con_kecil.execute("UPDATE kendala SET kendala = $t", {"t": KENDALA_PANJANG}).fetchone()[0]
    assert jumlah > 0, "fixture kecil harus punya kendala"
    assert len(NAMA_PANJANG) == 1500 and len(KENDALA_PANJANG) == 8000
    return con_kecil


@pytest.mark.parametrize("himpunan", ["semua", "bawah"])
def test_pdf_dengan_teks_panjang_tanpa_galat_dan_memuat_awal_teks(con_panjang, tmp_path, himpunan):
    paket = susun_paket(con_panjang, "T01", 2025, 4, himpunan=himpunan)
    path = tmp_path / "paket.pdf"
    tulis(paket, "pdf", path, gambar=False)
    isi = " ".join(" ".join(h.extract_text().split()) for h in PdfReader(path).pages)
    assert "Dinas Panjang Sekali nama nama" in isi
    assert "Kendala panjang sekali kata kata" in isi
    # Teks lengkap ada di bawah tabel: akhir nama OPD dan akhir kendala ikut tertulis.
    assert NAMA_PANJANG[-60:] in isi and KENDALA_PANJANG[-60:] in isi


def _teks_pptx(path) -> tuple[list[str], str]:
    """(teks tiap kotak dan sel di slide, seluruh catatan pembicara)."""
    prs = Presentation(str(path))
    slide, catatan = [], []
    for s in prs.slides:
        for sh in s.shapes:
            if sh.has_text_frame:
                slide.append(sh.text_frame.text)
            if sh.has_table:
                slide += [c.text for r in sh.table.rows for c in r.cells]
        if s.has_notes_slide:
            catatan.append(s.notes_slide.notes_text_frame.text)
    return slide, "\n".join(catatan)


@pytest.mark.parametrize("himpunan", ["semua", "bawah"])
def test_pptx_dengan_teks_panjang_memuat_teks_lengkap(con_panjang, tmp_path, himpunan):
    paket = susun_paket(con_panjang, "T01", 2025, 4, himpunan=himpunan)
    path = tmp_path / "paket.pptx"
    tulis(paket, "pptx", path, gambar=False)
    slide, catatan = _teks_pptx(path)
    assert NAMA_PANJANG in catatan
    assert KENDALA_PANJANG in catatan
    # Di slide sendiri teks panjang dipendekkan (judul satu baris, sel tabel muat di slide).
    assert any("Dinas Panjang Sekali" in x for x in slide)
    assert not any(NAMA_PANJANG in x or KENDALA_PANJANG in x for x in slide)


NAMA_100K = ("Dinas Seratus Ribu " + "huruf " * 20000)[:100_000]


def test_profil_opd_nama_100k_judul_dipendekkan_nama_lengkap_di_bawahnya(monkeypatch, db_kecil_berkas):
    import duckdb

    from tests.bantu_apptest import buka_halaman

    con = duckdb.connect(str(db_kecil_berkas))
    try:
        con.execute("UPDATE opd SET nama_opd = $n WHERE kode_opd = $k", {"n": NAMA_100K, "k": DINKES})
    finally:
        con.close()
    at = buka_halaman(monkeypatch, db_kecil_berkas, "pages/profil_opd.py", profil=DINKES)
    judul = [x.value for x in at.title]
    assert judul and judul[0].startswith("Dinas Seratus Ribu huruf")
    # Judul dibatasi (dua baris di layar lebar), diakhiri elipsis; teks dengan escape markdown
    # paling banyak dua karakter per huruf.
    assert len(judul[0]) <= 2 * 120 and judul[0].endswith("…")
    lengkap = [c.value for c in at.caption if c.value.startswith("Nama lengkap: ")]
    assert lengkap and lengkap[0] == "Nama lengkap: " + NAMA_100K


def test_satu_pemendek_untuk_layar_pdf_dan_pptx():
    from kinerja import format as fmt
    from kinerja.rapat import slide
    from kinerja.ekspor import pptx_dasar

    # Di batas kata, tanpa tanda baca di ujung, paling banyak `batas` karakter termasuk elipsis.
    assert fmt.ringkas("Dinas Pekerjaan Umum dan Penataan Ruang, kabupaten", 30) == "Dinas Pekerjaan Umum dan…"
    assert fmt.ringkas("a   b\n\nc", 10) == "a b c"
    assert fmt.ringkas("x" * 100, 10) == "xxxxxxxxx…"          # satu kata panjang: dipotong di tengah
    assert fmt.ringkas("Dispar, Diskominfo", 8) == "Dispar…"
    assert slide.potong("Dinas Pekerjaan Umum dan Penataan Ruang, kabupaten", 30) == "Dinas Pekerjaan Umum dan…"
    assert slide.potong(None) == "—"
    assert pptx_dasar.potong("Dinas Pekerjaan Umum dan Penataan Ruang, kabupaten", 30) == "Dinas Pekerjaan Umum dan…"


def test_pdf_kaki_halaman_nama_pemda_panjang_dipendekkan(con_kecil, tmp_path):
    nama = ("Kabupaten Nama Sangat Panjang " + "sekali " * 60)[:300]
    con_kecil.execute("UPDATE pemda SET nama_pemda = $n", {"n": nama})
    paket = susun_paket(con_kecil, "T01", 2025, 4)
    path = tmp_path / "paket.pdf"
    tulis(paket, "pdf", path, gambar=False)
    halaman = PdfReader(path).pages
    kaki = [b for b in halaman[1].extract_text().splitlines() if "halaman 2/" in b][0]
    # 80 karakter ke bawah (di batas kata, dengan elipsis), jadi kaki satu baris tidak keluar halaman.
    assert kaki.startswith("Kabupaten Nama Sangat Panjang sekali") and "…" in kaki
    assert len(kaki.split(" · ")[0]) <= 80


def test_di_bawah_target_judul_blok_opd_dipendekkan_nama_lengkap_di_dalamnya(monkeypatch, db_kecil_berkas):
    """Nama OPD 300 karakter (batas impor) tidak membuat judul blok OPD tiga baris: judulnya
    dipendekkan dengan elipsis, nama lengkap tampil di dalam bloknya."""
    import duckdb

    from tests.bantu_apptest import buka_halaman

    nama = ("Dinas Tiga Ratus Huruf " + "kata " * 60)[:300].strip()
    con = duckdb.connect(str(db_kecil_berkas))
    try:
        con.execute("UPDATE opd SET nama_opd = $n || ' ' || kode_opd", {"n": nama})
    finally:
        con.close()
    at = buka_halaman(monkeypatch, db_kecil_berkas, "pages/di_bawah_target.py")
    blok = [e for e in at.expander if "Dinas Tiga Ratus Huruf" in e.label]
    assert blok, [e.label for e in at.expander]
    for e in blok:
        judul = e.label.split("**")[1]
        assert judul.endswith("…") and len(judul.replace("\\", "")) <= 70, judul
        isi = [m.value.replace("\\", "") for m in e.markdown]
        assert any(nama in m for m in isi), isi
