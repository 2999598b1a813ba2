"""Aturan capaian DOMAIN.md, diuji langsung pada makro SQL (satu-satunya definisi)."""

import math

import pytest


def _capaian(con, polaritas, target, realisasi, target_atas=None, atas_baik=False):
    return con.execute(
        "SELECT capaian_mentah($p, $t, $ta, $r, $ab), status_capaian($p, $t, $ta, $r, $ab),"
        " capaian_dibatasi(capaian_mentah($p, $t, $ta, $r, $ab))",
        {"p": polaritas, "t": target, "ta": target_atas, "r": realisasi, "ab": atas_baik},
    ).fetchone()


@pytest.mark.parametrize("polaritas,target,realisasi,target_atas,atas_baik,harapan", [
    # Contoh PermenPANRB: polaritas negatif
    ("turun", 7, 6.5, None, False, 107.142857),
    ("turun", 8, 9, None, False, 87.5),
    # Polaritas positif
    ("naik", 80, 72, None, False, 90.0),
    ("naik", 100, 100, None, False, 100.0),
    # Rentang 80-90: di dalam = 100, di bawah dibanding batas bawah (70 -> 87,5)
    ("rentang", 80, 85, 90, False, 100.0),
    ("rentang", 80, 80, 90, False, 100.0),
    ("rentang", 80, 90, 90, False, 100.0),
    ("rentang", 80, 70, 90, False, 87.5),
    # Di atas rentang: buruk (inflasi) dibanding batas atas; baik bila ditandai
    ("rentang", 2, 5, 4, False, 75.0),
    ("rentang", 2, 5, 4, True, 100.0),
])
def test_contoh_rumus(con_kosong, polaritas, target, realisasi, target_atas, atas_baik, harapan):
    capaian, status, _ = _capaian(con_kosong, polaritas, target, realisasi, target_atas, atas_baik)
    assert capaian == pytest.approx(harapan, abs=1e-4)
    assert status is None


@pytest.mark.parametrize("polaritas,target,realisasi,target_atas,status", [
    ("naik", 0, 5, None, "target nol"),
    ("turun", 0, 0, None, "target nol"),
    ("naik", None, 5, None, "target kosong"),
    ("turun", None, 5, None, "target kosong"),
    ("naik", 10, None, None, "realisasi kosong"),
    ("rentang", 80, 85, None, "rentang tidak lengkap"),
    ("rentang", 90, 85, 80, "rentang tidak lengkap"),
])
def test_capaian_tidak_dapat_dihitung(con_kosong, polaritas, target, realisasi, target_atas, status):
    """Target nol/kosong: NULL (n/a) dan ditandai; tidak pernah bagi nol, tidak pernah 100% karangan."""
    capaian, s, dibatasi = _capaian(con_kosong, polaritas, target, realisasi, target_atas)
    assert capaian is None and dibatasi is None
    assert s == status


def test_negatif_dipotong_nol_dan_ditandai(con_kosong):
    # Realisasi lebih dari dua kali target negatif: (2*5 - 12)/5 = -40% -> 0
    capaian, status, dibatasi = _capaian(con_kosong, "turun", 5, 12)
    assert capaian == 0.0 and dibatasi == 0.0
    assert status == "negatif, dipotong ke 0"
    # Tepat dua kali target: 0 tanpa dipotong
    capaian, status, _ = _capaian(con_kosong, "turun", 5, 10)
    assert capaian == 0.0 and status is None


def test_capaian_lebih_disimpan_mentah_dan_dibatasi(con_kosong):
    capaian, status, dibatasi = _capaian(con_kosong, "naik", 100, 200)
    assert capaian == 200.0
    assert dibatasi == 100.0
    assert status == "target perlu ditinjau"
    # 150% tepat belum ditandai (ambang: di atas 150%)
    assert _capaian(con_kosong, "naik", 100, 150)[1] is None
    assert _capaian(con_kosong, "naik", 100, 150.5)[1] == "target perlu ditinjau"


def test_batas_atas_dapat_diubah(con_kosong):
    con_kosong.execute("UPDATE pengaturan SET nilai = '120' WHERE kunci = 'batas_atas_capaian'")
    assert _capaian(con_kosong, "naik", 100, 110)[2] == pytest.approx(110.0)
    assert _capaian(con_kosong, "naik", 100, 200)[2] == pytest.approx(120.0)


def _kategori(con, x):
    return con.execute("SELECT kategori_capaian($x)", {"x": x}).fetchone()[0]


@pytest.mark.parametrize("nilai,label", [
    (150, "Sangat Tinggi"), (100, "Sangat Tinggi"), (91, "Sangat Tinggi"),
    (90.99, "Tinggi"), (90.5, "Tinggi"), (76, "Tinggi"),
    (75.99, "Sedang"), (66, "Sedang"),
    (65.9, "Rendah"), (51, "Rendah"),
    (50.99, "Sangat Rendah"), (50.5, "Sangat Rendah"), (0, "Sangat Rendah"),
])
def test_pita_permendagri_86(con_kosong, nilai, label):
    assert _kategori(con_kosong, nilai) == label


def test_kategori_null_untuk_capaian_null(con_kosong):
    assert _kategori(con_kosong, None) is None


def test_skala_daerah_menggantikan_bawaan(con_kosong):
    con_kosong.execute("UPDATE pengaturan SET nilai = 'baik-kurang' WHERE kunci = 'skala_aktif'")
    assert _kategori(con_kosong, 95) == "Sangat Baik"
    assert _kategori(con_kosong, 50.5) == "Sangat Kurang"


def test_skala_sendiri_dengan_enam_pita(con_kosong):
    con_kosong.execute("""
        INSERT INTO skala_kategori VALUES
          ('enam', 1, 'Memuaskan', 90, '#000000', '#FFFFFF'),
          ('enam', 2, 'Sangat Baik', 80, '#000000', '#FFFFFF'),
          ('enam', 3, 'Baik', 70, '#000000', '#FFFFFF'),
          ('enam', 4, 'Cukup', 60, '#000000', '#FFFFFF'),
          ('enam', 5, 'Sedang', 50, '#000000', '#FFFFFF'),
          ('enam', 6, 'Kurang', 0, '#000000', '#FFFFFF');
        UPDATE pengaturan SET nilai = 'enam' WHERE kunci = 'skala_aktif';
    """)
    assert _kategori(con_kosong, 85) == "Sangat Baik"
    assert _kategori(con_kosong, 10) == "Kurang"


def test_persen_pagu_nol_tidak_membagi_nol(con_kosong):
    assert con_kosong.execute("SELECT persen_pagu(10, 0)").fetchone()[0] is None
    assert math.isclose(con_kosong.execute("SELECT persen_pagu(25, 200)").fetchone()[0], 12.5)
