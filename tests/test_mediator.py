"""The mediator's figures in CPython: campaigns, links, imports, the table, « Analyse », the CSV."""

from __future__ import annotations

import copy
import csv
import io
import json

import pytest

from campaigns import codes, links, mediator, protocol
from campaigns import results as rc
from engine.profiles import profile_skills
from tests.support.participants import load_bundle, referential, result_file

WORDS = [123456789, 987654321, 5555]


@pytest.fixture(scope="module")
def bundle(built_site):
    return load_bundle(built_site)


@pytest.fixture(scope="module")
def site(bundle):
    return mediator.Site(bundle)


@pytest.fixture(scope="module")
def ref(built_site):
    return referential(built_site)


def make(site, **fields):
    base = {"name": "Atelier du mardi", "goal": "evaluer", "parcours": "essentiel"}
    return mediator.new_campaign(site, {**base, **fields}, WORDS, "2026-12-07T10:00:00Z")


def test_a_campaign_on_a_parcours_needs_only_its_code(site):
    campaign = make(site)
    decoded = codes.decode(campaign["code"])
    assert decoded.goal == "evaluer" and decoded.slot == codes.parcours_slot("essentiel")
    assert campaign["needs_link"] is False and campaign["fragment"] == ""
    assert site.describe()["parcours"][0]["id"] == "essentiel"


def test_a_custom_campaign_travels_in_full_in_its_link(site):
    campaign = make(site, parcours="", selection=[{"tube": "mots-de-passe", "max_level": 2}],
                    external_id_label="Numéro de dossier", landing_text="Bienvenue « à tous »")
    assert campaign["needs_link"] and campaign["fragment"].startswith("c=")
    back = links.decode_campaign(campaign["fragment"])
    assert back["selection"] == [{"tube": "mots-de-passe", "max_level": 2}]
    assert back["landing_text"] == "Bienvenue « à tous »" and back["code"] == campaign["code"]
    profile = mediator.target_profile(site, back)
    assert profile_skills(profile) and all(site.skills[s]["level"] <= 2
                                           for s in profile_skills(profile))
    with pytest.raises(links.LinkError, match="abîmé"):
        links.decode_campaign(campaign["fragment"][:-6])


def test_a_campaign_form_reports_every_problem(site):
    with pytest.raises(mediator.CampaignError) as info:
        mediator.new_campaign(site, {"name": "", "goal": "evaluer", "parcours": "",
                                     "landing_text": "x" * 5001}, WORDS, "2026-12-07T10:00:00Z")
    assert len(info.value.problems) == 3


def test_import_table_analysis_and_csv_agree(site, ref):
    campaign = make(site, external_id_label="Numéro de dossier")
    files = [result_file(ref, campaign["code"], "essentiel", seed, external_id=f"D{seed}")
             for seed in range(6)]
    items = [{"name": f"{i}.json", "text": json.dumps(f)} for i, f in enumerate(files)]
    outcomes = mediator.import_batch(site, campaign, items, [])
    assert all(o["ok"] for o in outcomes), outcomes
    stored = [o["participation"] for o in outcomes]
    # The same files again: every one is a duplicate, nothing new.
    again = mediator.import_batch(site, campaign, items[:2], [p["id"] for p in stored])
    assert [o["ok"] for o in again] == [False, False] and "déjà" in again[0]["message"]
    report = mediator.report(site, campaign, stored)
    assert mediator.report(site, campaign, stored, with_csv=False)["csv"] is None
    rows = {r["label"]: r for r in report["rows"]}
    for f in files:
        record = f["records"][0]
        row = rows[f["campaign"]["external_id"]]
        assert row["mastery"] == record["profile"]["mastery"]
        assert [b["id"] for b in row["badges"] if b["obtained"]] == record["profile"]["badges"]
    table = list(csv.reader(io.StringIO(report["csv"].lstrip("\ufeff")), delimiter=";"))
    header, lines = table[0], table[1:]
    assert "Numéro de dossier" in header and len(lines) == 6
    col = header.index("% maitrise de l'ensemble des acquis du profil")
    by_id = {line[header.index("Numéro de dossier")]: int(line[col]) for line in lines}
    assert by_id == {f["campaign"]["external_id"]: f["records"][0]["profile"]["mastery"]
                     for f in files}
    # The analysis: mastery per competence is the share of validated skills over the group.
    skills = profile_skills(mediator.target_profile(site, campaign))
    total = sum(len(set(p["validated"]) & set(skills)) for p in stored)
    comps = report["analysis"]["competences"]
    assert sum(c["mastery"] * c["skills"] for c in comps) == pytest.approx(
        100 * total / len(stored), abs=len(comps))
    assert report["analysis"]["tubes"][0]["score"] <= report["analysis"]["tubes"][-1]["score"]


def test_result_codes_import_and_refusals(site):
    campaign = make(site)
    skills = profile_skills(mediator.target_profile(site, campaign))
    outcomes = {s: i % 2 == 0 for i, s in enumerate(skills)}
    code = rc.encode_skills(campaign["code"], skills, outcomes)
    got = mediator.read_code(site, campaign, code, "Zoé")
    assert got["validated"] == [s for s in skills if outcomes[s]] and got["label"] == "Zoé"
    forged = rc.normalise(code)
    forged = forged[:-1] + ("0" if forged[-1] != "0" else "1")
    other = make(site)   # the same random words: force a different campaign code
    other = {**other, "code": "ABCDEF" + other["code"][6:]}
    results = mediator.import_batch(site, campaign, [
        {"name": "a", "code": code, "label": ""}, {"name": "b", "code": code, "label": ""},
        {"name": "c", "code": forged}, {"name": "d", "code": rc.encode_skills(
            other["code"], skills, outcomes)}], [])
    assert [r["ok"] for r in results] == [True, False, False, False]
    assert "déjà" in results[1]["message"] and "pas valide" in results[2]["message"]
    assert "autre campagne" in results[3]["message"]


