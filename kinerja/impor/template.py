"""Templat impor Dasbor Kinerja OPD: satu lembar per tabel.

Lembar (atau berkas CSV bernama sama): pemda, opd, indikator, capaian, anggaran,
kendala. Data demo dimuat lewat jalur yang sama. Validasi mengumpulkan semua
masalah lebih dulu; bila ada satu saja, tidak ada yang dimuat.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Callable

import pandas as pd

from kinerja import format as fmt
from kinerja.angka import AngkaTidakSah, baca_angka
from kinerja.impor.masalah import Masalah
from kinerja.kode import bidang_dari_kode_opd, kode_opd_sah

TAHUN_MIN = 2000


def tahun_maks() -> int:
    return date.today().year + 1


@dataclass(frozen=True)
class Kolom:
    nama: str
    jenis: str          # teks | angka | bulat | pilihan | boolean
    wajib: bool = True
    pilihan: tuple[str, ...] = ()
    rentang: tuple[float, float] | None = None
    keterangan: str = ""


def _k(nama, jenis="teks", wajib=True, **kw) -> Kolom:
    return Kolom(nama, jenis, wajib, **kw)


# Urutan lembar = urutan muat (dimensi sebelum fakta).
LEMBAR: dict[str, list[Kolom]] = {
    "pemda": [
        _k("kode_pemda", keterangan="kode wilayah pemda"),
        _k("nama_pemda"),
        _k("keterangan", wajib=False),
    ],
    "opd": [
        _k("kode_pemda", wajib=False),
        _k("kode_opd", keterangan="kode SIPD, mis. 2.16.2.20.2.21.01.0000"),
        _k("nama_opd"),
        _k("singkatan", wajib=False),
    ],
    "indikator": [
        _k("kode_pemda", wajib=False),
        _k("indikator_id"),
        _k("kode_opd"),
        _k("indikator"),
        _k("satuan", wajib=False),
        _k("polaritas", "pilihan", pilihan=("naik", "turun", "rentang")),
        _k("agregasi", "pilihan", wajib=False, pilihan=("jumlah", "terakhir")),
        _k("tingkat", "pilihan", wajib=False, pilihan=("IKU", "program", "kegiatan")),
        _k("rentang_atas_baik", "boolean", wajib=False),
    ],
    "capaian": [
        _k("kode_pemda", wajib=False),
        _k("indikator_id"),
        _k("tahun", "bulat"),
        _k("triwulan", "bulat", rentang=(1, 4)),
        _k("target", "angka", wajib=False),
        _k("target_atas", "angka", wajib=False),
        _k("realisasi", "angka", wajib=False),
    ],
    "anggaran": [
        _k("kode_pemda", wajib=False),
        _k("kode_opd"),
        _k("tahun", "bulat"),
        _k("bulan", "bulat", rentang=(1, 12)),
        _k("pagu", "angka", rentang=(0, float("inf"))),
        _k("rak_kumulatif", "angka", wajib=False, rentang=(0, float("inf"))),
        _k("realisasi_kumulatif", "angka", wajib=False, rentang=(0, float("inf"))),
        _k("realisasi_fisik", "angka", wajib=False, rentang=(0, 100)),
    ],
    "kendala": [
        _k("kode_pemda", wajib=False),
        _k("kode_opd"),
        _k("tahun", "bulat"),
        _k("triwulan", "bulat", rentang=(1, 4)),
        _k("kendala"),
        _k("tindak_lanjut", wajib=False),
    ],
}

KUNCI: dict[str, list[str]] = {
    "pemda": ["kode_pemda"],
    "opd": ["kode_pemda", "kode_opd"],
    "indikator": ["kode_pemda", "indikator_id"],
    "capaian": ["kode_pemda", "indikator_id", "tahun", "triwulan"],
    "anggaran": ["kode_pemda", "kode_opd", "tahun", "bulan"],
    "kendala": [],  # boleh lebih dari satu kendala per OPD dan periode
}

# Karakter kendali (U+0000-U+001F, U+007F-U+009F) kecuali tab dan baris baru: tidak pernah
# bermakna di data kinerja, merusak tampilan, PDF dan ekspor; NUL memotong teks di banyak alat.
_KENDALI = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def karakter_kendali(teks: str) -> str | None:
    """Pesan bila teks memuat karakter kendali selain tab dan baris baru, selain itu None."""
    m = _KENDALI.search(teks)
    if m is None:
        return None
    return (f"berisi karakter kendali U+{ord(m.group()):04X} di posisi {m.start() + 1}; "
            "hapus karakter itu (sering terbawa dari salinan sistem lain) lalu simpan ulang")


def kutip_kendali(teks: str, maks: int = 80) -> str:
    """Teks berkarakter kendali untuk dikutip di pesan: karakter itu ditulis sebagai kode
    (\\x9f), tidak ikut ke terminal atau halaman."""
    return repr(teks)[1:-1][:maks]


# Panjang teks terpanjang per jenis kolom (karakter). Teks tanpa batas memenuhi judul Profil
# OPD dan membuat PDF gagal ("The row is too high"); batas ini jauh di atas isi yang wajar:
# kode SIPD terpanjang 22 karakter, nama OPD terpanjang sekitar 120, kendala satu paragraf.
BATAS_PANJANG: dict[str, int] = {
    "kode": 50,           # kode_pemda, kode_opd, indikator_id
    "nama": 300,          # nama_pemda, nama_opd, indikator
    "singkatan": 30,      # label grafik
    "satuan": 50,
    "teks_panjang": 4000,  # kendala, tindak_lanjut, keterangan
    "uraian": 1000,       # uraian program/kegiatan/sub kegiatan SIPD (nomenklatur terpanjang ~300)
}
JENIS_PANJANG: dict[str, str] = {
    "kode_pemda": "kode", "kode_opd": "kode", "indikator_id": "kode",
    "nama_pemda": "nama", "nama_opd": "nama", "indikator": "nama",
    "singkatan": "singkatan", "satuan": "satuan",
    "kendala": "teks_panjang", "tindak_lanjut": "teks_panjang", "keterangan": "teks_panjang",
    "uraian": "uraian",
}


def terlalu_panjang(kolom: str, teks: str) -> str | None:
    """Pesan bila teks melebihi BATAS_PANJANG untuk jenis kolomnya, selain itu None."""
    jenis = JENIS_PANJANG.get(kolom)
    if jenis is None or len(teks) <= BATAS_PANJANG[jenis]:
        return None
    return (f"teks terlalu panjang ({len(teks):,} karakter; batas {BATAS_PANJANG[jenis]:,} karakter "
            "untuk kolom ini); singkat isinya").replace(",", ".")


_BENAR = {"true", "ya", "y", "1", "benar"}
_SALAH = {"false", "tidak", "t", "0", "salah", ""}


@dataclass
class Sumber:
    """Isi mentah satu lembar: teks per sel, nomor baris seperti di lembar kerja."""
    berkas: str
    lembar: str
    data: pd.DataFrame          # semua kolom bertipe teks
    desimal: str = "."          # pemisah desimal untuk sel teks
    baris_awal: int = 2         # nomor baris lembar kerja untuk baris data pertama
    # Nomor baris lembar kerja setiap baris `data` bila baris kosong di sela data tidak ikut
    # dibaca (XLSX dibaca per sel yang berisi); None: baris berurutan mulai baris_awal (CSV).
    nomor_baris: list[int] | None = None

    def nomor(self, posisi: int) -> int:
        """Nomor baris seperti terlihat di Excel untuk baris data ke-posisi (mulai 0)."""
        return self.nomor_baris[posisi] if self.nomor_baris is not None else self.baris_awal + posisi


@dataclass
class HasilValidasi:
    tabel: dict[str, pd.DataFrame] = field(default_factory=dict)
    masalah: list[Masalah] = field(default_factory=list)
    catatan: list[str] = field(default_factory=list)

    @property
    def sah(self) -> bool:
        return not self.masalah


def baca_csv(path: Path) -> Sumber:
    """Satu berkas CSV templat. Pemisah ';' berarti format Excel Indonesia (desimal koma).
    Paling banyak batas baris (kinerja.basisdata.lokasi.batas_baris) yang diurai; lebih dari itu ditolak."""
    from kinerja.impor.berkas import batas_baris_impor, pesan_terlalu_banyak_baris
    from kinerja.impor.masalah import ImporGagal

    def gagal(pesan: str, baris: int | None = None, kolom: str | None = None) -> ImporGagal:
        return ImporGagal([Masalah(path.name, "", baris, kolom, None, pesan)])

    batas = batas_baris_impor(path.name)
    isi = path.read_bytes()
    try:
        teks = isi.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise gagal(f"CSV bukan UTF-8: tampaknya {_tebak_pengkodean(isi)}; {SIMPAN_UTF8}") from None
    if isi[:2] in (b"\xff\xfe", b"\xfe\xff"):
        raise gagal(f"CSV bukan UTF-8: tampaknya UTF-16; {SIMPAN_UTF8}")
    try:
        dialek = csv.Sniffer().sniff(teks.splitlines()[0] if teks else ",", delimiters=",;\t")
        desimal = "," if dialek.delimiter == ";" else "."
        # Baris kosong tidak dilompati pembaca: nomor baris pesan sama dengan yang terlihat di Excel.
        df = pd.read_csv(io.StringIO(teks), sep=dialek.delimiter, dtype=str, skip_blank_lines=False,
                         keep_default_na=False, skipinitialspace=True, nrows=batas + 1).fillna("")
    except csv.Error:
        raise gagal("baris judul kolom tidak dapat dibaca (pemisah kolom tidak dikenali); "
                    "gunakan koma atau titik koma") from None
    except (pd.errors.ParserError, ValueError) as e:
        raise gagal(f"CSV tidak dapat dibaca ({_ringkas_galat_csv(e)}); periksa tanda kutip (\") "
                    "yang dibuka tetapi tidak ditutup, lalu simpan ulang") from None
    if len(df) > batas:
        raise gagal(pesan_terlalu_banyak_baris(batas))
    normal = [_normal_judul(c) for c in df.columns]
    ganda = sorted({n for n in normal if normal.count(n) > 1})
    if ganda:
        asli = [str(c) for c, n in zip(df.columns, normal) if n in ganda]
        raise gagal(f"judul kolom ganda: {', '.join(repr(a) for a in asli)} dibaca sebagai kolom "
                    "yang sama; hapus salah satunya", 1, ", ".join(ganda))
    kosong = (df.apply(lambda kolom: kolom.str.strip()) == "").all(axis=1).to_numpy()
    nomor_baris = [i + 2 for i, k in enumerate(kosong) if not k]  # baris 1 = judul kolom
    return Sumber(path.name, path.stem.lower(), df[~kosong].reset_index(drop=True), desimal,
                  nomor_baris=nomor_baris)


SIMPAN_UTF8 = ("buka di Excel lalu Simpan Sebagai > CSV UTF-8 (Comma delimited) (*.csv), "
               "kemudian muat ulang")


def _tebak_pengkodean(isi: bytes) -> str:
    """Nama pengkodean yang paling mungkin untuk CSV yang bukan UTF-8 (untuk pesan saja)."""
    if isi[:2] in (b"\xff\xfe", b"\xfe\xff") or isi[1:200:2].count(0) > 50:
        return "UTF-16 (Excel: 'Unicode Text')"
    try:
        isi.decode("cp1252")
        return "Windows-1252/ANSI (Excel: 'CSV (Comma delimited)')"
    except UnicodeDecodeError:
        return "pengkodean lain yang tidak dikenali"


def _ringkas_galat_csv(e: Exception) -> str:
    teks = str(e).strip().splitlines()[0] if str(e).strip() else type(e).__name__
    return teks[:120]


def _normal_judul(c: object) -> str:
    return str(c).strip().lower().replace(" ", "_")


def kumpulkan_csv(paths: list[Path]) -> list[Sumber]:
    """Berkas CSV atau folder berisi CSV templat (pemda.csv, opd.csv, ...)."""
    berkas: list[Path] = []
    for p in paths:
        berkas.extend(sorted(p.glob("*.csv")) if p.is_dir() else [p])
    return [baca_csv(p) for p in berkas]


def validasi(sumber: list[Sumber], referensi: "Referensi") -> HasilValidasi:
    """Periksa semua lembar; kembalikan tabel bertipe siap muat dan semua masalah."""
    hasil = HasilValidasi()
    per_lembar: dict[str, Sumber] = {}
    for s in sumber:
        if s.lembar not in LEMBAR:
            hasil.catatan.append(
                f"{s.berkas}: diabaikan, bukan lembar templat ({', '.join(LEMBAR)})")
            continue
        if s.lembar in per_lembar:
            hasil.masalah.append(Masalah(s.berkas, s.lembar, None, None, None,
                                         "lembar ini muncul lebih dari sekali"))
            continue
        per_lembar[s.lembar] = s
    if not per_lembar and not hasil.masalah:
        hasil.masalah.append(Masalah(", ".join(s.berkas for s in sumber) or "-", "", None, None, None,
                                     f"tidak ada lembar templat ({', '.join(LEMBAR)})"))
    ref = referensi.salin()
    for nama, kolom in LEMBAR.items():
        if nama not in per_lembar:
            continue
        df = _periksa_lembar(per_lembar[nama], kolom, ref, hasil.masalah)
        if df is not None:
            df = _buang_duplikat(per_lembar[nama], df, KUNCI[nama], hasil)
            ref.tambah(nama, df)
            hasil.tabel[nama] = df
    return hasil


@dataclass
class Referensi:
    """Kode yang sudah dikenal: dari database dan dari lembar yang diperiksa lebih dulu."""
    pemda: set[str]
    opd: set[tuple[str, str]]
    indikator: dict[tuple[str, str], str]   # (pemda, id) -> polaritas
    urusan: set[str] = field(default_factory=set)

    def salin(self) -> "Referensi":
        return Referensi(set(self.pemda), set(self.opd), dict(self.indikator), set(self.urusan))

    def tambah(self, lembar: str, df: pd.DataFrame) -> None:
        if lembar == "pemda":
            self.pemda |= set(df["kode_pemda"])
        elif lembar == "opd":
            self.opd |= set(zip(df["kode_pemda"], df["kode_opd"]))
        elif lembar == "indikator":
            self.indikator.update(zip(zip(df["kode_pemda"], df["indikator_id"]), df["polaritas"]))

    def pemda_tunggal(self) -> str | None:
        return next(iter(self.pemda)) if len(self.pemda) == 1 else None


def _periksa_lembar(s: Sumber, kolom: list[Kolom], ref: Referensi,
                    masalah: list[Masalah]) -> pd.DataFrame | None:
    df = s.data.rename(columns=_normal_judul)
    kurang = [k.nama for k in kolom if k.wajib and k.nama not in df.columns]
    if kurang:
        masalah.append(Masalah(s.berkas, s.lembar, s.baris_awal - 1, ", ".join(kurang), None,
                               "kolom wajib tidak ada; lihat lembar Petunjuk templat"))
        return None
    if df.empty:
        masalah.append(Masalah(s.berkas, s.lembar, None, None, None, "lembar tidak berisi data"))
        return None
    baris_keluar = []
    for posisi, (_, mentah) in enumerate(df.iterrows()):
        nomor = s.nomor(posisi)  # nomor baris seperti terlihat di Excel
        tambah = lambda kol, nilai, pesan: masalah.append(  # noqa: E731
            Masalah(s.berkas, s.lembar, nomor, kol, nilai, pesan))
        nilai_teks = {c: str(mentah.get(c, "") or "").strip() for c in df.columns}
        if not any(nilai_teks.values()):
            continue  # baris kosong di sela data
        if _baris_total(nilai_teks):
            continue
        baris = {}
        gagal: set[str] = set()
        for k in kolom:
            teks = nilai_teks.get(k.nama, "")
            nilai, pesan = _ubah(k, teks, s.desimal)
            if teks and (kendali := karakter_kendali(teks)):
                nilai, pesan, teks = None, kendali, kutip_kendali(teks)
            elif teks and (panjang := terlalu_panjang(k.nama, teks)):
                nilai, pesan, teks = None, panjang, teks[:40] + "..."
            if pesan:
                tambah(k.nama, teks, pesan)
                gagal.add(k.nama)
            baris[k.nama] = nilai
        # Kode rujukan tetap diperiksa walau angka di baris yang sama salah: semua masalah
        # dilaporkan sekali jalan, bukan bergiliran setelah yang pertama diperbaiki.
        if not _periksa_baris(s.lembar, baris, ref, tambah, gagal) or gagal:
            continue
        baris["_baris"] = nomor
        baris_keluar.append(baris)
    kolom_keluar = [k.nama for k in kolom] + (["kode_urusan", "bidang"] if s.lembar == "opd" else []) + ["_baris"]
    return pd.DataFrame(baris_keluar, columns=kolom_keluar)


def _baris_total(nilai: dict[str, str]) -> bool:
    """Baris jumlah di bawah tabel ("Total", "Jumlah") bukan data."""
    pertama = next((v for v in nilai.values() if v), "")
    return pertama.lower().rstrip(":") in {"total", "jumlah", "jumlah total", "grand total"}


def _ubah(k: Kolom, teks: str, desimal: str) -> tuple[object, str | None]:
    if teks == "":
        return (None, f"wajib diisi ({k.keterangan})" if k.keterangan else "wajib diisi") \
            if k.wajib else (None, None)
    if k.jenis == "teks":
        return teks, None
    if k.jenis == "pilihan":
        cocok = {p.lower(): p for p in k.pilihan}
        if teks.lower() in cocok:
            return cocok[teks.lower()], None
        return None, f"harus salah satu dari: {', '.join(k.pilihan)}"
    if k.jenis == "boolean":
        if teks.lower() in _BENAR:
            return True, None
        if teks.lower() in _SALAH:
            return False, None
        return None, "harus ya/tidak (true/false)"
    try:
        angka = baca_angka(teks, desimal)
    except AngkaTidakSah as e:
        return None, str(e)
    if angka is None:
        return (None, "wajib diisi") if k.wajib else (None, None)
    if k.jenis == "bulat":
        if angka != int(angka):
            return None, "harus bilangan bulat"
        angka = int(angka)
    if k.rentang and not (k.rentang[0] <= angka <= k.rentang[1]):
        atas = "" if k.rentang[1] == float("inf") else f" sampai {k.rentang[1]:g}"
        return None, f"di luar rentang yang sah ({k.rentang[0]:g}{atas})"
    return angka, None


def _periksa_baris(lembar: str, b: dict, ref: Referensi, tambah: Callable,
                   gagal: set[str] = frozenset()) -> bool:
    """Aturan antar-kolom dan kode rujukan. True bila baris sah. Setiap aturan diperiksa bila
    kolom yang dipakainya terbaca (tidak di `gagal`), terlepas dari aturan lain."""
    sah = True

    def ada(*kolom: str) -> bool:
        return not gagal.intersection(kolom) and all(b.get(k) is not None for k in kolom)

    def salah(kol, nilai, pesan):
        nonlocal sah
        sah = False
        tambah(kol, _teks_nilai(nilai), pesan)

    if "kode_pemda" in b and lembar != "pemda" and "kode_pemda" not in gagal:
        if not b["kode_pemda"]:
            b["kode_pemda"] = ref.pemda_tunggal()
            if b["kode_pemda"] is None:
                salah("kode_pemda", None, "wajib diisi bila database berisi lebih dari satu pemda")
                return False
        elif b["kode_pemda"] not in ref.pemda:
            salah("kode_pemda", b["kode_pemda"], "pemda tidak dikenal; isi lembar pemda lebih dulu")
            return False
    if "tahun" in b and ada("tahun") and not (TAHUN_MIN <= b["tahun"] <= tahun_maks()):
        salah("tahun", b["tahun"], f"tahun harus antara {TAHUN_MIN} dan {tahun_maks()}")
    if lembar == "opd" and ada("kode_opd"):
        if not kode_opd_sah(b["kode_opd"]):
            salah("kode_opd", b["kode_opd"], "kode OPD harus berbentuk X.XX.X.XX.X.XX.NN.NNNN")
        else:
            b["bidang"] = bidang_dari_kode_opd(b["kode_opd"])
            b["kode_urusan"] = b["bidang"][0] if b["bidang"] else None
            if b["kode_urusan"] is None:
                salah("kode_opd", b["kode_opd"], "kode OPD tidak memuat bidang urusan")
            elif tak_dikenal := [x for x in b["bidang"] if x not in ref.urusan]:
                salah("kode_opd", b["kode_opd"], f"bidang urusan {', '.join(tak_dikenal)} tidak ada di nomenklatur")
    if lembar in ("indikator", "anggaran", "kendala") and ada("kode_pemda", "kode_opd"):
        if (b["kode_pemda"], b["kode_opd"]) not in ref.opd:
            salah("kode_opd", b["kode_opd"], "OPD tidak dikenal; daftarkan di lembar opd")
    if lembar == "indikator":
        b["agregasi"] = b["agregasi"] or "terakhir"
        b["tingkat"] = b["tingkat"] or "IKU"
        b["rentang_atas_baik"] = bool(b["rentang_atas_baik"])
    if lembar == "capaian" and ada("kode_pemda", "indikator_id"):
        polaritas = ref.indikator.get((b["kode_pemda"], b["indikator_id"]))
        if polaritas is None:
            salah("indikator_id", b["indikator_id"], "indikator tidak dikenal; daftarkan di lembar indikator")
        elif gagal.intersection(("target", "target_atas")):
            pass  # angka target tidak terbaca: sudah dilaporkan
        elif polaritas == "rentang":
            if b["target"] is not None and b["target_atas"] is None:
                salah("target_atas", None, "indikator rentang memerlukan batas atas")
            elif b["target"] is not None and b["target_atas"] < b["target"]:
                salah("target_atas", b["target_atas"],
                      f"batas atas lebih kecil dari batas bawah ({_teks_nilai(b['target'])})")
        elif b["target_atas"] is not None:
            salah("target_atas", b["target_atas"], f"hanya untuk indikator rentang (polaritas: {polaritas})")
    if lembar == "anggaran":
        for kol in ("rak_kumulatif", "realisasi_kumulatif"):
            if ada(kol, "pagu") and b[kol] > b["pagu"] * 1.0000001 and b["pagu"] > 0:
                salah(kol, b[kol], f"melebihi pagu ({fmt.rupiah_penuh(b['pagu'])})")
    return sah


def _teks_nilai(nilai) -> str:
    """Nilai dalam pesan, berformat Indonesia: 1.250.000.000 atau 6,5 (bukan 1250000000.0)."""
    if nilai is None:
        return ""
    if isinstance(nilai, float):
        return fmt.angka(nilai) if nilai.is_integer() else fmt.angka(nilai, 4).rstrip("0").rstrip(",")
    return str(nilai)


def _buang_duplikat(s: Sumber, df: pd.DataFrame, kunci: list[str], hasil: HasilValidasi) -> pd.DataFrame:
    """Baris kembar persis dibuang dengan catatan; kunci sama dengan isi beda ditolak."""
    if df.empty or not kunci:
        return df
    isi = [c for c in df.columns if c not in ("_baris", "bidang")]  # bidang: turunan kode_opd
    kembar = df.duplicated(subset=isi, keep="first")
    if kembar.any():
        nomor = ", ".join(map(str, df.loc[kembar, "_baris"].head(10)))
        hasil.catatan.append(
            f"{s.berkas}: {int(kembar.sum())} baris kembar persis diabaikan (baris {nomor})")
        df = df[~kembar]
    bentrok = df[df.duplicated(subset=kunci, keep=False)]
    for nilai_kunci, grup in bentrok.groupby(kunci, sort=False):
        nilai_kunci = nilai_kunci if isinstance(nilai_kunci, tuple) else (nilai_kunci,)
        baris = grup["_baris"].tolist()
        hasil.masalah.append(Masalah(
            s.berkas, s.lembar, baris[0], ", ".join(kunci), " / ".join(map(str, nilai_kunci)),
            f"kunci yang sama muncul lagi dengan isi berbeda di baris {', '.join(map(str, baris[1:]))}"))
    return df.reset_index(drop=True)
