"""Peran dan izin: satu tabel yang menentukan peran mana boleh melakukan tindakan apa.

Halaman memakai tabel ini untuk memutuskan apa yang tampil, dan tindakan itu sendiri
memeriksanya lagi di server (kinerja.ui.sesi.wajib) sebelum berjalan.
"""

from __future__ import annotations

from dataclasses import dataclass, field

PENONTON, ANALIS, NOTULIS, OPD, ADMIN = "penonton", "analis", "notulis", "opd", "admin"
PERAN = (PENONTON, ANALIS, NOTULIS, OPD, ADMIN)
NAMA_PERAN = {
    PENONTON: "Penonton",
    ANALIS: "Analis",
    NOTULIS: "Notulis",
    OPD: "OPD",
    ADMIN: "Administrator",
}
URAIAN_PERAN = {
    PENONTON: "melihat dasbor",
    ANALIS: "melihat dasbor dan mengunduh bahan rapat (XLSX, PPTX, PDF, CSV)",
    NOTULIS: "seperti analis, dan mencatat arahan serta komitmen rapat",
    OPD: "melihat dasbor dan memperbarui komitmen serta kendala OPD-nya sendiri",
    ADMIN: "semuanya: memuat data, mengatur akses, mengelola pengguna, melihat jejak audit",
}

# Tindakan yang dilindungi. Melihat dasbor tanpa masuk diatur pengaturan 'tampilan'.
LIHAT = "lihat"
EKSPOR = "ekspor"
CATAT_RAPAT = "catat_rapat"
UBAH_OPD = "ubah_opd"              # komitmen dan kendala satu OPD (dibatasi kode OPD)
IMPOR = "impor"                    # unggah, periksa, muat; juga membuat database pemda
PULIHKAN = "pulihkan"
ATUR = "atur"                      # pengaturan akses
KELOLA_PENGGUNA = "kelola_pengguna"
LIHAT_AUDIT = "lihat_audit"

IZIN: dict[str, frozenset[str]] = {
    LIHAT: frozenset(PERAN),
    EKSPOR: frozenset({ANALIS, NOTULIS, ADMIN}),
    CATAT_RAPAT: frozenset({NOTULIS, ADMIN}),
    UBAH_OPD: frozenset({OPD, NOTULIS, ADMIN}),
    IMPOR: frozenset({ADMIN}),
    PULIHKAN: frozenset({ADMIN}),
    ATUR: frozenset({ADMIN}),
    KELOLA_PENGGUNA: frozenset({ADMIN}),
    LIHAT_AUDIT: frozenset({ADMIN}),
}
NAMA_TINDAKAN = {
    LIHAT: "melihat dasbor",
    EKSPOR: "mengunduh bahan rapat",
    CATAT_RAPAT: "mencatat rapat",
    UBAH_OPD: "memperbarui komitmen dan kendala OPD",
    IMPOR: "memuat data",
    PULIHKAN: "memulihkan cadangan",
    ATUR: "mengubah pengaturan akses",
    KELOLA_PENGGUNA: "mengelola pengguna",
    LIHAT_AUDIT: "melihat jejak audit",
}


@dataclass(frozen=True)
class Pengguna:
    """Orang yang sedang masuk. jenis: 'lokal' (akun di database), 'sso' (penyedia identitas),
    'awal' (administrator awal dari secrets)."""

    nama: str
    peran: str
    jenis: str = "lokal"
    nama_tampil: str | None = None
    opd: frozenset[str] = field(default_factory=frozenset)

    @property
    def label(self) -> str:
        return self.nama_tampil or self.nama

    @property
    def untuk_jejak(self) -> str:
        """Nama orangnya dan akunnya, untuk jejak audit dan log impor."""
        return f"{self.nama_tampil} ({self.nama})" if self.nama_tampil and self.nama_tampil != self.nama else self.nama


def boleh(pengguna: Pengguna | None, tindakan: str, kode_opd: str | None = None, *,
          tampilan_terbuka: bool = True) -> bool:
    """Benar bila pengguna (None = belum masuk) boleh melakukan tindakan itu.

    Peran opd hanya untuk OPD yang diberikan kepadanya; kode_opd wajib untuk UBAH_OPD.
    """
    if tindakan not in IZIN:
        raise KeyError(f"Tindakan tidak dikenal: {tindakan!r}")
    if pengguna is None:
        return tindakan == LIHAT and tampilan_terbuka
    if pengguna.peran not in IZIN[tindakan]:
        return False
    if tindakan == UBAH_OPD and pengguna.peran == OPD:
        return kode_opd is not None and kode_opd in pengguna.opd
    return True
