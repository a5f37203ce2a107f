"""Marginal maximum likelihood with EM (Bock & Aitkin) for the engine's item model.

The model is the engine's (``engine.model``): on the level scale,

    P(right | θ) = g + (1 − g − slip) · σ(a · (θ − b))

with the guessing floor g of the challenge's type and options and the engine's slip rate, both
fixed. Each challenge's difficulty b and discrimination a are estimated; each person's level θ in
a competence is unknown and integrated out over a quadrature grid, under a normal population
N(μ, σ²) per competence that is estimated too. Persons are (record, competence) pairs: the engine
measures each competence on its own scale.

Sparse data are handled by priors, as the engine already assumes them. Difficulties are pooled
by skill (a hierarchical prior): a skill's offset from its declared level is N(0, 0.55²), shared
by its variants, and each variant's own offset from its skill's is N(0, 0.25²), together the
engine's label_sd (0.6); log a ~ N(log slope, 0.3²). Estimates are the posterior modes (MAP): a
challenge with few answers stays near its skill's estimate (itself near the declared level when
the skill has few answers), one with many answers goes where its answers say. Its uncertainty
(the posterior sd of its difficulty, the skill's uncertainty included) goes with it to the engine,
which flattens its curve by it. The prior also anchors the scale: the level scale stays the one
the labels define, on average. A challenge answered fewer than ``min_answers`` times, even with
its skill's other variants, keeps its level-derived parameters (it is not written in the
calibration file) and is flagged.
"""

from __future__ import annotations

import math
import operator
from collections.abc import Callable
from dataclasses import dataclass, field

from engine import ModelParams, Referential
from engine.model import guessing

GRID: tuple[float, ...] = tuple(-2.0 + 0.25 * k for k in range(49))   # −2 … 10 levels
GRID2: tuple[float, ...] = tuple(t * t for t in GRID)
LOG_SLOPE_SD = 0.3
MIN_ANSWERS = 30
# The hierarchical prior of difficulties: a skill's offset from its declared level, shared by its
# variants, N(0, SKILL_SD²); each variant's own offset from its skill's, N(0, VARIANT_SD²). Together
# they make the engine's label_sd (0.6): sqrt(0.55² + 0.25²) ≈ 0.60.
SKILL_SD = 0.55
VARIANT_SD = 0.25


@dataclass
class ItemEstimate:
    challenge_id: str
    competence_id: str
    level: int                # the declared level (the skill's), the prior's centre
    guess: float
    answers: int = 0
    right: int = 0
    difficulty: float = 0.0
    discrimination: float = 0.0
    sd: float = 0.0           # standard error of the difficulty (prior included)
    calibrated: bool = False  # enough answers to replace the level-derived parameters

    @property
    def success_rate(self) -> float:
        return self.right / self.answers if self.answers else 0.0


@dataclass
class CompetenceFit:
    competence_id: str
    persons: int
    mean: float
    sd: float
    iterations: int
    converged: bool


@dataclass
class Calibration:
    items: dict[str, ItemEstimate] = field(default_factory=dict)
    competences: dict[str, CompetenceFit] = field(default_factory=dict)
    params: ModelParams = field(default_factory=ModelParams)
    min_answers: int = MIN_ANSWERS
    pooled: bool = True       # the hierarchical prior (variants pooled by skill)


def _normal(mean: float, sd: float) -> list[float]:
    weights = [math.exp(-0.5 * ((t - mean) / sd) ** 2) for t in GRID]
    total = sum(weights)
    return [w / total for w in weights]


def _curve(b: float, a: float, guess: float, top: float) -> list[float]:
    out = []
    for t in GRID:
        z = a * (t - b)
        out.append(guess + top / (1.0 + math.exp(-z)) if z > -700 else guess)
    return out


