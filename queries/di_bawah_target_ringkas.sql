-- Angka kepala halaman Di Bawah Target: satu baris untuk satu periode dan filter.
-- Ambang: capaian < $ambang, atau (bila $urutan_kategori tidak NULL) kategori
-- dengan urutan >= $urutan_kategori, yaitu pita itu dan pita yang lebih rendah
-- (urutan dari skala_kategori, 1 = terbaik).
--   jumlah_opd                       : OPD dalam filter yang punya data pada periode ini
--   jumlah_opd_dinilai               : ... yang capaian OPD-nya dapat dihitung
--   jumlah_opd_di_bawah              : OPD yang capaian OPD-nya di bawah ambang
--   jumlah_opd_berindikator_di_bawah : OPD dengan >= 1 indikator di bawah ambang (yang didaftar)
--   jumlah_indikator(_terhitung)     : semua indikator / yang capaiannya dapat dihitung
--   jumlah_indikator_di_bawah        : indikator di bawah ambang
--   jumlah_na, jumlah_perlu_ditinjau : capaian n/a / di atas ambang_perlu_ditinjau
WITH skala AS (
    SELECT label, urutan FROM skala_kategori
    WHERE skala = (SELECT nilai FROM pengaturan WHERE kunci = 'skala_aktif')
), per_opd AS (
    SELECT kode_opd, capaian, kategori, jumlah_na, jumlah_perlu_ditinjau
    FROM capaian_opd_rinci
    WHERE kode_pemda = $kode_pemda AND tahun = $tahun AND triwulan = $triwulan
      AND cocok_filter(kode_pemda, kode_opd, $kelompok, $kode_urusan, $opd)
), per_indikator AS (
    SELECT kode_opd, capaian, kategori
    FROM capaian_indikator_rinci
    WHERE kode_pemda = $kode_pemda AND tahun = $tahun AND triwulan = $triwulan
      AND cocok_filter(kode_pemda, kode_opd, $kelompok, $kode_urusan, $opd)
), opd_bawah AS (
    SELECT p.kode_opd,
           di_bawah_ambang(p.capaian, s.urutan, $ambang, $urutan_kategori) AS di_bawah
    FROM per_opd p LEFT JOIN skala s ON s.label = p.kategori
), indikator_bawah AS (
    SELECT p.kode_opd
    FROM per_indikator p LEFT JOIN skala s ON s.label = p.kategori
    WHERE di_bawah_ambang(p.capaian, s.urutan, $ambang, $urutan_kategori)
)
SELECT
    (SELECT count(*) FROM per_opd) AS jumlah_opd,
    (SELECT count(capaian) FROM per_opd) AS jumlah_opd_dinilai,
    (SELECT count(*) FILTER (WHERE di_bawah) FROM opd_bawah) AS jumlah_opd_di_bawah,
    (SELECT count(DISTINCT kode_opd) FROM indikator_bawah) AS jumlah_opd_berindikator_di_bawah,
    (SELECT count(*) FROM per_indikator) AS jumlah_indikator,
    (SELECT count(capaian) FROM per_indikator) AS jumlah_indikator_terhitung,
    (SELECT count(*) FROM indikator_bawah) AS jumlah_indikator_di_bawah,
    (SELECT coalesce(sum(jumlah_na), 0) FROM per_opd) AS jumlah_na,
    (SELECT coalesce(sum(jumlah_perlu_ditinjau), 0) FROM per_opd) AS jumlah_perlu_ditinjau;
