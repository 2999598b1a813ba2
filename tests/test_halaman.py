"""Halaman diuji dengan AppTest, dimulai dari app.py (router), pada database demo
dan pada database kecil yang angkanya dihitung tangan."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest
from streamlit.testing.v1 import AppTest

from kinerja import format as fmt
from tests.bantu_apptest import buka_halaman

HALAMAN = ["pages/ringkasan.py", "pages/peringkat_opd.py", "pages/di_bawah_target.py", "pages/tren.py",
           "pages/profil_opd.py", "pages/tentang_data.py", "pages/mode_rapat.py"]


def _jalankan(monkeypatch, db: Path, **query) -> AppTest:
    return buka_halaman(monkeypatch, db, None, **query)


def _metrik(at: AppTest) -> dict[str, str]:
    return {m.label: m.value for m in at.metric}


@pytest.mark.parametrize("halaman", HALAMAN)
def test_setiap_halaman_tampil_tanpa_galat(monkeypatch, db_demo, halaman):
    at = _jalankan(monkeypatch, db_demo)
    at.switch_page(halaman).run()
    assert not at.exception, [e.value for e in at.exception]
    assert not at.error, [e.value for e in at.error]
    if halaman == "pages/mode_rapat.py":  # kepala slide sendiri, bukan st.title
        assert any("Ringkasan kinerja" in m.value for m in at.markdown)
    else:
        assert at.title


def test_ringkasan_bawaan_periode_terbaru(monkeypatch, db_demo):
    at = _jalankan(monkeypatch, db_demo)
    assert at.selectbox(key="f_tahun").value == 2026
    assert at.selectbox(key="f_triwulan").value == 3
    assert "TW III 2026" in at.markdown[1].value or any("TW III 2026" in m.value for m in at.markdown)
    assert set(_metrik(at)) >= {"Capaian kinerja", "Realisasi keuangan"}


@pytest.mark.parametrize("tahun,triwulan", [(2021, 1), (2023, 2), (2025, 4), (2026, 3)])
def test_ringkasan_angka_sama_dengan_view(monkeypatch, db_demo, tahun, triwulan):
    """Angka kartu = angka yang dihitung ulang dari view stabil."""
    at = _jalankan(monkeypatch, db_demo, tahun=str(tahun), triwulan=str(triwulan))
    con = duckdb.connect(str(db_demo), read_only=True)
    rata, bawah, jumlah = con.execute(
        "SELECT avg(capaian), count(*) FILTER (WHERE capaian < 95), count(*) FROM v_capaian_opd "
        "WHERE tahun = $t AND triwulan = $q", {"t": tahun, "q": triwulan}).fetchone()
    bulan = triwulan * 3
    real = con.execute(
        "SELECT sum(realisasi_kumulatif) / sum(pagu) * 100 FROM v_anggaran_opd "
        "WHERE tahun = $t AND bulan = $b", {"t": tahun, "b": bulan}).fetchone()[0]
    con.close()
    m = _metrik(at)
    assert m["Capaian kinerja"] == fmt.persen(rata)
    assert m["Realisasi keuangan"] == fmt.persen(real)
    assert m[f"OPD di bawah 95% (dari {jumlah})"] == str(bawah)


def test_ringkasan_database_kecil_dihitung_tangan(monkeypatch, db_kecil_berkas):
    at = _jalankan(monkeypatch, db_kecil_berkas)
    m = _metrik(at)
    # (92,5 + 65,625 + 92,5) / 3 = 83,54; 2024: 87,5 -> -4,0 poin
    assert m["Capaian kinerja"] == "83,5%"
    assert [x.delta for x in at.metric if x.label == "Capaian kinerja"] == ["-4,0 poin"]
    # Realisasi September: (660 + 2.250 + 0) / (1.100 + 3.000 + 0) juta = 70,98%
    assert m["Realisasi keuangan"] == "71,0%"
    assert m["OPD di bawah 95% (dari 4)"] == "3"
    # Teks kendala/OPD hasil impor tidak pernah masuk HTML tanpa di-escape
    html_mentah = " ".join(x.value for x in at.markdown)
    assert "<script>" not in html_mentah


def test_tautan_dengan_nilai_buruk_kembali_ke_bawaan(monkeypatch, db_demo):
    at = _jalankan(monkeypatch, db_demo, tahun="abc", triwulan="9")
    assert at.selectbox(key="f_tahun").value == 2026
    assert at.selectbox(key="f_triwulan").value == 3
    assert any("tidak dikenal" in t.value for t in at.toast)


def test_tautan_mereproduksi_periode(monkeypatch, db_demo):
    at = _jalankan(monkeypatch, db_demo, tahun="2023", triwulan="2")
    assert at.selectbox(key="f_tahun").value == 2023
    assert at.selectbox(key="f_triwulan").value == 2
    assert at.query_params["tahun"] == ["2023"] or at.query_params["tahun"] == "2023"


def test_database_hilang_dibangun_dari_demo(monkeypatch, tmp_path):
    db = tmp_path / "baru" / "kinerja.duckdb"
    at = _jalankan(monkeypatch, db)
    assert db.exists()
    assert any("data demo" in i.value for i in at.info)


def test_ringkasan_poin_penting_dan_tautannya(monkeypatch, db_kecil_berkas):
    at = _jalankan(monkeypatch, db_kecil_berkas)
    teks = " ".join(m.value for m in at.markdown)
    assert "Poin-poin penting" in teks
    assert "3 dari 4 OPD di bawah target (capaian &lt; 95%); terendah Disdik 65,6% (Rendah)." in teks
    assert "Capaian kinerja rata-rata 83,5% (Tinggi), turun 4,0 poin dibanding TW IV 2024." in teks
    # Setiap poin menunjuk halaman tempat angkanya dapat ditelusuri
    tautan = [p.proto.page for p in at.get("page_link") if p.proto.page != "masuk"]  # tautan Masuk: sidebar
    assert tautan == ["tren", "di_bawah_target", "peringkat_opd", "tren", "di_bawah_target"]


def test_dua_pemda_memunculkan_pilihan_pemda(monkeypatch, tmp_path):
    """Database provinsi/kementerian dengan lebih dari satu pemda: filter pemda muncul,
    terikat URL, dan angka mengikuti pemda terpilih."""
    from kinerja.basisdata.baru import buat_baru
    from kinerja.impor.muat import impor_template

    db = tmp_path / "dua.duckdb"
    buat_baru(db, "18.01")
    con = duckdb.connect(str(db))
    impor_template(con, [Path(__file__).parent / "fixtures" / "kecil"], pengguna="tes")
    con.close()
    at = _jalankan(monkeypatch, db, pemda="T01", tahun="2025", triwulan="4")
    assert at.selectbox(key="f_pemda").value == "T01"
    assert _metrik(at)["Capaian kinerja"] == "83,5%"
    assert at.query_params["pemda"] in ("T01", ["T01"])
    at = _jalankan(monkeypatch, db, pemda="XX")
    assert any("pemda" in t.value for t in at.toast)
    assert at.selectbox(key="f_pemda").value in ("18.01", "T01")


def test_ringkasan_unduh_bahan_rapat(monkeypatch, db_kecil_berkas):
    """Tombol unduh paket rapat (XLSX, PPTX, PDF) dengan nama berisi pemda, tahun, triwulan."""
    at = buka_halaman(monkeypatch, db_kecil_berkas, peran="analis")
    tombol = at.get("download_button")
    nama = sorted(t.proto.label for t in tombol)
    assert nama == ["Cetak (PDF)", "Excel (XLSX)", "Presentasi (PPTX)"]
