-- Berkas turunan (BERKAS_TURUNAN di kinerja/skema.py): hanya CREATE OR REPLACE MACRO/VIEW,
-- karena dijalankan ulang pada database berisi data bila berkas ini berubah.

-- View. Tiga view berawalan v_ adalah kontrak stabil (DESIGN.md): nama dan
-- kolomnya tidak berubah tanpa migrasi dan catatan di README. View lain
-- (berakhiran _rinci) dipakai halaman dan boleh bertambah kolom.

CREATE OR REPLACE VIEW capaian_indikator_rinci AS
WITH dasar AS NOT MATERIALIZED (
    SELECT
        tr.kode_pemda, tr.tahun, tr.triwulan,
        o.kode_opd, o.nama_opd, o.singkatan, o.kode_urusan, u.nama_urusan, u.kelompok,
        i.indikator_id, i.nama AS indikator, i.satuan, i.polaritas, i.agregasi, i.tingkat,
        i.rentang_atas_baik,
        tr.target, tr.target_atas, tr.realisasi,
        capaian_mentah(i.polaritas, tr.target, tr.target_atas, tr.realisasi, i.rentang_atas_baik) AS capaian,
        status_capaian(i.polaritas, tr.target, tr.target_atas, tr.realisasi, i.rentang_atas_baik) AS status
    FROM target_realisasi tr
    JOIN indikator i USING (kode_pemda, indikator_id)
    JOIN opd o ON o.kode_pemda = i.kode_pemda AND o.kode_opd = i.kode_opd
    LEFT JOIN urusan u ON u.kode_urusan = o.kode_urusan
), dibatasi AS NOT MATERIALIZED (
    SELECT *, capaian_dibatasi(capaian) AS capaian_dibatasi FROM dasar
)
SELECT *, kategori_capaian(capaian_dibatasi) AS kategori,
       -- Capaian yang tidak tampil apa adanya: layar, slide dan cetakan menyebut target dan
       -- realisasinya (rumus negatif dipotong ke 0; di atas batas atas dibatasi).
       CASE WHEN status = 'negatif, dipotong ke 0' THEN 'dipotong'
            WHEN capaian > capaian_dibatasi THEN 'dibatasi' END AS tanda_batas
FROM dibatasi;

CREATE OR REPLACE VIEW v_capaian_indikator AS
SELECT kode_pemda, tahun, triwulan, kode_opd, nama_opd, kode_urusan,
       indikator_id, indikator, satuan, polaritas, target, target_atas, realisasi,
       capaian, capaian_dibatasi, kategori
FROM capaian_indikator_rinci;

-- Capaian OPD = rata-rata capaian_dibatasi atas indikator yang capaiannya
-- dapat dihitung; jumlah_indikator menghitung semua indikator OPD pada periode itu.
CREATE OR REPLACE VIEW capaian_opd_rinci AS
WITH per_opd AS NOT MATERIALIZED (
    -- Kolom masukan selalu dikualifikasi (r.): alias keluaran "capaian" bernama sama,
    -- dan DuckDB boleh memilih alias itu di dalam FILTER (galat "aggregates in WHERE").
    SELECT r.kode_pemda, r.tahun, r.triwulan, r.kode_opd, r.nama_opd, r.singkatan, r.kode_urusan,
           any_value(r.nama_urusan) AS nama_urusan, any_value(r.kelompok) AS kelompok,
           count(*) AS jumlah_indikator,
           count(r.capaian) AS jumlah_terhitung,
           count(*) - count(r.capaian) AS jumlah_na,
           count(*) FILTER (WHERE r.status = 'target perlu ditinjau') AS jumlah_perlu_ditinjau,
           count(*) FILTER (WHERE di_bawah_target(r.capaian)) AS jumlah_di_bawah_target,
           -- Indikator yang capaiannya dibatasi (di atas batas atas) atau dipotong ke 0
           -- (rumus negatif): angka target dan realisasinya perlu ditampilkan.
           count(*) FILTER (WHERE r.tanda_batas = 'dibatasi') AS jumlah_dibatasi,
           count(*) FILTER (WHERE r.tanda_batas = 'dipotong') AS jumlah_dipotong,
           avg(r.capaian_dibatasi) AS capaian,
           -- Rata-rata tanpa batas atas: hanya untuk memecah seri yang dibuat oleh batas.
           avg(r.capaian) AS capaian_tanpa_batas
    FROM capaian_indikator_rinci r
    GROUP BY ALL
)
SELECT *,
       kategori_capaian(capaian) AS kategori,
       di_bawah_target(capaian) AS di_bawah_target,
       CASE WHEN capaian IS NOT NULL THEN
           rank() OVER (PARTITION BY kode_pemda, tahun, triwulan
                        ORDER BY round(capaian, 6) DESC NULLS LAST)
       END AS peringkat
FROM per_opd;

CREATE OR REPLACE VIEW v_capaian_opd AS
SELECT kode_pemda, tahun, triwulan, kode_opd, nama_opd, kode_urusan,
       jumlah_indikator, capaian, kategori, peringkat
FROM capaian_opd_rinci;

CREATE OR REPLACE VIEW anggaran_opd_rinci AS
SELECT a.kode_pemda, a.tahun, a.bulan, a.kode_opd, o.nama_opd, o.singkatan, o.kode_urusan,
       a.pagu, a.rencana_kumulatif, a.realisasi_kumulatif,
       persen_pagu(a.rencana_kumulatif, a.pagu) AS persen_rencana,
       persen_pagu(a.realisasi_kumulatif, a.pagu) AS persen_realisasi,
       persen_pagu(a.realisasi_kumulatif, a.pagu) - persen_pagu(a.rencana_kumulatif, a.pagu) AS deviasi,
       a.realisasi_fisik
FROM anggaran_bulanan a
JOIN opd o ON o.kode_pemda = a.kode_pemda AND o.kode_opd = a.kode_opd;

CREATE OR REPLACE VIEW v_anggaran_opd AS
SELECT kode_pemda, tahun, bulan, kode_opd, nama_opd, pagu, rencana_kumulatif,
       realisasi_kumulatif, persen_rencana, persen_realisasi, deviasi, realisasi_fisik
FROM anggaran_opd_rinci;
