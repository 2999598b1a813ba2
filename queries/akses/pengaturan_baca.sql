SELECT kunci, nilai FROM pengaturan_akses;
