"""A campaign's whole loop in a real browser, with two browser contexts (mediator, participant),
served from a sub-path, with real Pyodide on both sides.

The mediator creates a campaign on a parcours and reads its code; the participant types it on the
home page (« J'ai un code »), takes the test, gets a result code; the mediator pastes it, sees the
participant in the table and the analysis, and downloads the CSV, whose figures are checked
against the participant's own results. Then a campaign with a custom selection of sujets and an
external id, joined by its link, stopped and resumed, sent as a result file. axe at every new
state, at 1280 px and 390 px; the keyboard drives the participant's side.
"""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe

from campaigns import codes, links
from campaigns import mediator as mediator_model
from engine.profiles import profile_skills
from engine.resultfile import parse_result_file

from .support.browser import answer_with_keyboard, fixed_dice, new_mediator_space, question_number, wait_next
from .support.participants import load_bundle, referential
from .support.server import PREFIX, serve_site

AXE_OPTIONS = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}}
PASSPHRASE = "le jardin du centre social"
SHOTS = Path(__file__).resolve().parent.parent / ".cache" / "screenshots"


@pytest.fixture
def server(built_site: Path):
    with serve_site(built_site) as running:
        yield running
    outside = [r for r in running["requests"] if not r.startswith(PREFIX)]
    assert not outside, f"requêtes hors du sous-dossier : {outside}"


def context_page(browser, width=1280, height=900, dice=None):
    context = browser.new_context(locale="fr-FR", viewport={"width": width, "height": height},
                                  accept_downloads=True)
    if dice is not None:
        context.add_init_script(fixed_dice(dice))
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.errors = errors
    return page


def close(page) -> None:
    errors = page.errors
    page.context.close()
    assert not errors, errors


def axe_clean(page, state: str) -> None:
    result = Axe().run(page, options=AXE_OPTIONS)
    assert result.violations_count == 0, f"{state}\n{result.generate_report()}"


def shot(page, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"campagne-{name}.png"), full_page=True)




def create_campaign(page, name: str, before: str = "") -> str:
    page.fill("#campaign-name", name)
    page.click("#campaign-submit")
    page.wait_for_function("before => { const c = document.getElementById('campaign-code')"
                           ".textContent; return c.length === 9 && c !== before; }", arg=before,
                           timeout=30_000)
    return page.text_content("#campaign-code")


def finish_test(page) -> None:
    """Answer with the keyboard until the results show."""
    page.wait_for_selector("#question:not([hidden])")
    while page.is_visible("#question"):
        number = question_number(page)
        answer_with_keyboard(page)
        wait_next(page, number)
    page.wait_for_selector("#results:not([hidden])")


def import_code(mediator, code: str, label: str, count: int) -> None:
    mediator.fill("#import-codes", f"{label} ; {code}")
    mediator.click("#import-codes-button")
    mediator.wait_for_function(f"() => Number(document.body.dataset.imported || 0) >= {count}",
                               timeout=30_000)


def csv_rows(mediator) -> tuple[list[str], list[list[str]]]:
    with mediator.expect_download() as info:
        mediator.click("#csv-button")
    raw = Path(info.value.path()).read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    table = list(csv.reader(io.StringIO(raw.decode("utf-8-sig")), delimiter=";"))
    return table[0], table[1:]


def test_the_home_page_reads_codes_exactly_as_python_does(server, browser):
    """« J'ai un code » checks a typed code at once: every single-character typo and every swap
    of neighbours of real codes gets the verdict and the French message of campaigns.codes."""
    page = context_page(browser)
    page.goto(server["url"] + "index.html")
    samples = [str(codes.CampaignCode(n, codes.parcours_slot("essentiel"), "evaluer"))
               for n in (0, 4242, 123_456)] + [str(codes.CampaignCode(77, 0, "collecter"))]
    variants = set(samples) | {"kxrt-pm248", "AB", "ABCDEF23I", "ABCDE1234", " ujq ynw-788 "}
    for code in samples:
        for i in range(9):
            pool = codes.LETTERS if i < 6 else codes.DIGITS
            variants |= {code[:i] + c + code[i + 1:] for c in pool + "IO01"}
            if i < 8:
                variants.add(code[:i] + code[i + 1] + code[i] + code[i + 2:])
    js = page.evaluate("""async (texts) => {
        const { decodeCampaignCode } = await import('./static/campaign-code.js');
        return texts.map((t) => { try { const d = decodeCampaignCode(t); return [d.code, d.slot, d.goal]; }
                                  catch (e) { return e.message; } });
    }""", sorted(variants))
    for text, got in zip(sorted(variants), js, strict=True):
        try:
            decoded = codes.decode(text)
            expected = [codes.normalise(text), decoded.slot, decoded.goal]
        except codes.CodeError as exc:
            expected = str(exc)
        assert got == expected, text
    close(page)


