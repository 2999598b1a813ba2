-- Percobaan salah untuk satu kunci sesudah $sejak: jumlah dan waktu yang ke-$batas dari terbaru
-- (terkunci sampai percobaan itu keluar dari jendela).
SELECT count(*) AS jumlah,
       epoch((list(waktu ORDER BY waktu DESC))[$batas]) AS penentu
FROM gagal_masuk
WHERE jenis_kunci = $jenis_kunci AND kunci = $kunci AND waktu > $sejak;  -- jendela terbuka: tepat di batasnya sudah keluar
