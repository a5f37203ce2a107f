"""Stopping: when the level of a competence is known well enough, or the test is long enough."""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

from . import model

if TYPE_CHECKING:
    from .config import EngineConfig
    from .state import CompetenceRun


class ConfidenceStop:
    """Between ``min_questions`` and ``max_questions``: stop once the most probable level has
    ``stop_confidence``, or, after ``wide_stop_after`` questions, once that level ± 1 has
    ``wide_stop_confidence``."""

    name = "level-confidence"

    def __init__(self, config: EngineConfig) -> None:
        self.min_questions = config.min_questions
        self.max_questions = config.max_questions
        self.confidence = config.stop_confidence
        self.wide_after = config.wide_stop_after
        self.wide_confidence = config.wide_stop_confidence

    def should_stop(self, run: CompetenceRun) -> bool:
        if run.asked >= self.max_questions:
            return True
        if run.asked < self.min_questions:
            return False
        probs = run.level_probabilities()
        mode = max(range(len(probs)), key=probs.__getitem__)
        if probs[mode] >= self.confidence:
            return True
        if run.asked >= self.wide_after:
            around = sum(probs[max(0, mode - 1):mode + 2])
            return around >= self.wide_confidence
        return False


class BudgetStop(ConfidenceStop):
    """For a short whole profile: the run's fair share of the questions left (never taking from
    the ``min_questions`` every later competence needs); within it, stop from ``min_questions``
    on once the most probable level has ``stop_confidence`` or that level ± 1 has
    ``wide_stop_confidence``."""

    name = "express-budget"

    def allowance(self, run: CompetenceRun) -> int:
        """The most questions this competence may take."""
        cap = self.max_questions
        if run.budget:
            reserve = self.min_questions * (run.sharing - 1)
            fair = math.ceil(run.budget / run.sharing)
            cap = min(cap, fair, run.budget - reserve)
        return max(1, cap)

    def should_stop(self, run: CompetenceRun) -> bool:
        if run.asked >= self.allowance(run):
            return True
        if run.asked < self.min_questions:
            return False
        probs = run.level_probabilities()
        mode = max(range(len(probs)), key=probs.__getitem__)
        if probs[mode] >= self.confidence:
            return True
        return sum(probs[max(0, mode - 1):mode + 2]) >= self.wide_confidence


class ProfileStop(ConfidenceStop):
    """For a whole profile asked at once (competences interleaved): a competence is settled once
    it has ``min_questions`` and the probability that its announced level is within one of the
    truth reaches ``stop_confidence`` on its joint posterior, or once it has ``max_questions``;
    the profile ends when every competence is settled or ``total_max_questions`` are asked."""

    name = "profile-posterior"

    def __init__(self, config: EngineConfig) -> None:
        super().__init__(config)
        self.total = config.total_max_questions

    def should_stop(self, run: CompetenceRun) -> bool:
        """Whether this competence is settled (asks no more)."""
        if run.asked >= self.max_questions:
            return True
        if run.asked < self.min_questions:
            return False
        return model.within_one_probability(run.posterior, run.max_level,
                                            run.level_probabilities()) >= self.confidence

    def profile_done(self, runs: list[CompetenceRun]) -> bool:
        """Whether the whole profile is over (the cap reached, or every competence settled)."""
        if self.total and sum(run.asked for run in runs) >= self.total:
            return True
        return all(self.should_stop(run) for run in runs)

    def must_ask(self, runs: list[CompetenceRun]) -> list[CompetenceRun]:
        """Competences still short of ``min_questions`` (asked before any other)."""
        return [run for run in runs if run.asked < self.min_questions]


STOPPERS: dict[str, type[ConfidenceStop]] = {ConfidenceStop.name: ConfidenceStop,
                                             BudgetStop.name: BudgetStop,
                                             ProfileStop.name: ProfileStop}
