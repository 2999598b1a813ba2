"""Pembantu tes masuk (st.login) lewat penyedia OIDC tiruan lokal (paket oidc-provider-mock).

Alur nyata: tombol aplikasi memanggil st.login() -> peramban ke /auth/login Streamlit ->
halaman otorisasi penyedia tiruan -> isi `sub` -> kembali ke /oauth2callback -> aplikasi.

    with penyedia_oidc() as p:
        rahasia.write_text(teks_auth(p, port_streamlit))   # .streamlit/secrets.toml
        ...  # jalankan streamlit, buka http://localhost:<port>, klik tombol masuk
        masuk_lewat_penyedia(hal, "ani", email="ani@pemda.go.id", name="Ani")
        ...  # klik tombol keluar (st.logout())
        keluar_lewat_penyedia(hal)

Penyedia tiruan menerima client_id/client_secret apa pun (tanpa registrasi klien) dan
redirect_uri apa pun. Formulirnya hanya punya isian `sub`; klaim lain (email, name) diatur
lewat PUT /users/{sub} sebelum formulir dikirim. Tanpa PUT, email = sub.
"""

from __future__ import annotations

import json
import os
import secrets
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import parse_qs, quote, urlparse

# Elemen aplikasi Streamlit saat skrip selesai berjalan (sama dengan bantu_peramban.SELESAI).
SELESAI = "[data-testid='stApp'][data-test-script-state='notRunning']"
COOKIE_PENGGUNA = "_streamlit_user"  # cookie identitas yang dipasang Streamlit setelah masuk


@dataclass(frozen=True)
class Penyedia:
    url: str                  # mis. http://127.0.0.1:41234
    issuer: str               # dari dokumen discovery (= url)
    server_metadata_url: str  # url + /.well-known/openid-configuration
    berkas_log: Path          # keluaran proses penyedia, untuk pesan galat
    client_id: str = "kinerja-tes"
    client_secret: str = "rahasia-tes"

    def atur_pengguna(self, sub: str, **klaim: object) -> None:
        """Simpan klaim pengguna `sub` (menggantikan klaim lama) lewat PUT /users/{sub}."""
        _atur_pengguna(self.url, sub, klaim)


