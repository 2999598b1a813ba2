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

# ---------------------------------------------------------------------------
# Perangkat daerah
# (kode_opd, nama_opd, singkatan, profil kinerja, pagu 2021 dalam miliar Rp,
#  kunci kumpulan kendala)
# Profil: K = kuat (konsisten di atas target), S = sedang, L = lemah (sering di
# bawah target), V = labil (naik turun dari tahun ke tahun).
# ---------------------------------------------------------------------------
OPD = [
    ("1.01.0.00.0.00.01.0000", "Dinas Pendidikan", "Disdik", "S", 700, "DISDIK"),
    ("1.02.0.00.0.00.01.0000", "Dinas Kesehatan", "Dinkes", "S", 420, "DINKES"),
    ("1.02.0.00.0.00.02.0000", "Rumah Sakit Umum Daerah Nusa Makmur", "RSUD", "K", 210, "RSUD"),
    ("1.02.0.00.0.00.03.0000", "Rumah Sakit Umum Daerah Pratama Teluk Kemuning",
     "RSUD Pratama", "L", 38, "RSUD"),
    ("1.03.0.00.0.00.01.0000", "Dinas Pekerjaan Umum dan Penataan Ruang", "DPUPR", "L", 380, "DPUPR"),
    ("1.03.0.00.0.00.02.0000", "Dinas Sumber Daya Air", "DSDA", "V", 140, "DSDA"),
    ("1.04.0.00.0.00.01.0000", "Dinas Perumahan dan Kawasan Permukiman", "Disperkim", "S", 85, "DISPERKIM"),
    ("1.05.0.00.0.00.01.0000", "Satuan Polisi Pamong Praja", "Satpol PP", "S", 18, "SATPOLPP"),
    ("1.05.0.00.0.00.02.0000", "Badan Penanggulangan Bencana Daerah", "BPBD", "S", 12, "BPBD"),
    ("1.05.0.00.0.00.03.0000", "Dinas Pemadam Kebakaran dan Penyelamatan", "Damkar", "V", 15, "DAMKAR"),
    ("1.06.0.00.0.00.01.0000", "Dinas Sosial", "Dinsos", "S", 28, "DINSOS"),
    ("2.07.3.32.0.00.01.0000", "Dinas Tenaga Kerja dan Transmigrasi", "Disnakertrans", "L", 9,
     "DISNAKERTRANS"),
    ("2.08.2.14.0.00.01.0000", "Dinas Pemberdayaan Perempuan, Perlindungan Anak, Pengendalian "
     "Penduduk dan Keluarga Berencana", "DP3AP2KB", "S", 22, "DP3AP2KB"),
    ("2.09.0.00.0.00.01.0000", "Dinas Ketahanan Pangan", "DKP", "S", 10, "DKP"),
    ("2.10.0.00.0.00.01.0000", "Dinas Pertanahan", "Dispertanahan", "L", 7, "DISPERTANAHAN"),
    ("2.11.0.00.0.00.01.0000", "Dinas Lingkungan Hidup", "DLH", "S", 45, "DLH"),
    ("2.12.0.00.0.00.01.0000", "Dinas Kependudukan dan Pencatatan Sipil", "Disdukcapil", "K", 11,
     "DISDUKCAPIL"),
    ("2.13.0.00.0.00.01.0000", "Dinas Pemberdayaan Masyarakat dan Desa", "DPMD", "S", 14, "DPMD"),
    ("2.15.0.00.0.00.01.0000", "Dinas Perhubungan", "Dishub", "S", 26, "DISHUB"),
    ("2.16.2.20.2.21.01.0000", "Dinas Komunikasi dan Informatika", "Diskominfo", "K", 19, "DISKOMINFO"),
    ("2.17.0.00.0.00.01.0000", "Dinas Koperasi, Usaha Kecil dan Menengah", "Diskop UKM", "S", 8.5,
     "DISKOPUKM"),
    ("2.18.0.00.0.00.01.0000", "Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu", "DPMPTSP",
     "K", 8, "DPMPTSP"),
    ("2.19.0.00.0.00.01.0000", "Dinas Pemuda dan Olahraga", "Dispora", "V", 13, "DISPORA"),
    ("2.22.0.00.0.00.01.0000", "Dinas Kebudayaan", "Disbud", "S", 8, "DISBUD"),
    ("2.23.2.24.0.00.01.0000", "Dinas Perpustakaan dan Kearsipan", "Dispusip", "S", 9, "DISPUSIP"),
    ("3.25.0.00.0.00.01.0000", "Dinas Perikanan", "Diskan", "V", 21, "DISKAN"),
    ("3.26.0.00.0.00.01.0000", "Dinas Pariwisata", "Dispar", "V", 14, "DISPAR"),
    ("3.27.0.00.0.00.01.0000", "Dinas Pertanian", "Distan", "S", 48, "DISTAN"),
    ("3.27.0.00.0.00.02.0000", "Dinas Peternakan dan Kesehatan Hewan", "Disnakkeswan", "V", 20,
     "DISNAKKESWAN"),
    ("3.27.0.00.0.00.03.0000", "Dinas Perkebunan", "Disbun", "L", 16, "DISBUN"),
    ("3.30.3.31.0.00.01.0000", "Dinas Perindustrian dan Perdagangan", "Disperindag", "S", 17,
     "DISPERINDAG"),
    ("4.01.0.00.0.00.01.0000", "Sekretariat Daerah", "Setda", "S", 115, "SETDA"),
    ("4.02.0.00.0.00.01.0000", "Sekretariat Dewan Perwakilan Rakyat Daerah", "Setwan", "K", 72, "SETWAN"),
    ("5.01.5.05.0.00.01.0000", "Badan Perencanaan Pembangunan, Penelitian dan Pengembangan Daerah",
     "Bappeda", "K", 18, "BAPPEDA"),
    ("5.02.0.00.0.00.01.0000", "Badan Pengelolaan Keuangan dan Aset Daerah", "BPKAD", "K", 95, "BPKAD"),
    ("5.02.0.00.0.00.02.0000", "Badan Pendapatan Daerah", "Bapenda", "V", 24, "BAPENDA"),
    ("5.03.5.04.0.00.01.0000", "Badan Kepegawaian dan Pengembangan Sumber Daya Manusia", "BKPSDM",
     "K", 15, "BKPSDM"),
    ("6.01.0.00.0.00.01.0000", "Inspektorat Daerah", "Inspektorat", "K", 12, "INSPEKTORAT"),
    ("8.01.0.00.0.00.01.0000", "Badan Kesatuan Bangsa dan Politik", "Kesbangpol", "K", 6, "KESBANGPOL"),
]

# Kecamatan fiktif: (nama, profil, pagu 2021 miliar Rp, ukuran relatif wilayah)
KECAMATAN = [
    ("Kota Makmur", "K", 4.6, 1.4),
    ("Bukit Damar", "S", 3.1, 1.0),
    ("Sungai Jernih", "S", 2.9, 0.9),
    ("Teluk Kemuning", "S", 3.4, 1.1),
    ("Padang Seruni", "V", 2.4, 0.7),
    ("Lembah Cendana", "S", 2.6, 0.8),
    ("Karang Melati", "S", 2.2, 0.6),
    ("Tanjung Belimbing", "L", 2.8, 0.9),
]

# Beberapa OPD sengaja ditempatkan pada kategori tertentu di dua periode yang
# paling sering dibuka (2025 TW IV dan 2026 TW III), supaya kelima kategori
# Permendagri 86/2017 pasti muncul. Nilainya rata-rata capaian (0-1), di tengah
# kategori agar tidak bergeser karena pembulatan.
PAKSA = {
    (2025, "DISPORA"): 0.40,  # Sangat Rendah
    (2025, "DISKAN"): 0.58,  # Rendah
    (2025, "DPUPR"): 0.705,  # Sedang
    (2025, "DISPERKIM"): 0.835,  # Tinggi
    (2026, "DISPAR"): 0.42,  # Sangat Rendah
    (2026, "DISPORA"): 0.585,  # Rendah
    (2026, "DPUPR"): 0.70,  # Sedang
    (2026, "DSDA"): 0.83,  # Tinggi
}
TW_KUNCI = {2025: 4, 2026: 3}

