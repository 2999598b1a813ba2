-- Percobaan yang sudah di luar jendela hitungan tidak diperlukan lagi.
DELETE FROM gagal_masuk WHERE waktu < $sebelum;
