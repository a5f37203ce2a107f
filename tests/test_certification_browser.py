"""« Certification blanche », a whole session in a real browser with real Pyodide.

The shipped content (16 competences: a candidate needs five at level 1) is built with a
content/centres.yaml that lists one test centre, and served from a sub-path over
http://127.0.0.1 (a secure context). A mediator imports that centre's key and opens a session
(today) with the keyboard, prints the attendance sheet; a candidate sits it on the candidate's
page (another browser context) and hands over the file; more files are made in CPython by the
engine in the contract's format. The mediator refuses a wrong room word, neutralises a question,
signs, prints the attestation on one A4 page and downloads it. A verifier opens the QR code's
link: valid; a tampered copy fails; a second centre, whose key the site does not list, signs
too: refused with a clear message. axe at every state.
"""

from __future__ import annotations

import base64
import copy
import json
import re
import shutil
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe

from builder.build import build
from certification import centres
from engine import load_referential

from .conftest import ROOT
from .support.browser import answer_with_keyboard, new_mediator_space, stored_mediator_space
from .support.candidates import candidate_file
from .support.server import PREFIX, serve_site
from .test_certification_candidate_browser import eligible_record, proctor, wait_title
from .test_space_browser import store

AXE_OPTIONS = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}}
PASSPHRASE = "le jardin du centre social"
KEY_FILE = ROOT / "tests" / "fixtures" / "certification" / "centre-des-tilleuls.diagnum-cle"
KEY_PASSPHRASE = "la clé des tilleuls, pour les tests"
PUBLIC = json.loads((KEY_FILE.parent / "centre-des-tilleuls.public.json").read_text("utf-8"))
MENTION = "certification blanche — ce document n'est pas une certification Pix"
MONTHS = ("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre",
          "octobre", "novembre", "décembre")


@pytest.fixture(scope="module")
def real_site(tmp_path_factory):
    root = tmp_path_factory.mktemp("certification")
    content = root / "content"
    shutil.copytree(ROOT / "content", content)
    (content / "centres.yaml").write_text(
        "# Les centres dont ce site vérifie les attestations.\n"
        + centres.yaml_block(PUBLIC["centre"]["id"], PUBLIC["centre"]["name"], PUBLIC["jwk"]),
        encoding="utf-8")
    build(content, root / "dist", ROOT, log=lambda _m: None, precompress=False)
    bundle = json.loads((root / "dist" / "data" / "referential.json").read_text("utf-8"))
    with serve_site(root / "dist") as server:
        yield server, load_referential(bundle), root / "dist"
    outside = [r for r in server["requests"] if not r.startswith(PREFIX)]
    assert not outside, outside


def new_page(browser, errors: list[str]):
    context = browser.new_context(locale="fr-FR", viewport={"width": 1100, "height": 900},
                                  accept_downloads=True)
    requested: list[str] = []
    context.on("request", lambda r: requested.append(r.url))
    page = context.new_page()
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.requested = requested
    return page


def check_axe(page, state: str) -> None:
    result = Axe().run(page, options=AXE_OPTIONS)
    assert result.violations_count == 0, f"{state}\n{result.generate_report()}"




def open_session(page, date: str) -> dict:
    """The session form, with the keyboard only; the session as the page shows it."""
    before = page.text_content("#cert-session-code") if page.is_visible("#cert-session") else ""
    page.focus("#session-date")
    page.fill("#session-date", date)
    for field, text in (("#session-place", "Centre social des Tilleuls"),
                        ("#session-room", "Salle 2"), ("#session-proctor", "Mme Durand")):
        page.focus(field)
        page.keyboard.type(text)
    page.focus("#session-retake")
    page.keyboard.press("Control+A")
    page.keyboard.type("30")
    page.keyboard.press("Enter")
    page.wait_for_function("before => !document.getElementById('cert-session').hidden && "
                           "document.getElementById('cert-session-code').textContent !== before",
                           arg=before)
    assert page.evaluate("() => document.activeElement.id") == "cert-session-title"
    return {"code": page.text_content("#cert-session-code"), "date": date,
            "room_word": page.text_content("#cert-room-word"),
            "proctor_code": page.text_content("#cert-proctor-code"), "retake_days": 30}


def import_files(page, files: list[tuple[str, dict]], count: int) -> str:
    page.set_input_files("#cert-files", [{"name": name, "mimeType": "application/json",
                                          "buffer": json.dumps(data).encode()}
                                         for name, data in files])
    page.wait_for_function(f"() => Number(document.body.dataset.certImported || 0) >= {count}",
                           timeout=60_000)
    return page.text_content("#cert-report")


def sign_first(page, count: int) -> None:
    page.focus("button[data-sign]")
    page.keyboard.press("Enter")
    page.wait_for_function(f"() => Number(document.body.dataset.signed || 0) >= {count}",
                           timeout=30_000)


