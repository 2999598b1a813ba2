"""Unduhan yang gagal dibuat berpesan Indonesia di bawah tombolnya.

Tombol unduh dengan fungsi data (st.download_button(data=callable)) menjalankan fungsi
itu saat ditekan, lewat DeferredFileHandler Streamlit. Bila fungsi itu melempar galat,
Streamlit 1.67 mencatatnya lalu mengirim "Failed to generate file for download" ke
peramban, yang menampilkannya di bawah tombol. Pembungkus ini mengirim pesan Indonesia:
alasan penolakan izin apa adanya (sesi.TidakBerhak), selain itu pesan umum; rinciannya
tetap di log server. Hanya untuk versi Streamlit yang diperiksa (kinerja.ui.versi_streamlit).
"""

from __future__ import annotations

import asyncio
import logging

import streamlit as st

from kinerja.ui.versi_streamlit import VERSI_DIDUKUNG, didukung

PESAN_UMUM = ("Berkas unduhan tidak dapat dibuat. Coba lagi; bila tetap gagal, beri tahu administrator "
              "(rinciannya tercatat di log server).")
_TANDA = "_kinerja_unduhan_berpesan"
_log = logging.getLogger(__name__)


def pesan_galat(e: BaseException) -> str:
    """Teks untuk pengguna: alasan penolakan izin apa adanya, galat lain tanpa rincian teknis."""
    from kinerja.ui.sesi import TidakBerhak

    return str(e) if isinstance(e, TidakBerhak) else PESAN_UMUM


def pasang() -> bool:
    """Sekali per proses; False bila versi Streamlit tidak didukung (dicatat di log)."""
    from streamlit.proto.ForwardMsg_pb2 import BackendOperationResponse, DeferredFileResponsePayload
    from streamlit.runtime.backend_operation_handler import DeferredFileHandler

    if getattr(DeferredFileHandler, _TANDA, False):
        return True
    if not didukung():
        _log.warning("Streamlit %s: pesan galat unduhan tetap bawaan (diperiksa untuk %s)",
                     st.__version__, VERSI_DIDUKUNG)
        return False

    async def handle(self, request, session_id):  # noqa: ARG001 - tanda tangan Streamlit
        file_id = request.deferred_file.file_id
        try:
            url = await asyncio.to_thread(self._get_media_file_mgr().execute_deferred, file_id)
            return BackendOperationResponse(request_id=request.request_id,
                                            deferred_file=DeferredFileResponsePayload(url=url))
        except Exception as e:  # noqa: BLE001 - apa pun galatnya, pengguna mendapat pesan
            _log.exception("berkas unduhan %s tidak dapat dibuat", file_id)
            return BackendOperationResponse(request_id=request.request_id, error_msg=pesan_galat(e))

    DeferredFileHandler.handle = handle
    setattr(DeferredFileHandler, _TANDA, True)
    return True
