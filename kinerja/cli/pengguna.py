"""`python -m kinerja pengguna ...`: akun tanpa penyedia identitas, peran, OPD, buka kunci."""

from __future__ import annotations

import argparse
import getpass
import sys
from pathlib import Path

from kinerja.akses.peran import NAMA_PERAN, PERAN, URAIAN_PERAN


def tambah_parser(sub) -> None:
    p = sub.add_parser("pengguna", help="kelola akun pengguna: daftar, tambah, ubah, buka-kunci",
                       description="Akun yang disimpan di database akses (<nama>.akses.duckdb di samping "
                                   "database). Peran: " + "; ".join(f"{k} = {URAIAN_PERAN[k]}" for k in PERAN)
                                   + ". Setiap perubahan dicatat di jejak audit.")
    p.add_argument("--db", type=Path, help="berkas database (bawaan: $KINERJA_DB atau data/kinerja.duckdb)")
    aksi = p.add_subparsers(dest="aksi", metavar="AKSI", title="aksi")
    aksi.required = True
    aksi.add_parser("daftar", help="tampilkan semua akun", description="Tampilkan semua akun dan perannya.")

    def _umum(q: argparse.ArgumentParser) -> None:
        q.add_argument("nama", help="nama pengguna (akun lokal) atau email/subject (akun SSO)")
        q.add_argument("--sso", action="store_true",
                       help="pemetaan untuk identitas dari penyedia identitas (OIDC), tanpa kata sandi")
        q.add_argument("--opd", nargs="+", metavar="KODE", help="kode OPD untuk peran opd (boleh beberapa)")
        q.add_argument("--nama-tampil", help="nama orangnya, untuk layar dan jejak audit")
        q.add_argument("--sandi-stdin", action="store_true",
                       help="baca kata sandi dari masukan standar (untuk skrip), bukan diketik")

    t = aksi.add_parser("tambah", help="buat akun", description="Buat akun lokal (dengan kata sandi yang diketik, "
                                                                 "tidak tampil) atau pemetaan SSO (--sso).")
    _umum(t)
    t.add_argument("--peran", required=True, choices=PERAN, help="peran akun")
    u = aksi.add_parser("ubah", help="ubah peran, OPD, kata sandi atau status akun",
                        description="Ubah akun yang ada. Yang tidak disebut tidak berubah.")
    _umum(u)
    u.add_argument("--peran", choices=PERAN, help="peran baru")
    u.add_argument("--ganti-sandi", action="store_true", help="ganti kata sandi (akun lokal)")
    status = u.add_mutually_exclusive_group()
    status.add_argument("--nonaktif", action="store_true", help="nonaktifkan akun (tidak dapat masuk lagi)")
    status.add_argument("--aktif", action="store_true", help="aktifkan kembali akun")
    b = aksi.add_parser("buka-kunci", help="hapus hitungan kata sandi salah satu akun",
                        description="Akun yang terkunci karena terlalu banyak kata sandi salah dapat "
                                    "mencoba lagi segera.")
    b.add_argument("nama", help="nama pengguna")
    # --db juga boleh sesudah aksinya; SUPPRESS: tanpa isian tidak menimpa --db sebelum aksi.
    for q in (aksi.choices.values()):
        q.add_argument("--db", type=Path, default=argparse.SUPPRESS,
                       help="berkas database (bawaan: $KINERJA_DB atau data/kinerja.duckdb)")


def _minta_sandi(dari_stdin: bool) -> str | None:
    if dari_stdin:
        return sys.stdin.readline().rstrip("\n")
    sandi = getpass.getpass("Kata sandi: ")
    if sandi != getpass.getpass("Ulangi kata sandi: "):
        print("Kata sandi tidak sama; tidak ada yang diubah.", file=sys.stderr)
        return None
    return sandi


def _opd_dikenal(db_path: Path) -> set[str] | None:
    from kinerja import db

    with db.buka(db_path) as con:
        return set(db.kueri(con, "opd_dikenal")["kode_opd"])


def jalankan(db_path: Path, args: argparse.Namespace) -> int:
    from kinerja import audit
    from kinerja.akses import akun, masuk
    from kinerja.akses.simpan import AksesTidakTersedia, lokasi_akses

    oleh = f"{getpass.getuser()} (baris perintah)"
    asal = audit.asal_baris_perintah()
    jenis = akun.SSO if getattr(args, "sso", False) else akun.LOKAL
    try:
        if args.aksi == "daftar":
            df = akun.daftar(db_path)
            if df.empty:
                print(f"Belum ada akun di {lokasi_akses(db_path)}. Buat dengan: python -m kinerja pengguna "
                      "tambah NAMA --peran admin")
                return 0
            for r in df.itertuples():
                opd = f" OPD {', '.join(r.opd)}" if len(r.opd) else ""
                tampil = f" ({r.nama_tampil})" if isinstance(r.nama_tampil, str) and r.nama_tampil else ""
                print(f"{r.jenis:5} {r.nama}{tampil}: {NAMA_PERAN[r.peran]}{opd}"
                      + ("" if r.aktif else " [nonaktif]"))
            return 0
        if args.aksi == "buka-kunci":
            masuk.buka_kunci(db_path, args.nama, oleh=oleh, asal=asal)
            print(f"Hitungan kata sandi salah untuk {args.nama.strip().lower()} dihapus.")
            return 0
        opd_dikenal = None
        if args.opd:
            if not db_path.exists():
                print(f"Database {db_path} tidak ada; kode OPD tidak dapat diperiksa.", file=sys.stderr)
                return 1
            opd_dikenal = _opd_dikenal(db_path)
        sandi = None
        if jenis == akun.LOKAL and (args.aksi == "tambah" or args.ganti_sandi):
            sandi = _minta_sandi(args.sandi_stdin)
            if sandi is None:
                return 1
        if args.aksi == "tambah":
            nama = akun.tambah(db_path, jenis, args.nama, args.peran, kata_sandi=sandi, nama_tampil=args.nama_tampil,
                               opd=args.opd or (), opd_dikenal=opd_dikenal, oleh=oleh, asal=asal)
            print(f"Akun {jenis} {nama} dibuat: {NAMA_PERAN[args.peran]}"
                  + (f", OPD {', '.join(sorted(set(args.opd)))}" if args.opd else "") + ".")
            return 0
        aktif = True if args.aktif else False if args.nonaktif else None
        uraian = akun.ubah(db_path, jenis, args.nama, peran=args.peran, opd=args.opd, kata_sandi=sandi,
                           aktif=aktif, nama_tampil=args.nama_tampil, opd_dikenal=opd_dikenal, oleh=oleh, asal=asal)
        print(f"Akun {akun.normal(jenis, args.nama)}: " + ("; ".join(uraian) if uraian else "tidak ada yang berubah")
              + ".")
        return 0
    except akun.AkunDitolak as e:
        print(f"Ditolak: {e}", file=sys.stderr)
        return 1
    except AksesTidakTersedia as e:
        print(str(e), file=sys.stderr)
        return 1