def verify(page, url: str, code: str) -> str:
    page.goto(url + "verifier/index.html")
    page.wait_for_function("() => document.body.dataset.verifyReady === 'true'")
    before = page.evaluate("() => Number(document.body.dataset.verified || 0)")
    page.focus("#verify-code")
    page.fill("#verify-code", code)
    page.keyboard.press("Tab")
    assert page.evaluate("() => document.activeElement.id") == "verify-button"
    page.keyboard.press("Enter")
    page.wait_for_function(f"() => Number(document.body.dataset.verified || 0) > {before}")
    return page.evaluate("() => document.body.dataset.verdict")


def sit_the_session(browser, url: str, dist: Path, session: dict, errors: list[str]) -> dict:
    """The candidate's page (the other half of the issue), in its own browser: a profile with
    five competences, the session code and the room word, 15 questions by keyboard, a pause the
    proctor lifts with the code; the file it downloads."""
    page = new_page(browser, errors)
    store(page, {"url": url}, {"competence:mix": eligible_record(dist)})
    page.goto(url + "certification/index.html")
    page.wait_for_selector("body[data-engine-ready]", timeout=120_000)
    page.focus("#cert-who-submit")
    page.keyboard.press("Enter")
    page.wait_for_selector("#cert-join:not([hidden])")
    page.fill("#cert-code", session["code"].lower())
    page.fill("#cert-word", session["room_word"].capitalize())
    page.fill("#cert-name", "Camille Martin")
    page.focus("#cert-join-submit")
    page.keyboard.press("Enter")
    for number in range(1, 16):
        wait_title(page, f"Question {number}")
        if number == 3:
            proctor(page, session["proctor_code"])
            page.wait_for_selector("#cert-paused:not([hidden])")
            proctor(page, session["proctor_code"])
            wait_title(page, "Question 3")
        answer_with_keyboard(page)
    page.wait_for_selector("#cert-done:not([hidden])")
    with page.expect_download() as info:
        page.click("#cert-download")
    data = json.loads(Path(info.value.path()).read_text("utf-8"))
    page.context.close()
    return data


def b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).decode().rstrip("=")


