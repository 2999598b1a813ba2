"""Ukuran layar peramban, dilaporkan ke server oleh komponen kecil (Streamlit components v2,
tanpa iframe). Dipakai Mode Rapat untuk memperbesar huruf grafik Plotly sebanding layar,
seperti zoom CSS memperbesar teks HTML-nya. Komponen hanya melapor lebar dan tinggi;
tangga skalanya ada di kinerja.rapat.slide (SKALA_LAYAR), satu-satunya tempat."""

from __future__ import annotations

import streamlit as st

from kinerja.rapat import slide as sl

# Lapor saat dipasang dan setelah layar berhenti berubah ukuran; nilai yang sama tidak
# dilaporkan ulang (setiap laporan menjalankan ulang halaman).
_JS = """
export default function(component) {
  const { setStateValue } = component;
  const lapor = () => {
    const ukuran = [window.innerWidth, window.innerHeight];
    const kunci = ukuran.join('x');
    if (window.__kinerjaUkuranLayar !== kunci) {
      window.__kinerjaUkuranLayar = kunci;
      setStateValue('ukuran', ukuran);
    }
  };
  lapor();
  let tunda = null;
  const ubah = () => { clearTimeout(tunda); tunda = setTimeout(lapor, 300); };
  window.addEventListener('resize', ubah);
  return () => { window.removeEventListener('resize', ubah); clearTimeout(tunda); };
}
"""

_komponen = st.components.v2.component("kinerja_ukuran_layar", js=_JS)


def skala(kunci: str = "ukuran_layar") -> float | None:
    """Skala slide untuk layar peramban sesi ini; None sampai peramban melapor ukurannya
    (sesaat setelah tayangan pertama, lalu halaman digambar ulang)."""
    with st.container(key=f"{kunci}_wadah"):
        st.html(f"<style>.st-key-{kunci}_wadah {{display: none !important;}}</style>")
        hasil = _komponen(key=kunci, default={"ukuran": None}, on_ukuran_change=lambda: None)
    try:
        lebar, tinggi = getattr(hasil, "ukuran", None)
    except (TypeError, ValueError):
        return None
    return sl.skala_layar(lebar, tinggi)