# Tahun buruk yang punya cerita, agar setiap periode ada OPD di bawah 75%:
# (tahun, OPD) -> (penurunan kinerja, (kendala, tindak lanjut) khas kejadian itu).
KRISIS = {
    (2021, "DISPAR"): (-0.31, (
        "Destinasi wisata ditutup selama PPKM sehingga kunjungan wisatawan anjlok",
        "Penyusunan protokol kesehatan di destinasi dan promosi wisata lokal setelah pelonggaran")),
    (2021, "RSUDPRATAMA"): (-0.21, (
        "Layanan rawat jalan dibatasi karena ruang perawatan dialihkan untuk pasien COVID-19",
        "Pemisahan alur layanan COVID-19 dan non-COVID-19; telekonsultasi untuk pasien kontrol")),
    (2022, "DISNAKKESWAN"): (-0.31, (
        "Wabah penyakit mulut dan kuku (PMK) menyebar ke sembilan kecamatan; pasar hewan ditutup",
        "Vaksinasi PMK massal, disinfeksi kandang dan pengawasan lalu lintas ternak bersama kepolisian")),
    (2022, "DISBUN"): (-0.21, (
        "Harga TBS sawit anjlok setelah larangan ekspor CPO; petani menunda pemupukan dan peremajaan",
        "Pendampingan petani, kemitraan dengan pabrik kelapa sawit dan penjadwalan ulang peremajaan")),
    (2023, "DSDA"): (-0.31, (
        "Banjir bandang merusak bendung dan saluran di tiga daerah irigasi",
        "Penanganan darurat dengan belanja tidak terduga dan pengusulan rehabilitasi ke BBWS")),
    (2023, "KECTANJUNGBELIMBING"): (-0.21, (
        "Jabatan camat dan sekretaris kecamatan kosong karena pensiun dan mutasi",
        "Penunjukan Plt camat dan percepatan pengisian jabatan melalui BKPSDM")),
    (2024, "DAMKAR"): (-0.31, (
        "Dua unit mobil pemadam rusak berat saat kemarau panjang dengan banyak kebakaran lahan",
        "Perbaikan armada, pinjam pakai unit dari kabupaten tetangga dan patroli bersama BPBD")),
    (2024, "DISPERTANAHAN"): (-0.21, (
        "Juru ukur pensiun sehingga pengukuran bidang tanah aset daerah terhenti",
        "Kerja sama pengukuran dengan Kantor Pertanahan dan pengusulan formasi juru ukur")),
}

# ---------------------------------------------------------------------------
# Indikator
# Format satu baris:
#   nama | satuan | polaritas | agregasi | tingkat | target 2021 | perubahan/tahun [| opsi]
# - target ditulis "a-b" untuk polaritas rentang (batas bawah-batas atas);
# - target bertitik desimal ("9.8", "25.0") berarti nilai berdesimal; tanpa titik
#   berarti bilangan bulat (kecuali satuan % dan rentang, selalu desimal);
# - opsi "atas_baik": di atas rentang tetap dinilai baik;
# - opsi "tw=a/b/c": porsi target TW I/II/III dari target tahunan (rencana aksi);
# - opsi "maks=x": nilai tertinggi yang mungkin (skala indeks/skor, mis. opini BPK 4).
# Kode G1..G5 adalah indikator penunjang yang dimiliki banyak OPD.
# ---------------------------------------------------------------------------
GENERIK = {
    "G1": "Nilai evaluasi SAKIP perangkat daerah | nilai | naik | terakhir | program | 62.0 | 2.5",
    "G2": "Indeks Kepuasan Masyarakat (IKM) | nilai | naik | terakhir | program | 78.0 | 1.0",
    "G3": "Persentase rekomendasi hasil pemeriksaan yang ditindaklanjuti | % | naik | terakhir | kegiatan | 82 | 3",
    "G4": "Persentase dokumen perencanaan dan laporan kinerja yang tepat waktu | % | naik | terakhir | kegiatan | 88 | 2",
    "G5": "Jumlah pengaduan masyarakat yang belum ditindaklanjuti | pengaduan | turun | jumlah | kegiatan | 14 | -1",
}


def _rs(kunjungan):
    """Indikator rumah sakit; RSUD Pratama memakai pola yang sama, skala lebih kecil."""
    return [
        "Bed Occupancy Rate (BOR) | % | rentang | terakhir | IKU | 60-85 | 0",
        "Average Length of Stay (AvLOS) | hari | rentang | terakhir | program | 6-9 | 0",
        "Net Death Rate (NDR) | per 1.000 pasien keluar | turun | terakhir | program | 25.0 | -1",
        "Jumlah kejadian pasien jatuh | kejadian | turun | jumlah | kegiatan | 0 | 0",
        "Waktu tunggu pelayanan rawat jalan | menit | turun | terakhir | kegiatan | 60 | -5",
        "Cost recovery rate | % | naik | terakhir | program | 82 | 2",
        "Persentase pemenuhan standar pelayanan minimal rumah sakit | % | naik | terakhir | IKU | 78 | 3",
        f"Jumlah kunjungan rawat jalan | kunjungan | naik | jumlah | kegiatan | {kunjungan} | {kunjungan // 25}",
        "G2",
    ]


