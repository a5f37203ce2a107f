"""« Certification blanche », mediator side: what is re-checked and scored before signing."""

from __future__ import annotations

import base64
import copy
import json

import pytest

from certification import attestation, centres, received_file, recheck, scoring
from certification import mediator_protocol as protocol
from engine import load_referential

from .engine_suite.bank import make_bank
from .support.candidates import SESSION
from .support.candidates import candidate_file as make_file

BANK = make_bank(competences=5)
REF = load_referential(BANK)
CAT = recheck.Catalogue.from_bundle(BANK)
GOOD = make_file(REF, SESSION, "Zoé Martin", 3)
# A P-256 public key (WebCrypto export of a test key).
JWK = {"kty": "EC", "crv": "P-256", "x": "85cGXowvXHGjiDZhYt-ndiG2ry3j8AW4yvfWCN3nMnk",
       "y": "w--lgU_L5NbJwULyhtMmmdpdzwQGIOTuMZwcAXLpdSw"}


def check(data, **kw):
    return recheck.recheck(CAT, SESSION, data, **kw)


def test_a_fair_candidate_is_certified_as_measured():
    out = check(GOOD)
    assert out["ok"] and out["problems"] == []
    assert out["rate"] == 100 and out["certified"]
    measured = {c["id"]: (c["level"], c["pix"]) for c in GOOD["profile"]["competences"]}
    assert {c["id"]: (c["level"], c["pix"]) for c in out["competences"]} == measured
    assert out["pix"] == sum(p for _l, p in measured.values())
    assert len(GOOD["asked"]) == 15 and all(a["correct"] for a in out["answers"])
    assert [b["id"] for b in out["badges"]] == ["pret"]   # recomputed from the profile


def test_session_word_and_every_proctor_code_are_checked_again_all_at_once():
    data = copy.deepcopy(GOOD)
    data["session"] = "bkrt-48"
    data["room_word"] = "Tournesols"
    data["proctor_events"][1]["code"] = "111111"
    data["proctor_events"].append({"action": "end", "code": "", "at": "2026-12-07T14:20:00Z"})
    problems = check(data)["problems"]
    assert any("session BKRT48, pas de la session BKRT47" in p for p in problems)
    assert any("mot de la salle" in p and "Tournesols" in p for p in problems)
    assert any("La reprise de 14:12" in p and "« 111111 »" in p for p in problems)
    assert any("La fin de session de 14:20" in p for p in problems)
    # Capitals, accents and spaces aside, the room word is the same word.
    data = copy.deepcopy(GOOD)
    data["room_word"] = "  TOURNESOL "
    assert check(data)["ok"]


def test_dates_the_test_on_another_day_or_a_profile_made_during_the_session():
    data = copy.deepcopy(GOOD)
    data["started_at"] = "2026-12-09T14:00:00Z"
    data["profile"]["finished_at"] = "2026-12-09T15:00:00Z"
    problems = check(data)["problems"]
    assert any("commencé le 2026-12-09, la session est du 2026-12-07" in p for p in problems)
    assert any("finit avant" in p for p in problems)      # finished 14:40 on the 7th
    assert any("profil qui rend le candidat éligible" in p for p in problems)


def _swap(data, index, new_id):
    data["asked"][index]["challenge"] = new_id
    return data


def test_directly_validated_means_the_latest_answer_on_the_skill_was_right():
    answers = [{"skill": "@a1", "correct": True}, {"skill": "@b1", "correct": True},
               {"skill": "@a1", "correct": False}, {"skill": "@c1", "correct": False},
               {"skill": "@c1", "correct": True}, {"skill": "@d1", "correct": True}]
    statuses = ["ok", "ok", "ko", "skipped", "ok", "recorded"]   # « recorded »: no response
    answers = [{**a, "status": s} for a, s in zip(answers, statuses, strict=True)]
    assert recheck.directly_validated({"answers": answers}) == {"@b1", "@c1"}


