"""What an assessment tells, in the terms French users know from Pix: skills, pix, levels.

Tube inference (success on a level validates the easier skills of the tube, failure invalidates
the harder ones) is kept for feedback: it says which skills are acquired. The level itself comes
from the posterior (see ``model``), which a single slip cannot wipe out.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from typing import TYPE_CHECKING, Any

from .referential import Referential

if TYPE_CHECKING:
    from .assessment import AnswerRecord

PIX_PER_LEVEL = 8
MAX_PIX_PER_COMPETENCE = 64


def infer_skill_states(ref: Referential, answers: Iterable[AnswerRecord],
                       targets: set[str]) -> dict[str, bool]:
    """Skill id → validated (True) or failed (False), from direct answers and tube inference.

    Per tube, ``floor`` is the highest level answered right and ``ceiling`` the lowest answered
    wrong. A skill not asked is validated below both, failed above both, and left unknown where
    the answers contradict each other. This is Pix's rule when answers agree; it is monotone
    within a tube and does not depend on the order of the answers.
    """
    direct: dict[str, bool] = {}
    floor: dict[str, int] = {}
    ceiling: dict[str, int] = {}
    for record in answers:
        skill = ref.skills[ref.challenges[record.challenge_id].skill_id]
        direct[skill.id] = record.correct
        if record.correct:
            floor[skill.tube_id] = max(floor.get(skill.tube_id, 0), skill.level)
        else:
            ceiling[skill.tube_id] = min(ceiling.get(skill.tube_id, 99), skill.level)
    states: dict[str, bool] = {}
    for tube_id in floor.keys() | ceiling.keys():
        low, high = floor.get(tube_id, 0), ceiling.get(tube_id, 99)
        for skill in ref.skills_by_tube.get(tube_id, ()):
            if skill.id in direct or skill.id not in targets:
                continue
            if skill.level < min(low, high):
                states[skill.id] = True
            elif skill.level > max(low, high):
                states[skill.id] = False
    return {**states, **direct}


def pix_value(ref: Referential, skill_id: str) -> float:
    """8 pix per level, shared among the competence's skills of that level."""
    skill = ref.skills[skill_id]
    same = sum(1 for s in ref.skills_by_competence[skill.competence_id] if s.level == skill.level)
    return PIX_PER_LEVEL / same


def pix_for(ref: Referential, competence_id: str, level: int, states: dict[str, bool]) -> int:
    """Pix of a competence: skills at or below the level reached count unless failed, skills above
    count when validated. So pix always lands in the level's band when nothing contradicts it."""
    total = 0.0
    for skill in ref.skills_by_competence.get(competence_id, ()):
        state = states.get(skill.id)
        if state is True or (state is None and skill.level <= level):
            total += pix_value(ref, skill.id)
    return min(MAX_PIX_PER_COMPETENCE, math.floor(total + 1e-9))


@dataclass
class CompetenceResult:
    competence_id: str
    level: int
    probability: float
    theta: float
    sd: float
    level_probabilities: list[float]
    max_level: int
    pix: int
    validated_skills: list[str]
    failed_skills: list[str]
    asked: int
    correct: int
    complete: bool

    def to_dict(self) -> dict[str, Any]:
        out = asdict(self)
        out["probability"] = round(self.probability, 4)
        out["theta"] = round(self.theta, 3)
        out["sd"] = round(self.sd, 3)
        out["level_probabilities"] = [round(p, 4) for p in self.level_probabilities]
        return out


@dataclass
class AssessmentResult:
    competences: dict[str, CompetenceResult]
    complete: bool
    answers: list[Any] = field(default_factory=list)

    @property
    def pix(self) -> int:
        return sum(c.pix for c in self.competences.values())

    @property
    def validated_skills(self) -> list[str]:
        return sorted(s for c in self.competences.values() for s in c.validated_skills)

    @property
    def failed_skills(self) -> list[str]:
        return sorted(s for c in self.competences.values() for s in c.failed_skills)

    def to_dict(self) -> dict[str, Any]:
        return {
            "complete": self.complete,
            "pix": self.pix,
            "competences": {cid: c.to_dict() for cid, c in self.competences.items()},
        }