INDIKATOR = {
    "DISDIK": [
        "Rata-rata lama sekolah | tahun | naik | terakhir | IKU | 7.85 | 0.1",
        "Angka Partisipasi Kasar PAUD | % | naik | terakhir | program | 68 | 2",
        "Angka Partisipasi Murni SD/MI | % | naik | terakhir | program | 96.5 | 0.4",
        "Angka Partisipasi Murni SMP/MTs | % | naik | terakhir | program | 78 | 1.2",
        "Angka putus sekolah SMP/MTs | % | turun | terakhir | program | 0.9 | -0.1",
        "Rasio murid terhadap guru SD | murid per guru | rentang | terakhir | kegiatan | 20-25 | 0",
        "Persentase sekolah terakreditasi minimal B | % | naik | terakhir | program | 72 | 3",
        "Jumlah ruang kelas yang direhabilitasi | ruang | naik | jumlah | kegiatan | 60 | 5 | tw=0/0.3/0.7",
        "Persentase guru bersertifikat pendidik | % | naik | terakhir | kegiatan | 55 | 3",
        "Persentase satuan pendidikan dengan capaian literasi minimal baik | % | naik | terakhir | program | 45 | 4",
        "G5",
    ],
    "DINKES": [
        "Angka Kematian Bayi | per 1.000 kelahiran hidup | turun | terakhir | IKU | 9.8 | -0.4",
        "Prevalensi stunting pada balita | % | turun | terakhir | IKU | 24.5 | -2.5",
        "Jumlah kasus kematian ibu | kasus | turun | jumlah | program | 0 | 0",
        "Cakupan imunisasi dasar lengkap | % | naik | terakhir | program | 90 | 1",
        "Persentase persalinan di fasilitas pelayanan kesehatan | % | naik | terakhir | program | 92 | 1",
        "Angka keberhasilan pengobatan tuberkulosis | % | naik | terakhir | kegiatan | 88 | 1",
        "Jumlah kasus Demam Berdarah Dengue | kasus | turun | jumlah | kegiatan | 180 | -10",
        "Persentase puskesmas terakreditasi paripurna | % | naik | terakhir | program | 20 | 8",
        "Rasio dokter per 100.000 penduduk | dokter per 100.000 penduduk | naik | terakhir | kegiatan | 28.0 | 2",
        "Persentase penduduk yang memiliki jaminan kesehatan | % | naik | terakhir | program | 85 | 2.5",
        "G5",
    ],
    "RSUD": _rs(95000),
    "RSUDPRATAMA": _rs(24000),
    "DPUPR": [
        "Persentase jalan kabupaten dalam kondisi mantap | % | naik | terakhir | IKU | 62 | 3",
        "Panjang jalan kabupaten yang ditingkatkan | km | naik | jumlah | program | 25.0 | 2 | tw=0/0.35/0.7",
        "Jumlah jembatan yang dibangun atau direhabilitasi | unit | naik | jumlah | kegiatan | 6 | 0.5 | tw=0/0.3/0.6",
        "Persentase rumah tangga dengan akses air minum layak | % | naik | terakhir | IKU | 78 | 3",
        "Persentase rumah tangga dengan akses sanitasi layak | % | naik | terakhir | program | 72 | 3",
        "Jumlah Persetujuan Bangunan Gedung (PBG) yang diterbitkan | dokumen | naik | jumlah | kegiatan | 250 | 30",
        "Persentase paket pekerjaan konstruksi yang selesai tepat waktu | % | naik | terakhir | program | 85 | 2",
        "Jumlah Rencana Detail Tata Ruang yang ditetapkan | dokumen | naik | terakhir | program | 1 | 0.6",
        "Persentase tenaga kerja konstruksi bersertifikat | % | naik | terakhir | kegiatan | 30 | 6",
        "G3",
    ],
    "DSDA": [
        "Persentase daerah irigasi kewenangan kabupaten dalam kondisi baik | % | naik | terakhir | IKU | 58 | 3",
        "Luas genangan banjir di kawasan perkotaan | ha | turun | terakhir | program | 120.0 | -10",
        "Panjang saluran irigasi yang direhabilitasi | km | naik | jumlah | program | 18.0 | 1.5 | tw=0/0.3/0.65",
        "Jumlah embung yang dibangun | unit | naik | jumlah | kegiatan | 3 | 0.4 | tw=0/0/0.5",
        "Persentase ketersediaan air baku terhadap kebutuhan | % | naik | terakhir | program | 65 | 2.5",
        "Panjang sungai yang dinormalisasi | km | naik | jumlah | kegiatan | 6.0 | 0.5 | tw=0/0.4/0.7",
        "G1",
        "G5",
    ],
    "DISPERKIM": [
        "Persentase rumah tidak layak huni | % | turun | terakhir | IKU | 9.5 | -0.8",
        "Jumlah rumah tidak layak huni yang direhabilitasi | unit | naik | jumlah | program | 300 | 25 | tw=0/0.3/0.7",
        "Luas kawasan permukiman kumuh | ha | turun | terakhir | program | 85.0 | -8",
        "Persentase lampu penerangan jalan umum yang berfungsi | % | naik | terakhir | kegiatan | 80 | 3",
        "Jumlah lokasi prasarana, sarana dan utilitas perumahan yang diserahterimakan | lokasi | naik | jumlah | kegiatan | 4 | 1",
        "Persentase ruang terbuka hijau publik terhadap luas kawasan perkotaan | % | naik | terakhir | program | 12 | 1",
        "Jumlah titik lampu penerangan jalan umum baru | titik | naik | jumlah | kegiatan | 200 | 20",
        "G1",
        "G5",
    ],
    "SATPOLPP": [
        "Persentase penegakan Perda dan Perkada | % | naik | terakhir | IKU | 80 | 3",
        "Jumlah pelanggaran Perda | kasus | turun | jumlah | program | 320 | -20",
        "Persentase gangguan ketenteraman dan ketertiban umum yang tertangani | % | naik | terakhir | program | 90 | 1.5",
        "Jumlah operasi penertiban | kali | naik | jumlah | kegiatan | 96 | 4",
        "Jumlah pedagang kaki lima di zona terlarang | orang | turun | terakhir | kegiatan | 150 | -15",
        "Persentase anggota Satpol PP bersertifikat PPNS | % | naik | terakhir | kegiatan | 15 | 3",
        "G2",
        "G3",
        "G5",
    ],
    "BPBD": [
        "Indeks risiko bencana | skor | turun | terakhir | IKU | 155.0 | -5",
        "Jumlah korban jiwa akibat bencana | jiwa | turun | jumlah | program | 0 | 0",
        "Waktu respons penanganan kejadian bencana | jam | turun | terakhir | program | 6.0 | -0.5",
        "Jumlah desa tangguh bencana | desa | naik | terakhir | program | 12 | 3",
        "Jumlah kegiatan sosialisasi dan simulasi kebencanaan | kegiatan | naik | jumlah | kegiatan | 24 | 2",
        "Persentase warga terdampak yang menerima bantuan logistik dalam 24 jam | % | naik | terakhir | kegiatan | 90 | 2",
        "G4",
        "G5",
    ],
    "DAMKAR": [
        "Waktu tanggap kebakaran | menit | turun | terakhir | IKU | 15.0 | -0.3",
        "Persentase kejadian kebakaran yang tertangani sesuai SPM | % | naik | terakhir | program | 85 | 2",
        "Jumlah kejadian kebakaran | kejadian | turun | jumlah | program | 65 | -3",
        "Jumlah pos pemadam kebakaran yang beroperasi | pos | naik | terakhir | program | 4 | 0.4",
        "Jumlah penyelamatan non-kebakaran yang ditangani | kejadian | naik | jumlah | kegiatan | 120 | 10",
        "Persentase petugas pemadam bersertifikat kompetensi | % | naik | terakhir | kegiatan | 30 | 8",
        "Nilai kerugian akibat kebakaran | Rp juta | turun | jumlah | kegiatan | 2500 | -150",
        "G2",
        "G5",
    ],
    "DINSOS": [
        "Persentase penduduk miskin | % | turun | terakhir | IKU | 11.2 | -0.5",
        "Persentase PPKS yang memperoleh bantuan sosial | % | naik | terakhir | program | 70 | 4",
        "Jumlah penyandang disabilitas yang mendapat rehabilitasi sosial | orang | naik | jumlah | kegiatan | 350 | 25",
        "Jumlah anak terlantar di luar panti | orang | turun | terakhir | program | 420 | -30",
        "Persentase data terpadu kesejahteraan sosial yang dimutakhirkan | % | naik | terakhir | program | 75 | 5",
        "Jumlah gelandangan dan pengemis | orang | turun | terakhir | kegiatan | 85 | -8",
        "Persentase korban bencana yang menerima perlindungan sosial tanggap darurat | % | naik | terakhir | kegiatan | 95 | 1",
        "G2",
        "G5",
    ],
    "DISNAKERTRANS": [
        "Tingkat pengangguran terbuka | % | turun | terakhir | IKU | 6.1 | -0.3",
        "Persentase pencari kerja terdaftar yang ditempatkan | % | naik | terakhir | program | 35 | 3",
        "Jumlah tenaga kerja yang dilatih berbasis kompetensi | orang | naik | jumlah | program | 600 | 50",
        "Jumlah kasus perselisihan hubungan industrial | kasus | turun | jumlah | kegiatan | 40 | -3",
        "Persentase perusahaan yang menerapkan upah minimum | % | naik | terakhir | program | 75 | 3",
        "Jumlah kecelakaan kerja | kasus | turun | jumlah | kegiatan | 55 | -4",
        "Jumlah kartu pencari kerja (AK/I) yang diterbitkan | kartu | naik | jumlah | kegiatan | 4000 | 200",
        "Jumlah kepala keluarga transmigran yang diberangkatkan | KK | naik | jumlah | kegiatan | 25 | 0 | tw=0/0/1",
        "G1",
    ],
    "DP3AP2KB": [
        "Indeks Pembangunan Gender | indeks | naik | terakhir | IKU | 88.5 | 0.5",
        "Jumlah kasus kekerasan terhadap perempuan dan anak | kasus | turun | jumlah | program | 75 | -5",
        "Persentase kasus kekerasan terhadap perempuan dan anak yang tertangani | % | naik | terakhir | program | 90 | 2",
        "Angka kelahiran total (TFR) | anak per perempuan | turun | terakhir | IKU | 2.35 | -0.04",
        "Persentase kebutuhan ber-KB yang tidak terpenuhi (unmet need) | % | turun | terakhir | program | 13 | -0.8",
        "Jumlah dispensasi perkawinan anak | kasus | turun | jumlah | kegiatan | 140 | -12",
        "Persentase peserta KB aktif metode kontrasepsi jangka panjang | % | naik | terakhir | kegiatan | 24 | 1.5",
        "Jumlah kampung KB aktif | kampung | naik | terakhir | kegiatan | 20 | 4",
        "G5",
    ],
    "DKP": [
        "Skor Pola Pangan Harapan | skor | naik | terakhir | IKU | 82.0 | 1.5 | maks=100",
        "Persentase desa rawan pangan | % | turun | terakhir | program | 8 | -0.8",
        "Cadangan pangan pemerintah daerah | ton | naik | terakhir | program | 40 | 5",
        "Jumlah sampel pangan segar yang diuji keamanannya | sampel | naik | jumlah | kegiatan | 300 | 20",
        "Persentase pangan segar yang memenuhi syarat keamanan | % | naik | terakhir | kegiatan | 88 | 1.5",
        "Jumlah kelompok penerima program pekarangan pangan lestari | kelompok | naik | jumlah | kegiatan | 20 | 2",
        "G1",
        "G4",
        "G5",
    ],
    "DISPERTANAHAN": [
        "Persentase bidang tanah milik pemerintah daerah yang bersertifikat | % | naik | terakhir | IKU | 55 | 6",
        "Jumlah sengketa pertanahan yang belum terselesaikan | kasus | turun | terakhir | program | 18 | -2",
        "Jumlah bidang tanah aset daerah yang disertifikatkan | bidang | naik | jumlah | program | 120 | 15",
        "Persentase pengadaan tanah untuk kepentingan umum yang tuntas | % | naik | terakhir | program | 80 | 3",
        "Jumlah pertimbangan teknis pertanahan yang diterbitkan | dokumen | naik | jumlah | kegiatan | 90 | 5",
        "Persentase bidang tanah yang tersedia data spasialnya | % | naik | terakhir | kegiatan | 40 | 8",
        "G1",
        "G4",
        "G5",
    ],
    "DLH": [
        "Indeks Kualitas Lingkungan Hidup | indeks | naik | terakhir | IKU | 62.0 | 1",
        "Persentase sampah yang tertangani | % | naik | terakhir | IKU | 62 | 4",
        "Persentase pengurangan sampah | % | naik | terakhir | program | 18 | 2",
        "Jumlah bank sampah aktif | unit | naik | terakhir | kegiatan | 35 | 6",
        "Jumlah pengaduan pencemaran lingkungan | kasus | turun | jumlah | program | 45 | -3",
        "Persentase usaha dan kegiatan yang taat dokumen lingkungan | % | naik | terakhir | program | 65 | 4",
        "Indeks Kualitas Air | indeks | naik | terakhir | program | 52.0 | 1",
        "G5",
    ],
    "DISDUKCAPIL": [
        "Persentase kepemilikan KTP-el | % | naik | terakhir | IKU | 96 | 0.6",
        "Persentase kepemilikan akta kelahiran anak usia 0-18 tahun | % | naik | terakhir | program | 88 | 2",
        "Persentase kepemilikan Kartu Identitas Anak | % | naik | terakhir | program | 35 | 9",
        "Persentase penduduk wajib KTP yang mengaktivasi Identitas Kependudukan Digital | % | naik | terakhir | kegiatan | 3 | 5",
        "Waktu penyelesaian dokumen kependudukan | hari | turun | terakhir | kegiatan | 3.0 | -0.3",
        "Jumlah dokumen kependudukan yang diterbitkan | dokumen | naik | jumlah | kegiatan | 85000 | 3000",
        "Persentase kepemilikan akta kematian | % | naik | terakhir | program | 40 | 6",
        "G2",
        "G5",
    ],
    "DPMD": [
        "Jumlah desa berstatus mandiri | desa | naik | terakhir | IKU | 6 | 4",
        "Jumlah desa berstatus tertinggal | desa | turun | terakhir | IKU | 28 | -4",
        "Persentase desa yang menetapkan APBDes tepat waktu | % | naik | terakhir | program | 80 | 3",
        "Persentase BUMDes aktif | % | naik | terakhir | program | 45 | 5",
        "Jumlah aparatur desa yang dilatih | orang | naik | jumlah | kegiatan | 400 | 30",
        "Persentase desa yang menyampaikan laporan penggunaan dana desa tepat waktu | % | naik | terakhir | kegiatan | 85 | 2",
        "Jumlah temuan penyalahgunaan dana desa | kasus | turun | jumlah | kegiatan | 9 | -1",
        "G1",
    ],
    "DISHUB": [
        "Jumlah kecelakaan lalu lintas | kejadian | turun | jumlah | IKU | 210 | -10",
        "Persentase kendaraan wajib uji yang lulus uji berkala | % | naik | terakhir | program | 80 | 2",
        "Jumlah rambu lalu lintas yang dipasang | unit | naik | jumlah | kegiatan | 150 | 10",
        "Persentase ruas jalan kabupaten dengan perlengkapan jalan memadai | % | naik | terakhir | program | 55 | 4",
        "Jumlah titik rawan kemacetan | titik | turun | terakhir | program | 14 | -1",
        "Jumlah trayek angkutan perdesaan yang beroperasi | trayek | naik | terakhir | kegiatan | 18 | 1",
        "Pendapatan retribusi parkir | Rp juta | naik | jumlah | kegiatan | 2100 | 150",
        "G2",
        "G5",
    ],
    "DISKOMINFO": [
        "Indeks Sistem Pemerintahan Berbasis Elektronik (SPBE) | indeks | naik | terakhir | IKU | 2.1 | 0.25 | maks=5",
        "Persentase perangkat daerah yang terhubung jaringan intra pemerintah | % | naik | terakhir | program | 70 | 6",
        "Jumlah aplikasi layanan publik yang terintegrasi | aplikasi | naik | terakhir | kegiatan | 8 | 3",
        "Persentase permohonan informasi publik yang diselesaikan tepat waktu | % | naik | terakhir | program | 90 | 1.5",
        "Jumlah insiden keamanan siber pada sistem pemerintah daerah | insiden | turun | jumlah | program | 24 | -3",
        "Persentase perangkat daerah yang menggunakan sertifikat elektronik | % | naik | terakhir | kegiatan | 30 | 12",
        "Jumlah dataset statistik sektoral di portal Satu Data | dataset | naik | terakhir | kegiatan | 150 | 60",
        "Durasi gangguan layanan pusat data | jam | turun | jumlah | kegiatan | 48.0 | -4",
        "G2",
    ],
    "DISKOPUKM": [
        "Persentase koperasi aktif | % | naik | terakhir | IKU | 55 | 3",
        "Jumlah UMKM yang difasilitasi pengembangan usaha | unit usaha | naik | jumlah | program | 500 | 50",
        "Persentase koperasi yang melaksanakan Rapat Anggota Tahunan | % | naik | terakhir | program | 45 | 4",
        "Jumlah UMKM yang memperoleh Nomor Induk Berusaha | unit usaha | naik | jumlah | kegiatan | 1200 | 300",
        "Pertumbuhan jumlah wirausaha baru | % | naik | terakhir | kegiatan | 3 | 0.5",
        "Jumlah koperasi tidak aktif | koperasi | turun | terakhir | program | 140 | -10",
        "G1",
        "G4",
    ],
    "DPMPTSP": [
        "Nilai realisasi investasi | Rp miliar | naik | jumlah | IKU | 450.0 | 50",
        "Persentase perizinan yang diterbitkan tepat waktu | % | naik | terakhir | program | 88 | 2",
        "Jumlah izin yang diterbitkan melalui OSS | izin | naik | jumlah | kegiatan | 2500 | 250",
        "Waktu rata-rata penerbitan izin | hari | turun | terakhir | program | 7.0 | -0.6",
        "Jumlah pengaduan layanan perizinan | pengaduan | turun | jumlah | kegiatan | 60 | -5",
        "Jumlah proyek investasi yang difasilitasi | proyek | naik | jumlah | kegiatan | 15 | 2",
        "G2",
        "G3",
    ],
    "DISPORA": [
        "Indeks Pembangunan Pemuda | indeks | naik | terakhir | IKU | 50.0 | 1.2",
        "Jumlah atlet berprestasi tingkat provinsi dan nasional | orang | naik | jumlah | program | 45 | 5",
        "Jumlah organisasi kepemudaan yang aktif | organisasi | naik | terakhir | kegiatan | 30 | 2",
        "Jumlah event olahraga yang diselenggarakan | event | naik | jumlah | kegiatan | 18 | 1",
        "Persentase fasilitas olahraga dalam kondisi baik | % | naik | terakhir | program | 55 | 4",
        "Jumlah wirausaha muda yang dibina | orang | naik | jumlah | kegiatan | 80 | 10",
        "G1",
        "G4",
        "G5",
    ],
    "DISBUD": [
        "Jumlah cagar budaya yang ditetapkan | objek | naik | terakhir | IKU | 12 | 3",
        "Jumlah festival dan pergelaran seni budaya | kegiatan | naik | jumlah | program | 20 | 2",
        "Persentase objek cagar budaya yang dilestarikan | % | naik | terakhir | program | 50 | 6",
        "Jumlah sanggar seni yang aktif | sanggar | naik | terakhir | kegiatan | 40 | 4",
        "Jumlah warisan budaya takbenda yang dicatat | karya | naik | terakhir | kegiatan | 6 | 2",
        "G1",
        "G2",
        "G4",
    ],
    "DISPUSIP": [
        "Tingkat Gemar Membaca masyarakat | nilai | naik | terakhir | IKU | 55.0 | 3",
        "Jumlah kunjungan perpustakaan | orang | naik | jumlah | program | 42000 | 4000",
        "Jumlah koleksi bahan pustaka | eksemplar | naik | terakhir | kegiatan | 38000 | 3000",
        "Jumlah perpustakaan desa yang dibina | perpustakaan | naik | terakhir | kegiatan | 25 | 5",
        "Persentase perangkat daerah yang mengelola arsip secara baku | % | naik | terakhir | IKU | 45 | 8",
        "Nilai pengawasan kearsipan internal | nilai | naik | terakhir | program | 60.0 | 4",
        "Jumlah arsip yang dialihmediakan | berkas | naik | jumlah | kegiatan | 5000 | 800",
        "G5",
    ],
    "DISKAN": [
        "Produksi perikanan budidaya | ton | naik | jumlah | IKU | 8500 | 400",
        "Produksi perikanan tangkap | ton | naik | jumlah | program | 12000 | 300",
        "Angka konsumsi ikan | kg per kapita per tahun | naik | terakhir | IKU | 38.0 | 2",
        "Jumlah kelompok pembudidaya ikan yang dibina | kelompok | naik | jumlah | kegiatan | 60 | 5",
        "Nilai Tukar Nelayan | indeks | naik | terakhir | program | 102.0 | 0.8",
        "Jumlah nelayan yang memiliki asuransi | orang | naik | jumlah | kegiatan | 800 | 100",
        "Jumlah kejadian kematian massal ikan | kejadian | turun | jumlah | kegiatan | 6 | -0.5",
        "G1",
    ],
    "DISPAR": [
        "Jumlah kunjungan wisatawan nusantara | orang | naik | jumlah | IKU | 350000 | 40000",
        "Jumlah kunjungan wisatawan mancanegara | orang | naik | jumlah | program | 2500 | 800",
        "Lama tinggal rata-rata wisatawan | hari | naik | terakhir | program | 1.6 | 0.1",
        "Jumlah destinasi wisata yang dikembangkan | lokasi | naik | jumlah | kegiatan | 5 | 1 | tw=0/0.2/0.6",
        "Jumlah desa wisata aktif | desa | naik | terakhir | program | 10 | 3",
        "Persentase usaha pariwisata yang tersertifikasi | % | naik | terakhir | kegiatan | 20 | 6",
        "Kontribusi sektor pariwisata terhadap PAD | % | naik | terakhir | program | 4.5 | 0.4",
        "G2",
    ],
    "DISTAN": [
        "Produktivitas padi | ton per ha | naik | terakhir | IKU | 5.4 | 0.06",
        "Luas tanam padi | ha | naik | jumlah | program | 42000 | 500",
        "Nilai Tukar Petani | indeks | naik | terakhir | IKU | 101.0 | 1",
        "Persentase luas lahan pertanian yang terserang OPT | % | turun | terakhir | program | 4.5 | -0.3",
        "Jumlah kelompok tani penerima bantuan alat dan mesin pertanian | kelompok | naik | jumlah | kegiatan | 40 | 5 | tw=0/0.4/0.8",
        "Persentase ketersediaan pupuk bersubsidi sesuai RDKK | % | naik | terakhir | kegiatan | 85 | 2",
        "Luas puso tanaman padi | ha | turun | jumlah | kegiatan | 600 | -40",
        "G5",
    ],
    "DISNAKKESWAN": [
        "Populasi sapi potong | ekor | naik | terakhir | IKU | 42000 | 1500",
        "Produksi daging | ton | naik | jumlah | program | 3200 | 120",
        "Jumlah kasus penyakit hewan menular strategis | kasus | turun | jumlah | program | 90 | -8",
        "Cakupan vaksinasi rabies pada hewan penular rabies | % | naik | terakhir | kegiatan | 70 | 3",
        "Jumlah akseptor inseminasi buatan | ekor | naik | jumlah | kegiatan | 9000 | 600",
        "Persentase unit usaha produk hewan bersertifikat NKV | % | naik | terakhir | kegiatan | 20 | 5",
        "G1",
        "G5",
    ],
    "DISBUN": [
        "Produktivitas kelapa sawit rakyat | ton TBS per ha | naik | terakhir | IKU | 14.5 | 0.3",
        "Produksi kopi robusta | ton | naik | jumlah | program | 5200 | 150",
        "Luas peremajaan kebun rakyat | ha | naik | jumlah | program | 500 | 50 | tw=0/0.3/0.6",
        "Jumlah petani pekebun yang dilatih | orang | naik | jumlah | kegiatan | 300 | 30",
        "Persentase kebun rakyat bersertifikat ISPO | % | naik | terakhir | kegiatan | 5 | 3",
        "Luas lahan perkebunan yang terbakar | ha | turun | jumlah | kegiatan | 80.0 | -8",
        "G1",
        "G4",
    ],
    "DISPERINDAG": [
        "Laju inflasi | % | rentang | terakhir | IKU | 2-4 | 0",
        "Kontribusi sektor industri pengolahan terhadap PDRB | % | naik | terakhir | IKU | 11 | 0.3",
        "Jumlah industri kecil dan menengah yang dibina | unit usaha | naik | jumlah | program | 250 | 25",
        "Persentase alat ukur, takar, timbang yang ditera ulang | % | naik | terakhir | program | 75 | 3",
        "Persentase pasar rakyat dalam kondisi baik | % | naik | terakhir | program | 50 | 5",
        "Koefisien variasi harga bahan pokok antarpasar | % | turun | terakhir | kegiatan | 9 | -0.5",
        "Jumlah pelaku usaha yang difasilitasi promosi dagang | pelaku usaha | naik | jumlah | kegiatan | 80 | 8",
        "G5",
    ],
    "SETDA": [
        "Indeks Reformasi Birokrasi | nilai | naik | terakhir | IKU | 58.0 | 3",
        "Nilai SAKIP Pemerintah Kabupaten | nilai | naik | terakhir | IKU | 62.0 | 2.5",
        "Persentase produk hukum daerah yang ditetapkan tepat waktu | % | naik | terakhir | program | 80 | 3",
        "Indeks Pelayanan Publik | nilai | naik | terakhir | program | 3.2 | 0.15 | maks=5",
        "Persentase paket tender yang gagal | % | turun | terakhir | kegiatan | 12 | -1.5",
        "Jumlah inovasi daerah yang dilaporkan | inovasi | naik | terakhir | kegiatan | 40 | 10",
        "Nilai kepatuhan standar pelayanan publik (Ombudsman) | nilai | naik | terakhir | program | 65.0 | 5",
        "Persentase perangkat daerah dengan nilai SAKIP minimal B | % | naik | terakhir | program | 50 | 8",
        "G5",
    ],
    "SETWAN": [
        "Persentase Raperda yang dibahas dan ditetapkan | % | naik | terakhir | IKU | 75 | 3",
        "Jumlah rapat paripurna dan alat kelengkapan dewan yang difasilitasi | rapat | naik | jumlah | program | 180 | 5",
        "Persentase aspirasi masyarakat yang ditindaklanjuti | % | naik | terakhir | program | 70 | 4",
        "Jumlah kunjungan kerja dan reses DPRD yang difasilitasi | kegiatan | naik | jumlah | kegiatan | 48 | 0",
        "Persentase risalah rapat yang diselesaikan tepat waktu | % | naik | terakhir | kegiatan | 85 | 2",
        "Jumlah pertanggungjawaban perjalanan dinas yang terlambat | dokumen | turun | jumlah | kegiatan | 40 | -4",
        "G1",
        "G3",
    ],
    "BAPPEDA": [
        "Persentase kesesuaian program RKPD dengan RPJMD | % | naik | terakhir | IKU | 88 | 2",
        "Indeks Pembangunan Manusia | indeks | naik | terakhir | IKU | 68.2 | 0.6",
        "Pertumbuhan ekonomi | % | rentang | terakhir | IKU | 4.5-5.5 | 0 | atas_baik",
        "Gini ratio | indeks | turun | terakhir | program | 0.34 | -0.005",
        "Persentase usulan musrenbang yang diakomodasi dalam RKPD | % | naik | terakhir | program | 35 | 2",
        "Jumlah kajian penelitian dan pengembangan yang dimanfaatkan | kajian | naik | jumlah | kegiatan | 6 | 1",
        "Persentase rekomendasi hasil penelitian yang ditindaklanjuti | % | naik | terakhir | kegiatan | 50 | 5",
        "Persentase dokumen perencanaan daerah yang ditetapkan tepat waktu | % | naik | terakhir | kegiatan | 90 | 2",
        "G5",
    ],
    "BPKAD": [
        "Opini BPK atas LKPD (WTP = 4, WDP = 3, TW = 2, TMP = 1) | skor | naik | terakhir | IKU | 4 | 0 | maks=4",
        "Persentase realisasi belanja daerah | % | naik | terakhir | program | 92 | 0.5 | tw=0.15/0.4/0.65",
        "Persentase aset tetap yang terinventarisasi dan tervaluasi | % | naik | terakhir | program | 80 | 3",
        "Persentase SP2D yang diterbitkan tepat waktu | % | naik | terakhir | kegiatan | 95 | 0.8",
        "Rasio SiLPA terhadap belanja daerah | % | turun | terakhir | program | 8 | -0.5",
        "Jumlah temuan BPK atas pengelolaan keuangan daerah | temuan | turun | terakhir | program | 18 | -2",
        "Persentase perangkat daerah yang menyampaikan laporan keuangan tepat waktu | % | naik | terakhir | kegiatan | 85 | 3",
        "G5",
    ],
    "BAPENDA": [
        "Realisasi Pendapatan Asli Daerah | Rp miliar | naik | jumlah | IKU | 185.0 | 12",
        "Rasio PAD terhadap total pendapatan daerah | % | naik | terakhir | IKU | 11.5 | 0.6",
        "Realisasi PBB Perdesaan dan Perkotaan | Rp miliar | naik | jumlah | program | 18.0 | 1.5",
        "Realisasi Bea Perolehan Hak atas Tanah dan Bangunan | Rp miliar | naik | jumlah | program | 22.0 | 2",
        "Persentase wajib pajak yang membayar tepat waktu | % | naik | terakhir | kegiatan | 70 | 3",
        "Tunggakan pajak daerah | Rp miliar | turun | terakhir | kegiatan | 35.0 | -3",
        "Jumlah wajib pajak baru terdaftar | wajib pajak | naik | jumlah | kegiatan | 1500 | 100",
        "G2",
    ],
    "BKPSDM": [
        "Indeks Profesionalitas ASN | nilai | naik | terakhir | IKU | 62.0 | 3",
        "Persentase ASN yang memenuhi 20 JP pengembangan kompetensi | % | naik | terakhir | program | 45 | 8",
        "Persentase pejabat yang diangkat sesuai sistem merit | % | naik | terakhir | program | 70 | 4",
        "Jumlah ASN yang dijatuhi hukuman disiplin | orang | turun | jumlah | program | 25 | -2",
        "Persentase layanan kepegawaian yang selesai tepat waktu | % | naik | terakhir | kegiatan | 85 | 2.5",
        "Jumlah ASN yang mengikuti pelatihan kepemimpinan | orang | naik | jumlah | kegiatan | 60 | 5",
        "Persentase data kepegawaian yang mutakhir di SIASN | % | naik | terakhir | kegiatan | 80 | 4",
        "G2",
    ],
    "INSPEKTORAT": [
        "Tingkat maturitas SPIP | level | naik | terakhir | IKU | 2.8 | 0.15 | maks=5",
        "Level kapabilitas APIP | level | naik | terakhir | IKU | 2.0 | 0.25 | maks=5",
        "Persentase rekomendasi hasil pengawasan yang ditindaklanjuti | % | naik | terakhir | program | 80 | 3",
        "Jumlah temuan pemeriksaan berulang | temuan | turun | jumlah | program | 0 | 0",
        "Jumlah pengaduan masyarakat terindikasi penyimpangan | pengaduan | turun | jumlah | kegiatan | 30 | -2",
        "Jumlah objek pemeriksaan yang diaudit | obrik | naik | jumlah | kegiatan | 80 | 5",
        "Nilai Monitoring Center for Prevention (MCP) | nilai | naik | terakhir | program | 70.0 | 4",
        "G4",
    ],
    "KESBANGPOL": [
        "Persentase konflik sosial yang tertangani | % | naik | terakhir | IKU | 85 | 3",
        "Jumlah kejadian konflik sosial | kejadian | turun | jumlah | program | 8 | -1",
        "Jumlah organisasi kemasyarakatan yang terdaftar dan aktif | ormas | naik | terakhir | kegiatan | 120 | 5",
        "Jumlah kegiatan wawasan kebangsaan | kegiatan | naik | jumlah | kegiatan | 24 | 2",
        "Persentase forum kewaspadaan dan kerukunan yang aktif | % | naik | terakhir | program | 70 | 6",
        "Jumlah kejadian gangguan kerukunan umat beragama | kejadian | turun | jumlah | kegiatan | 5 | -0.5",
        "G1",
        "G4",
    ],
}


