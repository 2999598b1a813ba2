"""Halaman Di Bawah Target (AppTest dari app.py).

Angka yang tampil dibandingkan dengan angka yang dihitung ulang di tes dari view
stabil v_capaian_indikator dan v_capaian_opd (SQL polos + ambang diterapkan di
Python), pada database demo dengan beberapa kombinasi filter, dan dengan angka
yang dihitung tangan pada database kecil (tests/fixtures/kecil).
"""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

import duckdb
import pandas as pd
import pytest
from openpyxl import load_workbook
from streamlit.testing.v1 import AppTest

from kinerja import db as kdb
from kinerja import format as fmt
from kinerja.ekspor import unduhan
from tests.bantu_apptest import buka_halaman

AKAR = Path(__file__).resolve().parent.parent
APP = str(AKAR / "app.py")
HALAMAN = "pages/di_bawah_target.py"
DISDIK, DINKES, DISKOMINFO, DINSOS = ("1.01.0.00.0.00.01.0000", "1.02.0.00.0.00.01.0000",
                                      "2.16.2.20.2.21.01.0000", "1.06.0.00.0.00.01.0000")
DITAMPILKAN = 15


def _buka(monkeypatch, db: Path, **query) -> AppTest:
    return buka_halaman(monkeypatch, db, HALAMAN, **query)


def _metrik(at: AppTest) -> dict[str, str]:
    return {m.label: m.value for m in at.metric}


def _polos(label: str) -> str:
    """Label expander tanpa escape markdown."""
    return re.sub(r"\\(.)", r"\1", label).replace("**", "")


def _blok(at: AppTest):
    """(label, tabel indikator) untuk setiap blok OPD yang dirender, berurutan."""
    return [(_polos(e.label), e.dataframe[0].value) for e in at.expander if e.dataframe]


def _semua_markdown(at: AppTest) -> str:
    return "\n".join(m.value for m in at.markdown)


# --- Hitung ulang dari view stabil ------------------------------------------------

def _hitung_ulang(db: Path, tahun: int, triwulan: int, kelompok: str | None = None,
                  opd: tuple[str, ...] = (), ambang: float | None = 95.0, kategori: str | None = None):
    con = duckdb.connect(str(db), read_only=True)
    try:
        pilih = [r[0] for r in con.execute(
            "SELECT DISTINCT ob.kode_opd FROM opd_bidang ob JOIN urusan u USING (kode_urusan) "
            "WHERE $k IS NULL OR u.kelompok = $k", {"k": kelompok}).fetchall()]
        if opd:
            pilih = [k for k in pilih if k in opd]
        ind = con.execute(
            "SELECT kode_opd, nama_opd, indikator, capaian, capaian_dibatasi, kategori FROM v_capaian_indikator "
            "WHERE tahun = $t AND triwulan = $q AND list_contains($p, kode_opd)",
            {"t": tahun, "q": triwulan, "p": pilih}).df()
        per_opd = con.execute(
            "SELECT kode_opd, nama_opd, capaian, kategori FROM v_capaian_opd "
            "WHERE tahun = $t AND triwulan = $q AND list_contains($p, kode_opd)",
            {"t": tahun, "q": triwulan, "p": pilih}).df()
        urutan = dict(con.execute(
            "SELECT label, urutan FROM skala_kategori "
            "WHERE skala = (SELECT nilai FROM pengaturan WHERE kunci = 'skala_aktif')").fetchall())
        singkatan = dict(con.execute("SELECT kode_opd, coalesce(singkatan, nama_opd) FROM opd").fetchall())
    finally:
        con.close()

    def bawah(capaian, kat) -> bool:
        if kategori is not None:
            return kat in urutan and urutan[kat] >= urutan[kategori]
        return capaian is not None and not pd.isna(capaian) and capaian < ambang

    ind = ind[[bawah(c, k) for c, k in zip(ind["capaian"], ind["kategori"])]]
    per_opd["di_bawah"] = [bawah(c, k) for c, k in zip(per_opd["capaian"], per_opd["kategori"])]
    daftar = per_opd[per_opd["kode_opd"].isin(set(ind["kode_opd"]))].sort_values(
        ["capaian", "nama_opd", "kode_opd"])
    return {
        "jumlah_opd": len(per_opd),
        "opd_di_bawah": int(per_opd["di_bawah"].sum()),
        "indikator_di_bawah": len(ind),
        "daftar": [(k, singkatan[k], c) for k, c in zip(daftar["kode_opd"], daftar["capaian"])],
        "indikator": {k: sorted(zip(g["capaian"], g["indikator"])) for k, g in ind.groupby("kode_opd")},
    }


