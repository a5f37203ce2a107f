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


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    if not Path(CHROMIUM).exists():
        pytest.fail("Chromium est absent (/usr/bin/chromium) : lancez « make test », qui "
                    "l'installe, ou « apt-get install chromium ».")
    with sync_playwright() as p:
        instance = p.chromium.launch(
            executable_path=CHROMIUM, headless=True,
            args=["--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                  "--disable-background-networking", "--disable-component-update",
                  "--no-first-run", "--disable-sync"])
        yield instance
        instance.close()