def calibrate(ref: Referential, persons: dict[str, list[list[tuple[str, bool]]]],
              params: ModelParams | None = None, min_answers: int = MIN_ANSWERS,
              max_iterations: int = 200, tolerance: float = 0.002,
              progress: Callable[[str], None] | None = None,
              owners: dict[str, list[int]] | None = None, pooled: bool = True,
              skill_sd: float = SKILL_SD, variant_sd: float = VARIANT_SD) -> Calibration:
    """Estimate every challenge answered in ``persons`` (competence → per person
    [(challenge id, right?)]).

    ``owners`` (competence → the record each person of ``persons[competence]`` comes from) lets
    a person's other competences inform the prior of each: the engine chose their questions
    knowing those (collateral priors, a shared question budget), so a model that ignored them
    would mistake who was asked what for how hard it is (with few answers per competence, as in
    the « profil express », the scale then shrinks). The prior of θ in a competence is then a
    latent regression, N(μ + β·x, σ²), on x, the person's mean θ elsewhere (relative to each
    competence's mean), re-estimated at each EM cycle.

    ``pooled``: the variants of a skill share its offset from the declared level (``skill_sd``,
    then ``variant_sd`` for each variant around its skill), so a variant answered a few times
    borrows what its skill's other variants say; otherwise each variant has its own N(level,
    label_sd²) prior."""
    params = params or ModelParams()
    out = Calibration(params=params, min_answers=min_answers, pooled=pooled)
    spread = (skill_sd, variant_sd) if pooled else None
    fits = {c: _Fit(ref, c, persons[c], params, spread) for c in sorted(persons) if persons[c]}
    keys = {c: (owners or {}).get(c) or [("seul", c, i) for i in range(len(persons[c]))]
            for c in fits}
    iteration, converged = 0, False
    for iteration in range(1, max_iterations + 1):  # noqa: B007 (reported after the loop)
        for fit in fits.values():
            fit.e_step()
        _covariates(fits, keys)
        change = 0.0
        for fit in fits.values():
            fit.population()
            change = max(change, fit.items_step())
        if change < tolerance:
            converged = True
            break
    for competence, fit in fits.items():
        fit.finish(min_answers, out.items)
        out.competences[competence] = CompetenceFit(
            competence, len(fit.coded), fit.overall_mean, fit.overall_sd, iteration, converged)
        if progress:
            progress(f"compétence {competence} : {len(fit.coded)} personne(s)")
    return out


def _covariates(fits: dict[str, _Fit], keys: dict[str, list]) -> None:
    """x of each (person, competence): the person's mean θ in their other competences (each
    from that competence's answers alone, relative to its mean); 0 when they took no other."""
    elsewhere: dict[object, list[tuple[str, float]]] = {}
    for competence, fit in fits.items():
        for key, m in zip(keys[competence], fit.own_mean, strict=True):
            elsewhere.setdefault(key, []).append((competence, m - fit.overall_mean))
    for competence, fit in fits.items():
        for p, key in enumerate(keys[competence]):
            others = [d for c, d in elsewhere.get(key, ()) if c != competence]
            fit.x[p] = sum(others) / len(others) if others else 0.0


