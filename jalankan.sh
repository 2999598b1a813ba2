#!/usr/bin/env bash
# Siapkan lingkungan Python dan jalankan dasbor: pada database sendiri bila sudah ada
# ($KINERJA_DB atau data/kinerja.duckdb), selain itu pada data demo. Data sendiri tidak pernah ditimpa.
# Pemakaian: ./jalankan.sh [opsi streamlit, mis. --server.port 8502]
set -euo pipefail
cd "$(dirname "$0")"
PY=${PYTHON:-python3}
[ -x .venv/bin/python ] || "$PY" -m venv .venv
.venv/bin/python -m pip install --quiet --disable-pip-version-check -r requirements.txt
.venv/bin/python -m kinerja demo --biarkan-data-sendiri
exec .venv/bin/python -m streamlit run app.py "$@"
