"""Daftar kueri (kinerja.daftar_kueri): setiap berkas queries/ terurai dan terdaftar sekali;
parameter di komentar, literal string dan identifier berkutip tidak dihitung; berkas rusak
atau berisi beberapa pernyataan dilaporkan dengan nama berkasnya; nama tidak dapat keluar
dari folder; app.py melaporkannya saat mulai."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

from kinerja import daftar_kueri, db
from kinerja.daftar_kueri import DaftarKueri, KueriRusak, parameter_teks

AKAR = Path(__file__).resolve().parent.parent
QUERIES = AKAR / "queries"


def _folder(tmp_path: Path, berkas: dict[str, str]) -> Path:
    folder = tmp_path / "queries"
    for nama, teks in berkas.items():
        p = folder / f"{nama}.sql"
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text(teks, encoding="utf-8")
    return folder


@pytest.fixture
def daftar_uji(tmp_path, monkeypatch):
    """Ganti daftar bawaan (queries/) dengan folder sementara, lewat db.* seperti kode lain."""
    def pasang(berkas: dict[str, str], skrip: frozenset[str] = frozenset()) -> DaftarKueri:
        d = DaftarKueri(_folder(tmp_path, berkas), skrip=skrip)
        monkeypatch.setattr(daftar_kueri, "_BAWAAN", d)
        return d
    return pasang


# --- Berkas queries/ yang sebenarnya --------------------------------------------------------------

def test_setiap_berkas_nyata_terurai_dan_terdaftar():
    # Daftar berkas dihitung sendiri: queries/*.sql dan satu subfolder di bawahnya, tanpa schema/.
    harap = {p.stem for p in QUERIES.glob("*.sql")} | {
        f"{p.parent.name}/{p.stem}" for p in QUERIES.glob("*/*.sql") if p.parent.name != "schema"}
    assert {"peringkat_opd", "akses/skema", "audit/catat", "impor/catat_log"} <= harap
    assert daftar_kueri.periksa() == len(harap)
    assert set(daftar_kueri.semua_nama()) == harap
    for nama in harap:
        teks = (QUERIES / f"{nama}.sql").read_text(encoding="utf-8")
        assert db.teks_kueri(nama) == teks
        jumlah = len(duckdb.connect(":memory:").extract_statements(teks))
        if nama in daftar_kueri.SKRIP:
            assert jumlah > 1, f"{nama} terdaftar sebagai skrip tetapi hanya satu pernyataan"
        else:
            assert jumlah == 1, nama


def test_parameter_berkas_nyata_tanpa_komentar():
    # Dibaca tangan dari berkasnya: $sejak dan $batas juga tertulis di komentar baris pertama.
    assert db.parameter_kueri("akses/gagal_hitung") == {"batas", "jenis_kunci", "kunci", "sejak"}
    assert db.parameter_kueri("filter_sektor") == {"kode_pemda"}
    assert db.parameter_kueri("impor/referensi_opd") == set()


def test_skrip_ditolak_kueri():
    con = duckdb.connect(":memory:")
    try:
        with pytest.raises(ValueError, match="skrip"):
            db.kueri(con, "akses/skema")
        with pytest.raises(ValueError, match="skrip"):
            db.kueri_satu(con, "impor/simpan_opd")
        # Tidak ada yang dijalankan: tabel skema akses tidak dibuat.
        assert con.execute("SELECT count(*) FROM duckdb_tables()").fetchone()[0] == 0
    finally:
        con.close()


# --- Parameter di luar komentar dan literal -------------------------------------------------------

@pytest.mark.parametrize("teks, harap", [
    ("SELECT $ya -- pakai $bukan\n", {"ya"}),
    ("-- $bukan di baris sendiri\nSELECT $ya", {"ya"}),
    ("SELECT /* $bukan /* bersarang $bukan2 */ $bukan3 */ $ya", {"ya"}),
    ("SELECT '$x' AS a, $ya", {"ya"}),
    ("SELECT 'it''s $x' AS a, $ya", {"ya"}),
    ("SELECT E'it\\'s $x' AS a, $ya", {"ya"}),
    ("SELECT $$ $x $$ AS a, $t$ $x2 $t$ AS b, $ya", {"ya"}),
    ('SELECT 1 AS "$x", 2 AS "a""$x2", $ya', {"ya"}),
    ("SELECT a$x FROM (SELECT 1 AS a$x) WHERE $ya AND $ya2", {"ya", "ya2"}),
    ("SELECT '--' || $ya || '/*' AS a, $ya2", {"ya", "ya2"}),
])
def test_parameter_teks(teks, harap):
    assert parameter_teks(teks) == harap
    # Pengurai DuckDB sependapat (tanpa daftar: pemeriksaan saat mulai menuntut hal yang sama).
    assert set().union(*(p.named_parameters for p in duckdb.connect(":memory:").extract_statements(teks))) == harap


def test_parameter_di_komentar_tidak_diminta(daftar_uji):
    daftar_uji({"hitung": "-- Jumlah untuk $bukan (catatan lama)\nSELECT $ya + 1 AS n /* $bukan2 */\n"})
    assert db.parameter_kueri("hitung") == {"ya"}
    con = duckdb.connect(":memory:")
    try:
        # Dulu: KeyError "memerlukan parameter: bukan, bukan2".
        assert db.kueri_satu(con, "hitung", ya=41) == (42,)
        assert db.kueri(con, "hitung", ya=1, lain=9)["n"].tolist() == [2]
        with pytest.raises(KeyError, match="ya"):
            db.kueri(con, "hitung")
    finally:
        con.close()


def test_parameter_di_literal_tidak_diminta(daftar_uji):
    daftar_uji({"teks": "SELECT '$x' || $ya AS s"})
    assert db.parameter_kueri("teks") == {"ya"}
    con = duckdb.connect(":memory:")
    try:
        assert db.kueri_satu(con, "teks", ya="!") == ("$x!",)
    finally:
        con.close()


# --- Berkas rusak ---------------------------------------------------------------------------------

def test_salah_sintaks_menyebut_berkas_dan_pesan_pengurai(daftar_uji):
    d = daftar_uji({"baik": "SELECT 1", "akses/rusak": "SELEC 1 FROM t"})
    with pytest.raises(KueriRusak) as info:
        daftar_kueri.periksa()
    pesan = str(info.value)
    assert "queries/akses/rusak.sql: tidak dapat diurai DuckDB" in pesan
    assert 'syntax error at or near "SELEC"' in pesan
    assert "baik.sql" not in pesan
    # Tidak ada yang tersimpan: kueri yang baik pun menyebut berkas rusak itu.
    with pytest.raises(KueriRusak, match="rusak.sql"):
        db.teks_kueri("baik")
    # Setelah diperbaiki, pemeriksaan berikutnya berhasil (kegagalan tidak disimpan).
    (d.folder / "akses" / "rusak.sql").write_text("SELECT 2", encoding="utf-8")
    assert daftar_kueri.periksa() == 2


def test_semua_masalah_dilaporkan_sekaligus(daftar_uji):
    daftar_uji({"satu": "SELECT (1", "dua": "SELECT 1; SELECT 2", "kosong": "-- hanya komentar\n", "Besar": "SELECT 1",
                "schema/abaikan": "BUKAN SQL", "a/b/dalam": "SELECT 1"})
    with pytest.raises(KueriRusak) as info:
        daftar_kueri.periksa()
    baris = str(info.value).splitlines()
    assert baris[0].startswith("Berkas kueri di ") and "perbaiki lalu mulai ulang" in baris[0]
    masalah = [b for b in baris if b.startswith("- ")]
    assert [b.split(":")[0] for b in masalah] == [
        "- queries/Besar.sql", "- queries/a/b/dalam.sql", "- queries/dua.sql", "- queries/kosong.sql", "- queries/satu.sql"]
    assert "berisi 2 pernyataan; satu berkas satu kueri" in masalah[2]
    assert "tidak berisi pernyataan SQL" in masalah[3]
    assert "nama berkas tidak dapat dipanggil" in masalah[0] and "nama berkas tidak dapat dipanggil" in masalah[1]
    assert "schema" not in str(info.value)


def test_dua_pernyataan_hanya_untuk_skrip_terdaftar(daftar_uji):
    dua = "DELETE FROM t; INSERT INTO t VALUES (1)"
    with pytest.raises(KueriRusak, match=r"queries/impor/simpan_t\.sql: berisi 2 pernyataan"):
        daftar_uji({"impor/simpan_t": dua}).muat()
    d = daftar_uji({"impor/simpan_t": dua}, skrip=frozenset({"impor/simpan_t"}))
    assert d.ambil("impor/simpan_t").jumlah_pernyataan == 2
    assert db.teks_kueri("impor/simpan_t") == dua
    # Skrip terdaftar yang tidak ada: daftarnya usang.
    with pytest.raises(KueriRusak, match=r"queries/impor/hilang\.sql: terdaftar sebagai skrip"):
        daftar_uji({"a": "SELECT 1"}, skrip=frozenset({"impor/hilang"})).muat()


def test_parameter_berbeda_dari_pengurai_ditolak(daftar_uji, monkeypatch):
    monkeypatch.setattr(daftar_kueri, "parameter_teks", lambda teks: frozenset({"salah"}))
    with pytest.raises(KueriRusak, match=r"queries/q\.sql: parameter terbaca \['salah'\] berbeda .* \['ya'\]"):
        daftar_uji({"q": "SELECT $ya"}).muat()


def test_dibaca_sekali(daftar_uji):
    d = daftar_uji({"q": "SELECT $a"})
    assert db.teks_kueri("q") == "SELECT $a"
    (d.folder / "q.sql").write_text("SELECT $b", encoding="utf-8")
    (d.folder / "baru.sql").write_text("SELECT 1", encoding="utf-8")
    assert db.teks_kueri("q") == "SELECT $a" and db.parameter_kueri("q") == {"a"}
    with pytest.raises(FileNotFoundError):
        db.teks_kueri("baru")


# --- Nama -----------------------------------------------------------------------------------------

@pytest.mark.parametrize("nama", ["../app", "/etc/passwd", "akses/../skema", "a/b/c", "Peringkat_OPD",
                                  "peringkat_opd.sql", "", "akses/", "..", "akses\\skema"])
def test_nama_tidak_sah(nama):
    with pytest.raises(ValueError, match="Nama kueri tidak sah"):
        db.teks_kueri(nama)
    with pytest.raises(ValueError, match="Nama kueri tidak sah"):
        db.parameter_kueri(nama)


def test_nama_tidak_ada():
    with pytest.raises(FileNotFoundError, match="tidak_ada"):
        db.teks_kueri("tidak_ada")
    # Berkas skema ada dan namanya sah, tetapi bukan kueri bernama.
    assert (QUERIES / "schema" / "001_tabel.sql").exists()
    with pytest.raises(FileNotFoundError):
        db.teks_kueri("schema/001_tabel")


# --- app.py ---------------------------------------------------------------------------------------

def test_app_melaporkan_berkas_rusak_saat_mulai(daftar_uji):
    from streamlit.testing.v1 import AppTest

    daftar_uji({"rusak": "SELECT FROM WHERE"})
    at = AppTest.from_file(str(AKAR / "app.py"), default_timeout=60).run()
    assert not at.exception
    assert [e.value for e in at.error] == ["Aplikasi belum dapat dipakai: ada berkas kueri (queries/) yang rusak."]
    assert "queries/rusak.sql: tidak dapat diurai DuckDB" in at.code[0].value
    assert not at.sidebar.selectbox and not at.metric  # berhenti sebelum navigasi dan halaman
