import json
import math
import random
import unittest

from engine import Assessment, EngineConfig, EngineError, load_referential
from engine.protocol import handle

from .bank import correct_response, make_bank, wrong_response

REF = load_referential(make_bank())


def simulate(assessment, theta, rng, resume_every=0):
    """Answer like a person of ability ``theta``; optionally resume from to_dict() often."""
    asked = []
    while (challenge := assessment.next_challenge()) is not None:
        level = REF.skills[challenge.skill_id].level
        success = rng.random() < 0.05 + 0.9 / (1 + math.exp(-2 * (theta - level)))
        assessment.answer(challenge.id,
                          correct_response(challenge) if success else wrong_response(challenge))
        asked.append(challenge.id)
        if resume_every and len(asked) % resume_every == 0:
            assessment = Assessment.from_dict(REF, json.loads(json.dumps(assessment.to_dict())))
    return assessment, asked


class AssessmentTests(unittest.TestCase):
    def test_loads_the_public_shape(self):
        self.assertEqual([c.id for c in REF.competences], ["1.1", "1.2"])
        skill = REF.skills["@sujet-0-a3"]
        self.assertEqual((skill.tube_id, skill.competence_id, skill.level), ("sujet-0-a", "1.1", 3))
        self.assertEqual(REF.tubes["sujet-0-a"].competence_id, "1.1")
        self.assertEqual(REF.challenges["sujet-0-a-3a"].proposals, ["A", "B", "C", "D"])

    def test_starts_easy_and_never_repeats_a_skill(self):
        for seed in range(20):
            a = Assessment.start(REF, ["1.1"], seed=seed)
            first = a.next_challenge()
            self.assertLessEqual(REF.skills[first.skill_id].level, 2)
            _, asked = simulate(a, 3.5, random.Random(seed))
            skills = [REF.challenges[c].skill_id for c in asked]
            self.assertEqual(len(skills), len(set(skills)))

    def test_same_seed_same_test_and_resume_is_exact(self):
        straight, asked = simulate(Assessment.start(REF, ["1.1", "1.2"], seed=7), 4.2,
                                   random.Random(1))
        resumed, asked_resumed = simulate(Assessment.start(REF, ["1.1", "1.2"], seed=7), 4.2,
                                          random.Random(1), resume_every=1)
        self.assertEqual(asked, asked_resumed)
        self.assertEqual(straight.result().to_dict(), resumed.result().to_dict())

    def test_resume_gives_the_same_next_question(self):
        a = Assessment.start(REF, ["1.1"], seed=3)
        for _ in range(4):
            ch = a.next_challenge()
            a.record(ch.id, True)
        expected = a.next_challenge().id
        self.assertEqual(Assessment.from_dict(REF, a.to_dict()).next_challenge().id, expected)

    def test_levels_follow_ability(self):
        levels = {}
        for theta in (0.2, 3.5, 7.0):
            results = [simulate(Assessment.start(REF, ["1.1"], seed=s), theta,
                                random.Random(s))[0].result().competences["1.1"].level
                       for s in range(12)]
            levels[theta] = sum(results) / len(results)
        self.assertLess(levels[0.2], 1.2)
        self.assertTrue(2.3 <= levels[3.5] <= 4.7, levels)
        self.assertGreater(levels[7.0], 5.0)

    def test_result_fields_and_pix_bounds(self):
        a, _ = simulate(Assessment.start(REF, ["1.1", "1.2"], seed=11), 5, random.Random(2))
        result = a.result()
        self.assertTrue(result.complete)
        for comp in result.competences.values():
            self.assertTrue(0 <= comp.level <= 6)
            self.assertTrue(0 <= comp.pix <= 64)
            self.assertAlmostEqual(sum(comp.level_probabilities), 1.0, places=6)
            self.assertFalse(set(comp.validated_skills) & set(comp.failed_skills))
        self.assertEqual(result.pix, sum(c.pix for c in result.competences.values()))

    def test_skipping_counts_as_a_failure(self):
        a = Assessment.start(REF, ["1.1"], seed=5)
        ch = a.next_challenge()
        self.assertFalse(a.answer(ch.id, None))
        self.assertEqual(a.to_dict()["answers"][0]["status"], "skipped")

    def test_refuses_foreign_and_damaged_states(self):
        a = Assessment.start(REF, ["1.1"], seed=5)
        ch = a.next_challenge()
        a.record(ch.id, True)
        with self.assertRaises(EngineError) as again:
            a.record(ch.id, True)
        self.assertEqual(again.exception.code, "already-answered")
        state = a.to_dict()
        for damage in ({**state, "answers": [{"challenge": "inconnue", "correct": True}]},
                       {**state, "format": 99}, {**state, "seed": "abc"}, {"answers": []}):
            with self.assertRaises(EngineError) as caught:
                Assessment.from_dict(REF, damage)
            self.assertEqual(caught.exception.code, "state-invalid")

    def test_stops_within_bounds(self):
        config = EngineConfig(min_questions=4, max_questions=9)
        for seed in range(10):
            _, asked = simulate(Assessment.start(REF, ["1.1"], seed=seed, config=config),
                                random.Random(seed).uniform(0, 7), random.Random(seed))
            self.assertTrue(4 <= len(asked) <= 9, len(asked))

    def test_later_competences_start_from_what_earlier_ones_showed(self):
        strong, _ = simulate(Assessment.start(REF, ["1.1", "1.2"], seed=4), 6.5, random.Random(4))
        weak, _ = simulate(Assessment.start(REF, ["1.1", "1.2"], seed=4), 0.3, random.Random(4))
        strong_prior = strong._runs["1.2"].prior
        weak_prior = weak._runs["1.2"].prior
        self.assertGreater(strong_prior[0], 4.0)
        self.assertLess(weak_prior[0], 2.0)
        self.assertLess(strong_prior[1], EngineConfig().prior_sd)
        first_strong = REF.challenges[strong.answers[len(strong._runs["1.1"].answers)].challenge_id]
        first_weak = REF.challenges[weak.answers[len(weak._runs["1.1"].answers)].challenge_id]
        self.assertGreater(REF.skills[first_strong.skill_id].level,
                           REF.skills[first_weak.skill_id].level)

    def test_target_skills_restrict_the_test(self):
        skills = [s.id for s in REF.skills.values() if s.tube_id == "sujet-1-b" and s.level <= 3]
        a, asked = simulate(Assessment.start(REF, skills=skills, seed=1), 6, random.Random(0))
        self.assertEqual(a.competences, ["1.2"])
        self.assertTrue({REF.challenges[c].skill_id for c in asked} <= set(skills))
        self.assertLessEqual(a.result().competences["1.2"].level, 3)