def test_illegal_challenges_are_refused_with_the_rule_they_break():
    profile = GOOD["profile"]
    direct = recheck.directly_validated(profile)
    seen = {a["challenge"] for a in profile["answers"]}
    first = REF.challenges[GOOD["asked"][0]["challenge"]]
    comp = REF.skills[first.skill_id].competence_id
    # A skill the profile did not validate directly.
    other = next(c for c in REF.challenges.values() if c.skill_id not in direct
                 and REF.skills[c.skill_id].competence_id == comp)
    problems = check(_swap(copy.deepcopy(GOOD), 0, other.id))["problems"]
    assert any(f"l'acquis {other.skill_id}, que le profil n'a pas validé directement" in p
               for p in problems)
    # A challenge the profile saw while its skill has unseen variants.
    seen_one = next(c for c in seen if REF.challenges[c].skill_id == first.skill_id) \
        if any(REF.challenges[c].skill_id == first.skill_id for c in seen) else None
    if seen_one:
        problems = check(_swap(copy.deepcopy(GOOD), 0, seen_one))["problems"]
        assert any(f"{seen_one} a déjà été vue" in p for p in problems)
    # An easier validated skill instead of one of the hardest.
    levels = sorted({REF.skills[s].level for s in direct if REF.skills[s].competence_id == comp})
    easy = next(c for c in REF.challenges.values() if c.skill_id in direct
                and REF.skills[c.skill_id].level == levels[0] and c.id not in seen)
    problems = check(_swap(copy.deepcopy(GOOD), 0, easy.id))["problems"]
    assert any("n'est pas parmi les plus difficiles" in p for p in problems)
    # Unknown, twice, and a fourth one for a competence.
    data = copy.deepcopy(GOOD)
    data["asked"].append({"challenge": "inventee-1a", "response": "1", "seconds": 3})
    data["asked"].append(dict(data["asked"][0]))
    problems = check(data)["problems"]
    assert any("inventee-1a n'existe pas" in p for p in problems)
    assert any("posée deux fois" in p for p in problems)
    assert any(f"4 épreuves posées pour la compétence {comp}" in p for p in problems)


def test_with_its_seed_the_draw_is_made_again():
    assert GOOD["seed"] == 3 and check(GOOD)["ok"]
    # Legal questions, but not those the seed draws (here: in another order).
    data = copy.deepcopy(GOOD)
    data["asked"][0], data["asked"][1] = data["asked"][1], data["asked"][0]
    problems = check(data)["problems"]
    assert problems == ["Les questions ne sont pas celles du tirage : les questions du fichier ne "
                        "sont pas celles que la session tire de ce profil (contenu différent, ou "
                        "fichier modifié)."]
    # In the mediator's worker only the asked challenges come in full: the draw is the same.
    asked = {a["challenge"] for a in GOOD["asked"]}
    light = {**BANK, "challenges": [c for c in BANK["challenges"] if c["id"] in asked]}
    catalogue = [{"id": c["id"], "skill_id": c["skill_id"]} for c in BANK["challenges"]]
    assert recheck.recheck(recheck.Catalogue.from_bundle(light, catalogue), SESSION, GOOD)["ok"]
    assert not recheck.recheck(recheck.Catalogue.from_bundle(light, catalogue), SESSION,
                               data)["ok"]


def test_every_response_is_marked_again_and_scored_by_pix_s_table():
    # The last challenge of each competence is answered wrong: 10 right of 15 = 67 %.
    data = make_file(REF, SESSION, "Zoé Martin", 3, right=lambda i, pick: i % 3 != 2)
    data["asked"][0]["correct"] = True  # a field the candidate side might add: refused
    assert any("champ inconnu « correct »" in p
               for p in received_file.validate(data))
    del data["asked"][0]["correct"]
    out = check(data)
    assert out["ok"] and out["rate"] == 67
    measured = {c["id"]: (c["level"], c["pix"]) for c in data["profile"]["competences"]}
    for c in out["competences"]:
        assert c["action"] == scoring.action(3, 2, 0, 67) == "abaisse"
        level, pix = measured[c["id"]]
        assert (c["level"], c["pix"]) == (level - 1, max(0, pix - 8))
    assert out["badges"] == []     # badges need a rate of 80 % or more


def test_below_half_nothing_is_certified():
    data = make_file(REF, SESSION, "Zoé Martin", 3, right=lambda i, pick: i % 3 == 0)
    out = check(data)
    assert out["ok"] and out["rate"] == 33 and not out["certified"]
    assert all((c["level"], c["pix"]) == (-1, 0) for c in out["competences"]) and out["pix"] == 0


