-- Berkas turunan (BERKAS_TURUNAN di kinerja/skema.py): hanya CREATE OR REPLACE MACRO/VIEW,
-- karena dijalankan ulang pada database berisi data bila berkas ini berubah.

-- Aturan capaian (DOMAIN.md), didefinisikan sekali di sini dan dipakai oleh
-- semua view, peringkat dan ekspor.

-- Nilai pengaturan sebagai angka.
CREATE OR REPLACE MACRO pengaturan_angka(k) AS
    (SELECT CAST(nilai AS DOUBLE) FROM pengaturan WHERE kunci = k);

-- Rumus capaian sebelum dipotong di nol. NULL bila tidak dapat dihitung
-- (target kosong/nol, realisasi kosong, rentang tidak lengkap).
--   naik    : realisasi / target * 100
--   turun   : (2 * target - realisasi) / target * 100
--   rentang : di dalam [target, target_atas] = 100; di bawah dibanding batas
--             bawah; di atas = 100 bila rentang_atas_baik, selain itu
--             dibanding batas atas seperti polaritas turun.
CREATE OR REPLACE MACRO capaian_rumus(polaritas, target, target_atas, realisasi, rentang_atas_baik) AS
    CASE
        WHEN realisasi IS NULL OR target IS NULL THEN NULL
        WHEN polaritas = 'naik'  THEN realisasi / NULLIF(target, 0) * 100
        WHEN polaritas = 'turun' THEN (2 * target - realisasi) / NULLIF(target, 0) * 100
        WHEN polaritas = 'rentang' THEN
            CASE
                WHEN target_atas IS NULL OR target_atas = 0 OR target_atas < target THEN NULL
                WHEN realisasi BETWEEN target AND target_atas THEN 100
                WHEN realisasi < target THEN realisasi / NULLIF(target, 0) * 100
                WHEN rentang_atas_baik THEN 100
                ELSE (2 * target_atas - realisasi) / target_atas * 100
            END
    END;

-- Capaian mentah yang disimpan di view: dipotong di 0 (dan ditandai).
-- Bukan greatest()/least(): di DuckDB keduanya mengabaikan NULL, sehingga
-- capaian yang tidak dapat dihitung akan berubah menjadi 0 atau 100.
CREATE OR REPLACE MACRO capaian_mentah(polaritas, target, target_atas, realisasi, rentang_atas_baik) AS
    CASE WHEN capaian_rumus(polaritas, target, target_atas, realisasi, rentang_atas_baik) < 0 THEN 0.0
         ELSE capaian_rumus(polaritas, target, target_atas, realisasi, rentang_atas_baik) END;

-- Capaian yang dibatasi untuk rata-rata dan peringkat (batas bawaan 100%).
CREATE OR REPLACE MACRO capaian_dibatasi(capaian) AS
    CASE WHEN capaian > pengaturan_angka('batas_atas_capaian')
         THEN pengaturan_angka('batas_atas_capaian') ELSE capaian END;

-- Label pita dari skala aktif; pita tertutup di bawah (90,5 -> Tinggi).
-- Daftar pita dibaca sekali (subkueri tanpa korelasi) lalu disaring per baris:
-- subkueri berkorelasi dengan ORDER BY/LIMIT membuat view 10x lebih lambat dan
-- menghalangi filter kode_pemda turun ke tabel (lihat benchmarks/).
CREATE OR REPLACE MACRO kategori_capaian(x_capaian) AS
    CASE WHEN x_capaian IS NULL THEN NULL ELSE
        list_filter(
            (SELECT list({'bawah': s.batas_bawah, 'label': s.label} ORDER BY s.batas_bawah DESC)
             FROM skala_kategori s
             WHERE s.skala = (SELECT nilai FROM pengaturan WHERE kunci = 'skala_aktif')),
            lambda p: x_capaian >= p.bawah)[1].label
    END;

-- Tanda yang menjelaskan mengapa capaian kosong atau perlu perhatian.
CREATE OR REPLACE MACRO status_capaian(polaritas, target, target_atas, realisasi, rentang_atas_baik) AS
    CASE
        WHEN target IS NULL THEN 'target kosong'
        WHEN polaritas <> 'rentang' AND target = 0 THEN 'target nol'
        WHEN polaritas = 'rentang' AND (target_atas IS NULL OR target_atas = 0 OR target_atas < target)
            THEN 'rentang tidak lengkap'
        WHEN realisasi IS NULL THEN 'realisasi kosong'
        WHEN capaian_rumus(polaritas, target, target_atas, realisasi, rentang_atas_baik) IS NULL
            THEN 'tidak dapat dihitung'
        WHEN capaian_rumus(polaritas, target, target_atas, realisasi, rentang_atas_baik) < 0
            THEN 'negatif, dipotong ke 0'
        WHEN capaian_rumus(polaritas, target, target_atas, realisasi, rentang_atas_baik)
             > pengaturan_angka('ambang_perlu_ditinjau')
            THEN 'target perlu ditinjau'
        ELSE NULL
    END;

-- Di bawah ambang halaman Di Bawah Target: capaian < ambang, atau bila urutan_batas
-- diisi, pita dengan urutan >= urutan_batas (pita itu dan yang lebih rendah; 1 = terbaik).
-- Capaian/pita kosong (n/a) tidak pernah dihitung di bawah ambang.
CREATE OR REPLACE MACRO di_bawah_ambang(x_capaian, urutan_pita, ambang, urutan_batas) AS
    coalesce(CASE WHEN urutan_batas IS NULL THEN x_capaian < ambang
                  ELSE urutan_pita >= urutan_batas END, false);

