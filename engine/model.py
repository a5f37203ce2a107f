"""The response model and the per-competence posterior on a grid of the level scale.

Scale: θ = L means a person succeeds half the time on a typical level-L challenge, guessing aside.
So a person's level is floor(θ), clipped to 0..max level of the competence.

A challenge's expert level is a label, not a truth: its difficulty is modelled as b ~ N(level, τ²),
which flattens the item curve (probit approximation). A guessing floor comes from the challenge
type and its number of options, and a small slip rate caps success below 1.

A calibrated challenge (``content/referential/calibration.yaml``, written by ``diagnum
calibrate`` from collected answers) has its own difficulty, discrimination and the uncertainty of
that difficulty: its curve uses them instead (``calibrated_curve``), flattened by that uncertainty
the same way.
"""

from __future__ import annotations

import math
import operator
from dataclasses import dataclass
from functools import lru_cache
from itertools import repeat

from .referential import MAX_LEVEL, Challenge
from .types import challenge_type

GRID_MIN, GRID_MAX, GRID_STEP = -1.5, 9.5, 0.1
GRID: tuple[float, ...] = tuple(
    round(GRID_MIN + i * GRID_STEP, 6) for i in range(round((GRID_MAX - GRID_MIN) / GRID_STEP) + 1)
)
# Which level each grid point belongs to (floor, clipped to 0..8), before the per-competence cap.
GRID_LEVELS: tuple[int, ...] = tuple(min(MAX_LEVEL, max(0, math.floor(t + 1e-9))) for t in GRID)


@dataclass(frozen=True)
class ModelParams:
    slope: float = 1.5          # logits per level
    label_sd: float = 0.6       # uncertainty of an expert level label, in levels
    slip: float = 0.05
    open_guess: float = 0.02    # typed answers
    qcm_guess: float = 0.08     # ticking exactly the right set of boxes


def guessing(challenge: Challenge, params: ModelParams) -> float:
    """The blind-guessing floor of a challenge, as its type declares it."""
    return challenge_type(challenge.type).guessing(challenge.data, params)


def effective_slope(params: ModelParams) -> float:
    a, tau = params.slope, params.label_sd
    return a / math.sqrt(1.0 + math.pi * a * a * tau * tau / 8.0)


def flattened_slope(slope: float, sd: float) -> float:
    """The slope of a curve whose difficulty is only known within ``sd`` (probit approximation)."""
    return slope / math.sqrt(1.0 + math.pi * slope * slope * sd * sd / 8.0)


@lru_cache(maxsize=4096)
def calibrated_curve(difficulty: float, discrimination: float, sd: float, guess: float,
                     params: ModelParams) -> tuple[float, ...]:
    """P(success | θ) on the grid for a calibrated challenge (its own difficulty and slope)."""
    a = flattened_slope(discrimination, sd)
    top = 1.0 - guess - params.slip
    return tuple(guess + top / (1.0 + math.exp(-a * (t - difficulty))) for t in GRID)


@lru_cache(maxsize=4096)
def calibrated_information_curve(difficulty: float, discrimination: float, sd: float,
                                 guess: float, params: ModelParams) -> tuple[float, ...]:
    """Fisher information of a calibrated challenge on every grid point."""
    a = flattened_slope(discrimination, sd)
    top = 1.0 - guess - params.slip
    curve = calibrated_curve(difficulty, discrimination, sd, guess, params)
    out = []
    for t, p in zip(GRID, curve, strict=True):
        s = 1.0 / (1.0 + math.exp(-a * (t - difficulty)))
        slope = top * a * s * (1.0 - s)
        out.append(slope * slope / max(p * (1.0 - p), 1e-12))
    return tuple(out)


@lru_cache(maxsize=4096)
def success_curve(level: int, guess: float, params: ModelParams) -> tuple[float, ...]:
    """P(success | θ) on every grid point for a challenge of this level and guessing floor."""
    a = effective_slope(params)
    top = 1.0 - guess - params.slip
    return tuple(guess + top / (1.0 + math.exp(-a * (t - level))) for t in GRID)


@lru_cache(maxsize=4096)
def information_curve(level: int, guess: float, params: ModelParams) -> tuple[float, ...]:
    """Fisher information of the challenge on every grid point."""
    a = effective_slope(params)
    top = 1.0 - guess - params.slip
    out = []
    for t, p in zip(GRID, success_curve(level, guess, params), strict=True):
        s = 1.0 / (1.0 + math.exp(-a * (t - level)))
        slope = top * a * s * (1.0 - s)
        out.append(slope * slope / max(p * (1.0 - p), 1e-12))
    return tuple(out)


def normal_prior(mean: float, sd: float) -> list[float]:
    return list(_normal_prior(mean, sd))


@lru_cache(maxsize=256)
def _normal_prior(mean: float, sd: float) -> tuple[float, ...]:
    weights = [math.exp(-0.5 * ((t - mean) / sd) ** 2) for t in GRID]
    total = sum(weights)
    return tuple(w / total for w in weights)


