"""``diagnum serve``: build, serve dist/ on localhost, rebuild when content or templates change.

Standard library only. A failed rebuild prints its errors and keeps serving the last good site.
"""

from __future__ import annotations

import functools
import http.server
import mimetypes
import threading
from pathlib import Path

from .build import build
from .diagnostics import ContentError

mimetypes.add_type("application/wasm", ".wasm")
mimetypes.add_type("text/javascript", ".mjs")
mimetypes.add_type("text/javascript", ".js")
mimetypes.add_type("image/svg+xml", ".svg")


class SiteHandler(http.server.SimpleHTTPRequestHandler):
    def end_headers(self) -> None:
        self.send_header("Cache-Control", "no-cache")
        super().end_headers()

    def log_message(self, format: str, *args) -> None:
        pass


def _snapshot(paths: list[Path]) -> dict[Path, float]:
    stamps = {}
    for base in paths:
        for path in base.rglob("*") if base.is_dir() else ():
            if path.is_file():
                stamps[path] = path.stat().st_mtime
    return stamps


def _rebuild(content: Path, output: Path, root: Path) -> None:
    try:
        print(build(content, output, root), flush=True)
    except ContentError as exc:
        for problem in exc.problems:
            print(problem, flush=True)
        print(f"Reconstruction annulée : {len(exc.problems)} erreur(s). "
              "Le site servi reste la dernière version valide.", flush=True)


def _watch(content: Path, output: Path, root: Path, stop: threading.Event) -> None:
    watched = [content, root / "site_templates", root / "engine"]
    before = _snapshot(watched)
    while not stop.wait(1.0):
        now = _snapshot(watched)
        if now != before:
            before = now
            print("Changement détecté, reconstruction…", flush=True)
            _rebuild(content, output, root)


def serve(content: Path, output: Path, root: Path, host: str = "127.0.0.1", port: int = 8000,
          watch: bool = True) -> int:
    _rebuild(content, output, root)
    if not (output / "index.html").exists():
        print("Aucun site à servir : corrigez les erreurs ci-dessus puis relancez.")
        return 1
    handler = functools.partial(SiteHandler, directory=str(output.resolve()))
    server = http.server.ThreadingHTTPServer((host, port), handler)
    stop = threading.Event()
    if watch:
        threading.Thread(target=_watch, args=(content, output, root, stop), daemon=True).start()
    print(f"Diagnum est servi sur http://{host}:{server.server_address[1]}/ "
          "(Ctrl+C pour arrêter)", flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        print("\nArrêt.")
    finally:
        stop.set()
        server.server_close()
    return 0

