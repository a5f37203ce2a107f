"""The learner's data on a shared computer (issue 8), in Debian Chromium with real Pyodide, served
from a sub-path: two profiles on one browser, a finished test kept as a record and shown again,
export then import in a fresh browser, a damaged file, erasing that really erases, and the
migration of schema-1 history."""

from __future__ import annotations

import json
import os
from pathlib import Path

from axe_playwright_python.sync_playwright import Axe

from engine.resultfile import parse_result_file

from .conftest import CHROMIUM
from .support.browser import READY, question_number, stored, wait_next

KEY = "competence:4.1"
AXE_OPTIONS = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}}
SHOTS = os.environ.get("DIAGNUM_SHOTS")


def shot(page, name: str) -> None:
    if SHOTS:
        Path(SHOTS).mkdir(parents=True, exist_ok=True)
        page.screenshot(path=f"{SHOTS}/{name}.png", full_page=True)


def axe_clean(page) -> None:
    result = Axe().run(page, options=AXE_OPTIONS)
    assert result.violations_count == 0, result.generate_report()


def fresh(browser):
    """A page in a new browser context (a fresh browser profile); errors are collected."""
    context = browser.new_context(locale="fr-FR", viewport={"width": 1000, "height": 900})
    errors: list[str] = []
    context.on("weberror", lambda e: errors.append(str(e.error)))
    context.script_errors = errors
    return context.new_page()


def close(page) -> None:
    errors = page.context.script_errors
    page.context.close()
    assert not errors, errors


def skip(page) -> None:
    number = question_number(page)
    page.click("#skip-button")
    wait_next(page, number)


def finish(page) -> None:
    """Answer « Je passe » until the results show."""
    for _ in range(40):
        if page.is_visible("#results"):
            return
        skip(page)
    raise AssertionError("le test ne s'est pas terminé")


def open_test(page, url: str) -> None:
    page.goto(url)
    page.wait_for_selector(READY, timeout=60_000)


# ------------------------------------------------------------------ two profiles
def test_a_second_learner_never_sees_the_first_ones_test_and_choosing_works(site, browser):
    url = site["url"] + "test/index.html?competence=4.1"
    first = fresh(browser)
    open_test(first, url)
    assert first.is_hidden("#who")  # one profile, nothing in progress: no question asked
    assert first.text_content("#profile-name") == "Mon profil"
    first.click("#start-button")
    first.wait_for_selector("#question:not([hidden])")
    skip(first)
    skip(first)

    # Another person opens the test in a new window of the same browser.
    second = first.context.new_page()
    open_test(second, url)
    assert second.is_visible("#who")
    for hidden in ("#resume-button", "#restart-button", "#start-button"):
        assert second.is_hidden(hidden)
    assert "en cours" not in second.text_content("#intro")
    assert second.evaluate("document.activeElement.id") == "who-title"
    shot(second, "profils-1-qui-passe-le-test")
    axe_clean(second)
    # Keyboard only: the name field, then Enter.
    for _ in range(4):
        if second.evaluate("document.activeElement.id") == "who-name":
            break
        second.keyboard.press("Tab")
    assert second.evaluate("document.activeElement.id") == "who-name"
    second.keyboard.type("Bruno")
    second.keyboard.press("Enter")
    second.wait_for_selector("#start-button:not([hidden]):not([disabled])")
    assert second.text_content("#profile-name") == "Bruno"
    assert second.is_hidden("#resume-button")
    second.click("#start-button")
    second.wait_for_selector("#question:not([hidden])")
    skip(second)
    data = stored(second)
    assert {p["name"] for p in data["profiles"].values()} == {"Mon profil", "Bruno"}
    bruno = next(p for p in data["profiles"].values() if p["name"] == "Bruno")
    assert len(bruno["sessions"][KEY]["state"]["answers"]) == 1
    assert len(data["profiles"]["p1"]["sessions"][KEY]["state"]["answers"]) == 2

    # A third window: both are offered, nothing is resumed until someone chooses.
    third = first.context.new_page()
    open_test(third, url)
    assert third.is_visible("#who") and third.is_hidden("#resume-button")
    labels = third.locator("#who-list label").all_text_contents()
    assert labels == ["Mon profil", "Bruno"]
    third.keyboard.press("Tab")  # from the heading to the first radio button
    third.keyboard.press("Space")
    third.keyboard.press("Enter")
    third.wait_for_selector("#resume-button:not([hidden]):not([disabled])")
    assert "2 réponses enregistrées" in third.text_content("#engine-status")
    assert third.text_content("#profile-name") == "Mon profil"
    shot(third, "profils-2-choisi")
    axe_clean(third)
    # An empty choice is refused kindly.
    third.click("#profile-change")
    third.click("#who-submit")
    assert "Choisissez votre profil" in third.text_content("#who-error")
    close(first)


