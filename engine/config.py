"""The engine's tunable choices, in one frozen record (the benchmark compares variants of it)."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, fields
from functools import cached_property
from typing import TYPE_CHECKING, Any

from .model import ModelParams

if TYPE_CHECKING:
    from .parts import Parts


@dataclass(frozen=True)
class EngineConfig:
    model: ModelParams = field(default_factory=ModelParams)
    # Population prior on the level scale, before anything is known of the person.
    prior_mean: float = 2.5
    prior_sd: float = 2.0
    # Correlation assumed between competences, for the collateral prior of later competences.
    competence_correlation: float = 0.5
    # For a joint profile ("joint-profile" initializer): the correlations it weighs for each
    # person, and their prior weights (empty: ``competence_correlation`` alone).
    correlation_choices: tuple[float, ...] = ()
    correlation_weights: tuple[float, ...] = ()
    # A joint profile's selector: expected within-one gain + this × level information.
    information_weight: float = 0.05
    # ...valuing the questions of at most this many competences, the least known first (0: all).
    profile_breadth: int = 0
    min_questions: int = 7
    max_questions: int = 20
    # Stop once the most probable level has at least this probability...
    stop_confidence: float = 0.8
    # ...or, after ``wide_stop_after`` questions, once level ± 1 has this probability.
    wide_stop_after: int = 14
    wide_stop_confidence: float = 0.97
    # Benevolence: minimum predicted success of the next question, by failures in a row (0, 1, ≥2).
    min_success: tuple[float, float, float] = (0.25, 0.5, 0.65)
    # What "informative" means: "fisher" (precision of θ) or "level" (mutual information between
    # the answer and the level, which targets the boundary between the levels still in doubt).
    criterion: str = "level"
    # Information is multiplied by this for each question already asked in the same tube.
    tube_penalty: float = 0.95
    # Until every tube has been touched, at most this many questions per tube.
    tube_quota: int = 2
    # Random pick among the best distinct skills, with these weights.
    pick_weights: tuple[float, ...] = (0.6, 0.25, 0.15)
    # Among a skill's variants, pick with weights information ** sharpness (0: uniform).
    variant_sharpness: float = 4.0
    # The first question of a competence is at level floor(prior mean − this), or the lowest.
    start_below_prior: float = 1.5
    # Ask skills that tube inference already settled only when nothing else is left.
    ask_inferred_last: bool = True
    # A gentle start: while choosing questions 2..``gentle_opening`` of a competence, the next
    # question's level may exceed the last one's by at most ``max_step_after_success`` after a
    # right answer and ``max_step_after_failure`` after a wrong one (0: never harder); if no
    # skill is that low, the easiest left (after a failed first question: none, the competence
    # ends). 0 turns it off.
    gentle_opening: int = 5
    max_step_after_success: int = 1
    max_step_after_failure: int = 0
    # A cap on the questions of the whole assessment (0: none), shared out by the budget stopper.
    total_max_questions: int = 0
    # The engine's parts (engine/parts.py): a name, or {"name": ..., <fields for that part>}.
    initializer: str | dict[str, Any] = "easy-start"
    selector: str | dict[str, Any] = "benevolent-information"
    estimator: str | dict[str, Any] = "grid-eap"
    stopper: str | dict[str, Any] = "level-confidence"

    def __post_init__(self) -> None:
        from .parts import check

        check(self)

    @cached_property
    def parts(self) -> Parts:
        """The initializer, selector, estimator and stopper this configuration names."""
        from .parts import build

        return build(self)

    def to_dict(self) -> dict[str, Any]:
        return dict(self._as_dict)

    @cached_property
    def _as_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def for_mode(cls, mode: str | None) -> EngineConfig:
        """The configuration a parcours asks for (``moteur:`` in its YAML); None: the default."""
        if not mode:
            return cls()
        if mode not in MODES:
            raise ValueError(f"mode du moteur inconnu : {mode!r} (connus : {', '.join(MODES)})")
        return cls.from_dict(MODES[mode])

    @classmethod
    def from_dict(cls, data: dict[str, Any] | None) -> EngineConfig:
        if not data:
            return cls()
        known = {f.name for f in fields(cls)}
        values = {k: v for k, v in data.items() if k in known}
        if isinstance(values.get("model"), dict):
            values["model"] = ModelParams(**values["model"])
        for name in ("min_success", "pick_weights", "correlation_choices",
                     "correlation_weights"):
            if name in values:
                values[name] = tuple(values[name])
        return cls(**values)


# « Profil express »: the 16 competences in at most 80 questions, asked at once. One joint
# posterior (a general ability and a deviation per competence, the correlation weighed among a
# few values for each person): every answer moves every competence. The next question is the one,
# in any competence, whose answer should most raise the chance that its level is announced within
# one; the best skill is asked, not one of the best few at random, and the most informative of
# its variants nearly always (typed answers over multiple choice); each competence gets one
# question first (a tour), with kinder floors than a full test and a gentle start; a competence
# is settled once its level is within one with ``stop_confidence``, and the profile ends when
# all are or at 80. The level announced is the one
# whose neighbourhood is the most probable. Measured in benchmarks/express.py; the pick of the
# skill and of its variant were tuned on its development split (a level-information term added
# 0.002 to the engine's own expected within one there, and cost a sixth of a step: left out).
EXPRESS: dict[str, Any] = {
    "total_max_questions": 80, "competence_correlation": 0.5,
    "correlation_choices": [0.3, 0.55, 0.8], "correlation_weights": [1, 2, 1],
    "min_questions": 1, "max_questions": 10, "stop_confidence": 0.99,
    "information_weight": 0.0, "pick_weights": [1.0], "variant_sharpness": 16.0,
    "min_success": [0.15, 0.3, 0.5], "start_below_prior": 0.5,
    "gentle_opening": 2, "max_step_after_success": 3,
    "initializer": "joint-profile", "selector": "profile-information",
    "estimator": "grid-within-one", "stopper": "profile-posterior",
}
MODES: dict[str, dict[str, Any]] = {"express": EXPRESS}
