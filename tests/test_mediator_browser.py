"""The « Espace médiateur » in a real browser, served from a sub-path, with real Pyodide.

One mediator's whole session: create the encrypted space, create a campaign with the keyboard
(code, link, QR code), import result files made by engine/record.py and a result code, refuse a
damaged file, a file of another campaign and a forged code with nothing stored, read the table,
the participant's panel and the analysis, download and parse the CSV, reload, refuse a wrong
passphrase, reopen, compare two campaigns and download the encrypted backup. axe at every state.
"""

from __future__ import annotations

import copy
import csv
import io
import json
import re
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe

from campaigns import codes, links, mediator
from campaigns import results as rc
from engine.profiles import profile_skills

from .support.browser import new_mediator_space, stored_mediator_space
from .support.participants import load_bundle, referential, result_file
from .support.server import PREFIX, serve_site

AXE_OPTIONS = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}}
PASSPHRASE = "le jardin du centre social"
PAGE = "mediateur/index.html"


@pytest.fixture
def site(built_site: Path):
    with serve_site(built_site) as server:
        yield server
    outside = [r for r in server["requests"] if not r.startswith(PREFIX)]
    assert not outside, f"requêtes hors du sous-dossier : {outside}"


@pytest.fixture
def page(browser):
    context = browser.new_context(locale="fr-FR", viewport={"width": 1100, "height": 900},
                                  accept_downloads=True)
    requested: list[str] = []
    context.on("request", lambda r: requested.append(r.url))
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    yield page
    context.close()
    assert not errors, errors
    foreign = [u for u in requested if not u.startswith(("http://127.0.0.1:", "blob:"))]
    assert not foreign, foreign


def check_axe(page, state: str) -> None:
    result = Axe().run(page, options=AXE_OPTIONS)
    assert result.violations_count == 0, f"{state}\n{result.generate_report()}"


def rows(page) -> int:
    return page.locator("#results-table tbody tr").count()


def wait_import(page, count: int) -> None:
    page.wait_for_function(f"() => Number(document.body.dataset.imported || 0) >= {count}",
                           timeout=30_000)