def test_a_campaign_on_a_parcours_from_code_to_csv(server, browser, built_site):
    url = server["url"]
    mediator = context_page(browser)
    new_mediator_space(mediator, url)
    code = create_campaign(mediator, "Atelier du mardi")
    assert codes.decode(code).slot == codes.parcours_slot("essentiel")

    # The participant: a typo is caught on the home page, then the code typed loosely works.
    person = context_page(browser, dice=11)
    person.goto(url + "index.html")
    axe_clean(person, "accueil, « J'ai un code »")
    typo = code[:2] + ("B" if code[2] != "B" else "C") + code[3:]
    person.focus("#campaign-code-input")
    person.keyboard.type(typo)
    person.keyboard.press("Enter")
    person.wait_for_selector("#campaign-code-error:not([hidden])")
    assert "mal recopié" in person.text_content("#campaign-code-error")
    assert person.evaluate("() => document.activeElement.id") == "campaign-code-input"
    assert person.get_attribute("#campaign-code-input", "aria-invalid") == "true"
    axe_clean(person, "accueil, code mal recopié")
    shot(person, "1-code-errone")
    person.fill("#campaign-code-input", "")
    person.keyboard.type(f"{code[:3].lower()} {code[3:6].lower()}-{code[6:]}")
    person.keyboard.press("Enter")
    person.wait_for_url(f"**/test/index.html?campagne={code}")
    person.wait_for_selector("#campaign-landing:not([hidden])", timeout=90_000)
    assert person.text_content("#intro-title") == f"Campagne {code}"
    assert "Parcours « L'essentiel »" in person.text_content("#intro-subject")
    assert person.is_hidden("#campaign-id-field")   # a bare code asks no external id
    assert "Rien ne quitte cet appareil sans vous" in person.text_content("#campaign-landing")
    axe_clean(person, "accueil de la campagne")
    shot(person, "2-accueil-campagne")
    person.focus("#start-button")
    person.keyboard.press("Enter")
    finish_test(person)
    person.wait_for_function("() => document.body.dataset.resultCode", timeout=30_000)
    result_code = person.text_content("#result-code")
    assert re.fullmatch(r"[0-9A-Z]{4}(-[0-9A-Z]{1,4})+", result_code)
    send = person.text_content("#campaign-send")
    assert "Envoyer mes résultats au médiateur" in send
    assert "Rien ne quitte cet appareil sans vous" in send
    assert int(person.get_attribute("#result-qr svg.qr", "data-modules")) >= 21
    mastery = person.evaluate("""() => JSON.parse(localStorage.getItem('diagnum'))""")
    entry = next(e for p in mastery["profiles"].values() for e in p["history"])
    assert entry["key"] == f"campagne:{code}" and entry["campaign"]["code"] == code
    record = entry["record"]
    axe_clean(person, "résultats et envoi au médiateur")
    shot(person, "3-envoi")
    person.set_viewport_size({"width": 390, "height": 844})
    axe_clean(person, "envoi au médiateur, téléphone")
    shot(person, "4-envoi-telephone")
    # « Mon espace » names the campaign.
    person.goto(url + "mon-espace/index.html")
    person.wait_for_selector(".test-item")
    assert f"Campagne {code}" in person.locator(".test-item h3").first.text_content()

    # The mediator pastes the code: the table, the analysis, the CSV.
    import_code(mediator, result_code, "Camille", 1)
    assert "1 résultat(s) importé(s)" in mediator.text_content("#import-report")
    assert mediator.locator("#results-table th", has_text="Camille").count() == 1
    assert mediator.locator("#tube-list > li").count() == 2
    header, lines = csv_rows(mediator)
    assert len(lines) == 1
    row = dict(zip(header, lines[0], strict=True))
    assert row["Code"] == code and row["Nom du Participant"] == "Camille"
    assert int(row["% maitrise de l'ensemble des acquis du profil"]) == record["profile"]["mastery"]
    # Per competence: the skills of the parcours the participant validated, as the record says.
    titles = {c["id"]: c["title"] for c in load_bundle(built_site)["competences"]}
    targets = set(profile_skills(referential(built_site).profiles["essentiel"]))
    checked = 0
    for c in record["competences"]:
        mastered = [s for s in c["validated"] if s in targets]
        assert int(row[f"Acquis maitrisés dans la compétence {titles[c['id']]}"]) == len(mastered)
        checked += 1
    assert checked == 2

    # « Collecter les profils »: the participant sends the profile of the tests taken here.
    mediator.check("input[name=goal][value=collecter]")
    collect = create_campaign(mediator, "Profils de rentrée", before=code)
    assert codes.decode(collect).goal == "collecter"
    person.goto(url + "index.html")
    person.fill("#campaign-code-input", collect)
    person.press("#campaign-code-input", "Enter")
    person.wait_for_selector("#campaign-profile-now:not([hidden])", timeout=90_000)
    axe_clean(person, "campagne « collecter », téléphone")
    person.focus("#campaign-profile-button")
    person.keyboard.press("Enter")
    person.wait_for_function("() => document.body.dataset.resultCode", timeout=30_000)
    shown = person.text_content("#result-profile")
    for c in record["competences"]:
        assert f"{c['id']} {titles[c['id']]} : niveau {c['level']} ({c['pix']} pix)" in shown
    axe_clean(person, "profil envoyé, téléphone")
    shot(person, "6-profil")
    import_code(mediator, person.text_content("#result-code"), "Camille", 2)
    header, lines = csv_rows(mediator)
    row = dict(zip(header, lines[0], strict=True))
    for c in record["competences"]:
        assert row[f"Niveau pour la compétence {titles[c['id']]}"] == str(c["level"])
        assert row[f"Nombre de pix pour la compétence {titles[c['id']]}"] == str(c["pix"])
    close(person)
    close(mediator)


