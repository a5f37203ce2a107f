"""Precompress the site's larger files at build time: ``file.br`` and ``file.gz`` next to ``file``.

A host serves them as they are (see the ``.htaccess`` in builder/assets.py), so the browser gets
brotli at its best quality without the host compressing anything. Brotli quality 11 takes about
30 s on Pyodide's 9.6 MB wasm: every compressed output is cached in ``.cache/compressed/`` under
the SHA-256 of its input, so a rebuild only compresses what changed (pages, the referential).
"""

from __future__ import annotations

import gzip
import hashlib
import os
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import brotli

COMPRESSIBLE = {".wasm", ".zip", ".mjs", ".js", ".css", ".json", ".html", ".svg"}
MIN_SIZE = 1024
# A variant is kept only if it saves at least this much (a deflated zip gains nothing).
MAX_RATIO = 0.9
# Large files that change with the content get a faster brotli; the versioned runtime
# (pyodide/<version>/, compressed once per version) always gets the best one.
LARGE = 512 * 1024
CACHE_DAYS = 14


def precompress(dest: Path, cache: Path, log=print) -> dict[str, int]:
    """Write ``.br``/``.gz`` variants for every compressible file of ``dest``; return sizes.

    The result maps each variant's path (relative to ``dest``) to its size in bytes.
    """
    cache.mkdir(parents=True, exist_ok=True)
    files = [p for p in sorted(dest.rglob("*"))
             if p.is_file() and p.suffix in COMPRESSIBLE and p.stat().st_size >= MIN_SIZE]
    started = time.perf_counter()
    with ThreadPoolExecutor(max_workers=os.cpu_count() or 2) as pool:
        results = list(pool.map(lambda p: _variants(p, dest, cache), files))
    sizes = {rel: size for result in results for rel, size in result.items()}
    elapsed = time.perf_counter() - started
    if elapsed > 5:
        log(f"Fichiers précompressés (brotli, gzip) en {elapsed:.0f} s ; "
            "ils sont gardés dans .cache/compressed/ pour les prochaines constructions.")
    _prune(cache)
    return sizes


def _variants(path: Path, dest: Path, cache: Path) -> dict[str, int]:
    data = path.read_bytes()
    digest = hashlib.sha256(data).hexdigest()
    rel = path.relative_to(dest).as_posix()
    quality = 11 if len(data) <= LARGE or rel.startswith("pyodide/") else 9
    written = {}
    for suffix, name, compress in (
        (".br", f"{digest}.q{quality}.br", lambda d: brotli.compress(d, quality=quality)),
        (".gz", f"{digest}.gz", lambda d: gzip.compress(d, 9, mtime=0)),
    ):
        compressed = _cached(cache / name, data, compress)
        if len(compressed) <= MAX_RATIO * len(data):
            path.with_name(path.name + suffix).write_bytes(compressed)
            written[rel + suffix] = len(compressed)
    return written


def _cached(entry: Path, data: bytes, compress) -> bytes:
    try:
        compressed = entry.read_bytes()
        os.utime(entry)  # recently used: kept by _prune
        return compressed
    except OSError:
        pass
    compressed = compress(data)
    partial = entry.with_name(f"{entry.name}.{os.getpid()}.partial")
    partial.write_bytes(compressed)
    partial.replace(entry)  # atomic: a parallel build never reads half a file
    return compressed


def _prune(cache: Path) -> None:
    """Forget outputs unused for CACHE_DAYS (old pages, old referentials)."""
    limit = time.time() - CACHE_DAYS * 86400
    for entry in cache.iterdir():
        try:
            if entry.stat().st_mtime < limit:
                entry.unlink()
        except OSError:
            pass
