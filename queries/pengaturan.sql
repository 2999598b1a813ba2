SELECT kunci, nilai FROM pengaturan ORDER BY kunci;