def _kecamatan(ukuran):
    """Delapan indikator kecamatan; target hitungan mengikuti ukuran wilayah."""
    def n(x):
        return max(1, int(round(x * ukuran)))
    return [
        "Indeks Kepuasan Masyarakat layanan PATEN | nilai | naik | terakhir | IKU | 80.0 | 0.8",
        "Persentase permohonan layanan administrasi yang selesai tepat waktu | % | naik | terakhir | IKU | 90 | 1.5",
        "Persentase desa yang menyampaikan laporan APBDes tepat waktu | % | naik | terakhir | program | 85 | 2",
        "Tingkat pembayaran PBB-P2 | % | naik | terakhir | program | 72 | 2",
        "Persentase posyandu aktif | % | naik | terakhir | kegiatan | 82 | 2",
        f"Jumlah gangguan ketenteraman dan ketertiban umum | kejadian | turun | jumlah | program | {n(30)} | -1",
        "Waktu rata-rata penyelesaian layanan PATEN | hari | turun | terakhir | kegiatan | 3.0 | -0.2",
        f"Jumlah kegiatan pembinaan dan fasilitasi pemerintahan desa | kegiatan | naik | jumlah | kegiatan | {n(24)} | 1",
    ]


# ---------------------------------------------------------------------------
# Kendala dan tindak lanjut. Tuple (kendala, tindak lanjut[, tahun_min, tahun_max]).
# ---------------------------------------------------------------------------
KENDALA_UMUM = [
    ("Keterlambatan penetapan DPA dan pergeseran anggaran sehingga kegiatan baru dimulai akhir triwulan",
     "Percepatan jadwal pelaksanaan kegiatan; koordinasi dengan BPKAD agar pergeseran anggaran diproses tepat waktu"),
    ("Data sasaran belum dimutakhirkan sehingga realisasi belum dapat dilaporkan lengkap",
     "Pemutakhiran data sasaran bersama operator kecamatan dan desa paling lambat akhir bulan berikutnya"),
    ("Keterbatasan SDM teknis dan mutasi pejabat pelaksana teknis kegiatan",
     "Penunjukan PPTK pengganti dan pengusulan tambahan tenaga teknis ke BKPSDM"),
    ("Proses pengadaan barang/jasa terlambat karena dokumen persiapan pengadaan belum lengkap",
     "Pendampingan penyusunan dokumen persiapan pengadaan oleh Bagian Pengadaan Barang dan Jasa"),
    ("Petunjuk teknis Dana Alokasi Khusus terlambat terbit",
     "Penyesuaian jadwal kegiatan DAK setelah juknis terbit; pelaksanaan dipercepat dengan swakelola"),
    ("Target dalam Renstra terlalu tinggi dibandingkan ketersediaan anggaran",
     "Reviu target pada perubahan Renja dan Perjanjian Kinerja; usulan tambahan anggaran pada APBD Perubahan"),
    ("Pelaporan capaian dari UPTD terlambat dan formatnya tidak seragam",
     "Penetapan format laporan baku dengan batas waktu tanggal 5 setiap bulan; pemantauan oleh sekretariat"),
    ("Gangguan aplikasi SIPD saat input realisasi dan penatausahaan",
     "Koordinasi dengan admin SIPD daerah; pencatatan manual sementara dan rekonsiliasi akhir triwulan"),
    ("Rekanan terlambat menyelesaikan pekerjaan sesuai jadwal kontrak",
     "Surat teguran dan rapat pembuktian (show cause meeting); denda keterlambatan sesuai kontrak"),
    ("Koordinasi lintas perangkat daerah belum optimal sehingga kegiatan bersama tertunda",
     "Pembentukan tim terpadu dengan SK Bupati dan rapat koordinasi bulanan"),
    ("Partisipasi masyarakat dalam kegiatan sosialisasi masih rendah",
     "Sosialisasi melalui kecamatan, tokoh masyarakat dan media sosial pemerintah daerah"),
    ("Bukti dukung realisasi masih diverifikasi sehingga belum seluruhnya diinput",
     "Verifikasi bukti dukung diselesaikan dan data diperbarui sebelum rapat evaluasi berikutnya"),
    ("Cuaca ekstrem dan curah hujan tinggi menghambat kegiatan lapangan",
     "Penjadwalan ulang kegiatan lapangan dan penambahan tenaga saat cuaca memungkinkan"),
    ("Efisiensi belanja sesuai kebijakan pemerintah pusat mengurangi pagu kegiatan pendukung",
     "Reprioritisasi kegiatan yang berdampak langsung pada indikator kinerja utama", 2025, 2026),
]