def _terhitung(db: Path, tahun: int, triwulan: int, opd_kode: list[str]) -> int:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute("SELECT count(capaian) FROM v_capaian_indikator WHERE tahun = $t AND triwulan = $q "
                           "AND list_contains($p, kode_opd)",
                           {"t": tahun, "q": triwulan, "p": opd_kode}).fetchone()[0]
    finally:
        con.close()


def _bandingkan(at: AppTest, harapan: dict, label_ambang: str) -> None:
    m = _metrik(at)
    assert m[f"OPD {label_ambang}"] == f"{harapan['opd_di_bawah']} dari {harapan['jumlah_opd']} OPD"
    assert m[f"Indikator {label_ambang}"].startswith(f"{harapan['indikator_di_bawah']} dari ")
    daftar = harapan["daftar"]
    blok = _blok(at)
    assert len(blok) == min(len(daftar), DITAMPILKAN)
    assert any(t.label.startswith(f"Di bawah ambang ({len(daftar)} OPD)") for t in at.tabs)
    for i, ((label, tabel), (kode, singkat, capaian)) in enumerate(zip(blok, daftar), start=1):
        assert label.startswith(f"{i}. {singkat} ") and f"— {fmt.persen(capaian)} ·" in label, (label, singkat)
        harap = harapan["indikator"][kode]
        assert list(tabel["indikator"]) == [n for _, n in harap]
        assert list(tabel["capaian"]) == [fmt.persen(c) for c, _ in harap]
        assert f"{len(harap)} indikator di bawah ambang" in label


# --- Database demo: beberapa kombinasi filter ------------------------------------

KOMBINASI = [
    pytest.param({}, dict(tahun=2026, triwulan=3), id="bawaan"),
    pytest.param({"tahun": "2022", "triwulan": "2"}, dict(tahun=2022, triwulan=2), id="2022-TW2"),
    pytest.param({"kelompok": "Wajib Pelayanan Dasar"}, dict(tahun=2026, triwulan=3, kelompok="Wajib Pelayanan Dasar"),
                 id="sektor"),
    pytest.param({"opd": ["1.01.0.00.0.00.01.0000", "1.03.0.00.0.00.01.0000", "2.11.0.00.0.00.01.0000"]},
                 dict(tahun=2026, triwulan=3, opd=("1.01.0.00.0.00.01.0000", "1.03.0.00.0.00.01.0000",
                                                   "2.11.0.00.0.00.01.0000")), id="tiga-opd"),
    pytest.param({"ambang": "80"}, dict(tahun=2026, triwulan=3, ambang=80.0), id="ambang-80"),
    pytest.param({"kategori": "Rendah"}, dict(tahun=2026, triwulan=3, ambang=None, kategori="Rendah"),
                 id="kategori-rendah"),
    pytest.param({"kategori": "sedang", "tahun": "2021", "triwulan": "4", "kelompok": "Pilihan"},
                 dict(tahun=2021, triwulan=4, kelompok="Pilihan", ambang=None, kategori="Sedang"),
                 id="kategori-sedang-2021-pilihan"),
    pytest.param({"ambang": "abc"}, dict(tahun=2026, triwulan=3), id="ambang-buruk"),
]


