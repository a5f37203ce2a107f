"""Records that last: a test is kept as what was asked, answered and scored, never replayed;
retired challenges are never asked again yet old tests that met them still resume."""

import copy
import json
import random
import unittest

from engine import Assessment, EngineError, load_referential
from engine.protocol import handle
from engine.record import make_record, make_result_file
from engine.resultfile import parse_result_file, validate_record, validate_result_file

from .bank import correct_response, make_bank, wrong_response

START = "2026-12-07T15:00:00Z"
END = "2026-12-07T15:20:00.125Z"


def play(ref, assessment, rng, limit=None):
    """Answer at random until the end (or ``limit`` answers); returns the assessment."""
    count = 0
    while (challenge := assessment.next_challenge()) is not None and count != limit:
        good = rng.random() < 0.6
        assessment.answer(challenge.id,
                          correct_response(challenge) if good else wrong_response(challenge))
        count += 1
    return assessment


def retire(bank, challenge_ids, replaced_by=None):
    bank = copy.deepcopy(bank)
    for c in bank["challenges"]:
        if c["id"] in challenge_ids:
            c["retired"] = True
            if replaced_by:
                c["replaced_by"] = replaced_by
    return bank


class RecordTests(unittest.TestCase):
    def setUp(self):
        self.bank = make_bank()
        self.ref = load_referential(self.bank)

    def test_a_finished_test_is_a_valid_self_contained_record(self):
        a = play(self.ref, Assessment.start(self.ref, ["1.1", "1.2"], seed=5), random.Random(5))
        record = make_record(self.ref, a, started_at=START, finished_at=END, status="finished")
        self.assertEqual(validate_record(record), [])
        self.assertEqual(record["referential"]["version"], "test")
        self.assertEqual(record["seed"], 5)
        self.assertEqual(len(record["answers"]), len(a.answers))
        for answer, kept in zip(record["answers"], a.answers, strict=True):
            skill = self.ref.skills[self.ref.challenges[kept.challenge_id].skill_id]
            self.assertEqual((answer["challenge"], answer["skill"], answer["tube"],
                              answer["competence"], answer["level"], answer["correct"]),
                             (kept.challenge_id, skill.id, skill.tube_id, skill.competence_id,
                              skill.level, kept.correct))
            self.assertIn(answer["status"], ("ok", "ko"))
        result = a.result()
        self.assertEqual(record["pix"], result.pix)
        self.assertEqual([(c["id"], c["level"], c["validated"]) for c in record["competences"]],
                         [(cid, c.level, c.validated_skills)
                          for cid, c in result.competences.items()])
        # JSON-ready: survives a round trip unchanged, inside a result file.
        text = json.dumps(make_result_file([record], created=END), ensure_ascii=False)
        self.assertEqual(parse_result_file(text)["records"][0], record)

    def test_responses_are_kept_as_text(self):
        a = Assessment.start(self.ref, ["1.1"], seed=2)
        challenge = a.next_challenge()
        a.answer(challenge.id, None)
        challenge = a.next_challenge()
        a.answer(challenge.id, correct_response(challenge))
        record = make_record(self.ref, a, started_at=START, finished_at=END, status="interrupted")
        self.assertEqual(record["answers"][0]["status"], "skipped")
        self.assertIsNone(record["answers"][0]["response"])
        response = record["answers"][1]["response"]
        self.assertTrue(isinstance(response, str) or all(isinstance(r, str) for r in response))
        self.assertEqual(validate_record(record), [])

    def test_record_id_is_stable_and_tells_tests_apart(self):
        one = play(self.ref, Assessment.start(self.ref, ["1.1"], seed=1), random.Random(1))
        two = play(self.ref, Assessment.start(self.ref, ["1.1"], seed=2), random.Random(1))
        first = make_record(self.ref, one, started_at=START, finished_at=END)
        again = make_record(self.ref, one, started_at=START, finished_at="2027-01-01T00:00:00Z")
        other = make_record(self.ref, two, started_at=START, finished_at=END)
        self.assertEqual(first["id"], again["id"])
        self.assertNotEqual(first["id"], other["id"])

    def test_a_profile_record_names_mastery_badges_and_stage(self):
        a = Assessment.start(self.ref, profile="bases", seed=3)
        while (challenge := a.next_challenge()) is not None:
            a.answer(challenge.id, correct_response(challenge))
        record = make_record(self.ref, a, started_at=START, finished_at=END)
        self.assertEqual(record["profile"], {"id": "bases", "mastery": 100, "badges": ["pret"],
                                             "stage": {"index": 2, "title": "Fin"}})
        self.assertEqual(validate_record(record), [])

    def test_an_old_record_keeps_its_level_after_the_skill_moved(self):
        a = play(self.ref, Assessment.start(self.ref, ["1.1"], seed=8), random.Random(8))
        record = make_record(self.ref, a, started_at=START, finished_at=END)
        moved_skill = record["answers"][0]["skill"]
        old_level = record["answers"][0]["level"]
        bank = copy.deepcopy(self.bank)
        for s in bank["skills"]:  # the skill moves up to a free level: its id stays
            if s["id"] == moved_skill:
                s["level"] = 7
        bank["version"] = "nouvelle"
        new_ref = load_referential(bank)
        self.assertEqual(new_ref.skills[moved_skill].level, 7)
        # The stored state resumes on the new content, and the record still says what was asked.
        resumed = Assessment.from_dict(new_ref, json.loads(json.dumps(a.to_dict())))
        self.assertEqual(len(resumed.answers), len(a.answers))
        self.assertEqual(record["answers"][0]["level"], old_level)
        self.assertEqual(validate_result_file(make_result_file([record], created=END)), [])