class _Fit:
    """One competence's items and persons during EM."""

    def __init__(self, ref: Referential, competence: str,
                 people: list[list[tuple[str, bool]]], params: ModelParams,
                 spread: tuple[float, float] | None = None) -> None:
        self.params = params
        # (skill sd, variant sd) of the hierarchical prior; None: each challenge on its own.
        self.spread = spread
        ids = sorted({cid for person in people for cid, _ in person})
        index = {cid: i for i, cid in enumerate(ids)}
        self.items = []
        for cid in ids:
            challenge = ref.challenges[cid]
            self.items.append(ItemEstimate(cid, competence,
                                           ref.skills[challenge.skill_id].level,
                                           guessing(challenge, params)))
        self.coded = [[(index[cid], right) for cid, right in person] for person in people]
        for person in self.coded:
            for i, right in person:
                self.items[i].answers += 1
                self.items[i].right += right
        self.b = [float(it.level) for it in self.items]
        # Each skill's variants (indices), its declared level and its current centre.
        self.skill_items: dict[str, list[int]] = {}
        for i, cid in enumerate(ids):
            self.skill_items.setdefault(ref.challenges[cid].skill_id, []).append(i)
        self.skill_level = {s: float(self.items[v[0]].level) for s, v in self.skill_items.items()}
        self.centre = dict(self.skill_level)
        self.log_a = [math.log(params.slope)] * len(self.items)
        self.mean, self.beta, self.sd = 2.5, 0.0, 2.0
        self.overall_mean, self.overall_sd = 2.5, 2.0
        count = len(self.coded)
        self.x = [0.0] * count
        self.post_mean = [2.5] * count
        self.post_var = [4.0] * count
        self.own_mean = [2.5] * count
        self.n_q: list[list[float]] = []
        self.r_q: list[list[float]] = []

    def e_step(self) -> None:
        params, q = self.params, len(GRID)
        curves, comps = [], []
        for i, it in enumerate(self.items):
            curve = _curve(self.b[i], math.exp(self.log_a[i]), it.guess,
                           1.0 - it.guess - params.slip)
            curves.append(curve)
            comps.append([1.0 - p for p in curve])
        priors: dict[float, list[float]] = {}
        # Each person's θ from this competence's answers alone (under the population's overall
        # normal): what the other competences' priors regress on, without feeding back into them.
        overall = _normal(self.overall_mean, max(0.3, self.overall_sd))
        n_q = [[0.0] * q for _ in self.items]
        r_q = [[0.0] * q for _ in self.items]
        mul, add = operator.mul, operator.add
        for p, person in enumerate(self.coded):
            centre = round(self.mean + self.beta * self.x[p], 2)
            w = priors.get(centre)
            if w is None:
                w = priors[centre] = _normal(centre, self.sd)
            for i, right in person:
                w = list(map(mul, w, curves[i] if right else comps[i]))
            total = sum(w)
            if total <= 0.0:
                continue
            post = [v / total for v in w]
            for i, right in person:
                n_q[i] = list(map(add, n_q[i], post))
                if right:
                    r_q[i] = list(map(add, r_q[i], post))
            m1 = sum(map(mul, post, GRID))
            self.post_mean[p] = m1
            self.post_var[p] = max(sum(map(mul, post, GRID2)) - m1 * m1, 0.0)
            alone = [v * o / max(pr, 1e-300) for v, o, pr in zip(post, overall, priors[centre],
                                                                 strict=True)]
            self.own_mean[p] = sum(map(mul, alone, GRID)) / (sum(alone) or 1.0)
        self.n_q, self.r_q = n_q, r_q

    def population(self) -> None:
        """Latent regression of θ on x (just the mean when nobody has an x)."""
        n = len(self.coded)
        if not n:
            return
        sx = sum(self.x)
        sxx = sum(v * v for v in self.x)
        sm = sum(self.post_mean)
        sxm = sum(v * m for v, m in zip(self.x, self.post_mean, strict=True))
        det = n * sxx - sx * sx
        if det > 1e-9 * n * n:
            self.beta = (n * sxm - sx * sm) / det
            self.mean = (sm - self.beta * sx) / n
        else:
            self.beta, self.mean = 0.0, sm / n
        resid = sum(v + (m - self.mean - self.beta * x) ** 2 for v, m, x in
                    zip(self.post_var, self.post_mean, self.x, strict=True)) / n
        self.sd = max(0.3, math.sqrt(resid))
        self.overall_mean = sm / n
        total = sum(v + (m - self.overall_mean) ** 2
                    for v, m in zip(self.post_var, self.post_mean, strict=True)) / n
        self.overall_sd = math.sqrt(total)

    def items_step(self) -> float:
        """Each challenge given its skill's centre, then each skill's centre given its variants
        (coordinate ascent on the joint posterior of the hierarchical prior)."""
        change = 0.0
        tau = self.spread[1] if self.spread else self.params.label_sd
        for skill, members in self.skill_items.items():
            centre = self.centre[skill]
            for i in members:
                nb, na = _m_step(self.b[i], self.log_a[i], self.items[i], self.n_q[i],
                                 self.r_q[i], self.params, centre, tau)
                change = max(change, abs(nb - self.b[i]), abs(na - self.log_a[i]))
                self.b[i], self.log_a[i] = nb, na
            if self.spread:
                skill_sd, variant_sd = self.spread
                w_skill, w_variant = 1.0 / skill_sd ** 2, 1.0 / variant_sd ** 2
                new = ((self.skill_level[skill] * w_skill + w_variant * sum(
                    self.b[i] for i in members)) / (w_skill + w_variant * len(members)))
                change = max(change, abs(new - centre))
                self.centre[skill] = new
        return change

    def finish(self, min_answers: int, items_out: dict[str, ItemEstimate]) -> None:
        for members in self.skill_items.values():
            info = {i: _difficulty_information(self.b[i], self.log_a[i], self.items[i],
                                               self.n_q[i], self.params) for i in members}
            sds = _difficulty_sds(info, self.spread, self.params.label_sd)
            # Pooled, a variant is estimated from its skill's answers too.
            pooled = sum(self.items[i].answers for i in members) if self.spread else 0
            for i in members:
                it = self.items[i]
                it.difficulty, it.discrimination = self.b[i], math.exp(self.log_a[i])
                it.sd = sds[i]
                it.calibrated = max(it.answers, pooled) >= min_answers
                items_out[it.challenge_id] = it


