"""The built site: layout promised to hosts and tools, relative URLs, safe HTML."""

from __future__ import annotations

import json
import re
import subprocess
import zipfile
from html.parser import HTMLParser
from pathlib import Path

from builder import assets
from builder.build import build
from builder.markdown import render

from .conftest import FIXTURE_CONTENT, ROOT


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.urls: list[str] = []

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if name in ("href", "src") and value:
                self.urls.append(value)


def test_layout_of_dist(built_site: Path):
    for rel in ("index.html", "test/index.html", "tutoriels/index.html",
                "competences/4.1/index.html", "tutoriels/guide-arnaques/index.html",
                "data/referential.json", ".htaccess", "static/worker.mjs", "static/test.js",
                "data/images/4.1-faux-message.svg"):
        assert (built_site / rel).is_file(), rel
    version = json.loads((ROOT / "node_modules/pyodide/package.json").read_text())["version"]
    assert version == "314.0.7"
    for name in ("pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm", "python_stdlib.zip"):
        assert (built_site / "pyodide" / version / name).is_file()


def test_engine_zip_is_content_hashed_and_complete(built_site: Path):
    (zip_path,) = (built_site / "engine").glob("engine.*.zip")
    assert re.fullmatch(r"engine\.[0-9a-f]{10}\.zip", zip_path.name)
    with zipfile.ZipFile(zip_path) as zf:
        names = set(zf.namelist())
    shipped = {p.relative_to(ROOT).as_posix() for p in (ROOT / "engine").glob("*.py")}
    assert shipped <= names
    # The participant's part of campaigns/, and only it (the mediator's figures stay out).
    assert {n for n in names if n.startswith("campaigns/")} == set(assets.PARTICIPANT_MODULES)


def test_referential_bundle(built_site: Path):
    data = json.loads((built_site / "data/referential.json").read_text(encoding="utf-8"))
    assert [c["id"] for c in data["competences"]] == ["1.1", "4.1"]
    challenge = next(c for c in data["challenges"] if c["id"] == "arnaques-2a")
    assert challenge["illustration"]["src"] == "data/images/4.1-faux-message.svg"
    assert "<table>" in challenge["document"]
    skill = next(s for s in data["skills"] if s["id"] == "@arnaques1")
    assert skill["tutorials"] == ["guide-arnaques"]
    profile = data["profiles"][0]
    assert profile["tubes"][0] == {"tube": "mots-de-passe", "max_level": 3, "block": "securite",
                                   "skills": ["@mots-de-passe1", "@mots-de-passe2",
                                              "@mots-de-passe3"]}


def test_every_url_is_relative_and_resolves(built_site: Path):
    for page in built_site.rglob("*.html"):
        parser = _Links()
        parser.feed(page.read_text(encoding="utf-8"))
        for url in parser.urls:
            assert not url.startswith("/"), f"{page}: URL absolue {url}"
            assert not re.match(r"https?://", url), f"{page}: ressource externe {url}"
            target = url.split("?")[0].split("#")[0]
            if target:
                assert (page.parent / target).resolve().exists(), f"{page}: lien cassé {url}"


def test_htaccess_declares_wasm_and_mjs(built_site: Path):
    text = (built_site / ".htaccess").read_text()
    assert "AddType application/wasm .wasm" in text
    assert "AddType text/javascript .mjs" in text
    assert "DEFLATE" in text


def test_markdown_is_sanitised():
    html = render('Bonjour <script>alert(1)</script> <a href="javascript:x()">lien</a>\n\n'
                  '<img src=x onerror="alert(1)">')
    assert "<script" not in html and "onerror" not in html and "javascript:" not in html


def test_failed_build_keeps_previous_site_and_a_good_one_replaces_it(tmp_path, content_copy):
    dist = tmp_path / "dist"
    build(FIXTURE_CONTENT, dist, ROOT, log=lambda _m: None)
    before = (dist / "index.html").read_text(encoding="utf-8")
    (content_copy / "referential/4.1/arnaques.yaml").write_text("titre: [", encoding="utf-8")
    result = subprocess.run([str(ROOT / ".venv/bin/python"), "-m", "builder", "--content",
                             str(content_copy), "--root", str(ROOT), "build", "-o", str(dist)],
                            capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 1
    assert "arnaques.yaml:1: YAML invalide" in result.stderr
    assert "Le dossier" in result.stderr and "intact" in result.stderr
    assert (dist / "index.html").read_text(encoding="utf-8") == before
    assert not list(tmp_path.glob(".dist.*")), "temporary folders left behind"
