"""Helpers for browser tests: driving the test page and reading what it stored."""

from __future__ import annotations

import json

READY = "body[data-engine-ready]"


def answer_with_keyboard(page) -> None:
    """Answer the question on screen using only the keyboard (first option / a typed word)."""
    first = page.locator("#question-body input").first
    first.focus()
    if first.get_attribute("type") in ("radio", "checkbox"):
        page.keyboard.press("Space")
    else:
        for field in page.locator("#question-body input").all():
            field.focus()
            page.keyboard.type("médiathèque")
    page.keyboard.press("Enter")


def question_number(page) -> int:
    return int(page.text_content("#question-title").split()[-1])


def wait_next(page, number: int) -> None:
    page.wait_for_function(
        "n => !document.getElementById('results').hidden || "
        "document.getElementById('question-title').textContent !== 'Question ' + n", arg=number)


def stored(page) -> dict:
    return json.loads(page.evaluate("localStorage.getItem('diagnum')"))


# A tab that already chose the profile "p1" (as after « Qui passe le test ? »): for tests that
# seed a test in progress and are not about choosing a profile.
CHOSE_P1 = "try { sessionStorage.setItem('diagnum.profil-choisi', 'p1'); } catch (e) {}"
