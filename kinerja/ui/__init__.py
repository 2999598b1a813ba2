"""Lapisan Streamlit: satu-satunya bagian paket kinerja yang mengimpor streamlit.
Berisi koneksi dan cache, bilah filter, komponen tampilan dan tema."""
