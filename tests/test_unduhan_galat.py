"""Unduhan yang gagal dibuat: peramban mendapat pesan Indonesia, bukan
"Failed to generate file for download" (kinerja.ui.unduhan_galat)."""

from __future__ import annotations

import asyncio

import pytest
from streamlit.proto.BackMsg_pb2 import BackendOperationRequest
from streamlit.runtime.backend_operation_handler import DeferredFileHandler

from kinerja.ui import unduhan_galat
from kinerja.ui.sesi import TidakBerhak


class _Pengelola:
    def __init__(self, hasil):
        self.hasil = hasil

    def execute_deferred(self, file_id):
        assert file_id == "berkas-1"
        if isinstance(self.hasil, BaseException):
            raise self.hasil
        return self.hasil


def _minta(hasil):
    assert unduhan_galat.pasang()
    req = BackendOperationRequest(request_id="r1")
    req.deferred_file.file_id = "berkas-1"
    return asyncio.run(DeferredFileHandler(lambda: _Pengelola(hasil)).handle(req, "sesi-1"))


def test_berhasil_tetap_mengirim_alamat():
    jawab = _minta("/media/abc.pdf")
    assert jawab.deferred_file.url == "/media/abc.pdf" and not jawab.error_msg


def test_ditolak_izin_menyebut_alasannya():
    jawab = _minta(TidakBerhak("Anda tidak berhak mengunduh bahan rapat: masuk lebih dulu."))
    assert jawab.error_msg == "Anda tidak berhak mengunduh bahan rapat: masuk lebih dulu."


@pytest.mark.parametrize("galat", [ValueError("The row is too high"), OSError(28, "No space left on device")])
def test_galat_lain_pesan_umum_indonesia(galat):
    jawab = _minta(galat)
    assert jawab.error_msg.startswith("Berkas unduhan tidak dapat dibuat.")
    assert "row is too high" not in jawab.error_msg and "Failed" not in jawab.error_msg
