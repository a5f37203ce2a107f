"""The precompressed variants the builder writes (.br, .gz) and a host that serves them."""

from __future__ import annotations

import gzip
from pathlib import Path

import brotli

from builder.assets import HTACCESS
from builder.compress import precompress

from .support.server import serve_site


def test_every_variant_decompresses_to_exactly_its_original(built_site: Path):
    variants = sorted(built_site.rglob("*.br")) + sorted(built_site.rglob("*.gz"))
    names = {v.relative_to(built_site).as_posix() for v in variants}
    # The heavy files of a first visit all have both variants.
    for rel in ("pyodide.asm.wasm", "pyodide.asm.mjs", "python_stdlib.zip"):
        version = next((built_site / "pyodide").iterdir()).name
        assert {f"pyodide/{version}/{rel}.br", f"pyodide/{version}/{rel}.gz"} <= names, rel
    assert {"data/referential.json.br", "static/test.js.gz", "test/index.html.br"} <= names
    for variant in variants:
        original = variant.with_suffix("").read_bytes()
        unpack = brotli.decompress if variant.suffix == ".br" else gzip.decompress
        assert unpack(variant.read_bytes()) == original, variant
        assert variant.stat().st_size < len(original)


def test_compressed_outputs_are_reused_from_the_cache(tmp_path: Path):
    site = tmp_path / "site"
    site.mkdir()
    (site / "page.html").write_text("<p>Bonjour</p>\n" * 500, encoding="utf-8")
    (site / "tiny.css").write_text("p{}", encoding="utf-8")
    cache = tmp_path / "cache"
    first = precompress(site, cache, log=lambda _m: None)
    assert set(first) == {"page.html.br", "page.html.gz"}  # too small to be worth it: tiny.css
    # A cached output is used as is: tampering with it shows it was not recomputed.
    entry = next(cache.glob("*.gz"))
    entry.write_bytes(gzip.compress(b"from the cache"))
    precompress(site, cache, log=lambda _m: None)
    assert gzip.decompress((site / "page.html.gz").read_bytes()) == b"from the cache"


def test_htaccess_serves_variants_with_the_original_type():
    assert "RewriteCond %{REQUEST_FILENAME}.br -f" in HTACCESS
    assert "T=application/wasm,E=no-gzip:1" in HTACCESS
    assert "Header set Content-Encoding br" in HTACCESS
    assert "Header append Vary Accept-Encoding" in HTACCESS


def test_a_test_runs_with_brotli_served_files(built_site: Path, browser):
    with serve_site(built_site, precompressed=True) as server:
        page = browser.new_page()
        page.goto(server["url"] + "test/index.html?competence=4.1")
        page.wait_for_selector("body[data-engine-ready]", timeout=60_000)
        page.click("#start-button")
        page.wait_for_selector("#question:not([hidden]) #submit-button:not([disabled])")
        page.click("#skip-button")  # « Je passe » : the engine answers with the next question
        page.wait_for_function("() => document.getElementById('question-title').textContent !== 'Question 1'")
        page.close()
    served = dict(server["served"])
    wasm = next(path for path in served if path.endswith(".wasm"))
    assert served[wasm] == "br"
    assert any("python_stdlib.zip" in path and enc == "br" for path, enc in served.items())
    # Only the referential's index and the part of competence 4.1 were downloaded.
    referential = [r for r in server["requests"] if "/data/referential" in r]
    assert [r.rsplit("/", 1)[-1] for r in referential] == ["index.json", "4.1.json"], referential
    assert all(served.get(r) == "br" for r in referential)
