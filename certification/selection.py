"""Which challenges a candidate sits: variants of what they showed, hardest first.

As Pix does (v2): a person is eligible with at least 5 competences at level 1 or more. For each
such competence, the skills the person validated *directly* (answered right, not inferred) are
taken from the hardest level down; for each skill, a challenge of it that the person has never
seen (another variant), or, only when every variant was seen, one of them; within a level,
skills of sujets not yet used come first. Three challenges per competence.
"""

from __future__ import annotations

import random
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

MIN_COMPETENCES = 5
MIN_LEVEL = 1
PER_COMPETENCE = 3


@dataclass(frozen=True)
class Pick:
    competence_id: str
    challenge_id: str
    skill_id: str
    level: int
    seen_before: bool   # True only when every variant of the skill had been seen


def eligible_competences(levels: dict[str, int]) -> list[str]:
    """Competences at level ≥ 1, or an empty list when fewer than five are."""
    ok = [cid for cid, level in levels.items() if level >= MIN_LEVEL]
    return ok if len(ok) >= MIN_COMPETENCES else []


def choose(ref, levels: dict[str, int], validated_directly: Iterable[str], seen: Iterable[str],
           seed: int) -> list[Pick]:
    """The session's challenges, competence by competence (``ref`` is an engine Referential;
    retired challenges are never picked)."""
    direct = set(validated_directly)
    seen = set(seen)
    picks: list[Pick] = []
    for cid in eligible_competences(levels):
        rng = random.Random(f"{seed}:{cid}")
        skills = [s for s in ref.skills_by_competence.get(cid, ()) if s.id in direct]
        picks += _for_competence(ref, cid, skills, seen, rng)
    return picks


def _for_competence(ref, cid: str, skills: Sequence, seen: set[str], rng: random.Random
                    ) -> list[Pick]:
    chosen: list[Pick] = []
    tubes: set[str] = set()
    for level in sorted({s.level for s in skills}, reverse=True):
        group = sorted((s for s in skills if s.level == level), key=lambda s: s.id)
        rng.shuffle(group)
        fresh, again = [], []
        for skill in group:
            pick = _variant(ref, cid, skill, seen, rng)
            if pick is not None:
                (again if skill.tube_id in tubes else fresh).append((skill, pick))
        for skill, pick in fresh + again:
            chosen.append(pick)
            tubes.add(skill.tube_id)
        if len(chosen) >= PER_COMPETENCE:
            break
    return chosen[:PER_COMPETENCE]


def _variant(ref, cid: str, skill, seen: set[str], rng: random.Random) -> Pick | None:
    usable = sorted((c for c in ref.challenges_by_skill.get(skill.id, ())
                     if not getattr(c, "retired", False)), key=lambda c: c.id)
    if not usable:
        return None
    unseen = [c for c in usable if c.id not in seen]
    challenge = rng.choice(unseen or usable)
    return Pick(cid, challenge.id, skill.id, skill.level, seen_before=not unseen)