def test_a_mediators_whole_session(site, page, built_site, tmp_path):
    bundle = load_bundle(built_site)
    ref = referential(built_site)
    page.goto(site["url"] + PAGE)
    page.wait_for_function("() => document.body.dataset.mediatorReady === 'true'",
                           timeout=60_000)
    assert page.is_visible("#create-space-form") and not page.is_visible("#unlock-form")
    check_axe(page, "espace à créer")

    # The space, then a campaign, with the keyboard only.
    page.focus("#new-passphrase")
    page.keyboard.type(PASSPHRASE)
    page.keyboard.press("Tab")
    page.keyboard.type(PASSPHRASE)
    page.keyboard.press("Enter")
    page.wait_for_function("() => document.body.dataset.spaceOpen === 'true'", timeout=30_000)
    check_axe(page, "espace vide")
    page.focus("#campaign-name")
    page.keyboard.type("Atelier du mardi")
    page.focus("#campaign-label")
    page.keyboard.type("Numéro de dossier")
    page.focus("#campaign-submit")
    page.keyboard.press("Enter")
    page.wait_for_function("() => document.getElementById('campaign-code').textContent.length"
                           " === 9", timeout=20_000)
    code = page.text_content("#campaign-code")
    assert re.fullmatch(r"[A-HJKMNP-Z]{6}[2-9]{3}", code)
    assert codes.decode(code).slot == codes.parcours_slot("essentiel")
    link = page.input_value("#campaign-link")
    assert f"{PREFIX}test/index.html?campagne={code}#c=" in link
    carried = links.decode_campaign(link.split("#", 1)[1])
    assert (carried["name"], carried["external_id_label"]) == ("Atelier du mardi",
                                                               "Numéro de dossier")
    assert int(page.get_attribute("#campaign-qr svg.qr", "data-modules")) >= 21
    assert page.evaluate("() => document.activeElement.id") == "campaign-title"
    check_axe(page, "campagne créée")
    # The A4 sheet to hand out: printing shows it (code and QR code) and nothing of the space.
    page.evaluate("() => { window.print = () => {}; }")
    page.click("#print-sheet-button")
    page.emulate_media(media="print")
    assert page.is_visible("#print-sheet svg.qr") and page.is_hidden("#space")
    assert code in page.text_content("#print-sheet")
    page.emulate_media(media="screen")

    # Files: three good ones, a damaged one, one of another campaign.
    files = [result_file(ref, code, "essentiel", seed, external_id=f"D-{seed}")
             for seed in (1, 2, 3)]
    other = copy.deepcopy(files[0])
    other["campaign"]["code"] = "ABCDEF234"
    payloads = [{"name": f"resultat-{i}.json", "mimeType": "application/json",
                 "buffer": json.dumps(f).encode()} for i, f in enumerate(files)]
    payloads += [{"name": "abime.json", "mimeType": "application/json",
                  "buffer": json.dumps(files[1]).encode()[:-40]},
                 {"name": "autre.json", "mimeType": "application/json",
                  "buffer": json.dumps(other).encode()}]
    page.set_input_files("#import-files", payloads)
    wait_import(page, 1)
    report = page.text_content("#import-report")
    assert "3 résultat(s) importé(s), 2 refusé(s)" in report
    assert "JSON invalide" in report and "ABCDEF234" in report
    assert rows(page) == 3
    # The same files again: duplicates, nothing added.
    page.set_input_files("#import-files", payloads[:1])
    wait_import(page, 2)
    assert "déjà" in page.text_content("#import-report") and rows(page) == 3

    # A result code, then a forged one.
    site_model = mediator.Site(bundle)
    campaign = {"code": code, "goal": "evaluer", "parcours": "essentiel"}
    skills = profile_skills(mediator.target_profile(site_model, campaign))
    outcomes = {s: i < 3 for i, s in enumerate(skills)}
    result_code = rc.encode_skills(code, skills, outcomes)
    page.fill("#import-codes", f"Zoé <b>x</b> ; {result_code}")
    page.click("#import-codes-button")
    wait_import(page, 3)
    assert rows(page) == 4
    normal = rc.normalise(result_code)
    forged = normal[:5] + ("Z" if normal[5] != "Z" else "Y") + normal[6:]
    page.fill("#import-codes", forged)
    page.click("#import-codes-button")
    wait_import(page, 4)
    assert "pas valide" in page.text_content("#import-report") and rows(page) == 4
    # Imported text stays text: the typed markup is shown, never parsed.
    assert page.locator("#results-table b").count() == 0
    assert page.locator("#results-table th", has_text="Zoé <b>x</b>").count() == 1
    check_axe(page, "résultats importés")

    # The analysis: every sujet of the parcours ranked, charts with text alternatives.
    profile = mediator.target_profile(site_model, campaign)
    assert page.locator("#tube-list > li").count() == len(profile["tubes"])
    assert page.locator("#analysis-body svg[role=img]").count() >= 2
    assert page.locator("#analysis-body details table").count() >= 2
    # Every label is drawn inside its chart (a long competence name was cut on the left).
    outside = page.evaluate("""() => [...document.querySelectorAll('#analysis-body svg.chart')]
        .flatMap((chart) => [...chart.querySelectorAll('text')].filter((t) => {
          const box = t.getBBox(), view = chart.viewBox.baseVal;
          return box.x < 0 || box.x + box.width > view.width;
        }).map((t) => t.textContent))""")
    assert outside == [], outside
    page.locator("#analysis-body").screenshot(path=str(tmp_path / "analysis.png"))

    # A participant's panel, opened and closed with the keyboard.
    page.focus("button:has-text('Voir Zoé')")
    page.keyboard.press("Enter")
    assert page.is_visible("#participant") and "Tutoriels à proposer" in page.text_content(
        "#participant")
    check_axe(page, "panneau d'un participant")
    page.focus("#participant-close")
    page.keyboard.press("Enter")
    assert page.is_hidden("#participant")

    # The CSV: BOM, « ; », one row per participant, figures equal to the results.
    with page.expect_download() as info:
        page.click("#csv-button")
    raw = Path(info.value.path()).read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    table = list(csv.reader(io.StringIO(raw.decode("utf-8-sig")), delimiter=";"))
    header, lines = table[0], table[1:]
    assert len(lines) == 4
    mastery = header.index("% maitrise de l'ensemble des acquis du profil")
    ids = header.index("Numéro de dossier")
    got = {line[ids]: int(line[mastery]) for line in lines}
    expected = {f["campaign"]["external_id"]: f["records"][0]["profile"]["mastery"]
                for f in files}
    expected["Zoé <b>x</b>"] = round(100 * 3 / len(skills))
    assert got == expected

    # Nothing readable is stored: the IndexedDB envelope is ciphertext, the learner's key untouched.
    stored = stored_mediator_space(page)
    assert "Zoé" not in stored and "D-1" not in stored and '"AES-GCM"' in stored
    assert page.evaluate("() => localStorage.getItem('diagnum')") is None

    # Reload: locked; a wrong passphrase is refused; the right one opens everything again.
    page.reload()
    page.wait_for_selector("#unlock-form:not([hidden])")
    check_axe(page, "espace verrouillé")
    page.fill("#passphrase", "pas la bonne phrase")
    page.press("#passphrase", "Enter")
    page.wait_for_selector("#lock-error:not([hidden])")
    assert "incorrecte" in page.text_content("#lock-error") and page.is_hidden("#space")
    page.fill("#passphrase", PASSPHRASE)
    page.press("#passphrase", "Enter")
    page.wait_for_function("() => document.body.dataset.spaceOpen === 'true'", timeout=60_000)
    page.wait_for_function("() => document.body.dataset.rows === '4'", timeout=20_000)

    # A second campaign (collecting profiles), then both side by side.
    page.fill("#campaign-name", "Après l'atelier")
    page.check("input[name=goal][value=collecter]")
    assert page.is_hidden("#target-fieldset")
    page.click("#campaign-submit")
    page.wait_for_function(f"() => document.getElementById('campaign-code').textContent !== "
                           f"'{code}' && document.getElementById('campaign-code').textContent"
                           f".length === 9", timeout=20_000)
    assert codes.decode(page.text_content("#campaign-code")).goal == "collecter"
    for box in page.locator("#compare-choices input").all():
        box.check()
    page.click("#compare-form button[type=submit]")
    page.wait_for_selector("#compare-table")
    assert page.locator("#compare-table thead th").count() == 3
    check_axe(page, "comparaison")

    # A campaign the centre declared in its content joins the space with one button.
    assert "Atelier du centre" in page.text_content("#declared-list")
    page.click("#declared-list button")
    page.wait_for_function("() => document.getElementById('campaign-code').textContent === "
                           "'UJQYNW788'")
    assert page.is_hidden("#declared") and "#c=" in page.input_value("#campaign-link")

    # The backup: an encrypted file.
    with page.expect_download() as info:
        page.click("#backup-button")
    backup = json.loads(Path(info.value.path()).read_text(encoding="utf-8"))
    assert backup["format"] == "diagnum-espace-mediateur" and "Zoé" not in json.dumps(backup)


