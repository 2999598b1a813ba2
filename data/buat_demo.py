"""Pembuat data demo Dasbor Kinerja OPD (fiktif, deterministik).

Membuat data contoh untuk sebuah kabupaten FIKTIF, "Kabupaten Nusa Makmur"
(kode_pemda 99.01), lalu menulisnya sebagai CSV ke ``data/demo/``:

- ``pemda.csv``      satu baris pemerintah daerah;
- ``opd.csv``        39 perangkat daerah dan 8 kecamatan, kode berbentuk SIPD
                     ``X.XX.X.XX.X.XX.NN.0000`` (nomenklatur Permendagri 90/2019);
- ``indikator.csv``  8-12 indikator per OPD (polaritas naik/turun/rentang,
                     agregasi jumlah/terakhir, tingkat IKU/program/kegiatan);
- ``capaian.csv``    target dan realisasi kumulatif s.d. triwulan, 2021 TW I -
                     2026 TW III;
- ``anggaran.csv``   pagu, RAK kumulatif, realisasi keuangan kumulatif dan
                     realisasi fisik per OPD per bulan, Januari 2021 - September 2026;
- ``kendala.csv``    kendala dan tindak lanjut untuk setiap OPD dan periode yang
                     rata-rata capaiannya (dibatasi 100%) di bawah 95%.

Tabel isian daerah fiktif itu (daftar OPD dan kecamatan, indikator, kumpulan teks
kendala, tahun krisis, kategori yang dipaksakan) dibaca dari CSV di
``data/demo_sumber/``; berkas ini hanya memuat cara membangkitkannya. Sumber itu
sengaja tidak di ``data/demo/``: setiap CSV di sana dimuat aplikasi sebagai data.

Data ini disusun agar semua kasus yang harus ditangani dasbor benar-benar muncul:
kelima kategori Permendagri 86/2017, target nol dan kosong, realisasi kosong,
polaritas negatif yang capaiannya jatuh di bawah nol, capaian berlebih yang
mencurigakan, target rentang (di dalam, di bawah, di atas), APBD Perubahan, OPD
yang penyerapannya tertinggal, dan teks kendala yang berisi karakter HTML.

Hanya memakai pustaka standar Python. Jalankan dari akar repositori::

    python data/buat_demo.py

Benih acak tetap (20261123): dua kali dijalankan, hasilnya identik per byte.
"""

import csv
import random
from pathlib import Path

BENIH = 20261123
KODE_PEMDA = "99.01"
NAMA_PEMDA = "Kabupaten Nusa Makmur"
KETERANGAN = "Data fiktif untuk demo; bukan data pemerintah daerah mana pun."
TAHUN = list(range(2021, 2027))
TW_TERAKHIR = {2026: 3}  # 2026 baru sampai triwulan III
BULAN_TERAKHIR = {2026: 9}  # dan bulan September
BATAS_KENDALA = 95.0  # OPD di bawah ini wajib menulis kendala
FOLDER = Path(__file__).resolve().parent / "demo"
SUMBER = Path(__file__).resolve().parent / "demo_sumber"


# ---------------------------------------------------------------------------
# Pembaca tabel sumber (data/demo_sumber/*.csv, UTF-8, baris pertama judul kolom)
# ---------------------------------------------------------------------------
def baca_tabel(nama, kolom):
    """Baris-baris data/demo_sumber/<nama> sebagai dict; judul kolom harus persis ``kolom``."""
    path = SUMBER / nama
    with open(path, encoding="utf-8", newline="") as f:
        pembaca = csv.reader(f)
        judul = next(pembaca, None)
        if judul != kolom:
            raise SystemExit(f"{path}: judul kolom {judul} tidak sesuai; seharusnya {kolom}")
        baris = []
        for isi in pembaca:
            if len(isi) != len(kolom):
                raise SystemExit(f"{path} baris {pembaca.line_num}: {len(isi)} kolom, seharusnya {len(kolom)}")
            baris.append(dict(zip(kolom, isi)))
    return baris


def ya(nilai, nama_kolom):
    """Kolom penanda: 'ya' atau kosong."""
    if nilai not in ("ya", ""):
        raise SystemExit(f"kolom {nama_kolom} berisi {nilai!r}; isi 'ya' atau kosongkan")
    return nilai == "ya"


# ---------------------------------------------------------------------------
# Perangkat daerah (opd.csv): kode_opd, nama_opd, singkatan, profil kinerja,
# pagu 2021 dalam miliar Rp, kunci kumpulan kendala (kendala.csv).
# Profil: K = kuat (konsisten di atas target), S = sedang, L = lemah (sering di
# bawah target), V = labil (naik turun dari tahun ke tahun); lihat PROFIL.
# Kecamatan fiktif (kecamatan.csv): nama, profil, pagu 2021 miliar Rp, ukuran
# relatif wilayah; kodenya 7.01.0.00.0.00.NN.0000 menurut urutan baris.
# OPD dirujuk tabel lain dengan awalannya: singkatan tanpa spasi dan tanda baca,
# huruf besar (RSUD Pratama -> RSUDPRATAMA, Kec. Kota Makmur -> KECKOTAMAKMUR).
# ---------------------------------------------------------------------------
OPD = [(b["kode_opd"], b["nama_opd"], b["singkatan"], b["profil"], float(b["pagu_2021_miliar"]),
        b["kunci_kendala"])
       for b in baca_tabel("opd.csv", ["kode_opd", "nama_opd", "singkatan", "profil", "pagu_2021_miliar",
                                       "kunci_kendala"])]