# ------------------------------------------------------------------ records, export, import
def test_a_finished_test_is_a_record_shown_again_exported_and_imported_elsewhere(site, browser,
                                                                                  tmp_path):
    url = site["url"] + "test/index.html?competence=4.1"
    one = fresh(browser)
    open_test(one, url)
    one.click("#profile-change")
    one.fill("#who-name", "Mado")
    one.click("#who-submit")
    one.wait_for_selector("#start-button:not([hidden]):not([disabled])")
    one.click("#start-button")
    one.wait_for_selector("#question:not([hidden])")
    finish(one)
    profile = next(p for p in stored(one)["profiles"].values() if p["name"] == "Mado")
    (entry,) = profile["history"]
    record = entry["record"]
    assert record["status"] == "finished" and record["competences"][0]["id"] == "4.1"
    assert profile["sessions"] == {}

    one.reload()
    one.wait_for_selector(READY, timeout=60_000)
    shown = one.text_content("#last-results-list")
    level = record["competences"][0]["level"]
    assert f"niveau {level} ({record['competences'][0]['pix']} pix)" in shown
    assert one.is_visible("#start-button")  # a finished test is not « in progress »

    # Export from « Mes données ».
    one.goto(site["url"] + "mes-donnees/index.html")
    one.wait_for_selector("body[data-data-ready]")
    with one.expect_download() as info:
        one.click("button[aria-label='Télécharger les résultats de Mado']")
    download = info.value
    assert download.suggested_filename.startswith("diagnum-resultats-mado-")
    path = tmp_path / download.suggested_filename
    download.save_as(path)
    exported = parse_result_file(path.read_text(encoding="utf-8"))  # the engine accepts it
    assert exported["nickname"] == "Mado" and exported["records"] == [record]
    close(one)

    # Another computer: a fresh browser imports the file.
    two = fresh(browser)
    two.goto(site["url"] + "mes-donnees/index.html")
    two.wait_for_selector("body[data-data-ready]")
    # A damaged file: a clear message listing the problems, and nothing changes.
    damaged = json.loads(path.read_text(encoding="utf-8"))
    damaged["records"][0]["seed"] = "douze"
    damaged["records"][0]["answers"][0]["status"] = "peut-être"
    bad = tmp_path / "abime.json"
    bad.write_text(json.dumps(damaged), encoding="utf-8")
    before = two.evaluate("JSON.stringify({...localStorage})")
    two.set_input_files("#import-file", str(bad))
    two.click("#import-submit")
    two.wait_for_selector("#import-result .alert", timeout=90_000)
    message = two.text_content("#import-result")
    assert "n'a pas été importé : rien n'a changé" in message
    assert "records[0].seed" in message and "records[0].answers[0].status" in message
    assert two.evaluate("JSON.stringify({...localStorage})") == before
    shot(two, "profils-3-fichier-abime")
    axe_clean(two)
    foreign = tmp_path / "autre.json"
    foreign.write_text('{"format": "autre", "records": []}', encoding="utf-8")
    two.set_input_files("#import-file", str(foreign))
    two.click("#import-submit")
    two.wait_for_function("() => document.getElementById('import-result').textContent.includes('Diagnum')")
    assert "n'est pas un fichier de résultats Diagnum" in two.text_content("#import-result")
    assert two.evaluate("JSON.stringify({...localStorage})") == before

    two.set_input_files("#import-file", str(path))
    two.click("#import-submit")
    two.wait_for_function("() => document.getElementById('import-result').textContent.includes('importé')")
    assert "1 test importé dans le profil « Mado »" in two.text_content("#import-result")
    shot(two, "profils-4-importe")
    axe_clean(two)
    two.set_input_files("#import-file", str(path))  # the same file again: nothing doubled
    two.click("#import-submit")
    two.wait_for_function(
        "() => document.getElementById('import-result').textContent.includes('déjà présent')")
    assert "0 test importé" in two.text_content("#import-result")
    mado = next(p for p in stored(two)["profiles"].values() if p["name"] == "Mado")
    assert [e["record"] for e in mado["history"]] == [record]
    # The same record is shown on the test page of the other computer.
    open_test(two, url)
    assert two.text_content("#profile-name") == "Mado"
    assert two.text_content("#last-results-list") == shown
    close(two)


