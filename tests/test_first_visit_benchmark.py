"""The first-visit benchmark counts what a real visit downloads (its timings are not asserted)."""

from __future__ import annotations

from pathlib import Path

from benchmarks.first_visit import kind_of, mod_deflate_copy, one_visit


def test_kinds_of_files():
    assert kind_of("/centre/diagnostic/pyodide/314.0.7/pyodide.asm.wasm") == "wasm"
    assert kind_of("/centre/diagnostic/pyodide/314.0.7/python_stdlib.zip") == "stdlib"
    assert kind_of("/centre/diagnostic/pyodide/314.0.7/pyodide.asm.mjs") == "runtime JS"
    assert kind_of("/centre/diagnostic/engine/engine.0123456789.zip") == "engine"
    assert kind_of("/centre/diagnostic/data/referential/abc/4.1.json") == "referential"
    assert kind_of("/centre/diagnostic/test/index.html") == "pages"


def test_a_visit_counts_the_brotli_bytes_of_one_competence(built_site: Path, tmp_path: Path, browser):
    visit = one_visit(built_site, "4.1", mbps=1000, latency_ms=0, encodings=("br", "gzip"),
                      browser=browser)
    version = next((built_site / "data/referential").iterdir())
    expected = sum((version / f"{name}.json.br").stat().st_size for name in ("index", "4.1"))
    assert visit["bytes"]["referential"] == expected
    wasm = next(built_site.glob("pyodide/*/pyodide.asm.wasm.br"))
    assert visit["bytes"]["wasm"] == wasm.stat().st_size
    assert visit["bytes"]["total"] == sum(v for k, v in visit["bytes"].items() if k != "total")
    assert 0 < visit["ready_s"] <= visit["question_s"]
    # The host without precompressed files: gzip made on the fly, a larger wasm.
    deflated = mod_deflate_copy(built_site, tmp_path / "deflated")
    assert not any(deflated.rglob("*.br"))
    assert (deflated / wasm.relative_to(built_site).with_suffix(".gz")).stat().st_size > wasm.stat().st_size
