"""Poin-poin penting untuk Bupati/Wali Kota: 3-6 kalimat yang disusun dari data.

Setiap kalimat menyebut angka yang juga tampil di halaman lain (dicatat di
Poin.halaman), sehingga dapat ditelusuri dalam rapat. Teks polos, bukan HTML.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from kinerja import format as fmt

DI_BAWAH_TARGET = "pages/di_bawah_target.py"
PERINGKAT = "pages/peringkat_opd.py"
TREN = "pages/tren.py"


@dataclass(frozen=True)
class Poin:
    teks: str
    halaman: str          # berkas halaman tempat angka ini dapat ditelusuri
    label_halaman: str


def _nama(baris) -> str:
    singkat = baris.get("singkatan")
    return str(singkat) if isinstance(singkat, str) and singkat else str(baris["nama_opd"])


def _ada(x) -> bool:
    return x is not None and not pd.isna(x)


def susun_poin(*, pembanding: str, kinerja_kini: dict, kinerja_lalu: dict | None,
               anggaran_kini: dict | None, opd: pd.DataFrame, perubahan: pd.DataFrame,
               serapan: pd.DataFrame, perlu_ditinjau: pd.DataFrame, ambang: float,
               ambang_tinjau: float) -> list[Poin]:
    """Kalimat poin penting, paling penting dulu.

    kinerja_kini/lalu: baris ringkasan_kinerja_tahunan; anggaran_kini: baris
    ringkasan_anggaran_tahunan; opd: capaian_opd_periode; perubahan:
    poin_perubahan_opd; serapan: poin_serapan_opd; perlu_ditinjau: poin_perlu_ditinjau.
    """
    poin: list[Poin] = []
    capaian = kinerja_kini.get("capaian")
    if _ada(capaian):
        kalimat = f"Capaian kinerja rata-rata {fmt.persen(capaian)} ({kinerja_kini.get('kategori')})"
        lalu = kinerja_lalu.get("capaian") if kinerja_lalu else None
        if _ada(lalu):
            beda = capaian - lalu
            arah = "naik" if beda > 0.05 else "turun" if beda < -0.05 else "sama"
            kalimat += (f", {arah} {fmt.angka(abs(beda), 1)} poin dibanding {pembanding}"
                        if arah != "sama" else f", sama dengan {pembanding}")
        poin.append(Poin(kalimat + ".", TREN, "Tren"))

    dinilai = opd[opd["capaian"].notna()]
    bawah = dinilai[dinilai["di_bawah_target"].fillna(False).astype(bool)].sort_values("capaian")
    jumlah = len(opd)
    if len(bawah):
        terendah = bawah.iloc[0]
        poin.append(Poin(
            f"{len(bawah)} dari {jumlah} OPD di bawah target (capaian < {fmt.ambang(ambang)}); "
            f"terendah {_nama(terendah)} {fmt.persen(terendah['capaian'])} ({terendah['kategori']}).",
            DI_BAWAH_TARGET, "Di Bawah Target"))
    elif len(dinilai):
        poin.append(Poin(f"Semua {len(dinilai)} OPD yang dinilai mencapai target "
                         f"(capaian ≥ {fmt.ambang(ambang)}).", DI_BAWAH_TARGET, "Di Bawah Target"))

    turun = perubahan[perubahan["perubahan"].notna() & (perubahan["perubahan"] < 0)]
    if len(turun):
        t = turun.sort_values("perubahan").iloc[0]
        poin.append(Poin(
            f"Penurunan terbesar dibanding {pembanding}: {_nama(t)}, dari {fmt.persen(t['capaian_lalu'])} "
            f"menjadi {fmt.persen(t['capaian'])} ({fmt.poin(t['perubahan'])}).",
            PERINGKAT, "Peringkat OPD"))
    elif perubahan["perubahan"].notna().any():
        poin.append(Poin(f"Tidak ada OPD yang capaiannya turun dibanding {pembanding}.",
                         PERINGKAT, "Peringkat OPD"))

    if anggaran_kini and _ada(anggaran_kini.get("persen_realisasi")):
        bulan = fmt.bulan(int(anggaran_kini["bulan"]))
        kalimat = (f"Realisasi keuangan s.d. {bulan} {fmt.persen(anggaran_kini['persen_realisasi'])} "
                   f"dari pagu {fmt.rupiah(anggaran_kini['pagu'])}")
        if _ada(anggaran_kini.get("persen_rencana")):
            kalimat += (f", rencana kas {fmt.persen(anggaran_kini['persen_rencana'])} "
                        f"(deviasi {fmt.poin(anggaran_kini['deviasi'])})")
        terburuk = serapan[serapan["deviasi"].notna()]
        if len(terburuk) and terburuk.iloc[0]["deviasi"] < 0:
            s = terburuk.iloc[0]
            kalimat += (f"; paling tertinggal {_nama(s)}: {fmt.persen(s['persen_realisasi'])} "
                        f"dari rencana {fmt.persen(s['persen_rencana'])} ({fmt.poin(s['deviasi'])})")
        poin.append(Poin(kalimat + ".", TREN, "Tren"))

    if len(perlu_ditinjau):
        p = perlu_ditinjau.iloc[0]
        poin.append(Poin(
            f"{len(perlu_ditinjau)} indikator capaiannya di atas {fmt.ambang(ambang_tinjau)}, "
            f"targetnya perlu ditinjau; tertinggi {p['indikator']} ({_nama(p)}) {fmt.persen(p['capaian'])}.",
            DI_BAWAH_TARGET, "Di Bawah Target"))
    return poin[:6]
