"""A tutorial with a picture, in Chromium, served from a sub-path: the picture loads, fits the
screen, opens enlarged with its description, and axe finds nothing on a computer and a phone."""

from __future__ import annotations

import shutil

import pytest
from axe_playwright_python.sync_playwright import Axe

from builder.build import build

from .conftest import FIXTURE_CONTENT, ROOT
from .support.server import serve_site
from .test_axe_everywhere import AXE_OPTIONS, VIEWPORTS
from .test_tutorial_pictures import ALT, _with_picture

PAGE = "tutoriels/guide-arnaques/index.html"


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    root = tmp_path_factory.mktemp("tutopics-browser")
    shutil.copytree(FIXTURE_CONTENT, root / "content")
    _with_picture(root / "content")
    build(root / "content", root / "dist", ROOT, log=lambda _m: None, precompress=False)
    with serve_site(root / "dist") as server:
        yield server, root


@pytest.mark.parametrize("device", list(VIEWPORTS))
def test_a_tutorial_picture_loads_fits_zooms_and_passes_axe(browser, served, device):
    server, root = served
    context = browser.new_context(locale="fr-FR", viewport=VIEWPORTS[device])
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    try:
        page.goto(server["url"] + PAGE)
        img = page.get_by_role("img", name=ALT)
        img.scroll_into_view_if_needed()
        page.wait_for_function("() => [...document.images].every(i => i.complete)")
        assert img.evaluate("i => i.naturalWidth") > 0
        box = img.bounding_box()
        assert box["width"] <= VIEWPORTS[device]["width"] and box["height"] > 50
        page.wait_for_selector(".prose figure .zoom-open")
        page.screenshot(path=str(root / f"tutoriel-{device}.png"), full_page=True)
        result = Axe().run(page, options=AXE_OPTIONS)
        assert result.violations_count == 0, result.generate_report()
        page.get_by_role("button", name="Agrandir l'image").click()
        page.wait_for_selector("#zoom-dialog[open]")
        assert ALT in page.locator("#zoom-dialog .zoom-alt").text_content()
        result = Axe().run(page, options=AXE_OPTIONS)
        assert result.violations_count == 0, result.generate_report()
        page.keyboard.press("Escape")
        page.wait_for_function(
            "() => document.activeElement && document.activeElement.matches('.zoom-open')")
    finally:
        context.close()
    assert not errors, errors
    outside = [r for r in server["requests"] if "/centre/diagnostic/" not in r]
    assert not outside, outside
