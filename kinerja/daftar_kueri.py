"""Daftar kueri: setiap berkas queries/**/*.sql dibaca dan diperiksa sekali per proses.

Nama kueri adalah path berkas di bawah queries/ tanpa .sql ("peringkat_opd", "akses/skema").
Saat pertama dipakai (dan lewat periksa(), yang dipanggil app.py saat mulai) setiap berkas:
- dibaca sekali; teks, parameter dan jumlah pernyataannya disimpan;
- diurai DuckDB tanpa dijalankan (extract_statements pada koneksi :memory: kosong), sehingga
  berkas yang rusak dilaporkan saat aplikasi mulai, bukan di halaman yang memakainya;
- berisi tepat satu pernyataan, kecuali skrip yang terdaftar di SKRIP;
- parameternya ($nama) dibaca di luar komentar (-- dan /* */), literal string ('...',
  E'...', $$...$$) dan identifier berkutip ("..."), dan harus sama dengan yang dilihat
  pengurai DuckDB.
Semua masalah dilaporkan sekaligus dalam satu KueriRusak yang menyebut setiap berkas. Folder
queries/schema/ tidak termasuk: skema dijalankan kinerja.skema, bukan lewat nama kueri.
"""

from __future__ import annotations

import re
import threading
from dataclasses import dataclass
from pathlib import Path

import duckdb

from kinerja.basisdata.lokasi import FOLDER_KUERI, FOLDER_SKEMA

# Nama yang boleh dipanggil: tidak dapat keluar dari folder kueri (tanpa "..", "/" di awal).
_NAMA_KUERI = re.compile(r"^[a-z0-9_]+(/[a-z0-9_]+)?$")
# Parameter bernama; "$" di tengah identifier (a$b) bukan parameter, seperti bagi DuckDB.
_PARAMETER = re.compile(r"(?<![A-Za-z0-9_$])\$([A-Za-z_][A-Za-z0-9_]*)")
# Pembuka string berkutip dolar: $$ atau $tag$.
_DOLAR = re.compile(r"\$(?:[A-Za-z_][A-Za-z0-9_]*)?\$")
_HURUF_IDENTIFIER = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_$")

# Subfolder queries/ yang tidak dipanggil menurut nama (dijalankan kinerja.skema).
KECUALI = (FOLDER_SKEMA.relative_to(FOLDER_KUERI).as_posix(),)

# Skrip: beberapa pernyataan tanpa parameter, dijalankan utuh dengan
# con.execute(db.teks_kueri(nama)) (skema akses; tulis impor per tabel). kueri()/kueri_satu
# menolaknya; berkas lain wajib tepat satu pernyataan.
SKRIP = frozenset({
    "akses/skema",
    "impor/simpan_kendala",
    "impor/simpan_lra",
    "impor/simpan_opd",
    "impor/simpan_rak",
})


class KueriRusak(Exception):
    """Satu atau lebih berkas kueri tidak dapat dipakai; pesannya menyebut setiap berkas."""


@dataclass(frozen=True)
class Kueri:
    nama: str
    berkas: Path
    teks: str
    parameter: frozenset[str]
    jumlah_pernyataan: int


def _huruf_identifier(c: str) -> bool:
    return c != "" and c in _HURUF_IDENTIFIER


def _tanpa_komentar_literal(teks: str) -> str:
    """Teks dengan komentar, literal string dan identifier berkutip diganti satu spasi.

    Kutip ganda di dalam literal ('it''s', "a""b") tertangani dengan sendirinya: kutip
    pertama menutup, kutip kedua membuka literal baru. Komentar blok boleh bersarang, seperti
    bagi pengurai DuckDB. Literal yang tidak ditutup menelan sisa teks (pengurai menolaknya).
    """
    keluar: list[str] = []
    i, n = 0, len(teks)
    while i < n:
        c = teks[i]
        sebelum = teks[i - 1] if i else ""
        if teks.startswith("--", i):
            j = teks.find("\n", i)
            i = n if j < 0 else j
            keluar.append(" ")
        elif teks.startswith("/*", i):
            kedalaman, i = 1, i + 2
            while i < n and kedalaman:
                if teks.startswith("/*", i):
                    kedalaman, i = kedalaman + 1, i + 2
                elif teks.startswith("*/", i):
                    kedalaman, i = kedalaman - 1, i + 2
                else:
                    i += 1
            keluar.append(" ")
        elif c == "'" and sebelum in ("E", "e") and not _huruf_identifier(teks[i - 2] if i >= 2 else ""):
            # E'...': garis miring terbalik meloloskan karakter berikutnya (E'it\'s').
            i += 1
            while i < n and teks[i] != "'":
                i += 2 if teks[i] == "\\" else 1
            i += 1
            keluar.append(" ")
        elif c in "'\"":
            j = teks.find(c, i + 1)
            i = n if j < 0 else j + 1
            keluar.append(" ")
        elif c == "$" and not _huruf_identifier(sebelum) and (m := _DOLAR.match(teks, i)):
            j = teks.find(m.group(0), m.end())
            i = n if j < 0 else j + len(m.group(0))
            keluar.append(" ")
        else:
            keluar.append(c)
            i += 1
    return "".join(keluar)


