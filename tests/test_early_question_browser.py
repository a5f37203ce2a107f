"""The first question before the engine is ready (static/early.js), in Debian Chromium.

The wasm is sent slowly (``trickle``), so that the engine is still downloading while the learner
starts, answers, or reloads: the early answer must reach the engine and the stored test.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

from axe_playwright_python.sync_playwright import Axe

from .support.browser import READY, answer_with_keyboard, question_number, stored, wait_next
from .support.server import serve_site

KEY = "competence:4.1"
SHOTS = os.environ.get("DIAGNUM_SHOTS")
SLOW_WASM = {".wasm": 15}  # seconds over which the wasm arrives


def new_page(browser, **options):
    context = browser.new_context(locale="fr-FR", viewport={"width": 1000, "height": 900},
                                  **options)
    errors: list[str] = []
    context.on("weberror", lambda e: errors.append(str(e.error)))
    page = context.new_page()
    page.script_errors = errors
    return page


def shot(page, name: str) -> None:
    if SHOTS:
        Path(SHOTS).mkdir(parents=True, exist_ok=True)
        page.screenshot(path=f"{SHOTS}/{name}.png", full_page=True)


def session(page) -> dict:
    return stored(page)["profiles"]["p1"]["sessions"][KEY]


def engine_ready(page) -> bool:
    return page.evaluate("() => !!document.body.dataset.engineReady")


def start_early(page, url: str) -> str:
    """Open the test, start before the engine is ready; return the shown question's id."""
    page.goto(url + "test/index.html?competence=4.1")
    page.wait_for_function("() => document.body.dataset.firstQuestions === 'ready'", timeout=30_000)
    assert not engine_ready(page)
    page.click("#start-button")
    page.wait_for_selector("#question:not([hidden]) #submit-button:not([disabled])")
    assert not engine_ready(page)
    assert question_number(page) == 1
    shown = session(page)["state"]
    assert shown["answers"] == [] and shown["pending"]
    return shown["pending"]


def answer_early(page, challenge: str) -> None:
    answer_with_keyboard(page)
    page.wait_for_function("() => document.body.dataset.earlyAnswer === 'kept'")
    assert not engine_ready(page), "le moteur est arrivé trop tôt pour ce test"
    kept = session(page)
    assert kept["early"]["challenge"] == challenge and kept["early"]["response"] is not None
    assert kept["state"]["answers"] == []


def test_first_question_answered_before_the_engine_is_ready_reaches_the_engine(built_site, browser):
    with serve_site(built_site, trickle=SLOW_WASM) as server:
        page = new_page(browser)
        challenge = start_early(page, server["url"])
        # The download bar: bytes received of bytes expected, in words, as a progressbar.
        page.wait_for_function(
            "() => document.getElementById('download-bar').hasAttribute('aria-valuemax')")
        bar = page.locator("#download-bar")
        assert bar.get_attribute("role") == "progressbar"
        words = page.text_content("#download-text")
        assert re.fullmatch(r"Téléchargement du test : \d+,\d Mo sur \d+,\d Mo", words), words
        assert int(bar.get_attribute("aria-valuenow")) <= int(bar.get_attribute("aria-valuemax"))
        assert bar.get_attribute("aria-valuetext") == words
        assert page.is_visible("#download") and page.is_visible("#question")
        answer_early(page, challenge)
        assert "Votre réponse est gardée" in page.text_content("#info-note")
        shot(page, "early-1-reponse-gardee")
        violations = Axe().run(page).violations_count
        assert violations == 0
        # The engine arrives: it gets the kept answer, and the second question is shown.
        page.wait_for_selector(READY, timeout=120_000)
        wait_next(page, 1)
        assert question_number(page) == 2
        assert not page.is_visible("#download")
        saved = session(page)
        assert "early" not in saved
        (answer,) = saved["state"]["answers"]
        assert answer["challenge"] == challenge and answer["status"] in ("ok", "ko")
        assert saved["state"]["pending"] and saved["state"]["pending"] != challenge
        shot(page, "early-2-question-suivante")
        page.context.close()
        assert not page.script_errors, page.script_errors


def test_a_reload_before_the_engine_is_ready_keeps_the_early_answer(built_site, browser):
    with serve_site(built_site, trickle=SLOW_WASM) as server:
        page = new_page(browser)
        challenge = start_early(page, server["url"])
        answer_early(page, challenge)
        page.reload()
        assert session(page)["early"]["challenge"] == challenge  # still stored after the reload
        page.wait_for_selector(READY, timeout=120_000)
        assert "1 réponse enregistrée" in page.text_content("#engine-status")
        page.click("#resume-button")
        page.wait_for_selector("#question:not([hidden])")
        page.wait_for_function("() => document.getElementById('question-title').textContent === 'Question 2'")
        saved = session(page)
        assert "early" not in saved
        assert [a["challenge"] for a in saved["state"]["answers"]] == [challenge]
        page.context.close()
        assert not page.script_errors, page.script_errors


RUNTIME = ("pyodide.asm.wasm", "python_stdlib.zip", "pyodide.asm.mjs", "pyodide.mjs")


def runtime_requests(server) -> dict[str, int]:
    names = [r.split("?")[0].rsplit("/", 1)[-1] for r in server["requests"]]
    counts = {name: names.count(name) for name in RUNTIME}
    counts["engine"] = sum(1 for r in server["requests"] if "/engine/" in r)
    return counts


def test_runtime_is_downloaded_once_and_a_retry_reuses_the_browser_cache(built_site, browser):
    """The page's preloads and the worker's own fetches share one download, and « Réessayer »
    (a reload) takes the versioned runtime files from the HTTP cache instead of the line."""
    with serve_site(built_site, precompressed=True) as server:
        # The offline copy is made after the engine is ready: not part of what this measures.
        page = new_page(browser, service_workers="block")
        page.goto(server["url"] + "test/index.html?competence=4.1")
        page.wait_for_selector(READY, timeout=120_000)
        first = runtime_requests(server)
        assert first == {**{name: 1 for name in RUNTIME}, "engine": 1}, first
        page.evaluate("() => document.getElementById('failure-retry').click()")
        page.wait_for_function("() => !document.body.dataset.engineReady")
        page.wait_for_selector(READY, timeout=120_000)
        assert runtime_requests(server) == first
        page.context.close()
        assert not page.script_errors, page.script_errors
