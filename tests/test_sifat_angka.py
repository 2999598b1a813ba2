"""Sifat baca_angka untuk masukan apa pun: hasilnya None atau float terhingga, atau
AngkaTidakSah (galat validasi proyek). Pengecualian lain (OverflowError, IndexError, ...)
berarti traceback bagi pengguna. Benih tetap (derandomize) supaya CI selalu sama."""

from __future__ import annotations

import math

from hypothesis import given, settings
from hypothesis import strategies as st

from kinerja.angka import AngkaTidakSah, baca_angka

# Teks yang mirip angka buatan manusia, supaya contoh sering melewati pola dan mencapai float().
_MIRIP_ANGKA = st.text(alphabet="0123456789.,eE+-()% Rp\u00a0", max_size=60)
_MASUKAN = st.one_of(st.text(max_size=60), _MIRIP_ANGKA, st.floats(), st.integers(),
                     st.integers(min_value=10 ** 300, max_value=10 ** 500))


def _periksa(nilai, desimal):
    try:
        hasil = baca_angka(nilai, desimal)
    except AngkaTidakSah:
        return
    assert hasil is None or (isinstance(hasil, float) and math.isfinite(hasil)), (nilai, hasil)


@settings(derandomize=True, max_examples=300, deadline=None)
@given(_MASUKAN, st.sampled_from([",", "."]))
def test_baca_angka_hanya_none_terhingga_atau_galat_sendiri(nilai, desimal):
    _periksa(nilai, desimal)