# ------------------------------------------------------------------ erasing
SEED_OTHER_STORES = """async () => {
  // The mediator's space (its own IndexedDB), the site's own cached files, and a learner's cache.
  await new Promise((resolve, reject) => {
    const open = indexedDB.open('diagnum-mediateur', 1);
    open.onupgradeneeded = () => open.result.createObjectStore('coffre');
    open.onsuccess = () => { open.result.close(); resolve(); };
    open.onerror = () => reject(open.error);
  });
  const site = await caches.open('diagnum-site-v1');
  await site.put('static/site.css', new Response('body{}'));
  const mine = await caches.open('diagnum-apprenant-p1-resultats');
  await mine.put('resultats', new Response('{"moi": true}'));
}"""


def test_erasing_at_the_end_of_a_test_really_erases_and_offers_export_first(site, browser):
    page = fresh(browser)
    open_test(page, site["url"] + "test/index.html?competence=4.1")
    page.evaluate(SEED_OTHER_STORES)
    page.click("#start-button")
    page.wait_for_selector("#question:not([hidden])")
    finish(page)
    assert stored(page)["profiles"]["p1"]["history"]
    page.click("#results-erase")
    dialog = page.get_by_role("dialog", name="Effacer les données de « Mon profil » ?")
    assert dialog.is_visible()
    assert "1 test terminé" in dialog.text_content()
    assert page.evaluate("document.activeElement.id") == "erase-export"  # export offered first
    shot(page, "profils-5-effacer")
    axe_clean(page)
    with page.expect_download() as info:
        page.keyboard.press("Enter")
    assert info.value.suggested_filename.endswith(".json")
    assert "Fichier téléchargé (1 test)" in page.text_content("#erase-note")
    page.keyboard.press("Escape")  # cancelling erases nothing
    assert not dialog.is_visible()
    assert page.evaluate("document.activeElement.id") == "results-erase"
    assert stored(page)["profiles"]["p1"]["history"]

    page.click("#results-erase")
    page.click("#erase-confirm")
    page.wait_for_selector("#erased:not([hidden])")
    assert page.evaluate("document.activeElement.id") == "erased-title"
    assert page.text_content("#results-body") == ""
    shot(page, "profils-6-efface")
    axe_clean(page)
    # Nothing of that person remains: localStorage, sessionStorage, learner caches.
    assert page.evaluate("Object.keys(localStorage)") == []
    assert page.evaluate("Object.keys(sessionStorage)") == []
    caches = page.evaluate("() => caches.keys()")
    # The site's own files stay (our stand-in, and the offline copy if it was made meanwhile).
    assert "diagnum-site-v1" in caches
    assert not [c for c in caches if c.startswith("diagnum-apprenant")]
    databases = page.evaluate("async () => (await indexedDB.databases()).map((d) => d.name)")
    assert "diagnum-mediateur" in databases  # the mediator's space is never touched
    # Reopening the test starts afresh, with nobody's history.
    open_test(page, site["url"] + "test/index.html?competence=4.1")
    assert page.is_visible("#start-button") and page.is_hidden("#last-results")
    close(page)