def test_damaged_foreign_and_wrong_campaign_files_are_refused(site, ref):
    campaign = make(site)
    good = result_file(ref, campaign["code"], "essentiel", 1)
    wrong = copy.deepcopy(good)
    wrong["campaign"]["code"] = "ABCDEF234"
    damaged = copy.deepcopy(good)
    damaged["records"][0]["competences"][0]["pix"] = 999
    loose = copy.deepcopy(good)
    del loose["campaign"]
    items = [{"name": "a", "text": json.dumps(good)[:-3]}, {"name": "b", "text": "{}"},
             {"name": "c", "text": json.dumps(wrong)}, {"name": "d", "text": json.dumps(damaged)},
             {"name": "e", "text": json.dumps(loose)}, {"name": "f", "text": "\u0000" * 10},
             {"name": "g", "text": "[" * 100_000 + "]" * 100_000}]
    results = mediator.import_batch(site, campaign, items, [])
    assert not any(r["ok"] for r in results)
    messages = [r["message"] for r in results]
    assert "JSON invalide" in messages[0] and "pas un fichier de résultats" in messages[1]
    assert "ABCDEF234" in messages[2] and "abîmé" in messages[3] and "campagne" in messages[4]
    assert "imbriquée" in messages[6]
    assert mediator.nesting_depth('{"a": "[[[[\\"[[", "b": [[1]]}') == 3


def test_collecting_profiles_by_code_and_csv(site):
    campaign = make(site, goal="collecter")
    keys = [c["id"] for c in site.competences]
    code = rc.encode_profile(campaign["code"], keys, {keys[0]: (3, 28)})
    got = mediator.read_code(site, campaign, code, "Léa")
    report = mediator.report(site, campaign, [got])
    assert report["rows"][0]["pix"] == 28
    table = list(csv.reader(io.StringIO(report["csv"].lstrip("\ufeff")), delimiter=";"))
    assert table[1][table[0].index("Nombre de pix total")] == "28"


def test_compare_puts_campaigns_side_by_side(site, ref):
    before, after = make(site), make(site)
    after = {**after, "code": "BCDEFG" + after["code"][6:]}
    parts = [mediator.read_file(site, before, json.dumps(result_file(ref, before["code"],
                                                                     "essentiel", 3)))]
    out = mediator.compare(site, [{"campaign": before, "participations": parts},
                                  {"campaign": after, "participations": []}])
    assert [c["participants"] for c in out["campaigns"]] == [1, 0]
    assert all(len(r["values"]) == 2 and r["values"][1] is None for r in out["competences"])


def test_protocol_speaks_json(bundle):
    assert json.loads(protocol.handle_json(json.dumps({"type": "report"})))["error"]["code"] in (
        "not-ready", "bad-request")
    init = json.loads(protocol.handle_json(json.dumps({"type": "init", "referential": bundle})))
    assert init["ok"] and init["site"]["tubes"]
    bad = json.loads(protocol.handle_json(json.dumps({
        "type": "new-campaign", "fields": {"name": "", "goal": "evaluer"}, "random": WORDS,
        "created": "2026-12-07T10:00:00Z"})))
    assert bad["error"]["code"] == "campaign-invalid" and bad["error"]["problems"]


def test_protocol_reads_a_campaign_link_and_refuses_a_damaged_one(bundle, site):
    protocol.handle(json.loads(json.dumps({"type": "init", "referential": bundle})))
    campaign = make(site, parcours="", selection=[{"tube": "mots-cles", "max_level": 1}])
    good = protocol.handle({"type": "read-link", "fragment": campaign["fragment"]})
    assert good["ok"] and good["campaign"]["selection"] == campaign["selection"]
    assert good["campaign"]["fragment"] == campaign["fragment"]
    bad = protocol.handle({"type": "read-link", "fragment": campaign["fragment"][:-5] + "AAAAA"})
    assert bad["error"]["code"] == "link-invalid" and "abîmé" in bad["error"]["message"]


def test_result_files_reach_python_as_bytes_beside_the_request(bundle, site, ref):
    """The worker sends each file's bytes apart from the JSON request: read as UTF-8 (a damaged
    byte replaced, as ``File.text()`` does), side by side with codes."""
    protocol.handle({"type": "init", "referential": bundle})
    campaign = make(site)
    good = json.dumps(result_file(ref, campaign["code"], "essentiel", 4)).encode()
    skills = profile_skills(mediator.target_profile(site, campaign))
    code = rc.encode_skills(campaign["code"], skills, {skills[0]: True})
    request = {"type": "import", "campaign": campaign, "known": [],
               "items": [{"name": "bon.json"}, {"name": "abime.json"},
                         {"name": "Code", "code": code, "label": ""}]}
    out = json.loads(protocol.handle_import_json(json.dumps(request),
                                                 [good, b"\xff\xfe{" + good[3:], None]))
    assert [o["ok"] for o in out["outcomes"]] == [True, False, True]
    assert "JSON invalide" in out["outcomes"][1]["message"]
    assert out["outcomes"][0]["participation"]["id"] == json.loads(good)["records"][0]["id"]
    assert json.loads(protocol.handle_import_json("{", []))["error"]["code"] == "bad-request"
