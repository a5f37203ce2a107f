"""Initialisation: where a competence starts — its prior, and its first question.

The prior is the population's, shrunk towards what the competences already finished showed (a
collateral prior: people good at one competence are often good at others). The first question
is easy: a skill at a level below the prior's mean, in any tube, at random.
"""

from __future__ import annotations

import math
import random
from collections.abc import Sequence
from typing import TYPE_CHECKING

from .referential import Skill

if TYPE_CHECKING:
    from .config import EngineConfig


class EasyStart:
    """Collateral normal prior; first question at level floor(prior mean − ``start_below_prior``)
    (at least 1, or the lowest level there is), at random among such skills."""

    name = "easy-start"

    def __init__(self, config: EngineConfig) -> None:
        self.mean = config.prior_mean
        self.sd = config.prior_sd
        self.rho = config.competence_correlation
        self.below = config.start_below_prior

    def prior(self, finished: Sequence[float]) -> tuple[float, float]:
        """(mean, sd) of a competence's prior, given the EAPs of the finished competences."""
        if not finished:
            return self.mean, self.sd
        k, rho = len(finished), self.rho
        weight = k * rho / (1 + (k - 1) * rho)
        mean = self.mean + weight * (sum(finished) / k - self.mean)
        sd = self.sd * math.sqrt(max(0.25, 1 - k * rho * rho / (1 + (k - 1) * rho)))
        return mean, sd

    def start_level(self, prior: tuple[float, float], candidates: Sequence[Skill]) -> int:
        """The level of the first question: the highest at or below the start, else the lowest."""
        start = max(1, math.floor(prior[0] - self.below))
        return max((s.level for s in candidates if s.level <= start),
                   default=min(s.level for s in candidates))

    def first_skill(self, prior: tuple[float, float], candidates: Sequence[Skill],
                    rng: random.Random) -> Skill:
        level = self.start_level(prior, candidates)
        easy = [s for s in candidates if s.level == level]
        return rng.choice(sorted(easy, key=lambda s: s.id))


INITIALIZERS: dict[str, type[EasyStart]] = {EasyStart.name: EasyStart}
