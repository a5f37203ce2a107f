"""Estimation: what the answers say about a person's level in one competence.

A posterior on the grid of the level scale (``model.GRID``), updated answer by answer with the
response model; read as the probability of each level, the most probable level and the EAP.
The benchmark scores other engines' answers with this same estimator.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from . import model
from .model import ModelParams
from .referential import Challenge


class GridEstimator:
    """Bayesian grid posterior (EAP and level probabilities) under ``model``'s response curve."""

    name = "grid-eap"

    def __init__(self, params: ModelParams | None = None, **options: Any) -> None:
        if options:
            raise ValueError(f"options inconnues de l'estimateur : {', '.join(sorted(options))}")
        self.params = params or ModelParams()

    def prior(self, mean: float, sd: float) -> list[float]:
        return model.normal_prior(mean, sd)

    def guess(self, challenge: Challenge) -> float:
        return model.guessing(challenge, self.params)

    def curve_key(self, level: int, challenge: Challenge) -> tuple[Any, ...]:
        """What decides the challenge's curve: (skill level, guessing floor), or, for a
        calibrated challenge, (difficulty, discrimination, sd, guessing floor)."""
        cal = challenge.calibration
        if cal is None:
            return (level, self.guess(challenge))
        return (cal.difficulty, cal.discrimination, cal.sd, self.guess(challenge))

    def curve(self, level: int, challenge: Challenge) -> tuple[float, ...]:
        """P(success | θ) on the grid for this challenge of this skill level (its calibrated
        parameters instead of the level when it has some)."""
        return self.curve_of(self.curve_key(level, challenge))

    def curve_of(self, key: tuple[Any, ...]) -> tuple[float, ...]:
        if len(key) == 2:
            return model.success_curve(*key, self.params)
        return model.calibrated_curve(*key, self.params)

    def information_of(self, key: tuple[Any, ...]) -> tuple[float, ...]:
        """Fisher information on the grid of the challenge whose ``curve_key`` this is."""
        if len(key) == 2:
            return model.information_curve(*key, self.params)
        return model.calibrated_information_curve(*key, self.params)

    def update(self, posterior: list[float], level: int, challenge: Challenge,
               correct: bool) -> list[float]:
        return model.update(posterior, self.curve(level, challenge), correct)

    def predict(self, posterior: list[float], level: int, challenge: Challenge) -> float:
        """Posterior-predictive probability of success on this challenge."""
        return model.expectation(posterior, self.curve(level, challenge))

    def level_probabilities(self, posterior: list[float], max_level: int) -> list[float]:
        return model.level_probabilities(posterior, max_level)

    def level(self, posterior: list[float], max_level: int) -> int:
        """The most probable level (the lowest one on a tie)."""
        probs = self.level_probabilities(posterior, max_level)
        return max(range(len(probs)), key=probs.__getitem__)

    def eap(self, posterior: list[float]) -> float:
        return model.expectation(posterior, model.GRID)

    def mean_sd(self, posterior: list[float]) -> tuple[float, float]:
        return model.mean_sd(posterior)

    def posterior(self, answers: Iterable[tuple[int, Challenge, bool]], mean: float,
                  sd: float) -> list[float]:
        """The posterior after ``(skill level, challenge, correct)`` answers, from N(mean, sd²)."""
        post = self.prior(mean, sd)
        for level, challenge, correct in answers:
            post = self.update(post, level, challenge, correct)
        return post


class WithinOneEstimator(GridEstimator):
    """The same posterior, read for a short test: among the levels at least half as probable as
    the most probable one, the one whose neighbourhood (level ± 1) is the most probable, so that
    the level announced after few questions is most often within one of the truth, yet never a
    level the answers make unlikely (no level 1 for someone who failed everything)."""

    name = "grid-within-one"
    plausible = 0.5

    def level(self, posterior: list[float], max_level: int) -> int:
        probs = self.level_probabilities(posterior, max_level)
        top = max(probs)
        around = [sum(probs[max(0, lvl - 1):lvl + 2]) for lvl in range(len(probs))]
        plausible = [lvl for lvl in range(len(probs)) if probs[lvl] >= self.plausible * top]
        return max(plausible, key=lambda lvl: (round(around[lvl], 9), probs[lvl], -lvl))


ESTIMATORS: dict[str, type[GridEstimator]] = {GridEstimator.name: GridEstimator,
                                               WithinOneEstimator.name: WithinOneEstimator}