def update(posterior: list[float], curve: tuple[float, ...], correct: bool) -> list[float]:
    # map() over C functions: the same products as a comprehension, several times faster in
    # Pyodide (a joint profile replays every answer at every step).
    if len(posterior) != len(curve):
        raise ValueError("posterior and curve differ in length")
    failure = curve if correct else map(operator.sub, repeat(1.0), curve)
    new = list(map(operator.mul, posterior, failure))
    total = sum(new)
    return list(map(operator.truediv, new, repeat(total))) if total > 0 else posterior


def expectation(posterior: list[float], values: tuple[float, ...]) -> float:
    return sum(w * v for w, v in zip(posterior, values, strict=True))


def mean_sd(posterior: list[float]) -> tuple[float, float]:
    mean = expectation(posterior, GRID)
    var = sum(w * (t - mean) ** 2 for w, t in zip(posterior, GRID, strict=True))
    return mean, math.sqrt(max(var, 0.0))


GRID_SQUARES: tuple[float, ...] = tuple(t * t for t in GRID)


def moments(posterior: list[float]) -> tuple[float, float]:
    """(mean, sd) of a posterior, quickly (a joint profile reads every competence's at each step)."""
    mean = sum(map(operator.mul, posterior, GRID))
    return mean, math.sqrt(max(sum(map(operator.mul, posterior, GRID_SQUARES)) - mean * mean, 0.0))


def level_probabilities(posterior: list[float], max_level: int) -> list[float]:
    """P(level = L) for L in 0..max_level (everything above the cap counts as the cap)."""
    return list(map(sum, map(posterior.__getitem__, _level_slice_objects(max_level))))


@lru_cache(maxsize=16)
def _level_slice_objects(max_level: int) -> tuple[slice, ...]:
    """``level_slices`` as slice objects (map() over them runs without a Python loop)."""
    return tuple(slice(a, b) for a, b in level_slices(max_level))


def _entropy(probs: list[float]) -> float:
    """Entropy of an unnormalised distribution: log(T) − Σ p log p / T."""
    total = sum(probs)
    if total <= 0:
        return 0.0
    if min(probs) > 0:
        # The same sum without a Python loop (selection values many answers at every step).
        return math.log(total) - sum(map(operator.mul, probs, map(math.log, probs))) / total
    return math.log(total) - sum(p * math.log(p) for p in probs if p > 0) / total


@lru_cache(maxsize=16)
def level_slices(max_level: int) -> tuple[tuple[int, int], ...]:
    """For each level 0..max_level, the [start, end) range of grid points that fall in it."""
    bounds = []
    for level in range(max_level + 1):
        indexes = [i for i, lvl in enumerate(GRID_LEVELS) if min(lvl, max_level) == level]
        bounds.append((indexes[0], indexes[-1] + 1) if indexes else (0, 0))
    return tuple(bounds)


def level_information(posterior: list[float], curve: tuple[float, ...],
                      max_level: int) -> tuple[float, float]:
    """(P(success), mutual information between the answer and the level): how much, on average,
    the answer to this challenge will sharpen P(level). It targets the question that separates
    the levels still in doubt, which is what exact-level accuracy needs."""
    right = [sum(map(operator.mul, posterior[a:b], curve[a:b])) for a, b in level_slices(max_level)]
    mass = level_probabilities(posterior, max_level)
    p_right = sum(right)
    wrong = [m - r for m, r in zip(mass, right, strict=True)]
    info = _entropy(mass) - p_right * _entropy(right) - (1.0 - p_right) * _entropy(wrong)
    return p_right, info


def _best_neighbourhood(masses: list[float]) -> float:
    """The largest mass of three adjacent levels (level ± 1), of an unnormalised distribution."""
    if len(masses) < 3:
        return sum(masses)
    add = operator.add
    return max(map(add, map(add, masses, masses[1:]), masses[2:]))


# A coarser grid for choosing questions at a whole profile's pace: groups of 5 points (half a
# level; the last group takes the grid's last point too), aligned on the levels' boundaries.
COARSE = 5
COARSE_GROUPS: tuple[tuple[int, int], ...] = tuple(
    (i, i + COARSE if i + 2 * COARSE <= len(GRID) else len(GRID))
    for i in range(0, len(GRID) - COARSE + 1, COARSE))


_COARSE_SLICES: tuple[slice, ...] = tuple(slice(a, b) for a, b in COARSE_GROUPS)


def coarse(posterior: list[float]) -> list[float]:
    """The posterior's mass in each coarse group."""
    return list(map(sum, map(posterior.__getitem__, _COARSE_SLICES)))


@lru_cache(maxsize=4096)
def coarse_curve(level: int, guess: float, params: ModelParams) -> tuple[float, ...]:
    """P(success) averaged over each coarse group."""
    curve = success_curve(level, guess, params)
    return tuple(sum(curve[a:b]) / (b - a) for a, b in COARSE_GROUPS)


