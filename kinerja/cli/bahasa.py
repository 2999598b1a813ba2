"""Pesan argparse dalam bahasa Indonesia.

argparse memakai gettext untuk teks bawaannya; kita pasang terjemahan kecil
agar --help dan pesan kesalahan seluruhnya berbahasa Indonesia.
"""

from __future__ import annotations

import argparse

_TERJEMAHAN = {
    "usage: ": "Pemakaian: ",
    "positional arguments": "argumen posisi",
    "options": "pilihan",
    "show this help message and exit": "tampilkan bantuan ini lalu keluar",
    "the following arguments are required: %s": "argumen berikut wajib diisi: %s",
    "unrecognized arguments: %s": "argumen tidak dikenal: %s",
    "invalid choice: %(value)r (choose from %(choices)s)":
        "pilihan tidak sah: %(value)r (pilih dari %(choices)s)",
    "invalid %(type)s value: %(value)r": "nilai %(type)s tidak sah: %(value)r",
    "expected one argument": "memerlukan satu nilai",
    "argument %(argument_name)s: %(message)s": "argumen %(argument_name)s: %(message)s",
    "not allowed with argument %s": "tidak boleh bersama argumen %s",
    "%(prog)s: error: %(message)s\n": "%(prog)s: kesalahan: %(message)s\n",
    "ambiguous option: %(option)s could match %(matches)s":
        "pilihan ambigu: %(option)s bisa berarti %(matches)s",
}


def pasang() -> None:
    argparse._ = lambda teks: _TERJEMAHAN.get(teks, teks)  # type: ignore[attr-defined]
