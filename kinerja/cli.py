"""Baris perintah: python -m kinerja demo | impor (kontrak, lihat DESIGN.md)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from kinerja import cli_bahasa
from kinerja.lokasi import lokasi_database

cli_bahasa.pasang()


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="python -m kinerja",
        description="Dasbor Kinerja OPD: membangun dan mengisi database kinerja.",
    )
    sub = p.add_subparsers(dest="perintah", metavar="PERINTAH", title="perintah")
    sub.required = True

    demo = sub.add_parser("demo", help="bangun database demo (Kabupaten Nusa Makmur, fiktif)",
                          description="Bangun database demo dari data/demo/*.csv. "
                                      "Aman dijalankan berulang: tidak berubah bila sudah mutakhir.")
    demo.add_argument("--db", type=Path, help="berkas database (bawaan: $KINERJA_DB atau data/kinerja.duckdb)")
    demo.add_argument("--paksa", action="store_true", help="bangun ulang walaupun sudah mutakhir")

    impor = sub.add_parser("impor", help="validasi lalu muat berkas ke database",
                           description="Validasi berkas, lalu muat seluruhnya dalam satu transaksi. "
                                       "Bila ada masalah, semua masalah dilaporkan per baris dan "
                                       "database tidak berubah.")
    impor.add_argument("--db", type=Path, help="berkas database (bawaan: $KINERJA_DB atau data/kinerja.duckdb)")
    impor.add_argument("--format", choices=["template", "sipd-lra", "sipd-rak"], default="template",
                       help="jenis berkas (bawaan: template)")
    impor.add_argument("--tahun", type=int, help="tahun anggaran (SIPD)")
    impor.add_argument("--bulan", type=int, help="bulan data (SIPD), 1-12")
    jenis = impor.add_mutually_exclusive_group()
    jenis.add_argument("--kumulatif", action="store_true", help="angka s.d. bulan ini (SIPD)")
    jenis.add_argument("--bulanan", action="store_true", help="angka bulan ini saja (SIPD)")
    impor.add_argument("--buat-opd", action="store_true", help="buat OPD yang belum dikenal dari berkas")
    impor.add_argument("--dry-run", action="store_true", help="hanya validasi; tidak ada yang ditulis")
    impor.add_argument("berkas", nargs="+", type=Path, metavar="BERKAS",
                       help="berkas CSV templat atau folder berisi CSV templat")
    return p


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    db_path = (args.db.expanduser().resolve() if args.db else lokasi_database())
    if args.perintah == "demo":
        return _demo(db_path, args.paksa)
    return _impor(db_path, args)


def _demo(db_path: Path, paksa: bool) -> int:
    from kinerja.demo import bangun_demo
    from kinerja.impor.masalah import ImporGagal

    try:
        hasil = bangun_demo(db_path, paksa=paksa)
    except ImporGagal as e:
        print(f"Data demo tidak sah ({len(e.masalah)} masalah):", file=sys.stderr)
        for m in e.masalah:
            print(f"  - {m}", file=sys.stderr)
        return 1
    if hasil is None:
        print(f"Database demo sudah mutakhir: {db_path}")
    else:
        print(f"Database demo dibangun: {db_path} ({hasil.ringkas()})")
    return 0


def _impor(db_path: Path, args: argparse.Namespace) -> int:
    from kinerja import db
    from kinerja.impor.masalah import ImporGagal
    from kinerja.impor.muat import impor_template
    from kinerja.skema import SkemaTidakCocok, periksa_versi

    if args.format != "template":
        print(f"Format {args.format} belum tersedia pada versi ini; gunakan --format template.",
              file=sys.stderr)
        return 1
    if not db_path.exists():
        print(f"Database {db_path} tidak ada. Buat dulu dengan: python -m kinerja demo --db {db_path}",
              file=sys.stderr)
        return 1
    con = db.buka(db_path, read_only=args.dry_run)
    try:
        periksa_versi(con)
        hasil = impor_template(con, args.berkas, dry_run=args.dry_run)
    except SkemaTidakCocok as e:
        print(str(e), file=sys.stderr)
        return 1
    except ImporGagal as e:
        print(f"Impor ditolak, database tidak berubah. {len(e.masalah)} masalah:", file=sys.stderr)
        for m in e.masalah:
            print(f"  - {m}", file=sys.stderr)
        return 1
    finally:
        con.close()
    print(hasil.ringkas())
    for c in hasil.catatan:
        print(f"  catatan: {c}")
    return 0
