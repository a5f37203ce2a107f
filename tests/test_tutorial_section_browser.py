"""A skill linked to a section of a tutorial ("@id#ancre"): the results page, in a real browser,
sends the learner to that section of the built tutorial, from a sub-path."""

from __future__ import annotations

import shutil
from pathlib import Path

from builder.build import build

from .conftest import FIXTURE_CONTENT, ROOT
from .support.server import serve_site
from .test_browser import READY, question_number, wait_next

TUTORIAL = "tutorials/guide-mots-de-passe.md"


def test_results_link_to_the_section_of_a_tutorial(tmp_path: Path, browser):
    content = tmp_path / "content"
    shutil.copytree(FIXTURE_CONTENT, content)
    path = content / TUTORIAL
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace('acquis: ["@mots-de-passe1", "@mots-de-passe2"]',
                                 'acquis: ["@mots-de-passe1#les-etapes", "@mots-de-passe2#a-retenir"]'),
                    encoding="utf-8")
    dist = tmp_path / "dist"
    build(content, dist, ROOT, log=lambda _m: None)
    context = browser.new_context(locale="fr-FR", viewport={"width": 1000, "height": 900})
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    try:
        with serve_site(dist) as server:
            page.goto(server["url"] + "test/index.html?competence=4.1")
            page.wait_for_selector(READY, timeout=60_000)
            page.click("#start-button")
            page.wait_for_selector("#question:not([hidden])")
            for _ in range(40):        # « Je passe » everywhere: every skill is to learn
                if not page.is_visible("#question"):
                    break
                number = question_number(page)
                page.click("#skip-button")
                wait_next(page, number)
            page.wait_for_selector("#results:not([hidden])")
            link = page.get_by_role("link", name="Guide des mots de passe — Les étapes")
            assert page.get_by_role("link", name="Guide des mots de passe — À retenir").count() == 1
            assert link.get_attribute("href").endswith(
                "tutoriels/guide-mots-de-passe/index.html#les-etapes")
            page.screenshot(path=str(tmp_path / "results.png"), full_page=True)
            link.click()
            page.wait_for_selector("h2#les-etapes")
            page.screenshot(path=str(tmp_path / "section.png"))
            page.wait_for_load_state()
            assert page.url.startswith(server["url"] + "tutoriels/guide-mots-de-passe/")
            assert page.url.endswith("#les-etapes")
            assert page.locator("h2#les-etapes").text_content() == "Les étapes"
            # The tutorial's own list of skills points at the section of each.
            helps = page.locator("aside.helps a")
            assert helps.first.get_attribute("href") == "#les-etapes"
    finally:
        context.close()
    assert not errors, errors
