"""Setiap halaman menggambar tampilan pertamanya dari kueri yang sudah diringkas
di SQL (tidak menarik tabel utuh ke pandas) dan, saat dijalankan ulang, seluruhnya
dari cache tanpa menyentuh database."""

from __future__ import annotations

import shutil

import pytest
from streamlit.testing.v1 import AppTest

import kinerja.db
from tests.bantu_apptest import APP
from tests.test_halaman import HALAMAN

# Tabel fakta demo: 9.200 baris capaian, 3.243 baris anggaran. Kueri halaman
# mengembalikan paling banyak satu baris per indikator sebuah periode (400).
BATAS_BARIS = 600


@pytest.fixture
def catatan(monkeypatch):
    asli = kinerja.db.kueri
    dicatat: list[tuple[str, int]] = []

    def kueri_dicatat(con, nama, **params):
        df = asli(con, nama, **params)
        dicatat.append((nama, len(df)))
        return df

    monkeypatch.setattr(kinerja.db, "kueri", kueri_dicatat)
    return dicatat


@pytest.mark.parametrize("halaman", HALAMAN)
def test_kueri_diringkas_dan_di_cache(monkeypatch, tmp_path, db_demo, catatan, halaman):
    # Salinan database: kunci cache baru, jadi tampilan pertama benar-benar membaca.
    db = tmp_path / "salinan.duckdb"
    shutil.copy(db_demo, db)
    monkeypatch.setenv("KINERJA_DB", str(db))
    at = AppTest.from_file(APP, default_timeout=60)
    at.run()
    at.switch_page(halaman).run()
    assert not at.exception, [e.value for e in at.exception]
    assert catatan, "halaman tidak membaca database sama sekali?"
    besar = [(n, b) for n, b in catatan if b > BATAS_BARIS]
    assert not besar, f"kueri menarik terlalu banyak baris ke pandas: {besar}"
    catatan.clear()
    at.run()  # jalankan ulang dengan filter yang sama
    assert not at.exception
    assert catatan == [], f"jalankan ulang tidak seluruhnya dari cache: {catatan}"
