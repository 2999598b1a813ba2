"""Serangan: markdown yang disusupkan lewat tautan (parameter URL) dan lewat data hasil impor.
Teks dari URL atau data yang sampai ke markdown Streamlit (toast, caption, info, label kartu)
harus di-escape dengan fmt.markdown_aman: tidak ada tautan hidup `](`, tebal `**`, atau LaTeX `$`."""

from __future__ import annotations

import re

import duckdb

from tests.bantu_apptest import buka_halaman

TAUTAN = "[Sesi habis, login di sini](https://evil.example)"
SINGKATAN = "[Login ulang](https://evil.example)"
PEMDA = "**Tebal** $x^2$ Kabupaten"
DINKES = "1.02.0.00.0.00.01.0000"


def _ubah(db, sql: str, **param) -> None:
    con = duckdb.connect(str(db))
    try:
        con.execute(sql, param)
    finally:
        con.close()


def _tanpa_markdown_hidup(teks: str) -> None:
    """Tidak ada tautan hidup `](`, tebal `**`, atau `[`/`*`/`$` yang tidak di-escape."""
    assert "](" not in teks and "**" not in teks, teks
    # remark-gfm menautkan URL dan surel telanjang walau ':' atau '.' di-escape
    assert "://" not in teks.replace("\\", "") and "www." not in teks.lower().replace("\\", ""), teks
    assert all(teks[i + 1 : i + 2] == "\u2060" for i, c in enumerate(teks) if c == "@"), teks
    for c in "[*$":
        for m in re.finditer(re.escape(c), teks):
            assert m.start() > 0 and teks[m.start() - 1] == "\\", (c, teks)


def test_toast_dari_parameter_profil_tidak_berisi_tautan_hidup(monkeypatch, db_kecil_berkas):
    at = buka_halaman(monkeypatch, db_kecil_berkas, "pages/profil_opd.py", profil=TAUTAN)
    toast = [t.value for t in at.toast if "profil=" in t.value]
    assert toast, [t.value for t in at.toast]
    assert "tidak dikenal" in toast[0]
    _tanpa_markdown_hidup(toast[0])
    assert "Sesi habis, login di sini" in toast[0]


def test_toast_dari_parameter_dasar_peringkat_di_escape(monkeypatch, db_kecil_berkas):
    at = buka_halaman(monkeypatch, db_kecil_berkas, "pages/peringkat_opd.py", dasar=TAUTAN)
    toast = [t.value for t in at.toast if "dasar=" in t.value]
    assert toast, [t.value for t in at.toast]
    _tanpa_markdown_hidup(toast[0])


def test_singkatan_opd_hasil_impor_tidak_menjadi_tautan_di_caption_ringkasan(monkeypatch, db_kecil_berkas):
    _ubah(db_kecil_berkas, "UPDATE opd SET singkatan = $s WHERE kode_opd = $k", s=SINGKATAN, k=DINKES)
    at = buka_halaman(monkeypatch, db_kecil_berkas, opd=DINKES)
    caption = [c.value for c in at.caption if "Login ulang" in c.value]
    assert caption, [c.value for c in at.caption]
    for c in caption:
        _tanpa_markdown_hidup(c)


def test_nama_pemda_tidak_tebal_atau_latex_di_profil(monkeypatch, db_kecil_berkas):
    _ubah(db_kecil_berkas, "UPDATE pemda SET nama_pemda = $n", n=PEMDA)
    at = buka_halaman(monkeypatch, db_kecil_berkas, "pages/profil_opd.py", profil=DINKES)
    teks = [c.value for c in at.caption if "Tebal" in c.value]
    teks += [m.proto.help for m in at.metric if "Tebal" in m.proto.help]
    assert teks, "nama pemda tidak tampil di caption atau bantuan kartu"
    for t in teks:
        _tanpa_markdown_hidup(t)


def test_singkatan_dengan_baris_kosong_tidak_keluar_dari_blok_html_ringkasan(monkeypatch, db_kecil_berkas):
    """Baris kosong menutup blok HTML di markdown: sisa teks lalu dibaca sebagai markdown (tautan
    hidup). Di dalam HTML teks ditulis sebagai entitas angka, termasuk ganti barisnya."""
    _ubah(db_kecil_berkas, "UPDATE opd SET singkatan = $s WHERE kode_opd = $k",
          s="Dinkes\n\n" + SINGKATAN + " **tebal** $x$", k=DINKES)
    at = buka_halaman(monkeypatch, db_kecil_berkas)
    daftar = [m.value for m in at.markdown if "pita-daftar" in m.value and "Login ulang" in m.value]
    assert daftar, "singkatan tidak tampil di daftar OPD per kategori"
    for d in daftar:
        assert "\n" not in d and "](" not in d and "**" not in d and "$" not in d, d
        assert "&#91;Login ulang&#93;(https:\u2060//evil.example)" in d