class RetiredTests(unittest.TestCase):
    def test_a_retired_challenge_is_never_selected(self):
        bank = make_bank()
        retired = {c["id"] for c in bank["challenges"] if c["id"].endswith(("a", "b"))}
        ref = load_referential(retire(bank, retired))
        self.assertTrue(ref.challenges["sujet-0-a-1a"].retired)
        for seed in range(40):
            a = play(ref, Assessment.start(ref, ["1.1", "1.2"], seed=seed), random.Random(seed))
            asked = {r.challenge_id for r in a.answers}
            self.assertTrue(asked, seed)
            self.assertFalse(asked & retired, seed)

    def test_a_skill_with_every_challenge_retired_is_not_askable(self):
        bank = make_bank()
        gone = {c["id"] for c in bank["challenges"] if c["skill_id"] == "@sujet-0-a1"}
        ref = load_referential(retire(bank, gone))
        self.assertEqual(ref.challenges_by_skill["@sujet-0-a1"], [])
        for seed in range(20):
            a = play(ref, Assessment.start(ref, ["1.1"], seed=seed), random.Random(seed))
            skills = {ref.challenges[r.challenge_id].skill_id for r in a.answers}
            self.assertNotIn("@sujet-0-a1", skills)

    def test_an_old_state_that_answered_a_retired_challenge_resumes(self):
        bank = make_bank()
        ref = load_referential(bank)
        a = play(ref, Assessment.start(ref, ["1.1"], seed=4), random.Random(4), limit=3)
        pending = a.next_challenge().id
        answered = [r.challenge_id for r in a.answers]
        state = json.loads(json.dumps(a.to_dict()))
        new_ref = load_referential(retire(bank, set(answered) | {pending}))
        resumed = Assessment.from_dict(new_ref, state)
        self.assertEqual([r.challenge_id for r in resumed.answers], answered)
        following = resumed.next_challenge()
        self.assertIsNotNone(following)
        self.assertNotEqual(following.id, pending)  # the retired question on screen is replaced
        self.assertFalse(following.retired)
        record = make_record(new_ref, resumed, started_at=START, finished_at=END,
                             status="content-changed")
        self.assertEqual([x["challenge"] for x in record["answers"]], answered)
        self.assertEqual(validate_record(record), [])


