"""Validasi templat CSV: setiap masalah dilaporkan dengan tempatnya, dan tidak ada
yang dimuat bila ada satu saja masalah."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from kinerja.impor.masalah import ImporGagal
from kinerja.impor.muat import impor_template

FIXTURE = Path(__file__).resolve().parent / "fixtures" / "kecil"


@pytest.fixture
def folder(tmp_path) -> Path:
    tujuan = tmp_path / "templat"
    shutil.copytree(FIXTURE, tujuan)
    return tujuan


def _isi_tabel(con) -> dict[str, int]:
    return {t: con.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
            for t in ("pemda", "opd", "indikator", "target_realisasi", "anggaran_bulanan", "kendala", "log_impor")}


def _tambah(path: Path, *baris: str) -> None:
    with path.open("a", encoding="utf-8") as f:
        for b in baris:
            f.write(b + "\n")


def _gagal(con, folder) -> list[str]:
    sebelum = _isi_tabel(con)
    with pytest.raises(ImporGagal) as e:
        impor_template(con, [folder])
    assert _isi_tabel(con) == sebelum, "database berubah walaupun impor ditolak"
    return [str(m) for m in e.value.masalah]


def test_fixture_dimuat_dan_dicatat(con_kosong):
    hasil = impor_template(con_kosong, [FIXTURE], pengguna="tes")
    assert hasil.jumlah_baris == {"pemda": 1, "opd": 4, "indikator": 11, "capaian": 13, "anggaran": 4, "kendala": 1}
    log = con_kosong.execute("SELECT pengguna, format, hasil, length(sha256) FROM log_impor").fetchall()
    assert log == [("tes", "template", "berhasil", 64)]


def test_impor_ulang_tidak_mengubah_data(con_kecil):
    sebelum = con_kecil.execute("SELECT * FROM v_capaian_indikator ORDER BY ALL").fetchall()
    impor_template(con_kecil, [FIXTURE])
    assert con_kecil.execute("SELECT * FROM v_capaian_indikator ORDER BY ALL").fetchall() == sebelum
    assert con_kecil.execute("SELECT count(*) FROM kendala").fetchone()[0] == 1


def test_duplikat_persis_diabaikan_dengan_catatan(con_kosong, folder):
    _tambah(folder / "capaian.csv", "T01,A1,2025,4,80,,72")
    hasil = impor_template(con_kosong, [folder])
    assert any("kembar persis" in c and "baris 15" in c for c in hasil.catatan)
    assert hasil.jumlah_baris["capaian"] == 13


def test_duplikat_bertentangan_ditolak(con_kosong, folder):
    _tambah(folder / "capaian.csv", "T01,A1,2025,4,80,,75")
    pesan = _gagal(con_kosong, folder)
    assert any("baris 2" in p and "isi berbeda di baris 15" in p for p in pesan), pesan


@pytest.mark.parametrize("baris,kolom,potongan", [
    ("T01,B1,2024,4,80,,70", "target_atas", "memerlukan batas atas"),
    ("T01,B1,2024,4,90,80,70", "target_atas", "lebih kecil dari batas bawah"),
    ("T01,A1,2024,3,80,90,70", "target_atas", "hanya untuk indikator rentang"),
    ("T01,A1,2024,5,80,,70", "triwulan", "di luar rentang"),
    ("T01,A1,2024,1,8o,,70", "target", "bukan angka"),
    ("T99,A1,2024,1,80,,70", "kode_pemda", "pemda tidak dikenal"),
])
def test_baris_capaian_tidak_sah(con_kosong, folder, baris, kolom, potongan):
    _tambah(folder / "capaian.csv", baris)
    pesan = _gagal(con_kosong, folder)
    assert any(f"baris 15, kolom {kolom}" in p and potongan in p for p in pesan), pesan


def test_kode_opd_dan_polaritas_tidak_sah(con_kosong, folder):
    _tambah(folder / "opd.csv", "T01,2.16.01,Dinas Tanpa Kode,DTK")
    _tambah(folder / "indikator.csv", "T01,X1,1.02.0.00.0.00.01.0000,Indikator,%,positif,,,")
    _tambah(folder / "anggaran.csv", "T01,9.99.0.00.0.00.01.0000,2025,3,100,10,200,5")
    pesan = _gagal(con_kosong, folder)
    assert any("opd.csv" in p and "kolom kode_opd" in p and "2.16.01" in p for p in pesan), pesan
    assert any("indikator.csv" in p and "kolom polaritas" in p and "naik, turun, rentang" in p for p in pesan)
    assert any("anggaran.csv" in p and "OPD tidak dikenal" in p for p in pesan)


def test_realisasi_melebihi_pagu_dan_fisik_di_atas_100(con_kosong, folder):
    _tambah(folder / "anggaran.csv",
            "T01,1.02.0.00.0.00.01.0000,2025,4,1000,500,2000,50",
            "T01,1.02.0.00.0.00.01.0000,2025,5,1000,500,600,150")
    pesan = _gagal(con_kosong, folder)
    assert any("baris 6, kolom realisasi_kumulatif" in p and "melebihi pagu" in p for p in pesan), pesan
    assert any("baris 7, kolom realisasi_fisik" in p for p in pesan), pesan


def test_kolom_wajib_hilang(con_kosong, folder):
    (folder / "indikator.csv").write_text("kode_pemda,indikator_id,kode_opd\nT01,A1,1.02.0.00.0.00.01.0000\n")
    pesan = _gagal(con_kosong, folder)
    assert any("indikator.csv" in p and "baris 1" in p and "indikator, polaritas" in p for p in pesan), pesan


def test_csv_titik_koma_berdesimal_koma(con_kosong, folder):
    (folder / "capaian.csv").write_text(
        "kode_pemda;indikator_id;tahun;triwulan;target;target_atas;realisasi\n"
        "T01;A2;2025;4;7;;6,5\nT01;A1;2025;4;80;;72\n", encoding="utf-8")
    impor_template(con_kosong, [folder])
    c = con_kosong.execute("SELECT capaian FROM v_capaian_indikator WHERE indikator_id = 'A2'").fetchone()[0]
    assert c == pytest.approx(107.142857, abs=1e-5)


def test_baris_total_dan_kosong_dilewati(con_kosong, folder):
    _tambah(folder / "anggaran.csv", ",,,,,,,", "Total,,,,4100000000,,,")
    hasil = impor_template(con_kosong, [folder])
    assert hasil.jumlah_baris["anggaran"] == 4


def test_kegagalan_di_tengah_muat_dibatalkan(con_kosong, folder, monkeypatch):
    """Galat setelah sebagian tabel ditulis: transaksi dibatalkan seluruhnya."""
    import kinerja.impor.muat as muat

    asli = muat.teks_kueri

    def rusak(nama):
        if nama == "impor/simpan_anggaran":
            return "INSERT INTO tabel_yang_tidak_ada SELECT 1"
        return asli(nama)

    monkeypatch.setattr(muat, "teks_kueri", rusak)
    with pytest.raises(Exception):
        impor_template(con_kosong, [folder])
    assert all(n == 0 for n in _isi_tabel(con_kosong).values())
