"""Pesan clear_cache dari klien diabaikan.

Setiap klien websocket, tanpa masuk, dapat mengirim BackMsg clear_cache; Streamlit lalu
mengosongkan st.cache_data dan st.cache_resource untuk SEMUA pengguna (AppSession.
_handle_clear_cache_request). Koneksi database tidak lagi bergantung pada cache itu
(kinerja.ui.data: registri proses dengan hitungan pemakai), tetapi siapa pun tetap dapat
memaksa server menghitung ulang semua kueri setiap setengah detik. Menu "Clear cache"
Streamlit tersembunyi di dasbor ini (client.toolbarMode = "minimal"), jadi tidak ada
pengguna sah yang mengirimnya; cache dibersihkan aplikasi sendiri setelah impor
(data.bersihkan_cache). Streamlit 1.67 tidak punya pengaturan untuk ini: pembungkus di kelas
AppSession, hanya untuk versi yang diperiksa.
"""

from __future__ import annotations

import logging

import streamlit as st

from kinerja.ui.versi_streamlit import VERSI_DIDUKUNG, didukung

_TANDA = "_kinerja_abaikan_clear_cache"
_log = logging.getLogger(__name__)


def pasang() -> bool:
    """Sekali per proses; False bila versi Streamlit tidak didukung (dicatat di log)."""
    from streamlit.runtime.app_session import AppSession

    if getattr(AppSession, _TANDA, False):
        return True
    if not didukung() or not hasattr(AppSession, "_handle_clear_cache_request"):
        _log.warning("Streamlit %s: clear_cache dari klien tidak diabaikan (diperiksa untuk %s)",
                     st.__version__, VERSI_DIDUKUNG)
        return False

    def _handle_clear_cache_request(self) -> None:
        _log.info("clear_cache dari klien (sesi %s) diabaikan", getattr(self, "id", "?"))

    AppSession._handle_clear_cache_request = _handle_clear_cache_request
    setattr(AppSession, _TANDA, True)
    return True
