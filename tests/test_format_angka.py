"""Format Indonesia untuk tampilan, dan pembacaan angka dari sel buatan manusia."""

from datetime import date, datetime, timezone

import pytest

from kinerja import format as fmt
from kinerja.angka import AngkaTidakSah, baca_angka


@pytest.mark.parametrize("fungsi,nilai,harapan", [
    (fmt.persen, 95.3, "95,3%"),
    (fmt.persen, 107.142857, "107,1%"),
    (fmt.persen, None, "n/a"),
    (fmt.persen, float("nan"), "n/a"),
    (fmt.rupiah, 1_250_000_000, "Rp 1,25 M"),
    (fmt.rupiah, 850_000_000, "Rp 850 jt"),
    (fmt.rupiah, 3_168_584_000_000, "Rp 3,17 T"),
    (fmt.rupiah, 512_400_000_000, "Rp 512 M"),
    (fmt.angka, 1234567.8, "1.234.568"),
    (fmt.poin, -2.34, "-2,3 poin"),
    (fmt.poin, 1.0, "+1,0 poin"),
])
def test_format_indonesia(fungsi, nilai, harapan):
    assert fungsi(nilai) == harapan


def test_tanggal_dan_waktu():
    assert fmt.tanggal(date(2026, 11, 23)) == "23 November 2026"
    # Disimpan UTC, ditampilkan WIB (UTC+7)
    assert fmt.waktu(datetime(2026, 11, 23, 4, 30, tzinfo=timezone.utc)) == "23 November 2026 11.30 WIB"
    assert fmt.periode(2026, 3) == "TW III 2026"


@pytest.mark.parametrize("teks,desimal,harapan", [
    ("1.234,56", ",", 1234.56),
    ("9,55", ",", 9.55),
    ("85%", ",", 85.0),
    ("Rp 1.250.000.000", ",", 1_250_000_000.0),
    ("'10.373.024.900,00".lstrip("'"), ",", 10_373_024_900.0),
    ("0,00", ",", 0.0),
    ("3,50001E+11", ",", 3.50001e11),
    ("(1.000)", ",", -1000.0),
    ("6.5", ".", 6.5),
    ("-", ",", None),
    ("#N/A", ",", None),
    ("n/a", ".", None),
    ("", ".", None),
    (12.5, ",", 12.5),
])
def test_baca_angka(teks, desimal, harapan):
    assert baca_angka(teks, desimal) == harapan


@pytest.mark.parametrize("teks,desimal", [("tujuh", "."), ("1.2.3", ","), ("6.5", ","), ("1,234.5", ".")])
def test_baca_angka_menolak_yang_meragukan(teks, desimal):
    with pytest.raises(AngkaTidakSah) as e:
        baca_angka(teks, desimal)
    assert teks in str(e.value)


def test_warna_skala_tidak_bisa_menyisipkan_html():
    import pandas as pd

    from kinerja.skala import pita_dari

    df = pd.DataFrame([{"urutan": 1, "label": "Baik", "batas_bawah": 0,
                        "warna": "red;background:url(javascript:x)", "warna_teks": "#FFFFFF"}])
    assert pita_dari(df)[0].warna == "#999999"


def test_jumlah_baris_log_impor():
    from kinerja import format as fmt

    assert fmt.jumlah_baris('{"opd": 4, "capaian": 1300, "kendala": 0}') == "4 opd, 1.300 capaian"
    assert fmt.jumlah_baris(None) == "" and fmt.jumlah_baris(float("nan")) == ""  # pembuatan database (baru)
