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


MEDIATOR_PASSPHRASE = "le jardin du centre social"


def new_mediator_space(page, url: str, passphrase: str = MEDIATOR_PASSPHRASE) -> None:
    """Open the mediator's page of the site at ``url`` and create its encrypted space."""
    page.goto(url + "mediateur/index.html")
    page.wait_for_function("() => document.body.dataset.mediatorReady === 'true'",
                           timeout=120_000)
    page.fill("#new-passphrase", passphrase)
    page.fill("#new-passphrase-again", passphrase)
    page.press("#new-passphrase-again", "Enter")
    page.wait_for_function("() => document.body.dataset.spaceOpen === 'true'", timeout=60_000)


def stored_mediator_space(page) -> str:
    """The mediator's space as IndexedDB holds it (to check that nothing readable is there)."""
    return page.evaluate("""() => new Promise((resolve) => {
        const open = indexedDB.open('diagnum-mediateur');
        open.onsuccess = () => {
          const get = open.result.transaction('coffre').objectStore('coffre').get('espace');
          get.onsuccess = () => resolve(JSON.stringify(get.result));
        };
    })""")


# A tab that already chose the profile "p1" (as after « Qui passe le test ? »): for tests that
# seed a test in progress and are not about choosing a profile.
CHOSE_P1 = "try { sessionStorage.setItem('diagnum.profil-choisi', 'p1'); } catch (e) {}"



def fixed_dice(seed: int) -> str:
    """An init script that makes the page's ``crypto.getRandomValues`` a seeded sequence.

    The questions a test asks depend on the seeds the page draws; with fixed dice a browser test
    takes the same path through the real engine on every run, instead of meeting a question type
    on most runs only. Each page load of the tab goes on with the next dice (a counter in the
    tab's session storage), so that new tests take new paths."""
    return (
        "(() => { let load = 0; try { load = Number(sessionStorage.getItem('test.dice')) || 0;"
        " sessionStorage.setItem('test.dice', String(load + 1)); } catch (e) {}"
        f" let s = ({seed} + Math.imul(load, 0x9E3779B9)) >>> 0 || 1;"
        " const real = crypto.getRandomValues.bind(crypto);"
        " crypto.getRandomValues = (array) => { if (!(array instanceof Uint32Array)) return real(array);"
        " for (let i = 0; i < array.length; i++) { s ^= s << 13; s >>>= 0; s ^= s >>> 17; s ^= s << 5;"
        " s >>>= 0; array[i] = s; } return array; }; })();")
