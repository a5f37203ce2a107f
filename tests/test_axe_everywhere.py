"""0 axe violations (WCAG 2.1 A and AA) on every page type and every state of the test, on a
desktop window and on a 390 px phone: pages, test intro, a question of each type the fixture
content has, the enlarged picture, the results, the review open and the failure screen."""

from __future__ import annotations

import shutil

import pytest
from axe_playwright_python.sync_playwright import Axe

from builder.build import build

from .conftest import FIXTURE_CONTENT, ROOT
from .support.browser import READY, answer_with_keyboard, fixed_dice, question_number, wait_next
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
    # Illustrated easy questions, so that a test of 4.1 meets one early.
    scams = content / "referential" / "4.1" / "arnaques.yaml"
    scams.write_text(scams.read_text(encoding="utf-8").replace(
        "type: QCU\n        consigne:", "type: QCU\n        illustration:\n"
        "          image: images/4.1-faux-message.svg\n"
        "          alt: Un SMS qui demande de payer 1,99 euro par un lien raccourci.\n"
        "        consigne:"), encoding="utf-8")
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

    seen: set[str] = set()
    # The questions depend on the answers and on the seeds the page draws: right answers lead to
    # harder questions, skips to easier ones. With fixed dice the path is the same on every run;
    # new tests (answering, then skipping, in both competences) until every type has been met.
    context.add_init_script(fixed_dice(7))
    plans = [("4.1", False), ("4.1", True), ("1.1", False), ("1.1", True)] * 3
    for competence, skipping in plans:
        if {"QCU", "QCM", "QROC", "zoomed"} <= seen:
            break
        page.goto(site["url"] + f"test/index.html?competence={competence}")
        page.wait_for_selector(READY, timeout=60_000)
        check(page, f"{device} : accueil du test")
        page.click("#restart-button" if page.is_visible("#restart-button") else "#start-button")
        page.wait_for_selector("#question:not([hidden])")
        while page.is_visible("#question"):
            kind = kind_of(page)
            if kind not in seen:
                seen.add(kind)
                check(page, f"{device} : question {kind}")
            if "zoomed" not in seen and page.locator("#question-body .illustration .zoom-open").count():
                seen.add("zoomed")
                page.click("#question-body .zoom-open")
                page.wait_for_selector("#zoom-dialog[open]")
                check(page, f"{device} : image agrandie")
                page.keyboard.press("Escape")
                page.wait_for_selector("#zoom-dialog", state="hidden")
            number = question_number(page)
            if skipping:
                page.click("#skip-button")
            else:
                answer_with_keyboard(page)
            wait_next(page, number)
    assert {"QCU", "QCM", "QROC", "zoomed"} <= seen, seen
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


def test_an_illustration_opens_enlarged_on_a_phone(full_site, browser):
    site, _broken = full_site
    context = browser.new_context(locale="fr-FR", viewport=VIEWPORTS["téléphone"], has_touch=True)
    context.add_init_script(fixed_dice(3))
    page = context.new_page()
    # The questions asked depend on the seeds (fixed here): new tests until one shows an illustration.
    for attempt in range(6):
        page.goto(site["url"] + "test/index.html?competence=4.1")
        page.wait_for_selector(READY, timeout=60_000)
        page.click("#start-button")
        page.wait_for_selector("#question:not([hidden])")
        while page.is_visible("#question") and not page.locator("#question-body .illustration img").count():
            number = question_number(page)
            page.click("#skip-button") if attempt % 2 == 0 else answer_with_keyboard(page)
            wait_next(page, number)
        if page.is_visible("#question"):
            break
    page.wait_for_function("() => document.querySelector('.illustration img').complete")
    # A tap on the picture opens it full screen, with its text alternative written out.
    page.locator(".illustration img").tap()
    page.wait_for_selector("#zoom-dialog[open]")
    box = page.locator(".zoom-scroller").bounding_box()
    assert box["width"] >= 380
    assert "1,99 euro" in page.text_content(".zoom-alt")
    assert page.evaluate("() => document.activeElement.textContent") == "Fermer"
    page.screenshot(path=str(ROOT / ".cache" / "zoom-phone.png"))
    width = page.locator(".zoom-picture").bounding_box()["width"]
    page.click(".zoom-in")
    page.click(".zoom-in")
    assert page.locator(".zoom-picture").bounding_box()["width"] > 1.8 * width
    assert "200" in page.text_content(".zoom-level")
    page.keyboard.press("-")
    assert "150" in page.text_content(".zoom-level")
    # The visible button closes it; the focus goes back to « Agrandir l'image ».
    page.click(".zoom-close")
    assert not page.is_visible("#zoom-dialog")
    page.wait_for_function("() => document.activeElement.classList.contains('zoom-open')")
    # From the keyboard: Enter on the button opens, Escape closes, the focus comes back.
    page.focus("#question-body .zoom-open")
    page.keyboard.press("Enter")
    page.wait_for_selector("#zoom-dialog[open]")
    page.keyboard.press("Escape")
    assert not page.is_visible("#zoom-dialog")
    page.wait_for_function("() => document.activeElement.classList.contains('zoom-open')")
    context.close()


