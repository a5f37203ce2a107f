"""Every static module URL is versioned, down to the modules' own imports: after an update a
browser can never run a new test.js with an old storage.js it kept in its cache."""

from __future__ import annotations

import hashlib
import posixpath
import re
from pathlib import Path

import pytest

from builder.assets import AssetError, copy_static

SPECIFIER = re.compile(r"""(?:\bfrom\s*|\bimport\s*\(?\s*)["'](\.\.?/[^"']+)["']""")


def _hash(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()[:10]


def _imports(path: Path) -> list[str]:
    return SPECIFIER.findall(path.read_text(encoding="utf-8"))


def test_the_built_test_page_loads_only_versioned_modules(built_site):
    static = built_site / "static"
    page = (built_site / "test" / "index.html").read_text(encoding="utf-8")
    (script,) = re.findall(r'<script type="module" src="([^"]+)"', page)
    assert script == f"../static/test.js?v={_hash(static / 'test.js')}"
    seen, todo = set(), ["test.js"]
    while todo:  # every module test.js reaches, transitively
        rel = todo.pop()
        if rel in seen:
            continue
        seen.add(rel)
        for spec in _imports(static / rel):
            name, _, version = spec.partition("?v=")
            target = posixpath.normpath(posixpath.join(posixpath.dirname(rel), name))
            assert version == _hash(static / target), f"{rel} importe {spec} sans sa version"
            todo.append(target)
    assert {"storage.js", "sessions.js", "learner.js", "dom.js", "types.js"} <= seen


def test_a_change_in_an_imported_module_changes_the_importers_url(tmp_path):
    static = tmp_path / "templates" / "static"
    (static / "sub").mkdir(parents=True)
    (static / "main.js").write_text('import { a } from "./lib.js";\nimport("./sub/c.js");\n')
    (static / "lib.js").write_text("export const a = 1;\n")
    (static / "sub" / "c.js").write_text('export { a } from "../lib.js";\n')
    before = copy_static(tmp_path / "templates", tmp_path / "one")
    built = (tmp_path / "one" / "static" / "main.js").read_text()
    assert f'"./lib.js?v={before["lib.js"]}"' in built
    assert f'import("./sub/c.js?v={before["sub/c.js"]}")' in built
    (static / "lib.js").write_text("export const a = 2;\n")
    after = copy_static(tmp_path / "templates", tmp_path / "two")
    assert all(after[name] != before[name] for name in ("lib.js", "sub/c.js", "main.js"))


def test_an_import_of_a_missing_module_is_an_error_in_french(tmp_path):
    static = tmp_path / "templates" / "static"
    static.mkdir(parents=True)
    (static / "main.js").write_text('import { a } from "./absent.js";\n')
    with pytest.raises(AssetError, match=re.escape("importe « ./absent.js », qui n'existe pas")):
        copy_static(tmp_path / "templates", tmp_path / "out")
