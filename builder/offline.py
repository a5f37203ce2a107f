"""The offline manifest and the service worker's place: what a computer stores to work offline.

``offline-manifest.json`` lists every file of the site with its SHA-256 and a site version (a
hash of that list). The service worker (``sw.js``, at the site's root so that its scope is the
whole site) precaches one version into one cache and checks each file against its hash, so a
stored version is never a mix of two builds (see docs/architecture.md, « Hors ligne »).
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

MANIFEST = "offline-manifest.json"
SERVICE_WORKER = "sw.js"
# Never precached: the worker itself, its manifest, host settings, and the compressed variants
# (the worker stores what the browser received, already decoded).
SKIPPED_NAMES = {MANIFEST, SERVICE_WORKER, ".htaccess"}
SKIPPED_SUFFIXES = {".br", ".gz"}


def place_service_worker(dest: Path) -> None:
    """Move ``static/sw.js`` to the root: a worker's scope is the folder it is served from."""
    (dest / "static" / SERVICE_WORKER).replace(dest / SERVICE_WORKER)


# Digests of files already read, by (device, inode, size, modification time): a rebuild links
# Pyodide and unchanged files from the previous site, so they need not be read again.
_DIGESTS: dict[tuple[int, int, int, int], str] = {}


def _digest(path: Path) -> tuple[str, int]:
    stat = path.stat()
    key = (stat.st_dev, stat.st_ino, stat.st_size, stat.st_mtime_ns)
    if key not in _DIGESTS:
        if len(_DIGESTS) > 20_000:
            _DIGESTS.clear()
        _DIGESTS[key] = hashlib.sha256(path.read_bytes()).hexdigest()
    return _DIGESTS[key], stat.st_size


def write_manifest(dest: Path) -> dict:
    """Write ``offline-manifest.json`` ({"version", "files": {path: [sha256, size]}}) and return it."""
    files = {}
    for path in sorted(dest.rglob("*")):
        rel = path.relative_to(dest).as_posix()
        if (not path.is_file() or path.name in SKIPPED_NAMES
                or path.suffix in SKIPPED_SUFFIXES):
            continue
        files[rel] = list(_digest(path))
    listing = "".join(f"{rel} {digest}\n" for rel, (digest, _size) in files.items())
    manifest = {"version": hashlib.sha256(listing.encode("utf-8")).hexdigest()[:16],
                "files": files}
    (dest / MANIFEST).write_text(json.dumps(manifest, separators=(",", ":")), encoding="utf-8")
    return manifest
