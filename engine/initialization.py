"""Initialisation: where a competence starts — its prior, and its first question.

The prior is the population's, shrunk towards what the competences already finished showed (a
collateral prior: people good at one competence are often good at others). The first question
is easy: a skill at a level below the prior's mean, in any tube, at random.
"""

from __future__ import annotations

import math
import operator
import random
from collections.abc import Iterator, Sequence
from itertools import accumulate, repeat
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

    def start_skills(self, prior: tuple[float, float], candidates: Sequence[Skill]) -> list[Skill]:
        """The skills a competence's first question may ask, in a stable order."""
        level = self.start_level(prior, candidates)
        return sorted((s for s in candidates if s.level == level), key=lambda s: s.id)

    def first_skill(self, prior: tuple[float, float], candidates: Sequence[Skill],
                    rng: random.Random) -> Skill:
        return rng.choice(self.start_skills(prior, candidates))


class JointStart(EasyStart):
    """One joint posterior over the whole profile. Each competence's level is a general ability
    plus a deviation of its own: θ_c = g + d_c, g ~ N(mean, ρ·sd²), d_c ~ N(0, (1 − ρ)·sd²), so
    that two competences correlate by ρ. The correlation is not known: a few values of ρ with
    prior weights (a sensible default, not learnt from data), weighed for each person by how
    well they explain that person's answers.

    Every competence keeps its own posterior (population prior, its answers alone); its answers
    are summarised as a normal message on θ_c (the own posterior divided by the prior, moment
    matched). Given ρ, the messages of the other competences give g a normal posterior, hence θ_c
    a normal prior; the mixture over ρ of these priors (read as one normal of the same mean and
    variance), divided by the population prior, reweights the competence's own posterior point
    by point (``weights``). So an answer in one competence moves the estimate of every other one,
    the more as ρ is believed larger."""

    name = "joint-profile"
    joint = True
    min_precision = 0.02

    def __init__(self, config: EngineConfig) -> None:
        super().__init__(config)
        self.choices = tuple(config.correlation_choices) or (self.rho,)
        weights = tuple(config.correlation_weights) or (1.0,) * len(self.choices)
        if len(weights) != len(self.choices) or any(not 0 < r < 1 for r in self.choices):
            raise ValueError("corrélations du profil mal décrites : "
                             f"{self.choices!r} (poids {weights!r})")
        total = sum(weights)
        self.log_weights = tuple(math.log(w / total) for w in weights)

    def prior(self, finished: Sequence[float]) -> tuple[float, float]:
        """Every competence starts from the population prior; ``weights`` couples them."""
        return self.mean, self.sd

    def message(self, mean_sd: tuple[float, float]) -> tuple[float, float]:
        """(mean, variance) of the normal message of a competence's answers, from the mean and
        sd of its own posterior (population prior × answers)."""
        mean, sd = mean_sd
        var0 = self.sd * self.sd
        precision = max(self.min_precision, 1.0 / max(sd * sd, 1e-6) - 1.0 / var0)
        centre = (mean / max(sd * sd, 1e-6) - self.mean / var0) / precision
        return centre, 1.0 / precision

    def priors(self, messages: Sequence[tuple[float, float] | None]
               ) -> list[list[tuple[float, float, float]]]:
        """For each competence, its prior given the others' messages (None: no answers yet), as
        a mixture over ρ: [(log weight, mean, sd), …]."""
        var0 = self.sd * self.sd
        out: list[list[tuple[float, float, float]]] = [[] for _ in messages]
        for rho, log_prior in zip(self.choices, self.log_weights, strict=True):
            vg, vd = rho * var0, (1.0 - rho) * var0
            terms = []
            for msg in messages:
                if msg is None:
                    terms.append((0.0, 0.0, 0.0, 0.0))
                    continue
                d = vd + msg[1]
                e = msg[0] - self.mean
                terms.append((1.0 / d, e / d, e * e / d, math.log(d)))
            s1, s2, s3, s4 = map(sum, zip(*terms, strict=True))
            for index, (t1, t2, t3, t4) in enumerate(terms):
                a1, a2, a3, a4 = s1 - t1, s2 - t2, s3 - t3, s4 - t4
                precision = 1.0 / vg + a1
                # log p(others' messages | ρ), by the matrix determinant lemma / Sherman–Morrison.
                grow = 1.0 + vg * a1
                loglik = -0.5 * (a4 + math.log(grow) + a3 - vg * a2 * a2 / grow)
                out[index].append((log_prior + loglik, self.mean + a2 / precision,
                                   math.sqrt(1.0 / precision + vd)))
        exp = math.exp
        for mixture in out:
            # The same sums as max() and sum() over generators, without their cost at each step.
            top = mixture[0][0]
            for w, _, _ in mixture:
                if w > top:
                    top = w
            total = 0.0
            for w, _, _ in mixture:
                total += exp(w - top)
            log_total = math.log(total)
            mixture[:] = [(w - top - log_total, m, s) for w, m, s in mixture]
        return out

    def weights(self, mixture: Sequence[tuple[float, float, float]],
                grid: Sequence[float]) -> list[float]:
        """The competence's joint prior divided by the population prior, on the grid (up to a
        constant factor). The mixture over ρ is read as one normal of the same mean and
        variance (a step must stay fast in the browser), whose log ratio to the population
        prior is a quadratic in θ."""
        return list(self.weight_stream(mixture, grid))

    def weight_stream(self, mixture: Sequence[tuple[float, float, float]],
                      grid: Sequence[float]) -> Iterator[float]:
        """``weights`` one grid point after the other, not kept in a list (a joint profile
        reweights every competence at every step and reads each weight once)."""
        mean = var = 0.0
        for w, m, s in mixture:
            p = math.exp(w)
            mean += p * m
            var += p * (s * s + m * m)
        var = max(var - mean * mean, 1e-6)
        a = 0.5 / (self.sd * self.sd) - 0.5 / var
        b = mean / var - self.mean / (self.sd * self.sd)
        return _exp_quadratic(a, b, -0.5 * mean * mean / var, grid)


def _exp_quadratic(a: float, b: float, c: float, grid: Sequence[float]) -> Iterator[float]:
    """exp(a·t² + b·t + c) on an evenly spaced grid, by products alone: between neighbours the
    term is multiplied by a ratio that is itself multiplied by exp(2·a·h²) at each step."""
    step, n, t = grid[1] - grid[0], len(grid), grid[0]
    ratios = accumulate(repeat(math.exp(2 * a * step * step), n - 2), operator.mul,
                        initial=math.exp(a * (2 * t + step) * step + b * step))
    return accumulate(ratios, operator.mul, initial=math.exp((a * t + b) * t + c))


INITIALIZERS: dict[str, type[EasyStart]] = {EasyStart.name: EasyStart,
                                             JointStart.name: JointStart}
