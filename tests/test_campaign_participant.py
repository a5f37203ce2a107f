"""The participant's side of a campaign in CPython: reading a code or a link, the test a campaign
runs (a parcours, or a selection of sujets with level caps given to the engine's ``start``), and
the result code the mediator's import reads back to the same figures as the result file."""

from __future__ import annotations

import json

import pytest

from campaigns import codes, mediator, participant
from engine import protocol
from engine.errors import EngineError
from engine.profiles import profile_skills
from engine.record import make_result_file
from engine.resultfile import MAX_DEPTH, nesting_depth, parse_result_file
from tests.support.participants import load_bundle, referential

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


@pytest.fixture
def engine(bundle):
    assert protocol.handle({"type": "init", "referential": bundle})["ok"]
    return protocol


def new(site, **fields):
    base = {"name": "Atelier du mardi", "goal": "evaluer", "parcours": "essentiel"}
    return mediator.new_campaign(site, {**base, **fields}, WORDS, "2026-12-07T10:00:00Z")


def take_test(engine, start, *, right=lambda i: i % 3 != 2):
    """Walk a whole test through the engine's protocol, as the page does; the final step."""
    step = engine.handle({"type": "start", "seed": 7, "started_at": "2026-12-07T15:00:00Z",
                          **start})
    assert step["ok"], step
    i = 0
    while step["challenge"] is not None:
        state = step["state"]
        challenge = step["challenge"]["id"]
        step = engine.handle({"type": "answer", "state": state, "challenge": challenge,
                              "response": None if not right(i) else "x",
                              "started_at": "2026-12-07T15:00:00Z"})
        assert step["ok"], step
        i += 1
    return step


# ------------------------------------------------------------------ reading a campaign
def test_a_typed_code_names_its_parcours_whatever_the_case_spaces_or_dashes(site, ref):
    code = new(site)["code"]
    typed = f" {code[:3].lower()}-{code[3:6]} {code[6:]} "
    campaign = participant.read_campaign(ref, typed)
    assert campaign["code"] == code and campaign["parcours"] == "essentiel"
    assert campaign["start"] == {"profile": "essentiel"}
    assert campaign["title"] == "Parcours « L'essentiel »"
    assert campaign["name"] == ""   # a bare code carries no name: the page says « Campagne <code> »
    assert campaign["skills"] == len(profile_skills(ref.profiles["essentiel"]))


def test_a_typo_or_an_unknown_parcours_gets_a_french_message(site, ref):
    code = new(site)["code"]
    wrong = code[:2] + ("B" if code[2] != "B" else "C") + code[3:]
    with pytest.raises(participant.CampaignUnknown, match="mal recopié"):
        participant.read_campaign(ref, wrong)
    with pytest.raises(participant.CampaignUnknown, match="9 caractères"):
        participant.read_campaign(ref, code[:8])
    other = next(s for s in range(codes.PARCOURS_SLOTS) if s != codes.parcours_slot("essentiel"))
    stranger = str(codes.CampaignCode(1234, other, "evaluer"))
    with pytest.raises(participant.CampaignUnknown, match="aucun parcours de ce site"):
        participant.read_campaign(ref, stranger)


def test_a_declared_campaign_brings_its_name_label_and_landing_text(built_site, ref):
    declared = json.loads((built_site / "data" / "campagnes.json").read_text(encoding="utf-8"))
    campaign = participant.read_campaign(ref, "ujq-ynw 788", declared=declared)
    assert campaign["name"] == "Atelier du centre"
    assert campaign["external_id_label"] == "Numéro de dossier"
    assert campaign["landing_text"] == "Bienvenue à l'atelier du centre social."


def test_a_link_carries_a_selection_that_the_engine_runs(site, ref, engine):
    made = new(site, parcours="", selection=[{"tube": "mots-de-passe", "max_level": 2}],
               external_id_label="Courriel", landing_text="<b>Bonjour</b>")
    campaign = participant.read_campaign(ref, made["code"], "#" + made["fragment"])
    assert campaign["start"] == {"selection": [{"tube": "mots-de-passe", "max_level": 2}]}
    assert campaign["landing_text"] == "<b>Bonjour</b>"   # text: the page never parses it
    # The same target skills, in the same order, as the mediator reads result codes with.
    expected = profile_skills(mediator.target_profile(site, made))
    assert participant.target_skills(ref, campaign) == expected and expected
    final = take_test(engine, campaign["start"])
    asked = {a["skill"] for a in final["record"]["answers"]}
    assert asked <= set(expected)
    assert final["state"]["skills"] == sorted(expected)
    # Stop and resume: the state alone brings the selection back.
    step = engine.handle({"type": "start", "seed": 3, **campaign["start"]})
    resumed = engine.handle({"type": "resume", "state": step["state"]})
    assert resumed["challenge"]["id"] == step["challenge"]["id"]
    with pytest.raises(participant.CampaignUnknown, match="abîmé"):
        participant.read_campaign(ref, made["code"], "#" + made["fragment"][:-5])


