"""Shared fixtures: the fixture content built once into a temporary dist/."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from hypothesis import settings

from builder.build import build

from .support.server import PREFIX, serve_site

# Property tests check behaviour, not speed: a loaded machine must not fail them.
settings.register_profile("diagnum", deadline=None)
settings.load_profile("diagnum")

ROOT = Path(__file__).resolve().parent.parent
FIXTURE_CONTENT = ROOT / "tests" / "fixtures" / "content"
CHROMIUM = "/usr/bin/chromium"


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> Path:
    """The fixture content built like a real site (Pyodide, engine zip, pages)."""
    dist = tmp_path_factory.mktemp("site") / "dist"
    build(FIXTURE_CONTENT, dist, ROOT, log=lambda _msg: None)
    return dist


@pytest.fixture
def previous_dist(tmp_path) -> Path:
    """A dist/ from an earlier build, which a failed build must leave untouched."""
    dist = tmp_path / "dist"
    dist.mkdir()
    (dist / "index.html").write_text("ancienne version", encoding="utf-8")
    return dist


@pytest.fixture
def content_copy(tmp_path) -> Path:
    """A writable copy of the fixture content, to break in tests."""
    target = tmp_path / "content"
    shutil.copytree(FIXTURE_CONTENT, target)
    return target


CHROMIUM_ARGS = ["--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                 "--disable-background-networking", "--disable-component-update",
                 "--no-first-run", "--disable-sync"]
INSECURE_HOST = "diagnum.test"


@pytest.fixture(scope="session")
def playwright_instance():
    from playwright.sync_api import sync_playwright

    if not Path(CHROMIUM).exists():
        pytest.fail("Chromium est absent (/usr/bin/chromium) : lancez « make test », qui "
                    "l'installe, ou « apt-get install chromium ».")
    with sync_playwright() as p:
        yield p


@pytest.fixture(scope="session")
def browser(playwright_instance):
    instance = playwright_instance.chromium.launch(
        executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
    yield instance
    instance.close()


@pytest.fixture(scope="session")
def insecure_browser(playwright_instance):
    """Chromium for which ``diagnum.test`` is 127.0.0.1: a plain-HTTP origin that is NOT a secure
    context (localhost and 127.0.0.1 are), as a centre's host without HTTPS. Use
    ``insecure_url(server["url"])`` to reach a ``serve_site`` server through it."""
    instance = playwright_instance.chromium.launch(
        executable_path=CHROMIUM, headless=True,
        args=[*CHROMIUM_ARGS, f"--host-resolver-rules=MAP {INSECURE_HOST} 127.0.0.1"])
    yield instance
    instance.close()


def insecure_url(url: str) -> str:
    """The same server, named by the non-secure host name (http://diagnum.test:<port>/…)."""
    return url.replace("://127.0.0.1:", f"://{INSECURE_HOST}:", 1)


@pytest.fixture
def site(built_site: Path):
    """The built fixture site served from a sub-path; no request may leave the sub-path."""
    with serve_site(built_site) as server:
        yield server
    outside = [r for r in server["requests"] if not r.startswith(PREFIX)]
    assert not outside, f"requêtes hors du sous-dossier : {outside}"


@pytest.fixture
def page(browser):
    """A French page that fails the test on any console error or third-party request."""
    context = browser.new_context(locale="fr-FR", viewport={"width": 1000, "height": 900})
    requested: list[str] = []
    context.on("request", lambda r: requested.append(r.url))
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    yield page
    context.close()
    assert not errors, errors
    # No third-party request, from the page or from the engine's worker.
    foreign = [u for u in requested if not u.startswith("http://127.0.0.1:")]
    assert not foreign, foreign
    if any("/test/index.html" in u for u in requested):
        # The worker's own fetches are seen too (so the check above covers them).
        assert any(u.endswith("pyodide.asm.wasm") for u in requested)
