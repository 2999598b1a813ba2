"""Unggahan hanya dari sesi yang boleh mengimpor.

Titik unggah Streamlit (PUT /_stcore/upload_file/<session_id>/<file_id>) menerima berkas dari
sesi mana pun yang sedang terhubung, walau halamannya tidak punya st.file_uploader: penonton
tanpa masuk dapat mengisi memori server. pasang() (app.py, awal setiap jalannya; sekali per
proses) membungkus dua titik di Streamlit 1.67, tanpa mengubah berkasnya:

- Runtime.is_active_session: dipanggil rute unggah SEBELUM isi permintaan dibaca. Sesi yang
  tidak boleh mengimpor dianggap bukan sesi aktif, jadi permintaannya ditolak (HTTP 400)
  tanpa satu bait pun dibaca ke memori. Di 1.67 fungsi ini hanya dipakai rute unggah.
- MemoryUploadedFileManager.add_file: pemeriksaan kedua tepat sebelum berkas disimpan
  (HTTP 403, tidak ada yang disimpan), untuk unggahan yang lolos pemeriksaan pertama lalu
  perannya dicabut selagi berkasnya dikirim.

Izin diperiksa di server seperti sesi.wajib: pengguna di session_state sesi itu, perannya dibaca
ulang dari berkas akses. Versi Streamlit lain: tidak dipasang, dan dicatat di log (tes
tests/test_serangan_klien_unggah.py gagal, sehingga pembungkusnya diperiksa ulang).
"""

from __future__ import annotations

import logging

import streamlit as st

from kinerja.akses import masuk, simpan
from kinerja.akses.peran import IMPOR, boleh
from kinerja.lokasi import lokasi_database
from kinerja.ui.versi_streamlit import VERSI_DIDUKUNG, didukung

_TANDA = "_kinerja_unggah_dijaga"
_SESI = "_sesi"  # kunci session_state kinerja.ui.sesi (pengguna yang masuk)
_log = logging.getLogger(__name__)


def _pengguna_sesi(runtime, session_id: str):
    info = runtime._session_mgr.get_active_session_info(session_id)
    if info is None:
        return None
    state = info.session.session_state
    if _SESI not in state:
        return None
    data = state[_SESI]
    return data.get("pengguna") if isinstance(data, dict) else None


def boleh_unggah(runtime, session_id: str) -> bool:
    """Sesi itu dipakai orang yang kini (menurut berkas akses) boleh mengimpor."""
    from kinerja.ui import admin

    try:
        p = _pengguna_sesi(runtime, session_id)
        if p is None:
            return False
        path = lokasi_database()
        segar = masuk.segarkan(path, p, admin.hash_sandi())
        terbuka = simpan.tampilan_terbuka(simpan.baca_pengaturan(path))
        return boleh(segar, IMPOR, tampilan_terbuka=terbuka)
    except Exception:  # noqa: BLE001 - ragu (berkas akses terkunci, sesi berakhir): tolak
        _log.exception("izin unggah sesi %s tidak dapat diperiksa; unggahan ditolak", session_id)
        return False


def pasang() -> bool:
    """Pasang pembungkus sekali per proses; False bila versi Streamlit tidak didukung."""
    from streamlit.runtime import Runtime
    from streamlit.runtime.memory_uploaded_file_manager import MemoryUploadedFileManager

    if not Runtime.exists():
        return False
    runtime = Runtime.instance()
    if getattr(runtime, _TANDA, False):
        return True
    mgr = runtime.uploaded_file_mgr
    if not didukung() or type(mgr) is not MemoryUploadedFileManager:
        _log.warning("Streamlit %s: penjaga unggahan tidak dipasang (diperiksa untuk %s)",
                     st.__version__, VERSI_DIDUKUNG)
        return False
    aktif_asli = runtime.is_active_session
    tambah_asli = mgr.add_file

    def is_active_session(session_id: str) -> bool:
        return aktif_asli(session_id) and boleh_unggah(runtime, session_id)

    def add_file(session_id: str, file) -> None:
        if not boleh_unggah(runtime, session_id):
            from starlette.exceptions import HTTPException
            raise HTTPException(status_code=403, detail="Unggahan hanya untuk yang boleh memuat data.")
        tambah_asli(session_id=session_id, file=file)

    runtime.is_active_session = is_active_session
    mgr.add_file = add_file
    setattr(runtime, _TANDA, True)
    return True