@lru_cache(maxsize=16)
def coarse_slices(max_level: int) -> tuple[tuple[int, int], ...]:
    """For each level 0..max_level, the [start, end) range of coarse groups that fall in it."""
    starts = [a for a, _ in COARSE_GROUPS]
    return tuple((starts.index(a) if a in starts else 0, starts.index(b) if b in starts
                  else len(starts)) if a < b else (0, 0) for a, b in level_slices(max_level))


@lru_cache(maxsize=16)
def _coarse_slice_objects(max_level: int) -> tuple[slice, ...]:
    """``coarse_slices`` as slice objects."""
    return tuple(slice(a, b) for a, b in coarse_slices(max_level))


def within_one_gain(groups: list[float], curve: tuple[float, ...], max_level: int,
                    mass: list[float], before: tuple[float, float] | None = None,
                    with_information: bool = True) -> tuple[float, float, float]:
    """(P(success), expected gain in within-one accuracy, mutual information with the level) of
    one challenge, on the coarse grid (``coarse(posterior)``, ``coarse_curve``; ``mass``: the
    level probabilities; ``before``: their best neighbourhood and entropy, when known): the
    probability that the level announced (the best neighbourhood) is within one of the truth
    after the answer, minus before it; and the level information, which breaks the ties when no
    single answer would change the announcement (0 without ``with_information``)."""
    if before is None:
        before = (_best_neighbourhood(mass), _entropy(mass))
    products = list(map(operator.mul, groups, curve))
    right = list(map(sum, map(products.__getitem__, _coarse_slice_objects(max_level))))
    p_right = sum(right)
    wrong = list(map(operator.sub, mass, right))
    gain = _best_neighbourhood(right) + _best_neighbourhood(wrong) - before[0]
    if not with_information:
        return p_right, max(0.0, gain), 0.0
    info = before[1] - p_right * _entropy(right) - (1.0 - p_right) * _entropy(wrong)
    return p_right, max(0.0, gain), info


@lru_cache(maxsize=16)
def _window_slices(max_level: int) -> tuple[slice, ...]:
    """For each neighbourhood (levels L−1, L, L+1), the slice of coarse groups it spans (all
    of them when there are fewer than three levels, as ``_best_neighbourhood`` reads it)."""
    bounds = coarse_slices(max_level)
    if len(bounds) < 3:
        return (slice(bounds[0][0], bounds[-1][1]),)
    return tuple(slice(bounds[i][0], bounds[i + 2][1]) for i in range(len(bounds) - 2))


def neighbourhoods(mass: list[float]) -> list[float]:
    """The mass of every neighbourhood (three adjacent levels; all of them when fewer), in the
    order of ``_window_slices``: the best of them is ``_best_neighbourhood(mass)``."""
    if len(mass) < 3:
        return [sum(mass)]
    add = operator.add
    return list(map(add, map(add, mass, mass[1:]), mass[2:]))


def likely_gain(groups: list[float], curve: tuple[float, ...], max_level: int,
                windows: list[float], best: float, floor: float) -> tuple[float, float | None]:
    """(P(success), the within-one gain of ``within_one_gain`` without information, or None
    when P(success) is below ``floor``) of one challenge, from one product of the posterior and
    the curve: a joint profile's selector tries the questions of a level from the lowest
    guessing floor up and values the first likely enough. Each neighbourhood's mass after a
    right answer is summed on the coarse groups it spans (``windows``: the ``neighbourhoods``
    of the level probabilities, ``best`` the largest): the same gain as ``within_one_gain``'s
    but for rounding, in fewer steps."""
    products = list(map(operator.mul, groups, curve))
    p = sum(products)
    if p < floor:
        return p, None
    right = list(map(sum, map(products.__getitem__, _window_slices(max_level))))
    gain = max(right) + max(map(operator.sub, windows, right)) - best
    return p, max(0.0, gain)


def level_summary(posterior: list[float], max_level: int, with_entropy: bool = True,
                  mass: list[float] | None = None
                  ) -> tuple[list[float], list[float], tuple[float, float]]:
    """(coarse groups, level probabilities, (best neighbourhood, entropy or 0)) of a posterior:
    what ``within_one_gain`` reads for every challenge it values (``mass``: its level
    probabilities, when known)."""
    if mass is None:
        mass = level_probabilities(posterior, max_level)
    return coarse(posterior), mass, (_best_neighbourhood(mass),
                                     _entropy(mass) if with_entropy else 0.0)


def within_one_probability(posterior: list[float], max_level: int,
                           mass: list[float] | None = None) -> float:
    """P(the level announced by its best neighbourhood is within one of the truth) (``mass``:
    the posterior's level probabilities, when known)."""
    return _best_neighbourhood(level_probabilities(posterior, max_level) if mass is None
                               else mass)
