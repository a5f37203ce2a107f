"""Pix's smart-random algorithm and Pix's scoring, re-implemented as the baseline to beat.

Written from the description in /work/shared/reference/pix.md §1–3 (our own code), with the
details checked against Pix's public sources: first challenge (untested playable skills, easy
tubes first, level 2 else the lowest level), then ``predictedLevel`` over CAT_LEVELS with two
fake answers, the ≤ +2 filter, the reward, exact ties kept, and a deterministic pick keyed by
``hash-int`` of the assessment id. Knowledge elements come from direct answers plus tube
inference; the test ends when no skill is left. Timed challenges do not exist here.

Scoring: pixValue = min(4, 8 / #skills of that level in the competence); level = floor(pix / 8)
capped at the competence's highest level. One deliberate deviation: the floor forgives float
rounding (3 × 8/3 must make a level), which Pix's stored pix values presumably do too.
"""

from __future__ import annotations

import math
from collections.abc import Iterable

from engine import Challenge, Referential, Skill

CAT_LEVELS = tuple(0.5 * k for k in range(1, 16))
DEFAULT_LEVEL_FOR_FIRST_CHALLENGE = 2
MAX_LEVEL_TO_BE_AN_EASY_TUBE = 3
MAX_DIFF_BETWEEN_USER_LEVEL_AND_SKILL_LEVEL = 2
PIX_COUNT_BY_LEVEL = 8
_MASK = 0xFFFFFFFF


def hash_int(x: int) -> int:
    """Port of the npm ``hash-int`` function (32-bit integer hash) Pix seeds its picks with."""
    a = x & _MASK
    a = (a - (a << 6)) & _MASK
    a ^= a >> 17
    a = (a - (a << 9)) & _MASK
    a ^= (a << 4) & _MASK
    a = (a - (a << 3)) & _MASK
    a ^= (a << 10) & _MASK
    a ^= a >> 15
    return a


def _proba(level: float, difficulty: float) -> float:
    return 1.0 / (1.0 + math.exp(-(level - difficulty)))


def predicted_level(direct: Iterable[tuple[int, int]]) -> float:
    """Pix's θ: the first CAT level where expected successes match observed ones (Rasch, a=1),
    counting one answer anyone solves (level 0) and one nobody solves (level 7)."""
    answers = [*direct, (1, 0), (0, 7)]
    best, best_score = CAT_LEVELS[0], -math.inf
    for level in CAT_LEVELS:
        score = -abs(sum(outcome - _proba(level, d) for outcome, d in answers))
        if score > best_score:
            best, best_score = level, score
    return best


def playable_skills(ref: Referential, competence_id: str) -> list[Skill]:
    return [s for s in ref.skills_by_competence[competence_id] if ref.challenges_by_skill.get(s.id)]


class Knowledge:
    """Pix's knowledge elements of one competence: skill id → validated, and the direct answers."""

    def __init__(self, skills: list[Skill]) -> None:
        self.tubes: dict[str, list[Skill]] = {}
        for skill in skills:
            self.tubes.setdefault(skill.tube_id, []).append(skill)
        for tube in self.tubes.values():
            tube.sort(key=lambda s: s.level)
        self.status: dict[str, bool] = {}
        self.direct: list[tuple[int, int]] = []

    def add(self, skill: Skill, correct: bool) -> None:
        """A direct element unless the skill is already assessed, then inference in the tube."""
        if skill.id in self.status or skill.tube_id not in self.tubes:
            return
        self.status[skill.id] = correct
        self.direct.append((int(correct), skill.level or 2))  # Pix: difficulty || 2
        for other in self.tubes[skill.tube_id]:
            if other.id in self.status:
                continue
            easier, harder = other.level < skill.level, other.level > skill.level
            if (correct and easier) or (not correct and harder):
                self.status[other.id] = correct


