"""What to learn next, for every learner: next steps per sujet, tutorials at the next level up for
someone who validated everything up to the test's cap, levels explained in plain words, and a
stored record shown again in the shape of a result."""

import json
import random
import unittest

from engine import Assessment, load_referential
from engine.learning import NEXT_LEVEL, TO_WORK_ON, level_meaning, next_steps
from engine.protocol import handle, record_view, result_view
from engine.record import make_record

from .bank import correct_response, make_bank, wrong_response

START = "2026-12-07T15:00:00Z"
END = "2026-12-07T15:20:00.125Z"


def bank_with_tutorials():
    """The test bank, each skill with its own tutorial, and level descriptors for 1.1."""
    bank = make_bank()
    bank["tutorials"] = []
    for skill in bank["skills"]:
        tid = "tuto-" + skill["id"][1:]
        skill["tutorials"] = [tid]
        bank["tutorials"].append({"id": tid, "title": f"Tuto {tid}", "summary": "…",
                                  "duration": 5, "format": "fiche",
                                  "url": f"tutoriels/{tid}/index.html"})
    bank["competences"][0]["levels"] = {"novice": "Taper  quelques mots.",
                                        "independant": "Choisir ses mots-clés."}
    return bank


def play(assessment, good):
    while (challenge := assessment.next_challenge()) is not None:
        assessment.answer(challenge.id, correct_response(challenge) if good(challenge)
                          else wrong_response(challenge))
    return assessment


class NextStepsTests(unittest.TestCase):
    def setUp(self):
        self.ref = load_referential(bank_with_tutorials())

    def test_the_easiest_skill_not_validated_is_the_next_step_of_each_sujet(self):
        steps = next_steps(self.ref, "1.1", ["@sujet-0-a1", "@sujet-0-b1", "@sujet-0-b2"],
                           ["@sujet-0-a2", "@sujet-0-b3"], 6)
        self.assertEqual([(s["skill"]["id"], s["kind"], s["tutorials"]) for s in steps], [
            ("@sujet-0-a2", TO_WORK_ON, ["tuto-sujet-0-a2"]),
            ("@sujet-0-b3", TO_WORK_ON, ["tuto-sujet-0-b3"])])

    def test_everything_validated_up_to_the_cap_leads_to_the_next_level(self):
        steps = next_steps(self.ref, "1.1", ["@sujet-0-a1", "@sujet-0-a2"], [], 2)
        self.assertEqual([(s["skill"]["id"], s["kind"], s["tutorials"]) for s in steps],
                         [("@sujet-0-a3", NEXT_LEVEL, ["tuto-sujet-0-a3"])])

    def test_a_sujet_entirely_validated_has_no_next_step(self):
        all_a = [f"@sujet-0-a{level}" for level in range(1, 7)]
        self.assertEqual(next_steps(self.ref, "1.1", all_a, [], 6), [])

    def test_a_skill_without_tutorials_defers_to_the_next_one_up(self):
        bank = bank_with_tutorials()
        for skill in bank["skills"]:
            if skill["id"] == "@sujet-0-a2":
                skill["tutorials"] = []
        ref = load_referential(bank)
        step, = next_steps(ref, "1.1", ["@sujet-0-a1"], ["@sujet-0-a2"], 6)
        self.assertEqual((step["skill"]["id"], step["tutorials"]),
                         ("@sujet-0-a2", ["tuto-sujet-0-a3"]))

    def test_a_skill_taught_nowhere_proposes_the_tutorials_that_go_further_on_it(self):
        bank = bank_with_tutorials()
        for skill in bank["skills"]:
            if skill["id"] == "@sujet-0-a3":
                skill["tutorials"], skill["learning_more"] = [], ["tuto-sujet-0-a2"]
        ref = load_referential(bank)
        step, = next_steps(ref, "1.1", ["@sujet-0-a1", "@sujet-0-a2"], [], 2)
        self.assertEqual((step["kind"], step["tutorials"]), (NEXT_LEVEL, ["tuto-sujet-0-a2"]))

    def test_levels_are_explained_by_the_competence_descriptors(self):
        self.assertEqual(level_meaning(self.ref, "1.1", 1),
                         {"name": "novice", "text": "Taper quelques mots."})
        self.assertEqual(level_meaning(self.ref, "1.1", 4)["name"], "indépendant")
        self.assertEqual(level_meaning(self.ref, "1.1", 5), {"name": "avancé", "text": ""})
        self.assertEqual(level_meaning(self.ref, "1.1", 0)["name"], "débutant")