KECAMATAN = [(b["nama_kecamatan"], b["profil"], float(b["pagu_2021_miliar"]), float(b["ukuran_wilayah"]))
             for b in baca_tabel("kecamatan.csv", ["nama_kecamatan", "profil", "pagu_2021_miliar",
                                                   "ukuran_wilayah"])]

# Beberapa OPD sengaja ditempatkan pada kategori tertentu di dua periode yang
# paling sering dibuka (2025 TW IV dan 2026 TW III), supaya kelima kategori
# Permendagri 86/2017 pasti muncul (paksa_kategori.csv). Nilainya rata-rata
# capaian (0-1), di tengah kategori agar tidak bergeser karena pembulatan.
PAKSA = {(int(b["tahun"]), b["awalan_opd"]): float(b["rata_capaian"])
         for b in baca_tabel("paksa_kategori.csv", ["tahun", "awalan_opd", "rata_capaian"])}
TW_KUNCI = {2025: 4, 2026: 3}

# Tahun buruk yang punya cerita, agar setiap periode ada OPD di bawah 75% (krisis.csv):
# (tahun, OPD) -> (penurunan kinerja, (kendala, tindak lanjut) khas kejadian itu).
KRISIS = {(int(b["tahun"]), b["awalan_opd"]): (float(b["penurunan_kinerja"]), (b["kendala"], b["tindak_lanjut"]))
          for b in baca_tabel("krisis.csv", ["tahun", "awalan_opd", "penurunan_kinerja", "kendala",
                                             "tindak_lanjut"])}

# ---------------------------------------------------------------------------
# Indikator (indikator.csv; satu baris satu indikator, urutan baris dalam satu
# kelompok menjadi nomor indikator_id AWALAN-NN). Kolom:
# - kelompok: awalan OPD, atau KECAMATAN untuk indikator yang dimiliki setiap kecamatan;
# - kode_generik: bila diisi (G1..G5), indikator penunjang yang dimiliki banyak OPD,
#   diambil dari indikator_generik.csv, dan kolom lain dikosongkan;
# - target_2021 ditulis "a-b" untuk polaritas rentang (batas bawah-batas atas);
#   bertitik desimal ("9.8", "25.0") berarti nilai berdesimal; tanpa titik berarti
#   bilangan bulat (kecuali satuan % dan rentang, selalu desimal);
# - perubahan_per_tahun: pergeseran target Renstra setiap tahun sejak 2021;
# - porsi_tw "a/b/c": porsi target TW I/II/III dari target tahunan (rencana aksi);
# - nilai_maks: nilai tertinggi yang mungkin (skala indeks/skor, mis. opini BPK 4);
# - rentang_atas_baik "ya": di atas rentang tetap dinilai baik;
# - ikut_ukuran_wilayah "ya": target_2021 (bilangan bulat) dikalikan ukuran wilayah
#   kecamatan lalu dibulatkan, paling sedikit 1.
# ---------------------------------------------------------------------------
KOLOM_INDIKATOR = ["indikator", "satuan", "polaritas", "agregasi", "tingkat", "target_2021",
                   "perubahan_per_tahun", "porsi_tw", "nilai_maks", "rentang_atas_baik", "ikut_ukuran_wilayah"]
GENERIK = {b["kode_generik"]: b for b in baca_tabel("indikator_generik.csv", ["kode_generik"] + KOLOM_INDIKATOR)}


def _baca_indikator():
    """Kelompok -> baris indikator berurutan, rujukan kode_generik sudah diganti isinya."""
    hasil = {}
    for b in baca_tabel("indikator.csv", ["kelompok", "kode_generik"] + KOLOM_INDIKATOR):
        kode = b["kode_generik"]
        if kode:
            if kode not in GENERIK or any(b[k] for k in KOLOM_INDIKATOR):
                raise SystemExit(f"indikator.csv, kelompok {b['kelompok']}: kode_generik {kode!r} harus ada di "
                                 "indikator_generik.csv dan kolom lain baris itu dikosongkan")
            hasil.setdefault(b["kelompok"], []).append(GENERIK[kode])
        else:
            hasil.setdefault(b["kelompok"], []).append(b)
    return hasil


INDIKATOR = _baca_indikator()


