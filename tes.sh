#!/usr/bin/env bash
# Siapkan semua yang diperlukan tes (venv, paket Python, Chromium dan LibreOffice dari Debian)
# lalu jalankan seluruh tes. Argumen tambahan diteruskan ke pytest.
set -euo pipefail
cd "$(dirname "$0")"
PY=${PYTHON:-python3}

# Paket Debian yang belum ada: Chromium (tes peramban, gambar grafik) dan LibreOffice
# (tes bahwa XLSX/PPTX paket rapat terbuka di aplikasi kantor lain).
SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
pasang() {  # pasang [--no-install-recommends] PAKET...
    echo "Memasang paket Debian: ${*//--no-install-recommends/} ..."
    [ -n "${APT_SIAP:-}" ] || { $SUDO apt-get update -qq; APT_SIAP=1; }
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "$@" >/dev/null
}
[ -x /usr/bin/chromium ] || pasang chromium fonts-dejavu-core
lo_ada() {  # soffice saja tidak cukup: konversi XLSX/PPTX perlu Calc dan Impress
    if ! command -v dpkg-query >/dev/null 2>&1; then
        command -v soffice >/dev/null 2>&1
        return
    fi
    local p
    for p in libreoffice-calc libreoffice-impress; do
        # Paket yang dihapus tetapi konfigurasinya tertinggal juga "dikenal" dpkg: periksa statusnya.
        [ "$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null)" = "install ok installed" ] || return 1
    done
}
lo_ada || pasang --no-install-recommends libreoffice-calc libreoffice-impress fonts-dejavu-core

[ -x .venv/bin/python ] || "$PY" -m venv .venv
.venv/bin/python -m pip install --quiet --disable-pip-version-check -r requirements-test.txt

# Lint dulu (pengaturan di pyproject.toml): cepat, dan galatnya menyebut berkas dan barisnya.
.venv/bin/python -m ruff check --quiet . || { echo "GAGAL: lint (ruff check .) menemukan masalah." >&2; exit 1; }

set +e
.venv/bin/python -m pytest "$@"
rc=$?
set -e
if [ "$rc" -eq 5 ]; then
    echo "GAGAL: pytest tidak menjalankan satu tes pun." >&2
    exit 1
fi
exit "$rc"
