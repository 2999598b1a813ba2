SELECT kode_pemda, kode_opd FROM opd;
