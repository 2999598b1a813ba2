SELECT kode_pemda, indikator_id, polaritas FROM indikator;