class ProfileTests(unittest.TestCase):
    def test_profile_mastery_badges_and_stages(self):
        from engine.profiles import profile_result

        profile = REF.profiles["bases"]
        none = profile_result(profile, [])
        self.assertEqual((none["mastery"], none["stage"]["title"]), (0, "Départ"))
        self.assertFalse(none["badges"][0]["obtained"])
        most = profile_result(profile, ["@sujet-0-a1", "@sujet-0-a2", "@sujet-1-b1", "@sujet-1-b2"])
        self.assertEqual(most["mastery"], 80)
        self.assertEqual([b["mastery"] for b in most["blocks"]], [100, 67])
        self.assertTrue(most["badges"][0]["obtained"])
        self.assertEqual((most["stage"]["title"], most["stage_index"], most["stage_count"]),
                         ("Milieu", 1, 2))
        lopsided = profile_result(profile, ["@sujet-1-b1", "@sujet-1-b2", "@sujet-1-b3"])
        self.assertFalse(lopsided["badges"][0]["obtained"])  # block "un" is at 0 %

    def test_a_profile_assessment_targets_its_skills(self):
        a, asked = simulate(Assessment.start(REF, profile="bases", seed=2), 6, random.Random(0))
        self.assertEqual(a.competences, ["1.1", "1.2"])
        self.assertLessEqual(len(asked), 5)
        resumed = Assessment.from_dict(REF, a.to_dict())
        self.assertEqual(resumed.profile, "bases")


class ProtocolTests(unittest.TestCase):
    def setUp(self):
        self.assertTrue(handle({"type": "init", "referential": make_bank()})["ok"])

    def test_a_whole_test_through_messages(self):
        response = handle({"type": "start", "competences": ["1.1"], "seed": 4})
        self.assertTrue(response["ok"])
        while response["challenge"]:
            view = response["challenge"]
            self.assertNotIn("solution", view)
            challenge = REF.challenges[view["id"]]
            response = handle({"type": "answer", "state": response["state"],
                               "challenge": view["id"], "response": correct_response(challenge)})
            self.assertTrue(response["ok"], response)
            self.assertTrue(response["answered"]["correct"])
        result = response["result"]
        self.assertTrue(result["complete"])
        self.assertGreaterEqual(result["competences"][0]["level"], 4)
        self.assertTrue(all(item["correct"] for item in result["review"]))
        self.assertIsNone(result["profile"])

    def test_a_profile_through_messages(self):
        response = handle({"type": "start", "profile": "bases", "seed": 9})
        while response["challenge"]:
            challenge = REF.challenges[response["challenge"]["id"]]
            response = handle({"type": "answer", "state": response["state"],
                               "challenge": challenge.id, "response": correct_response(challenge)})
        profile = response["result"]["profile"]
        self.assertEqual(profile["mastery"], 100)
        self.assertTrue(profile["badges"][0]["obtained"])

    def test_errors_are_messages_not_crashes(self):
        bad = handle({"type": "resume", "state": {"format": 1, "answers": "x"}})
        self.assertFalse(bad["ok"])
        self.assertEqual(bad["error"]["code"], "state-invalid")
        self.assertFalse(handle({"type": "nope"})["ok"])
        start = handle({"type": "start", "competences": ["1.1"], "seed": 1})
        stale = handle({"type": "answer", "state": start["state"], "challenge": "sujet-0-a-6a",
                        "response": "1"})
        self.assertEqual(stale["error"]["code"], "not-pending")