class ResultAndRecordViewTests(unittest.TestCase):
    def setUp(self):
        self.ref = load_referential(bank_with_tutorials())

    def test_a_learner_who_got_everything_right_is_told_what_to_learn_next(self):
        assessment = play(Assessment.start(self.ref, seed=3, profile="bases"), lambda c: True)
        view = result_view(self.ref, assessment)
        by_id = {c["competence_id"]: c for c in view["competences"]}
        comp = by_id["1.1"]
        self.assertEqual((comp["level"], comp["max_level"], comp["capped"]), (2, 2, True))
        self.assertEqual(comp["failed"], [])
        self.assertEqual([(s["skill"]["id"], s["kind"]) for s in comp["next_steps"]],
                         [("@sujet-0-a3", NEXT_LEVEL)])
        self.assertEqual([(t["id"], t["kind"]) for t in comp["tutorials"]],
                         [("tuto-sujet-0-a3", NEXT_LEVEL)])
        self.assertEqual(comp["level_name"], "novice")
        self.assertEqual(comp["level_text"], "Taper quelques mots.")

    def test_failed_skills_still_bring_their_own_tutorials(self):
        assessment = play(Assessment.start(self.ref, ["1.1"], seed=4), lambda c: False)
        comp, = result_view(self.ref, assessment)["competences"]
        self.assertEqual(comp["level"], 0)
        ids = [t["id"] for t in comp["tutorials"]]
        self.assertTrue({"tuto-sujet-0-a1", "tuto-sujet-0-b1", "tuto-sujet-0-c1"} <= set(ids), ids)
        self.assertEqual(len(ids), len(set(ids)))
        self.assertTrue(all(s["kind"] == TO_WORK_ON for s in comp["next_steps"]))

    def test_a_record_is_shown_again_as_the_result_was(self):
        rng = random.Random(8)
        assessment = play(Assessment.start(self.ref, ["1.1", "1.2"], seed=8),
                          lambda c: rng.random() < 0.6)
        record = make_record(self.ref, assessment, started_at=START, finished_at=END,
                             status="finished")
        live, again = result_view(self.ref, assessment), record_view(self.ref, record)
        keys = ("competence_id", "level", "max_level", "pix", "asked", "correct", "validated",
                "failed", "next_steps", "tutorials", "level_name", "level_text", "capped")
        for a, b in zip(live["competences"], again["competences"], strict=True):
            self.assertEqual({k: a[k] for k in keys}, {k: b[k] for k in keys})
        self.assertEqual(live["review"], again["review"])
        self.assertEqual(again["record"]["finished_at"], END)

    def test_the_protocol_shows_records_and_refuses_none(self):
        handle({"type": "init", "referential": bank_with_tutorials()})
        assessment = play(Assessment.start(self.ref, seed=3, profile="bases"), lambda c: True)
        record = make_record(self.ref, assessment, started_at=START, finished_at=END,
                             status="finished")
        out = json.loads(json.dumps(handle({"type": "views", "records": [record, {"id": 1}]})))
        self.assertTrue(out["ok"])
        view, broken = out["views"]
        self.assertIsNone(broken)
        self.assertEqual(view["profile"]["mastery"], record["profile"]["mastery"])
        self.assertEqual(view["profile"]["title"], "Bases")


if __name__ == "__main__":
    unittest.main()
