"""The candidate's side of a « certification blanche », through the worker's protocol in CPython:
eligibility from the kept records, the choice of challenges (3 per competence, hardest first,
never a challenge already seen when a variant exists), answers kept as given without any
correction, resuming from the state, and the file handed over with its validator and schema."""

from __future__ import annotations

import copy
import json
from pathlib import Path

import jsonschema
import pytest

from certification import candidate_file, placement
from certification import protocol as cert
from engine import Assessment, load_referential
from engine.record import make_record

from .engine_suite.bank import correct_response, make_bank, wrong_response

ROOT = Path(__file__).resolve().parent.parent
BANK = make_bank(competences=6)
REF = load_referential(BANK)
SCHEMA_DOC = ROOT / "docs" / "certification-blanche-candidat.schema.json"


def played(competences, seed, good, at):
    test = Assessment.start(REF, competences, seed=seed)
    while (challenge := test.next_challenge()) is not None:
        test.answer(challenge.id, correct_response(challenge) if good(challenge)
                    else wrong_response(challenge))
    return make_record(REF, test, started_at=f"2026-11-0{at}T09:00:00.000Z",
                       finished_at=f"2026-11-0{at}T09:30:00.000Z", status="finished")


@pytest.fixture(scope="module")
def kept():
    """Two real records: five competences all right, then 1.6 all right too (six eligible)."""
    ids = [c.id for c in REF.competences]
    return [played(ids[:5], 3, lambda c: True, 1), played(ids[5:], 4, lambda c: True, 2)]


@pytest.fixture(autouse=True)
def ready():
    assert cert.handle({"type": "init", "referential": BANK})["ok"]


def call(**request):
    response = json.loads(cert.handle_json(json.dumps(request)))
    assert response["ok"], response
    return response


def test_eligible_with_five_competences_at_level_one(kept):
    out = call(type="cert-eligibility", records=kept)
    assert out["eligible"] and out["needed"] == 5
    assert [c["id"] for c in out["competences"]] == [c.id for c in REF.competences]
    assert all(c["eligible"] and c["level"] >= 1 for c in out["competences"])
    assert out["questions"] == 3 * 6
    profile = out["placement"]
    assert placement.levels(profile) == {c["id"]: c["level"] for r in kept for c in r["competences"]}
    assert len(profile["answers"]) == sum(len(r["answers"]) for r in kept)


def test_not_eligible_below_five_competences(kept):
    ids = [c.id for c in REF.competences]
    few = played(ids[:4], 3, lambda c: True, 1)
    zero = played(ids[4:], 5, lambda c: False, 2)          # the other two at level 0
    out = call(type="cert-eligibility", records=[few, zero])
    assert not out["eligible"] and out["questions"] == 0
    assert sum(c["eligible"] for c in out["competences"]) == 0
    assert sorted(c["level"] >= 1 for c in out["competences"]).count(True) == 4
    assert call(type="cert-eligibility", records=[])["placement"] is None
    refused = cert.handle({"type": "cert-start", "placement": out["placement"], "seed": 1})
    assert refused["error"]["code"] == "not-eligible"


def test_the_worker_picks_three_unseen_variants_per_competence_hardest_first(kept):
    out = call(type="cert-eligibility", records=kept)
    profile = out["placement"]
    seen = {a["challenge"] for a in profile["answers"]}
    direct = set(placement.validated_directly(profile))
    for seed in range(12):
        step = call(type="cert-start", placement=profile, seed=seed)
        picks = step["state"]["picks"]
        assert step["progress"] == {"asked": 0, "total": 18, "remaining": 18}
        by_comp: dict[str, list] = {}
        for pick in picks:
            by_comp.setdefault(pick["competence"], []).append(pick)
        assert sorted(by_comp) == sorted(c.id for c in REF.competences)
        for cid, mine in by_comp.items():
            assert len(mine) == 3
            assert all(p["challenge"] not in seen and not p["seen_before"] for p in mine)
            assert all(REF.challenges[p["challenge"]].skill_id in direct for p in mine)
            top = max(REF.skills[s].level for s in direct if REF.skills[s].competence_id == cid)
            assert mine[0]["level"] == top
            assert [p["level"] for p in mine] == sorted((p["level"] for p in mine), reverse=True)


def test_a_seen_challenge_only_when_every_variant_was_seen(kept):
    profile = call(type="cert-eligibility", records=kept)["placement"]
    # The person saw every variant of every skill they validated directly.
    direct = set(placement.validated_directly(profile))
    extra = copy.deepcopy(profile)
    for challenge in REF.challenges.values():
        if challenge.skill_id in direct:
            skill = REF.skills[challenge.skill_id]
            extra["answers"].append({"challenge": challenge.id, "skill": skill.id,
                                     "tube": skill.tube_id, "competence": skill.competence_id,
                                     "level": skill.level, "type": challenge.type,
                                     "status": "recorded", "correct": True, "response": None})
    picks = call(type="cert-start", placement=extra, seed=2)["state"]["picks"]
    assert len(picks) == 18 and all(p["seen_before"] for p in picks)


