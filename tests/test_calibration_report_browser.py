"""The editors' calibration report in Chromium: one self-contained page (no request but itself),
0 axe violations on a desktop window and on a phone, every section filled."""

from __future__ import annotations

import random

import pytest
from axe_playwright_python.sync_playwright import Axe

from calibration import report
from calibration.estimate import calibrate
from calibration.inputs import read_results
from engine import load_referential

from .engine_suite.bank import make_bank
from .test_calibration import DATE, answers_of, record, result_file, true_parameters

AXE_OPTIONS = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}}


@pytest.fixture(scope="module")
def report_file(tmp_path_factory):
    root = tmp_path_factory.mktemp("rapport")
    ref = load_referential(make_bank(competences=1, tubes=2, variants=3))
    rng = random.Random(21)
    truth = true_parameters(ref, rng, easy={"sujet-0-b-5a", "sujet-0-b-5b", "sujet-0-b-5c"})
    truth["sujet-0-a-3b"] = (3.0, 0.1, truth["sujet-0-a-3b"][2])
    # One skill answered once in all: too few, even with its variants pooled.
    ids = sorted(c for c in truth if not c.startswith("sujet-0-a-6"))
    records = [record(ref, i, answers_of(truth, rng.sample(ids, 18), rng.gauss(3, 2), rng),
                      response="<b>médiatheque</b> & « co »") for i in range(900)]
    records[0]["answers"].append(record(ref, 0, [("sujet-0-a-6c", False)])["answers"][0])
    (root / "r.json").write_text(result_file(records), encoding="utf-8")
    (root / "casse.json").write_text("{", encoding="utf-8")
    data = read_results([root], ref)
    cal = calibrate(ref, data.persons)
    locations = {cid: f"content/referential/1.1/{cid[:9]}.yaml:{10 + i}"
                 for i, cid in enumerate(sorted(ref.challenges))}
    path = root / "rapport.html"
    path.write_text(report.render(ref, data, cal, locations, created=DATE,
                                  output="content/referential/calibration.yaml"),
                    encoding="utf-8")
    return path


@pytest.mark.parametrize("viewport", [{"width": 1280, "height": 800},
                                      {"width": 390, "height": 844}])
def test_report_is_self_contained_and_accessible(browser, report_file, viewport, tmp_path):
    page = browser.new_page(viewport=viewport)
    requests = []
    page.on("request", lambda r: requests.append(r.url))
    page.goto(report_file.as_uri())
    assert requests == [report_file.as_uri()]
    assert page.locator("h1").inner_text() == "Rapport de calibration des épreuves"
    tables = page.locator("table")
    captions = [tables.nth(i).locator("caption").inner_text() for i in range(tables.count())]
    assert captions == ["Épreuves dont la difficulté contredit le niveau",
                        "Épreuves à faible discrimination", "Marches inversées",
                        "Candidates aux réponses acceptées", "Épreuves répondues trop peu de fois"]
    # What learners typed stays text: no markup slips in.
    assert page.locator("td b").count() == 0
    assert page.get_by_text("<b>médiatheque</b> & « co »").count() >= 1
    result = Axe().run(page, options=AXE_OPTIONS)
    assert result.violations_count == 0, result.generate_report()
    page.screenshot(path=str(tmp_path / "rapport.png"), full_page=True)
    page.close()