def parameter_teks(teks: str) -> frozenset[str]:
    """Nama $parameter dalam teks SQL, di luar komentar, literal string dan identifier berkutip."""
    return frozenset(_PARAMETER.findall(_tanpa_komentar_literal(teks)))


class DaftarKueri:
    """Kueri satu folder, dibaca dan diperiksa sekali (aman dipanggil dari banyak utas)."""

    def __init__(self, folder: Path, skrip: frozenset[str] = frozenset(), kecuali: tuple[str, ...] = KECUALI):
        self.folder = Path(folder)
        self.skrip = skrip
        self.kecuali = kecuali
        self._isi: dict[str, Kueri] | None = None
        self._kunci = threading.Lock()

    def _berkas(self) -> list[Path]:
        return sorted(p for p in self.folder.rglob("*.sql")
                      if not any(p.relative_to(self.folder).as_posix().startswith(f"{k}/") for k in self.kecuali))

    def _baca(self) -> dict[str, Kueri]:
        isi: dict[str, Kueri] = {}
        masalah: list[str] = []
        ditemukan: set[str] = set()
        pengurai = duckdb.connect(":memory:")
        try:
            for berkas in self._berkas():
                nama = berkas.relative_to(self.folder).with_suffix("").as_posix()
                tampil = f"{self.folder.name}/{nama}.sql"
                ditemukan.add(nama)
                if not _NAMA_KUERI.match(nama):
                    masalah.append(f"{tampil}: nama berkas tidak dapat dipanggil (hanya huruf kecil, angka dan "
                                   "garis bawah, paling dalam satu subfolder)")
                    continue
                try:
                    teks = berkas.read_text(encoding="utf-8")
                except (OSError, UnicodeDecodeError) as e:
                    masalah.append(f"{tampil}: tidak dapat dibaca sebagai UTF-8 ({e})")
                    continue
                try:
                    pernyataan = pengurai.extract_statements(teks)
                except duckdb.Error as e:
                    masalah.append(f"{tampil}: tidak dapat diurai DuckDB: {e}")
                    continue
                jumlah = len(pernyataan)
                if jumlah == 0:
                    masalah.append(f"{tampil}: tidak berisi pernyataan SQL")
                    continue
                if jumlah > 1 and nama not in self.skrip:
                    masalah.append(f"{tampil}: berisi {jumlah} pernyataan; satu berkas satu kueri (skrip beberapa "
                                   "pernyataan didaftarkan di kinerja.daftar_kueri.SKRIP)")
                    continue
                parameter = parameter_teks(teks)
                menurut_duckdb = frozenset().union(*(p.named_parameters for p in pernyataan))
                if parameter != menurut_duckdb:
                    masalah.append(f"{tampil}: parameter terbaca {sorted(parameter)} berbeda dari menurut "
                                   f"pengurai DuckDB {sorted(menurut_duckdb)}")
                    continue
                isi[nama] = Kueri(nama, berkas, teks, parameter, jumlah)
        finally:
            pengurai.close()
        for nama in sorted(self.skrip - ditemukan):
            masalah.append(f"{self.folder.name}/{nama}.sql: terdaftar sebagai skrip di SKRIP tetapi tidak ada")
        if masalah:
            raise KueriRusak(f"Berkas kueri di {self.folder} tidak dapat dipakai; perbaiki lalu mulai ulang "
                             "aplikasi:\n" + "\n".join(f"- {m}" for m in masalah))
        return isi

    def muat(self) -> dict[str, Kueri]:
        """Semua kueri, dibaca dan diperiksa pada panggilan pertama. Bila ada berkas yang rusak,
        KueriRusak dan tidak ada yang disimpan: panggilan berikutnya membaca dan memeriksa lagi."""
        if self._isi is None:
            with self._kunci:
                if self._isi is None:
                    self._isi = self._baca()
        return self._isi

    def ambil(self, nama: str) -> Kueri:
        if not _NAMA_KUERI.match(nama):
            raise ValueError(f"Nama kueri tidak sah: {nama!r}")
        try:
            return self.muat()[nama]
        except KeyError:
            raise FileNotFoundError(f"Kueri {nama!r} tidak ada: {self.folder / f'{nama}.sql'}") from None

    def nama(self) -> list[str]:
        return sorted(self.muat())


_BAWAAN = DaftarKueri(FOLDER_KUERI, skrip=SKRIP)


def periksa() -> int:
    """Baca dan periksa semua berkas queries/ sekarang (dipanggil saat aplikasi mulai); jumlah
    kueri. KueriRusak menyebut setiap berkas yang tidak dapat dipakai."""
    return len(_BAWAAN.muat())


def ambil(nama: str) -> Kueri:
    """Kueri bernama dari queries/; ValueError bila nama tidak sah, FileNotFoundError bila tidak ada."""
    return _BAWAAN.ambil(nama)


def semua_nama() -> list[str]:
    return _BAWAAN.nama()
