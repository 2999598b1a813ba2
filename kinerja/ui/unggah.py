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

Pengunggah Kelola Data (pengunggah(), pesan_jenis_ditolak): jenis berkas yang diterima (AKHIRAN)
diperiksa di server dengan pesan Indonesia, bukan oleh klien Streamlit (type=), yang menolak
dengan pesan Inggris. Teks Inggris lain yang dibuat klien Streamlit 1.67 di dalam pengunggah
(pesan galat berkas, label tombol hapus/tambah untuk pembaca layar, ukuran "53.5MB") diganti
teks Indonesia oleh penerjemah bersama (kinerja.ui.bahasa, dengan aturan_bahasa di sini); teks tampak
yang tetap ("Upload", "50MB per file") juga diganti CSS (kinerja.ui.tema.css_pengunggah), yang berlaku
sebelum penerjemahnya siap.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from pathlib import PurePath

import streamlit as st

from kinerja.akses import masuk, simpan
from kinerja.akses.peran import IMPOR, boleh
from kinerja.basisdata.lokasi import batas_unggah_mb, lokasi_database
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


# ---- pengunggah Kelola Data ---------------------------------------------------------------

AKHIRAN = ("xlsx", "csv")  # jenis berkas yang diterima unggahan Kelola Data (satu tempat)


def nama_jenis() -> str:
    """'XLSX atau CSV': jenis yang diterima, untuk teks pengunggah dan pesan."""
    besar = [a.upper() for a in AKHIRAN]
    return besar[0] if len(besar) == 1 else ", ".join(besar[:-1]) + " atau " + besar[-1]


def pesan_jenis_ditolak(nama: Iterable[str]) -> str | None:
    """Pesan yang menyebut setiap berkas yang akhirannya bukan AKHIRAN (huruf besar/kecil sama
    saja), atau None bila semuanya diterima. Teks biasa: escape markdown di halaman."""
    ditolak = [n for n in nama if PurePath(n).suffix.lower().lstrip(".") not in AKHIRAN]
    if not ditolak:
        return None
    jenis = nama_jenis()
    kata = "Berkas ini" if len(ditolak) == 1 else f"{len(ditolak)} berkas ini"
    return (f"{kata} tidak dapat dimuat: {', '.join(ditolak)}. Hanya berkas {jenis} (templat impor atau "
            "ekspor SIPD) yang diterima. Hapus berkas itu dari daftar unggahan (tombol × di sampingnya), "
            f"lalu unggah berkas {jenis}.")


def teks_pengunggah() -> dict[str, str]:
    """Teks Indonesia pengunggah (komponen di sini, CSS kinerja.ui.tema); batasnya dari
    server.maxUploadSize (kinerja.basisdata.lokasi.batas_unggah_mb), jenisnya dari AKHIRAN."""
    batas = batas_unggah_mb()
    return {
        "pilih": "Pilih berkas",
        "petunjuk": f"Maks. {batas} MB per berkas · {nama_jenis()}",
        "lepas": "Lepaskan berkas di sini",
        "ditolak": f"Berkas bertanda merah tidak diterima (batasnya {batas} MB per berkas, atau gagal "
                   "dikirim): arahkan penunjuk ke berkasnya untuk alasannya, lalu hapus berkas itu.",
        "galat": "Galat:",
        "terlalu_besar": f"Berkas terlalu besar: batasnya {batas} MB per berkas. Pecah per tahun atau "
                         "per OPD, lalu unggah lagi.",
        "jenis_ditolak": f"Jenis berkas ini tidak diterima; unggah berkas {nama_jenis()}.",
        "terlalu_kecil": "Berkas terlalu kecil.",
        "satu_berkas": "Hanya satu berkas yang dapat diunggah.",
        "gagal_kirim": "Berkas gagal dikirim ke server. Hapus berkas ini lalu unggah lagi; bila tetap "
                       "gagal, muat ulang halaman dan masuk lagi.",
        "hapus": "Hapus",
        "batal": "Batalkan unggahan",
        "ulang": "Klik untuk mengunggah ulang",
        "tambah": "Tambah berkas",
        "input": "Unggah berkas",
        "ikon": "ikon",
    }