class ProtocolRecordTests(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.bank = make_bank()
        cls.ref = load_referential(cls.bank)
        handle({"type": "init", "referential": cls.bank})

    def test_the_last_step_carries_the_record(self):
        response = handle({"type": "start", "competences": ["1.1"], "seed": 6,
                           "started_at": START})
        self.assertNotIn("record", response)
        rng = random.Random(6)
        while response["challenge"] is not None:
            challenge = self.ref.challenges[response["challenge"]["id"]]
            good = rng.random() < 0.5
            response = handle({"type": "answer", "state": response["state"],
                               "challenge": challenge.id, "started_at": START,
                               "response": correct_response(challenge) if good
                               else wrong_response(challenge)})
            self.assertTrue(response["ok"], response)
            if response["challenge"] is not None:
                self.assertNotIn("record", response)
        record = response["record"]
        self.assertEqual(record["status"], "finished")
        self.assertEqual(record["started_at"], START)
        self.assertEqual(validate_record(record), [])
        self.assertEqual(len(record["answers"]), len(response["state"]["answers"]))
        self.assertEqual(record["pix"], response["result"]["pix"])
        json.dumps(record)  # JSON-ready

    def test_an_unfinished_test_becomes_a_record_on_request(self):
        response = handle({"type": "start", "competences": ["1.1", "1.2"], "seed": 2})
        challenge = self.ref.challenges[response["challenge"]["id"]]
        response = handle({"type": "answer", "state": response["state"],
                           "challenge": challenge.id, "response": correct_response(challenge)})
        for status in ("interrupted", "replaced", "content-changed"):
            out = handle({"type": "record", "state": response["state"], "status": status,
                          "started_at": START})
            self.assertTrue(out["ok"], out)
            self.assertEqual(out["record"]["status"], status)
            self.assertEqual([a["challenge"] for a in out["record"]["answers"]], [challenge.id])
            self.assertEqual(validate_record(out["record"]), [])

    def test_a_record_that_cannot_be_made_never_refuses_the_last_answer(self):
        response = handle({"type": "start", "competences": ["1.1"], "seed": 3})
        while response["challenge"] is not None:
            response = handle({"type": "answer", "state": response["state"],
                               "challenge": response["challenge"]["id"], "response": None,
                               "started_at": "hier"})
            self.assertTrue(response["ok"], response)
        self.assertIsNone(response["record"])
        self.assertIn("started_at", response["record_error"])
        self.assertTrue(response["result"]["competences"])

    def test_each_step_can_carry_the_record_so_far(self):
        response = handle({"type": "start", "competences": ["1.1"], "seed": 5, "record": True,
                           "started_at": START})
        self.assertEqual(response["record"]["answers"], [])
        count = 0
        while response["challenge"] is not None:
            response = handle({"type": "answer", "state": response["state"], "record": True,
                               "challenge": response["challenge"]["id"], "response": None,
                               "started_at": START})
            count += 1
            record = response["record"]
            self.assertEqual(len(record["answers"]), count)
            self.assertEqual(record["status"],
                             "interrupted" if response["challenge"] else "finished")
            self.assertEqual(validate_record(record), [])

    def test_record_requests_are_checked(self):
        start = handle({"type": "start", "competences": ["1.1"], "seed": 2})
        bad_status = handle({"type": "record", "state": start["state"], "status": "finished"})
        self.assertEqual(bad_status["error"]["code"], "bad-request")
        bad_date = handle({"type": "record", "state": start["state"], "status": "interrupted",
                           "started_at": "hier"})
        self.assertFalse(bad_date["ok"])
        self.assertIn("started_at", bad_date["error"]["message"])
        foreign = handle({"type": "record", "state": {"format": 9}, "status": "interrupted"})
        self.assertEqual(foreign["error"]["code"], "state-invalid")


class ResultFileTests(unittest.TestCase):
    def good(self):
        ref = load_referential(make_bank())
        a = play(ref, Assessment.start(ref, ["1.1"], seed=1), random.Random(1))
        return make_result_file([make_record(ref, a, started_at=START, finished_at=END)],
                                created=END, nickname="Mamie Jo",
                                campaign={"code": "ABCDEF234", "external_id": "dossier 12"})

    def test_problems_name_their_json_path_in_french(self):
        data = self.good()
        data["records"][0]["answers"][1]["challenge"] = 12
        data["records"][0]["seed"] = "7"
        data["records"][0]["surprise"] = True
        del data["created"]
        problems = validate_result_file(data)
        self.assertIn("records[0].answers[1].challenge : texte attendu", problems)
        self.assertIn("records[0].seed : nombre entier attendu", problems)
        self.assertIn("records[0] : champ inconnu « surprise »", problems)
        self.assertIn("(document) : champ obligatoire manquant « created »", problems)
        self.assertEqual(len(problems), 4)

    def test_bad_json_and_foreign_files_raise_in_french(self):
        for text, code in (("{", "result-file-unreadable"), ("[]", "result-file-foreign"),
                           ('{"format": "diagnum-resultats", "version": 1, "version": 1}',
                            "result-file-unreadable"),
                           ('{"format": "diagnum-resultats", "version": 2}',
                            "result-file-version"),
                           ('{"format": "diagnum-resultats", "version": 1, "x": NaN}',
                            "result-file-unreadable")):
            with self.assertRaises(EngineError) as caught:
                parse_result_file(text)
            self.assertEqual(caught.exception.code, code, text)
        data = self.good()
        data["records"][0]["answers"][0]["response"] = "x" * 5000
        with self.assertRaises(EngineError) as caught:
            parse_result_file(json.dumps(data))
        self.assertEqual(caught.exception.code, "result-file-invalid")
        self.assertIn("records[0].answers[0].response : texte trop long", caught.exception.message)


if __name__ == "__main__":
    unittest.main()
