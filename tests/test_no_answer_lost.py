"""No answer is ever lost (issue 7 § 4): full storage, two tabs, damaged documents, content
updated on the server, a worker that dies, a runtime file that answers 404, a slow boot.

Each test drives the real site in Debian Chromium with real Pyodide. Test-only instrumentation
goes through ``context.add_init_script`` (a Storage that refuses writes, a Worker wrapper that can
delay or terminate the worker): nothing in the site's code exists for the tests.
"""

from __future__ import annotations

import json
import os
import shutil
import time
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe

from builder.build import build

from .conftest import FIXTURE_CONTENT, INSECURE_HOST, ROOT, insecure_url
from .support.browser import CHOSE_P1, READY, question_number, stored, wait_next
from .support.server import serve_site

KEY = "competence:4.1"
AXE_OPTIONS = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}}
SHOTS = os.environ.get("DIAGNUM_SHOTS")  # a folder: screenshots of each new state, to look at

# A localStorage that refuses writes beyond `limit` characters in total (null: refuses them all),
# like a full quota; counts the attempts so that a test can see saving is retried.
QUOTA_SCRIPT = """
(() => {
  const limit = %s;
  const realSet = Storage.prototype.setItem;
  window.__setAttempts = 0;
  Storage.prototype.setItem = function (key, value) {
    window.__setAttempts += 1;
    let total = String(key).length + String(value).length;
    for (let i = 0; i < this.length; i++) {
      const k = this.key(i);
      if (k !== key) total += k.length + this.getItem(k).length;
    }
    if (limit === null || total > limit) {
      throw new DOMException("Quota simulé dépassé", "QuotaExceededError");
    }
    return realSet.call(this, key, value);
  };
})();
"""

# Keeps every Worker the page creates (to terminate one) and can delay its messages to the page
# (to make two tabs answer "at the same moment").
WORKER_SPY = """
(() => {
  const Real = window.Worker;
  window.__workers = [];
  window.__delay = 0;
  window.Worker = class extends Real {
    constructor(...args) { super(...args); window.__workers.push(this); }
    set onmessage(fn) {
      super.onmessage = (event) => window.__delay ? setTimeout(() => fn(event), window.__delay) : fn(event);
    }
    get onmessage() { return super.onmessage; }
  };
})();
"""

# A fixed seed (2: the fixture's competence 1.1 then starts with a typed question).
FIXED_SEED = "Crypto.prototype.getRandomValues = function (a) { a.fill(2); return a; };"

# A tab that does not hear the other tabs (as when the storage event has not arrived yet).
DEAF_TO_OTHER_TABS = "window.addEventListener('storage', (e) => e.stopImmediatePropagation(), true);"


def shot(page, name: str) -> None:
    if SHOTS:
        Path(SHOTS).mkdir(parents=True, exist_ok=True)
        page.screenshot(path=f"{SHOTS}/{name}.png", full_page=True)


def assert_axe_clean(page) -> None:
    result = Axe().run(page, options=AXE_OPTIONS)
    assert result.violations_count == 0, result.generate_report()


def new_page(browser, *scripts: str, service_workers: str = "allow"):
    """A page in a fresh French context; close it with close() to check no script failed."""
    context = browser.new_context(locale="fr-FR", viewport={"width": 1000, "height": 900},
                                  service_workers=service_workers)
    errors: list[str] = []
    context.on("weberror", lambda e: errors.append(str(e.error)))
    context.script_errors = errors
    context.add_init_script(CHOSE_P1)  # these tests are about one person's test
    for script in scripts:
        context.add_init_script(script)
    return context.new_page()


def close(page) -> None:
    errors = page.context.script_errors
    page.context.close()
    assert not errors, errors


def start(page, url: str) -> None:
    page.goto(url)
    page.wait_for_selector(READY, timeout=60_000)
    page.click("#start-button")
    page.wait_for_selector("#question:not([hidden])")


def skip(page) -> None:
    number = question_number(page)
    page.click("#skip-button")
    wait_next(page, number)


def session_state(page) -> dict:
    return stored(page)["profiles"]["p1"]["sessions"][KEY]["state"]


def finished_entry(n: int, size: int) -> dict:
    """A finished test of another competence, `size` characters of answers."""
    state = {"format": 1, "referential": "ancien", "seed": n, "competences": ["1.1"],
             "skills": None, "profile": None, "config": {}, "closed": ["1.1"], "pending": None,
             "answers": [{"challenge": "mots-cles-1b", "correct": False, "status": "recorded",
                          "response": "x" * size}]}
    return {"key": "competence:1.1", "status": "termine", "finishedAt": f"2026-0{n}-01T10:00:00Z",
            "state": state, "summary": {"pix": n, "competences": []}}


