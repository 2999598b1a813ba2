"""Berkas database: letaknya (lokasi), database pemda baru (baru), pembuatan berkas secara
atomik (bangun), cadangan, dan data demo. Tanpa streamlit."""
