"""« Mon espace » and the home page as a learner meets them, in Chromium from a sub-path: a test in
progress offered again, finished tests shown again from their records after a reload, the wheel
and its text alternative, next-level tutorials for a learner who got everything right, « Mes
tutos », a one-page printed summary, keyboard only from the end of a test, and axe."""

from __future__ import annotations

import json
import random
import re
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe

from engine import Assessment, load_referential
from engine.record import make_record

from .engine_suite.bank import correct_response, wrong_response
from .support.browser import READY, answer_with_keyboard, fixed_dice, question_number, wait_next
from .support.server import serve_site

AXE = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}}
SPACE = "mon-espace/index.html"
VIEWS_READY = "body[data-views-ready]"
TITLE_11 = "1.1 Mener une recherche et une veille d'information"
# An A4 page inside the print stylesheet's 12 mm margins, in CSS pixels (96 per inch).
A4_WIDTH_PX, A4_HEIGHT_PX = (210 - 24) / 25.4 * 96, (297 - 24) / 25.4 * 96
ROOT = Path(__file__).resolve().parent.parent


def play(ref, assessment, good):
    while (challenge := assessment.next_challenge()) is not None:
        assessment.answer(challenge.id, correct_response(challenge) if good(challenge)
                          else wrong_response(challenge))
    return assessment


def records(built_site: Path) -> dict[str, dict]:
    """Real records made by the engine on the built referential: a competence test of 4.1 where
    every answer was wrong (older) and the parcours « L'essentiel » all right (newer)."""
    ref = load_referential(built_site / "data" / "referential.json")
    wrong = play(ref, Assessment.start(ref, ["4.1"], seed=2), lambda c: False)
    right = play(ref, Assessment.start(ref, seed=5, profile="essentiel"), lambda c: True)
    return {
        "competence:4.1": make_record(ref, wrong, started_at="2026-11-02T09:00:00.000Z",
                                      finished_at="2026-11-02T09:10:00.000Z", status="finished"),
        "parcours:essentiel": make_record(ref, right, started_at="2026-12-01T14:00:00.000Z",
                                          finished_at="2026-12-01T14:20:00.000Z",
                                          status="finished"),
    }


def store(page, site, kept: dict[str, dict], name="Camille") -> None:
    """The learner's document (schema 2, learner.js) with these finished records."""
    history = [{"key": key, "savedAt": r["finished_at"], "record": r} for key, r in kept.items()]
    doc = {"schema": 2, "active": "p1", "profiles": {"p1": {
        "id": "p1", "name": name, "createdAt": "2026-11-01T08:00:00.000Z", "sessions": {},
        "history": history, "tutorials": {}}}}
    page.goto(site["url"] + "index.html")
    page.evaluate("doc => localStorage.setItem('diagnum', JSON.stringify(doc))", doc)


def axe_clean(page, label: str) -> None:
    result = Axe().run(page, options=AXE)
    assert result.violations_count == 0, f"{label}\n{result.generate_report()}"


def test_the_wheel_gives_the_latest_levels_and_says_them_in_text(site, page, built_site):
    kept = records(built_site)
    store(page, site, kept)
    page.goto(site["url"] + SPACE)
    assert "Camille" in page.text_content("#space-who")
    wheel = page.locator("#wheel svg[role=img]")
    assert "compétences mesurées sur 2" in wheel.locator("title").text_content()
    assert wheel.get_attribute("aria-describedby") == "levels-table"
    parcours = next(c for c in kept["parcours:essentiel"]["competences"] if c["id"] == "4.1")
    assert parcours["level"] == parcours["max_level"] == 3  # everything up to the cap validated
    row = page.locator("#levels-table tr[data-competence='4.1']")
    # The parcours is newer than the competence test (level 0): its capped level is kept.
    assert row.locator(".level-cell").text_content() == "au moins 3"
    assert "le 1 décembre 2026" in row.text_content()
    assert row.get_by_role("link").get_attribute("href").endswith("test/index.html?competence=4.1")
    sector = page.locator(".wheel-sector[data-competence='4.1']")
    assert sector.get_attribute("data-level") == "3"
    assert sector.locator(".wheel-fill").count() == 1
    assert sector.locator(".wheel-value").text_content() == "≥ 3"
    page.wait_for_selector(VIEWS_READY, timeout=60_000)
    page.locator("#wheel").screenshot(path=str(built_site.parent / "wheel.png"))
    axe_clean(page, "mon espace")


