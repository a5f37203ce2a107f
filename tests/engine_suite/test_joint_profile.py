"""The « profil express » as one joint profile: a joint posterior, interleaved questions chosen
on the whole profile, and a stopping rule on the profile's posterior."""

import json
import unittest

from engine import Assessment, EngineConfig, model
from engine.initialization import JointStart
from engine.stopping import ProfileStop

from .test_express import REF, take


def started():
    return Assessment.start(REF, profile="profil-express", seed=11)


def competence_of(challenge):
    return REF.skills[challenge.skill_id].competence_id


def answer_in(assessment, cid, correct, count):
    """Record ``count`` answers in competence ``cid``: right answers to the hardest skills, or
    wrong answers to the easiest (what says the most)."""
    skills = sorted(assessment._targets[cid], key=lambda s: (-s.level if correct else s.level))
    for skill in skills[:count]:
        challenge = REF.challenges_by_skill[skill.id][0]
        assessment.record(challenge.id, correct)


class JointPosteriorTests(unittest.TestCase):
    def test_answers_in_one_competence_move_the_others(self):
        first, other = REF.competences[0].id, REF.competences[5].id
        before = started().result().competences[other].theta
        strong, weak = started(), started()
        answer_in(strong, first, True, 5)
        answer_in(weak, first, False, 5)
        strong_other = strong.result().competences[other]
        weak_other = weak.result().competences[other]
        # Nothing was asked in the other competence, yet its estimate moved with the first.
        self.assertEqual((strong_other.asked, weak_other.asked), (0, 0))
        self.assertGreater(strong_other.theta, before + 0.5)
        self.assertLess(weak_other.theta, before - 0.5)
        # And less than the competence answered in.
        self.assertLess(strong_other.theta, strong.result().competences[first].theta)

    def test_the_stronger_the_correlation_the_further_the_others_move(self):
        config = EngineConfig.for_mode("express")
        moved = []
        for rho in (0.3, 0.8):
            start = JointStart(EngineConfig.from_dict(
                {**config.to_dict(), "correlation_choices": [rho], "correlation_weights": [1]}))
            priors = start.priors([(6.0, 0.3), None, None])
            ((_, mean, sd),) = priors[1]
            moved.append(mean - start.mean)
            self.assertLess(sd, start.sd)
        self.assertGreater(moved[1], moved[0] > 0)

    def test_the_correlation_is_weighed_by_the_persons_own_answers(self):
        start = JointStart(EngineConfig.for_mode("express"))
        alike = start.priors([(4.5, 0.3)] * 15 + [None])[15]
        scattered = start.priors([(0.0 if i % 2 else 6.0, 0.3) for i in range(15)] + [None])[15]

        def weight_of_strongest(mixture):
            return max(mixture, key=lambda c: c[0])

        # Competences that agree make the strongest correlation the most probable; scattered
        # ones, the weakest (the choices are 0.3, 0.55, 0.8).
        self.assertEqual(alike.index(weight_of_strongest(alike)), 2)
        self.assertEqual(scattered.index(weight_of_strongest(scattered)), 0)
        # A competence's prior is a proper mixture.
        self.assertAlmostEqual(sum(2.718281828 ** w for w, _, _ in alike), 1.0, places=6)

    def test_the_joint_posterior_is_replayed_from_the_answers_alone(self):
        assessment = take(6, stop_after=30)
        stored = json.loads(json.dumps(assessment.to_dict()))
        resumed = Assessment.from_dict(REF, stored)
        for cid, comp in assessment.result().competences.items():
            again = resumed.result().competences[cid]
            self.assertAlmostEqual(again.theta, comp.theta, places=9)
            self.assertEqual(again.level, comp.level)


class InterleavingTests(unittest.TestCase):
    def test_every_competence_first_then_questions_interleaved(self):
        assessment = take(2)
        order = [competence_of(REF.challenges[a.challenge_id]) for a in assessment.answers]
        # A tour first: each competence once.
        self.assertEqual(sorted(order[:16]), sorted(c.id for c in REF.competences))
        # Then competences come back, not one block each.
        blocks = sum(1 for i in range(1, len(order)) if order[i] != order[i - 1]) + 1
        self.assertGreater(blocks, 30)
        self.assertGreater(len(set(order[16:])), 5)

    def test_the_next_question_is_the_most_valuable_on_the_whole_profile(self):
        # A person still being asked after 20 questions (some are settled sooner).
        assessment = next(a for a in (take(seed, stop_after=20) for seed in range(8, 40))
                          if not a.closed)
        assessment.pending = None
        challenge = assessment.next_challenge()
        chosen = competence_of(challenge)
        selector = assessment.config.parts.selector
        runs = [assessment._run(c) for c in assessment.competences]
        offers = assessment._offers(runs)
        values = {run.competence_id: selector.best_value(REF, run, skills)
                  for run, skills in offers}
        self.assertGreater(len(values), 5)
        self.assertEqual(chosen, max(values, key=values.get))
        # Within it, the best skill itself (not one of the best few at random).
        run, skills = next((r, s) for r, s in offers if r.competence_id == chosen)
        self.assertEqual(challenge.skill_id, selector.ranked(REF, run, skills)[0][0][0].id)

    def test_the_budget_goes_where_it_is_needed(self):
        assessment = take(4)
        asked = [r.asked for r in assessment.result().competences.values()]
        self.assertLessEqual(max(asked), assessment.config.max_questions)
        self.assertGreater(max(asked) - min(asked), 2)  # not an equal share each

    def test_progress_names_the_competence_of_the_question_on_screen(self):
        assessment = take(3, stop_after=20)
        shown = competence_of(assessment.next_challenge())
        progress = assessment.progress()
        self.assertTrue(progress["interleaved"])
        self.assertEqual(progress["competence"], shown)
        self.assertEqual(progress["competence_index"], assessment.competences.index(shown))
        self.assertEqual((progress["asked"], progress["max_total"]), (20, 80))
        self.assertFalse(Assessment.start(REF, seed=1).progress()["interleaved"])

    def test_an_answer_to_any_open_competence_is_accepted(self):
        assessment = started()
        shown = assessment.next_challenge()
        elsewhere = next(c for c in REF.competences if c.id != competence_of(shown)).id
        answer_in(assessment, elsewhere, True, 1)
        self.assertEqual(assessment._run(elsewhere).asked, 1)
        self.assertEqual(assessment.next_challenge(), shown)  # still on screen


