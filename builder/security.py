"""The site's Content-Security-Policy, in one place.

Same origin only, no inline script, and ``'wasm-unsafe-eval'`` so Pyodide can compile its
WebAssembly, nothing more. Used by the base template's ``<meta>`` tag, the ``.htaccess`` header,
``diagnum serve`` and the test server. Only an HTTP header reaches the engine's Web Worker (a
worker does not read the page's ``<meta>``), so every server must send it.
"""

from __future__ import annotations

DIRECTIVES: tuple[tuple[str, str], ...] = (
    ("default-src", "'self'"),
    ("script-src", "'self' 'wasm-unsafe-eval'"),
    ("style-src", "'self'"),
    ("img-src", "'self' data:"),
    ("font-src", "'self'"),
    ("connect-src", "'self'"),
    ("worker-src", "'self'"),
    ("object-src", "'none'"),
    ("base-uri", "'self'"),
    ("form-action", "'self'"),
    ("frame-ancestors", "'self'"),
)

# Browsers ignore these in a <meta> tag (and warn in the console): header only.
HEADER_ONLY = {"frame-ancestors", "report-uri", "sandbox"}

CONTENT_SECURITY_POLICY = "; ".join(f"{name} {value}" for name, value in DIRECTIVES)
"""The value of the ``Content-Security-Policy`` HTTP header."""

META_CONTENT_SECURITY_POLICY = "; ".join(
    f"{name} {value}" for name, value in DIRECTIVES if name not in HEADER_ONLY)
"""The same policy for ``<meta http-equiv="Content-Security-Policy">``."""
