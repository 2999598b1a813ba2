-- Nilai bawaan: pengaturan, skala Permendagri 86/2017, dan skala alternatif
-- dengan label Sangat Baik..Sangat Kurang pada batas yang sama.

INSERT INTO pengaturan VALUES
    ('skala_aktif', 'permendagri86', 'Skala kategori capaian yang dipakai (kolom skala pada skala_kategori)'),
    ('batas_atas_capaian', '100', 'Batas atas capaian untuk rata-rata dan peringkat (persen)'),
    ('ambang_perlu_ditinjau', '150', 'Capaian di atas ambang ini ditandai "target perlu ditinjau" (persen)'),
    ('ambang_di_bawah_target', '95', 'Capaian di bawah ambang ini dihitung di bawah target (persen)'),
    ('bobot_gabungan_kinerja', '70', 'Bobot capaian kinerja dalam skor gabungan peringkat (persen)'),
    ('bobot_gabungan_anggaran', '30', 'Bobot skor penyerapan anggaran dalam skor gabungan peringkat (persen)');

-- Palet Okabe-Ito (aman buta warna); pita juga dibedakan oleh label dan urutan.
INSERT INTO skala_kategori VALUES
    ('permendagri86', 1, 'Sangat Tinggi', 91, '#0072B2', '#FFFFFF'),
    ('permendagri86', 2, 'Tinggi',        76, '#56B4E9', '#000000'),
    ('permendagri86', 3, 'Sedang',        66, '#F0E442', '#000000'),
    ('permendagri86', 4, 'Rendah',        51, '#E69F00', '#000000'),
    ('permendagri86', 5, 'Sangat Rendah',  0, '#D55E00', '#FFFFFF'),
    ('baik-kurang',   1, 'Sangat Baik',   91, '#0072B2', '#FFFFFF'),
    ('baik-kurang',   2, 'Baik',          76, '#56B4E9', '#000000'),
    ('baik-kurang',   3, 'Cukup',         66, '#F0E442', '#000000'),
    ('baik-kurang',   4, 'Kurang',        51, '#E69F00', '#000000'),
    ('baik-kurang',   5, 'Sangat Kurang',  0, '#D55E00', '#FFFFFF');

-- Nomenklatur bidang urusan (Permendagri 90/2019). Kelompok dipakai untuk filter sektor.
INSERT INTO urusan VALUES
    ('1.01', 'Pendidikan', 'Wajib Pelayanan Dasar'),
    ('1.02', 'Kesehatan', 'Wajib Pelayanan Dasar'),
    ('1.03', 'Pekerjaan Umum dan Penataan Ruang', 'Wajib Pelayanan Dasar'),
    ('1.04', 'Perumahan Rakyat dan Kawasan Permukiman', 'Wajib Pelayanan Dasar'),
    ('1.05', 'Ketenteraman, Ketertiban Umum dan Pelindungan Masyarakat', 'Wajib Pelayanan Dasar'),
    ('1.06', 'Sosial', 'Wajib Pelayanan Dasar'),
    ('2.07', 'Tenaga Kerja', 'Wajib Non-Pelayanan Dasar'),
    ('2.08', 'Pemberdayaan Perempuan dan Perlindungan Anak', 'Wajib Non-Pelayanan Dasar'),
    ('2.09', 'Pangan', 'Wajib Non-Pelayanan Dasar'),
    ('2.10', 'Pertanahan', 'Wajib Non-Pelayanan Dasar'),
    ('2.11', 'Lingkungan Hidup', 'Wajib Non-Pelayanan Dasar'),
    ('2.12', 'Administrasi Kependudukan dan Pencatatan Sipil', 'Wajib Non-Pelayanan Dasar'),
    ('2.13', 'Pemberdayaan Masyarakat dan Desa', 'Wajib Non-Pelayanan Dasar'),
    ('2.14', 'Pengendalian Penduduk dan Keluarga Berencana', 'Wajib Non-Pelayanan Dasar'),
    ('2.15', 'Perhubungan', 'Wajib Non-Pelayanan Dasar'),
    ('2.16', 'Komunikasi dan Informatika', 'Wajib Non-Pelayanan Dasar'),
    ('2.17', 'Koperasi, Usaha Kecil dan Menengah', 'Wajib Non-Pelayanan Dasar'),
    ('2.18', 'Penanaman Modal', 'Wajib Non-Pelayanan Dasar'),
    ('2.19', 'Kepemudaan dan Olahraga', 'Wajib Non-Pelayanan Dasar'),
    ('2.20', 'Statistik', 'Wajib Non-Pelayanan Dasar'),
    ('2.21', 'Persandian', 'Wajib Non-Pelayanan Dasar'),
    ('2.22', 'Kebudayaan', 'Wajib Non-Pelayanan Dasar'),
    ('2.23', 'Perpustakaan', 'Wajib Non-Pelayanan Dasar'),
    ('2.24', 'Kearsipan', 'Wajib Non-Pelayanan Dasar'),
    ('3.25', 'Kelautan dan Perikanan', 'Pilihan'),
    ('3.26', 'Pariwisata', 'Pilihan'),
    ('3.27', 'Pertanian', 'Pilihan'),
    ('3.28', 'Kehutanan', 'Pilihan'),
    ('3.29', 'Energi dan Sumber Daya Mineral', 'Pilihan'),
    ('3.30', 'Perdagangan', 'Pilihan'),
    ('3.31', 'Perindustrian', 'Pilihan'),
    ('3.32', 'Transmigrasi', 'Pilihan'),
    ('4.01', 'Sekretariat Daerah', 'Penunjang'),
    ('4.02', 'Sekretariat DPRD', 'Penunjang'),
    ('5.01', 'Perencanaan', 'Penunjang'),
    ('5.02', 'Keuangan', 'Penunjang'),
    ('5.03', 'Kepegawaian', 'Penunjang'),
    ('5.04', 'Pendidikan dan Pelatihan', 'Penunjang'),
    ('5.05', 'Penelitian dan Pengembangan', 'Penunjang'),
    ('6.01', 'Inspektorat', 'Pengawasan'),
    ('7.01', 'Kecamatan', 'Kewilayahan'),
    ('8.01', 'Kesatuan Bangsa dan Politik', 'Umum');