def test_erasing_one_profile_keeps_the_others(site, browser):
    page = fresh(browser)
    page.goto(site["url"] + "mes-donnees/index.html")
    page.wait_for_selector("body[data-data-ready]")
    page.fill("#create-name", "Zoé")
    page.click("#create-form button")
    page.wait_for_function("() => document.getElementById('profiles-body').textContent.includes('Zoé')")
    page.click("button[aria-label='Renommer Zoé']")
    page.fill("#rename-name", "Zoé L.")
    page.click("#rename-form button[type=submit]")
    page.wait_for_function("() => document.getElementById('profiles-body').textContent.includes('Zoé L.')")
    assert "garde vos données" in page.text_content("#persist-status")
    shot(page, "profils-7-mes-donnees")
    axe_clean(page)
    page.click("button[aria-label='Effacer les données de Zoé L.']")
    page.click("#erase-confirm")
    page.wait_for_function("() => !document.getElementById('profiles-body').textContent.includes('Zoé')")
    data = stored(page)
    assert [p["name"] for p in data["profiles"].values()] == ["Mon profil"]
    assert "Zoé" not in json.dumps(data, ensure_ascii=False)
    assert "Zoé" not in page.evaluate("JSON.stringify({...localStorage, ...sessionStorage})")
    close(page)


# ------------------------------------------------------------------ schema 1
def test_schema_1_history_is_migrated_without_loss_and_shown(site, browser):
    legacy = {"key": KEY, "finishedAt": "2026-03-01T10:00:00Z",
              "state": {"format": 1, "referential": "ancien", "seed": 5, "competences": ["4.1"],
                        "skills": None, "profile": None, "config": {}, "closed": ["4.1"],
                        "pending": None, "answers": [{"challenge": "mots-de-passe-1a",
                                                      "correct": True, "status": "ok",
                                                      "response": "2"}]},
              "summary": {"pix": 12, "competences": [{"id": "4.1", "level": 2, "pix": 12}]}}
    document = {"schema": 1, "active": "p1", "profiles": {"p1": {
        "id": "p1", "name": "Mon profil", "createdAt": "2026-01-01T00:00:00Z", "sessions": {},
        "history": [legacy]}}}
    page = fresh(browser)
    page.goto(site["url"] + "index.html")
    page.evaluate("d => localStorage.setItem('diagnum', JSON.stringify(d))", document)
    page.goto(site["url"] + "test/index.html?competence=4.1")  # shown before the engine is ready
    page.wait_for_selector("#last-results:not([hidden])")
    shown = page.text_content("#last-results-list")
    assert "1 mars 2026" in shown and "niveau 2 (12 pix)" in shown
    assert "version précédente" in shown
    assert page.is_hidden("#who")
    assert stored(page)["schema"] == 1  # reading never writes
    # The first write (here a tutorial bookmarked) stores schema 2.
    page.evaluate("""async () => (await import('../static/learner.js'))
        .saveTutorialMark('p1', 'guide', {bookmarked: true})""")
    data = stored(page)
    assert data["schema"] == 2
    (entry,) = data["profiles"]["p1"]["history"]
    assert entry == {**legacy, "legacy": True}  # every old field kept
    close(page)