# ------------------------------------------------------------------ 1. storage that fails
def test_a_full_storage_stays_on_screen_is_retried_and_space_can_be_freed(site, browser):
    """Quota full: the message stays, each answer retries, freeing old finished tests works."""
    url = site["url"] + "test/index.html?competence=4.1"
    interrupted = {**finished_entry(9, 10), "status": "remplace", "endedAt": "2026-09-02T10:00:00Z"}
    del interrupted["finishedAt"], interrupted["summary"]
    history = [finished_entry(1, 19_000), finished_entry(2, 19_000), interrupted,
               finished_entry(3, 19_000)]
    document = {"schema": 1, "active": "p1", "profiles": {"p1": {
        "id": "p1", "name": "Mon profil", "createdAt": "2026-01-01T00:00:00Z", "sessions": {},
        "history": history}}}
    # Room for what is stored now, not for a test in progress on top.
    page = new_page(browser, QUOTA_SCRIPT % (len(json.dumps(document)) + 300))
    page.goto(site["url"] + "index.html")
    page.evaluate("d => localStorage.setItem('diagnum', JSON.stringify(d))", document)
    start(page, url)
    # ~58 000 characters stored: the new session does not fit.
    assert page.is_visible("#save-alert")
    assert "3 tests terminés" in page.text_content("#save-alert")
    assert KEY not in stored(page)["profiles"]["p1"]["sessions"]
    shot(page, "1-stockage-plein")
    assert_axe_clean(page)
    attempts = page.evaluate("window.__setAttempts")
    skip(page)
    skip(page)
    assert page.is_visible("#save-alert"), "the message must stay until the learner acts"
    assert page.evaluate("window.__setAttempts") >= attempts + 2, "saving is retried after each answer"

    page.click("#save-free")
    dialog = page.get_by_role("dialog", name="Libérer de la place ?")
    assert dialog.is_visible()
    assert "3 tests terminés" in dialog.text_content() and "au plus 3" in dialog.text_content()
    shot(page, "1-liberer-de-la-place")
    assert_axe_clean(page)
    page.keyboard.press("Escape")  # cancelling removes nothing
    assert not dialog.is_visible()
    assert len(stored(page)["profiles"]["p1"]["history"]) == 4
    page.click("#save-free")
    page.click("#free-confirm")
    page.wait_for_selector("#save-alert", state="hidden")
    assert "1 test terminé a été supprimé" in page.text_content("#info-note")
    data = stored(page)["profiles"]["p1"]
    assert len(data["sessions"][KEY]["state"]["answers"]) == 2  # nothing lost meanwhile
    # Only the oldest finished test went; the interrupted one is never removed.
    assert [h["state"]["seed"] for h in data["history"]] == [2, 9, 3]
    assert all(h["legacy"] for h in data["history"])  # schema 1 entries migrated, kept as they were
    skip(page)
    assert len(session_state(page)["answers"]) == 3
    close(page)


def test_storage_that_refuses_everything_lets_the_learner_go_on_unsaved_knowingly(site, browser):
    page = new_page(browser, QUOTA_SCRIPT % "null", FIXED_SEED)
    start(page, site["url"] + "test/index.html?competence=1.1")
    assert page.is_visible("#save-alert")
    assert not page.is_visible("#save-free")  # no finished test to remove
    # A typed question (fixed seed): typed answers are limited in length.
    fields = page.locator("#question-body input[type=text]")
    assert fields.count(), "no typed question met"
    for field in fields.all():
        assert field.get_attribute("maxlength") == "500"
        field.fill("a" * 600)
        assert len(field.input_value()) == 500
    page.click("#submit-button")
    wait_next(page, 1)
    assert page.is_visible("#save-alert")
    page.get_by_role("button", name="Continuer sans enregistrer").click()
    assert not page.is_visible("#save-alert")
    banner = page.locator("#unsaved-banner")
    assert banner.is_visible()
    assert "Vos réponses ne sont pas enregistrées" in banner.text_content()
    skip(page)
    assert banner.is_visible(), "the banner stays for the whole test"
    shot(page, "1-sans-enregistrer")
    assert_axe_clean(page)
    close(page)


