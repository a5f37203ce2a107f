"""Each part of the engine on its own: estimation, initialisation, selection, stopping, and the
configuration that names them."""

import json
import random
import unittest

from engine import Assessment, EngineConfig, EngineError, load_referential
from engine.estimation import GridEstimator
from engine.initialization import EasyStart
from engine.selection import InformationSelector, candidate_skills
from engine.state import CompetenceRun
from engine.stopping import ConfidenceStop

from .bank import make_bank

REF = load_referential(make_bank())
SKILLS = list(REF.skills_by_competence["1.1"])


class _Record:
    def __init__(self, correct):
        self.correct = correct


def new_run(config=None, prior=(2.5, 2.0), skills=None):
    config = config or EngineConfig()
    estimator = config.parts.estimator
    return CompetenceRun("1.1", skills or SKILLS, 6, estimator.prior(*prior), prior, estimator)


def answer(run, skill_id, correct, variant=0):
    skill = REF.skills[skill_id]
    run.apply(skill, REF.challenges_by_skill[skill_id][variant], _Record(correct))


class EstimationTests(unittest.TestCase):
    def setUp(self):
        self.est = GridEstimator()
        self.qroc = REF.challenges["sujet-0-a-3c"]  # typed answer: little guessing

    def test_prior_is_a_distribution_around_its_mean(self):
        post = self.est.prior(4.0, 1.0)  # well inside the grid, so not truncated
        self.assertAlmostEqual(sum(post), 1.0, places=9)
        self.assertAlmostEqual(self.est.eap(post), 4.0, delta=0.01)
        self.assertAlmostEqual(self.est.mean_sd(post)[1], 1.0, delta=0.01)
        self.assertAlmostEqual(sum(self.est.level_probabilities(post, 6)), 1.0, places=9)

    def test_answers_move_the_estimate_the_right_way(self):
        post = self.est.prior(2.5, 2.0)
        right = self.est.update(post, 3, self.qroc, True)
        wrong = self.est.update(post, 3, self.qroc, False)
        self.assertGreater(self.est.eap(right), self.est.eap(post))
        self.assertLess(self.est.eap(wrong), self.est.eap(post))
        self.assertLess(self.est.mean_sd(right)[1], self.est.mean_sd(post)[1])

    def test_a_guessable_question_tells_less(self):
        post = self.est.prior(2.5, 2.0)
        qcu = REF.challenges["sujet-0-a-3a"]  # 4 options: 25 % by chance
        self.assertLess(self.est.eap(self.est.update(post, 3, qcu, True)),
                        self.est.eap(self.est.update(post, 3, self.qroc, True)))
        self.assertGreater(self.est.predict(post, 6, qcu), self.est.predict(post, 6, self.qroc))

    def test_posterior_replays_answers_and_gives_the_modal_level(self):
        answers = [(lv, self.qroc, lv <= 4) for lv in (1, 2, 3, 4, 5, 6, 4, 5)]
        post = self.est.posterior(answers, 2.5, 2.0)
        step = self.est.prior(2.5, 2.0)
        for lv, ch, ok in answers:
            step = self.est.update(step, lv, ch, ok)
        self.assertEqual(post, step)
        self.assertEqual(self.est.level(post, 6), 4)
        self.assertEqual(self.est.level(post, 3), 3)  # capped at the competence's top level


class InitializationTests(unittest.TestCase):
    def setUp(self):
        self.init = EasyStart(EngineConfig())

    def test_population_prior_when_nothing_is_finished(self):
        self.assertEqual(self.init.prior([]), (2.5, 2.0))

    def test_collateral_prior_leans_towards_finished_competences(self):
        mean, sd = self.init.prior([6.0])
        self.assertTrue(2.5 < mean < 6.0)
        self.assertLess(sd, 2.0)
        mean_two, sd_two = self.init.prior([6.0, 6.0])
        self.assertGreater(mean_two, mean)
        self.assertLess(sd_two, sd)

    def test_first_question_is_easy_and_varies(self):
        self.assertEqual(self.init.start_level((2.5, 2.0), SKILLS), 1)
        self.assertEqual(self.init.start_level((5.2, 1.5), SKILLS), 3)
        only_high = [s for s in SKILLS if s.level >= 4]
        self.assertEqual(self.init.start_level((2.5, 2.0), only_high), 4)
        firsts = {self.init.first_skill((2.5, 2.0), SKILLS, random.Random(seed)).id
                  for seed in range(30)}
        self.assertEqual(firsts, {"@sujet-0-a1", "@sujet-0-b1", "@sujet-0-c1"})