# ------------------------------------------------------------------ the API other pages read
API_SCRIPT = """async () => {
  const api = await import('./static/learner.js');
  const record = (id, status, finished) => ({id, status, started_at: '2026-12-01T10:00:00Z',
    finished_at: finished, seed: 1, answers: [{challenge: 'a'}], competences: [{id: '4.1', level: 1, pix: 4}],
    pix: 4, profile: null, referential: {version: 'v'}, engine: {version: '1', state_format: 1}});
  const state = {format: 1, referential: 'v', seed: 1, competences: ['4.1'], pending: 'b',
                 answers: [{challenge: 'a', correct: true, status: 'ok', response: '1'}]};
  localStorage.setItem('diagnum', JSON.stringify({schema: 2, active: 'p1', profiles: {p1: {
    id: 'p1', name: 'Mon profil', createdAt: '2026-01-01T00:00:00Z', tutorials: {},
    history: [{key: 'competence:4.1', savedAt: 't',
               record: record('0000000000000001', 'finished', '2026-12-01T10:10:00Z')}],
    sessions: {'competence:4.1': {key: 'competence:4.1', startedAt: '2026-12-02T10:00:00Z',
      updatedAt: '2026-12-02T10:05:00Z', state, progress: {asked: 1},
      record: record('0000000000000002', 'interrupted', '2026-12-02T10:05:00Z')}}}}}));
  const out = {};
  const bob = await api.createProfile('  Bob   le   bricoleur ');
  out.afterCreate = api.listProfiles();
  out.active = api.activeProfile().id;
  await api.renameProfile(bob, 'Bob');
  await api.setActiveProfile('p1');
  out.inProgress = api.inProgress('p1');
  out.stopped = await api.stopTest('p1', 'competence:4.1');
  out.history = api.history('p1').map((h) => [h.status, h.record.id, h.date === h.record.finished_at]);
  await api.saveTutorialMark('p1', 'guide', {bookmarked: true});
  await api.saveTutorialMark('p1', 'guide', {read: true});
  await api.saveTutorialMark('p1', 'autre', {read: true});
  await api.saveTutorialMark('p1', 'autre', {read: false});
  out.marks = Object.fromEntries(Object.entries(api.tutorialMarks('p1'))
    .map(([k, v]) => [k, [v.bookmarked, v.read]]));
  out.export = api.exportProfile('p1');
  out.exportBob = api.exportProfile(bob);
  try { await api.createProfile('   '); } catch (e) { out.emptyName = e.message; }
  out.profiles = api.listProfiles().map((p) => [p.name, p.active, p.inProgress, p.finished]);
  return out;
}"""


def test_the_learner_api_that_other_pages_read(site, page):
    page.goto(site["url"] + "index.html")
    out = page.evaluate(API_SCRIPT)
    assert [p["name"] for p in out["afterCreate"]] == ["Mon profil", "Bob le bricoleur"]
    assert out["active"] == "p2"
    (running,) = out["inProgress"]
    assert running["answers"] == 1 and running["progress"] == {"asked": 1}
    assert running["record"]["id"] == "0000000000000002"
    assert out["stopped"] is True
    # Newest first; the stopped test keeps its record, now « interrupted » and dated.
    assert out["history"] == [["interrupted", "0000000000000002", True],
                              ["finished", "0000000000000001", True]]
    assert out["marks"] == {"guide": [True, True]}
    assert out["export"]["left"] == 0
    file = out["export"]["file"]
    assert file["format"] == "diagnum-resultats" and "nickname" not in file  # never typed
    assert [r["id"] for r in file["records"]] == ["0000000000000001", "0000000000000002"]
    assert out["exportBob"] == {"file": None, "left": 0}
    assert out["emptyName"] == "Indiquez un prénom ou un pseudonyme."
    assert out["profiles"] == [["Mon profil", True, 0, 1], ["Bob", False, 0, 0]]


def test_on_plain_http_the_page_says_nothing_is_broken(site, browser):
    """No persistent storage without a secure origin: said plainly, the page works."""
    other = browser.browser_type.launch(executable_path=CHROMIUM, headless=True, args=[
        "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
        "--host-resolver-rules=MAP diagnum.test 127.0.0.1"])
    try:
        page = other.new_page(locale="fr-FR")
        page.goto(site["url"].replace("127.0.0.1", "diagnum.test") + "mes-donnees/index.html")
        page.wait_for_selector("body[data-data-ready]")
        assert page.evaluate("window.isSecureContext") is False
        status = page.text_content("#persist-status")
        assert "sans connexion sécurisée (HTTP)" in status and "Rien n'est cassé" in status
    finally:
        other.close()


def test_pages_show_someones_tests_only_once_that_person_is_known(site, page):
    """chosenProfile(): what « Mon espace » and the home page use before showing a test."""
    page.goto(site["url"] + "index.html")
    out = page.evaluate("""async () => {
      const api = await import('./static/learner.js');
      const name = () => api.chosenProfile()?.name ?? null;
      const out = {fresh: name()};
      await api.createProfile('Ana');
      out.chosenHere = name();
      sessionStorage.clear();  // another window of the same browser
      out.severalOtherWindow = name();
      await api.setActiveProfile('p1');
      out.afterChoosing = name();
      return out;
    }""")
    assert out == {"fresh": "Mon profil", "chosenHere": "Ana", "severalOtherWindow": None,
                   "afterChoosing": "Mon profil"}
