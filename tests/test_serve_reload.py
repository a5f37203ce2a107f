"""``diagnum serve`` as an editor meets it: the open page reloads by itself, shows build errors
with file:line, and the loop survives template errors and crashes of the builder."""

from __future__ import annotations

import gc
import json
import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from builder import build as build_module
from builder.serve import CONTENT_SECURITY_POLICY, DevServer

from .conftest import ROOT

TUTORIAL = "content/tutorials/{}.md"


def _start_serve(content: Path, dist: Path, *extra: str, root: Path = ROOT) -> tuple:
    process = subprocess.Popen(
        [sys.executable, "-m", "builder", "--content", str(content), "--root", str(root),
         "serve", "--port", "0", "-o", str(dist), *extra],
        cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    seen = []
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        line = process.stdout.readline()
        if not line:
            break
        seen.append(line)
        match = re.search(r"(http://127\.0\.0\.1:\d+/)", line)
        if match:
            return process, match.group(1)
    process.kill()
    raise AssertionError("no URL printed:\n" + "".join(seen))


def _replace(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_open_page_reloads_shows_errors_and_recovers(content_copy, tmp_path, browser):
    tutorial = next(content_copy.glob("tutorials/*.md"))
    dist = tmp_path / "dist"
    process, url = _start_serve(content_copy, dist)
    try:
        page = browser.new_page()
        errors: list[str] = []
        page.on("pageerror", lambda e: errors.append(str(e)))
        page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
        response = page.goto(f"{url}tutoriels/{tutorial.stem}/index.html")
        assert response.headers["content-security-policy"] == CONTENT_SECURITY_POLICY
        assert page.locator("script[src*='livereload.js?v=']").count() == 1
        assert "livereload" not in (dist / f"tutoriels/{tutorial.stem}/index.html").read_text()
        page.evaluate("window.notReloaded = true")
        time.sleep(0.5)  # the page's first poll is answered, the second one waits

        # An edit: the page reloads by itself and shows the new text.
        text = tutorial.read_text(encoding="utf-8")
        tutorial.write_text(text.rstrip("\n") + "\n\nUne phrase toute neuve pour le test.\n",
                            encoding="utf-8")
        _wait(lambda: _reloaded(page), 30)
        page.wait_for_selector("text=Une phrase toute neuve pour le test.", timeout=10_000)

        # A broken file: the page stays, and a French panel lists the error with file:line.
        page.evaluate("window.notReloaded = true")
        _replace(tutorial, "\nduree: ", "\nduree: longue\nancienne_duree: ")
        panel = page.wait_for_selector("#diagnum-build-errors[role=alert]", timeout=30_000)
        shown = panel.text_content()
        assert "La reconstruction du site a échoué" in shown
        assert re.search(rf"tutorials/{re.escape(tutorial.name)}:\d+: .*duree", shown), shown
        assert re.search(rf"tutorials/{re.escape(tutorial.name)}:\d+: champ inconnu", shown), shown
        assert page.evaluate("window.notReloaded")  # the last good page is still there
        page.screenshot(path=str(tmp_path / "error-panel.png"))
        assert page.locator("text=Une phrase toute neuve pour le test.").count() == 1

        # Fixed: the page reloads, the panel is gone.
        tutorial.write_text(text.rstrip("\n") + "\n\nLa version corrigée.\n", encoding="utf-8")
        _wait(lambda: _reloaded(page), 30)
        page.wait_for_selector("text=La version corrigée.", timeout=10_000)
        assert page.locator("#diagnum-build-errors").count() == 0
        page.screenshot(path=str(tmp_path / "reloaded.png"))
        assert not errors, errors
        page.close()
    finally:
        process.terminate()
        process.wait(timeout=10)


def _reloaded(page) -> bool:
    from playwright.sync_api import Error

    try:
        return page.evaluate("!window.notReloaded")
    except Error:  # the page is being replaced
        return False


@pytest.fixture
def root_copy(tmp_path) -> Path:
    """A project root whose templates may be broken: templates copied, the rest linked."""
    root = tmp_path / "root"
    root.mkdir()
    shutil.copytree(ROOT / "site_templates", root / "site_templates")
    for name in ("engine", "node_modules", ".cache"):
        (root / name).symlink_to(ROOT / name)
    return root


def _get(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url) as response:
            return response.status, response.read().decode()
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read().decode()


def test_serve_survives_template_errors_and_a_crash(content_copy, root_copy, tmp_path,
                                                     monkeypatch):
    logged: list[str] = []
    dev = DevServer(content_copy, tmp_path / "dist", root_copy, port=0, log=logged.append)
    try:
        assert dev.rebuild() is None
        dev.start(watch=False)
        assert "Faites le point" in _get(dev.url + "index.html")[1]

        # A real syntax error in a template: file:line, the last good site still served.
        template = root_copy / "site_templates" / "index.html"
        good_template = template.read_text(encoding="utf-8")
        template.write_text(good_template.replace("{% endif %}", "{% endiff %}", 1), encoding="utf-8")
        failure = dev.rebuild()
        assert failure is not None
        line = next(i for i, t in enumerate(template.read_text().split("\n"), 1) if "endiff" in t)
        assert re.search(rf"site_templates/index\.html:{line}: erreur de syntaxe dans le gabarit",
                         failure.lines[0]), failure.lines
        status, page = _get(dev.url + "index.html")
        assert status == 200 and "Faites le point" in page
        state = dev.state.wait("-1", 0)
        assert not state["ok"] and state["errors"] == failure.lines

        # An undefined variable: the template's file and line too.
        template.write_text(good_template.replace("{{ site.home_title }}",
                                                  "{{ site.home_title }}{{ oubli }}"),
                            encoding="utf-8")
        failure = dev.rebuild()
        line = next(i for i, t in enumerate(template.read_text().split("\n"), 1) if "oubli" in t)
        assert re.search(rf"site_templates/index\.html:{line}: variable inconnue dans le gabarit",
                         failure.lines[0]), failure.lines

        # A crash of the builder itself (any exception): reported, and the next rebuild works.
        template.write_text(good_template, encoding="utf-8")

        def crash(content):
            raise RuntimeError("panne simulée")

        monkeypatch.setattr(build_module, "plan_pages", crash)
        failure = dev.rebuild()
        assert "erreur interne du constructeur (RuntimeError : panne simulée)" in failure.lines[0]
        assert re.match(r"tests/test_serve_reload\.py:\d+: ", failure.lines[0]), failure.lines
        assert "Traceback" in failure.details
        monkeypatch.undo()
        assert dev.rebuild() is None
        assert dev.state.wait("-1", 0)["ok"]
        assert any("Reconstruction annulée" in m for m in logged)
    finally:
        dev.shutdown()


def test_the_watcher_keeps_going_after_a_crash(content_copy, tmp_path, monkeypatch):
    logged: list[str] = []
    dev = DevServer(content_copy, tmp_path / "dist", ROOT, port=0, log=logged.append)
    try:
        assert dev.rebuild() is None
        monkeypatch.setattr(build_module, "plan_pages", lambda content: 1 / 0)
        dev.start(watch=True)
        time.sleep(0.5)
        tube = content_copy / "referential/4.1/arnaques.yaml"
        _replace(tube, "titre: Les arnaques", "titre: Les arnaques en ligne")
        _wait(lambda: dev.state.attempt >= 2)
        assert dev.state.failure is not None
        assert "ZeroDivisionError" in dev.state.failure.lines[0]
        monkeypatch.undo()
        _replace(tube, "titre: Les arnaques en ligne", "titre: Les arnaques sur Internet")
        _wait(lambda: dev.state.attempt >= 3)
        assert dev.state.failure is None
        assert "Les arnaques sur Internet" in _get(dev.url + "competences/4.1/index.html")[1]
    finally:
        dev.shutdown()


def _wait(condition, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.1)


def test_a_port_in_use_is_a_french_message(content_copy, tmp_path):
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = subprocess.run(
            [sys.executable, "-m", "builder", "--content", str(content_copy), "--root", str(ROOT),
             "serve", "--port", str(port), "-o", str(tmp_path / "dist")],
            cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert result.returncode == 1
    output = result.stdout + result.stderr
    assert f"Le port {port} est déjà utilisé" in output
    assert f"--port {port + 1}" in output
    assert "Traceback" not in output
    assert not (tmp_path / "dist").exists()  # said before any build


@pytest.mark.parametrize("command", ["build", "serve"])
def test_missing_node_modules_says_what_to_run(command, content_copy, tmp_path):
    root = tmp_path / "root"
    root.mkdir()
    for name in ("site_templates", "engine"):
        (root / name).symlink_to(ROOT / name)
    args = ["--port", "0"] if command == "serve" else []
    result = subprocess.run(
        [sys.executable, "-m", "builder", "--content", str(content_copy), "--root", str(root),
         command, "-o", str(tmp_path / "dist"), *args],
        cwd=ROOT, capture_output=True, text=True, timeout=60)
    output = result.stdout + result.stderr
    assert result.returncode == 1, output
    assert "node_modules" in output and "« make serve »" in output and "« npm ci »" in output
    assert "Traceback" not in output


def test_a_site_broken_from_the_start_is_served_as_a_waiting_page(content_copy, tmp_path):
    tube = content_copy / "referential/4.1/arnaques.yaml"
    good = tube.read_text(encoding="utf-8")
    tube.write_text(good.replace("titre: Les arnaques", "titre: [Les arnaques", 1), encoding="utf-8")
    dev = DevServer(content_copy, tmp_path / "dist", ROOT, port=0, log=lambda _m: None)
    try:
        failure = dev.rebuild()
        assert failure is not None and "arnaques.yaml:" in failure.lines[0]
        dev.start(watch=True)
        status, page = _get(dev.url)
        assert status == 200 and "n'a pas encore pu être construit" in page
        assert re.search(r'src="/\.diagnum/livereload\.js\?v=[0-9a-f]{10}" data-good="0"', page)
        state = json.loads(_get(dev.url + ".diagnum/livereload?since=-1")[1])
        assert state["ok"] is False and state["errors"] == failure.lines
        tube.write_text(good, encoding="utf-8")
        _wait(lambda: dev.state.good > 0)
        status, page = _get(dev.url)
        assert status == 200 and "Faites le point" in page
        assert _get(dev.url + "nulle-part/")[0] == 404
    finally:
        dev.shutdown()


def test_a_failure_after_the_swap_is_shown_and_the_new_pages_stay(content_copy, tmp_path,
                                                                  monkeypatch):
    """The first questions are computed after the new site is in place: an engine that fails
    there is reported like a build error, and the edited page is already served."""
    logged: list[str] = []
    dev = DevServer(content_copy, tmp_path / "dist", ROOT, port=0, log=logged.append)
    try:
        assert dev.rebuild() is None
        monkeypatch.setattr(build_module, "first_questions", lambda *_a: 1 / 0)
        tube = content_copy / "referential/4.1/arnaques.yaml"
        _replace(tube, "titre: Les arnaques", "titre: Les arnaques en ligne")
        failure = dev.rebuild()
        assert failure is not None and "ZeroDivisionError" in failure.lines[0]
        assert not dev.state.wait("-1", 0)["ok"]
        assert any("sans les premières questions" in m for m in logged)
        page = (tmp_path / "dist/competences/4.1/index.html").read_text(encoding="utf-8")
        assert "Les arnaques en ligne" in page
        assert gc.isenabled()  # held off during the rebuild only
        monkeypatch.undo()
        assert dev.rebuild() is None
    finally:
        dev.shutdown()


def test_replaced_sites_are_deleted_once_the_editor_is_idle(content_copy, tmp_path):
    dev = DevServer(content_copy, tmp_path / "dist", ROOT, port=0, log=lambda _m: None)
    try:
        assert dev.rebuild() is None
        tube = content_copy / "referential/4.1/arnaques.yaml"
        _replace(tube, "titre: Les arnaques", "titre: Les arnaques en ligne")
        assert dev.rebuild() is None
        old = list(tmp_path.glob(".dist.old-*"))
        assert old, "the replaced site waits for the editor to be idle"
        dev.when_idle()
        _wait(lambda: not any(p.exists() for p in old))
        _replace(tube, "titre: Les arnaques en ligne", "titre: Les arnaques sur Internet")
        assert dev.rebuild() is None
        assert list(tmp_path.glob(".dist.old-*"))
    finally:
        dev.shutdown()
    assert not list(tmp_path.glob(".dist.old-*")), "quitting deletes what was left"
    assert (tmp_path / "dist/index.html").is_file()
