"""Serve a built site from a sub-path on 127.0.0.1, as a centre's host would (/centre/diagnostic/).

Any request outside the prefix gets a 404, so a root-absolute URL in the site fails loudly. Every
response carries the site's Content-Security-Policy header, as the .htaccess asks of Apache.
Options reproduce a badly configured host (wrong MIME type for .wasm), or a well configured
Apache serving the builder's precompressed ``file.br`` / ``file.gz`` as the ``.htaccess`` says.
"""

from __future__ import annotations

import email.utils
import functools
import http.server
import os
import threading
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

    def translate_path(self, path: str) -> str:
        self.requests.append(path)
        if not path.startswith(PREFIX):
            return "/nonexistent-outside-prefix"
        return super().translate_path("/" + path[len(PREFIX):])

    def guess_type(self, path):
        if str(path).endswith(".wasm"):
            return self.wasm_type
        return super().guess_type(path)

    def send_head(self):
        """Like Apache with the .htaccess: a precompressed variant when the browser accepts it."""
        if not self.precompressed:
            return super().send_head()
        path = self.translate_path(self.path)
        accepted = accepted_encodings(self.headers.get("Accept-Encoding"))
        variants = [(token, path + suffix) for token, suffix in ENCODINGS
                    if token in self.encodings and os.path.isfile(path + suffix)]
        for token, variant in variants:
            if token in accepted:
                return self._send_variant(path, variant, token)
        self.requests.pop()  # super().send_head() translates (and records) the path again
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
    attributes = {"requests": [], "served": [], **attributes}
    handler_cls = type("Handler", (base,), attributes)
    return functools.partial(handler_cls, directory=str(directory))


@contextmanager
def serve_site(directory: Path, wasm_type: str = "application/wasm",
               precompressed: bool = False) -> Iterator[dict]:
    handler = make_handler(directory, wasm_type=wasm_type, precompressed=precompressed)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield {"url": f"http://127.0.0.1:{server.server_address[1]}{PREFIX}",
               "requests": handler.func.requests, "served": handler.func.served}
    finally:
        server.shutdown()
        server.server_close()
