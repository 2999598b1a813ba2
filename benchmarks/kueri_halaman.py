"""Tolok ukur kueri halaman: database demo (1 pemda) dibanding database berskala
(N pemda, mis. satu provinsi yang memuat semua kabupatennya), dalam satu kali jalan.

Yang dilaporkan adalah rasio, bukan detik: waktu median tiap kueri pada database
berskala dibagi waktu pada database demo, dan rasio memori puncak proses. Kueri
halaman selalu dibatasi satu pemda, jadi rasionya harus jauh di bawah N.

    .venv/bin/python -m benchmarks.kueri_halaman [--pemda 20] [--ulang 7] [--batas-rasio 2.5]

Keluar dengan kode 1 bila ada kueri yang rasionya melebihi --batas-rasio.
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

from kinerja import db
from kinerja.basisdata.demo import bangun_demo
from kinerja.basisdata.lokasi import FOLDER_KUERI

# Tabel yang berkolom kode_pemda; disalin untuk setiap pemda tambahan.
TABEL = ["pemda", "opd", "opd_bidang", "indikator", "target_realisasi", "anggaran_bulanan", "kendala"]
PARAM = dict(kode_pemda="99.01", tahun=2026, triwulan=3, kelompok=None, kode_urusan=None, opd=[],
             # parameter khusus halaman, nilai bawaannya
             dasar="kinerja", ambang=95.0, urutan_kategori=3, mode="ambang", kode_opd="1.02.0.00.0.00.01.0000",
             profil="1.02.0.00.0.00.01.0000")


def perbanyak(path: Path, jumlah: int) -> None:
    """Tambahkan jumlah-1 salinan pemda demo dengan kode berbeda (SQL, terikat)."""
    con = db.buka(path, read_only=False)
    try:
        con.execute("BEGIN TRANSACTION")
        for i in range(2, jumlah + 1):
            kode = f"99.{i:02d}"
            for tabel in TABEL:
                kolom = [r[0] for r in con.execute(f"DESCRIBE {tabel}").fetchall()]  # tabel dari daftar tetap
                pilih = ", ".join("$kode" if k == "kode_pemda" else k for k in kolom)
                con.execute(f"INSERT INTO {tabel} SELECT {pilih} FROM {tabel} WHERE kode_pemda = '99.01'",
                            {"kode": kode})
        con.execute("COMMIT")
        con.execute("CHECKPOINT")
    finally:
        con.close()


def kueri_halaman() -> list[str]:
    """Kueri yang dipakai halaman: berkas queries/*.sql yang memakai $kode_pemda
    dan yang semua parameternya punya nilai bawaan di PARAM."""
    nama = sorted(p.stem for p in FOLDER_KUERI.glob("*.sql") if "$kode_pemda" in p.read_text())
    kurang = {n: db.parameter_kueri(n) - PARAM.keys() for n in nama}
    for n, k in kurang.items():
        if k:
            print(f"dilewati {n}: parameter tanpa nilai bawaan {sorted(k)}", file=sys.stderr)
    return [n for n in nama if not kurang[n]]


def ukur(path: Path, nama: list[str], ulang: int) -> tuple[dict[str, float], int]:
    con = db.buka(path, read_only=True)
    waktu: dict[str, float] = {}
    tracemalloc.start()
    try:
        for n in nama:
            db.kueri(con, n, **PARAM)  # pemanasan
            contoh = []
            for _ in range(ulang):
                t0 = time.perf_counter()
                db.kueri(con, n, **PARAM)
                contoh.append(time.perf_counter() - t0)
            waktu[n] = statistics.median(contoh)
        _, puncak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
        con.close()
    return waktu, puncak


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="Rasio waktu kueri halaman: database berskala vs demo.")
    ap.add_argument("--pemda", type=int, default=20, help="jumlah pemda pada database berskala")
    ap.add_argument("--ulang", type=int, default=7, help="pengulangan per kueri (median)")
    ap.add_argument("--batas-rasio", type=float, default=2.5, help="rasio maksimum yang diterima")
    args = ap.parse_args(argv)

    with tempfile.TemporaryDirectory() as tmp:
        kecil = Path(tmp) / "demo.duckdb"
        besar = Path(tmp) / "skala.duckdb"
        bangun_demo(kecil)
        shutil.copy(kecil, besar)
        perbanyak(besar, args.pemda)
        nama = kueri_halaman()
        w_kecil, m_kecil = ukur(kecil, nama, args.ulang)
        w_besar, m_besar = ukur(besar, nama, args.ulang)

    print(f"{'kueri':34} {'demo ms':>9} {'x' + str(args.pemda) + ' ms':>9} {'rasio':>7}")
    gagal = []
    for n in nama:
        rasio = w_besar[n] / w_kecil[n]
        tanda = "  <-- melebihi batas" if rasio > args.batas_rasio else ""
        print(f"{n:34} {w_kecil[n] * 1000:9.2f} {w_besar[n] * 1000:9.2f} {rasio:7.2f}{tanda}")
        if rasio > args.batas_rasio:
            gagal.append(n)
    print(f"memori puncak Python (hasil kueri): rasio {m_besar / max(m_kecil, 1):.2f} "
          f"({m_kecil / 1e6:.1f} MB -> {m_besar / 1e6:.1f} MB)")
    if gagal:
        print(f"GAGAL: rasio di atas {args.batas_rasio}: {', '.join(gagal)}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
