"""Truth models ("worlds") and simulated learners; the engines never see any of this.

A world turns the referential's structure (tubes, skill levels, variants, types, option counts)
into true item parameters, and a population gives each simulee a true θ on the level scale:

    P(success) = g + (1 − g − slip) · σ(a · (θ + tube effect − b))

Ground truth follows the engine's definition of a level: a person is at level L when they succeed
at least half the time on typical level-L challenges, guessing aside, i.e. when θ ≥ anchor(L),
where anchor(L) is the true difficulty of a typical level-L challenge in that world (L itself,
except in the harsh world whose labels overstate the spread). Level 0 is below anchor(1), and the
level is capped at the highest level the competence has content for.
"""

from __future__ import annotations

import math
import random
from dataclasses import dataclass, replace

from engine import Challenge, ModelParams, Referential
from engine.types import challenge_type


@dataclass(frozen=True)
class Truth:
    """How true item parameters derive from the labels; the person × tube sd lives here too."""

    slope: float
    slope_log_sd: float = 0.0     # per challenge: slope · LogNormal(0, sd)
    skill_sd: float = 0.0         # per skill offset of b (a mislabelled skill)
    variant_sd: float = 0.0       # per challenge offset of b (variants are not clones)
    slip: float = 0.03
    spacing: float = 1.0          # anchor(L) = 1 + spacing · (L − 1)
    tube_sd: float = 0.0          # person × tube random effect (testlets)

    def anchor(self, level: int) -> float:
        return 1.0 + self.spacing * (level - 1)

    def on_level_scale(self, difficulty: float, slope: float) -> tuple[float, float]:
        """A true difficulty and slope on the engine's level scale: the world puts level L at
        ``anchor(L)``, so b is the level 1 + (b − 1) / spacing and a slope a is a · spacing per
        level (the engine reads a level as floor(θ), as the truth does)."""
        return 1.0 + (difficulty - 1.0) / self.spacing, slope * self.spacing


@dataclass(frozen=True)
class Population:
    mean: float
    sd: float
    low: float = -1.0
    high: float = 9.0

    def draw(self, rng: random.Random) -> float:
        return min(self.high, max(self.low, rng.gauss(self.mean, self.sd)))


@dataclass(frozen=True)
class World:
    name: str
    bank: str            # worlds sharing a bank family share their generated banks
    truth: Truth
    population: Population
    population_name: str
    about: str


CALIBRATED = Truth(slope=1.5)
REALISTIC = Truth(slope=1.5, slope_log_sd=0.3, skill_sd=0.5, variant_sd=0.25)
HARSH = Truth(slope=1.0, slope_log_sd=0.4, skill_sd=0.8, variant_sd=0.25, slip=0.08, spacing=0.8)
GENERAL = Population(3.0, 2.0)

WORLDS: dict[str, World] = {w.name: w for w in (
    World("S1", "calibrated", CALIBRATED, GENERAL, "general", "calibrated: b = label, a = 1.5"),
    World("S2", "realistic", REALISTIC, GENERAL, "general",
          "realistic: mislabelled skills and variants, varying slopes"),
    World("S3", "harsh", HARSH, GENERAL, "general",
          "harsh: flat slopes, big label errors, compressed levels, slip .08"),
    World("S5", "realistic", replace(REALISTIC, tube_sd=0.5), GENERAL, "general",
          "S2 + person × tube effect (sd 0.5)"),
    World("S2-beginners", "realistic", REALISTIC, Population(1.5, 1.0), "beginners",
          "S2, θ ~ N(1.5, 1)"),
    World("S2-experts", "realistic", REALISTIC, Population(5.5, 1.0), "experts",
          "S2, θ ~ N(5.5, 1)"),
)}
TUNING_WORLDS = ("S1", "S2", "S3")


@dataclass(frozen=True)
class Item:
    slope: float
    difficulty: float
    guess: float
    slip: float


def true_guess(challenge: Challenge, rng: random.Random) -> float:
    """Blind guessing as the type declares it, with a per-challenge chance of guessing a set of
    boxes between 5 and 10 % (drawn from the challenge's own stream, so the world's main stream
    does not depend on the type mix) and 2 % on typed answers."""
    jitter = random.Random(f"guess:{challenge.id}")
    params = ModelParams(qcm_guess=jitter.uniform(0.05, 0.10), open_guess=0.02)
    return challenge_type(challenge.type).guessing(challenge.data, params)


def build_bank(ref: Referential, competences: list[str], truth: Truth,
               rng: random.Random) -> dict[str, Item]:
    """True parameters of every challenge of these competences (challenge id → Item)."""
    bank: dict[str, Item] = {}
    for cid in competences:
        for skill in ref.skills_by_competence[cid]:
            skill_offset = rng.gauss(0.0, truth.skill_sd) if truth.skill_sd else 0.0
            for ch in sorted(ref.challenges_by_skill.get(skill.id, ()), key=lambda c: c.id):
                slope = truth.slope * math.exp(rng.gauss(0.0, truth.slope_log_sd))
                b = truth.anchor(skill.level) + skill_offset + rng.gauss(0.0, truth.variant_sd)
                bank[ch.id] = Item(slope, b, true_guess(ch, rng), truth.slip)
    return bank


def true_level(theta: float, truth: Truth, max_level: int) -> int:
    level = 0
    for lvl in range(1, max_level + 1):
        if theta >= truth.anchor(lvl):
            level = lvl
    return level


class Simulee:
    """One simulated person taking one competence; answers are drawn once per challenge
    (common random numbers), so every engine meets the same person giving the same answers."""

    def __init__(self, ref: Referential, competence_id: str, world: World,
                 bank: dict[str, Item], rng: random.Random, theta: float | None = None) -> None:
        self.competence_id = competence_id
        self.theta = world.population.draw(rng) if theta is None else theta
        self.true_level = true_level(self.theta, world.truth, ref.max_level(competence_id))
        tube_sd = world.truth.tube_sd
        self.p: dict[str, float] = {}
        self.u: dict[str, float] = {}
        offsets: dict[str, float] = {}
        for skill in ref.skills_by_competence[competence_id]:
            if skill.tube_id not in offsets:
                offsets[skill.tube_id] = rng.gauss(0.0, tube_sd) if tube_sd else 0.0
            theta = self.theta + offsets[skill.tube_id]
            for ch in sorted(ref.challenges_by_skill.get(skill.id, ()), key=lambda c: c.id):
                item = bank[ch.id]
                sigma = 1.0 / (1.0 + math.exp(-item.slope * (theta - item.difficulty)))
                self.p[ch.id] = item.guess + (1.0 - item.guess - item.slip) * sigma
                self.u[ch.id] = rng.random()

    def answer(self, challenge_id: str) -> bool:
        return self.u[challenge_id] < self.p[challenge_id]