# ---------------------------------------------------------------------------
# Kendala dan tindak lanjut (kendala.csv). Kolom kumpulan: UMUM (dapat dipakai
# semua OPD), PANDEMI (2021 dan semester I 2022), atau kunci_kendala OPD
# (KECAMATAN untuk setiap kecamatan). tahun_awal dan tahun_akhir (keduanya atau
# tidak sama sekali) membatasi tahun kendala itu boleh muncul.
# Tuple (kendala, tindak lanjut[, tahun_min, tahun_max]).
# ---------------------------------------------------------------------------
def _baca_kendala():
    hasil = {}
    for b in baca_tabel("kendala.csv", ["kumpulan", "kendala", "tindak_lanjut", "tahun_awal", "tahun_akhir"]):
        k = (b["kendala"], b["tindak_lanjut"])
        if b["tahun_awal"] or b["tahun_akhir"]:
            k += (int(b["tahun_awal"]), int(b["tahun_akhir"]))
        hasil.setdefault(b["kumpulan"], []).append(k)
    return hasil


KENDALA_OPD = _baca_kendala()
KENDALA_UMUM = KENDALA_OPD.pop("UMUM")
KENDALA_PANDEMI = KENDALA_OPD.pop("PANDEMI")

# Dua baris kendala sengaja memuat < > & dan tanda kutip, agar dasbor terbukti
# meng-escape teks sebelum menampilkannya sebagai HTML (kendala_khusus.csv).
KENDALA_KHUSUS = {(int(b["tahun"]), int(b["triwulan"]), b["awalan_opd"]): (b["kendala"], b["tindak_lanjut"])
                  for b in baca_tabel("kendala_khusus.csv", ["tahun", "triwulan", "awalan_opd", "kendala",
                                                             "tindak_lanjut"])}

# Pergeseran rata-rata kinerja per tahun: 2021 lebih buruk (pandemi), lalu membaik.
EFEK_TAHUN = {2021: -0.015, 2022: -0.01, 2023: 0.0, 2024: 0.005, 2025: 0.005, 2026: 0.0}
# Capaian s.d. TW I biasanya sedikit tertinggal (kegiatan baru mulai).
EFEK_TW = {1: -0.01, 2: -0.005, 3: 0.0, 4: 0.005}
# (rata-rata dasar, sebaran dasar, volatilitas min, volatilitas maks) per profil
PROFIL = {
    "K": (1.03, 0.02, 0.010, 0.025),
    "S": (1.015, 0.015, 0.015, 0.035),
    "L": (0.87, 0.03, 0.04, 0.065),
    "V": (0.975, 0.02, 0.05, 0.08),
}
P_MAKS = 1.30  # realisasi wajar paling tinggi 130% dari target
# Batas atas pergeseran rata-rata: OPD kuat cukup sedikit di atas target; tanpa batas
# ini realisasi indikator stok akan melonjak-lonjak antartriwulan.
C_MAKS = 1.08
P_MIN = 0.02


# ---------------------------------------------------------------------------
# Struktur dan fungsi bantu
# ---------------------------------------------------------------------------
class Opd:
    def __init__(self, kode, nama, singkatan, profil, pagu, kunci, kecamatan=False, ukuran=None):
        self.kode, self.nama, self.singkatan = kode, nama, singkatan
        self.profil, self.pagu_miliar, self.kunci = profil, pagu, kunci
        self.kecamatan, self.ukuran = kecamatan, ukuran
        self.awalan = "".join(ch for ch in singkatan.upper() if ch.isalnum())
        self.indikator = []


class Indikator:
    def __init__(self, opd, nomor, b):
        """b: satu baris indikator.csv atau indikator_generik.csv (lihat KOLOM_INDIKATOR)."""
        self.nama, self.satuan, self.polaritas = b["indikator"], b["satuan"], b["polaritas"]
        self.agregasi, self.tingkat = b["agregasi"], b["tingkat"]
        target, langkah = b["target_2021"], b["perubahan_per_tahun"]
        self.opd = opd
        self.id = f"{opd.awalan}-{nomor:02d}"
        if ya(b["ikut_ukuran_wilayah"], "ikut_ukuran_wilayah"):
            if opd.ukuran is None:
                raise SystemExit(f"{self.id}: ikut_ukuran_wilayah hanya untuk indikator kecamatan")
            target = str(max(1, int(round(float(target) * opd.ukuran))))
        self.atas_baik = ya(b["rentang_atas_baik"], "rentang_atas_baik")
        self.porsi_tw = [float(x) for x in b["porsi_tw"].split("/")] if b["porsi_tw"] else None
        self.maks = float(b["nilai_maks"]) if b["nilai_maks"] else None
        self.rentang = self.polaritas == "rentang"
        self.persen = self.satuan == "%"
        self.jumlah = self.agregasi == "jumlah"
        desimal = "." in target or self.persen or self.rentang
        self.dec = 2 if desimal else 0
        if self.rentang:
            bawah, atas = target.split("-")
            self.dasar = (float(bawah), float(atas))
        else:
            self.dasar = float(target)
        self.langkah = float(langkah)
        self.nol = not self.rentang and self.dasar == 0  # target nol sepanjang waktu


def bulat(x, dec):
    return int(round(x)) if dec == 0 else round(x, dec)


def teks_angka(x, dec=2):
    """Titik desimal, tanpa pemisah ribuan, paling banyak 2 desimal, kosong bila None."""
    if x is None:
        return ""
    if dec == 0 or isinstance(x, int):
        return str(int(round(x)))
    s = f"{x:.2f}".rstrip("0").rstrip(".")
    return "0" if s in ("-0", "") else s