def test_on_plain_http_the_space_refuses_to_store(built_site, browser):
    """A LAN address over http:// is not a secure context: no WebCrypto, no space."""
    with serve_site(built_site) as server:
        port = server["url"].split(":")[2].split("/")[0]
        other = browser.browser_type.launch(
            executable_path=browser_path(), headless=True,
            args=["--no-sandbox", "--disable-gpu",
                  "--host-resolver-rules=MAP centre-social.test 127.0.0.1"])
        try:
            page = other.new_page()
            page.goto(f"http://centre-social.test:{port}{PREFIX}{PAGE}")
            page.wait_for_selector("#insecure:not([hidden])")
            assert "https://" in page.text_content("#insecure")
            assert page.is_hidden("#create-space-form") and page.is_hidden("#unlock-form")
            assert page.is_hidden("#space")
        finally:
            other.close()


def browser_path() -> str:
    from .conftest import CHROMIUM
    return CHROMIUM


def test_a_large_campaign_shows_its_table_in_pages(site, page, built_site):
    """120 participants: pages of 50 rows with a count, turned with the keyboard, in the same
    order throughout; a refused import leaves the page where it was."""
    site_model = mediator.Site(load_bundle(built_site))
    new_mediator_space(page, site["url"], PASSPHRASE)
    page.fill("#campaign-name", "Grand groupe")
    page.click("#campaign-submit")
    page.wait_for_function("() => document.getElementById('campaign-code').textContent.length"
                           " === 9", timeout=20_000)
    code = page.text_content("#campaign-code")
    skills = profile_skills(mediator.target_profile(
        site_model, {"code": code, "goal": "evaluer", "parcours": "essentiel"}))
    # Each person's outcomes differ (else a duplicate): n in base 3, one digit per skill
    # (0 not asked, 1 validated, 2 failed).
    assert 3 ** len(skills) > 120

    def outcomes(n: int) -> dict[str, bool]:
        digits = [n // 3 ** i % 3 for i in range(len(skills))]
        return {s: d == 1 for s, d in zip(skills, digits, strict=True) if d}

    lines = [f"P{n:03d} ; " + rc.encode_skills(code, skills, outcomes(n)) for n in range(1, 121)]
    page.fill("#import-codes", "\n".join(lines))
    page.click("#import-codes-button")
    wait_import(page, 1)
    assert page.evaluate("() => document.body.dataset.rows") == "120"
    # Accepted results are counted, not listed one by one.
    assert "120 résultat(s) importé(s), 0 refusé(s)" in page.text_content("#import-report")
    assert page.locator("#import-report li").count() == 0

    def labels() -> list[str]:
        return page.locator("#results-table tbody th").all_text_contents()

    def turned(first: str, rows: int) -> None:
        """A page turn asks the worker for its rows: wait until they are drawn."""
        page.wait_for_function(
            "([first, rows]) => { const th = document.querySelectorAll('#results-table tbody th');"
            " return th.length === rows && th[0].textContent === first; }", arg=[first, rows])

    assert labels() == [f"P{n:03d}" for n in range(1, 51)]
    assert "Participants 1 à 50 sur 120 (page 1 sur 3)" in page.text_content("#results-count")
    assert page.is_disabled("#rows-previous")
    check_axe(page, "tableau en pages")
    page.focus("#rows-next")
    page.keyboard.press("Enter")
    turned("P051", 50)
    assert labels() == [f"P{n:03d}" for n in range(51, 101)]
    assert "Participants 51 à 100 sur 120" in page.text_content("#results-count")
    # A row of the second page opens its own participant.
    page.click("button:has-text('Voir P060')")
    assert page.text_content("#participant-title") == "P060"
    page.focus("#rows-next")
    page.keyboard.press("Enter")
    turned("P101", 20)
    assert labels() == [f"P{n:03d}" for n in range(101, 121)]
    assert page.is_disabled("#rows-next") and page.is_hidden("#participant")
    # The last page reached, the focus stays on the pager (on « Page précédente »).
    assert page.evaluate("() => document.activeElement.id") == "rows-previous"
    # A duplicate is refused and the table stays on its page.
    page.fill("#import-codes", lines[0])
    page.click("#import-codes-button")
    wait_import(page, 2)
    assert "déjà" in page.text_content("#import-report")
    assert labels()[0] == "P101" and page.evaluate("() => document.body.dataset.rows") == "120"
    # Printing the report prints every row, then the page comes back.
    page.evaluate("() => { window.print = () => {}; }")
    page.click("#print-report-button")
    turned("P001", 120)
    assert page.locator("#results-table tbody tr").count() == 120
    page.evaluate("() => window.dispatchEvent(new Event('afterprint'))")
    assert labels()[0] == "P101" and len(labels()) == 20




def _campaign(page, name: str) -> str:
    before = page.locator("#campaign-list li").count()
    page.fill("#campaign-name", name)
    page.click("#campaign-submit")
    page.wait_for_function("(n) => document.querySelectorAll('#campaign-list li').length === n",
                           arg=before + 1, timeout=20_000)
    return page.text_content("#campaign-code")


def _codes(page, lines: list[str], imports: int) -> None:
    page.fill("#import-codes", "\n".join(lines))
    page.click("#import-codes-button")
    wait_import(page, imports)


def _backup(page, path: Path) -> Path:
    with page.expect_download() as info:
        page.click("#backup-button")
    info.value.save_as(path)
    return path


def test_a_backup_opens_elsewhere_and_merges_into_a_space(site, browser, built_site, tmp_path):
    """The export and import of the space: a backup opens in another browser with its own
    passphrase (a wrong one changes nothing), and a second backup merged into it adds its new
    campaign and its new results, each once, kept after a reload."""
    site_model = mediator.Site(load_bundle(built_site))
    first = browser.new_context(locale="fr-FR", accept_downloads=True)
    second = browser.new_context(locale="fr-FR", accept_downloads=True)
    try:
        page = first.new_page()
        new_mediator_space(page, site["url"])
        code = _campaign(page, "Atelier")
        skills = profile_skills(mediator.target_profile(
            site_model, {"code": code, "goal": "evaluer", "parcours": "essentiel"}))
        lines = [f"Personne-{n} ; " + rc.encode_skills(
            code, skills, {s: i % (n + 1) == 0 for i, s in enumerate(skills)}) for n in (1, 2, 3)]
        _codes(page, lines[:2], 1)
        one = _backup(page, tmp_path / "un.diagnum")
        _codes(page, lines[2:], 2)
        _campaign(page, "Après")
        two = _backup(page, tmp_path / "deux.diagnum")
        assert "Personne-" not in one.read_text(encoding="utf-8")   # no "-" in base64

        other = second.new_page()
        other.goto(site["url"] + PAGE)
        other.wait_for_function("() => document.body.dataset.mediatorReady === 'true'",
                                timeout=60_000)
        other.set_input_files("#restore-file", one)
        other.fill("#restore-passphrase", "pas la bonne phrase")
        other.click("#restore-button")
        other.wait_for_selector("#lock-error:not([hidden])")
        assert "incorrecte" in other.text_content("#lock-error") and other.is_hidden("#space")
        assert other.is_visible("#create-space-form") and not stored_mediator_space(other)
        other.fill("#restore-passphrase", PASSPHRASE)
        other.click("#restore-button")
        other.wait_for_function("() => document.body.dataset.spaceOpen === 'true'",
                                timeout=30_000)
        other.wait_for_function("() => document.body.dataset.rows === '2'", timeout=20_000)
        assert "2 résultat(s)" in other.text_content("#campaign-list")

        for round_, expected in ((1, "1 campagne(s) et 1 résultat(s) nouveaux"),
                                 (2, "0 campagne(s) et 0 résultat(s) nouveaux")):
            other.set_input_files("#merge-file", two)
            other.fill("#merge-passphrase", PASSPHRASE)
            other.click("#merge-button")
            other.wait_for_function(
                "(text) => document.getElementById('backup-status').textContent.includes(text)",
                arg=expected, timeout=20_000)
            other.evaluate("() => { document.getElementById('backup-status').textContent = ''; }")
            assert round_ == 1 or "Après" in other.text_content("#campaign-list")
        other.wait_for_function("() => document.body.dataset.rows === '3'", timeout=20_000)
        assert other.locator("#campaign-list li").count() == 2

        other.reload()
        other.wait_for_selector("#unlock-form:not([hidden])")
        other.fill("#passphrase", PASSPHRASE)
        other.press("#passphrase", "Enter")
        other.wait_for_function("() => document.body.dataset.spaceOpen === 'true'",
                                timeout=30_000)
        other.click(f"#campaign-list button[data-code='{code}']")
        other.wait_for_function("() => document.body.dataset.rows === '3'", timeout=20_000)
        labels = other.locator("#results-table tbody th").all_text_contents()
        assert sorted(labels) == ["Personne-1", "Personne-2", "Personne-3"]
    finally:
        first.close()
        second.close()
