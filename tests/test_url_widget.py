"""Widget terikat URL (kinerja.ui.url): dibaca dari URL pada kunjungan pertama, diperiksa,
disimpan di session_state, ditulis kembali ke URL hanya bila berbeda; kunci bernilai
bawaan (None) dihapus dari URL. Diuji lewat AppTest (query_params Streamlit yang
sebenarnya) dan, untuk hitungan penulisan, dengan query_params tiruan."""

from __future__ import annotations

import types

import pytest
from streamlit.testing.v1 import AppTest

from kinerja.ui import url

# Skrip kecil: satu selectbox tahun, satu multiselect opd, satu nomor dengan penanda.
SKRIP = '''
import streamlit as st
from kinerja.ui import url

catatan = st.session_state.setdefault("catatan", [])
tahun = url.siapkan("w_tahun", "tahun", 2024, pilihan=st.session_state.get("pilihan_tahun", [2022, 2023, 2024]),
                    ubah=int, catat=lambda m, d: catatan.append(("tahun", m, d)))
st.selectbox("Tahun", st.session_state.get("pilihan_tahun", [2022, 2023, 2024]), key="w_tahun")
opd = url.siapkan_banyak("w_opd", "opd", st.session_state.get("pilihan_opd", ["a", "b", "c"]),
                         catat=lambda m: catatan.append(("opd", m)))
st.session_state["hasil_opd"] = list(opd)  # sebelum widget: Streamlit sendiri juga membuang nilai di luar pilihan
st.multiselect("OPD", st.session_state.get("pilihan_opd", ["a", "b", "c"]), key="w_opd")
kel = st.session_state.get("w_kel", "(semua)")
nomor = url.siapkan("w_nomor", "nomor", 1, urai=lambda m: (int(m), True), penanda="_w_url_nomor")
url.tulis({"tahun": str(st.session_state["w_tahun"]), "kelompok": None if kel == "(semua)" else kel,
           "opd": list(st.session_state["w_opd"]), "nomor": str(st.session_state["w_nomor"])})
st.session_state["_w_url_nomor"] = str(st.session_state["w_nomor"])
'''


def _jalankan(**query) -> AppTest:
    at = AppTest.from_string(SKRIP, default_timeout=30)
    for k, v in query.items():
        at.query_params[k] = v
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def _qp(at: AppTest, k: str):
    """Nilai parameter URL AppTest sebagai daftar (AppTest menyimpan teks atau daftar)."""
    v = at.query_params.get(k)
    return None if v is None else (v if isinstance(v, list) else [v])


@pytest.mark.parametrize("mentah", ["abc", "2021", "", "2023.0"])
def test_nilai_tidak_sah_kembali_ke_bawaan_dengan_catatan(mentah):
    at = _jalankan(tahun=mentah)
    assert at.session_state["w_tahun"] == 2024
    assert ("tahun", mentah, 2024) in at.session_state["catatan"]
    assert _qp(at, "tahun") == ["2024"]  # URL diperbaiki ke nilai yang dipakai


def test_nilai_sah_bolak_balik():
    at = _jalankan(tahun="2022")
    assert at.session_state["w_tahun"] == 2022
    assert at.session_state["catatan"] == []
    assert _qp(at, "tahun") == ["2022"]
    # Widget diubah: URL ikut berubah; URL lama tidak dibaca lagi pada jalan berikutnya.
    at.selectbox(key="w_tahun").set_value(2023).run()
    assert at.session_state["w_tahun"] == 2023 and _qp(at, "tahun") == ["2023"]


def test_tanpa_parameter_url_memakai_bawaan_tanpa_catatan():
    at = _jalankan()
    assert at.session_state["w_tahun"] == 2024 and at.session_state["w_opd"] == []
    assert at.session_state["catatan"] == []
    assert _qp(at, "tahun") == ["2024"]
    assert not _qp(at, "opd")  # daftar kosong tidak menambah opd=


def test_nilai_bawaan_menghapus_kunci_dari_url():
    at = _jalankan(kelompok="Penunjang")
    assert "kelompok" not in at.query_params  # nilai bawaan (None) tidak ditulis
    at.session_state["w_kel"] = "Pelayanan"
    at.run()
    assert _qp(at, "kelompok") == ["Pelayanan"]
    at.session_state["w_kel"] = "(semua)"
    at.run()
    assert "kelompok" not in at.query_params


def test_banyak_nilai_sah_urutan_tetap_yang_tidak_sah_dicatat():
    at = _jalankan(opd=["c", "x", "a", "y"])
    assert at.session_state["hasil_opd"] == ["c", "a"] and at.session_state["w_opd"] == ["c", "a"]
    assert [c for c in at.session_state["catatan"] if c[0] == "opd"] == [("opd", "x"), ("opd", "y")]
    assert _qp(at, "opd") == ["c", "a"]
    # Pilihan menyempit (mis. filter sektor): nilai sesi disaring, URL ikut, tanpa catatan baru.
    at.session_state["pilihan_opd"] = ["a", "b"]
    at.run()
    assert at.session_state["hasil_opd"] == ["a"] and _qp(at, "opd") == ["a"]
    assert len(at.session_state["catatan"]) == 2


def test_banyak_nilai_satu_nilai_dan_dikosongkan():
    at = _jalankan(opd="b")
    assert at.session_state["w_opd"] == ["b"] and _qp(at, "opd") == ["b"]
    at.multiselect(key="w_opd").set_value([]).run()
    assert at.session_state["w_opd"] == [] and not _qp(at, "opd")