# Teks Inggris klien Streamlit 1.67 di pengunggah (static/js FileUploader.*.js dan utils.*.js, dibaca
# tests/test_unggah_teks.py), sebagai aturan penerjemah bersama (kinerja.ui.bahasa): hanya di dalam
# [data-testid=stFileUploader] dan tooltip galat yang ditunjuk chip berkasnya (tooltip-nya dipasang
# di <body>). Nama berkas dan label tidak disentuh. "Remove X" dan "Cancel upload of X" (tombol hapus
# chip) diganti pola umum kinerja.ui.bahasa.POLA.
PENGUNGGAH = '[data-testid="stFileUploader"]'
_UKURAN = "B|KB|MB|GB|TB|PB"
# Ukuran berkas (chip dan aria-label-nya): '53.5MB' -> '53,5 MB'; '26.0B' -> '26 B'.
_POLA_UKURAN = [[r"^(\d+)(?:\.\d+)?B$", "$1 B"], [rf"^(\d+)\.(\d+)({_UKURAN})$", "$1,$2 $3"],
                [rf"^(\d+)({_UKURAN})$", "$1 $2"]]
_POLA_UKURAN_LABEL = [[r"^(.*), (\d+)(?:\.\d+)?B$", "$1, $2 B"],
                      [rf"^(.*), (\d+)\.(\d+)({_UKURAN})$", "$1, $2,$3 $4"],
                      [rf"^(.*), (\d+)({_UKURAN})$", "$1, $2 $3"]]


def aturan_bahasa() -> list[dict]:
    """Aturan pengunggah untuk penerjemah bersama (bentuknya: kinerja.ui.bahasa.aturan)."""
    t = teks_pengunggah()
    # Pesan galat satu berkas: beberapa pesan klien digabung dengan spasi; yang lain (galat jaringan,
    # 'AxiosError: Request failed with status code 400', 'Upload failed') = gagal dikirim.
    pesan = [[r"must be .* or smaller\.", t["terlalu_besar"]], [r"files are not allowed\.", t["jenis_ditolak"]],
             [r"File size is too small\.", t["terlalu_kecil"]], [r"Only one file is allowed\.", t["satu_berkas"]]]
    tetap = {"Upload": t["pilih"], "Upload directories": t["pilih"], "Drag and drop files here": t["lepas"],
             "Drag and drop a file here": t["lepas"], "Drag and drop directories here": t["lepas"],
             "Add files": t["tambah"], "file upload": t["input"]}
    petunjuk = [[r"^\d+(?:\.\d+)?\s?(?:B|KB|MB|GB|TB) per file(?: \u2022 .*)?$", t["petunjuk"]],
                [r"^[a-z_]+ icon$", t["ikon"]]]
    data = '[data-testid="stFileChipName"], [data-testid="stWidgetLabel"]'
    chip = '[data-testid="stFileChip"]'

    def a(untuk, teks=None, pola=(), lain=None, di=PENGUNGGAH, tooltip_dari=None, kecuali=None):
        return {"di": di, "tooltip_dari": tooltip_dari, "untuk": untuk, "teks": teks or {}, "pola": list(pola),
                "lain": lain, "kecuali": kecuali}

    return [
        a(["teks"], {"Error:": t["galat"]}, pesan, t["gagal_kirim"], di=f"{chip} [role=\"alert\"]"),
        a(["teks"], pola=pesan, lain=t["gagal_kirim"], di=None,
          tooltip_dari=f'{PENGUNGGAH} [data-testid="stTooltipErrorHoverTarget"]'),
        a(["teks"], pola=_POLA_UKURAN, di=chip, kecuali=data),
        # Hanya chip itu sendiri (bukan tombol hapus di dalamnya): "nama, ukuran" dan judul kirim ulang.
        a(["aria-label", "title"], {"Click to retry upload": t["ulang"]}, _POLA_UKURAN_LABEL, di=chip,
          kecuali=f"{chip} *"),
        a(["teks", "aria-label"], tetap, petunjuk, kecuali=data),
    ]


def pengunggah(label: str, *, key: str):
    """st.file_uploader Kelola Data (beberapa berkas, batas dari server.maxUploadSize) dengan teks
    Indonesia (penerjemah bersama kinerja.ui.bahasa, aturan_bahasa di sini). Tanpa type=: klien tidak
    menolak jenis berkas (pesannya Inggris); periksa hasilnya dengan pesan_jenis_ditolak. Daftar
    UploadedFile (kosong bila belum ada)."""
    return st.file_uploader(label, accept_multiple_files=True, key=key,
                            max_upload_size=batas_unggah_mb()) or []
