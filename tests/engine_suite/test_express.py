"""The « profil express » mode: a whole profile in at most 80 questions, chosen by the parcours."""

import json
import random
import unittest

from engine import Assessment, EngineConfig, load_referential
from engine.config import EXPRESS
from engine.estimation import WithinOneEstimator

from .bank import make_bank

COMPETENCES = 16


def express_bank():
    data = make_bank(competences=COMPETENCES, tubes=3, variants=2)
    tubes = [t["id"] for t in data["tubes"]]
    skills = {t: [s["id"] for s in data["skills"] if s["tube_id"] == t] for t in tubes}
    data["profiles"].append({
        "id": "profil-express", "title": "Profil express", "description": "…",
        "engine": "express", "blocks": [], "badges": [], "stages": [],
        "tubes": [{"tube": t, "max_level": 8, "block": None, "skills": skills[t]} for t in tubes]})
    return data


REF = load_referential(express_bank())


def person(seed):
    """Answers of a simulated person: a general ability plus a deviation per competence."""
    rng = random.Random(f"person:{seed}")
    general = rng.gauss(3.0, 1.6)
    theta = {c.id: general + rng.gauss(0.0, 1.2) for c in REF.competences}

    def answer(challenge):
        skill = REF.skills[challenge.skill_id]
        gap = theta[skill.competence_id] - skill.level
        return rng.random() < 0.1 + 0.85 / (1.0 + 2.718 ** (-1.5 * gap))
    return answer


def take(seed, stop_after=None):
    assessment = Assessment.start(REF, profile="profil-express", seed=seed)
    answer = person(seed)
    while (challenge := assessment.next_challenge()) is not None:
        if stop_after is not None and len(assessment.answers) == stop_after:
            return assessment
        assessment.record(challenge.id, answer(challenge))
    return assessment


class ExpressTests(unittest.TestCase):
    def test_the_parcours_chooses_the_express_engine(self):
        assessment = Assessment.start(REF, profile="profil-express", seed=1)
        self.assertEqual(assessment.config, EngineConfig.for_mode("express"))
        self.assertEqual(assessment.config.total_max_questions, 80)
        self.assertEqual(len(assessment.competences), COMPETENCES)
        self.assertIsInstance(assessment.config.parts.estimator, WithinOneEstimator)
        # Other parcours keep the default engine.
        self.assertEqual(Assessment.start(REF, profile="bases", seed=1).config, EngineConfig())

    def test_at_most_80_questions_and_every_competence_gets_a_level(self):
        for seed in range(4):
            assessment = take(seed)
            result = assessment.result()
            self.assertTrue(result.complete)
            self.assertLessEqual(len(assessment.answers), 80)
            self.assertEqual(set(result.competences), {c.id for c in REF.competences})
            for comp in result.competences.values():
                self.assertGreaterEqual(comp.asked, 1)
                self.assertTrue(comp.complete)
                self.assertIn(comp.level, range(comp.max_level + 1))
            progress = assessment.progress()
            self.assertEqual((progress["max_total"], progress["done"]), (80, True))
            self.assertEqual(progress["asked"], len(assessment.answers))

    def test_a_person_who_fails_everything_is_not_kept_long(self):
        assessment = Assessment.start(REF, profile="profil-express", seed=3)
        while (challenge := assessment.next_challenge()) is not None:
            assessment.record(challenge.id, False)
        self.assertLessEqual(len(assessment.answers), 3 * COMPETENCES)
        # Nothing right: level 0 everywhere (not the level 1 a within-one reading might prefer).
        self.assertTrue(all(c.level == 0 for c in assessment.result().competences.values()))

    def test_resume_mid_way_gives_the_same_next_question(self):
        for stop_after in (0, 9, 37):
            assessment = take(5, stop_after=stop_after)
            expected = assessment.next_challenge()
            stored = json.loads(json.dumps(assessment.to_dict()))
            resumed = Assessment.from_dict(REF, stored)
            self.assertEqual(resumed.next_challenge(), expected)
            self.assertEqual(resumed.progress(), assessment.progress())
            # Without the pending question too: the choice is replayed from the answers alone.
            stored["pending"] = None
            self.assertEqual(Assessment.from_dict(REF, stored).next_challenge(), expected)

    def test_the_whole_test_is_replayed_identically(self):
        first, second = take(7), take(7)
        self.assertEqual([a.challenge_id for a in first.answers],
                         [a.challenge_id for a in second.answers])

    def test_config_round_trips_through_json(self):
        config = EngineConfig.for_mode("express")
        again = EngineConfig.from_dict(json.loads(json.dumps(config.to_dict())))
        self.assertEqual(again, config)
        self.assertEqual([again.parts.initializer.name, again.parts.selector.name,
                          again.parts.stopper.name],
                         ["joint-profile", "profile-information", "profile-posterior"])
        parts = ("initializer", "selector", "stopper", "estimator")
        self.assertEqual({k: again.to_dict()[k] for k in parts}, {k: EXPRESS[k] for k in parts})
        self.assertEqual(again.correlation_choices, tuple(EXPRESS["correlation_choices"]))
        with self.assertRaises(ValueError):
            EngineConfig.for_mode("turbo")

    def test_through_the_worker_protocol_with_the_same_results_page(self):
        from engine import protocol

        self.assertTrue(protocol.handle({"type": "init", "referential": express_bank()})["ok"])
        response = protocol.handle({"type": "start", "profile": "profil-express", "seed": 4})
        self.assertEqual(response["state"]["config"]["total_max_questions"], 80)
        steps = 0
        while response["challenge"] is not None:
            self.assertEqual(response["progress"]["max_total"], 80)
            self.assertEqual(response["progress"]["asked"], steps)
            response = protocol.handle({"type": "answer", "state": response["state"],
                                        "challenge": response["challenge"]["id"],
                                        "response": None})
            self.assertTrue(response["ok"], response)
            steps += 1
        self.assertLessEqual(steps, 80)
        result = response["result"]
        self.assertEqual(result["profile"]["id"], "profil-express")
        self.assertEqual(len(response["state"]["closed"]), COMPETENCES)

    def test_within_one_reading_of_the_posterior(self):
        est = WithinOneEstimator()
        # Levels 2 and 4 (0.35 each) more likely than 3 (0.3), which is within one of both.
        post = [0.0] * len(est.prior(0, 1))
        from engine.model import GRID
        for i, t in enumerate(GRID):
            post[i] = 0.35 if 2.0 <= t < 2.2 or 4.0 <= t < 4.2 else (0.6 if 3.0 <= t < 3.1 else 0)
        total = sum(post)
        post = [w / total for w in post]
        self.assertEqual(est.level(post, 6), 3)
        # But never a level much less probable than the most probable one.
        post = est.prior(0.0, 0.6)
        probs = est.level_probabilities(post, 6)
        self.assertGreater(probs[0], 2 * probs[1])
        self.assertEqual(est.level(post, 6), 0)