def pix_values(skills: list[Skill]) -> dict[str, float]:
    per_level: dict[int, int] = {}
    for skill in skills:
        per_level[skill.level] = per_level.get(skill.level, 0) + 1
    return {s.id: min(4.0, PIX_COUNT_BY_LEVEL / per_level[s.level]) for s in skills}


def pix_level(ref: Referential, competence_id: str,
              answers: Iterable[tuple[Challenge, bool]]) -> int:
    """Pix's level for answers given in this order (any selection), with tube inference."""
    skills = playable_skills(ref, competence_id)
    knowledge = Knowledge(skills)
    for challenge, correct in answers:
        knowledge.add(ref.skills[challenge.skill_id], correct)
    return knowledge_level(knowledge, skills, ref.max_level(competence_id))


def knowledge_level(knowledge: Knowledge, skills: list[Skill], max_level: int) -> int:
    values = pix_values(skills)
    real = sum(values[s] for s, ok in knowledge.status.items() if ok)
    return min(math.floor(real / PIX_COUNT_BY_LEVEL + 1e-9), max_level)


def _focus_on_default_level(skills: list[Skill]) -> list[Skill]:
    """Level-2 skills if any (Pix remaps 2 to the smallest positive number), else the lowest."""
    def key(skill: Skill) -> float:
        return 5e-324 if skill.level == DEFAULT_LEVEL_FOR_FIRST_CHALLENGE else skill.level
    if not skills:
        return []
    lowest = min(key(s) for s in skills)
    return [s for s in skills if key(s) == lowest]


class SmartRandom:
    """One Pix competence evaluation; same driving interface as ``engine.Assessment``."""

    def __init__(self, ref: Referential, competence_id: str, assessment_id: int) -> None:
        self.ref = ref
        self.competence_id = competence_id
        self.skills = playable_skills(ref, competence_id)
        self.knowledge = Knowledge(self.skills)
        self.tube_max = {t: max(s.level for s in tube) for t, tube in self.knowledge.tubes.items()}
        self.answered: set[str] = set()
        self.key_skill = hash_int(assessment_id)
        self.key_challenge = hash_int(assessment_id + 1)

    def _remaining(self, skill: Skill) -> list[Challenge]:
        return [c for c in self.ref.challenges_by_skill[skill.id] if c.id not in self.answered]

    def _reward(self, skill: Skill, theta: float) -> float:
        p = _proba(theta, skill.level)
        untested = [s for s in self.knowledge.tubes[skill.tube_id]
                    if s.id not in self.knowledge.status]
        easier = sum(1 for s in untested if s.level <= skill.level)
        harder = sum(1 for s in untested if s.level >= skill.level)
        return p * easier + (1.0 - p) * harder

    def possible_skills(self) -> list[Skill]:
        untested = [s for s in self.skills
                    if self._remaining(s) and s.id not in self.knowledge.status]
        easy = [s for s in untested if self.tube_max[s.tube_id] <= MAX_LEVEL_TO_BE_AN_EASY_TUBE]
        candidates = easy or untested
        if not self.answered:
            return _focus_on_default_level(candidates)
        theta = predicted_level(self.knowledge.direct)
        candidates = [s for s in candidates
                      if s.level - theta <= MAX_DIFF_BETWEEN_USER_LEVEL_AND_SKILL_LEVEL]
        best: list[Skill] = []
        best_reward = -math.inf
        for skill in candidates:
            reward = self._reward(skill, theta)
            if reward > best_reward:
                best, best_reward = [skill], reward
            elif reward == best_reward:
                best.append(skill)
        return best

    def next_challenge(self) -> Challenge | None:
        skills = self.possible_skills()
        if not skills:
            return None
        challenges = self._remaining(skills[self.key_skill % len(skills)])
        return challenges[self.key_challenge % len(challenges)]

    def record(self, challenge: Challenge, correct: bool) -> None:
        self.answered.add(challenge.id)
        self.knowledge.add(self.ref.skills[challenge.skill_id], correct)

    def level(self) -> int:
        return knowledge_level(self.knowledge, self.skills, self.ref.max_level(self.competence_id))
