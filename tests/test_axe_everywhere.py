"""0 axe violations (WCAG 2.1 A and AA) on every page type and every state of the test, on a
desktop window and on a 390 px phone: pages, test intro, a question of each type the fixture
content has, the enlarged picture, the results, the review open and the failure screen."""

from __future__ import annotations

import shutil

import pytest
from axe_playwright_python.sync_playwright import Axe

from builder.build import build

from .conftest import FIXTURE_CONTENT, ROOT
from .support.browser import READY, question_number, wait_next
from .support.server import serve_site

AXE_OPTIONS = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}}
VIEWPORTS = {"ordinateur": {"width": 1280, "height": 800}, "téléphone": {"width": 390, "height": 844}}
PAGES = ("index.html", "competences/4.1/index.html", "tutoriels/index.html",
         "tutoriels/guide-arnaques/index.html", "a-propos/index.html", "accessibilite/index.html",
         "404.html")


@pytest.fixture(scope="module")
def full_site(tmp_path_factory):
    """The fixture content plus the zone competence (2.1), and a copy whose engine is broken."""
    root = tmp_path_factory.mktemp("axe")
    content = root / "content"
    shutil.copytree(FIXTURE_CONTENT, content)
    shutil.copytree(ROOT / "tests" / "fixtures" / "zone", content, dirs_exist_ok=True)
    build(content, root / "dist", ROOT, log=lambda _msg: None)
    shutil.copytree(root / "dist", root / "broken")
    for zip_file in (root / "broken" / "engine").glob("*.zip"):
        zip_file.write_bytes(b"pas un zip")
    with serve_site(root / "dist") as server, serve_site(root / "broken") as broken:
        yield server, broken


def check(page, where: str) -> None:
    result = Axe().run(page, options=AXE_OPTIONS)
    assert result.violations_count == 0, f"{where}\n{result.generate_report()}"


def kind_of(page) -> str:
    body = page.locator("#question-body")
    if body.locator(".zone-picture").count():
        return "zone"
    if body.locator("input[type=checkbox]").count():
        return "QCM"
    if body.locator("input[type=radio]").count():
        return "QCU"
    return "QROC" if body.locator("input[type=text]").count() == 1 else "QROCM"


@pytest.mark.parametrize("device", VIEWPORTS)
def test_every_page_and_state_passes_axe(full_site, browser, device):
    site, broken = full_site
    context = browser.new_context(locale="fr-FR", viewport=VIEWPORTS[device])
    page = context.new_page()
    for path in PAGES:
        page.goto(site["url"] + path)
        check(page, f"{device} : {path}")

    page.goto(site["url"] + "test/index.html?competence=4.1")
    page.wait_for_selector(READY, timeout=60_000)
    check(page, f"{device} : accueil du test")
    page.click("#start-button")
    page.wait_for_selector("#question:not([hidden])")
    seen: set[str] = set()
    zoomed = False
    while page.is_visible("#question"):
        kind = kind_of(page)
        if kind not in seen:
            seen.add(kind)
            check(page, f"{device} : question {kind}")
        if not zoomed and page.locator("#question-body .zoom-open").count():
            page.click("#question-body .zoom-open")
            page.wait_for_selector("#zoom-dialog[open]")
            check(page, f"{device} : image agrandie")
            page.keyboard.press("Escape")
            zoomed = True
        number = question_number(page)
        page.click("#skip-button")
        wait_next(page, number)
    assert {"QCU", "QCM", "QROC"} <= seen
    assert zoomed
    page.wait_for_selector("#results:not([hidden])")
    check(page, f"{device} : résultats")
    page.click("text=Revoir les questions")
    check(page, f"{device} : résultats, revue ouverte")

    page.goto(site["url"] + "test/index.html?competence=2.1")
    page.wait_for_selector(READY, timeout=60_000)
    page.click("#start-button")
    page.wait_for_selector("#question:not([hidden]) .zone-picture img")
    check(page, f"{device} : question zone")
    page.click("#question-body .zoom-open")
    page.wait_for_selector("#zoom-dialog[open]")
    check(page, f"{device} : image de la question zone agrandie")

    page.goto(broken["url"] + "test/index.html?competence=4.1")
    page.wait_for_selector("#failure:not([hidden])", timeout=60_000)
    check(page, f"{device} : échec du démarrage")
    context.close()