def test_challenges_a_session_ended_early_did_not_reach_count_as_wrong():
    data = copy.deepcopy(GOOD)
    data["asked"] = data["asked"][:12]           # the fifth competence never reached
    data["proctor_events"].append({"action": "end", "code": "402913",
                                   "at": "2026-12-07T14:30:00Z"})
    out = check(data)
    assert out["ok"] and out["rate"] == 80
    last = out["competences"][-1]
    assert out["missing"] == [{"competence": last["id"], "count": 3}]
    assert (last["action"], last["level"]) == ("non certifie", -1)


def test_neutralised_and_timed_challenges():
    data = make_file(REF, SESSION, "Zoé Martin", 3, right=lambda i, pick: i != 0)
    out = check(data, neutralised=[data["asked"][0]["challenge"]])
    assert out["rate"] == 100 and out["competences"][0]["action"] == "valide"
    bank = copy.deepcopy(BANK)
    timed = GOOD["asked"][1]["challenge"]
    next(c for c in bank["challenges"] if c["id"] == timed)["time_limit"] = 10
    out = recheck.recheck(recheck.Catalogue.from_bundle(bank), SESSION, GOOD)
    late = next(a for a in out["answers"] if a["challenge"] == timed)
    assert not late["correct"] and late["note"] == "temps dépassé"
    # The candidate's page says when the time ran out: what was on screen is not counted.
    data = copy.deepcopy(GOOD)
    data["asked"][2]["timed_out"] = True
    out = check(data)
    assert out["ok"] and out["rate"] == 93
    assert [a["note"] for a in out["answers"]].count("temps écoulé") == 1


def test_the_retake_delay_of_the_centre():
    earlier = [{"name": "ZOE  Martin", "date": "2026-11-20", "session": "QWRT23",
                "file_id": "0" * 16}]
    problems = check(GOOD, earlier=earlier)["problems"]
    assert any("30 jours avant de la repasser, donc pas avant le 2026-12-20" in p
               for p in problems)
    assert check(GOOD, earlier=[{**earlier[0], "date": "2026-11-01"}])["ok"]
    again = [{"name": "Zoé Martin", "date": SESSION["date"], "session": SESSION["code"],
              "file_id": recheck.file_id(GOOD)}]
    assert check(GOOD, earlier=again)["problems"] == ["Ce résultat a déjà été importé dans "
                                                      "cette session."]


def test_the_file_and_its_code_are_read_strictly():
    assert received_file.read(received_file.encode_code(GOOD)) == GOOD
    with pytest.raises(received_file.CandidateFileError) as caught:
        received_file.read(received_file.encode_code(GOOD)[:-30])
    assert "abîmé" in caught.value.problems[0]
    broken = copy.deepcopy(GOOD)
    broken["asked"][2]["seconds"] = -1
    broken["profile"]["competences"][0]["level"] = "3"
    with pytest.raises(received_file.CandidateFileError) as caught:
        received_file.read(json.dumps(broken))
    assert any(p.startswith("asked[2].seconds") for p in caught.value.problems)
    assert any(p.startswith("profile.competences[0].level") for p in caught.value.problems)
    with pytest.raises(received_file.CandidateFileError):
        received_file.read('{"format": "diagnum-resultats"}')


def test_public_keys_spki_and_jwk_and_thumbprint():
    spki = centres.spki_from_jwk(JWK)
    assert centres.jwk_from_spki(spki) == JWK
    kid = centres.thumbprint(JWK)
    assert len(centres.unb64url(kid)) == 32
    damaged = base64.b64decode(spki)
    damaged = damaged[:-1] + bytes([damaged[-1] ^ 1])
    with pytest.raises(centres.PublicKeyError, match="pas sur la courbe"):
        centres.jwk_from_spki(base64.b64encode(damaged).decode())
    with pytest.raises(centres.PublicKeyError):
        centres.jwk_from_spki("pas une clé")
    assert "cle_publique: " + spki in centres.yaml_block("centre-a", "Centre A", JWK)


