#!/usr/bin/env bash
# Siapkan semua yang diperlukan tes (venv, paket Python, Chromium dari Debian)
# lalu jalankan seluruh tes. Argumen tambahan diteruskan ke pytest.
set -euo pipefail
cd "$(dirname "$0")"
PY=${PYTHON:-python3}

if [ ! -x /usr/bin/chromium ]; then
    echo "Memasang Chromium (Debian) untuk tes peramban..."
    SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium fonts-dejavu-core >/dev/null
fi

[ -x .venv/bin/python ] || "$PY" -m venv .venv
.venv/bin/python -m pip install --quiet --disable-pip-version-check -r requirements-test.txt

set +e
.venv/bin/python -m pytest "$@"
rc=$?
set -e
if [ "$rc" -eq 5 ]; then
    echo "GAGAL: pytest tidak menjalankan satu tes pun." >&2
    exit 1
fi
exit "$rc"
