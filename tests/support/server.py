"""Serve a built site from a sub-path on 127.0.0.1, as a centre's host would (/centre/diagnostic/).

Any request outside the prefix gets a 404, so a root-absolute URL in the site fails loudly. Every
response carries the site's Content-Security-Policy header, as the .htaccess asks of Apache.
Options reproduce a badly configured host (wrong MIME type for .wasm), a slow one (``delays``:
seconds to wait before answering a path that ends with a given suffix; ``trickle``: seconds over
which to send such a file, in small chunks, as a slow connection would), or a well configured
Apache serving the builder's precompressed ``file.br`` / ``file.gz`` as the ``.htaccess`` says
(``precompressed``).
"""

from __future__ import annotations

import email.utils
import functools
import http.server
import os
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from builder.security import CONTENT_SECURITY_POLICY

PREFIX = "/centre/diagnostic/"
# What the .htaccess negotiates, best first: (Accept-Encoding token, file suffix).
ENCODINGS = (("br", ".br"), ("gzip", ".gz"))


def accepted_encodings(header: str | None) -> set[str]:
    """Tokens of an Accept-Encoding header with a non-zero weight."""
    accepted = set()
    for part in (header or "").split(","):
        token, _, params = part.strip().partition(";")
        if token and params.replace(" ", "") not in ("q=0", "q=0.0", "q=0.00", "q=0.000"):
            accepted.add(token.strip().lower())
    return accepted


class _Handler(http.server.SimpleHTTPRequestHandler):
    extensions_map = {  # noqa: RUF012 - the stdlib's own class attribute
        **http.server.SimpleHTTPRequestHandler.extensions_map,
        ".wasm": "application/wasm", ".mjs": "text/javascript",
        ".js": "text/javascript", ".svg": "image/svg+xml"}
    wasm_type = "application/wasm"
    precompressed = False
    encodings: tuple[str, ...] = ("br", "gzip")  # the variants this host may serve
    requests: list[str]
    # (path, Content-Encoding) of every precompressed variant served, to check negotiation.
    served: list[tuple[str, str]]
    delays: dict[str, float]
    trickle: dict[str, float]

    def _local(self, path: str) -> str:
        if not path.startswith(PREFIX):
            return "/nonexistent-outside-prefix"
        return super().translate_path("/" + path[len(PREFIX):])

    def translate_path(self, path: str) -> str:
        self.requests.append(path)
        for suffix, seconds in self.delays.items():
            if path.split("?")[0].endswith(suffix):
                time.sleep(seconds)
        return self._local(path)

    def send_head(self):
        """Like Apache with the .htaccess: a precompressed variant when the browser accepts it."""
        if not self.precompressed:
            return super().send_head()
        path = self._local(self.path)
        accepted = accepted_encodings(self.headers.get("Accept-Encoding"))
        variants = [(token, path + suffix) for token, suffix in ENCODINGS
                    if token in self.encodings and os.path.isfile(path + suffix)]
        for token, variant in variants:
            if token in accepted:
                self.translate_path(self.path)  # recorded (and delayed) like any other request
                return self._send_variant(path, variant, token)
        if variants:
            self._vary = True
        return super().send_head()

    def _send_variant(self, original: str, variant: str, encoding: str):
        file = open(variant, "rb")  # noqa: SIM115 - returned to copyfile(), closed by the caller
        stat = os.fstat(file.fileno())
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(original))
        self.send_header("Content-Encoding", encoding)
        self.send_header("Content-Length", str(stat.st_size))
        self.send_header("Vary", "Accept-Encoding")
        self.send_header("Last-Modified", email.utils.formatdate(stat.st_mtime, usegmt=True))
        self.end_headers()
        self.served.append((self.path, encoding))
        return file

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
        if getattr(self, "_vary", False):
            self.send_header("Vary", "Accept-Encoding")
            self._vary = False
        super().end_headers()

    def log_message(self, format, *args):
        pass


def make_handler(directory: Path, base: type = _Handler, **attributes) -> functools.partial:
    """A handler class for ``directory`` with its own request log (``requests``, ``served``)."""
    attributes = {"requests": [], "served": [], "delays": {}, "trickle": {}, **attributes}
    handler_cls = type("Handler", (base,), attributes)
    return functools.partial(handler_cls, directory=str(directory))


@contextmanager
def serve_site(directory: Path, wasm_type: str = "application/wasm",
               delays: dict[str, float] | None = None,
               trickle: dict[str, float] | None = None,
               precompressed: bool = False) -> Iterator[dict]:
    handler = make_handler(directory, wasm_type=wasm_type, precompressed=precompressed,
                           delays=dict(delays or {}), trickle=dict(trickle or {}))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield {"url": f"http://127.0.0.1:{server.server_address[1]}{PREFIX}",
               "requests": handler.func.requests, "served": handler.func.served}
    finally:
        server.shutdown()
        server.server_close()