def test_nilai_sesi_tidak_sah_kembali_ke_bawaan_tanpa_membaca_url():
    at = _jalankan(tahun="2022")
    assert at.session_state["w_tahun"] == 2022
    at.session_state["pilihan_tahun"] = [2024, 2025]  # mis. pemda lain: 2022 tidak ada
    at.run()
    assert at.session_state["w_tahun"] == 2024 and _qp(at, "tahun") == ["2024"]
    assert at.session_state["catatan"] == []  # URL (2022) tidak dibaca ulang, jadi tidak dicatat


def test_penanda_membaca_ulang_url_yang_diubah_selagi_sesi_hidup():
    at = _jalankan(nomor="2")
    assert at.session_state["w_nomor"] == 2
    at.run()
    assert at.session_state["w_nomor"] == 2
    at.query_params["nomor"] = "5"  # tautan diubah di bilah alamat tanpa memulai sesi baru
    at.run()
    assert at.session_state["w_nomor"] == 5 and _qp(at, "nomor") == ["5"]
    # Tanpa penanda (tahun): URL yang diubah tidak menimpa nilai sesi.
    at.query_params["tahun"] = "2022"
    at.run()
    assert at.session_state["w_tahun"] == 2024 and _qp(at, "tahun") == ["2024"]


# --- query_params tiruan: hitungan penulisan, dari_url dan salin -----------------------------

class _QP:
    """Tiruan kecil st.query_params: nilai teks atau daftar, mencatat setiap tulis/hapus."""

    def __init__(self, **awal):
        self.d = dict(awal)
        self.tulis: list = []

    def get(self, k, bawaan=None):
        v = self.d.get(k, bawaan)
        return (v[-1] if v else "") if isinstance(v, list) else v

    def get_all(self, k):
        v = self.d.get(k)
        return [] if v is None else (list(v) if isinstance(v, list) else [v])

    def __contains__(self, k):
        return k in self.d

    def __getitem__(self, k):
        return self.get(k) if k in self.d else self.d[k]

    def __setitem__(self, k, v):
        self.tulis.append(("set", k, v))
        self.d[k] = v

    def __delitem__(self, k):
        self.tulis.append(("del", k))
        del self.d[k]


@pytest.fixture
def qp(monkeypatch):
    def pasang(**awal):
        tiruan = _QP(**awal)
        monkeypatch.setattr(url, "st", types.SimpleNamespace(query_params=tiruan, session_state={}))
        return tiruan
    return pasang


def test_tulis_hanya_yang_berbeda(qp):
    q = qp(tahun="2024", triwulan="3", kelompok="Penunjang", opd=["a", "b"])
    url.tulis({"tahun": "2024", "triwulan": "4", "kelompok": None, "bidang": None, "opd": ["a", "b"]})
    assert q.tulis == [("set", "triwulan", "4"), ("del", "kelompok")]
    assert q.d == {"tahun": "2024", "triwulan": "4", "opd": ["a", "b"]}
    q.tulis.clear()
    url.tulis({"opd": ("b",), "pemda": "T01"})
    assert q.tulis == [("set", "opd", ["b"]), ("set", "pemda", "T01")]


def test_dari_url_tanpa_url_dan_urai(qp):
    dicatat = []
    qp()
    assert url.dari_url("profil", "A", pilihan=["A", "B"], tanpa_url="B") == "B"
    qp(profil="Z")
    # Nilai tidak sah: bawaan, bukan tanpa_url (nilai terakhir dilihat).
    assert url.dari_url("profil", "A", pilihan=["A", "B"], tanpa_url="B",
                        catat=lambda m, d: dicatat.append((m, d))) == "A"
    qp(slide="99")
    jepit = url.dari_url("slide", 1, urai=lambda m: (min(int(m), 7), int(m) <= 7),
                         catat=lambda m, d: dicatat.append((m, d)))
    assert jepit == 7
    assert dicatat == [("Z", "A"), ("99", 7)]
    with pytest.raises(TypeError):
        url.dari_url("slide", 1)


def test_salin_hanya_kunci_yang_ada(qp):
    qp(tahun="2026", triwulan="3", kelompok="Penunjang", opd=["a", "b"], dasar="kinerja")
    assert url.salin(("tahun", "triwulan", "pemda", "kelompok", "bidang"), banyak=("opd",)) == {
        "tahun": "2026", "triwulan": "3", "kelompok": "Penunjang", "opd": ["a", "b"]}
    qp(tahun="2026", opd=[])
    assert url.salin(("tahun",), banyak=("opd",)) == {"tahun": "2026"}


def test_pesan_tidak_dikenal_dipotong_dan_di_escape():
    assert url.pesan_tidak_dikenal("tema", "gelap", "terang") == \
        "Nilai tema='gelap' pada tautan tidak dikenal; dipakai terang."
    panjang = url.pesan_tidak_dikenal("x", "a" * 100, "bawaan", batas=60)
    assert "'" + "a" * 60 + "'" in panjang and "a" * 61 not in panjang
    assert "a" * 100 in url.pesan_tidak_dikenal("x", "a" * 100, "bawaan", batas=None)
    assert "**tebal**" not in url.pesan_tidak_dikenal("x", "**tebal**", "bawaan")