def hitung_capaian(ind, target, target_atas, realisasi):
    """Capaian satu baris (dibatasi 100), persis seperti dasbor; None bila dikecualikan."""
    if target is None or realisasi is None or target == 0:
        return None
    if ind.polaritas == "naik":
        c = realisasi / target * 100
    elif ind.polaritas == "turun":
        c = max(0.0, (2 * target - realisasi) / target * 100)
    elif target <= realisasi <= target_atas:
        c = 100.0
    elif realisasi < target:
        c = realisasi / target * 100
    elif ind.atas_baik:
        c = 100.0
    else:
        c = max(0.0, (2 * target_atas - realisasi) / target_atas * 100)
    return min(c, 100.0)


def kategori(c):
    """Kategori Permendagri 86/2017 (batas tertutup di bawah)."""
    if c >= 91:
        return "Sangat Tinggi"
    if c >= 76:
        return "Tinggi"
    if c >= 66:
        return "Sedang"
    if c >= 51:
        return "Rendah"
    return "Sangat Rendah"


def periode_semua():
    for t in TAHUN:
        for q in range(1, TW_TERAKHIR.get(t, 4) + 1):
            yield t, q


def tulis_csv(nama, kolom, baris):
    FOLDER.mkdir(parents=True, exist_ok=True)
    with open(FOLDER / nama, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(kolom)
        w.writerows(baris)
    return len(baris)


# ---------------------------------------------------------------------------
# Pembangkit
# ---------------------------------------------------------------------------
def susun_opd():
    daftar = [Opd(*baris) for baris in OPD]
    for i, (nama, profil, pagu, ukuran) in enumerate(KECAMATAN, start=1):
        o = Opd(f"7.01.0.00.0.00.{i:02d}.0000", f"Kecamatan {nama}", f"Kec. {nama}",
                profil, pagu, "KECAMATAN", kecamatan=True, ukuran=ukuran)
        daftar.append(o)
    for o in daftar:
        kelompok = "KECAMATAN" if o.kecamatan else o.awalan
        if kelompok not in INDIKATOR:
            raise SystemExit(f"indikator.csv: tidak ada indikator untuk kelompok {kelompok}")
        for nomor, b in enumerate(INDIKATOR[kelompok], start=1):
            o.indikator.append(Indikator(o, nomor, b))
    daftar.sort(key=lambda o: o.kode)
    return daftar


def target_tahunan(ind, tahun, rng):
    """Target tahunan dari Renstra: bergeser sedikit tiap tahun menuju sasaran akhir."""
    k = tahun - 2021
    if ind.rentang:
        return (round(ind.dasar[0] + ind.langkah * k, 2), round(ind.dasar[1] + ind.langkah * k, 2))
    t = ind.dasar + ind.langkah * k
    if ind.jumlah and ind.dec == 0 and t >= 50:
        t *= rng.uniform(0.98, 1.02)  # angka rencana aksi jarang bulat sempurna
    if ind.persen:
        t = min(t, 100.0)
    if ind.dasar > 0:
        t = max(t, ind.dasar * 0.2)
    return bulat(t, ind.dec)


def target_triwulan(ind, tahunan, rng):
    """Target kumulatif s.d. TW I-IV dari rencana aksi."""
    if ind.rentang:
        return [tahunan] * 4
    if ind.porsi_tw is not None:
        porsi = ind.porsi_tw + [1.0]
    elif ind.jumlah:
        porsi = [rng.uniform(0.20, 0.25), rng.uniform(0.45, 0.50), rng.uniform(0.70, 0.75), 1.0]
    elif rng.random() < 0.5:
        porsi = [1.0] * 4  # target tahunan berlaku di setiap triwulan
    else:
        g = rng.uniform(0.005, 0.02)  # target naik bertahap menuju target tahunan
        arah = -1 if ind.polaritas == "naik" else 1
        porsi = [1 + arah * g * (4 - q) for q in range(1, 5)]
    hasil = [bulat(tahunan * p, ind.dec) for p in porsi]
    if ind.persen:
        hasil = [min(x, 100.0) for x in hasil]
    return hasil


def tingkat_kinerja(daftar, rng):
    """Rata-rata capaian sasaran (0-1) setiap OPD per tahun dan triwulan."""
    tingkat = {}
    for o in daftar:
        rata, sebar, vmin, vmaks = PROFIL[o.profil]
        kuat = rng.gauss(rata, sebar)  # kekuatan yang menetap
        vol = rng.uniform(vmin, vmaks)
        tren = rng.uniform(-0.003, 0.008)  # sebagian OPD membaik pelan-pelan
        o.kuat, o.vol = kuat, vol
        for t in TAHUN:
            dasar = kuat + tren * (t - 2021) + EFEK_TAHUN[t] + vol * rng.gauss(0, 1)
            dasar += KRISIS.get((t, o.awalan), (0.0, None))[0]
            for q in range(1, 5):
                a = dasar + EFEK_TW[q] + 0.35 * vol * rng.gauss(0, 1)
                paksa = PAKSA.get((t, o.awalan))
                if paksa is not None:
                    a = paksa if q == TW_KUNCI[t] else paksa + rng.uniform(-0.025, 0.025)
                tingkat[(o.awalan, t, q)] = max(a, 0.30)
    return tingkat


def pilih_baris_khusus(daftar, target, rng):
    """Kasus tepi: target kosong, realisasi kosong, capaian < 0, capaian berlebih."""
    khusus = {}  # (id, tahun, tw) -> (jenis, nilai)
    semua = [i for o in daftar for i in o.indikator]
    paksa_opd = sorted({k[1] for k in PAKSA})
    for t, q in periode_semua():
        terakhir = (t, q) == (2026, 3)
        kunci = (t, q) in ((2025, 4), (2026, 3))

        def ada_target(i):
            return not i.nol and target[(i.id, t, q)][0] not in (0, None)

        # Target kosong: sel lupa diisi saat rekap.
        kandidat = [i for i in semua if ada_target(i)]
        for i in rng.sample(kandidat, rng.randint(3, 4) if kunci else rng.randint(1, 3)):
            khusus[(i.id, t, q)] = ("target_kosong", None)
        # Capaian berlebih yang mencurigakan (target mungkin terlalu rendah).
        # Nilai investasi DPMPTSP sengaja sering ~200%: pertanyaan klasik Bupati.
        # Hanya hitungan kumulatif dan persentase bertarget rendah: indeks atau skor
        # tidak mungkin dua kali target.
        layak = [i for i in semua if i.polaritas == "naik" and ada_target(i)
                 and (i.id, t, q) not in khusus and i.opd.awalan not in paksa_opd
                 and (i.jumlah or (i.persen and target[(i.id, t, q)][0] <= 38))
                 and i.id != "DPMPTSP-01"]
        pilihan = rng.sample(layak, rng.randint(3, 4) if t < 2023 else rng.randint(2, 3))
        if t >= 2023:
            pilihan.append(next(i for i in semua if i.id == "DPMPTSP-01"))
        for i in pilihan:
            khusus[(i.id, t, q)] = ("berlebih", rng.uniform(1.6, 2.5))
        # Polaritas negatif dengan realisasi > 2x target (capaian di bawah nol).
        # Target minimal 5 (atau berdesimal) agar "lebih dari dua kali" tidak hilang
        # karena pembulatan bilangan bulat.
        turun = [i for i in semua if i.polaritas == "turun" and ada_target(i)
                 and (i.id, t, q) not in khusus
                 and (i.dec > 0 or target[(i.id, t, q)][0] >= 5)]
        n = rng.randint(2, 3) if kunci else (1 if rng.random() < 0.3 else 0)
        for i in rng.sample(turun, n):
            khusus[(i.id, t, q)] = ("negatif", rng.uniform(-0.5, -0.08))
        # Target rentang: setiap periode paling sedikit satu di atas dan satu di bawah
        # rentang (sisanya mengikuti kinerja OPD, kebanyakan di dalam).
        rentang = [i for i in semua if i.rentang and (i.id, t, q) not in khusus]
        atas = rng.choice([i for i in rentang if not i.atas_baik])
        bawah = rng.choice([i for i in rentang if i is not atas])
        khusus[(atas.id, t, q)] = ("rentang_atas", rng.uniform(0.8, 0.96))
        khusus[(bawah.id, t, q)] = ("rentang_bawah", rng.uniform(0.8, 0.96))
        # Realisasi kosong: periode terbaru, OPD belum melapor.
        if terakhir:
            sisa = [i for i in semua if (i.id, t, q) not in khusus
                    and i.opd.awalan not in paksa_opd]
            for i in rng.sample(sisa, 6):
                khusus[(i.id, t, q)] = ("realisasi_kosong", None)
    return khusus


def buat_capaian(daftar, rng):
    # Target tahunan dan triwulanan seluruh indikator.
    target = {}
    for o in daftar:
        for i in o.indikator:
            for t in TAHUN:
                tw = target_triwulan(i, target_tahunan(i, t, rng), rng)
                for q in range(1, 5):
                    nilai = tw[q - 1]
                    target[(i.id, t, q)] = nilai if i.rentang else (nilai, None)
    tingkat = tingkat_kinerja(daftar, rng)
    khusus = pilih_baris_khusus(daftar, target, rng)

    # Komponen acak per indikator: sebagian menetap (indikator yang memang sulit),
    # sebagian per tahun, sebagian per triwulan.
    z_ind = {i.id: rng.gauss(0, 1) for o in daftar for i in o.indikator}
    z_thn = {(i.id, t): rng.gauss(0, 1) for o in daftar for i in o.indikator for t in TAHUN}
    # Kejadian untuk indikator bertarget nol (mis. kematian ibu): realisasi kecil.
    kejadian_nol = {}
    for o in daftar:
        for i in o.indikator:
            if i.nol:
                for t in TAHUN:
                    n = rng.choice([0, 1, 1, 2, 2, 3, 4, 5])
                    tw = sorted(rng.randint(1, 4) for _ in range(n))
                    kejadian_nol[(i.id, t)] = [sum(1 for x in tw if x <= q) for q in range(1, 5)]

    hasil = {}  # (id, tahun, tw) -> (target, target_atas, realisasi)
    sebelumnya = {}  # realisasi TW sebelumnya, untuk indikator kumulatif (jumlah)
    for t, q in periode_semua():
        for o in daftar:
            a = tingkat[(o.awalan, t, q)]
            sd = 0.05 + 0.6 * o.vol + 0.35 * max(0.0, 0.95 - a)
            baris = []
            for i in o.indikator:
                z = 0.55 * z_ind[i.id] + 0.6 * z_thn[(i.id, t)] + 0.2 * rng.gauss(0, 1)
                posisi = rng.random()  # letak di dalam rentang
                arah_atas = rng.random() < 0.5  # di luar rentang: atas atau bawah
                baris.append((i, z, posisi, arah_atas, khusus.get((i.id, t, q))))

            def wujudkan(c):
                keluar = []
                for i, z, posisi, arah_atas, ks in baris:
                    tgt = target[(i.id, t, q)]
                    lantai = sebelumnya.get(i.id) if i.jumlah and q > 1 else None
                    if i.nol:
                        r = kejadian_nol[(i.id, t)][q - 1]
                    elif tgt[0] == 0:  # kegiatan belum dijadwalkan pada triwulan ini
                        r = lantai or 0
                    else:
                        if ks and ks[0] in ("berlebih", "negatif", "rentang_atas", "rentang_bawah"):
                            p = ks[1]
                            if ks[0].startswith("rentang"):
                                arah_atas = ks[0] == "rentang_atas"
                        else:
                            p = min(max(c + sd * z, P_MIN), P_MAKS)
                        r = realisasi_dari(i, tgt, p, posisi, arah_atas)
                        if lantai is not None:
                            r = max(r, lantai)
                    keluar.append(r)
                return keluar

            def rata(nilai):
                cs = []
                for (i, _, _, _, ks), r in zip(baris, nilai):
                    tgt = target[(i.id, t, q)]
                    if ks and ks[0] in ("target_kosong", "realisasi_kosong"):
                        continue
                    c = hitung_capaian(i, tgt[0], tgt[1], r)
                    if c is not None:
                        cs.append(c)
                return sum(cs) / len(cs) / 100 if cs else a

            # Cari pergeseran c sehingga rata-rata capaian OPD = tingkat sasaran. OPD
            # yang sasarannya hampir 100% tidak dipaskan: satu indikator yang kebetulan
            # di bawah target akan terkunci pada nilai yang sama setiap triwulan.
            bawah, atas = -1.0, C_MAKS
            for _ in range(40 if a < 0.99 else 0):
                tengah = (bawah + atas) / 2
                if rata(wujudkan(tengah)) < a:
                    bawah = tengah
                else:
                    atas = tengah
            nilai = wujudkan(atas)
            for (i, _, _, _, ks), r in zip(baris, nilai):
                tgt = target[(i.id, t, q)]
                sebelumnya[i.id] = r if q < 4 else None
                tampil_t, tampil_ta, tampil_r = tgt[0], tgt[1], r
                if ks and ks[0] == "target_kosong":
                    tampil_t = tampil_ta = None
                if ks and ks[0] == "realisasi_kosong":
                    tampil_r = None
                hasil[(i.id, t, q)] = (tampil_t, tampil_ta, tampil_r)
    return hasil


def realisasi_dari(ind, tgt, p, posisi, arah_atas):
    """Realisasi yang menghasilkan capaian mentah p (1 = tepat target)."""
    t, ta = tgt
    if ind.polaritas == "naik":
        r = t * p
    elif ind.polaritas == "turun":
        r = t * (2 - p)
    elif p >= 1:
        if ind.atas_baik and p > 1.12:
            r = ta * (1 + (p - 1.12) * 0.6)  # mis. pertumbuhan ekonomi di atas rentang
        else:
            r = t + (ta - t) * posisi
    elif ind.atas_baik or not arah_atas:
        r = t * p
    else:
        r = ta * (2 - p)
    if ind.persen:
        r = min(r, 100.0)
    if ind.maks is not None:
        r = min(r, ind.maks)
    return bulat(max(r, 0.0), ind.dec)


def rata_opd(daftar, hasil):
    """Rata-rata capaian (dibatasi 100) per OPD dan periode, seperti dasbor."""
    rata = {}
    for t, q in periode_semua():
        for o in daftar:
            cs = [hitung_capaian(i, *hasil[(i.id, t, q)]) for i in o.indikator]
            cs = [c for c in cs if c is not None]
            if cs:
                rata[(o.awalan, t, q)] = sum(cs) / len(cs)
    return rata


def buat_kendala(daftar, rata, rng):
    baris = []
    terakhir_dipakai = {}
    for t, q in periode_semua():
        for o in daftar:
            c = rata.get((o.awalan, t, q))
            if c is None or c >= BATAS_KENDALA:
                continue
            khusus = KENDALA_KHUSUS.get((t, q, o.awalan))
            krisis = KRISIS.get((t, o.awalan))
            if krisis and (terakhir_dipakai.get(o.awalan) != krisis[1][0] or rng.random() < 0.5):
                khusus = khusus or krisis[1]  # kejadian besar tahun itu disebut lebih dulu
            if khusus:
                terakhir_dipakai[o.awalan] = khusus[0]
                baris.append((KODE_PEMDA, o.kode, t, q, *khusus))
                continue
            kumpulan = KENDALA_OPD.get(o.kunci, [])  # kecamatan: kunci KECAMATAN
            if t == 2021 or (t == 2022 and q <= 2):
                kumpulan = kumpulan + KENDALA_PANDEMI * 2  # pandemi mendominasi
            pilihan = [k for k in kumpulan + KENDALA_UMUM
                       if len(k) == 2 or k[2] <= t <= k[3]]
            # Utamakan kendala khas OPD; hindari mengulang kendala periode sebelumnya.
            spesifik = [k for k in pilihan if k in kumpulan]
            sumber = spesifik if spesifik and rng.random() < 0.65 else pilihan
            sumber = [k for k in sumber if k[0] != terakhir_dipakai.get(o.awalan)] or sumber
            k = rng.choice(sumber)
            terakhir_dipakai[o.awalan] = k[0]
            baris.append((KODE_PEMDA, o.kode, t, q, k[0], k[1]))
    baris.sort(key=lambda b: (b[2], b[3], b[1]))
    return baris


# Kurva S rencana kas (RAK kumulatif, porsi pagu) bulan 1-12.
RAK_DASAR = [0.025, 0.055, 0.10, 0.17, 0.27, 0.425, 0.51, 0.60, 0.70, 0.78, 0.87, 1.0]
RAK_BATAS = {3: (0.08, 0.12), 6: (0.40, 0.45), 9: (0.65, 0.75)}


def buat_anggaran(daftar, tingkat_tahun, rng):
    baris = []
    for o in daftar:
        pagu_murni = o.pagu_miliar * 1e9
        for t in TAHUN:
            # 2021: sedikit variasi dari angka dasar; sesudahnya tumbuh 0-6,5% setahun.
            pagu_murni *= rng.uniform(0.97, 1.03) if t == 2021 else rng.uniform(0.99, 1.065)
            murni = int(round(pagu_murni, -6))  # pagu dalam jutaan rupiah bulat
            # APBD Perubahan mulai September; 2021 cenderung dipangkas (refocusing).
            if rng.random() < 0.85:
                ubah = rng.uniform(-0.08, 0.04) if t == 2021 else rng.uniform(-0.08, 0.12)
                perubahan = int(round(murni * (1 + ubah), -3))
            else:
                perubahan = murni
            pagu = [murni if b < 9 else perubahan for b in range(1, 13)]

            # RAK: kurva S dengan sedikit variasi, dipaksa masuk rentang wajar.
            rak = []
            for b, dasar in enumerate(RAK_DASAR, start=1):
                x = 1.0 if b == 12 else dasar * rng.uniform(0.93, 1.07)
                if b in RAK_BATAS:
                    x = min(max(x, RAK_BATAS[b][0]), RAK_BATAS[b][1])
                rak.append(max(x, rak[-1] + 0.01) if rak else x)
            rak_rp = [int(round(rak[b] * murni)) for b in range(8)]
            # Setelah perubahan, sisa pagu dibagi ulang mengikuti bentuk kurva semula.
            sisa = perubahan - rak_rp[7]
            for b in range(8, 12):
                rak_rp.append(int(round(rak_rp[7] + sisa * (rak[b] - rak[7]) / (1 - rak[7]))))

            # Pola penyerapan: biasa tertinggal, sebagian tertinggal jauh, sebagian mendahului.
            kinerja = tingkat_tahun[(o.awalan, t)]
            undian = rng.random()
            if kinerja < 0.80 or undian < 0.04:
                k_tengah = rng.uniform(0.62, 0.74)  # deviasi > 10 poin di tengah tahun
                akhir = rng.uniform(0.85, 0.89)
            elif undian > 0.88 and kinerja > 0.96:
                k_tengah = rng.uniform(1.02, 1.10)  # mendahului rencana
                akhir = rng.uniform(0.95, 0.98)
            else:
                k_tengah = rng.uniform(0.80, 0.97)
                akhir = rng.uniform(0.88, 0.97)
            k_tw1 = k_tengah * rng.uniform(0.65, 0.85)
            # November jauh di bawah akhir tahun: belanja menumpuk di Desember.
            sep = rak_rp[8] / perubahan * k_tengah
            nov = min(max(akhir - rng.uniform(0.14, 0.22), sep + 0.04), akhir - 0.06)
            k_nov = nov / (rak_rp[10] / perubahan)
            jangkar = {1: k_tw1, 3: k_tw1, 6: k_tengah, 9: k_tengah, 11: k_nov, 12: None}

            real_rp, fisik = [], []
            for b in range(1, 13):
                if b > BULAN_TERAKHIR.get(t, 12):
                    break
                porsi_rak = rak_rp[b - 1] / pagu[b - 1]
                if b == 12:
                    porsi = akhir
                else:
                    k = _sisip(jangkar, b)
                    porsi = porsi_rak * k
                r = int(round(porsi * pagu[b - 1]))
                if real_rp:
                    r = max(r, real_rp[-1])  # kumulatif tidak pernah turun
                r = min(r, pagu[b - 1])
                real_rp.append(r)
                persen_keu = r / pagu[b - 1] * 100
                if b == 12:
                    f = rng.uniform(95.0, 100.0)
                else:
                    f = persen_keu * rng.uniform(1.03, 1.15) + rng.uniform(0.0, 3.0)
                f = round(min(max(f, fisik[-1] if fisik else 0.0), 100.0), 2)
                fisik.append(f)
                baris.append((KODE_PEMDA, o.kode, t, b, pagu[b - 1], rak_rp[b - 1], r, f))
    baris.sort(key=lambda x: (x[1], x[2], x[3]))
    return baris


def _sisip(jangkar, bulan):
    """Interpolasi linear faktor penyerapan di antara bulan-bulan jangkar."""
    kunci = [b for b in sorted(jangkar) if jangkar[b] is not None]
    if bulan <= kunci[0]:
        return jangkar[kunci[0]]
    for b0, b1 in zip(kunci, kunci[1:]):
        if b0 <= bulan <= b1:
            w = (bulan - b0) / (b1 - b0)
            return jangkar[b0] * (1 - w) + jangkar[b1] * w
    return jangkar[kunci[-1]]


def main():
    rng = random.Random(BENIH)
    daftar = susun_opd()
    hasil = buat_capaian(daftar, rng)
    rata = rata_opd(daftar, hasil)

    n = {}
    n["pemda.csv"] = tulis_csv("pemda.csv", ["kode_pemda", "nama_pemda", "keterangan"],
                               [(KODE_PEMDA, NAMA_PEMDA, KETERANGAN)])
    n["opd.csv"] = tulis_csv("opd.csv", ["kode_pemda", "kode_opd", "nama_opd", "singkatan"],
                             [(KODE_PEMDA, o.kode, o.nama, o.singkatan) for o in daftar])
    n["indikator.csv"] = tulis_csv(
        "indikator.csv",
        ["kode_pemda", "indikator_id", "kode_opd", "indikator", "satuan", "polaritas",
         "agregasi", "tingkat", "rentang_atas_baik"],
        [(KODE_PEMDA, i.id, o.kode, i.nama, i.satuan, i.polaritas, i.agregasi, i.tingkat,
          "true" if i.atas_baik else "false") for o in daftar for i in o.indikator])
    baris = []
    for o in daftar:
        for i in o.indikator:
            for t, q in periode_semua():
                tgt, ta, r = hasil[(i.id, t, q)]
                baris.append((KODE_PEMDA, i.id, t, q, teks_angka(tgt, i.dec), teks_angka(ta),
                              teks_angka(r, i.dec)))
    n["capaian.csv"] = tulis_csv(
        "capaian.csv",
        ["kode_pemda", "indikator_id", "tahun", "triwulan", "target", "target_atas", "realisasi"],
        baris)

    # Penyerapan anggaran mengikuti kinerja tahunan (rata-rata TW terakhir tiap tahun).
    tingkat_tahun = {}
    for o in daftar:
        for t in TAHUN:
            tingkat_tahun[(o.awalan, t)] = rata.get((o.awalan, t, TW_TERAKHIR.get(t, 4)), 100) / 100
    anggaran = buat_anggaran(daftar, tingkat_tahun, rng)
    n["anggaran.csv"] = tulis_csv(
        "anggaran.csv",
        ["kode_pemda", "kode_opd", "tahun", "bulan", "pagu", "rak_kumulatif",
         "realisasi_kumulatif", "realisasi_fisik"],
        [(a[0], a[1], a[2], a[3], a[4], a[5], a[6], teks_angka(a[7])) for a in anggaran])
    n["kendala.csv"] = tulis_csv(
        "kendala.csv",
        ["kode_pemda", "kode_opd", "tahun", "triwulan", "kendala", "tindak_lanjut"],
        buat_kendala(daftar, rata, rng))

    print(f"Data demo {NAMA_PEMDA} (fiktif) ditulis ke {FOLDER}:")
    for nama, jumlah in n.items():
        print(f"  {nama:<15} {jumlah:>6} baris")
    # Sebaran kategori OPD pada dua periode kunci: kelimanya harus muncul.
    for t, q in sorted(TW_KUNCI.items()):
        hitung = {}
        for o in daftar:
            k = kategori(rata[(o.awalan, t, q)])
            hitung[k] = hitung.get(k, 0) + 1
        urut = ["Sangat Tinggi", "Tinggi", "Sedang", "Rendah", "Sangat Rendah"]
        print(f"  {t} TW {q}: " + ", ".join(f"{k} {hitung.get(k, 0)}" for k in urut))


if __name__ == "__main__":
    main()
