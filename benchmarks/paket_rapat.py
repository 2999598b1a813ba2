"""Tolok ukur paket rapat (XLSX, PPTX, PDF tanpa gambar), dalam satu kali jalan, sebagai rasio:

1. database berskala (N pemda) dibanding database demo (1 pemda): paket selalu untuk
   satu pemda, jadi waktunya harus hampir sama (rasio jauh di bawah N);
2. per slide OPD: 'semua' (47 OPD) dibanding 'bawah' (13 OPD) pada demo; waktu per
   slide tidak boleh naik dengan jumlah slide (tidak ada kueri per OPD, tidak kuadratik).

Gambar grafik PDF (Chromium) tidak diukur: waktunya ditentukan peramban, bukan kode ini.

    .venv/bin/python -m benchmarks.paket_rapat [--pemda 20] [--ulang 3] [--batas-rasio 2.0]

Keluar dengan kode 1 bila ada rasio yang melebihi batas.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

from benchmarks.kueri_halaman import perbanyak
from kinerja import db
from kinerja.basisdata.demo import bangun_demo
from kinerja.ekspor import tulis
from kinerja.rapat.paket import susun_paket

FORMAT = ("xlsx", "pptx", "pdf")


def _sekali(path: Path, format_: str, himpunan: str, keluar: Path) -> float:
    con = db.buka(path, read_only=True)
    try:
        t0 = time.perf_counter()
        paket = susun_paket(con, "99.01", 2026, 3, himpunan=himpunan)
        tulis(paket, format_, keluar / f"p.{format_}", gambar=False)
        return time.perf_counter() - t0
    finally:
        con.close()


def ukur(path: Path, format_: str, himpunan: str, ulang: int, keluar: Path) -> tuple[float, int]:
    _sekali(path, format_, himpunan, keluar)  # pemanasan
    waktu = statistics.median(_sekali(path, format_, himpunan, keluar) for _ in range(ulang))
    # Memori di jalan tersendiri: tracemalloc memperlambat fpdf2 beberapa kali lipat.
    tracemalloc.start()
    try:
        _sekali(path, format_, himpunan, keluar)
        _, puncak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    return waktu, puncak


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="Rasio waktu paket rapat: database berskala vs demo, "
                                             "dan waktu per slide OPD.")
    ap.add_argument("--pemda", type=int, default=20, help="jumlah pemda pada database berskala")
    ap.add_argument("--ulang", type=int, default=3, help="pengulangan per ukuran (median)")
    ap.add_argument("--batas-rasio", type=float, default=2.0, help="rasio maksimum yang diterima")
    args = ap.parse_args(argv)

    gagal = []
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        kecil, besar = tmp / "demo.duckdb", tmp / "skala.duckdb"
        bangun_demo(kecil)
        shutil.copy(kecil, besar)
        perbanyak(besar, args.pemda)
        con = db.buka(kecil, read_only=True)
        try:
            jumlah = {h: sum(s.jenis == "opd" for s in susun_paket(con, "99.01", 2026, 3, himpunan=h).slide)
                      for h in ("semua", "bawah")}
        finally:
            con.close()

        print(f"{'paket (bawah)':16} {'demo s':>8} {'x' + str(args.pemda) + ' s':>8} {'rasio':>6} {'memori':>7}")
        for f in FORMAT:
            w_k, m_k = ukur(kecil, f, "bawah", args.ulang, tmp)
            w_b, m_b = ukur(besar, f, "bawah", args.ulang, tmp)
            rasio, r_mem = w_b / w_k, m_b / max(m_k, 1)
            tanda = "  <-- melebihi batas" if max(rasio, r_mem) > args.batas_rasio else ""
            print(f"{f:16} {w_k:8.2f} {w_b:8.2f} {rasio:6.2f} {r_mem:7.2f}{tanda}")
            if tanda:
                gagal.append(f"{f} x{args.pemda}")

        print(f"\n{'per slide OPD':16} {'bawah s':>8} {'semua s':>8} {'rasio/slide':>12}  "
              f"(slide OPD: {jumlah['bawah']} vs {jumlah['semua']})")
        for f in ("pptx", "pdf"):
            w_bawah, _ = ukur(kecil, f, "bawah", args.ulang, tmp)
            w_semua, _ = ukur(kecil, f, "semua", args.ulang, tmp)
            rasio = (w_semua / jumlah["semua"]) / (w_bawah / jumlah["bawah"])
            tanda = "  <-- melebihi batas" if rasio > args.batas_rasio else ""
            print(f"{f:16} {w_bawah:8.2f} {w_semua:8.2f} {rasio:12.2f}{tanda}")
            if tanda:
                gagal.append(f"{f} per slide")
    if gagal:
        print(f"GAGAL: rasio di atas {args.batas_rasio}: {', '.join(gagal)}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
