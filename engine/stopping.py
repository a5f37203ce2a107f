"""Stopping: when the level of a competence is known well enough, or the test is long enough."""

from __future__ import annotations

from typing import TYPE_CHECKING

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


STOPPERS: dict[str, type[ConfidenceStop]] = {ConfidenceStop.name: ConfidenceStop}
