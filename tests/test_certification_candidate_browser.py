"""The candidate's page of a « certification blanche », in Chromium from a sub-path, on the real
content (a copy where competence 1.1's challenges are timed): an eligible learner (records made by
the engine) joins with a session code and the room word, sits the session by keyboard with no
correction, a timed question runs out, a reload resumes, the proctor pauses, notes and ends, and
the file downloaded validates; an ineligible learner is told why. axe at 1280 and 390 px."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe

from certification import candidate_file
from engine import Assessment, load_referential
from engine.record import make_record

from .support.browser import answer_with_keyboard, fixed_dice
from .support.server import serve_site
from .test_space_browser import play, records, store

ROOT = Path(__file__).resolve().parent.parent
AXE = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}}
PAGE = "certification/index.html"
READY = "body[data-engine-ready]"
TIMED = 30   # seconds, on every challenge of 1.1 in this copy of the content
ELIGIBLE = ["1.1", "1.2", "2.1", "4.1", "5.1"]


@pytest.fixture(scope="module")
def timed_site(tmp_path_factory) -> Path:
    """The real content, competence 1.1's challenges timed (temps_limite), built once."""
    from builder.build import build

    base = tmp_path_factory.mktemp("certification")
    content = base / "content"
    shutil.copytree(ROOT / "content", content)
    for path in (content / "referential" / "1.1").glob("*.yaml"):
        text = path.read_text(encoding="utf-8")
        path.write_text(re.sub(r"^(\s+)(type: .+\n)", rf"\1\2\1temps_limite: {TIMED}\n", text,
                               flags=re.M), encoding="utf-8")
    dist = base / "dist"
    build(content, dist, ROOT, log=lambda _m: None, precompress=False)
    return dist


def eligible_record(dist: Path) -> dict:
    """Five competences answered right by the real engine: level ≥ 1 in each."""
    ref = load_referential(dist / "data" / "referential.json")
    test = play(ref, Assessment.start(ref, ELIGIBLE, seed=11), lambda c: True)
    return make_record(ref, test, started_at="2026-11-20T09:00:00.000Z",
                       finished_at="2026-11-20T10:00:00.000Z", status="finished")


def axe_clean(page, label: str) -> None:
    result = Axe().run(page, options=AXE)
    assert result.violations_count == 0, f"{label}\n{result.generate_report()}"


def both_widths(page, label: str, shots: Path | None = None) -> None:
    """axe at 1280 px and at 390 px (no sideways scrolling on a phone)."""
    for width, height in ((1280, 900), (390, 844)):
        page.set_viewport_size({"width": width, "height": height})
        axe_clean(page, f"{label} ({width} px)")
        assert page.evaluate("() => document.documentElement.scrollWidth") <= width, label
        if shots:
            page.screenshot(path=str(shots / f"cert-{label.replace(' ', '-')}-{width}.png"),
                            full_page=True)
    page.set_viewport_size({"width": 1280, "height": 900})


def stored_cert(page) -> dict:
    doc = json.loads(page.evaluate("() => localStorage.getItem('diagnum')"))
    return doc["profiles"]["p1"]["certification"]


def title(page) -> str:
    return page.text_content("#cert-q-title")


def wait_title(page, text: str) -> None:
    page.wait_for_function("t => document.getElementById('cert-q-title').textContent === t "
                           "&& !document.getElementById('cert-question').hidden", arg=text)


def proctor(page, code: str, action: str | None = None, note: str = "") -> None:
    """The proctor, by keyboard: the button, the code, an action, Entrée."""
    button = "#cert-paused-proctor" if page.is_visible("#cert-paused") else "#cert-proctor"
    page.focus(button)
    page.keyboard.press("Enter")
    page.wait_for_function("() => document.activeElement.id === 'proctor-code'")
    page.keyboard.type(code)
    if action:
        page.focus(f"#proctor-{action}")
        page.keyboard.press("Space")
    if note:
        page.focus("#proctor-text")
        page.keyboard.type(note)
    page.focus("#proctor-code")
    page.keyboard.press("Enter")


