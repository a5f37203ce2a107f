"""What is known of one competence during an assessment (rebuilt from the answers on replay).

The parts of the engine (initialisation, selection, estimation, stopping) read this record; only
:meth:`CompetenceRun.apply` changes it.
"""

from __future__ import annotations

import operator
from collections.abc import Iterable
from dataclasses import dataclass, field
from itertools import repeat
from typing import TYPE_CHECKING, Any

from . import model
from .referential import Challenge, Skill

if TYPE_CHECKING:
    from .estimation import GridEstimator


@dataclass
class CompetenceRun:
    competence_id: str
    skills: list[Skill]
    max_level: int
    posterior: list[float]
    prior: tuple[float, float]
    estimator: GridEstimator
    answers: list[Any] = field(default_factory=list)  # AnswerRecord
    asked_skills: set[str] = field(default_factory=set)
    seen: set[str] = field(default_factory=set)
    tube_counts: dict[str, int] = field(default_factory=dict)
    last_tube: str | None = None
    fails_in_row: int = 0
    # Skill levels of the questions asked, and their outcomes, in order.
    levels: list[int] = field(default_factory=list)
    inferred: dict[str, bool] = field(default_factory=dict)
    cached_eap: float | None = None
    # Questions this competence may still take from the assessment's total (0: no total cap), and
    # how many competences (this one included) share them; set when the run starts.
    budget: int = 0
    sharing: int = 1
    # The posterior from ``prior`` and this competence's answers alone; ``posterior`` is the same
    # list unless a joint profile reweighted it by what the other competences say (``couple``).
    own: list[float] = field(default_factory=list)
    # What depends on this competence's answers alone (its skills still allowed, …), kept
    # until its next answer; a joint profile reads it at every step.
    memo: dict[str, Any] = field(default_factory=dict, repr=False, compare=False)
    # Caches, each with the list it was computed from (identity: a new list, a new value).
    _mass: tuple[list[float], list[float]] | None = field(default=None, repr=False,
                                                           compare=False)
    _own_moments: tuple[list[float], tuple[float, float]] | None = field(
        default=None, repr=False, compare=False)

    def __post_init__(self) -> None:
        if not self.own:
            self.own = self.posterior

    @property
    def asked(self) -> int:
        return len(self.answers)

    def level_probabilities(self) -> list[float]:
        """P(level) of the posterior, computed once per posterior (the stopper and the
        selector of a joint profile read it several times per step)."""
        found = self._mass
        if found is None or found[0] is not self.posterior:
            found = self._mass = (self.posterior, self.estimator.level_probabilities(
                self.posterior, self.max_level))
        return found[1]

    def own_moments(self) -> tuple[float, float]:
        """(mean, sd) of the posterior from this competence's answers alone, computed once per
        answer (a joint profile couples every competence at each step; one of them changed)."""
        found = self._own_moments
        if found is None or found[0] is not self.own:
            found = self._own_moments = (self.own, model.moments(self.own))
        return found[1]

    def eap(self) -> float:
        if self.cached_eap is None:
            self.cached_eap = self.estimator.eap(self.posterior)
        return self.cached_eap

    def couple(self, weights: Iterable[float] | None) -> None:
        """Reweight the competence's own posterior point by point (None: back to it alone;
        ``weights``: one per grid point, a list or a stream)."""
        if weights is None:
            self.posterior = self.own
        else:
            new = list(map(operator.mul, self.own, weights))
            total = sum(new)
            self.posterior = (list(map(operator.truediv, new, repeat(total))) if total > 0
                              else self.own)
        self.cached_eap = None

    def apply(self, skill: Skill, challenge: Challenge, record: Any,
              curve: tuple[float, ...] | None = None) -> None:
        """Take one answer into account (the caller then refreshes ``inferred``); ``curve``: the
        challenge's success curve, when the caller has it already."""
        if curve is None:
            self.own = self.estimator.update(self.own, skill.level, challenge, record.correct)
        else:
            self.own = model.update(self.own, curve, record.correct)
        self.posterior = self.own
        self.cached_eap = None
        self.memo.clear()
        self.answers.append(record)
        self.levels.append(skill.level)
        self.asked_skills.add(skill.id)
        self.seen.add(challenge.id)
        self.tube_counts[skill.tube_id] = self.tube_counts.get(skill.tube_id, 0) + 1
        self.last_tube = skill.tube_id
        self.fails_in_row = 0 if record.correct else self.fails_in_row + 1