def _difficulty_sds(info: dict[int, float], spread: tuple[float, float] | None,
                    label_sd: float) -> dict[int, float]:
    """The posterior sd of each variant's difficulty (Laplace): from its answers' information
    and its prior; under the hierarchical prior, with the uncertainty of its skill's centre
    (the Schur complement of the skill's joint precision). Never more than ``label_sd``."""
    if spread is None:
        return {i: min(label_sd, 1.0 / math.sqrt(v + 1.0 / label_sd ** 2))
                for i, v in info.items()}
    skill_sd, variant_sd = spread
    w_variant = 1.0 / variant_sd ** 2
    d = {i: v + w_variant for i, v in info.items()}
    schur = 1.0 / skill_sd ** 2 + sum(w_variant - w_variant ** 2 / di for di in d.values())
    return {i: min(label_sd, math.sqrt(1.0 / di + (w_variant / di) ** 2 / schur))
            for i, di in d.items()}


def _derivatives(b: float, log_a: float, it: ItemEstimate, n: list[float], r: list[float],
                 params: ModelParams, centre: float, tau: float
                 ) -> tuple[float, float, float, float, float]:
    """Gradient and expected information (priors included: b ~ N(centre, tau²), log a ~
    N(log slope, 0.3²)) of (b, log a)."""
    g_b, g_a, i_bb, i_aa, i_ab = _likelihood(b, log_a, it, n, r, params)
    g_b -= (b - centre) / (tau * tau)
    i_bb += 1.0 / (tau * tau)
    g_a -= (log_a - math.log(params.slope)) / LOG_SLOPE_SD ** 2
    i_aa += 1.0 / LOG_SLOPE_SD ** 2
    return g_b, g_a, i_bb, i_aa, i_ab


def _likelihood(b: float, log_a: float, it: ItemEstimate, n: list[float], r: list[float],
                params: ModelParams) -> tuple[float, float, float, float, float]:
    """Gradient and expected information of the answers alone, in (b, log a)."""
    a = math.exp(log_a)
    top = 1.0 - it.guess - params.slip
    g_b = g_a = i_bb = i_aa = i_ab = 0.0
    for t, nk, rk in zip(GRID, n, r, strict=True):
        if nk <= 1e-12:
            continue
        z = a * (t - b)
        s = 1.0 / (1.0 + math.exp(-z)) if z > -700 else 0.0
        p = min(max(it.guess + top * s, 1e-9), 1.0 - 1e-9)
        dp = top * s * (1.0 - s)                       # dP/dz
        resid = (rk - nk * p) / (p * (1.0 - p))        # dℓ/dP
        dz_b, dz_la = -a, a * (t - b)                  # dz/db, dz/d(log a)
        g_b += resid * dp * dz_b
        g_a += resid * dp * dz_la
        w = nk * dp * dp / (p * (1.0 - p))
        i_bb += w * dz_b * dz_b
        i_aa += w * dz_la * dz_la
        i_ab += w * dz_b * dz_la
    return g_b, g_a, i_bb, i_aa, i_ab


def _m_step(b: float, log_a: float, it: ItemEstimate, n: list[float], r: list[float],
            params: ModelParams, centre: float, tau: float, steps: int = 3
            ) -> tuple[float, float]:
    """A few Fisher-scoring steps on the item's expected complete-data log posterior."""
    for _ in range(steps):
        g_b, g_a, i_bb, i_aa, i_ab = _derivatives(b, log_a, it, n, r, params, centre, tau)
        det = i_bb * i_aa - i_ab * i_ab
        if det <= 1e-12:
            break
        d_b = (i_aa * g_b - i_ab * g_a) / det
        d_a = (i_bb * g_a - i_ab * g_b) / det
        b += max(-1.0, min(1.0, d_b))
        log_a += max(-0.5, min(0.5, d_a))
        b = max(-3.0, min(12.0, b))
        log_a = max(math.log(0.05), min(math.log(8.0), log_a))
        if abs(d_b) < 1e-4 and abs(d_a) < 1e-4:
            break
    return b, log_a


def _difficulty_information(b: float, log_a: float, it: ItemEstimate, n: list[float],
                            params: ModelParams) -> float:
    """What the answers alone say of b, once log a is integrated out (its prior included): the
    information on b, less what it shares with log a."""
    if not n:
        return 0.0
    # At the expected counts the residual vanishes on average; only the information matters.
    _, _, i_bb, i_aa, i_ab = _likelihood(b, log_a, it, n, [0.0] * len(n), params)
    i_aa += 1.0 / LOG_SLOPE_SD ** 2
    return max(0.0, i_bb - i_ab * i_ab / i_aa)
