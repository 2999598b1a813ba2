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
teks Indonesia oleh komponen kecil (_JS_PENGUNGGAH); teks tampak yang tetap ("Upload", "50MB per
file") juga diganti CSS (kinerja.ui.tema.css_pengunggah), yang berlaku sebelum komponen siap.
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


# Teks Inggris klien Streamlit 1.67 di pengunggah (static/js FileUploader.*.js dan utils.*.js,
# dibaca tests/test_unggah_teks.py). Diganti di tempatnya saja: teks dan atribut di dalam
# [data-testid=stFileUploader] dan tooltip galat yang ditunjuk chip berkasnya (aria-describedby;
# tooltip-nya dipasang di <body>). Nama berkas dan label tidak disentuh. Hasil terjemahan tidak
# cocok lagi dengan pola Inggris mana pun, jadi perubahan oleh pengamat sendiri berhenti di situ.
_JS_PENGUNGGAH = r"""
export default function(component) {
  const t = component.data;
  const dikenal = new Set([t.terlalu_besar, t.jenis_ditolak, t.terlalu_kecil, t.satu_berkas, t.gagal_kirim]);
  const UKURAN = /^(\d+(?:\.\d+)?)(B|KB|MB|GB|TB|PB)$/;
  const ukuran = (s) => {             // '53.5MB' -> '53,5 MB'; '26.0B' -> '26 B'
    const m = UKURAN.exec(s);
    if (!m) return null;
    return (m[2] === 'B' ? String(Math.round(Number(m[1]))) : m[1].replace('.', ',')) + ' ' + m[2];
  };
  // Pesan galat satu berkas: beberapa pesan klien digabung dengan spasi; yang lain (galat jaringan,
  // 'AxiosError: Request failed with status code 400', 'Upload failed') = gagal dikirim.
  const pesan = (s) => {
    if (dikenal.has(s)) return null;
    if (/must be .* or smaller\./.test(s)) return t.terlalu_besar;
    if (/files are not allowed\./.test(s)) return t.jenis_ditolak;
    if (/File size is too small\./.test(s)) return t.terlalu_kecil;
    if (/Only one file is allowed\./.test(s)) return t.satu_berkas;
    return t.gagal_kirim;
  };
  const TETAP = {
    'Upload': t.pilih, 'Upload directories': t.pilih, 'Drag and drop files here': t.lepas,
    'Drag and drop a file here': t.lepas, 'Drag and drop directories here': t.lepas,
  };
  const PETUNJUK = /^\d+(?:\.\d+)?\s?(?:B|KB|MB|GB|TB) per file(?: \u2022 .*)?$/;
  const teksTetap = (s) => {
    if (s in TETAP) return TETAP[s];
    if (PETUNJUK.test(s)) return t.petunjuk;
    if (/^[a-z_]+ icon$/.test(s)) return t.ikon;
    return null;
  };
  const ganti = (n, f) => {            // simpan spasi di tepi node teks (mis. 'Error: ')
    const v = n.nodeValue, s = v.trim();
    if (!s) return;
    const baru = f(s);
    if (baru !== null && baru !== s) n.nodeValue = v.slice(0, v.indexOf(s)) + baru + v.slice(v.indexOf(s) + s.length);
  };
  const teks = (akar) => {
    const hasil = [], w = document.createTreeWalker(akar, NodeFilter.SHOW_TEXT);
    for (let n = w.nextNode(); n; n = w.nextNode()) hasil.push(n);
    return hasil;
  };
  const atribut = (el, nama, f) => {
    const v = el.getAttribute(nama);
    if (v === null) return;
    const baru = f(v);
    if (baru !== null && baru !== v) el.setAttribute(nama, baru);
  };
  const terjemahkan = () => {
    for (const akar of document.querySelectorAll('[data-testid="stFileUploader"]')) {
      for (const n of teks(akar)) {
        const el = n.parentElement;
        if (!el || el.closest('[data-testid="stFileChipName"], [data-testid="stWidgetLabel"]')) continue;
        if (el.closest('[data-testid="stFileChip"] [role="alert"]'))
          ganti(n, (s) => s === 'Error:' ? t.galat : s === t.galat ? null : pesan(s));
        else if (el.closest('[data-testid="stFileChip"]')) ganti(n, (s) => ukuran(s) ?? teksTetap(s));
        else ganti(n, teksTetap);
      }
      for (const el of akar.querySelectorAll('[aria-label], [title]')) {
        if (el.matches('[data-testid="stFileChip"]')) {
          atribut(el, 'aria-label', (v) => {
            const i = v.lastIndexOf(', '), u = i < 0 ? null : ukuran(v.slice(i + 2));
            return u === null ? null : v.slice(0, i + 2) + u;
          });
          atribut(el, 'title', (v) => v === 'Click to retry upload' ? t.ulang : null);
        } else if (el.closest('[data-testid="stFileChipDeleteBtn"]')) {
          atribut(el, 'aria-label', (v) => v.startsWith('Remove ') ? t.hapus + ' ' + v.slice(7)
            : v.startsWith('Cancel upload of ') ? t.batal + ' ' + v.slice(17) : null);
        } else {
          atribut(el, 'aria-label', (v) => v === 'Add files' ? t.tambah : v === 'file upload' ? t.input : null);
        }
      }
      for (const el of akar.querySelectorAll('[data-testid="stTooltipErrorHoverTarget"][aria-describedby]')) {
        const tip = document.getElementById(el.getAttribute('aria-describedby'));
        if (tip) for (const n of teks(tip)) ganti(n, pesan);
      }
    }
  };
  terjemahkan();
  const pengamat = new MutationObserver(terjemahkan);
  pengamat.observe(document.body, {subtree: true, childList: true, characterData: true, attributes: true,
                                   attributeFilter: ['aria-label', 'title', 'aria-describedby']});
  return () => pengamat.disconnect();
}
"""

_komponen_pengunggah = st.components.v2.component("kinerja_pengunggah_indonesia", js=_JS_PENGUNGGAH)


def pengunggah(label: str, *, key: str):
    """st.file_uploader Kelola Data (beberapa berkas, batas dari server.maxUploadSize) dengan teks
    Indonesia. Tanpa type=: klien tidak menolak jenis berkas (pesannya Inggris); periksa hasilnya
    dengan pesan_jenis_ditolak. Daftar UploadedFile (kosong bila belum ada)."""
    with st.container(key=f"{key}_teks"):
        st.html(f"<style>.st-key-{key}_teks {{display: none !important;}}</style>")
        _komponen_pengunggah(key=f"{key}_teks_komponen", data=teks_pengunggah())
    return st.file_uploader(label, accept_multiple_files=True, key=key,
                            max_upload_size=batas_unggah_mb()) or []