KENDALA_PANDEMI = [
    ("Refocusing anggaran untuk penanganan COVID-19",
     "Penyesuaian target pada perubahan Perjanjian Kinerja; kegiatan yang tertunda dialihkan ke tahun berikutnya"),
    ("Pemberlakuan PPKM sehingga kegiatan tatap muka ditunda",
     "Kegiatan dialihkan ke metode daring dan dijadwalkan ulang setelah level PPKM turun"),
    ("Sebagian pegawai terpapar COVID-19 dan menjalani isolasi mandiri",
     "Pengaturan jadwal kerja bergilir dan pemanfaatan layanan daring"),
]

KENDALA_KECAMATAN = [
    ("Desa terlambat menyampaikan laporan APBDes",
     "Pendampingan oleh Kasi Pemberdayaan Masyarakat Desa dan teguran tertulis camat"),
    ("Layanan PATEN terganggu karena jaringan internet sering terputus",
     "Layanan manual sementara dan koordinasi perbaikan jaringan dengan Diskominfo"),
    ("Jumlah pegawai kecamatan terbatas dibandingkan beban layanan",
     "Pembagian tugas ulang antarseksi dan pengusulan tambahan pegawai ke BKPSDM"),
    ("Partisipasi pembayaran PBB-P2 masih rendah di desa-desa terpencil",
     "Penagihan dari rumah ke rumah bersama kepala desa dan pemberian penghargaan desa lunas"),
    ("Gangguan ketertiban akibat keramaian malam hari di pusat kecamatan",
     "Patroli bersama Trantib kecamatan, Babinsa dan Bhabinkamtibmas"),
    ("Kader posyandu banyak yang berhenti sehingga posyandu tidak aktif",
     "Rekrutmen dan pelatihan kader baru bersama puskesmas dan PKK kecamatan"),
]