class SelectionTests(unittest.TestCase):
    def test_candidates_exclude_asked_skills_and_put_settled_ones_last(self):
        run = new_run()
        answer(run, "@sujet-0-a2", True)
        run.inferred = {"@sujet-0-a1": True, "@sujet-0-a2": True}
        ids = {s.id for s in candidate_skills(REF, run)}
        self.assertNotIn("@sujet-0-a2", ids)
        self.assertNotIn("@sujet-0-a1", ids)
        self.assertIn("@sujet-0-a1", {s.id for s in candidate_skills(REF, run, False)})

    def test_never_the_same_tube_twice_in_a_row(self):
        selector = EngineConfig().parts.selector
        run = new_run()
        answer(run, "@sujet-0-a1", True)
        tubes = {s.tube_id for s in selector.cover_tubes(run, candidate_skills(REF, run))}
        self.assertEqual(tubes, {"sujet-0-b", "sujet-0-c"})

    def test_after_failures_only_likely_successes(self):
        selector = EngineConfig().parts.selector
        run = new_run()
        answer(run, "@sujet-0-a2", True)
        answer(run, "@sujet-0-b3", False)
        options = selector.options(REF, run, candidate_skills(REF, run), {})
        kind = selector.kind(run, options)
        self.assertTrue(kind)
        self.assertTrue(all(o[2] >= EngineConfig().min_success[1] for o in kind))
        self.assertLess(len(kind), len(options))
        answer(run, "@sujet-0-c1", False)  # two failures in a row: nothing reaches 0.65...
        options = selector.options(REF, run, candidate_skills(REF, run), {})
        kind = selector.kind(run, options)
        best = max(o[2] for o in options)  # ...so the likeliest successes
        self.assertEqual(min(o[2] for o in kind) >= min(best - 0.05, 0.65), True)

    def test_chooses_an_informative_unasked_challenge(self):
        selector = EngineConfig().parts.selector
        run = new_run()
        for sid, ok in (("@sujet-0-a1", True), ("@sujet-0-b2", True), ("@sujet-0-c3", True)):
            answer(run, sid, ok)
        chosen = selector.choose(REF, run, candidate_skills(REF, run), random.Random(1))
        skill = REF.skills[chosen.skill_id]
        self.assertNotIn(skill.id, run.asked_skills)
        self.assertGreaterEqual(skill.level, 3)

    def test_gentle_start_limits_the_step_up(self):
        selector = InformationSelector(
            EngineConfig(gentle_opening=5, max_step_after_success=1, max_step_after_failure=0),
            GridEstimator())
        run = new_run()
        answer(run, "@sujet-0-a1", True)
        self.assertEqual({s.level for s in selector.gentle(run, SKILLS)}, {1, 2})
        run = new_run()
        answer(run, "@sujet-0-a2", False)
        self.assertEqual({s.level for s in selector.gentle(run, SKILLS)}, {1, 2})
        for seed in range(20):
            chosen = selector.choose(REF, run, candidate_skills(REF, run), random.Random(seed))
            self.assertLessEqual(REF.skills[chosen.skill_id].level, 2)
        # When nothing is easy enough: after a failed first question, nothing...
        run = new_run(skills=[REF.skills["@sujet-0-b2"]] + [s for s in SKILLS if s.level >= 3])
        answer(run, "@sujet-0-b2", False)
        self.assertIsNone(selector.choose(REF, run, candidate_skills(REF, run), random.Random(0)))
        # ...later in the opening, the easiest left.
        for sid in ("@sujet-0-c3", "@sujet-0-a3", "@sujet-0-b3"):
            answer(run, sid, False)
        self.assertEqual({s.level for s in selector.gentle(run, candidate_skills(REF, run))},
                         {4})