@pytest.mark.parametrize("query,harapan_arg", KOMBINASI)
def test_demo_angka_sama_dengan_view(monkeypatch, db_demo, query, harapan_arg):
    at = _buka(monkeypatch, db_demo, **query)
    harapan = _hitung_ulang(db_demo, **harapan_arg)
    kategori = harapan_arg.get("kategori")
    label = f"kategori {kategori} ke bawah" if kategori else f"di bawah {fmt.persen(harapan_arg.get('ambang', 95.0), 0)}"
    _bandingkan(at, harapan, label)
    # Pembagi indikator: indikator yang capaiannya dapat dihitung dalam filter.
    con = duckdb.connect(str(db_demo), read_only=True)
    pilih = [r[0] for r in con.execute(
        "SELECT DISTINCT kode_opd FROM opd_bidang JOIN urusan USING (kode_urusan) WHERE $k IS NULL OR kelompok = $k",
        {"k": harapan_arg.get("kelompok")}).fetchall()]
    con.close()
    if harapan_arg.get("opd"):
        pilih = [k for k in pilih if k in harapan_arg["opd"]]
    terhitung = _terhitung(db_demo, harapan_arg["tahun"], harapan_arg["triwulan"], pilih)
    assert _metrik(at)[f"Indikator {label}"] == f"{harapan['indikator_di_bawah']} dari {terhitung} indikator"
    # Ambang terikat ke URL
    if kategori:
        assert at.radio(key="dbt_mode").value == "kategori"
        assert at.selectbox(key="dbt_kategori").value == kategori
        assert at.query_params["kategori"] in (kategori, [kategori])
    else:
        assert at.number_input(key="dbt_ambang").value == harapan_arg.get("ambang", 95.0)


def test_demo_nilai_tautan_buruk_memberi_toast(monkeypatch, db_demo):
    at = _buka(monkeypatch, db_demo, ambang="abc")
    assert at.radio(key="dbt_mode").value == "ambang"
    assert at.number_input(key="dbt_ambang").value == 95.0
    assert any("ambang='abc'" in t.value for t in at.toast)
    at = _buka(monkeypatch, db_demo, kategori="Luar Biasa", ambang="250")
    assert at.number_input(key="dbt_ambang").value == 95.0
    pesan = " ".join(t.value for t in at.toast)
    assert "kategori='Luar Biasa'" in pesan and "ambang='250'" in pesan


def test_demo_lebih_dari_15_opd_dan_tombol_tampilkan_semua(monkeypatch, db_demo):
    at = _buka(monkeypatch, db_demo)
    harapan = _hitung_ulang(db_demo, 2026, 3)
    assert len(harapan["daftar"]) > DITAMPILKAN, "demo bawaan semestinya punya > 15 OPD di daftar"
    assert len(_blok(at)) == DITAMPILKAN
    at.toggle(key="dbt_semua").set_value(True).run()
    assert not at.exception
    assert len(_blok(at)) == len(harapan["daftar"])


def test_demo_ganti_mode_ke_kategori(monkeypatch, db_demo):
    at = _buka(monkeypatch, db_demo)
    at.radio(key="dbt_mode").set_value("kategori").run()
    assert not at.exception
    assert at.selectbox(key="dbt_kategori").value == "Sedang"
    assert at.query_params["kategori"] in ("Sedang", ["Sedang"])
    assert "ambang" not in at.query_params
    _bandingkan(at, _hitung_ulang(db_demo, 2026, 3, ambang=None, kategori="Sedang"), "kategori Sedang ke bawah")


