"""The build benchmark's MkDocs yardstick is built from the same tutorials (no timing asserted)."""

from __future__ import annotations

from benchmarks.build_times import CONTENT, _mkdocs_project


def test_mkdocs_project_has_every_tutorial_without_front_matter(tmp_path):
    project = _mkdocs_project(tmp_path)
    tutorials = sorted((CONTENT / "tutorials").glob("*.md"))
    pages = {p.name: p.read_text(encoding="utf-8") for p in (project / "docs").glob("*.md")}
    assert set(pages) == {t.name for t in tutorials} | {"index.md"}
    for tutorial in tutorials:
        page = pages[tutorial.name]
        assert page.startswith("# ") and "\nacquis:" not in page and "\n---\n" not in page[:200]
        assert tutorial.read_text(encoding="utf-8").endswith(page.split("\n", 1)[1])
    assert (project / "mkdocs.yml").read_text(encoding="utf-8").startswith("site_name:")