def test_the_attestation_payload_and_badges_through_the_protocol():
    out = protocol.handle({"type": "certification-check", "session": SESSION,
                           "text": json.dumps(GOOD), "bundle": BANK,
                           "catalogue": [{"id": c["id"], "skill_id": c["skill_id"]}
                                         for c in BANK["challenges"]]})
    assert out["ok"] and out["check"]["ok"], out
    signed = protocol.handle({"type": "certification-attestation", "check": out["check"],
                              "centre": {"id": "centre-des-tilleuls",
                                         "name": "Centre social des Tilleuls"}, "jwk": JWK})
    header, body = signed["signing_input"].split(".")
    assert json.loads(centres.unb64url(header)) == {"alg": "ES256", "kid": centres.thumbprint(JWK),
                                                     "typ": "JWT"}
    payload = json.loads(centres.unb64url(body))
    assert payload == signed["attestation"]
    assert centres.unb64url(body) == attestation.canonical(payload)
    assert payload["mention"] == ("certification blanche — ce document n'est pas une "
                                  "certification Pix")
    assert (payload["name"], payload["date"], payload["session"]) == ("Zoé Martin",
                                                                      "2026-12-07", "BKRT47")
    assert payload["rate"] == 100 and payload["pix"] == out["check"]["pix"]
    credential = signed["badges"][0]["credential"]
    assert credential["type"] == ["VerifiableCredential", "OpenBadgeCredential"]
    assert credential["credentialSubject"]["achievement"]["name"] == "Prêt"
    # A refused result is never signed.
    bad = {**out["check"], "problems": ["non"]}
    assert not protocol.handle({"type": "certification-attestation", "check": bad,
                                "centre": {"id": "centre-a", "name": "A"}, "jwk": JWK})["ok"]


def test_a_session_from_the_form():
    fields = {"date": "2026-12-07", "place": "Centre", "room": "Salle 2", "proctor": "Mme D",
              "retake_days": 30, "room_word": "tournesol", "proctor_code": "402913",
              "centre": "centre-des-tilleuls"}
    out = protocol.handle({"type": "certification-session", "fields": fields,
                           "random": [7, 2 ** 32 - 1, 12, 99, 1000, 5, 6, 8]})
    assert out["ok"] and len(out["session"]["code"]) == 6
    assert {k: v for k, v in out["session"].items() if k != "code"} == fields
    bad = protocol.handle({"type": "certification-session", "random": [1] * 8, "fields": {
        **fields, "date": "", "room": " ", "retake_days": -1, "proctor_code": "12"}})
    assert len(bad["error"]["problems"]) == 4


def test_a_file_the_candidate_side_makes_passes_the_re_check():
    """The other half of the contract: the candidate's page's own protocol makes the file
    (skipped until that half, certification/session.py and protocol.py, is on this branch)."""
    pytest.importorskip("certification.session")
    from certification import protocol as candidate
    from engine import protocol as engine_protocol
    from engine.record import response_text
    from engine.types import challenge_type

    from .support.candidates import profile_record

    assert engine_protocol.handle({"type": "init", "referential": BANK})["ok"]
    record = profile_record(REF, 3)
    placement = candidate.handle({"type": "cert-eligibility", "records": [record]})
    assert placement["eligible"], placement
    step = candidate.handle({"type": "cert-start", "placement": placement["placement"],
                             "seed": 11})
    asked = 0
    while step["challenge"]:
        challenge = REF.challenges[step["challenge"]["id"]]
        good, bad = challenge_type(challenge.type).sample_responses(challenge.data)
        step = candidate.handle({"type": "cert-answer", "state": step["state"],
                                 "challenge": challenge.id, "seconds": 9,
                                 "response": response_text(bad if asked == 0 else good)})
        asked += 1
    made = candidate.handle({
        "type": "cert-file", "state": step["state"], "session": SESSION["code"],
        "room_word": "Tournesol", "name": "Zoé Martin", "placement": placement["placement"],
        "proctor_events": [{"action": "pause", "code": SESSION["proctor_code"],
                            "at": "2026-12-07T14:05:00Z"}],
        "started_at": "2026-12-07T14:00:00Z", "finished_at": "2026-12-07T14:30:00Z"})
    out = check(received_file.read(json.dumps(made["file"])))
    assert out["problems"] == [] and asked == 15
    assert out["rate"] == 93 and out["competences"][0]["action"] == "valide"