KENDALA_OPD = {
    "DISDIK": [
        ("Keterbatasan guru di sekolah terpencil sehingga rasio murid-guru melebihi batas",
         "Redistribusi guru antarsekolah dan pengusulan formasi PPPK guru"),
        ("Rehabilitasi ruang kelas tertunda menunggu verifikasi data Dapodik",
         "Validasi Dapodik bersama operator sekolah; paket rehabilitasi ditender ulang"),
        ("Angka putus sekolah naik di wilayah pesisir karena anak membantu orang tua bekerja",
         "Program kejar paket dan beasiswa afirmasi bersama DPMD dan Dinas Sosial"),
    ],
    "DINKES": [
        ("Keterbatasan tenaga kesehatan di puskesmas",
         "Pengusulan formasi tenaga kesehatan dan rotasi bidan desa ke puskesmas yang kekurangan"),
        ("Peningkatan kasus DBD pada musim hujan",
         "Gerakan pemberantasan sarang nyamuk serentak dan fogging fokus di desa endemis"),
        ("Cakupan imunisasi rendah karena penolakan sebagian orang tua",
         "Sweeping imunisasi dengan melibatkan tokoh agama dan kader posyandu"),
        ("Data sasaran stunting di e-PPGBM belum dimutakhirkan",
         "Pengukuran serentak balita di posyandu dan validasi data bersama TPPS kecamatan"),
    ],
    "RSUD": [
        ("Keterbatasan dokter spesialis anestesi dan kebidanan",
         "Kerja sama dengan RS rujukan provinsi dan program pendayagunaan dokter spesialis"),
        ("Klaim BPJS Kesehatan tertunda sehingga arus kas terganggu",
         "Percepatan kelengkapan berkas klaim dan verifikasi internal sebelum pengajuan"),
        ("Alat kesehatan rusak dan menunggu kalibrasi",
         "Pengadaan suku cadang melalui e-katalog dan jadwal kalibrasi berkala"),
    ],
    "DPUPR": [
        ("Keterlambatan proses lelang paket pekerjaan jalan karena gagal tender pertama",
         "Tender ulang segera dijadwalkan; percepatan dengan e-katalog"),
        ("Harga material aspal naik melebihi HPS",
         "Reviu desain dan penyesuaian HPS sebelum tender ulang"),
        ("Curah hujan tinggi menghambat pekerjaan pengaspalan",
         "Penambahan jam kerja dan alat berat saat cuaca cerah; addendum waktu bila diperlukan"),
        ("Pembebasan lahan untuk pelebaran jalan belum selesai",
         "Koordinasi dengan Dinas Pertanahan dan camat untuk percepatan musyawarah ganti rugi"),
    ],
    "DSDA": [
        ("Saluran irigasi rusak akibat banjir bandang",
         "Penanganan darurat dengan bronjong dan pengusulan belanja tidak terduga"),
        ("Pembangunan embung tertunda menunggu hibah tanah dari desa",
         "Fasilitasi penyerahan hibah tanah oleh pemerintah desa bersama camat"),
    ],
    "DISPERKIM": [
        ("Calon penerima bantuan RTLH tidak memenuhi syarat kepemilikan lahan",
         "Verifikasi ulang calon penerima dan penggantian dari daftar tunggu"),
        ("Serah terima PSU dari pengembang terhambat kelengkapan dokumen",
         "Inventarisasi pengembang dan surat teguran kewajiban penyerahan PSU"),
    ],
    "DISPERTANAHAN": [
        ("Sertifikasi aset tanah terhambat karena dokumen perolehan tidak lengkap",
         "Penelusuran riwayat aset bersama BPKAD dan Kantor Pertanahan"),
        ("Sengketa batas tanah antarwarga belum menemukan titik temu",
         "Mediasi bersama camat dan kepala desa; pengukuran ulang oleh Kantor Pertanahan"),
    ],
    "SATPOLPP": [
        ("Jumlah personel PPNS terbatas",
         "Pengusulan diklat PPNS dan kerja sama penegakan Perda dengan kepolisian"),
        ("Penertiban PKL ditunda menunggu lokasi relokasi siap",
         "Koordinasi dengan Disperindag untuk penyiapan lokasi relokasi"),
    ],
    "BPBD": [
        ("Kejadian banjir dan tanah longsor melebihi perkiraan",
         "Penguatan desa tangguh bencana dan pemutakhiran peta rawan bencana"),
        ("Stok logistik kebencanaan terbatas",
         "Penambahan stok penyangga logistik dan kerja sama dengan Dinas Sosial"),
    ],
    "DAMKAR": [
        ("Armada pemadam terbatas dan jarak tempuh jauh ke wilayah timur",
         "Pembentukan pos pemadam pembantu di kecamatan dan pelatihan relawan kebakaran"),
        ("Akses jalan sempit di permukiman padat memperlambat waktu tanggap",
         "Pengadaan unit pemadam ringan (sepeda motor) untuk gang sempit"),
    ],
    "DINSOS": [
        ("Data DTKS belum dimutakhirkan oleh desa",
         "Pendampingan operator SIKS-NG desa dan verifikasi melalui musyawarah desa"),
        ("Penyaluran bantuan sosial dari pusat terlambat",
         "Koordinasi dengan Kementerian Sosial dan bank penyalur"),
    ],
    "DISNAKERTRANS": [
        ("Pelatihan berbasis kompetensi tertunda karena instruktur belum tersedia",
         "Kerja sama dengan BLK provinsi dan lembaga pelatihan swasta"),
        ("Perusahaan belum melaporkan lowongan kerja secara daring",
         "Sosialisasi wajib lapor lowongan kerja dan penyelenggaraan bursa kerja"),
    ],
    "DP3AP2KB": [
        ("Kasus kekerasan terhadap anak meningkat dan banyak yang baru terlaporkan",
         "Penguatan UPTD PPA dan pembukaan pos pengaduan di kecamatan"),
        ("Ketersediaan alat kontrasepsi jangka panjang terbatas",
         "Permintaan tambahan alokasi alat kontrasepsi ke BKKBN provinsi"),
    ],
    "DKP": [
        ("Harga pangan bergejolak menjelang hari besar keagamaan",
         "Operasi pasar dan gerakan pangan murah bersama Bulog"),
        ("Pengujian sampel pangan terkendala reagen habis",
         "Pengadaan reagen melalui e-katalog dan kerja sama dengan laboratorium provinsi"),
    ],
    "DLH": [
        ("Armada pengangkut sampah terbatas dan TPA hampir penuh",
         "Penambahan ritase, optimalisasi TPS3R dan perluasan sel TPA"),
        ("Pelaku usaha belum menyusun dokumen lingkungan",
         "Pembinaan dan sanksi administratif bertahap"),
    ],
    "DISDUKCAPIL": [
        ("Blangko KTP-el terbatas dari pusat",
         "Permintaan tambahan blangko ke Ditjen Dukcapil dan percepatan aktivasi IKD"),
        ("Jaringan internet di kantor kecamatan sering terputus",
         "Layanan jemput bola dan koordinasi perbaikan jaringan dengan Diskominfo"),
    ],
    "DPMD": [
        ("Penetapan APBDes terlambat karena regulasi dana desa terbit terlambat",
         "Pendampingan penyusunan APBDes oleh camat dan tenaga pendamping profesional"),
        ("BUMDes belum memiliki unit usaha yang layak",
         "Pelatihan manajemen BUMDes dan kemitraan dengan pihak swasta"),
    ],
    "DISHUB": [
        ("Kecelakaan lalu lintas meningkat di ruas jalan yang rusak",
         "Pemasangan rambu peringatan dan koordinasi perbaikan jalan dengan DPUPR dan provinsi"),
        ("Retribusi parkir belum optimal karena kebocoran di lapangan",
         "Penerapan karcis elektronik dan rotasi juru parkir"),
    ],
    "DISKOMINFO": [
        ("Integrasi aplikasi perangkat daerah terkendala standar data yang berbeda",
         "Penerapan standar interoperabilitas dan forum Satu Data"),
        ("Serangan siber pada laman pemerintah daerah",
         "Penguatan keamanan bersama BSSN dan pelatihan tim tanggap insiden siber"),
    ],
    "DISKOPUKM": [
        ("Banyak koperasi tidak melaksanakan Rapat Anggota Tahunan",
         "Pendampingan RAT dan pembubaran koperasi yang tidak aktif"),
        ("Pelaku UMKM belum memanfaatkan pemasaran digital",
         "Pelatihan pemasaran digital dan fasilitasi NIB melalui klinik UMKM"),
    ],
    "DPMPTSP": [
        ("Sistem OSS mengalami gangguan dan perubahan kebijakan",
         "Helpdesk perizinan dan koordinasi dengan kementerian terkait"),
        ("Realisasi investasi belum tercatat karena LKPM tidak dilaporkan",
         "Sosialisasi wajib LKPM dan jemput bola ke perusahaan"),
    ],
    "DISPORA": [
        ("Penyelenggaraan event olahraga ditunda karena keterbatasan anggaran",
         "Penggabungan event dan penggalangan sponsor pihak ketiga"),
        ("Fasilitas olahraga rusak belum diperbaiki",
         "Usulan rehabilitasi GOR pada APBD Perubahan"),
        ("Pembinaan atlet terhenti karena pelatih kontrak belum diperpanjang",
         "Perpanjangan kontrak pelatih dan kerja sama dengan KONI kabupaten"),
    ],
    "DISBUD": [
        ("Kajian penetapan cagar budaya belum selesai oleh Tim Ahli Cagar Budaya",
         "Penambahan jadwal sidang TACB dan dukungan tenaga ahli"),
        ("Sanggar seni kekurangan pembina dan peralatan",
         "Bantuan peralatan kesenian dan pelatihan pembina sanggar"),
    ],
    "DISPUSIP": [
        ("Kunjungan perpustakaan menurun",
         "Layanan perpustakaan keliling ke sekolah dan desa"),
        ("Pengelola arsip di perangkat daerah terbatas",
         "Bimbingan teknis pengelolaan arsip dan penunjukan pengelola arsip di setiap OPD"),
    ],
    "DISKAN": [
        ("Cuaca buruk membuat nelayan tidak melaut",
         "Bantuan masa paceklik dan diversifikasi usaha budidaya"),
        ("Harga pakan ikan tinggi",
         "Pelatihan pembuatan pakan mandiri dan bantuan mesin pakan"),
        ("Benih ikan bantuan terlambat didistribusikan",
         "Percepatan kontrak pengadaan benih dan kemitraan dengan balai benih ikan"),
    ],
    "DISPAR": [
        ("Kunjungan wisatawan menurun karena akses jalan ke destinasi rusak",
         "Koordinasi perbaikan akses dengan DPUPR; promosi paket wisata alternatif"),
        ("Event pariwisata dibatalkan karena keterbatasan anggaran",
         "Kolaborasi dengan pelaku usaha pariwisata dan sponsor"),
    ],
    "DISTAN": [
        ("Serangan hama wereng dan kekeringan pada musim tanam kedua",
         "Gerakan pengendalian OPT dan bantuan pompa air"),
        ("Penyaluran pupuk bersubsidi terlambat",
         "Koordinasi dengan distributor dan pemutakhiran e-RDKK"),
    ],
    "DISNAKKESWAN": [
        ("Wabah penyakit mulut dan kuku pada ternak",
         "Vaksinasi massal dan pengawasan lalu lintas ternak", 2022, 2023),
        ("Stok semen beku untuk inseminasi buatan terbatas",
         "Permintaan tambahan semen beku dari balai inseminasi buatan"),
    ],
    "DISBUN": [
        ("Peremajaan sawit rakyat terhambat syarat legalitas lahan",
         "Fasilitasi STDB dan verifikasi lahan bersama Dinas Pertanahan"),
        ("Harga komoditas turun sehingga petani enggan merawat kebun",
         "Pendampingan teknis dan kemitraan dengan perusahaan perkebunan"),
    ],
    "DISPERINDAG": [
        ("Kenaikan harga beras dan cabai mendorong inflasi",
         "Operasi pasar dan pemantauan harga harian bersama TPID"),
        ("Revitalisasi pasar rakyat tertunda",
         "Musyawarah dengan pedagang dan penyiapan lokasi relokasi sementara"),
    ],
    "SETDA": [
        ("Penyusunan produk hukum menunggu fasilitasi provinsi",
         "Koordinasi intensif dengan Biro Hukum provinsi"),
        ("Rekomendasi evaluasi SAKIP belum ditindaklanjuti di perangkat daerah",
         "Pendampingan penyusunan pohon kinerja oleh Bagian Organisasi"),
    ],
    "SETWAN": [
        ("Jadwal pembahasan Raperda mundur",
         "Penyusunan ulang jadwal pembahasan bersama Bapemperda"),
        ("Pertanggungjawaban perjalanan dinas terlambat diserahkan",
         "Penerapan batas waktu lima hari kerja dan verifikasi berjenjang"),
    ],
    "BAPPEDA": [
        ("Data statistik terbaru BPS belum rilis sehingga capaian makro belum dapat dihitung",
         "Memakai angka sementara dan memutakhirkan setelah rilis BPS"),
        ("Usulan musrenbang melebihi kapasitas fiskal daerah",
         "Penerapan skoring prioritas usulan melalui e-musrenbang"),
    ],
    "BPKAD": [
        ("Pencatatan aset belum tertib di perangkat daerah",
         "Rekonsiliasi aset triwulanan dan pendampingan pengurus barang"),
        ("Dana transfer pusat terlambat sehingga kas daerah terbatas",
         "Penjadwalan pembayaran berdasarkan prioritas dan pemantauan kas harian"),
    ],
    "BAPENDA": [
        ("Tunggakan PBB-P2 tinggi karena data objek pajak tidak mutakhir",
         "Pemutakhiran data objek pajak dan penagihan aktif bersama desa"),
        ("Transaksi BPHTB menurun",
         "Intensifikasi pengawasan transaksi bersama notaris/PPAT"),
    ],
    "BKPSDM": [
        ("Kuota pelatihan kepemimpinan dari lembaga pelatihan terbatas",
         "Pelatihan melalui skema e-learning dan kerja sama dengan BPSDM provinsi"),
        ("Pemutakhiran data SIASN lambat",
         "Pemutakhiran mandiri oleh ASN dengan pendampingan operator kepegawaian"),
    ],
    "INSPEKTORAT": [
        ("Jumlah auditor terbatas dibandingkan objek pemeriksaan",
         "Pengusulan jabatan fungsional auditor dan audit berbasis risiko"),
        ("Tindak lanjut rekomendasi oleh perangkat daerah lambat",
         "Rapat pemutakhiran tindak lanjut bersama perangkat daerah setiap triwulan"),
    ],
    "KESBANGPOL": [
        ("Potensi konflik meningkat menjelang pemilihan umum",
         "Deteksi dini bersama FKDM dan rapat Forkopimda", 2023, 2024),
        ("Ormas belum memperbarui data keberadaan",
         "Pendataan ulang ormas dan sosialisasi kewajiban pelaporan"),
    ],
}