if __name__ == "__main__":
    unittest.main()


class StateTests(unittest.TestCase):
    """A parcours's state names the parcours, not its skills (the worker parses and writes the
    state at every step); states that list the skills still resume."""

    def test_a_parcours_state_leaves_its_skills_out_and_resumes_with_them(self):
        from engine.errors import EngineError
        from engine.profiles import profile_skills

        assessment = take(3, stop_after=20)
        stored = json.loads(json.dumps(assessment.to_dict()))
        self.assertNotIn("skills", stored)
        resumed = Assessment.from_dict(REF, stored)
        skills = sorted(profile_skills(REF.profiles["profil-express"]))
        self.assertEqual(resumed.target_skills, skills)
        self.assertEqual(resumed.next_challenge(), assessment.next_challenge())
        # A state written before lists them: the same test.
        older = Assessment.from_dict(REF, {**stored, "skills": skills})
        self.assertEqual(older.next_challenge(), assessment.next_challenge())
        self.assertEqual(older.to_dict(), resumed.to_dict())
        # Other skills than the parcours's stay in the state (they are not the parcours's).
        fewer = Assessment.from_dict(REF, {**stored, "skills": skills[:-1]})
        self.assertEqual(fewer.to_dict()["skills"], skills[:-1])
        # Without its skills, a state must name a parcours the referential knows.
        with self.assertRaises(EngineError) as caught:
            Assessment.from_dict(REF, {**stored, "profile": "disparu"})
        self.assertEqual(caught.exception.code, "state-invalid")

    def test_a_test_without_a_parcours_keeps_its_skills(self):
        skills = [s.id for s in REF.skills_by_competence["1.1"]][:4]
        assessment = Assessment.start(REF, competences=["1.1"], skills=skills, seed=1)
        self.assertEqual(assessment.to_dict()["skills"], sorted(skills))
        self.assertIsNone(Assessment.start(REF, competences=["1.1"], seed=1).to_dict()["skills"])
