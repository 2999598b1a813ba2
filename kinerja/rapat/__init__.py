"""Model rapat: isi satu rapat evaluasi (paket), daftar slide dan poin penting. Angka dan
aturannya dari SQL; renderer (ui/, ekspor/) hanya menata letak. Tanpa streamlit."""