# Dua baris kendala sengaja memuat < > & dan tanda kutip, agar dasbor terbukti
# meng-escape teks sebelum menampilkannya sebagai HTML.
KENDALA_KHUSUS = {
    (2025, 4, "DPUPR"): (
        'Anggaran < rencana & lelang "gagal" pada paket jalan Bukit Damar - Sungai Jernih',
        "Tender ulang & penyesuaian HPS; kontrak ditargetkan <= 30 hari setelah pengumuman",
    ),
    (2026, 3, "DISPAR"): (
        'Kunjungan wisatawan < target karena "Festival Teluk Kemuning" & dua event lain dibatalkan',
        "Kolaborasi dengan PHRI & sponsor; promosi paket wisata <akhir pekan> di media sosial",
    ),
}

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
    def __init__(self, kode, nama, singkatan, profil, pagu, kunci, kecamatan=False):
        self.kode, self.nama, self.singkatan = kode, nama, singkatan
        self.profil, self.pagu_miliar, self.kunci = profil, pagu, kunci
        self.kecamatan = kecamatan
        self.awalan = "".join(ch for ch in singkatan.upper() if ch.isalnum())
        self.indikator = []


class Indikator:
    def __init__(self, opd, nomor, spek):
        bagian = [b.strip() for b in spek.split("|")]
        (self.nama, self.satuan, self.polaritas, self.agregasi, self.tingkat,
         target, langkah) = bagian[:7]
        opsi = bagian[7:]
        self.opd = opd
        self.id = f"{opd.awalan}-{nomor:02d}"
        self.atas_baik = "atas_baik" in opsi
        self.porsi_tw = None
        self.maks = None
        for o in opsi:
            if o.startswith("tw="):
                self.porsi_tw = [float(x) for x in o[3:].split("/")]
            elif o.startswith("maks="):
                self.maks = float(o[5:])
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
                profil, pagu, "KECAMATAN", kecamatan=True)
        o.ukuran = ukuran
        daftar.append(o)
    for o in daftar:
        spek = _kecamatan(o.ukuran) if o.kecamatan else INDIKATOR[o.awalan]
        for nomor, s in enumerate(spek, start=1):
            o.indikator.append(Indikator(o, nomor, GENERIK.get(s, s)))
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
            kumpulan = KENDALA_KECAMATAN if o.kecamatan else KENDALA_OPD.get(o.kunci, [])
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