# ------------------------------------------------------------------ 2. a second tab's « Commencer »
def test_a_second_tab_asks_before_replacing_a_test_in_progress(site, browser):
    url = site["url"] + "test/index.html?competence=4.1"
    first = new_page(browser)
    first.goto(url, wait_until="commit")
    second = first.context.new_page()
    second.add_init_script(DEAF_TO_OTHER_TABS)
    second.goto(url)  # both tabs boot at the same time
    for tab in (first, second):
        tab.wait_for_selector(READY, timeout=60_000)
    assert second.is_visible("#start-button")  # nothing stored yet
    first.click("#start-button")
    first.wait_for_selector("#question:not([hidden])")
    skip(first)
    skip(first)
    before = session_state(first)

    second.click("#start-button")
    dialog = second.get_by_role("dialog", name="Un test est déjà en cours")
    assert dialog.is_visible()
    assert "2 réponses" in dialog.text_content()
    assert second.evaluate("document.activeElement.id") == "replace-resume"
    shot(second, "2-remplacer")
    assert_axe_clean(second)
    second.keyboard.press("Escape")
    assert not dialog.is_visible()
    assert session_state(second) == before
    # With the keyboard only: Tab to « Commencer un nouveau test », Enter.
    second.click("#start-button")
    second.keyboard.press("Tab")
    assert second.evaluate("document.activeElement.id") == "replace-confirm"
    second.keyboard.press("Enter")
    second.wait_for_selector("#question:not([hidden])")
    assert question_number(second) == 1
    data = stored(second)["profiles"]["p1"]
    (entry,) = data["history"]
    # Kept as the engine's record of it, status « replaced », with every answer as it was.
    assert entry["key"] == KEY and entry["record"]["status"] == "replaced"
    assert entry["record"]["seed"] == before["seed"]
    assert [a["challenge"] for a in entry["record"]["answers"]] == [
        a["challenge"] for a in before["answers"]]
    assert data["sessions"][KEY]["state"]["seed"] != before["seed"]
    # The first tab hears of it (storage event) and follows by itself, without a click.
    first.wait_for_function("() => document.getElementById('question-title').textContent === 'Question 1'")
    assert "remplacé par un nouveau test dans un autre onglet" in first.text_content("#info-note")
    assert first.inner_html("#instruction") == second.inner_html("#instruction")
    shot(first, "2-suivi-autre-onglet")
    assert_axe_clean(first)
    close(first)


# ------------------------------------------------------------------ 3. two tabs, one question
@pytest.fixture(params=["secure", "plain-http"])
def origin(request, site, browser, insecure_browser):
    """The site on 127.0.0.1 (a secure context, with Web Locks) or on a plain-HTTP host name."""
    if request.param == "secure":
        return browser, site["url"]
    return insecure_browser, insecure_url(site["url"])


def test_two_tabs_answering_at_the_same_moment_one_answer_wins(origin):
    browser, base = origin
    url = base + "test/index.html?competence=4.1"
    one = new_page(browser, WORKER_SPY)
    start(one, url)
    skip(one)
    two = one.context.new_page()
    two.goto(url)
    two.wait_for_selector(READY, timeout=60_000)
    two.click("#resume-button")
    two.wait_for_selector("#question:not([hidden])")
    assert question_number(two) == question_number(one) == 2
    secure = INSECURE_HOST not in base
    assert one.evaluate("!!navigator.locks") is secure
    assert one.evaluate("window.isSecureContext") is secure
    # Both engines answer late, so that both tabs answer question 2 before either saves.
    for tab in (one, two):
        tab.evaluate("window.__delay = 400")
    one.click("#skip-button")
    two.click("#skip-button")
    for tab in (one, two):
        tab.wait_for_function("() => document.getElementById('question-title').textContent === 'Question 3'")
    told = [tab for tab in (one, two) if tab.is_visible("#question-error")
            and "autre onglet" in tab.text_content("#question-error")]
    assert len(told) == 1, "exactly one tab is told its answer did not count"
    assert len(session_state(one)["answers"]) == 2
    assert one.inner_html("#instruction") == two.inner_html("#instruction")
    if secure:
        shot(told[0], "3-reponse-dans-un-autre-onglet")
        assert_axe_clean(told[0])
    close(one)


# ------------------------------------------------------------------ 4. damaged documents
VALID_STATE = {"format": 1, "referential": "x", "seed": 1, "competences": ["4.1"], "skills": None,
               "profile": None, "config": {}, "closed": [], "pending": None, "answers": []}
SESSION = {"key": KEY, "startedAt": "t", "updatedAt": "t", "state": VALID_STATE}


def document_with(profile_changes: dict) -> dict:
    profile = {"id": "p1", "name": "Mon profil", "createdAt": "t", "sessions": {KEY: SESSION},
               "history": [], **profile_changes}
    return {"schema": 1, "active": "p1", "profiles": {"p1": profile}}


