"""The reference that knows the truth and is not benevolent: what the issue measures a
calibrated engine against.

It is the engine with the same estimator, stopping rule and question budget, told every
challenge's true difficulty and discrimination (a referential whose calibration is the truth,
uncertainty 0), that asks, at every step, the question whose answer tells the most by the
engine's own measure (the within-one gain, level information for ties; for a full test of one
competence, the mutual information with the level) with no kindness: no floor on the predicted
success, no gentle start, no easy first question, no tube quota, no random pick among the best.
Its distance to the benevolent reference (the engine as it is, told the truth) is the price of
kindness.

Its parts are registered in the engine's registries under names no parcours uses (``reference-
…``): importing this module is what makes them known; the engine itself never ships them.

    config = reference_config(engine.EngineConfig.for_mode("express"))
"""

from __future__ import annotations

import dataclasses
import operator
import random
from collections.abc import Sequence
from functools import lru_cache
from typing import Any

from engine import EngineConfig, model
from engine.initialization import INITIALIZERS, EasyStart, JointStart
from engine.referential import Challenge, Referential, Skill
from engine.selection import (
    SELECTORS,
    TIE,
    InformationSelector,
    Option,
    Prediction,
    ProfileSelector,
    candidate_skills,
    unseen_challenges,
)
from engine.state import CompetenceRun


@lru_cache(maxsize=65536)
def _coarse(curve: tuple[float, ...]) -> tuple[float, ...]:
    return tuple(sum(curve[a:b]) / (b - a) for a, b in model.COARSE_GROUPS)


class _Unkind:
    """Every question may be asked at any time (no floor, no gentle start, no tube rule)."""

    def kind(self, run: CompetenceRun, options: list[Option]) -> list[Option]:
        return options

    def gentle(self, run: CompetenceRun, candidates: list[Skill]) -> list[Skill]:
        return candidates

    def cover_tubes(self, run: CompetenceRun, candidates: list[Skill]) -> list[Skill]:
        return candidates

    def pick_variant(self, options: list[Option], rng: random.Random) -> Challenge:
        """The most informative variant (ties: the first by id)."""
        return max(options, key=lambda o: o[3])[1]


class ReferenceSelector(_Unkind, InformationSelector):
    """A full test of one competence: the most informative question, its first one included."""

    name = "reference-information"

    def variant(self, ref: Referential, run: CompetenceRun, skill: Skill,
                rng: random.Random) -> Challenge:
        # The first question too is the most informative one, whatever the initializer drew.
        candidates = candidate_skills(ref, run, self.config.ask_inferred_last)
        return self.choose(ref, run, candidates, rng) or super().variant(ref, run, skill, rng)


class ReferenceProfileSelector(_Unkind, ProfileSelector):
    """A whole profile: among every question of every open competence, the one of highest
    value, each valued on its own (true) curve rather than its skill's level."""

    name = "reference-profile-information"

    def value(self, ref: Referential, run: CompetenceRun, level: int, challenge: Challenge,
              cache: dict[Any, Prediction]) -> Prediction:
        return self.key_value(run, self.estimator.curve_key(level, challenge), cache)

    def question_key(self, ref: Referential, skill: Skill, challenge: Challenge) -> Any:
        """Its own curve's key (the truth), not its valued level."""
        return self.estimator.curve_key(skill.level, challenge)

    def key_success(self, run: CompetenceRun, key: Any) -> float:
        return sum(map(operator.mul, self.summary(run)[0], _coarse(self.estimator.curve_of(key))))

    def key_value(self, run: CompetenceRun, key: tuple[Any, ...],
                  cache: dict[Any, Prediction]) -> Prediction:
        found = cache.get(key)
        if found is None:
            groups, mass, before = self.summary(run)
            curve = _coarse(self.estimator.curve_of(key))
            weight = self.config.information_weight
            p, gain, info = model.within_one_gain(groups, curve, run.max_level, mass, before,
                                                  weight > 0)
            found = cache[key] = (p, gain + weight * info + TIE * p * (1.0 - p))
        return found

    def best_value(self, ref: Referential, run: CompetenceRun, skills: list[Skill],
                   values: dict[Any, Prediction] | None = None) -> float:
        values = {} if values is None else values
        return max((self.value(ref, run, s.level, c, values)[1] for s in skills
                    for c in unseen_challenges(ref, run, s)), default=-1.0)


class _AnyStart:
    """The first question of a competence may be any skill (the selector picks it)."""

    def start_skills(self, prior: tuple[float, float], candidates: Sequence[Skill]) -> list[Skill]:
        return sorted(candidates, key=lambda s: s.id)


class ReferenceStart(_AnyStart, EasyStart):
    name = "reference-start"


class ReferenceJointStart(_AnyStart, JointStart):
    name = "reference-joint-profile"


for _part in (ReferenceSelector, ReferenceProfileSelector):
    SELECTORS.setdefault(_part.name, _part)
for _init in (ReferenceStart, ReferenceJointStart):
    INITIALIZERS.setdefault(_init.name, _init)


def reference_config(config: EngineConfig) -> EngineConfig:
    """``config`` (the engine as a parcours or a test runs it) with the reference's parts:
    same estimator, stopper and budget; no kindness, the best question every time."""
    joint = getattr(config.parts.initializer, "joint", False)
    return dataclasses.replace(
        config,
        selector=ReferenceProfileSelector.name if joint else ReferenceSelector.name,
        initializer=ReferenceJointStart.name if joint else ReferenceStart.name,
        pick_weights=(1.0,), tube_penalty=1.0, gentle_opening=0)
