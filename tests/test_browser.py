"""The site as a learner meets it: headless Debian Chromium, served from a sub-path."""

from __future__ import annotations

import shutil

from axe_playwright_python.sync_playwright import Axe

from .support.browser import READY, answer_with_keyboard, question_number, stored, wait_next
from .support.server import serve_site


def test_a_whole_competence_test_with_a_reload(site, page):
    page.goto(site["url"] + "index.html")
    assert page.locator("h1").first.text_content().startswith("Faites le point")
    page.get_by_role("link", name="Passer le test « Sécuriser l'environnement numérique »").click()
    page.wait_for_selector(READY, timeout=60_000)
    assert "Sécuriser l'environnement numérique" in page.text_content("#intro-subject")
    assert not page.is_visible("#resume-button") and not page.is_visible("#restart-button")
    assert page.evaluate("document.activeElement.id") == "start-button"
    page.click("#start-button")
    page.wait_for_selector("#question:not([hidden])")
    assert page.evaluate("document.activeElement.id") == "question-title"

    answered = 0
    reloaded = False
    while page.is_visible("#question"):
        number = question_number(page)
        assert number == answered + 1
        if answered == 3 and not reloaded:
            shown = page.inner_html("#instruction")
            saved = stored(page)["profiles"]["p1"]["sessions"]["competence:4.1"]["state"]
            assert len(saved["answers"]) == 3
            page.reload()
            page.wait_for_selector(READY, timeout=60_000)
            assert "3 réponses enregistrées" in page.text_content("#engine-status")
            page.click("#resume-button")
            page.wait_for_selector("#question:not([hidden])")
            assert question_number(page) == 4
            assert page.inner_html("#instruction") == shown
            reloaded = True
        answer_with_keyboard(page)
        wait_next(page, number)
        answered += 1
        assert answered <= 30
    assert reloaded
    page.wait_for_selector("#results:not([hidden])")
    text = page.text_content("#results")
    assert "Niveau" in text and "pix" in text
    data = stored(page)["profiles"]["p1"]
    assert data["sessions"] == {}
    (entry,) = data["history"]
    record = entry["record"]  # the engine's self-contained record, not a state to replay
    assert record["status"] == "finished" and len(record["answers"]) == answered
    assert record["competences"][0]["id"] == "4.1"
    assert record["started_at"] < record["finished_at"]
    page.click("text=Revoir les questions")
    assert page.locator(".review li").count() == answered


def test_empty_answer_is_refused_kindly_and_skip_works(site, page):
    page.goto(site["url"] + "test/index.html?competence=1.1")
    page.wait_for_selector(READY, timeout=60_000)
    page.click("#start-button")
    page.wait_for_selector("#question:not([hidden])")
    page.click("#submit-button")
    assert "Je passe" in page.text_content("#question-error")
    assert question_number(page) == 1
    page.click("#skip-button")
    wait_next(page, 1)
    saved = stored(page)["profiles"]["p1"]["sessions"]["competence:1.1"]["state"]
    assert saved["answers"][0]["status"] == "skipped"


def test_wrong_wasm_mime_type_still_boots(built_site, browser):
    """Cheap hosts serve .wasm as octet-stream: Pyodide alone would hang forever."""
    with serve_site(built_site, wasm_type="application/octet-stream") as server:
        page = browser.new_page()
        page.goto(server["url"] + "test/index.html?competence=4.1")
        page.wait_for_selector(READY, timeout=60_000)
        page.close()


def test_broken_engine_shows_a_french_error_not_a_spinner(built_site, tmp_path, browser):
    broken = tmp_path / "dist"
    shutil.copytree(built_site, broken)
    for zip_file in (broken / "engine").glob("*.zip"):
        zip_file.write_bytes(b"pas un zip")
    with serve_site(broken) as server:
        page = browser.new_page()
        page.goto(server["url"] + "test/index.html?competence=4.1")
        page.wait_for_selector("#failure:not([hidden])", timeout=60_000)
        assert "n'a pas pu démarrer" in page.text_content("#failure-body")
        assert not page.is_visible("#failure-body pre")  # the traceback stays folded away
        assert "Traceback" in page.text_content("#failure-body pre")
        page.close()


def test_corrupt_storage_is_set_aside_not_lost(site, page):
    page.goto(site["url"] + "index.html")
    page.evaluate("localStorage.setItem('diagnum', '{abîmé')")
    page.goto(site["url"] + "test/index.html?competence=4.1")
    page.wait_for_selector(READY, timeout=60_000)
    assert "endommagées" in page.text_content("#intro")
    keys = page.evaluate("Object.keys(localStorage)")
    backup = [k for k in keys if k.startswith("diagnum.endommage.")]
    assert len(backup) == 1
    assert page.evaluate(f"localStorage.getItem('{backup[0]}')") == "{abîmé"
    assert stored(page)["schema"] == 2


def test_pages_pass_axe(site, page):
    axe = Axe()
    options = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}}
    for path in ("index.html", "competences/4.1/index.html", "tutoriels/index.html",
                 "tutoriels/guide-arnaques/index.html", "a-propos/index.html"):
        page.goto(site["url"] + path)
        result = axe.run(page, options=options)
        assert result.violations_count == 0, f"{path}\n{result.generate_report()}"
    page.goto(site["url"] + "test/index.html?competence=4.1")
    page.wait_for_selector(READY, timeout=60_000)
    result = axe.run(page, options=options)
    assert result.violations_count == 0, result.generate_report()
    page.click("#start-button")
    page.wait_for_selector("#question:not([hidden])")
    while page.is_visible("#question"):
        result = axe.run(page, options=options)
        assert result.violations_count == 0, result.generate_report()
        number = question_number(page)
        page.click("#skip-button")
        wait_next(page, number)
    result = axe.run(page, options=options)
    assert result.violations_count == 0, result.generate_report()


def test_a_parcours_shows_mastery_stage_and_badge(site, page):
    page.goto(site["url"] + "index.html")
    page.get_by_role("link", name="Commencer ce parcours « L'essentiel »").click()
    page.wait_for_selector(READY, timeout=60_000)
    assert "L'essentiel" in page.text_content("#intro-subject")
    page.click("#start-button")
    page.wait_for_selector("#question:not([hidden])")
    while page.is_visible("#question"):
        number = question_number(page)
        page.click("#skip-button")
        wait_next(page, number)
        assert number < 10  # the parcours targets 5 skills
    text = page.text_content("#results")
    assert "Parcours « L'essentiel »" in text
    assert "Vous maîtrisez 0 %" in text and "palier 0 sur 1" in text and "Départ" in text
    assert "Badge « Prêt » : pas encore." in text

