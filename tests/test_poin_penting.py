"""Poin penting dari database kecil: kalimat dan angka dihitung tangan."""

from kinerja import db
from kinerja.rapat.poin_penting import susun_poin

PARAM = dict(kode_pemda="T01", tahun=2025, triwulan=4, kelompok=None, kode_urusan=None, opd=[])


def _poin(con, **ubah):
    p = {**PARAM, **ubah}
    kin = db.kueri(con, "ringkasan_kinerja_tahunan", **p).set_index("tahun")
    ang = db.kueri(con, "ringkasan_anggaran_tahunan", **p).set_index("tahun")
    return susun_poin(
        pembanding="TW IV 2024",
        kinerja_kini=kin.loc[p["tahun"]].to_dict(),
        kinerja_lalu=kin.loc[p["tahun"] - 1].to_dict() if p["tahun"] - 1 in kin.index else None,
        anggaran_kini=ang.loc[p["tahun"]].to_dict() if p["tahun"] in ang.index else None,
        opd=db.kueri(con, "capaian_opd_periode", **p),
        perubahan=db.kueri(con, "poin_perubahan_opd", **p),
        serapan=db.kueri(con, "poin_serapan_opd", **p),
        perlu_ditinjau=db.kueri(con, "poin_perlu_ditinjau", **p),
        ambang=95, ambang_tinjau=150)


def test_poin_penting_database_kecil(con_kecil):
    teks = [p.teks for p in _poin(con_kecil)]
    assert teks == [
        # (92,5 + 65,625 + 92,5) / 3 = 83,54 -> Tinggi; 2024: 87,5
        "Capaian kinerja rata-rata 83,5% (Tinggi), turun 4,0 poin dibanding TW IV 2024.",
        "3 dari 4 OPD di bawah target (capaian < 95%); terendah Disdik 65,6% (Rendah).",
        # Hanya Dinkes yang punya data 2024: 87,5 -> 92,5
        "Tidak ada OPD yang capaiannya turun dibanding TW IV 2024.",
        # September: (660 + 2.250) / 4.100 juta = 70,98%; rencana 2.870 / 4.100 = 70,0%
        "Realisasi keuangan s.d. September 71,0% dari pagu Rp 4,10 M, rencana kas 70,0% (deviasi +1,0 poin); "
        "paling tertinggal Dinkes: 60,0% dari rencana 70,0% (-10,0 poin).",
        "1 indikator capaiannya di atas 150%, targetnya perlu ditinjau; tertinggi Sekolah direhabilitasi "
        "(Disdik) 200,0%.",
    ]


def test_poin_mengikuti_filter_opd(con_kecil):
    teks = [p.teks for p in _poin(con_kecil, opd=["1.01.0.00.0.00.01.0000"])]
    assert teks[0].startswith("Capaian kinerja rata-rata 65,6% (Rendah)")
    assert teks[1] == "1 dari 1 OPD di bawah target (capaian < 95%); terendah Disdik 65,6% (Rendah)."


def test_setiap_poin_menunjuk_halaman(con_kecil):
    from pathlib import Path

    akar = Path(__file__).resolve().parent.parent
    for p in _poin(con_kecil):
        assert (akar / p.halaman).exists(), p.halaman
