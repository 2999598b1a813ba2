"""Dasbor Kinerja OPD: inti (domain, database, impor, format, grafik).

Modul di luar ``kinerja.ui`` tidak pernah mengimpor streamlit.
"""

__version__ = "0.1.0"