class StoppingTests(unittest.TestCase):
    def test_bounds_and_confidence(self):
        stop = ConfidenceStop(EngineConfig(min_questions=3, max_questions=6))
        run = new_run()
        self.assertFalse(stop.should_stop(run))
        for sid in ("@sujet-0-a1", "@sujet-0-b1", "@sujet-0-c1"):
            answer(run, sid, False, variant=2)
        self.assertTrue(stop.should_stop(run))  # three typed failures at level 1: level 0
        run = new_run()
        for sid in ("@sujet-0-a1", "@sujet-0-b5", "@sujet-0-c3", "@sujet-0-a4", "@sujet-0-b2"):
            answer(run, sid, sid.endswith(("1", "3")), variant=0)
        self.assertFalse(stop.should_stop(run))
        answer(run, "@sujet-0-c6", False)
        self.assertTrue(stop.should_stop(run))  # the maximum


class ConfigTests(unittest.TestCase):
    def test_parts_are_named_and_survive_a_stored_state(self):
        config = EngineConfig(stopper={"name": "level-confidence", "max_questions": 3})
        self.assertEqual(config.parts.stopper.max_questions, 3)
        self.assertEqual(config.parts.selector.config.max_questions, 20)
        a = Assessment.start(REF, ["1.1"], seed=2, config=config)
        state = json.loads(json.dumps(a.to_dict()))
        self.assertEqual(state["config"]["estimator"], "grid-eap")
        resumed = Assessment.from_dict(REF, state)
        asked = 0
        while (ch := resumed.next_challenge()) is not None:
            resumed.record(ch.id, True)
            asked += 1
        self.assertEqual(asked, 3)

    def test_unknown_parts_are_refused(self):
        with self.assertRaises(ValueError):
            EngineConfig(selector="au-hasard")
        state = Assessment.start(REF, ["1.1"], seed=2).to_dict()
        state["config"]["estimator"] = {"name": "inconnu"}
        with self.assertRaises(EngineError) as caught:
            Assessment.from_dict(REF, state)
        self.assertEqual(caught.exception.code, "state-invalid")

    def test_a_state_stored_before_the_parts_existed_resumes(self):
        # Written by the engine before it was split into parts (no part names in its config).
        state = OLD_STATE
        resumed = Assessment.from_dict(REF, json.loads(json.dumps(state)))
        self.assertEqual(resumed.config, EngineConfig.from_dict(state["config"]))
        self.assertEqual(resumed.next_challenge().id, "sujet-0-b-6a")
        self.assertEqual(resumed.result().competences["1.1"].level, 4)
        self.assertEqual(len(resumed.answers), 13)


OLD_STATE = {
    "format": 1, "referential": "test", "seed": 12, "competences": ["1.1", "1.2"],
    "skills": None, "profile": None,
    "config": {"model": {"slope": 1.5, "label_sd": 0.6, "slip": 0.05, "open_guess": 0.02,
                         "qcm_guess": 0.08},
               "prior_mean": 2.5, "prior_sd": 2.0, "competence_correlation": 0.5,
               "min_questions": 7, "max_questions": 20, "stop_confidence": 0.8,
               "wide_stop_after": 14, "wide_stop_confidence": 0.97,
               "min_success": [0.25, 0.5, 0.65], "criterion": "level", "tube_penalty": 0.95,
               "tube_quota": 2, "pick_weights": [0.6, 0.25, 0.15], "variant_sharpness": 4.0,
               "start_below_prior": 1.5, "ask_inferred_last": True},
    "answers": [{"challenge": c, "correct": ok == "+", "status": "recorded"} for c, ok in (
        ("sujet-0-b-1b", "+"), ("sujet-0-a-3c", "-"), ("sujet-0-c-2b", "+"),
        ("sujet-0-b-2c", "+"), ("sujet-0-c-3b", "-"), ("sujet-0-a-2c", "+"),
        ("sujet-0-b-3c", "+"), ("sujet-0-b-4c", "+"), ("sujet-0-b-5b", "-"),
        ("sujet-0-a-4a", "+"), ("sujet-0-c-6a", "+"), ("sujet-0-c-4b", "+"),
        ("sujet-0-c-5a", "+"))],
    "closed": [], "pending": None,
}