-- Di bawah target menurut pengaturan ambang_di_bawah_target (OPD, indikator, ringkasan,
-- peringkat, poin penting dan slide memakai kolom yang dihitung dengan makro ini).
CREATE OR REPLACE MACRO di_bawah_target(x_capaian) AS
    di_bawah_ambang(x_capaian, NULL, pengaturan_angka('ambang_di_bawah_target'), NULL);

-- Persen terhadap pagu; NULL bila pagu kosong atau nol.
CREATE OR REPLACE MACRO persen_pagu(nilai, pagu) AS nilai / NULLIF(pagu, 0) * 100;

-- Realisasi fisik gabungan beberapa OPD: rata-rata dibobot pagu (DOMAIN.md), hanya atas
-- OPD yang melaporkan fisik. Dipakai di dalam kueri agregat (GROUP BY).
CREATE OR REPLACE MACRO fisik_tertimbang(fisik, pagu) AS
    sum(fisik * pagu) FILTER (WHERE fisik IS NOT NULL)
    / NULLIF(sum(pagu) FILTER (WHERE fisik IS NOT NULL), 0);

-- Skor penyerapan anggaran untuk peringkat: realisasi terhadap rencana kas
-- (RAK) s.d. bulan yang sama, dibatasi 100. Tanpa rencana: NULL.
CREATE OR REPLACE MACRO skor_serapan(persen_realisasi, persen_rencana) AS
    CASE WHEN persen_realisasi IS NULL OR persen_rencana IS NULL OR persen_rencana <= 0 THEN NULL
         WHEN persen_realisasi / persen_rencana * 100 > 100 THEN 100.0
         ELSE persen_realisasi / persen_rencana * 100 END;

-- Skor gabungan = bobot kinerja x capaian (dibatasi) + bobot anggaran x skor serapan,
-- bobot dari tabel pengaturan (persen). NULL bila salah satu komponen NULL.
CREATE OR REPLACE MACRO skor_gabungan(capaian, serapan) AS
    (pengaturan_angka('bobot_gabungan_kinerja') * capaian
     + pengaturan_angka('bobot_gabungan_anggaran') * serapan)
    / (pengaturan_angka('bobot_gabungan_kinerja') + pengaturan_angka('bobot_gabungan_anggaran'));

-- Filter bersama halaman: sektor (kelompok urusan, bidang) dan daftar OPD.
-- NULL / daftar kosong = semua. Sektor dicocokkan dengan semua bidang OPD.
-- Subkueri sengaja tidak berkorelasi (hanya memakai nilai filter): makro diuraikan
-- secara teks, sehingga nama kolom pemanggil di dalam subkueri akan tertukar
-- dengan kolom tabel opd_bidang.
CREATE OR REPLACE MACRO cocok_filter(p_pemda, p_opd, f_kelompok, f_urusan, f_opd) AS (
    (coalesce(len(CAST(f_opd AS VARCHAR[])), 0) = 0 OR list_contains(CAST(f_opd AS VARCHAR[]), p_opd))
    AND (
        (f_kelompok IS NULL AND f_urusan IS NULL)
        OR list_contains(
            (SELECT list(DISTINCT ob.kode_pemda || '|' || ob.kode_opd)
             FROM opd_bidang ob JOIN urusan ou ON ou.kode_urusan = ob.kode_urusan
             WHERE (f_kelompok IS NULL OR ou.kelompok = f_kelompok)
               AND (f_urusan IS NULL OR ob.kode_urusan = f_urusan)),
            p_pemda || '|' || p_opd)
    )
);

-- Anggota setiap bidang urusan untuk slide per bidang (Mode Rapat, paket rapat): semua
-- OPD yang kodenya mencakup bidang itu (opd_bidang), dibatasi kelompok dan daftar OPD
-- filter, seperti cocok_filter dengan bidang tersebut.
CREATE OR REPLACE MACRO anggota_bidang(p_pemda, f_kelompok, f_opd) AS TABLE
    SELECT DISTINCT ob.kode_urusan, ob.kode_opd
    FROM opd_bidang ob
    JOIN urusan u ON u.kode_urusan = ob.kode_urusan
    WHERE ob.kode_pemda = p_pemda
      AND (f_kelompok IS NULL OR u.kelompok = f_kelompok)
      AND cocok_filter(ob.kode_pemda, ob.kode_opd, NULL, NULL, f_opd);

-- Bulan anggaran yang mewakili triwulan setiap tahun: bulan akhir triwulan (3, 6, 9, 12)
-- atau bulan terakhir sebelumnya yang realisasinya sudah dimuat. Bulan yang baru berisi
-- RAK (realisasi belum ada) tidak dipakai selama ada bulan berealisasi: "s.d. Januari",
-- bukan Maret tanpa realisasi; tanpa realisasi sama sekali, bulan terakhir yang ada.
CREATE OR REPLACE MACRO bulan_akhir_anggaran(p_pemda, p_triwulan) AS TABLE
SELECT tahun,
       coalesce(max(bulan) FILTER (WHERE realisasi_kumulatif IS NOT NULL), max(bulan)) AS bulan
FROM anggaran_bulanan
WHERE kode_pemda = p_pemda AND bulan <= p_triwulan * 3
GROUP BY tahun;