def _port_bebas() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _atur_pengguna(url: str, sub: str, klaim: dict) -> None:
    permintaan = urllib.request.Request(
        f"{url}/users/{quote(sub, safe='')}", data=json.dumps(klaim).encode(), method="PUT",
        headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(permintaan, timeout=10) as jawab:
        if jawab.status != 204:
            raise RuntimeError(f"PUT /users/{sub} ditolak penyedia: HTTP {jawab.status}")


@contextmanager
def penyedia_oidc(batas_detik: float = 30):
    """Jalankan oidc-provider-mock (CLI, proses terpisah) di port bebas; berhenti saat keluar."""
    fd, nama = tempfile.mkstemp(prefix="kinerja-oidc-", suffix=".log")
    os.close(fd)
    log = Path(nama)
    for _ in range(3):  # port bisa keburu dipakai proses lain: coba port lain
        port = _port_bebas()
        url = f"http://127.0.0.1:{port}"
        with log.open("ab") as keluaran:
            proses = subprocess.Popen(
                [sys.executable, "-m", "oidc_provider_mock", "--host", "127.0.0.1", "--port", str(port)],
                stdout=keluaran, stderr=subprocess.STDOUT, env=dict(os.environ, NO_COLOR="1"))
        meta = None
        batas = time.monotonic() + batas_detik
        while meta is None and proses.poll() is None and time.monotonic() < batas:
            try:  # siap bila dokumen discovery terbaca
                with urllib.request.urlopen(f"{url}/.well-known/openid-configuration", timeout=2) as j:
                    meta = json.load(j)
            except (OSError, ValueError):
                time.sleep(0.1)  # jeda polling, bukan penantian tetap
        if meta is not None:
            break
        mati_sendiri = proses.poll() is not None
        _hentikan(proses)
        if not mati_sendiri:
            break  # habis waktu (bukan bentrok port): jangan coba lagi
    if meta is None:
        raise RuntimeError(f"penyedia OIDC tiruan tidak siap:\n{log.read_text(errors='replace')}")
    try:
        yield Penyedia(url=url, issuer=meta["issuer"],
                       server_metadata_url=f"{url}/.well-known/openid-configuration", berkas_log=log)
    finally:
        _hentikan(proses)


def _hentikan(proses: subprocess.Popen) -> None:
    proses.terminate()
    try:
        proses.wait(10)
    except subprocess.TimeoutExpired:
        proses.kill()
        proses.wait(10)


def teks_auth(penyedia: Penyedia, port_streamlit: int, host: str = "localhost",
              cookie_secret: str | None = None) -> str:
    """Bagian [auth] secrets.toml untuk st.login(). Peramban harus membuka aplikasi di
    http://{host}:{port_streamlit} persis: cookie login terikat pada asal redirect_uri."""
    nilai = {
        "redirect_uri": f"http://{host}:{port_streamlit}/oauth2callback",
        "cookie_secret": cookie_secret or secrets.token_hex(32),
        "client_id": penyedia.client_id,
        "client_secret": penyedia.client_secret,
        "server_metadata_url": penyedia.server_metadata_url,
    }
    return "[auth]\n" + "".join(f"{k} = {json.dumps(v)}\n" for k, v in nilai.items())


def blokir_jaringan_luar(konteks) -> None:
    """Halaman penyedia memuat CSS dari CDN; tolak semua permintaan selain ke mesin sendiri
    supaya tes tidak bergantung pada (atau menunggu) internet. `konteks`: BrowserContext/Page."""
    def luar(url: str) -> bool:
        u = urlparse(url)
        return u.scheme in ("http", "https") and u.hostname not in ("localhost", "127.0.0.1", "::1")

    konteks.route(luar, lambda rute: rute.abort())


def masuk_lewat_penyedia(hal, sub: str, email: str | None = None, name: str | None = None,
                         batas_ms: int = 30_000) -> None:
    """Setelah aplikasi memanggil st.login(): tunggu halaman otorisasi penyedia, atur klaim,
    isi `sub`, kirim, lalu tunggu kembali di aplikasi dengan cookie login terpasang."""
    hal.wait_for_url(lambda u: urlparse(u).path == "/oauth2/authorize", timeout=batas_ms)
    alamat = urlparse(hal.url)
    if email is not None or name is not None:
        klaim = {"email": email if email is not None else sub}
        if name is not None:
            klaim["name"] = name
        _atur_pengguna(f"{alamat.scheme}://{alamat.netloc}", sub, klaim)
    # Asal aplikasi diambil dari redirect_uri yang dikirim Streamlit ke penyedia.
    kembali = urlparse(parse_qs(alamat.query)["redirect_uri"][0])
    asal = f"{kembali.scheme}://{kembali.netloc}"
    hal.get_by_placeholder("sub", exact=True).fill(sub)
    hal.get_by_role("button", name="Authorize", exact=True).click()
    hal.wait_for_url(lambda u: u.startswith(asal + "/") and "/oauth2callback" not in u, timeout=batas_ms)
    if not any(c["name"] == COOKIE_PENGGUNA for c in hal.context.cookies(asal)):
        raise AssertionError(f"masuk gagal: cookie {COOKIE_PENGGUNA} tidak dipasang untuk {asal} "
                             "(lihat log streamlit; host peramban harus sama dengan redirect_uri)")
    hal.wait_for_selector(SELESAI, timeout=batas_ms)


def keluar_lewat_penyedia(hal, batas_ms: int = 30_000) -> None:
    """Setelah aplikasi memanggil st.logout(): Streamlit menghapus cookie lalu mengarahkan ke
    end_session penyedia; tekan "End session" dan tunggu kembali di aplikasi."""
    hal.wait_for_url(lambda u: urlparse(u).path == "/oauth2/end_session", timeout=batas_ms)
    kembali = urlparse(parse_qs(urlparse(hal.url).query)["post_logout_redirect_uri"][0])
    asal = f"{kembali.scheme}://{kembali.netloc}"
    hal.get_by_role("button", name="End session", exact=True).click()
    hal.wait_for_url(lambda u: u.startswith(asal + "/") and "/oauth2callback" not in u, timeout=batas_ms)
    hal.wait_for_selector(SELESAI, timeout=batas_ms)
