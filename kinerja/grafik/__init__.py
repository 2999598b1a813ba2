"""Grafik Plotly dasbor dan rapat: gauge dan sebaran (dasar), peringkat OPD, tren dan kurva S.
Tanpa streamlit; dipakai halaman, Mode Rapat dan ekspor PDF."""
