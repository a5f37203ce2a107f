"""Selection: which challenge to ask next in a competence.

``candidate_skills`` is the one place that says which skills may be asked at all. Among them,
the selector keeps the tubes covered, keeps questions the person is likely enough to succeed
(benevolence), ranks skills by how much their answer would tell, and picks at random among the
best, then a variant of the chosen skill.
"""

from __future__ import annotations

import random
from typing import TYPE_CHECKING

from . import model
from .referential import Challenge, Referential, Skill

if TYPE_CHECKING:
    from .config import EngineConfig
    from .estimation import GridEstimator
    from .state import CompetenceRun

# (P(success), information) of one challenge, cached per curve (``GridEstimator.curve_key``).
Prediction = tuple[float, float]
Option = tuple[Skill, Challenge, float, float]


def candidate_skills(ref: Referential, run: CompetenceRun, ask_inferred_last: bool = True
                     ) -> list[Skill]:
    """Skills that may be asked now: not asked yet, with a challenge that may be shown; those
    that tube inference already settled come last (only when nothing else is left)."""
    fresh = [s for s in run.skills if s.id not in run.asked_skills
             and unseen_challenges(ref, run, s)]
    if not ask_inferred_last:
        return fresh
    return [s for s in fresh if s.id not in run.inferred] or fresh


def unseen_challenges(ref: Referential, run: CompetenceRun, skill: Skill) -> list[Challenge]:
    """The challenges of a skill that may be shown (not seen yet), in a stable order: the one
    place that says which challenges are selectable."""
    return sorted((c for c in ref.challenges_by_skill[skill.id] if c.id not in run.seen),
                  key=lambda c: c.id)


class InformationSelector:
    """The most informative among the kind questions, tubes covered, at random among the best."""

    name = "benevolent-information"

    def __init__(self, config: EngineConfig, estimator: GridEstimator) -> None:
        self.config = config
        self.estimator = estimator

    def predict(self, run: CompetenceRun, level: int, challenge: Challenge,
                cache: dict[tuple, Prediction]) -> Prediction:
        """Posterior-predictive success and expected information of one challenge."""
        estimator = self.estimator
        key = estimator.curve_key(level, challenge)
        if key not in cache:
            curve = estimator.curve_of(key)
            if self.config.criterion == "level":
                cache[key] = model.level_information(run.posterior, curve, run.max_level)
            else:
                cache[key] = (model.expectation(run.posterior, curve),
                              model.expectation(run.posterior, estimator.information_of(key)))
        return cache[key]

    def options(self, ref: Referential, run: CompetenceRun, skills: list[Skill],
                cache: dict[tuple, Prediction]) -> list[Option]:
        return [(skill, challenge, *self.predict(run, skill.level, challenge, cache))
                for skill in skills for challenge in unseen_challenges(ref, run, skill)]

    def cover_tubes(self, run: CompetenceRun, candidates: list[Skill]) -> list[Skill]:
        """A quota per tube until every tube is touched; never the same tube twice in a row."""
        tubes = {s.tube_id for s in candidates}
        if any(run.tube_counts.get(t, 0) == 0 for t in tubes):
            within = [s for s in candidates
                      if run.tube_counts.get(s.tube_id, 0) < self.config.tube_quota]
            candidates = within or candidates
        elsewhere = [s for s in candidates if s.tube_id != run.last_tube]
        return elsewhere or candidates

    def kind(self, run: CompetenceRun, options: list[Option]) -> list[Option]:
        """Benevolence, judged on the very question shown: a floor on its predicted success
        that rises after failures; if nothing reaches it, the likeliest successes."""
        floor = self.config.min_success[min(run.fails_in_row, 2)]
        kind = [o for o in options if o[2] >= floor]
        if not kind:
            best = max(o[2] for o in options)
            kind = [o for o in options if o[2] >= best - 0.05]
        return kind

    def gentle(self, run: CompetenceRun, candidates: list[Skill]) -> list[Skill]:
        """At the start of a competence, no big step up: after a right answer at most
        ``max_step_after_success`` levels above the last question, after a wrong one at most
        ``max_step_after_failure`` (never harder, by default). When no candidate is that low,
        the easiest ones; but after a failed first question, none (the competence ends rather
        than show a harder question)."""
        cfg = self.config
        if not run.answers or run.asked >= cfg.gentle_opening:
            return candidates
        right = run.answers[-1].correct
        cap = run.levels[-1] + (cfg.max_step_after_success if right
                                else cfg.max_step_after_failure)
        low = [s for s in candidates if s.level <= cap]
        if low or (run.asked == 1 and not right):
            return low
        easiest = min(s.level for s in candidates)
        return [s for s in candidates if s.level == easiest]

    def choose(self, ref: Referential, run: CompetenceRun, candidates: list[Skill],
               rng: random.Random) -> Challenge | None:
        """The next challenge, or None when the gentle start leaves nothing to ask."""
        cfg = self.config
        candidates = self.gentle(run, candidates)
        if not candidates:
            return None
        cache: dict[tuple, Prediction] = {}
        options = self.options(ref, run, self.cover_tubes(run, candidates), cache)
        by_skill: dict[str, list[Option]] = {}
        for option in self.kind(run, options):
            by_skill.setdefault(option[0].id, []).append(option)
        ranked = sorted(
            by_skill.values(),
            key=lambda opts: (-max(o[3] for o in opts)
                              * cfg.tube_penalty ** run.tube_counts.get(opts[0][0].tube_id, 0),
                              opts[0][0].level, opts[0][0].id))
        top = ranked[:len(cfg.pick_weights)]
        chosen = rng.choices(top, weights=cfg.pick_weights[:len(top)])[0]
        return self.pick_variant(chosen, rng)

    def variant(self, ref: Referential, run: CompetenceRun, skill: Skill,
                rng: random.Random) -> Challenge:
        """A challenge of this skill (the first question's skill comes from the initializer)."""
        return self.pick_variant(self.options(ref, run, [skill], {}), rng)

    def pick_variant(self, options: list[Option], rng: random.Random) -> Challenge:
        """Among a skill's variants, favour the more informative ones (typed answers over
        multiple choice) without always showing the same one."""
        weights = [max(o[3], 1e-9) ** self.config.variant_sharpness for o in options]
        return rng.choices([o[1] for o in options], weights=weights)[0]


SELECTORS: dict[str, type[InformationSelector]] = {InformationSelector.name: InformationSelector}