def test_a_learner_who_got_everything_right_is_told_what_to_learn_next(site, page, built_site):
    kept = records(built_site)
    store(page, site, {"parcours:essentiel": kept["parcours:essentiel"]})
    page.goto(site["url"] + SPACE)
    page.wait_for_selector(VIEWS_READY, timeout=60_000)
    card = page.locator(".test-item .result-card", has_text="1.1 Mener une recherche").first
    assert "Niveau 2 au moins" in card.locator(".result-headline").text_content()
    steps = card.locator(".next-steps").text_content()
    assert "Pour aller plus loin" in steps and "niveau 3" in steps
    tutorial = card.locator(".tutorial-item", has_text="Guide des mots cles")
    assert tutorial.locator("a").get_attribute("href").endswith("tutoriels/guide-mots-cles/index.html")
    assert "pour aller plus loin" in tutorial.text_content()
    # Bookmarked and marked as read: stored through learner.js, shown in « Mes tutos ».
    tutorial.get_by_role("button", name="Garder dans mes tutos : Guide des mots cles").click()
    page.wait_for_function("() => document.querySelectorAll('#tutos-list li').length === 1")
    page.locator("#tutos-list").get_by_role("button", name="Marquer comme lu : Guide des mots cles").click()
    page.wait_for_function("() => document.querySelector('#tutos-list li').textContent.includes('· lu')")
    page.reload()
    saved = page.locator("#tutos-list li")
    assert saved.count() == 1 and "Guide des mots cles" in saved.text_content()
    assert saved.get_by_role("button", name="Dans mes tutos : Guide des mots cles").get_attribute(
        "aria-pressed") == "true"
    marks = json.loads(page.evaluate("localStorage.getItem('diagnum')"))["profiles"]["p1"]["tutorials"]
    assert marks["guide-mots-cles"]["bookmarked"] and marks["guide-mots-cles"]["read"]


def pdf_pages(pdf: bytes) -> int:
    return len(re.findall(rb"/Type\s*/Page(?![s\w])", pdf))


def check_print(page, url: str, expected: tuple[str, ...]) -> None:
    """The space printed: one A4 page of summary, no navigation, no button."""
    page.goto(url)
    page.wait_for_selector(VIEWS_READY, timeout=90_000)
    assert page.get_by_role("button", name="Enregistrer en PDF ou imprimer").is_visible()
    assert page.is_hidden("#print-summary")
    page.set_viewport_size({"width": round(A4_WIDTH_PX), "height": 300})  # the content sets the height
    page.emulate_media(media="print")
    for hidden in ("nav", ".site-header", ".site-footer", "button", "#space-tests", "#wheel"):
        assert page.locator(hidden).first.is_hidden(), hidden
    summary = page.locator("#print-summary")
    assert summary.is_visible()
    text = summary.text_content()
    for words in expected:
        assert words in text, words
    height = page.evaluate("() => document.documentElement.scrollHeight")
    assert height <= A4_HEIGHT_PX, height
    assert pdf_pages(page.pdf(format="A4", print_background=True)) == 1


def test_the_printed_summary_is_one_page_without_menus_or_buttons(site, page, built_site):
    store(page, site, records(built_site))
    check_print(page, site["url"] + SPACE, (
        "Camille", "au moins 3", "À travailler ensuite",
        site["url"] + "tutoriels/guide-mots-cles/index.html"))  # the address, as text


@pytest.fixture(scope="module")
def bundled_site(tmp_path_factory) -> Path:
    from builder.build import build

    dist = tmp_path_factory.mktemp("bundled-space") / "dist"
    build(ROOT / "content", dist, ROOT, log=lambda _m: None)
    return dist


def test_the_16_competences_print_on_one_page(bundled_site, page):
    """The real content, every competence measured: the summary still fits one A4 page."""
    ref = load_referential(bundled_site / "data" / "referential.json")
    ids = [c.id for c in ref.competences]
    assert len(ids) == 16
    rng = random.Random(1)
    test = play(ref, Assessment.start(ref, ids, seed=1), lambda c: rng.random() < 0.5)
    record = make_record(ref, test, started_at="2026-11-01T09:00:00.000Z",
                         finished_at="2026-11-01T11:30:00.000Z", status="finished")
    with serve_site(bundled_site) as server:
        store(page, server, {"competence:" + ",".join(ids): record},
              name="Marie-Christine Dupont-Lefebvre")
        check_print(page, server["url"] + SPACE,
                    ("Marie-Christine Dupont-Lefebvre", "5.2 Construire un environnement numérique",
                     "Tutoriels recommandés", server["url"] + "tutoriels/"))


