"""The rebuild's shortcuts change nothing but the time: parse cache, reused assets, kept templates."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from builder import cache, markdown
from builder.build import build
from builder.yamlfile import parse

from .conftest import ROOT


def _files(dist: Path) -> dict[str, bytes]:
    return {p.relative_to(dist).as_posix(): p.read_bytes() for p in sorted(dist.rglob("*"))
            if p.is_file()}


def test_a_cached_rebuild_equals_a_fresh_build(content_copy, tmp_path):
    warm = tmp_path / "warm"
    build(content_copy, warm, ROOT, log=lambda _m: None)
    tube = content_copy / "referential/4.1/arnaques.yaml"
    tube.write_text(tube.read_text(encoding="utf-8").replace(
        "titre: Les arnaques", "titre: Les arnaques en ligne"), encoding="utf-8")
    hits = cache.PARSED.hits
    build(content_copy, warm, ROOT, log=lambda _m: None)  # everything but one file from cache
    assert cache.PARSED.hits > hits
    cache.PARSED.clear()
    markdown.render.cache_clear()
    markdown.render_inline.cache_clear()
    markdown._parsed.cache_clear()
    markdown._parsed_inline.cache_clear()
    saved, cache.PARSED.directory = cache.PARSED.directory, None
    try:
        fresh = tmp_path / "fresh"
        build(content_copy, fresh, ROOT, log=lambda _m: None)
    finally:
        cache.PARSED.directory = saved
    assert _files(warm) == _files(fresh)
    assert "Les arnaques en ligne" in (warm / "competences/4.1/index.html").read_text()


def test_parse_cache_shares_read_only_results_with_lines_and_survives_processes(tmp_path):
    text = "titre: Un sujet\nacquis:\n  - niveau: 1\n    intitule: Savoir\n"
    disk = cache.ParseCache()
    disk.directory = tmp_path / "parsed"
    first = disk.get(parse, text)
    # A loader cannot change what the next build reads: the shared result refuses changes.
    for change in (lambda: first.__setitem__("titre", "modifié par un chargeur"),
                   lambda: first.pop("titre"), lambda: first.update(titre="x"),
                   lambda: first["acquis"].append({}), lambda: first["acquis"].sort(),
                   lambda: first["acquis"][0].setdefault("niveau", "2")):
        with pytest.raises(TypeError, match="partagé"):
            change()
    again = disk.get(parse, text)
    assert again is first  # no copy: a hit costs nothing
    assert again["titre"] == "Un sujet" and again["acquis"][0].line == 3
    assert again.key_lines == {"titre": 1, "acquis": 2}
    other_process = cache.ParseCache()
    other_process.directory = disk.directory
    loaded = other_process.get(parse, text)
    assert (other_process.hits, other_process.misses) == (1, 0)
    assert loaded == again and loaded["acquis"][0]["intitule"].line == 4
    shifted = other_process.get(parse, text, first_line=2)  # other arguments, other entry
    assert shifted["acquis"][0].line == 4


def test_unchanged_runtime_files_are_reused_never_linked_to_their_source(content_copy, tmp_path):
    dist = tmp_path / "dist"
    build(content_copy, dist, ROOT, log=lambda _m: None)
    wasm = next(dist.glob("pyodide/*/pyodide.asm.wasm"))
    rel = wasm.relative_to(dist)
    first_inode = wasm.stat().st_ino
    assert first_inode != (ROOT / "node_modules/pyodide/pyodide.asm.wasm").stat().st_ino
    build(content_copy, dist, ROOT, log=lambda _m: None)
    assert (dist / rel).stat().st_ino == first_inode   # linked from the previous site, not copied
    # A file changed inside dist/ is not trusted: the next build copies it afresh.
    os.utime(dist / rel, ns=(0, 0))
    build(content_copy, dist, ROOT, log=lambda _m: None)
    assert (dist / rel).stat().st_ino != first_inode
    assert (dist / rel).read_bytes() == (ROOT / "node_modules/pyodide/pyodide.asm.wasm").read_bytes()


def test_an_unchanged_referential_is_linked_and_a_touched_one_written_again(content_copy, tmp_path):
    dist = tmp_path / "dist"
    build(content_copy, dist, ROOT, log=lambda _m: None)
    whole = dist / "data" / "referential.json"
    first = whole.stat().st_ino
    tutorial = next((content_copy / "tutorials").glob("*.md"))
    tutorial.write_text(tutorial.read_text(encoding="utf-8") + "\nUne phrase de plus.\n",
                        encoding="utf-8")
    build(content_copy, dist, ROOT, log=lambda _m: None)
    assert whole.stat().st_ino == first  # the same file, linked: the bundle did not change
    # A referential file changed inside dist/ is not trusted: the next build writes it again.
    text = whole.read_text(encoding="utf-8")
    whole.write_text(text.replace('"format":1', '"format":1 '), encoding="utf-8")
    build(content_copy, dist, ROOT, log=lambda _m: None)
    assert whole.read_text(encoding="utf-8") == text


def test_an_editors_rebuild_shows_the_page_first_and_ends_as_a_full_build(content_copy, tmp_path):
    """``diagnum serve`` defers what no page waits for (the first questions, the offline
    manifest) until the new site is in place; once they have run, the site is a full build's."""
    served = tmp_path / "served"
    build(content_copy, served, ROOT, log=lambda _m: None, precompress=False)
    tube = content_copy / "referential/4.1/arnaques.yaml"
    tube.write_text(tube.read_text(encoding="utf-8").replace(
        "titre: Les arnaques", "titre: Les arnaques en ligne"), encoding="utf-8")
    later: list = []
    build(content_copy, served, ROOT, log=lambda _m: None, precompress=False, defer=later.append)
    assert "Les arnaques en ligne" in (served / "competences/4.1/index.html").read_text()
    version = json.loads((served / "data/referential.json").read_text())["version"]
    assert later and not (served / "data/first" / version).exists()
    for job in later:
        job()
    assert sorted((served / "data/first" / version).glob("*.json"))
    manifest = json.loads((served / "offline-manifest.json").read_text())
    assert f"data/first/{version}/competence-4.1.json" in manifest["files"]
    fresh = tmp_path / "fresh"
    build(content_copy, fresh, ROOT, log=lambda _m: None, precompress=False)
    assert _files(served) == _files(fresh)


def test_deferred_steps_are_refused_with_precompression(content_copy, tmp_path):
    with pytest.raises(ValueError):
        build(content_copy, tmp_path / "dist", ROOT, log=lambda _m: None, defer=lambda job: None)


def test_an_unchanged_file_is_not_read_again_and_a_recent_one_always_is(tmp_path):
    from builder.yamlfile import read_text

    settled = tmp_path / "ancien.yaml"
    settled.write_text("titre: un\n", encoding="utf-8")
    old = settled.stat().st_mtime_ns - 60_000_000_000
    os.utime(settled, ns=(old, old))
    first = read_text(settled)
    assert read_text(settled) is first  # the same text, not read again
    settled.write_text("titre: deux, plus long\n", encoding="utf-8")
    assert read_text(settled) == "titre: deux, plus long\n"

    # A file written just now may be written again within the same clock tick, same size:
    # its text is never kept, so the second version is always seen.
    recent = tmp_path / "recent.yaml"
    recent.write_text("titre: AAA\n", encoding="utf-8")
    stamp = recent.stat().st_mtime_ns
    assert read_text(recent) == "titre: AAA\n"
    recent.write_text("titre: BBB\n", encoding="utf-8")
    os.utime(recent, ns=(stamp, stamp))
    assert read_text(recent) == "titre: BBB\n"
