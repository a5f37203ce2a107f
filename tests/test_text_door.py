"""Text never becomes markup: only builder-sanitised HTML goes through the page's one door.

An editor's accepted answer or a learner's typed answer that looks like HTML is shown as text in
the review; a proposal written in Markdown (code, ampersand) is shown as formatted text, not as
literal tags.
"""

from __future__ import annotations

import json
from pathlib import Path

from builder.build import build
from engine import load_referential
from engine.protocol import handle, handle_json

from .conftest import ROOT
from .support.browser import CHOSE_P1
from .support.server import serve_site

TUBE = "referential/4.1/mots-de-passe.yaml"
ATTACK = '<img src=x onerror="window.pwned=1">'


def poison(content: Path) -> None:
    path = content / TUBE
    text = path.read_text(encoding="utf-8")
    text = text.replace("        reponses: [médiathèque]",
                        f"        reponses: ['{ATTACK}', médiathèque]", 1)
    text = text.replace("""          - La réponse A
          - La réponse B
          - La réponse C
        reponse: 3""", """          - "La réponse `A` & co"
          - La réponse B
          - La réponse C
        reponse: 3""", 1)
    path.write_text(text, encoding="utf-8")


def test_the_wire_marks_html_and_leaves_everything_else_text(content_copy, tmp_path):
    poison(content_copy)
    dist = tmp_path / "dist"
    build(content_copy, dist, ROOT, log=lambda _m: None)
    bundle = json.loads((dist / "data/referential.json").read_text(encoding="utf-8"))
    handle({"type": "init", "referential": bundle})
    state = {"format": 1, "referential": bundle["version"], "seed": 1, "competences": ["4.1"],
             "skills": None, "profile": None,
             "config": {"min_questions": 2, "max_questions": 2},
             "answers": [{"challenge": "mots-de-passe-1b", "correct": False, "status": "ko",
                          "response": "<b>moi</b>"},
                         {"challenge": "mots-de-passe-2a", "correct": False, "status": "ko",
                          "response": "1"}],
             "closed": [], "pending": None}
    out = json.loads(handle_json(json.dumps({"type": "result", "state": state})))
    qroc, qcu = out["result"]["review"]
    assert qroc["solution"] == [ATTACK] and qroc["response"] == ["<b>moi</b>"]
    assert qroc["instruction"] == {"html": "<p>Écrivez le mot «&nbsp;médiathèque&nbsp;» (question "
                                           "mots-de-passe-1b).</p>\n"}
    assert qcu["response"] == [{"html": "La réponse <code>A</code> &amp; co"}]
    ref = load_referential(bundle)
    assert ref.challenges["mots-de-passe-2a"].proposals[0] == "La réponse <code>A</code> &amp; co"


def seed_session(page, version: str) -> None:
    doc = {"schema": 1, "active": "p1", "profiles": {"p1": {
        "id": "p1", "name": "Mon profil", "createdAt": "2026-12-01T10:00:00Z", "history": [],
        "sessions": {"competence:4.1": {
            "key": "competence:4.1", "startedAt": "2026-12-01T10:00:00Z",
            "updatedAt": "2026-12-01T10:05:00Z",
            "state": {"format": 1, "referential": version, "seed": 1, "competences": ["4.1"],
                      "skills": None, "profile": None,
                      "config": {"min_questions": 2, "max_questions": 2},
                      "answers": [{"challenge": "mots-de-passe-1b", "correct": False,
                                   "status": "ko", "response": "<b>moi</b>"},
                                  {"challenge": "mots-de-passe-2a", "correct": False,
                                   "status": "ko", "response": "1"}],
                      "closed": [], "pending": None}}}}}}
    page.evaluate("doc => localStorage.setItem('diagnum', JSON.stringify(doc))", doc)


def test_the_review_shows_answers_as_text_and_proposals_as_formatted_text(
        content_copy, tmp_path, browser):
    poison(content_copy)
    dist = tmp_path / "dist"
    build(content_copy, dist, ROOT, log=lambda _m: None)
    version = json.loads((dist / "data/referential.json").read_text(encoding="utf-8"))["version"]
    context = browser.new_context(locale="fr-FR")
    context.add_init_script(CHOSE_P1)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    try:
        with serve_site(dist) as server:
            url = server["url"] + "test/index.html?competence=4.1"
            page.goto(url)
            seed_session(page, version)
            page.goto(url)
            page.wait_for_selector("#resume-button:not([hidden])", timeout=90_000)
            page.click("#resume-button")
            page.wait_for_selector("#results:not([hidden])", timeout=30_000)
            page.click("text=Revoir les questions")
            review = page.locator(".review")
            text = review.text_content()
            assert ATTACK in text and "<b>moi</b>" in text
            assert review.locator("img").count() == 0 and review.locator("b").count() == 0
            assert review.locator("code", has_text="A").count() >= 1
            assert "&amp;" not in text and "<code>" not in text
            assert page.evaluate("window.pwned") is None
            # The door itself refuses a plain string.
            refused = page.evaluate("""async () => {
                const dom = await import(new URL('../static/dom.js', location.href).href);
                try { dom.markup('<img src=x>'); return false; } catch (e) { return true; }
            }""")
            assert refused
    finally:
        context.close()
    assert not errors, errors
