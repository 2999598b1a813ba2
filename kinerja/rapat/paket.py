"""Paket rapat: semua data yang dibutuhkan ekspor XLSX, PPTX dan PDF, dibaca sekali.

Tidak mengimpor streamlit. Setiap tabel dibaca lewat kinerja.db.kueri dengan
kueri di queries/ (parameter terikat, cocok_filter), sehingga angka di paket
sama dengan yang tampil di halaman.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

import duckdb
import pandas as pd

from kinerja import format as fmt
from kinerja.db import kueri
from kinerja.grafik.tren import bulan_berealisasi, bulan_triwulan
from kinerja.rapat.poin_penting import Poin, susun_poin
from kinerja.skala import Pita, pita_dari
from kinerja.rapat.slide import HIMPUNAN, Slide, susun_slide


# Keterangan kurva S per jenis unit slide, sama di layar dan di cetakan (renderer menambah
# sumber pagunya).
KETERANGAN_KURVA = {"pemda": "% pagu · semua OPD dalam filter", "opd": "% pagu · realisasi vs rencana kas",
                    "bidang": "% pagu · semua OPD bidang ini"}


@dataclass
class Paket:
    kode_pemda: str
    nama_pemda: str
    tahun: int
    triwulan: int
    cakupan: str                    # "Semua OPD" atau keterangan filter
    data_per: str                   # "Data per 23 November 2026 11.30 WIB"
    pengaturan: dict[str, str]
    pita: list[Pita]
    kinerja: dict | None            # baris ringkasan_kinerja_tahunan tahun ini
    kinerja_lalu: dict | None
    anggaran: dict | None           # baris ringkasan_anggaran_tahunan tahun ini
    poin: list[Poin]
    peringkat: pd.DataFrame         # peringkat_opd.sql, dasar 'kinerja'
    di_bawah_target: pd.DataFrame   # di_bawah_target_unduhan.sql (ambang pengaturan)
    indikator: pd.DataFrame         # paket_indikator.sql
    anggaran_bulanan: pd.DataFrame  # paket_anggaran_bulanan.sql
    kendala: pd.DataFrame           # paket_kendala.sql
    # Slide per OPD / bidang seperti Mode Rapat (kinerja.rapat.slide.susun_slide).
    himpunan: str = "bawah"         # 'semua' | 'bawah' | 'bidang'
    opd: pd.DataFrame = field(default_factory=pd.DataFrame)               # rapat_opd.sql
    # Kurva S pemda, setiap OPD dan setiap bidang, tahun ini dan lalu (kurva_s_bulanan.sql):
    # satu sumber untuk Mode Rapat, PPTX dan PDF.
    kurva: pd.DataFrame = field(default_factory=pd.DataFrame)
    bidang: pd.DataFrame = field(default_factory=pd.DataFrame)            # paket_bidang.sql
    opd_anggota: pd.DataFrame | None = None  # rapat_opd tanpa filter bidang, untuk tabel anggota bidang
    dibuat: datetime = field(default_factory=datetime.now)

    @property
    def periode(self) -> str:
        return fmt.periode(self.tahun, self.triwulan)

    @property
    def ambang(self) -> float:
        return float(self.pengaturan["ambang_di_bawah_target"])

    @property
    def batas_atas(self) -> float:
        return float(self.pengaturan["batas_atas_capaian"])

    @property
    def pembanding(self) -> str:
        return fmt.periode(self.tahun - 1, self.triwulan)

    @property
    def kosong(self) -> bool:
        return self.kinerja is None and self.peringkat.empty

    @property
    def slide(self) -> list[Slide]:
        """Daftar slide persis seperti Mode Rapat untuk himpunan ini."""
        return susun_slide(self.opd, self.himpunan)

    @property
    def bulan_akhir(self) -> int:
        return self.triwulan * 3

    def baris_opd(self, kode_opd: str) -> dict | None:
        cocok = self.opd[self.opd["kode_opd"] == kode_opd]
        return cocok.iloc[0].to_dict() if len(cocok) else None

    def kurva_s(self, jenis: str, kode: str = "") -> tuple[pd.DataFrame, pd.DataFrame]:
        """Kurva S satu unit slide: jenis 'pemda' (kode ''), 'opd' (kode OPD) atau 'bidang'
        (kode urusan). Kembalikan (tahun ini s.d. akhir triwulan, tahun lalu setahun penuh):
        rapat TW III membahas sampai September; tahun lalu dibandingkan sampai Desember."""
        k = self.kurva
        if k.empty:
            return k, k
        unit = k[(k["jenis"] == jenis) & (k["kode"] == kode)].sort_values("bulan")
        kini = unit[(unit["tahun"] == self.tahun) & (unit["bulan"] <= self.bulan_akhir)]
        return kini, unit[unit["tahun"] == self.tahun - 1]

    def bulan_label(self, kini: pd.DataFrame) -> tuple[int | None, str]:
        """Bulan yang mewakili triwulan pada kurva (akhir triwulan, atau bulan berealisasi
        terakhir sebelumnya) dan labelnya ('TW III' atau 'Agustus') untuk garis 's.d.'."""
        bulan = bulan_triwulan(bulan_berealisasi(kini), self.triwulan) if len(kini) else None
        if bulan == self.triwulan * 3:
            return bulan, fmt.TRIWULAN[self.triwulan]
        return bulan, fmt.bulan(bulan) if bulan else fmt.TRIWULAN[self.triwulan]

    def anggaran_opd(self, kode_opd: str) -> pd.DataFrame:
        """Kurva S satu OPD tahun ini (s.d. akhir triwulan)."""
        return self.kurva_s("opd", kode_opd)[0]

    def indikator_bawah(self, kode_opd: str) -> pd.DataFrame:
        """Indikator OPD di bawah target, terendah dulu (urutan halaman Di Bawah Target)."""
        d = self.di_bawah_target
        return d[d["kode_opd"] == kode_opd] if len(d) else d

    def kendala_opd(self, kode_opd: str) -> pd.DataFrame:
        k = self.kendala
        return k[k["kode_opd"] == kode_opd].sort_values("urutan") if len(k) else k

    def ringkas_bidang(self, kode_urusan: str) -> dict | None:
        b = self.bidang
        cocok = b[b["kode_urusan"] == kode_urusan] if len(b) else b
        return cocok.iloc[0].to_dict() if len(cocok) else None

    def anggota_bidang(self, kode_urusan: str) -> pd.DataFrame:
        """Baris rapat_opd OPD anggota bidang, urut peringkat (seperti slide bidang)."""
        r = self.ringkas_bidang(kode_urusan)
        dasar = self.opd if self.opd_anggota is None else self.opd_anggota
        if r is None or dasar.empty:
            return dasar.iloc[0:0]
        kode = list(r["anggota"])
        return dasar[dasar["kode_opd"].isin(kode)]

    def anggaran_bidang_ini(self, kode_urusan: str) -> pd.DataFrame:
        return self.kurva_s("bidang", kode_urusan)[0]

    def anggaran_pemda_kini(self) -> pd.DataFrame:
        """Kurva S pemda (semua OPD dalam filter), tahun ini s.d. akhir triwulan."""
        return self.kurva_s("pemda")[0]

    def anggaran_pemda_lalu(self) -> pd.DataFrame:
        return self.kurva_s("pemda")[1]

    def warna_kategori(self, label) -> tuple[str, str] | None:
        """(warna latar, warna teks) pita berlabel ini dari skala database."""
        p = next((p for p in self.pita if p.label == label), None)
        return (p.warna, p.warna_teks) if p else None


def _data_per(con) -> str:
    df = kueri(con, "data_per")
    waktu = df["waktu"].iloc[0] if not df.empty else None
    if waktu is None or pd.isna(waktu):
        return "Data per: belum ada impor"
    if isinstance(waktu, pd.Timestamp):
        waktu = waktu.to_pydatetime()
    if not isinstance(waktu, datetime):
        waktu = datetime.fromisoformat(str(waktu))
    return f"Data per {fmt.waktu(waktu)}"


def _baris(df: pd.DataFrame, tahun: int) -> dict | None:
    pilih = df[df["tahun"] == tahun]
    return pilih.iloc[0].to_dict() if len(pilih) else None


@dataclass
class Ringkasan:
    """Pembuka rapat: angka kinerja dan anggaran periode ini dan tahun lalu, dan poin penting.
    Satu-satunya tempat poin penting disusun: halaman Ringkasan, slide Ringkasan Mode Rapat dan
    ekspor (Paket) semuanya membacanya dari sini."""
    kinerja_tahunan: pd.DataFrame   # ringkasan_kinerja_tahunan.sql (semua tahun)
    anggaran_tahunan: pd.DataFrame  # ringkasan_anggaran_tahunan.sql
    kinerja: dict | None            # baris tahun ini
    kinerja_lalu: dict | None
    anggaran: dict | None
    anggaran_lalu: dict | None
    poin: list[Poin]


def susun_ringkasan(con: duckdb.DuckDBPyConnection, pengaturan: dict[str, str], *, kode_pemda: str,
                    tahun: int, triwulan: int, kelompok=None, kode_urusan=None, opd=()) -> Ringkasan:
    p = dict(kode_pemda=kode_pemda, tahun=int(tahun), triwulan=int(triwulan), kelompok=kelompok,
             kode_urusan=kode_urusan, opd=list(opd or []))
    kinerja_th = kueri(con, "ringkasan_kinerja_tahunan", **p)
    anggaran_th = kueri(con, "ringkasan_anggaran_tahunan", **p)
    k_kini, k_lalu = _baris(kinerja_th, tahun), _baris(kinerja_th, tahun - 1)
    a_kini, a_lalu = _baris(anggaran_th, tahun), _baris(anggaran_th, tahun - 1)
    poin: list[Poin] = []
    if k_kini is not None:
        poin = susun_poin(
            pembanding=fmt.periode(tahun - 1, triwulan), kinerja_kini=k_kini, kinerja_lalu=k_lalu,
            anggaran_kini=a_kini, opd=kueri(con, "capaian_opd_periode", **p),
            perubahan=kueri(con, "poin_perubahan_opd", **p),
            serapan=kueri(con, "poin_serapan_opd", **p),
            perlu_ditinjau=kueri(con, "poin_perlu_ditinjau", **p),
            ambang=float(pengaturan["ambang_di_bawah_target"]),
            ambang_tinjau=float(pengaturan["ambang_perlu_ditinjau"]))
    return Ringkasan(kinerja_th, anggaran_th, k_kini, k_lalu, a_kini, a_lalu, poin)


def susun_paket(con: duckdb.DuckDBPyConnection, kode_pemda: str, tahun: int, triwulan: int,
                kelompok: str | None = None, kode_urusan: str | None = None,
                opd=(), cakupan: str | None = None, himpunan: str = "bawah") -> Paket:
    """Baca seluruh isi paket rapat untuk satu pemda, periode dan filter.

    himpunan: slide per OPD seperti Mode Rapat: 'semua', 'bawah' (OPD di bawah
    ambang, terburuk dulu) atau 'bidang' (satu slide per bidang urusan)."""
    if himpunan not in HIMPUNAN:
        raise ValueError(f"Himpunan slide tidak dikenal: {himpunan!r} (pilih {', '.join(HIMPUNAN)})")
    tahun, triwulan = int(tahun), int(triwulan)
    p = dict(kode_pemda=kode_pemda, tahun=tahun, triwulan=triwulan, kelompok=kelompok,
             kode_urusan=kode_urusan, opd=list(opd or []))
    pemda = kueri(con, "pemda")
    cocok = pemda[pemda["kode_pemda"] == kode_pemda]
    nama_pemda = str(cocok["nama_pemda"].iloc[0]) if len(cocok) else str(kode_pemda)
    pengaturan = dict(kueri(con, "pengaturan").itertuples(index=False))
    ambang = float(pengaturan["ambang_di_bawah_target"])
    ringkas = susun_ringkasan(con, pengaturan, **p)

    if cakupan is None:
        bagian = []
        if kelompok:
            bagian.append(f"kelompok {kelompok}")
        if kode_urusan:
            bagian.append(f"bidang {kode_urusan}")
        if opd:
            bagian.append(f"{len(list(opd))} OPD terpilih")
        cakupan = "Semua OPD" if not bagian else "Filter: " + ", ".join(bagian)

    return Paket(
        kode_pemda=kode_pemda, nama_pemda=nama_pemda, tahun=tahun, triwulan=triwulan,
        cakupan=cakupan, data_per=_data_per(con), pengaturan=pengaturan,
        pita=pita_dari(kueri(con, "skala_aktif")),
        kinerja=ringkas.kinerja, kinerja_lalu=ringkas.kinerja_lalu, anggaran=ringkas.anggaran, poin=ringkas.poin,
        peringkat=kueri(con, "peringkat_opd", dasar="kinerja", **p),
        di_bawah_target=kueri(con, "di_bawah_target_unduhan", ambang=ambang, urutan_kategori=None, **p),
        indikator=kueri(con, "paket_indikator", **p),
        anggaran_bulanan=kueri(con, "paket_anggaran_bulanan", **p),
        kendala=kueri(con, "paket_kendala", **p),
        himpunan=himpunan,
        opd=kueri(con, "rapat_opd", **p),
        kurva=kueri(con, "kurva_s_bulanan", jenis=["pemda", "opd", "bidang"], **p),
        # Anggota bidang seperti Mode Rapat: filter bidang slide menggantikan filter bidang halaman.
        bidang=kueri(con, "paket_bidang", **p) if himpunan == "bidang" else pd.DataFrame(),
        opd_anggota=(kueri(con, "rapat_opd", **{**p, "kode_urusan": None})
                     if himpunan == "bidang" and kode_urusan else None),
    )