def test_an_eligible_learner_sits_a_whole_session(browser, timed_site):
    shots = timed_site.parent
    record = eligible_record(timed_site)
    context = browser.new_context(locale="fr-FR", viewport={"width": 1280, "height": 900},
                                  accept_downloads=True)
    context.add_init_script(fixed_dice(12))
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.clock.install()   # time runs as usual; fast_forward makes a timed question run out
    with serve_site(timed_site) as site:
        store(page, site, {"competence:" + ",".join(ELIGIBLE): record})
        # « Mon espace » links to the page.
        page.goto(site["url"] + "mon-espace/index.html")
        page.get_by_role("link", name="Passer une certification blanche").click()
        page.wait_for_url("**/" + PAGE)
        assert "ce n'est pas une certification Pix" in page.text_content("#cert-intro").replace(
            "Ce n'est", "ce n'est")
        page.wait_for_selector(READY, timeout=90_000)
        both_widths(page, "accueil", shots)
        assert page.is_checked("#cert-who-0")           # the only profile, chosen already
        page.focus("#cert-who-submit")
        page.keyboard.press("Enter")
        page.wait_for_selector("#cert-join:not([hidden])")
        assert "5 compétences : 15 questions" in page.text_content("#cert-join-text")
        assert page.input_value("#cert-name") == "Camille"
        # Wrong code, no room word: both said at once, the first field gets the focus.
        page.fill("#cert-code", "BKRA47")
        page.fill("#cert-name", "Camille Martin")
        page.focus("#cert-join-submit")
        page.keyboard.press("Enter")
        page.wait_for_selector("#cert-code-error:not([hidden])")
        assert "4 lettres puis 2 chiffres" in page.text_content("#cert-code-error")
        assert "mot que la personne qui surveille" in page.text_content("#cert-word-error")
        assert page.evaluate("() => document.activeElement.id") == "cert-code"
        both_widths(page, "rejoindre erreurs", shots)
        page.fill("#cert-code", "bkrt 47")
        page.fill("#cert-word", "tilleul")
        page.focus("#cert-join-submit")
        page.keyboard.press("Enter")

        # Question 1 (competence 1.1, the hardest level first): timed, no answer, time runs out.
        wait_title(page, "Question 1")
        assert page.text_content("#cert-progress").startswith("Question 1 sur 15")
        timer = page.locator("#cert-timer")
        assert timer.is_visible() and timer.get_attribute("role") == "timer"
        assert timer.get_attribute("aria-live") is None   # not read out every second
        assert re.fullmatch(r"Temps restant : (30|[12]\d) s", timer.text_content())
        assert "chronométrée" in page.text_content("#cert-announce")
        assert page.evaluate("() => document.activeElement.id") == "cert-q-title"
        assert page.is_visible("#cert-proctor")
        assert page.is_hidden("nav[aria-label='Menu principal']") and page.is_hidden("footer")
        both_widths(page, "question chronometree", shots)
        # Full screen, offered and reachable by keyboard (the Fullscreen API).
        page.focus("#cert-fullscreen")
        page.keyboard.press("Enter")
        page.wait_for_function("() => document.fullscreenElement !== null && document"
                               ".getElementById('cert-fullscreen').textContent === 'Quitter le plein écran'")
        page.keyboard.press("Enter")
        page.wait_for_function("() => document.fullscreenElement === null && document"
                               ".getElementById('cert-fullscreen').textContent === 'Plein écran'")
        page.clock.fast_forward(TIMED * 1000 + 1500)
        wait_title(page, "Question 2")
        assert "temps de la question précédente était écoulé" in page.text_content("#cert-announce")
        first = stored_cert(page)["state"]["answers"][0]
        assert first["response"] is None and first["timed_out"]
        assert first["seconds"] >= TIMED
        # No correction on screen, ever.
        assert "Bonne réponse" not in page.text_content("body")

        answer_with_keyboard(page)
        wait_title(page, "Question 3")
        # A reload resumes where it was: the same question, the answers kept.
        page.reload()
        wait_title(page, "Question 3")
        assert len(stored_cert(page)["state"]["answers"]) == 2

        # The proctor pauses: the question is hidden, the timer stopped.
        proctor(page, "482913")
        page.wait_for_selector("#cert-paused:not([hidden])")
        assert page.is_hidden("#cert-question")
        assert page.evaluate("() => document.activeElement.id") == "cert-paused-title"
        paused_at = stored_cert(page)["question"]["pausedAt"]
        assert paused_at
        both_widths(page, "pause", shots)
        page.reload()                                   # still paused after a reload
        page.wait_for_selector("#cert-paused:not([hidden])", timeout=90_000)
        page.focus("#cert-paused-proctor")
        page.keyboard.press("Enter")
        page.wait_for_function("() => document.activeElement.id === 'proctor-code'")
        assert page.is_checked("#proctor-resume") and page.is_hidden("#proctor-pause-choice")
        axe_clean(page, "dialogue du surveillant")
        page.screenshot(path=str(shots / "cert-surveillant.png"))
        page.keyboard.press("Enter")                    # no code: refused, said
        page.wait_for_selector("#proctor-error:not([hidden])")
        assert "code du surveillant" in page.text_content("#proctor-error")
        page.keyboard.type("482913")
        page.keyboard.press("Enter")
        wait_title(page, "Question 3")
        proctor(page, "482913", "note", note="Bruit dans la salle, 2 minutes")
        page.wait_for_function("() => document.activeElement.id === 'cert-proctor'")
        for number in (3, 4, 5):
            wait_title(page, f"Question {number}")
            answer_with_keyboard(page)
        wait_title(page, "Question 6")
        proctor(page, "48291", "end")                    # a mistyped code is kept as typed
        page.wait_for_selector("#cert-done:not([hidden])")
        done = page.text_content("#cert-done")
        assert "Aucun score n'est affiché ici" in done and "5 réponses enregistrées" in done
        assert "ce n'est pas une certification Pix" in done
        assert page.evaluate("() => document.activeElement.id") == "cert-done-title"
        page.wait_for_selector("#cert-qr > *")
        both_widths(page, "fin", shots)
        with page.expect_download() as info:
            page.focus("#cert-download")
            page.keyboard.press("Enter")
        download = info.value
        assert download.suggested_filename == "certification-blanche-BKRT47-camille-martin.json"
        data = json.loads(Path(download.path()).read_text(encoding="utf-8"))
        # Back on the page later: the finished session's file can be downloaded again.
        page.goto(site["url"] + PAGE)
        page.wait_for_selector(READY, timeout=90_000)
        page.focus("#cert-who-submit")
        page.keyboard.press("Enter")
        page.wait_for_selector("#cert-last:not([hidden])")
        assert "Session BKRT47" in page.text_content("#cert-last-text")
        page.focus("#cert-last-show")
        page.keyboard.press("Enter")
        page.wait_for_selector("#cert-done:not([hidden])")
        assert "5 réponses enregistrées" in page.text_content("#cert-done-text")
    context.close()
    assert not errors, errors
    assert candidate_file.validate(data) == []
    assert data["session"] == "BKRT47" and data["room_word"] == "tilleul"
    assert data["candidate"] == {"name": "Camille Martin"}
    assert data["profile"]["competences"] == record["competences"]
    assert [e["action"] for e in data["proctor_events"]] == ["pause", "resume", "note", "end"]
    assert [e["code"] for e in data["proctor_events"]] == ["482913"] * 3 + ["48291"]
    assert data["proctor_events"][2]["note"] == "Bruit dans la salle, 2 minutes"
    assert len(data["asked"]) == 5 and data["asked"][0]["timed_out"]
    assert all(a["response"] is not None for a in data["asked"][1:])
    seen = {a["challenge"] for a in record["answers"]}
    assert not seen & {a["challenge"] for a in data["asked"]}   # variants, never a seen one
    assert "correct" not in json.dumps(data["asked"])
    ref = load_referential(timed_site / "data" / "referential.json")
    assert candidate_file.asked_as_chosen(ref, data) == []     # drawn by the session, not by hand
    assert all(ref.challenges[a["challenge"]].time_limit == TIMED for a in data["asked"][:3])


def test_an_ineligible_learner_is_told_why(site, page, built_site):
    store(page, site, records(built_site))     # two competences measured only
    page.goto(site["url"] + PAGE)
    page.wait_for_selector(READY, timeout=90_000)
    page.focus("#cert-who-0")
    page.keyboard.press("Space")
    page.focus("#cert-who-submit")
    page.keyboard.press("Enter")
    page.wait_for_selector("#cert-ineligible:not([hidden])")
    text = page.text_content("#cert-ineligible")
    assert "au moins 5 compétences au niveau 1 ou plus" in text
    assert "ce profil en a 1" in text or "ce profil en a 2" in text
    assert "4.1" in text
    assert page.is_hidden("#cert-join")
    assert page.evaluate("() => document.activeElement.id") == "cert-ineligible-title"
    both_widths(page, "non eligible", built_site.parent)
