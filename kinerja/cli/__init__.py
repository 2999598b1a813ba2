"""Baris perintah `python -m kinerja`: perintah (impor, ekspor, baru, demo, ...), pengguna,
bahasa pesan argparse dan keluaran ke terminal. Tanpa streamlit."""