def test_a_campaign_by_link_with_a_selection_and_an_external_id(server, browser, built_site,
                                                              tmp_path):
    url = server["url"]
    mediator = context_page(browser)
    new_mediator_space(mediator, url)
    mediator.check("input[name=target][value=selection]")
    mediator.select_option("#cap-mots-de-passe", "2")
    mediator.fill("#campaign-label", "Numéro de dossier")
    mediator.fill("#campaign-landing", "Bonjour <b>à tous</b> !\n\nPrenez votre temps.")
    code = create_campaign(mediator, "Sécurité d'abord")
    link = mediator.input_value("#campaign-link")
    assert "#c=" in link
    selection = links.decode_campaign(link.split("#", 1)[1])["selection"]
    assert selection == [{"tube": "mots-de-passe", "max_level": 2}]

    person = context_page(browser, width=390, height=844, dice=23)
    # A damaged link: said in French, with the way back to « J'ai un code ».
    person.goto(link[:-6])
    person.wait_for_selector("#failure:not([hidden])", timeout=90_000)
    assert "abîmé" in person.text_content("#failure-body")
    assert person.get_attribute("#failure-body a", "href").endswith("index.html#campaign-join")
    axe_clean(person, "lien abîmé, téléphone")
    person.goto("about:blank")  # the good link differs only by its fragment: a real load
    person.goto(link)
    person.wait_for_selector("#campaign-landing:not([hidden])", timeout=90_000)
    assert person.text_content("#intro-title") == "Campagne « Sécurité d'abord »"
    # The mediator's text is text: its markup is shown, never parsed.
    assert person.locator("#campaign-text b").count() == 0
    assert "Bonjour <b>à tous</b> !" in person.text_content("#campaign-text")
    assert person.locator("#campaign-text p").count() == 2
    assert person.is_visible("#campaign-id")
    assert "Numéro de dossier" in person.text_content("#campaign-id-label")
    person.focus("#start-button")
    person.keyboard.press("Enter")
    person.wait_for_selector("#campaign-id-error:not([hidden])")
    assert person.evaluate("() => document.activeElement.id") == "campaign-id"
    axe_clean(person, "identifiant manquant, téléphone")
    shot(person, "5-lien-identifiant")
    person.keyboard.type("D-1207")
    person.focus("#start-button")
    person.keyboard.press("Enter")
    person.wait_for_selector("#question:not([hidden])")
    number = question_number(person)
    answer_with_keyboard(person)
    wait_next(person, number)
    # Stop and come back later: the test resumes, the campaign and its external id kept.
    person.goto(url + "index.html")
    resume = person.locator("#home-resume")
    assert "Campagne « Sécurité d'abord »" in resume.text_content()
    person.get_by_role("link", name="Reprendre votre test : Campagne « Sécurité d'abord »").click()
    person.wait_for_selector("#campaign-landing:not([hidden])", timeout=90_000)
    assert person.input_value("#campaign-id") == "D-1207"
    person.click("#resume-button")
    finish_test(person)
    person.wait_for_function("() => document.body.dataset.resultCode", timeout=30_000)
    data = json.loads(person.evaluate("() => localStorage.getItem('diagnum')"))
    entry = next(e for p in data["profiles"].values() for e in p["history"])
    record = entry["record"]
    assert {a["tube"] for a in record["answers"]} == {"mots-de-passe"}
    assert all(a["level"] <= 2 for a in record["answers"])
    with person.expect_download() as info:
        person.click("#campaign-file")
    file_path = tmp_path / "resultat.json"
    info.value.save_as(file_path)
    sent = parse_result_file(file_path.read_text(encoding="utf-8"))
    assert sent["campaign"] == {"code": code, "external_id": "D-1207"}
    assert sent["records"] == [record]
    axe_clean(person, "fichier téléchargé, téléphone")

    # The mediator imports the file, then the same result as a code: two sources, one figure.
    mediator.set_input_files("#import-files", str(file_path))
    mediator.wait_for_function("() => Number(document.body.dataset.imported || 0) >= 1",
                               timeout=30_000)
    assert mediator.locator("#results-table th", has_text="D-1207").count() == 1
    import_code(mediator, person.text_content("#result-code"), "par code", 2)
    header, lines = csv_rows(mediator)
    assert len(lines) == 2
    rows = {line[header.index("Numéro de dossier")]: dict(zip(header, line, strict=True))
            for line in lines}
    campaign = {"code": code, "name": "", "goal": "evaluer", "parcours": None,
                "selection": selection}
    targets = profile_skills(mediator_model.target_profile(
        mediator_model.Site(load_bundle(built_site)), campaign))
    validated = [s for c in record["competences"] for s in c["validated"] if s in targets]
    expected = round(100 * len(validated) / len(targets))
    for label in ("D-1207", "par code"):
        assert int(rows[label]["% maitrise de l'ensemble des acquis du profil"]) == expected
    close(person)
    close(mediator)


def test_my_data_refuses_a_deeply_nested_file_before_parsing_it(server, browser, tmp_path):
    """Pyodide dies on hostile nesting: « Mes données » refuses it in French, and the checker
    keeps working for the next file."""
    page = context_page(browser)
    page.goto(server["url"] + "mes-donnees/index.html")
    page.wait_for_selector("body[data-data-ready]")
    hostile = tmp_path / "profond.json"
    hostile.write_text('{"format": "diagnum-resultats", "records": ' + "[" * 200_000
                       + "]" * 200_000 + "}", encoding="utf-8")
    page.set_input_files("#import-file", str(hostile))
    page.click("#import-submit")
    page.wait_for_selector("#import-result .alert", timeout=90_000)
    assert "imbriquée beaucoup trop profondément" in page.text_content("#import-result")
    foreign = tmp_path / "autre.json"
    foreign.write_text('{"format": "autre"}', encoding="utf-8")
    page.set_input_files("#import-file", str(foreign))
    page.click("#import-submit")
    page.wait_for_function(
        "() => document.getElementById('import-result').textContent.includes('Diagnum')")
    close(page)