def test_a_session_signed_by_the_centre_and_verified_by_a_third_party(real_site, browser,
                                                                       tmp_path):
    server, ref, dist = real_site
    url = server["url"]
    today = datetime.now(UTC).date()
    errors: list[str] = []
    page = new_page(browser, errors)
    new_mediator_space(page, url)
    page.click("a[href='#certification']")
    assert page.is_visible("#key-none") and page.is_hidden("#cert-session")
    check_axe(page, "certification : pas encore de clé")

    # The centre's key, imported from its encrypted file: its public block is the site's.
    page.set_input_files("#key-file", str(KEY_FILE))
    page.fill("#key-file-passphrase", "pas la bonne phrase")
    page.click("#key-import")
    page.wait_for_function("() => document.getElementById('key-status').textContent !== ''")
    assert "incorrecte" in page.text_content("#key-status") and page.is_hidden("#key-present")
    page.fill("#key-file-passphrase", KEY_PASSPHRASE)
    page.click("#key-import")
    page.wait_for_selector("#key-present:not([hidden])")
    block = page.text_content("#key-yaml")
    assert block == centres.yaml_block("centre-des-tilleuls", "Centre social des Tilleuls",
                                       PUBLIC["jwk"])

    session = open_session(page, today.isoformat())
    assert re.fullmatch(r"[BCDFGHJKMPQRTVWXY]{4}[2346789]{2}", session["code"])
    assert re.fullmatch(r"[a-z]{3,30}", session["room_word"])
    assert re.fullmatch(r"[0-9]{6}", session["proctor_code"])
    check_axe(page, "session ouverte")

    # The attendance sheet: printing shows it, and nothing of the space.
    page.evaluate("() => { window.print = () => {}; }")
    page.click("#attendance-button")
    page.emulate_media(media="print")
    assert page.is_visible("#print-attendance") and page.is_hidden("#space")
    assert session["code"] in page.text_content("#print-attendance")
    assert page.locator("#print-attendance tbody tr").count() >= 12
    page.screenshot(path=str(tmp_path / "emargement.png"), full_page=True)
    page.emulate_media(media="screen")

    # A candidate sits the session on the candidate's page.
    camille = sit_the_session(browser, url, dist, session, errors)
    assert camille["session"] == session["code"] and len(camille["asked"]) == 15

    # Files made in CPython in the contract's format: one fair, one with the wrong room word.
    full = {**session, "place": "", "room": "", "proctor": "", "centre": "centre-des-tilleuls"}
    good = candidate_file(ref, full, "Zoé Martin", 5, right=lambda i, pick: i != 0)
    good["proctor_events"].append({"action": "note", "code": session["proctor_code"],
                                   "at": f"{today.isoformat()}T14:03:00Z",
                                   "note": "Écran figé à la première question, redémarré."})
    wrong_word = candidate_file(ref, full, "Paul Durand", 6)
    wrong_word["room_word"] = "parapluie"
    report = import_files(page, [("zoe.json", good), ("paul.json", wrong_word),
                                 ("camille.json", camille)], 1)
    assert "zoe.json : vérifié. Taux de reproductibilité 98 %" in report
    assert "paul.json : refusé" in report and "« parapluie »" in report
    assert "camille.json : vérifié" in report, report
    assert page.locator("#candidates-table tbody tr").count() == 2
    # The same file again: refused, nothing added.
    report = import_files(page, [("zoe.json", good)], 2)
    assert "déjà été importé" in report
    assert page.locator("#candidates-table tbody tr").count() == 2
    check_axe(page, "candidat vérifié")

    # The proctor noted a technical problem: the mediator neutralises that question.
    page.focus("button[data-detail]")
    page.keyboard.press("Enter")
    assert page.evaluate("() => document.activeElement.id") == "candidate-detail"
    detail = page.text_content("#candidate-detail")
    assert "« Écran figé à la première question, redémarré. »" in detail
    check_axe(page, "détail d'un candidat")
    first = good["asked"][0]["challenge"]
    page.focus(f"input[data-neutralise='{first}']")
    page.keyboard.press("Space")
    page.focus("button[data-recheck]")
    page.keyboard.press("Enter")
    page.wait_for_function("() => document.body.dataset.rechecked === '1'")
    assert "1 épreuve(s) neutralisée(s)" in page.text_content("#cert-report")
    assert "100 %" in page.text_content("#candidates-table tbody tr")
    assert "neutralisée" in page.text_content("#candidate-detail")
    page.locator("#candidate-detail").screenshot(path=str(tmp_path / "detail.png"))
    page.click("#candidate-detail-close")

    sign_first(page, 1)
    sheet = page.text_content("#attestation-sheet")
    assert "Zoé Martin" in sheet and MENTION in sheet and session["code"] in sheet
    assert page.locator("#attestation-sheet svg.qr").count() == 1
    assert page.evaluate("() => document.activeElement.id") == "attestation"
    check_axe(page, "attestation signée")
    page.locator("#certification").screenshot(path=str(tmp_path / "mediateur.png"))

    # The attestation on one A4 page, without menus.
    page.click("#attestation-print")
    page.emulate_media(media="print")
    assert page.is_visible("#print-attestation svg.qr") and page.is_hidden("#space")
    assert page.is_hidden("header.site-header") and page.is_hidden("footer.site-footer")
    page.screenshot(path=str(tmp_path / "attestation.png"), full_page=True)
    pdf = page.pdf(format="A4")
    assert pdf.count(b"/Type /Page\n") + pdf.count(b"/Type /Page\r") + pdf.count(
        b"/Type /Page>>") + pdf.count(b"/Type /Page ") == 1
    page.emulate_media(media="screen")

    with page.expect_download() as info:
        page.click("#attestation-download")
    saved = json.loads(Path(info.value.path()).read_text("utf-8"))
    assert saved["format"] == "diagnum-attestation" and saved["mention"] == MENTION
    code = saved["code"]
    header, payload, signature = code.split(".")
    body = json.loads(base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4)))
    assert (body["name"], body["date"], body["session"], body["centre"]) == (
        "Zoé Martin", today.isoformat(), session["code"], "centre-des-tilleuls")
    expected = {c["id"]: [c["level"], c["pix"]] for c in good["profile"]["competences"]
                if c["level"] >= 1}
    assert {cid: [lv, px] for cid, lv, px in body["competences"]} == expected
    assert saved["verify"].endswith("verifier/index.html#" + code)
    assert [b["badge"]["title"] for b in saved["badges"]] == [b["title"] for b in body["badges"]]
    with page.expect_download() as info:
        page.click("#badge-exports button")
    badge_jws = Path(info.value.path()).read_text("utf-8")

    # The space keeps everything encrypted: no name, no private key in clear.
    stored = stored_mediator_space(page)
    assert "Zoé" not in stored and '"d"' not in stored and session["code"] not in stored

    # Camille's attestation, signed from her own page's file.
    page.focus("button[data-sign]")
    page.keyboard.press("Enter")
    page.wait_for_function("() => Number(document.body.dataset.signed || 0) >= 2")
    assert "Camille Martin" in page.text_content("#attestation-sheet")
    with page.expect_download() as info:
        page.click("#attestation-download")
    camille_code = json.loads(Path(info.value.path()).read_text("utf-8"))["code"]

    # Zoé again, in a session 13 days later: the centre asked for 30 days.
    later = open_session(page, (today + timedelta(days=13)).isoformat())
    again = candidate_file(ref, {**full, **later}, "ZOE MARTIN", 7)
    report = import_files(page, [("zoe-bis.json", again)], 3)
    allowed = (today + timedelta(days=30)).isoformat()
    assert "refusé" in report and f"pas avant le {allowed}" in report
    assert page.locator("#candidates-table tbody tr").count() == 0

    # A verifier (another browser, nothing stored) opens the QR code's link.
    verifier = new_page(browser, errors)
    verifier.goto(saved["verify"])
    verifier.wait_for_function("() => document.body.dataset.verdict")
    assert verifier.evaluate("() => document.body.dataset.verdict") == "ok"
    shown = verifier.text_content("#verify-result")
    assert "Signature valide" in shown and "Centre social des Tilleuls" in shown
    assert "Zoé Martin" in shown and MENTION in shown
    assert f"{today.day} {MONTHS[today.month - 1]} {today.year}" in shown
    check_axe(verifier, "attestation vérifiée")
    verifier.screenshot(path=str(tmp_path / "verifiee.png"), full_page=True)

    # A changed name, date or level: the signature no longer matches.
    for change in ({"name": "Zoé Martine"}, {"date": (today + timedelta(days=1)).isoformat()},
                   {"competences": [[c, min(8, lv + 1), px] for c, lv, px in body["competences"]]}):
        forged = copy.deepcopy(body) | change
        tampered = f"{header}.{b64(json.dumps(forged, ensure_ascii=False).encode())}.{signature}"
        assert verify(verifier, url, tampered) == "bad-signature"
        assert "modifié" in verifier.text_content("#verify-result")
    check_axe(verifier, "attestation modifiée")
    assert verify(verifier, url, code[:-12]) == "malformed"
    assert verify(verifier, url, camille_code) == "ok"
    assert "Camille Martin" in verifier.text_content("#verify-result")
    # The badge, signed the same way, verifies on the same page.
    assert verify(verifier, url, badge_jws) == "ok"
    assert "Open Badges 3.0" in verifier.text_content("#verify-result")

    # Another centre: a new key made in its browser; the site does not list it.
    other = new_page(browser, errors)
    new_mediator_space(other, url)
    other.fill("#centre-id", "autre-centre")
    other.fill("#centre-name", "Autre centre")
    other.press("#centre-name", "Enter")
    other.wait_for_selector("#key-present:not([hidden])")
    other_block = other.text_content("#key-yaml")
    spki = re.search(r"cle_publique: (\S+)", other_block).group(1)
    other_jwk = centres.jwk_from_spki(spki)      # the block is a valid P-256 public key
    assert other_jwk != PUBLIC["jwk"]
    other_session = open_session(other, today.isoformat())
    other_file = candidate_file(ref, {**full, **other_session}, "Zoé Martin", 5)
    assert "vérifié" in import_files(other, [("zoe.json", other_file)], 1)
    sign_first(other, 1)
    with other.expect_download() as info:
        other.click("#attestation-download")
    other_code = json.loads(Path(info.value.path()).read_text("utf-8"))["code"]
    assert verify(verifier, url, other_code) == "unknown-key"
    assert "clé que ce site ne connaît pas" in verifier.text_content("#verify-result")
    verifier.locator("#verify-result").screenshot(path=str(tmp_path / "cle-inconnue.png"))
    # The key's own export: a file encrypted with the passphrase typed for it.
    other.fill("#key-export-passphrase", "une autre phrase du centre")
    with other.expect_download() as info:
        other.click("#key-export")
    exported = json.loads(Path(info.value.path()).read_text("utf-8"))
    assert exported["format"] == "diagnum-cle-centre" and exported["kdf"]["name"] == "PBKDF2"
    assert "autre-centre" not in json.dumps(exported) and '"d"' not in json.dumps(exported)
    # The same, claiming the listed centre's key id: refused too.
    known_kid = centres.thumbprint(PUBLIC["jwk"])
    fake_header = b64(json.dumps({"alg": "ES256", "kid": known_kid, "typ": "JWT"}).encode())
    assert verify(verifier, url, fake_header + other_code[other_code.index("."):]) == \
        "bad-signature"

    for p in (page, verifier, other):
        foreign = [u for u in p.requested if not u.startswith(("http://127.0.0.1:", "blob:"))]
        assert not foreign, foreign
        p.context.close()
    assert not errors, errors


def test_on_plain_http_the_verify_page_says_it_needs_https(real_site, insecure_browser):
    from .conftest import insecure_url

    server, _ref, _dist = real_site
    page = insecure_browser.new_page()
    page.goto(insecure_url(server["url"]) + "verifier/index.html#abc.def.ghi")
    page.wait_for_selector("#verify-insecure:not([hidden])")
    assert "https://" in page.text_content("#verify-insecure")
    assert page.is_disabled("#verify-button")
    page.close()
