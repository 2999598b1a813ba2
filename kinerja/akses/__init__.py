"""Siapa boleh melihat dan berbuat apa: akun, peran, batas percobaan masuk, jejak akses.

Semua aturan di sini, tanpa streamlit; halaman hanya memanggilnya. Data akses disimpan
di berkas DuckDB kecil di samping database (`<nama>.akses.duckdb`), bukan di database
data: gagal masuk dan perubahan akun ditulis langsung, tanpa menyalin database data yang
bisa berukuran besar, dan memulihkan cadangan data tidak mengembalikan akun lama.
"""
