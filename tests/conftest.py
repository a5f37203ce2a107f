"""Shared fixtures: the fixture content built once into a temporary dist/."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from hypothesis import settings

from builder.build import build

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