def test_a_learners_journey_home_test_results_space_by_keyboard(site, page):
    """Home offers the test in progress, then the last results; from the end of a test, the
    keyboard alone reaches « Mon espace », which shows the test again, also after a reload."""
    page.context.add_init_script(fixed_dice(5))  # the same questions on every run
    page.goto(site["url"] + "index.html")
    assert page.is_hidden("#learner-home")
    page.goto(site["url"] + "test/index.html?competence=1.1")
    page.wait_for_selector(READY, timeout=60_000)
    page.keyboard.press("Enter")  # the start button has the focus
    page.wait_for_selector("#question:not([hidden])")
    for _ in range(2):
        number = question_number(page)
        answer_with_keyboard(page)
        wait_next(page, number)

    page.goto(site["url"] + "index.html")
    resume = page.locator("#home-resume")
    text = resume.text_content()
    assert "Reprendre votre test" in text and TITLE_11 in text and "2 questions répondues" in text
    assert page.is_hidden("#home-last")
    axe_clean(page, "accueil avec un test en cours")
    page.get_by_role("link", name=f"Reprendre votre test : {TITLE_11}").click()
    page.wait_for_selector(READY, timeout=60_000)
    page.click("#resume-button")
    page.wait_for_selector("#question:not([hidden])")
    assert question_number(page) == 3
    while page.is_visible("#question"):
        number = question_number(page)
        answer_with_keyboard(page)
        wait_next(page, number)
    page.wait_for_selector("#results:not([hidden])")
    live = page.text_content("#results-body .result-headline")
    # A recommended tutorial kept from the results screen, by keyboard.
    keep = page.locator("#results-body .tuto-toggle").first
    name = keep.text_content().split(" : ", 1)[1]
    keep.focus()
    page.keyboard.press("Enter")
    assert keep.get_attribute("aria-pressed") == "true"
    page.locator("#results-title").focus()
    for _ in range(200):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.id") == "results-space":
            break
    else:
        raise AssertionError("« Voir mon espace » n'est pas atteignable au clavier")
    page.keyboard.press("Enter")
    page.wait_for_url("**/mon-espace/index.html")
    for attempt in range(2):
        page.wait_for_selector(VIEWS_READY, timeout=60_000)
        item = page.locator(".test-item").first
        assert TITLE_11 in item.locator("h3").text_content()
        assert item.locator(".result-headline").first.text_content() == live
        assert item.locator(".review li").count() > 0  # the review, from the record
        assert name in page.text_content("#tutos-list")
        if attempt == 0:
            axe_clean(page, "mon espace après un test")
            page.reload()

    page.goto(site["url"] + "index.html")
    assert page.is_hidden("#home-resume")
    last = page.text_content("#home-last")
    assert "Vos derniers résultats" in last and TITLE_11 in last and "niveau" in last
    axe_clean(page, "accueil avec des résultats")


def test_the_space_passes_axe_empty_and_on_a_phone(site, page, built_site):
    page.goto(site["url"] + SPACE)
    assert page.is_visible("#space-empty") and page.is_hidden("#print-button")
    axe_clean(page, "mon espace vide")
    store(page, site, records(built_site))
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(site["url"] + SPACE)
    page.wait_for_selector(VIEWS_READY, timeout=60_000)
    assert page.evaluate("() => document.documentElement.scrollWidth") <= 390
    axe_clean(page, "mon espace sur un téléphone")
    page.screenshot(path=str(built_site.parent / "space-phone.png"), full_page=True)
    page.goto(site["url"] + "index.html")
    assert page.is_visible("#home-last")
    axe_clean(page, "accueil sur un téléphone")


def test_erasing_from_the_space_offers_export_first_and_really_erases(site, page, built_site):
    store(page, site, records(built_site))
    page.goto(site["url"] + SPACE)
    page.get_by_role("button", name="J'ai fini, effacer mes données de cet ordinateur").click()
    dialog = page.locator("#erase-dialog")
    assert dialog.is_visible()
    assert dialog.get_by_role("button", name="Télécharger d'abord mes résultats").is_visible()
    dialog.get_by_role("button", name="Effacer définitivement").click()
    page.wait_for_selector("#space-empty:not([hidden])")
    assert page.evaluate("localStorage.getItem('diagnum')") in (None, "null") or not any(
        p["history"] for p in json.loads(page.evaluate("localStorage.getItem('diagnum')"))[
            "profiles"].values())
    assert page.is_hidden("#space-tests") and page.is_hidden("#space-profile")


def test_with_two_people_the_space_asks_who_before_showing_any_test(site, page, built_site):
    store(page, site, records(built_site))
    doc = json.loads(page.evaluate("localStorage.getItem('diagnum')"))
    doc["profiles"]["p2"] = {"id": "p2", "name": "Sami", "createdAt": "2026-11-05T08:00:00.000Z",
                             "sessions": {}, "history": [], "tutorials": {}}
    page.evaluate("doc => localStorage.setItem('diagnum', JSON.stringify(doc))", doc)
    page.goto(site["url"] + "index.html")
    assert "choisissez votre profil" in page.text_content("#learner-home")
    assert "Camille" not in page.text_content("main")
    page.goto(site["url"] + SPACE)
    assert "Qui êtes-vous" in page.text_content("#space-who")
    assert page.is_hidden("#space-tests") and page.is_hidden("#space-profile")
    axe_clean(page, "mon espace : qui êtes-vous ?")
    page.get_by_role("button", name="Je suis « Camille »").click()
    page.wait_for_selector("#space-tests:not([hidden])")
    assert "Camille" in page.text_content("#space-who")
    assert page.locator(".test-item").count() == 2