def test_answers_are_kept_as_given_never_judged_and_resume_from_the_state(kept):
    profile = call(type="cert-eligibility", records=kept)["placement"]
    step = call(type="cert-start", placement=profile, seed=7)
    assert "solution" not in json.dumps(step["challenge"])
    given = []
    while step["challenge"]:
        challenge = REF.challenges[step["challenge"]["id"]]
        response = None if len(given) == 2 else wrong_response(challenge)
        step = call(type="cert-answer", state=step["state"], challenge=challenge.id,
                    response=response, seconds=12.4, timed_out=len(given) == 2)
        given.append(response)
        assert set(step) == {"ok", "state", "challenge", "progress"}   # no correction, no score
        assert "correct" not in json.dumps(step["state"]["answers"])
        resumed = call(type="cert-resume", state=step["state"])
        assert resumed["challenge"] == step["challenge"]
        assert step["progress"]["remaining"] == 18 - len(given)
    answers = step["state"]["answers"]
    assert [a["response"] for a in answers][2] is None and answers[2]["timed_out"]
    assert all(a["seconds"] == 12 for a in answers)
    stale = cert.handle({"type": "cert-answer", "state": step["state"], "challenge": "x",
                         "response": "1", "seconds": 1})
    assert stale["error"]["code"] == "not-pending"
    broken = cert.handle({"type": "cert-resume", "state": {"format": "autre"}})
    assert broken["error"]["code"] == "state-invalid"


def test_the_time_limit_travels_with_the_question(kept):
    bank = copy.deepcopy(BANK)
    for record in bank["challenges"]:
        record["time_limit"] = 45
    assert cert.handle({"type": "init", "referential": bank})["ok"]
    profile = call(type="cert-eligibility", records=kept)["placement"]
    assert call(type="cert-start", placement=profile, seed=1)["challenge"]["time_limit"] == 45
    assert cert.handle({"type": "init", "referential": BANK})["ok"]
    assert "time_limit" not in call(type="cert-start", placement=profile, seed=1)["challenge"]


def test_session_codes_are_checked_in_the_worker():
    assert call(type="cert-check-code", code="bkrt 47") == {"ok": True, "valid": True,
                                                           "code": "BKRT47"}
    bad = call(type="cert-check-code", code="BKRA47")
    assert not bad["valid"] and "4 lettres puis 2 chiffres" in bad["message"]


def a_file(kept) -> dict:
    profile = call(type="cert-eligibility", records=kept)["placement"]
    step = call(type="cert-start", placement=profile, seed=3)
    for _ in range(4):
        step = call(type="cert-answer", state=step["state"], challenge=step["challenge"]["id"],
                    response="2", seconds=30)
    events = [{"action": "pause", "code": "123456", "at": "2026-12-07T10:05:00.000Z"},
              {"action": "resume", "code": "123456", "at": "2026-12-07T10:06:00.000Z"},
              {"action": "note", "code": "123456", "at": "2026-12-07T10:07:00.000Z",
               "note": "Bruit dans la salle"},
              {"action": "end", "code": "12345", "at": "2026-12-07T10:08:00.000Z"}]
    return call(type="cert-file", state=step["state"], session="BKRT47", room_word=" tilleul ",
                name="Camille  Martin", placement=profile, proctor_events=events,
                started_at="2026-12-07T10:00:00.000Z",
                finished_at="2026-12-07T10:08:00.000Z")["file"]


def test_the_file_validates_and_the_published_schema_is_the_declaration(kept):
    data = a_file(kept)
    assert data["format"] == "diagnum-certification-blanche" and data["version"] == 1
    assert data["room_word"] == "tilleul" and data["candidate"] == {"name": "Camille Martin"}
    assert len(data["asked"]) == 4 and data["proctor_events"][-1]["action"] == "end"
    assert candidate_file.validate(data) == []
    published = json.loads(SCHEMA_DOC.read_text(encoding="utf-8"))
    assert published == candidate_file.json_schema(), (
        "docs/certification-blanche-candidat.schema.json est à régénérer : "
        "python -m certification.candidate_file")
    jsonschema.Draft202012Validator(published).validate(data)
    out = call(type="cert-validate-file", text=json.dumps(data))
    assert out["valid"] and out["file"] == data
    # The mediator can draw the session's questions again: a hand-picked one is spotted.
    assert data["seed"] == 3 and candidate_file.asked_as_chosen(REF, data) == []
    swapped = copy.deepcopy(data)
    swapped["asked"][1]["challenge"] = swapped["profile"]["answers"][0]["challenge"]
    assert "ne sont pas celles" in candidate_file.asked_as_chosen(REF, swapped)[0]


@pytest.mark.parametrize(("damage", "problem"), [
    (lambda d: d.update(session="BKRA47"), "session : « BKRA47 » n'a pas le format attendu"),
    (lambda d: d.pop("room_word"), "champ obligatoire manquant « room_word »"),
    (lambda d: d["candidate"].update(name=""), "candidate.name : texte vide"),
    (lambda d: d["asked"][0].update(seconds=-1), "asked[0].seconds : -1 hors des limites"),
    (lambda d: d["asked"][1].update(correct=True), "asked[1] : champ inconnu « correct »"),
    (lambda d: d["proctor_events"][0].update(action="stop"),
     "proctor_events[0].action : valeur \"stop\" inattendue"),
    (lambda d: d["proctor_events"][1].update(at="hier"), "proctor_events[1].at"),
    (lambda d: d["profile"].update(pix="12"), "profile.pix : nombre entier attendu"),
    (lambda d: d.update(surprise=1), "(document) : champ inconnu « surprise »"),
])
def test_a_damaged_file_is_refused_with_its_json_path(kept, damage, problem):
    data = a_file(kept)
    damage(data)
    problems = candidate_file.validate(data)
    assert any(problem in p for p in problems), problems
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.Draft202012Validator(candidate_file.json_schema()).validate(data)
    out = call(type="cert-validate-file", text=json.dumps(data))
    assert not out["valid"] and problem in out["problems"][0]


def test_foreign_and_unreadable_files_say_so():
    assert "pas lisible" in call(type="cert-validate-file", text="{")["problems"][0]
    foreign = call(type="cert-validate-file", text=json.dumps({"format": "diagnum-resultats"}))
    assert "pas celui d'une certification blanche" in foreign["problems"][0]