def test_demo_unduhan_memuat_semua_baris(db_demo):
    """Kueri unduhan = daftar lengkap (bukan hanya 15 OPD di layar), sama dengan hitungan ulang."""
    harapan = _hitung_ulang(db_demo, 2026, 3)
    con = kdb.buka(db_demo)
    try:
        p = dict(kode_pemda="99.01", tahun=2026, triwulan=3, kelompok=None, kode_urusan=None, opd=[],
                 ambang=95.0, urutan_kategori=None)
        df = kdb.kueri(con, "di_bawah_target_unduhan", **p)
        na = kdb.kueri(con, "indikator_na", **p)
        tinjau = kdb.kueri(con, "indikator_perlu_ditinjau", **p)
    finally:
        con.close()
    assert len(df) == harapan["indikator_di_bawah"]
    assert list(dict.fromkeys(df["kode_opd"])) == [k for k, _, _ in harapan["daftar"]]
    isi = unduhan.ke_csv(df, unduhan.KOLOM_DI_BAWAH_TARGET)
    baris = list(csv.reader(io.StringIO(isi.decode("utf-8-sig")), delimiter=";"))
    assert baris[0][:4] == ["OPD", "Capaian OPD (%)", "Kategori OPD", "Peringkat OPD"]
    assert baris[0][-2:] == ["Tahun", "Triwulan"] and "Kode OPD" in baris[0] and "Nama OPD" in baris[0]
    assert len(baris) == 1 + harapan["indikator_di_bawah"]
    wb = load_workbook(io.BytesIO(unduhan.ke_xlsx([
        unduhan.Lembar("Di bawah target", df, unduhan.KOLOM_DI_BAWAH_TARGET),
        unduhan.Lembar("Capaian n-a", na, unduhan.KOLOM_INDIKATOR_NA),
        unduhan.Lembar("Target perlu ditinjau", tinjau, unduhan.KOLOM_PERLU_DITINJAU)])))
    assert wb.sheetnames == ["Di bawah target", "Capaian n-a", "Target perlu ditinjau"]
    assert wb["Di bawah target"].max_row == 1 + harapan["indikator_di_bawah"]
    kolom = [c.value for c in wb["Di bawah target"][1]].index("Capaian (%)") + 1
    nilai = sorted(wb["Di bawah target"].cell(row=i, column=kolom).value for i in range(2, len(df) + 2))
    assert nilai == pytest.approx(sorted(df["capaian"]))


# --- Database kecil: dihitung tangan ---------------------------------------------

def test_kecil_bawaan_dihitung_tangan(monkeypatch, db_kecil_berkas):
    at = _buka(monkeypatch, db_kecil_berkas)
    m = _metrik(at)
    # Capaian OPD < 95: Disdik 65,625; Dinkes (90+100+87,5)/3 = 92,5; Dinsos 92,5. Diskominfo n/a.
    assert m["OPD di bawah 95%"] == "3 dari 4 OPD"
    # Di bawah 95: A1 90, A3 87,5, B1 87,5, B3 0 (negatif dipotong), B4 75, D1 92,5; terhitung 8 dari 11.
    assert m["Indikator di bawah 95%"] == "6 dari 8 indikator"
    blok = _blok(at)
    assert [b[0].split(" — ")[0] for b in blok] == [
        "1. Disdik · Dinas Pendidikan", "2. Dinkes · Dinas Kesehatan", "3. Dinsos · Dinas Sosial"]
    assert "— 65,6% · Rendah · 3 indikator" in blok[0][0]
    disdik = blok[0][1]
    assert list(disdik["indikator"]) == ["Angka putus sekolah", "Rasio biaya", "Angka partisipasi"]
    assert list(disdik["capaian"]) == ["0,0%", "75,0%", "87,5%"]
    assert list(disdik["target"]) == ["5", "2–4", "80–90"]
    assert list(disdik["kategori"]) == ["Sangat Rendah", "Sedang", "Tinggi"]
    dinkes = blok[1][1]
    assert list(dinkes["indikator"]) == ["Prevalensi stunting", "Cakupan imunisasi"]
    assert list(dinkes["capaian"]) == ["87,5%", "90,0%"]
    assert any("Angka putus sekolah: negatif, dipotong ke 0" in c.value for c in at.caption)
    # Tab n/a dan target perlu ditinjau
    assert [t.label for t in at.tabs] == ["Di bawah ambang (3 OPD)", "Capaian tidak dapat dihitung (3)",
                                         "Target perlu ditinjau (1)"]
    na = at.tabs[1].dataframe[0].value
    assert dict(zip(na["indikator"], na["status"])) == {
        "Puskesmas baru": "target nol", "Layanan terintegrasi": "realisasi kosong", "Indeks SPBE": "target kosong"}
    tinjau = at.tabs[2].dataframe[0].value
    assert list(tinjau["indikator"]) == ["Sekolah direhabilitasi"]
    assert list(tinjau["capaian"]) == ["200,0%"]
    # Kendala hasil impor tidak pernah menjadi HTML
    md = _semua_markdown(at)
    assert "<script>" not in md
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in md
    assert "Tender ulang pada TW I" in md
    assert any("belum dilaporkan" in c.value for c in at.caption)  # Dinkes tanpa kendala


