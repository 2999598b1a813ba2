"""Widget terikat URL: nilai dibaca dari st.query_params pada kunjungan pertama,
diperiksa terhadap nilai yang sah, disimpan di st.session_state, lalu ditulis kembali
ke URL saat berubah (kunci dihapus dari URL bila nilainya bawaan), sehingga tautan
yang disalin mereproduksi tampilan.

Nilai URL bisa dibuat siapa saja: nilai yang tidak sah tidak pernah menjadi galat,
melainkan kembali ke bawaan; pemanggil memutuskan pemberitahuannya lewat `catat`
(pesan standar: `pesan_tidak_dikenal`, sudah di-escape untuk markdown)."""

from __future__ import annotations

from collections.abc import Callable, Container, Iterable, Mapping, Sequence
from typing import Any

import streamlit as st

from kinerja import format as fmt

# catat(teks mentah dari URL, nilai yang dipakai sebagai gantinya)
Catat = Callable[[str, Any], None]
# urai(teks mentah dari URL) -> (nilai yang dipakai, sah)
Urai = Callable[[str], tuple[Any, bool]]

_TIDAK_DIBERI = object()


def pesan_tidak_dikenal(nama: str, mentah, dipakai: str, batas: int | None = 40) -> str:
    """Pesan standar untuk nilai tautan yang tidak dikenal; teks mentah dipotong `batas`
    huruf (None: utuh) dan di-escape sebelum masuk markdown (st.toast)."""
    return (f"Nilai {nama}='{fmt.markdown_aman(str(mentah)[:batas])}' pada tautan tidak dikenal; "
            f"dipakai {dipakai}.")


def toast(pesan: str) -> None:
    """Pemberitahuan singkat untuk nilai tautan yang tidak sah."""
    st.toast(pesan, icon="⚠️", duration="long")   # 10 detik: terbaca walau halaman lambat


def _urai_pilihan(pilihan: Container, bawaan, ubah: Callable[[str], Any]) -> Urai:
    def urai(mentah: str) -> tuple[Any, bool]:
        try:
            nilai = ubah(mentah)
        except (TypeError, ValueError):
            return bawaan, False
        return (nilai, True) if nilai in pilihan else (bawaan, False)
    return urai


def dari_url(nama: str, bawaan, *, pilihan: Container | None = None, ubah: Callable[[str], Any] = str,
             urai: Urai | None = None, catat: Catat | None = None, tanpa_url=_TIDAK_DIBERI):
    """Nilai parameter URL `nama` bila sah.

    Tanpa parameter itu di URL: `tanpa_url` (mis. nilai terakhir dilihat), atau `bawaan`.
    Dengan parameter: `ubah(mentah)` bila hasilnya termasuk `pilihan`, selain itu `bawaan`;
    atau, bila `urai` diberikan, nilai yang dikembalikannya (mis. nomor yang dijepit).
    Nilai yang tidak sah dilaporkan lewat `catat(mentah, nilai_yang_dipakai)`."""
    mentah = st.query_params.get(nama)
    if mentah is None:
        return bawaan if tanpa_url is _TIDAK_DIBERI else tanpa_url
    if urai is None:
        if pilihan is None:
            raise TypeError("dari_url memerlukan pilihan atau urai")
        urai = _urai_pilihan(pilihan, bawaan, ubah)
    nilai, sah = urai(mentah)
    if not sah and catat is not None:
        catat(mentah, nilai)
    return nilai


def siapkan(kunci: str, nama: str, bawaan, *, pilihan: Container | None = None, ubah: Callable[[str], Any] = str,
            urai: Urai | None = None, catat: Catat | None = None, penanda: str | None = None):
    """Nilai widget `kunci` di session_state, diisi dari parameter URL `nama` pada kunjungan
    pertama (lihat `dari_url`), lalu dijaga tetap sah: nilai sesi di luar `pilihan` (mis.
    tahun yang tidak ada untuk pemda lain) kembali ke `bawaan` tanpa membaca URL lagi.

    `penanda`: kunci session_state berisi nilai URL yang terakhir ditulis halaman; bila URL
    sekarang berbeda (tautan diubah selagi sesi hidup), URL dibaca ulang."""
    ss = st.session_state
    if kunci not in ss or (penanda is not None and ss.get(penanda) != st.query_params.get(nama)):
        ss[kunci] = dari_url(nama, bawaan, pilihan=pilihan, ubah=ubah, urai=urai, catat=catat)
    elif pilihan is not None and ss[kunci] not in pilihan:
        ss[kunci] = bawaan
    return ss[kunci]


def siapkan_banyak(kunci: str, nama: str, pilihan: Container, *,
                   catat: Callable[[str], None] | None = None) -> list:
    """Widget bernilai banyak (multiselect) terikat ke parameter URL berulang (?opd=a&opd=b):
    kunjungan pertama mengambil nilai URL yang sah (urutan tetap), setiap yang tidak sah
    dilaporkan lewat `catat(mentah)`; sesudahnya nilai sesi disaring ke `pilihan`."""
    ss = st.session_state
    if kunci not in ss:
        dari = st.query_params.get_all(nama)
        for k in dari:
            if k not in pilihan and catat is not None:
                catat(k)
        ss[kunci] = [k for k in dari if k in pilihan]
    else:
        ss[kunci] = [k for k in ss[kunci] if k in pilihan]
    return ss[kunci]


def tulis(nilai: Mapping[str, str | Sequence[str] | None]) -> None:
    """Tulis nilai ke URL hanya bila berbeda: None menghapus kuncinya (nilai bawaan tidak
    ditulis), daftar/tuple menjadi parameter berulang, selain itu teks."""
    qp = st.query_params
    for k, v in nilai.items():
        if v is None:
            if k in qp:
                del qp[k]
        elif isinstance(v, (list, tuple)):
            if list(v) != qp.get_all(k):
                qp[k] = list(v)
        elif qp.get(k) != v:
            qp[k] = v


def salin(tunggal: Iterable[str], banyak: Iterable[str] = ()) -> dict[str, str | list[str]]:
    """Parameter URL yang sedang terpasang, untuk dibawa ke halaman lain (st.switch_page):
    hanya kunci yang ada; kunci `banyak` sebagai daftar."""
    qp = st.query_params
    hasil: dict[str, str | list[str]] = {k: qp[k] for k in tunggal if k in qp}
    for k in banyak:
        if semua := qp.get_all(k):
            hasil[k] = semua
    return hasil
