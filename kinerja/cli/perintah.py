"""Baris perintah: python -m kinerja demo | baru | impor | perbarui | ... (kontrak, lihat DESIGN.md)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from kinerja.cli import bahasa as cli_bahasa

from kinerja.cli import pengguna as cli_pengguna
from kinerja.basisdata.lokasi import lokasi_database

cli_bahasa.pasang()


def _arg_db(p: argparse.ArgumentParser) -> None:
    p.add_argument("--db", type=Path, help="berkas database (bawaan: $KINERJA_DB atau data/kinerja.duckdb)")


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="python -m kinerja",
        description="Dasbor Kinerja OPD: membangun dan mengisi database kinerja.",
    )
    sub = p.add_subparsers(dest="perintah", metavar="PERINTAH", title="perintah")
    sub.required = True

    demo = sub.add_parser("demo", help="bangun database demo (Kabupaten Nusa Makmur, fiktif)",
                          description="Bangun database demo dari data/demo/*.csv. "
                                      "Aman dijalankan berulang: tidak berubah bila sudah mutakhir. "
                                      "Tidak pernah menimpa berkas yang berisi data selain demo "
                                      "(data yang diimpor, pemda lain, berkas asing): itu ditolak.")
    _arg_db(demo)
    demo.add_argument("--paksa", action="store_true", help="bangun ulang walaupun sudah mutakhir")
    demo.add_argument("--biarkan-data-sendiri", action="store_true",
                      help="bila berkas berisi data selain demo, biarkan (keluar 0) alih-alih menolak; "
                           "dipakai jalankan.sh")

    baru = sub.add_parser("baru", help="buat database kosong untuk pemda sendiri (kode wilayah Kemendagri)",
                          description="Buat database kosong untuk satu pemda: skema, aturan, skala bawaan, "
                                      "pengaturan dan pemda itu saja, siap diisi dengan impor. Kode dan nama "
                                      "pemda diambil dari rujukan kode wilayah Kemendagri (38 provinsi, 514 "
                                      "kabupaten/kota). Berkas yang berisi data tidak pernah ditimpa; berkas "
                                      "berisi demo saja diganti.")
    _arg_db(baru)
    baru.add_argument("--pemda", metavar="KODE", help="kode wilayah Kemendagri, mis. 18.01 (Kabupaten Lampung "
                                                      "Selatan) atau 18 (Provinsi Lampung)")
    baru.add_argument("--nama", help="nama pemda yang ditampilkan (bawaan: nama resmi dari rujukan)")
    baru.add_argument("--daftar", nargs="?", const="", metavar="KATA",
                      help="tampilkan kode wilayah yang kode atau namanya memuat KATA, tanpa membuat apa pun")

    impor = sub.add_parser("impor", help="validasi lalu muat berkas ke database",
                           description="Validasi berkas, lalu muat seluruhnya dalam satu transaksi. "
                                       "Bila ada masalah, semua masalah dilaporkan per baris dan "
                                       "database tidak berubah.")
    _arg_db(impor)
    impor.add_argument("--format", choices=["template", "sipd-lra", "sipd-rak"],
                       help="jenis berkas; bila tidak diisi ditebak dari isinya")
    impor.add_argument("--pemda", help="kode pemda tujuan (SIPD), bila database berisi lebih dari satu pemda")
    impor.add_argument("--tahun", type=int, help="tahun anggaran (SIPD)")
    impor.add_argument("--bulan", type=int, help="bulan data (SIPD), 1-12")
    jenis = impor.add_mutually_exclusive_group()
    jenis.add_argument("--kumulatif", action="store_true", help="angka s.d. bulan ini (SIPD)")
    jenis.add_argument("--bulanan", action="store_true", help="angka bulan ini saja (SIPD)")
    impor.add_argument("--buat-opd", action="store_true", help="buat OPD yang belum dikenal dari berkas")
    impor.add_argument("--terima-turun", action="store_true",
                       help="muat LRA kumulatif walau realisasinya lebih rendah dari bulan sebelumnya "
                            "(koreksi yang disengaja); log impor mencatatnya")
    impor.add_argument("--dry-run", action="store_true", help="hanya validasi; tidak ada yang ditulis")
    impor.add_argument("berkas", nargs="+", type=Path, metavar="BERKAS",
                       help="templat XLSX, CSV templat atau foldernya, ekspor SIPD LRA/RAK (.xlsx)")

    perbarui = sub.add_parser("perbarui", help="perbarui aturan (makro/view) database ke versi aplikasi ini",
                              description="Buat ulang makro dan view database (aturan capaian dan "
                                          "serapan) sesuai versi aplikasi ini, tanpa mengubah data. "
                                          "Perlu bila database dibangun versi aplikasi sebelumnya. "
                                          "Aman dijalankan berulang: tidak berubah bila sudah mutakhir.")
    _arg_db(perbarui)

    from kinerja.basisdata.cadangan import JUMLAH_BAWAAN, KUNCI_JUMLAH

    cadangan = sub.add_parser("cadangan", help="daftar cadangan database yang disimpan di sampingnya",
                              description="Tampilkan cadangan database, terbaru dulu. Sebelum setiap penulisan "
                                          "(impor, perbarui, pulihkan) isi lama disimpan sebagai cadangan "
                                          "bertanggal di folder <nama>.cadangan/ di samping berkas database "
                                          "(mis. data/kinerja.cadangan/). Yang disimpan hanya yang terakhir: "
                                          f"pengaturan {KUNCI_JUMLAH} di tabel pengaturan, bawaan {JUMLAH_BAWAAN}.")
    _arg_db(cadangan)

    pulihkan = sub.add_parser("pulihkan", help="pulihkan database dari salah satu cadangannya",
                              description="Ganti database dengan isi cadangan BERKAS. Ditulis ke salinan lalu "
                                          "ditukar, jadi dasbor yang berjalan tidak perlu dihentikan. Isi yang "
                                          "diganti disimpan dulu sebagai cadangan baru, sehingga pemulihan dapat "
                                          "dibatalkan dengan memulihkan cadangan itu. Pemulihan dicatat di log impor. "
                                          "Cadangan yang bukan database dasbor ditolak; database tidak berubah.")
    _arg_db(pulihkan)
    pulihkan.add_argument("berkas", metavar="BERKAS",
                          help="nama berkas cadangan dari daftar `python -m kinerja cadangan` "
                               "(atau path-nya di folder cadangan)")

    templat = sub.add_parser("template", help="tulis templat impor XLSX berisi petunjuk dan contoh",
                             description="Tulis buku kerja templat impor (lembar Petunjuk, satu lembar "
                                         "per tabel, daftar pilihan, contoh).")
    templat.add_argument("--out", type=Path, default=Path("templat-impor-kinerja.xlsx"),
                         help="berkas keluaran (bawaan: templat-impor-kinerja.xlsx)")
    templat.add_argument("--tanpa-contoh", action="store_true", help="hanya judul kolom, tanpa baris contoh")
    ekspor = sub.add_parser("ekspor", help="tulis paket bahan rapat (XLSX, PPTX atau PDF)",
                            description="Tulis paket bahan rapat evaluasi untuk satu periode: ringkasan dan "
                                        "poin penting, peringkat, di bawah target, slide per OPD atau per bidang "
                                        "seperti Mode Rapat, indikator, anggaran, kendala.")
    _arg_db(ekspor)
    ekspor.add_argument("--tahun", type=int, required=True, help="tahun")
    ekspor.add_argument("--triwulan", type=int, choices=[1, 2, 3, 4],
                        help="triwulan (bawaan: triwulan terakhir yang ada datanya pada tahun itu)")
    ekspor.add_argument("--format", choices=["xlsx", "pptx", "pdf"], required=True, help="jenis berkas")
    ekspor.add_argument("--out", type=Path, help="berkas keluaran (bawaan: nama berisi pemda, tahun, triwulan)")
    ekspor.add_argument("--pemda", help="kode pemda, bila database berisi lebih dari satu pemda")
    ekspor.add_argument("--slide", choices=["semua", "bawah", "bidang"], default="bawah",
                        help="slide/bagian per OPD seperti Mode Rapat: semua = semua OPD urut peringkat, "
                             "bawah = hanya OPD di bawah target, terburuk dulu (bawaan), bidang = satu per "
                             "bidang urusan")

    sandi = sub.add_parser("sandi", help="buat hash kata sandi administrator awal untuk .streamlit/secrets.toml",
                           description="Minta kata sandi (dua kali, tidak tampil) lalu cetak baris untuk "
                                       ".streamlit/secrets.toml (hash argon2id). Kata sandinya sendiri tidak "
                                       "disimpan di mana pun. Administrator awal (nama pengguna admin) berlaku "
                                       "sampai ada akun administrator: python -m kinerja pengguna tambah NAMA "
                                       "--peran admin.")
    sandi.add_argument("--stdin", action="store_true", help="baca kata sandi dari masukan standar (untuk skrip)")
    cli_pengguna.tambah_parser(sub)
    return p


def main(argv: list[str] | None = None) -> int:
    import duckdb

    from kinerja.galat import BukanDatabase, PenulisanGagal, pesan_tulis
    from kinerja.cli.keluaran import KeluaranDitolak

    args = _parser().parse_args(argv)
    try:
        return _perintah(args)
    except (BukanDatabase, KeluaranDitolak, PenulisanGagal) as e:
        print(str(e), file=sys.stderr)
        return 1
    except (OSError, duckdb.Error) as e:
        # Disk penuh atau folder tanpa hak tulis di tempat yang tidak menanganinya sendiri.
        pesan = pesan_tulis(e, getattr(args, "db", None) or lokasi_database())
        if pesan is None:
            raise
        print(pesan, file=sys.stderr)
        return 1


def _perintah(args: argparse.Namespace) -> int:
    from kinerja.galat import periksa_database
    from kinerja.cli.keluaran import tulis_keluaran

    if args.perintah == "template":
        from kinerja.impor.templat_xlsx import tulis_templat

        args.out.expanduser().parent.mkdir(parents=True, exist_ok=True)
        tulis_keluaran(args.out, lambda p: tulis_templat(p, contoh=not args.tanpa_contoh),
                       [lokasi_database()])
        print(f"Templat ditulis: {args.out}")
        return 0
    if args.perintah == "sandi":
        return _sandi(args.stdin)
    db_path = (args.db.expanduser().resolve() if args.db else lokasi_database())
    if args.perintah not in ("cadangan", "pulihkan"):
        # Sebelum apa pun dibuka atau dibuat di sampingnya (mis. database akses). cadangan dan
        # pulihkan tetap jalan: memulihkan database yang rusak dari cadangan adalah gunanya.
        periksa_database(db_path)
    if args.perintah == "demo":
        return _demo(db_path, args.paksa, args.biarkan_data_sendiri)
    if args.perintah == "baru":
        return _baru(db_path, args)
    if args.perintah == "perbarui":
        return _perbarui(db_path)
    if args.perintah == "cadangan":
        return _cadangan(db_path)
    if args.perintah == "pulihkan":
        return _pulihkan(db_path, args.berkas)
    if args.perintah == "ekspor":
        return _ekspor(db_path, args)
    if args.perintah == "pengguna":
        return cli_pengguna.jalankan(db_path, args)
    return _impor(db_path, args)


def _sandi(dari_stdin: bool) -> int:
    import getpass

    from kinerja.akses.sandi import buat_hash, masalah_sandi

    if dari_stdin:
        sandi = sys.stdin.readline().rstrip("\n")
    else:
        sandi = getpass.getpass("Kata sandi administrator: ")
        if sandi != getpass.getpass("Ulangi kata sandi: "):
            print("Kata sandi tidak sama; tidak ada yang dibuat.", file=sys.stderr)
            return 1
    masalah = masalah_sandi(sandi)
    if masalah:
        print(masalah, file=sys.stderr)
        return 1
    print("# Salin ke .streamlit/secrets.toml (jangan di-commit):")
    print("[admin]")
    print(f'sandi_hash = "{buat_hash(sandi)}"')
    return 0


def _database_ada(db_path: Path) -> bool:
    if db_path.exists():
        return True
    print(f"Database {db_path} tidak ada. Buat database untuk pemda sendiri dengan: python -m kinerja baru "
          f"--db {db_path} --pemda KODE (kode wilayah Kemendagri, mis. 18.01; cari dengan: python -m kinerja "
          f"baru --daftar NAMA), atau database demo dengan: python -m kinerja demo --db {db_path}",
          file=sys.stderr)
    return False


def _baru(db_path: Path, args: argparse.Namespace) -> int:
    from kinerja.basisdata.baru import BaruDitolak, buat_baru, daftar

    if args.daftar is not None:
        hasil = daftar(args.daftar)
        for w in hasil:
            print(f"{w.kode:6} {w.nama}" + (f" (dahulu {', '.join(w.alias)})" if w.alias else ""))
        if not hasil:
            print(f"Tidak ada kode wilayah yang memuat '{args.daftar}'.", file=sys.stderr)
            return 1
        return 0
    if not args.pemda:
        print("Sebutkan pemdanya: python -m kinerja baru --pemda KODE (mis. 18.01). Cari kodenya dengan: "
              "python -m kinerja baru --daftar NAMA", file=sys.stderr)
        return 1
    try:
        w, demo_diganti = buat_baru(db_path, args.pemda, args.nama)
    except BaruDitolak as e:
        print(str(e), file=sys.stderr)
        return 1
    if demo_diganti:
        print(f"Database demo di {db_path} diganti (demo dapat dibangun ulang dengan: python -m kinerja demo "
              "--db BERKAS_LAIN).")
    print(f"Database untuk {args.nama.strip() if args.nama else w.nama} ({w.kode}) dibuat: {db_path}")
    print(f"Langkah berikutnya: python -m kinerja impor --db {db_path} BERKAS (templat XLSX/CSV atau ekspor "
          "SIPD; lihat README, bagian Memuat data sendiri).")
    return 0


def _ekspor(db_path: Path, args: argparse.Namespace) -> int:
    from kinerja import db
    from kinerja.ekspor import nama_paket, tulis
    from kinerja.cli.keluaran import periksa_keluaran, tulis_keluaran
    from kinerja.rapat.paket import susun_paket
    from kinerja.skema import SkemaTidakCocok, periksa_turunan, periksa_versi

    if not _database_ada(db_path):
        return 1
    if args.out:
        periksa_keluaran(args.out, [db_path])  # sebelum paket disusun: gagal cepat
    con = db.buka(db_path, read_only=True)
    try:
        periksa_versi(con)
        periksa_turunan(con, db_path)
        pemda = db.kueri(con, "pemda")
        if args.pemda and args.pemda not in set(pemda["kode_pemda"]):
            print(f"Pemda {args.pemda} tidak ada; pilihan: {', '.join(pemda['kode_pemda'])}", file=sys.stderr)
            return 1
        if not args.pemda and len(pemda) > 1:
            print(f"Database berisi {len(pemda)} pemda; sebutkan dengan --pemda "
                  f"({', '.join(pemda['kode_pemda'])})", file=sys.stderr)
            return 1
        kode = args.pemda or pemda["kode_pemda"].iloc[0]
        periode = db.kueri(con, "periode_tersedia")
        tw_ada = sorted(periode.loc[(periode["kode_pemda"] == kode) & (periode["tahun"] == args.tahun),
                                    "triwulan"].astype(int))
        if not tw_ada:
            print(f"Tidak ada data untuk tahun {args.tahun}.", file=sys.stderr)
            return 1
        triwulan = args.triwulan or tw_ada[-1]
        if triwulan not in tw_ada:
            print(f"Tidak ada data untuk TW {triwulan} {args.tahun}; yang ada: "
                  f"{', '.join(f'TW {t}' for t in tw_ada)}.", file=sys.stderr)
            return 1
        paket = susun_paket(con, kode, args.tahun, triwulan, himpunan=args.slide)
        out = args.out or Path(nama_paket(paket.nama_pemda, args.tahun, triwulan, args.format))
        catatan = tulis_keluaran(out, lambda p: tulis(paket, args.format, p), [db_path])
    except SkemaTidakCocok as e:
        print(str(e), file=sys.stderr)
        return 1
    finally:
        con.close()
    print(f"Paket rapat ditulis: {out}")
    for c in catatan:
        print(f"  catatan: {c}")
    return 0


def _demo(db_path: Path, paksa: bool, biarkan_data_sendiri: bool = False) -> int:
    from kinerja.basisdata.demo import DemoDitolak, bangun_demo, isi_selain_demo
    from kinerja.impor.masalah import ImporGagal

    if biarkan_data_sendiri and (isi := isi_selain_demo(db_path)):
        print(f"Database {db_path} dipakai apa adanya ({isi}); data demo tidak dibangun.")
        return 0
    try:
        hasil = bangun_demo(db_path, paksa=paksa)
    except DemoDitolak as e:
        print(str(e), file=sys.stderr)
        return 1
    except ImporGagal as e:
        print(f"Data demo tidak sah ({len(e.masalah)} masalah):", file=sys.stderr)
        for m in e.masalah:
            print(f"  - {m}", file=sys.stderr)
        return 1
    if hasil is None:
        print(f"Database demo sudah mutakhir: {db_path}")
    else:
        print(f"Database demo dibangun: {db_path} ({hasil.ringkas()})")
        print("Data demo fiktif. Untuk data daerah Anda: python -m kinerja baru --pemda KODE (lihat README, "
              "bagian Memuat data sendiri).")
    return 0


def _perbarui(db_path: Path) -> int:
    import duckdb

    from kinerja import db
    from kinerja.basisdata.cadangan import CadanganGagal
    from kinerja.impor.tukar import DatabaseBerubah, tulis_lewat_salinan
    from kinerja.skema import SkemaTidakCocok, perbarui_turunan, periksa_versi, turunan_mutakhir

    if not _database_ada(db_path):
        return 1
    try:
        # Periksa baca-saja dulu: database yang sudah mutakhir tidak dibuka untuk ditulis
        # (berkas tidak berubah, dan berhasil walau dasbor sedang membukanya).
        con = db.buka(db_path, read_only=True)
        try:
            periksa_versi(con)
            diperbarui = not turunan_mutakhir(con)
        finally:
            con.close()
        if diperbarui:
            # Lewat salinan: dasbor yang sedang membuka berkas tidak perlu dihentikan.
            diperbarui = tulis_lewat_salinan(db_path, perbarui_turunan)
    except SkemaTidakCocok as e:
        print(str(e), file=sys.stderr)
        return 1
    except DatabaseBerubah:
        print(f"Database {db_path} diubah proses lain selama pembaruan; ulangi.", file=sys.stderr)
        return 1
    except CadanganGagal as e:
        print(str(e), file=sys.stderr)
        return 1
    except duckdb.IOException as e:
        return _terkunci(e, db_path, "aturannya tidak dapat diperbarui")
    if diperbarui:
        print(f"Aturan (makro/view) database diperbarui ke versi aplikasi ini; data tidak berubah: {db_path}")
    else:
        print(f"Aturan (makro/view) database sudah mutakhir: {db_path}")
    return 0


def _terkunci(e: Exception, db_path: Path, akibat: str) -> int:
    """Proses lain memegang kunci tulis berkas: pesan jelas, keluar 1; galat lain diteruskan."""
    from kinerja import db

    if not db.terkunci(e):
        raise e
    print(f"Database {db_path} sedang ditulis proses lain (mis. impor), sehingga {akibat}. "
          "Tunggu sampai selesai lalu ulangi. Tidak ada yang berubah.", file=sys.stderr)
    return 1


def _ukuran(n: int) -> str:
    from kinerja import format as fmt

    for batas, satuan in ((1e9, "GB"), (1e6, "MB")):
        if n >= batas:
            return f"{fmt.angka(n / batas, 1)} {satuan}"
    return f"{fmt.angka(n / 1e3, 0)} KB" if n >= 1e3 else f"{n} byte"


def _perintah_pulihkan(db_path: Path, nama: str) -> str:
    import shlex

    return f"python -m kinerja pulihkan --db {shlex.quote(str(db_path))} {shlex.quote(nama)}"


def _cadangan(db_path: Path) -> int:
    from kinerja import format as fmt
    from kinerja.basisdata.cadangan import daftar, folder_cadangan, jumlah_untuk

    folder = folder_cadangan(db_path)
    semua = daftar(db_path)
    if not semua:
        print(f"Belum ada cadangan untuk {db_path} (folder {folder}). Cadangan dibuat otomatis "
              "sebelum setiap impor, perbarui dan pulihkan.")
        return 0
    jumlah = jumlah_untuk(db_path) if db_path.exists() else None
    batas = f"; yang disimpan {jumlah} terakhir" if jumlah else ""
    print(f"Cadangan {db_path}, terbaru dulu ({len(semua)} di {folder}{batas}):")
    if not db_path.exists():
        print("  (berkas database tidak ada; pulihkan membuatnya kembali dari cadangan)")
    lebar = len(str(len(semua)))
    for i, c in enumerate(semua, 1):
        print(f"{i:>{lebar}}. {c.path.name}  disimpan {fmt.waktu(c.disimpan)}, {_ukuran(c.ukuran)}")
        print(f"{'':>{lebar}}  isi: {c.isi}")
    print(f"Pulihkan salah satunya dengan: {_perintah_pulihkan(db_path, 'BERKAS')}")
    print(f"  mis. yang terbaru: {_perintah_pulihkan(db_path, semua[0].path.name)}")
    return 0


def _pulihkan(db_path: Path, berkas: str) -> int:
    import duckdb

    from kinerja.basisdata.cadangan import CadanganGagal, CadanganTidakDikenal, CadanganTidakSah, pulihkan
    from kinerja.impor.tukar import DatabaseBerubah

    try:
        hasil = pulihkan(db_path, berkas)
    except (CadanganTidakDikenal, CadanganTidakSah, CadanganGagal) as e:
        print(str(e), file=sys.stderr)
        return 1
    except DatabaseBerubah:
        print(f"Database {db_path} diubah proses lain selama pemulihan; tidak ada yang dipulihkan. Ulangi.",
              file=sys.stderr)
        return 1
    except duckdb.IOException as e:
        return _terkunci(e, db_path, "tidak dapat dipulihkan")
    print(f"Database {db_path} dipulihkan dari cadangan {hasil.sumber.name} (dicatat di log impor).")
    if hasil.cadangan_baru is not None:
        print(f"Isi yang diganti disimpan sebagai cadangan {hasil.cadangan_baru.name}; batalkan dengan: "
              f"{_perintah_pulihkan(db_path, hasil.cadangan_baru.name)}")
    if not hasil.aturan_mutakhir:
        print(f"Aturan (makro/view) cadangan ini dari versi aplikasi lain; perbarui dengan: "
              f"python -m kinerja perbarui --db {db_path}")
    return 0


def _impor(db_path: Path, args: argparse.Namespace) -> int:
    from kinerja import db
    from kinerja.impor.berkas import tebak_format
    from kinerja.impor.masalah import ImporGagal
    from kinerja.impor.muat import siapkan_template
    from kinerja.impor.muat_sipd import siapkan_sipd
    from kinerja.skema import SkemaTidakCocok, perbarui_turunan, periksa_versi

    if not _database_ada(db_path):
        return 1

    def _siapkan(con) -> list:
        """Urai setiap berkas sekali dan periksa. Templat: semua berkas satu impor. SIPD: satu
        impor per berkas."""
        fmt = args.format or tebak_format(args.berkas[0])
        if fmt == "template":
            return [siapkan_template(con, args.berkas)]
        kumulatif = True if args.kumulatif else False if args.bulanan else None
        return [siapkan_sipd(con, b, args.format or tebak_format(b), tahun=args.tahun, bulan=args.bulan,
                             kumulatif=kumulatif, buat_opd=args.buat_opd, kode_pemda=args.pemda,
                             terima_turun=args.terima_turun) for b in args.berkas]

    import duckdb

    from kinerja.basisdata.cadangan import CadanganGagal
    from kinerja.impor.tukar import DatabaseBerubah, tulis_lewat_salinan

    def _muat(con) -> list:
        # Setelah validasi (yang tidak memakai makro/view): impor yang ditolak tidak mengubah
        # apa pun, dan database dari versi aplikasi sebelumnya tidak membuat dasbor gagal.
        if perbarui_turunan(con):
            print("Aturan (makro/view) database diperbarui ke versi aplikasi ini.")
        return [r.muat(con) for r in rencana]  # diperiksa ulang pada salinan, tanpa mengurai ulang

    try:
        # Validasi baca-saja: berhasil juga saat dasbor sedang membuka database.
        con = db.buka(db_path, read_only=True)
    except duckdb.IOException as e:
        if not db.terkunci(e):
            raise
        print(f"Database {db_path} sedang ditulis proses lain (mis. impor lain). Tunggu sampai selesai "
              "lalu ulangi. Tidak ada yang berubah.", file=sys.stderr)
        return 1
    try:
        try:
            periksa_versi(con)
            # Semua berkas divalidasi lebih dulu; baru dimuat bila tidak ada satu pun masalah.
            rencana = _siapkan(con)
            hasil = [r.info for r in rencana]
        finally:
            con.close()
        if not args.dry_run:
            # Dimuat ke salinan lalu ditukar: dasbor yang berjalan tidak perlu dihentikan.
            hasil = tulis_lewat_salinan(db_path, _muat)
    except SkemaTidakCocok as e:
        print(str(e), file=sys.stderr)
        return 1
    except ImporGagal as e:
        print(f"Impor ditolak, database tidak berubah. {len(e.masalah)} masalah:", file=sys.stderr)
        for m in e.masalah:
            print(f"  - {m}", file=sys.stderr)
        return 1
    except DatabaseBerubah:
        print(f"Database {db_path} diubah proses lain selama impor ini; tidak ada yang dimuat. "
              "Ulangi impor.", file=sys.stderr)
        return 1
    except CadanganGagal as e:
        print(str(e), file=sys.stderr)
        return 1
    for h in hasil:
        print(h.ringkas())
        for c in h.catatan:
            print(f"  catatan: {c}")
    return 0