DAMAGED = {
    "une session null": document_with({"sessions": {KEY: None}}),
    "sessions en liste": document_with({"sessions": []}),
    "un état en texte": document_with({"sessions": {KEY: {**SESSION, "state": "abc"}}}),
    "des réponses qui ne sont pas une liste": document_with(
        {"sessions": {KEY: {**SESSION, "state": {**VALID_STATE, "answers": {"0": 1}}}}}),
    "une réponse sans épreuve": document_with(
        {"sessions": {KEY: {**SESSION, "state": {**VALID_STATE, "answers": [{"correct": True}]}}}}),
    "un historique incomplet": document_with({"history": [{"key": KEY, "state": VALID_STATE}]}),
    "un historique null": document_with({"history": None}),
    "un profil actif absent": {**document_with({}), "active": "p2"},
    "des profils en liste": {"schema": 1, "active": "p1", "profiles": []},
}


def test_the_validator_reads_the_whole_document(site, page):
    page.goto(site["url"] + "index.html")
    problems = page.evaluate("""async (cases) => {
        const { validateDocument, migrate } = await import('./static/storage.js');
        const out = {};
        // As load() reads them: schema-1 documents are migrated first.
        for (const [name, doc] of Object.entries(cases)) {
          out[name] = validateDocument(migrate(structuredClone(doc)));
        }
        return out;
    }""", {**DAMAGED, "valide": document_with({})})
    assert problems.pop("valide") == []
    for name, found in problems.items():
        assert found, f"{name} : non détecté"


def test_a_damaged_document_is_set_aside_and_the_learner_told(site, page):
    """A state that is a string: today the page stops on its spinner."""
    raw = json.dumps(DAMAGED["un état en texte"])
    page.goto(site["url"] + "index.html")
    page.evaluate("raw => localStorage.setItem('diagnum', raw)", raw)
    page.goto(site["url"] + "test/index.html?competence=4.1")
    page.wait_for_selector(READY, timeout=60_000)
    assert "endommagées" in page.text_content("#intro")
    page.wait_for_selector("#start-button:not([disabled])", timeout=5_000)  # never a spinner
    keys = page.evaluate("Object.keys(localStorage)")
    (backup,) = [k for k in keys if k.startswith("diagnum.endommage.")]
    assert page.evaluate("k => localStorage.getItem(k)", backup) == raw
    assert stored(page)["profiles"]["p1"]["sessions"] == {}


# ------------------------------------------------------------------ 5. content updated
def edit(content: Path, old: str, new: str) -> None:
    for path in content.rglob("*.yaml"):
        text = path.read_text(encoding="utf-8")
        if old in text:
            path.write_text(text.replace(old, new), encoding="utf-8")
            return
    raise AssertionError(f"{old!r} introuvable")


def test_content_updated_on_the_server_never_overwrites_stored_answers(tmp_path, browser):
    content = tmp_path / "content"
    shutil.copytree(FIXTURE_CONTENT, content)
    dist = tmp_path / "dist"
    build(content, dist, ROOT, log=lambda _msg: None)
    with serve_site(dist) as server:
        # What the engine does on new content, seen at once: without the offline copy, which
        # would serve the stored version until the new one is stored (tests/test_offline.py).
        page = new_page(browser, service_workers="block")
        url = server["url"] + "test/index.html?competence=4.1"
        start(page, url)
        skip(page)
        skip(page)
        before = session_state(page)
        answered = [a["challenge"] for a in before["answers"]]

        # A reworded question: the test resumes on the new content, answers untouched.
        edit(content, "Cochez les deux bonnes réponses", "Cochez les deux réponses justes")
        build(content, dist, ROOT, log=lambda _msg: None)
        page.reload()
        page.wait_for_selector(READY, timeout=60_000)
        page.click("#resume-button")
        page.wait_for_selector("#question:not([hidden])")
        assert "mises à jour" in page.text_content("#info-note")
        assert question_number(page) == 3
        resumed = session_state(page)
        assert resumed["answers"] == before["answers"]
        assert resumed["referential"] != before["referential"]

        # A question already answered is renamed: the test cannot resume; it goes to history.
        edit(content, f"id: {answered[0]}\n", f"id: {answered[0]}-v2\n")
        build(content, dist, ROOT, log=lambda _msg: None)
        page.reload()
        page.wait_for_selector(READY, timeout=60_000)
        page.click("#resume-button")
        page.wait_for_selector("#start-button:not([hidden]):not([disabled])")
        assert "Le contenu du test a été mis à jour" in page.text_content("#intro")
        shot(page, "5-contenu-modifie")
        assert_axe_clean(page)
        data = stored(page)["profiles"]["p1"]
        assert KEY not in data["sessions"]
        (entry,) = data["history"]
        # The record kept with the session at its last step, as it was taken.
        assert entry["record"]["status"] == "content-changed"
        assert [a["challenge"] for a in entry["record"]["answers"]] == [
            a["challenge"] for a in resumed["answers"]]
        assert entry["record"]["seed"] == resumed["seed"]
        page.click("#start-button")
        page.wait_for_selector("#question:not([hidden])")
        assert question_number(page) == 1
        assert len(stored(page)["profiles"]["p1"]["history"]) == 1
        close(page)