class ProfileStoppingTests(unittest.TestCase):
    def test_a_competence_is_settled_once_its_level_is_known_within_one(self):
        stopper = ProfileStop(EngineConfig.for_mode("express"))
        assessment = started()
        run = assessment._run(REF.competences[0].id)
        self.assertFalse(stopper.should_stop(run))  # nothing asked: below the minimum
        answer_in(assessment, run.competence_id, False, 1)
        assessment._couple()
        # Failed the easiest question, yet a wide posterior: not settled.
        self.assertLess(model.within_one_probability(run.posterior, run.max_level), 0.97)
        self.assertFalse(stopper.should_stop(run))
        run.couple([1.0 if t < 0.9 else 0.0 for t in model.GRID])  # certainly level 0
        self.assertTrue(stopper.should_stop(run))

    def test_the_profile_ends_when_every_competence_is_settled_or_at_the_cap(self):
        stopper = ProfileStop(EngineConfig.for_mode("express"))
        assessment = take(1)
        runs = list(assessment._runs.values())
        self.assertTrue(stopper.profile_done(runs))
        if len(assessment.answers) < 80:
            self.assertTrue(all(stopper.should_stop(r) for r in runs))
        fresh = started()
        self.assertFalse(stopper.profile_done([fresh._run(c) for c in fresh.competences]))

    def test_a_person_known_early_stops_before_the_cap(self):
        assessment = started()
        while (challenge := assessment.next_challenge()) is not None:
            assessment.record(challenge.id, False)
        self.assertLess(len(assessment.answers), 40)
        self.assertEqual(sorted(assessment.closed), sorted(assessment.competences))
        self.assertTrue(all(r.asked >= 1 for r in assessment.result().competences.values()))


if __name__ == "__main__":
    unittest.main()


class FastValuationTests(unittest.TestCase):
    """The shortcuts a step takes compute what the plain functions compute."""

    def test_likely_gain_is_the_within_one_gain_from_one_product(self):
        import random

        rng = random.Random(5)
        params = EngineConfig.for_mode("express").model
        for max_level in (1, 2, 5, 8):
            for _ in range(40):
                posterior = model.normal_prior(rng.uniform(-1, 8), rng.uniform(0.3, 3))
                for lvl in range(1, 7):
                    if rng.random() < 0.5:
                        posterior = model.update(posterior, model.success_curve(lvl, 0.25, params),
                                                 rng.random() < 0.5)
                groups, mass, before = model.level_summary(posterior, max_level, False)
                windows = model.neighbourhoods(mass)
                self.assertEqual(max(windows), before[0])
                curve = model.coarse_curve(rng.randint(0, 8), rng.choice((0.02, 0.25)), params)
                p, gain, _ = model.within_one_gain(groups, curve, max_level, mass, before, False)
                quick, quick_gain = model.likely_gain(groups, curve, max_level, windows,
                                                      before[0], -1.0)
                self.assertAlmostEqual(quick, p, places=12)
                self.assertAlmostEqual(quick_gain, gain, places=12)
                # Below the floor, no gain is computed.
                self.assertIsNone(model.likely_gain(groups, curve, max_level, windows,
                                                    before[0], quick + 1e-9)[1])

    def test_the_weights_are_the_joint_prior_over_the_population_prior(self):
        import math

        start = EngineConfig.for_mode("express").parts.initializer
        for mixture in start.priors([(6.0, 0.3), None, (1.0, 2.0)]):
            weights = list(start.weight_stream(mixture, model.GRID))
            self.assertEqual(weights, start.weights(mixture, model.GRID))
            p = [math.exp(w) for w, _, _ in mixture]
            mean = sum(q * m for q, (_, m, _) in zip(p, mixture, strict=True))
            var = sum(q * (s * s + m * m) for q, (_, m, s) in zip(p, mixture, strict=True)) - mean * mean
            ratios = [w * math.exp(-0.5 * (t - start.mean) ** 2 / start.sd ** 2)
                      / math.exp(-0.5 * (t - mean) ** 2 / var)
                      for w, t in zip(weights, model.GRID, strict=True)]
            self.assertEqual(len(ratios), len(model.GRID))
            for r in ratios:
                self.assertAlmostEqual(r / ratios[0], 1.0, places=9)