def test_a_zone_picture_has_a_separate_zoom_that_answers_nothing(full_site, browser):
    site, _broken = full_site
    page = browser.new_page(viewport=VIEWPORTS["téléphone"])
    page.goto(site["url"] + "test/index.html?competence=2.1")
    page.wait_for_selector(READY, timeout=60_000)
    page.click("#start-button")
    page.wait_for_selector("#question:not([hidden]) .zone-picture img")
    page.click("#question-body .zoom-open")
    page.wait_for_selector("#zoom-dialog[open]")
    assert page.locator("#zoom-dialog .zone-overlay").count() == 0
    page.click(".zoom-picture")
    page.keyboard.press("Escape")
    assert page.locator("input[name=zone]:checked").count() == 0
    page.close()


def test_answer_rows_and_header_links_are_44_px_targets(full_site, browser):
    site, _broken = full_site
    page = browser.new_page(viewport=VIEWPORTS["téléphone"])
    page.goto(site["url"] + "test/index.html?competence=4.1")
    for link in page.locator("header a, footer a").all():
        box = link.bounding_box()
        assert box["height"] >= 44 and box["width"] >= 44, link.text_content()
    page.wait_for_selector(READY, timeout=60_000)
    page.click("#start-button")
    page.wait_for_selector("#question:not([hidden])")
    announced = page.text_content("#question-announce")
    assert announced.startswith("Question 1 — compétence 4.1") and "questions restantes" in announced
    while not page.locator("#question-body input[type=radio]").count():
        number = question_number(page)
        page.click("#skip-button")
        wait_next(page, number)
    row = page.locator("#question-body .choice").nth(1)
    row.scroll_into_view_if_needed()
    box = row.bounding_box()
    assert box["height"] >= 44
    # A tap at the row's far right edge, away from the radio and the words, chooses it.
    page.mouse.click(box["x"] + box["width"] - 3, box["y"] + box["height"] / 2)
    assert page.locator("#question-body .choice input").nth(1).is_checked()
    page.screenshot(path=str(ROOT / ".cache" / "question-phone.png"), full_page=True)
    number = question_number(page)
    page.click("#skip-button")
    wait_next(page, number)
    assert page.text_content("#question-announce").startswith(f"Question {number + 1} — ")
    page.close()


def tab_to(page, predicate: str, limit: int = 60) -> None:
    """Press Tab until the focused element matches ``predicate`` (a JS expression on ``a``)."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate(f"() => {{ const a = document.activeElement; return !!a && ({predicate}); }}"):
            return
    raise AssertionError(f"jamais atteint au clavier : {predicate}")


def test_keyboard_only_from_home_through_a_test_into_the_review(full_site, browser):
    site, _broken = full_site
    page = browser.new_page()
    page.goto(site["url"] + "index.html")
    tab_to(page, "a.textContent.includes('Passer le test') && a.textContent.includes('Sécuriser')")
    page.keyboard.press("Enter")
    page.wait_for_selector(READY, timeout=60_000)
    assert page.evaluate("() => document.activeElement.id") == "start-button"
    page.keyboard.press("Enter")
    page.wait_for_selector("#question:not([hidden])")
    answered = 0
    while page.is_visible("#question"):
        assert page.evaluate("() => document.activeElement.id") == "question-title"
        number = question_number(page)
        # From the heading, Tab reaches the answer (the zoom button first, when there is a picture).
        tab_to(page, "a.matches('#question-body input')")
        if page.evaluate("() => document.activeElement.type") in ("radio", "checkbox"):
            page.keyboard.press("Space")
        else:
            page.keyboard.type("médiathèque")
        page.keyboard.press("Enter")
        wait_next(page, number)
        answered += 1
        assert answered <= 30
    page.wait_for_selector("#results:not([hidden])")
    assert page.evaluate("() => document.activeElement.id") == "results-title"
    tab_to(page, "a.tagName === 'SUMMARY'")
    page.keyboard.press("Enter")
    assert page.locator(".review li").count() == answered
    page.close()