@pytest.mark.parametrize("query,opd_bawah,indikator", [
    ({"kategori": "Sedang"}, "1 dari 4 OPD", ["Angka putus sekolah", "Rasio biaya"]),
    ({"kategori": "Rendah"}, "1 dari 4 OPD", ["Angka putus sekolah"]),
    ({"ambang": "80"}, "1 dari 4 OPD", ["Angka putus sekolah", "Rasio biaya"]),
    ({"ambang": "92,5"}, "1 dari 4 OPD", ["Angka putus sekolah", "Rasio biaya", "Angka partisipasi",
                                          "Prevalensi stunting", "Cakupan imunisasi"]),
])
def test_kecil_ambang_lain(monkeypatch, db_kecil_berkas, query, opd_bawah, indikator):
    at = _buka(monkeypatch, db_kecil_berkas, **query)
    m = _metrik(at)
    label_opd = next(k for k in m if k.startswith("OPD "))
    assert m[label_opd] == opd_bawah
    assert [n for _, t in _blok(at) for n in t["indikator"]] == indikator
    assert "<script>" not in _semua_markdown(at)


def test_kecil_tidak_ada_yang_di_bawah(monkeypatch, db_kecil_berkas):
    at = _buka(monkeypatch, db_kecil_berkas, ambang="0")
    assert _metrik(at)["OPD di bawah 0%"] == "0 dari 4 OPD"
    assert any("Semua OPD dalam filter mencapai ambang" in s.value for s in at.success)
    assert not _blok(at)


def test_kecil_satu_opd(monkeypatch, db_kecil_berkas):
    at = _buka(monkeypatch, db_kecil_berkas, opd=[DINKES])
    assert _metrik(at)["OPD di bawah 95%"] == "1 dari 1 OPD"
    assert [b[0].split(" — ")[0] for b in _blok(at)] == ["1. Dinkes · Dinas Kesehatan"]
    assert [t.label for t in at.tabs][1:] == ["Capaian tidak dapat dihitung (1)", "Target perlu ditinjau (0)"]
    assert any("Tidak ada indikator dengan capaian di atas 150%" in s.value for s in at.success)


def test_kecil_filter_tanpa_data(monkeypatch, db_kecil_berkas):
    # Diskominfo tidak punya data 2024 TW IV.
    at = _buka(monkeypatch, db_kecil_berkas, tahun="2024", triwulan="4", opd=[DISKOMINFO])
    assert any("Tidak ada OPD dengan data capaian untuk TW IV 2024" in i.value for i in at.info)
    assert not at.metric


def test_kecil_opd_tanpa_capaian_sama_sekali(monkeypatch, db_kecil_berkas):
    # Diskominfo: semua indikator n/a -> tidak ada yang di bawah ambang, tetapi tab n/a berisi 2.
    at = _buka(monkeypatch, db_kecil_berkas, opd=[DISKOMINFO])
    assert _metrik(at)["OPD di bawah 95%"] == "0 dari 1 OPD"
    assert any("Semua OPD dalam filter mencapai ambang" in s.value for s in at.success)
    assert at.tabs[1].label == "Capaian tidak dapat dihitung (2)"
