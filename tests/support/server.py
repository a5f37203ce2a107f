"""Serve a built site from a sub-path on 127.0.0.1, as a centre's host would (/centre/diagnostic/).

Any request outside the prefix gets a 404, so a root-absolute URL in the site fails loudly. Every
response carries the site's Content-Security-Policy header, as the .htaccess asks of Apache.
Options reproduce a badly configured host (wrong MIME type for .wasm) or a slow one (``delays``:
seconds to wait before answering a path that ends with a given suffix; ``trickle``: seconds over
which to send such a file, in small chunks, as a slow connection would).
"""

from __future__ import annotations

import functools
import http.server
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from builder.security import CONTENT_SECURITY_POLICY

PREFIX = "/centre/diagnostic/"


class _Handler(http.server.SimpleHTTPRequestHandler):
    extensions_map = {  # noqa: RUF012 - the stdlib's own class attribute**http.server.SimpleHTTPRequestHandler.extensions_map,
                      ".wasm": "application/wasm", ".mjs": "text/javascript",
                      ".js": "text/javascript", ".svg": "image/svg+xml"}
    wasm_type = "application/wasm"
    requests: list[str]
    delays: dict[str, float]
    trickle: dict[str, float]

    def translate_path(self, path: str) -> str:
        self.requests.append(path)
        for suffix, seconds in self.delays.items():
            if path.split("?")[0].endswith(suffix):
                time.sleep(seconds)
        if not path.startswith(PREFIX):
            return "/nonexistent-outside-prefix"
        return super().translate_path("/" + path[len(PREFIX):])

    def copyfile(self, source, outputfile):
        seconds = next((t for suffix, t in self.trickle.items()
                        if self.path.split("?")[0].endswith(suffix)), None)
        if seconds is None:
            return super().copyfile(source, outputfile)
        data = source.read()
        chunks = 20
        size = len(data) // chunks + 1
        for start in range(0, len(data), size):
            outputfile.write(data[start:start + size])
            outputfile.flush()
            time.sleep(seconds / chunks)
        return None

    def guess_type(self, path):
        if str(path).endswith(".wasm"):
            return self.wasm_type
        return super().guess_type(path)

    def end_headers(self) -> None:
        # Like the .htaccess: every response, so the engine's worker runs under the policy too.
        self.send_header("Content-Security-Policy", CONTENT_SECURITY_POLICY)
        super().end_headers()

    def log_message(self, format, *args):
        pass


@contextmanager
def serve_site(directory: Path, wasm_type: str = "application/wasm",
               delays: dict[str, float] | None = None,
               trickle: dict[str, float] | None = None) -> Iterator[dict]:
    requests: list[str] = []
    handler_cls = type("Handler", (_Handler,), {"wasm_type": wasm_type, "requests": requests,
                                                "delays": dict(delays or {}),
                                                "trickle": dict(trickle or {})})
    handler = functools.partial(handler_cls, directory=str(directory))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield {"url": f"http://127.0.0.1:{server.server_address[1]}{PREFIX}", "requests": requests}
    finally:
        server.shutdown()
        server.server_close()