# ------------------------------------------------------------------ 6. the worker dies
def test_a_dead_worker_times_out_and_the_test_resumes_with_nothing_lost(site, browser):
    page = new_page(browser, WORKER_SPY)
    page.clock.install()
    start(page, site["url"] + "test/index.html?competence=1.1")
    skip(page)
    shown = page.inner_html("#instruction")
    page.evaluate("window.__workers.at(-1).terminate()")
    page.click("#skip-button")
    page.clock.fast_forward(31_000)  # no answer: the request times out
    alert = page.locator("#engine-alert")
    alert.wait_for(state="visible", timeout=5_000)
    assert "ne répond plus" in alert.text_content()
    assert page.evaluate("document.activeElement.id") == "engine-resume"
    shot(page, "6-moteur-arrete")
    assert_axe_clean(page)
    assert len(stored(page)["profiles"]["p1"]["sessions"]["competence:1.1"]["state"]["answers"]) == 1
    page.get_by_role("button", name="Reprendre").click()
    alert.wait_for(state="hidden", timeout=60_000)
    assert page.evaluate("window.__workers.length") == 2
    assert question_number(page) == 2 and page.inner_html("#instruction") == shown
    skip(page)
    assert len(stored(page)["profiles"]["p1"]["sessions"]["competence:1.1"]["state"]["answers"]) == 2
    close(page)


# ------------------------------------------------------------------ 7. 404 and a slow boot
def test_a_missing_runtime_file_fails_fast_in_french(built_site, tmp_path, browser):
    copy = tmp_path / "dist"
    shutil.copytree(built_site, copy, copy_function=os.symlink)
    (wasm,) = copy.glob("pyodide/*/pyodide.asm.wasm")
    wasm.unlink()
    with serve_site(copy) as server:
        page = new_page(browser)
        started = time.monotonic()
        page.goto(server["url"] + "test/index.html?competence=4.1")
        page.wait_for_selector("#failure:not([hidden])", timeout=15_000)
        assert time.monotonic() - started < 15
        text = page.text_content("#failure-body")
        assert "introuvable" in text and "pyodide.asm.wasm" in text and "404" in text
        shot(page, "7-fichier-introuvable")
        assert_axe_clean(page)
        page.context.close()  # the worker's own failed download is an expected error here


def test_a_long_silence_while_booting_is_said_and_the_page_recovers(built_site, browser):
    with serve_site(built_site, delays={".zip": 4}) as server:
        page = new_page(browser)
        page.clock.install()
        page.goto(server["url"] + "test/index.html?competence=4.1")
        assert not page.is_visible("#failure")
        page.clock.fast_forward(46_000)  # 46 s without any progress
        page.wait_for_selector("#failure:not([hidden])", timeout=5_000)
        assert "met longtemps à démarrer" in page.text_content("#failure")
        assert page.text_content("#failure-title") == "Le test met longtemps à démarrer"
        shot(page, "7-demarrage-lent")
        page.wait_for_selector(READY, timeout=60_000)  # the engine arrives: the page recovers
        assert page.is_visible("#intro") and not page.is_visible("#failure")
        assert page.text_content("#failure-title") == "Le test ne peut pas démarrer"
        close(page)


def test_no_time_limit_while_bytes_keep_arriving(built_site, browser):
    """A slow connection: 80 s (page time) of download, never a "too long" message."""
    with serve_site(built_site, trickle={".wasm": 4}) as server:
        page = new_page(browser)
        page.clock.install()
        page.goto(server["url"] + "test/index.html?competence=4.1")
        for _ in range(4):
            time.sleep(0.7)  # bytes arrive meanwhile, and the worker reports them
            page.clock.fast_forward(20_000)
            assert not page.is_visible("#failure")
        page.wait_for_selector(READY, timeout=60_000)
        assert not page.is_visible("#failure")
        close(page)