def test_a_malformed_selection_is_refused_in_french(engine):
    for selection, words in (([{"tube": "inconnu", "max_level": 2}], "Sujet inconnu"),
                             ([{"tube": "mots-de-passe", "max_level": 9}], "Niveau maximal"),
                             ([{"tube": "mots-de-passe", "max_level": True}], "Niveau maximal"),
                             ([], "vide")):
        out = engine.handle({"type": "start", "seed": 1, "selection": selection})
        assert not out["ok"] and words in out["error"]["message"]


# ------------------------------------------------------------------ result codes
def test_the_result_code_gives_the_mediator_what_the_result_file_gives(site, ref, engine):
    campaign_made = new(site)
    campaign = participant.read_campaign(ref, campaign_made["code"])
    final = take_test(engine, campaign["start"])
    out = participant.result_code(ref, campaign, [final["record"]])
    assert out["characters"] == len(out["code"].replace("-", ""))
    by_code = mediator.read_code(site, campaign_made, out["code"], "dossier 12")
    file = make_result_file([final["record"]], created="2026-12-07T16:00:00Z", app="Diagnum",
                            campaign={"code": campaign_made["code"], "external_id": "dossier 12"})
    by_file = mediator.read_file(site, campaign_made, json.dumps(file))
    assert sorted(by_code["validated"]) == sorted(by_file["validated"])
    assert sorted(by_code["failed"]) == sorted(by_file["failed"])
    view = mediator.participant_view(site, campaign_made, by_code)
    assert view["mastery"] == out["mastery"] == final["result"]["profile"]["mastery"]
    # Through the protocol, as the worker sends it.
    answer = participant.handle({"type": "campaign-result", "campaign": campaign,
                                 "records": [final["record"]]})
    assert answer["ok"] and answer["code"] == out["code"]


def test_a_collect_campaign_sends_the_latest_level_and_pix_of_each_competence(site, ref, engine):
    made = new(site, goal="collecter", parcours="")
    campaign = participant.read_campaign(ref, made["code"])
    assert campaign["goal"] == "collecter" and campaign["start"] == {"competences": ["1.1", "4.1"]}
    final = take_test(engine, campaign["start"])
    out = participant.result_code(ref, campaign, [final["record"]])
    got = mediator.read_code(site, made, out["code"])
    measured = {c["id"]: (c["level"], c["pix"]) for c in final["record"]["competences"]}
    assert {c["id"]: (c["level"], c["pix"]) for c in got["competences"]} == measured
    with pytest.raises(participant.CampaignUnknown, match="aucun résultat"):
        participant.result_code(ref, campaign, [])


def test_campaign_requests_before_the_engine_is_ready_or_malformed(engine):
    assert participant.handle({"type": "campaign-what"})["error"]["code"] == "bad-request"
    out = json.loads(participant.handle_json(json.dumps({"type": "campaign-read",
                                                         "code": "KXRTPM24"})))
    assert out["error"]["code"] == "campaign-unknown" and "9 caractères" in out["error"]["message"]


# ------------------------------------------------------------------ deep nesting
def test_deeply_nested_files_are_refused_before_parsing_by_one_shared_function():
    assert mediator.nesting_depth is nesting_depth and mediator.MAX_DEPTH == MAX_DEPTH
    hostile = "[" * 100_000 + "]" * 100_000
    with pytest.raises(EngineError, match="imbriquée") as caught:
        parse_result_file(hostile)
    assert caught.value.code == "result-file-unreadable"
    out = protocol.check_result_file('{"format": "diagnum-resultats", "x": ' + "[" * 40
                                     + "]" * 40 + "}")
    assert out["valid"] is False and "imbriquée" in out["problems"][0]
