"""What a challenge type is: everything about one kind of question, declared in one place.

Each type module (``qcu``, ``qcm``, ``qroc``, ``qrocm_ind``, ``qrocm_dep``, ``zone``) defines one
``ChallengeType`` subclass. The builder asks it for the type's YAML fields, how to load and
validate them, the bundle record and the self-check cases; the engine asks it to parse the
record, check an answer, give the guessing floor and build the page's views. Nothing else in the
code base names a type.

Boundaries: the engine never sees Markdown or YAML (records carry rendered, sanitised HTML, marked
``Html`` on parse); the builder never scores (it only asks whether an answer is accepted).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any, ClassVar, Protocol

# Report a content problem: (French message, where) — ``where`` is a YAML key of the challenge or
# a loaded value that carries its own line.
Report = Callable[..., None]

# A type's YAML fields: name → spec (plain data that builder.schema turns into its Field).
Spec = dict[str, dict[str, Any]]

# The longest typed answer the engine looks at; longer ones are refused before any matching.
MAX_RESPONSE_CHARS = 500
# The most keys (typed fields) or items (ticked boxes) a response may have.
MAX_RESPONSE_ITEMS = 20


class Renderer(Protocol):
    def block(self, text: str) -> str: ...

    def inline(self, text: str) -> str: ...


class Assets(Protocol):
    def image_box(self, path: str) -> tuple[float, float, float, float] | None: ...


@dataclass(frozen=True)
class Case:
    """One self-check: the engine's checker must give ``accepted`` for ``response``."""

    response: Any
    accepted: bool
    at: str          # the YAML key the problem points at
    message: str     # French, said when the checker disagrees


class ChallengeType:
    """Base class: the defaults every type may override."""

    name: ClassVar[str]            # the value of ``type:`` in the content
    title: ClassVar[str]           # French, for editors (stats, guide)
    fields: ClassVar[Spec] = {}   # YAML fields of this type
    needs_illustration: ClassVar[bool] = False
    sample_share: ClassVar[float] = 0.0   # share of this type in a typical bank (simulations)

    # ------------------------------------------------------------------ builder side
    def load(self, values: dict[str, Any], report: Report, assets: Assets) -> dict[str, Any] | None:
        """Content values (already converted by the schema) → the type's unrendered payload."""
        raise NotImplementedError

    def record(self, payload: dict[str, Any], render: Renderer) -> dict[str, Any]:
        """The type's part of the bundle record; display strings rendered with ``render``."""
        raise NotImplementedError

    def self_checks(self, payload: dict[str, Any], data: Any) -> Iterable[Case]:
        """Responses the checker must accept or refuse (run by ``diagnum check``); ``payload``
        is what ``load`` returned (it may hold what the bundle does not, e.g. refused answers)."""
        return ()

    # ------------------------------------------------------------------ engine side
    def parse(self, record: dict[str, Any]) -> Any:
        """Bundle record → the immutable data the engine keeps for this challenge."""
        raise NotImplementedError

    def is_correct(self, data: Any, response: Any) -> bool:
        raise NotImplementedError

    def guessing(self, data: Any, params: Any) -> float:
        """Chance of a right answer by blind guessing."""
        return params.open_guess

    def view(self, data: Any) -> dict[str, Any]:
        """What the page needs to show the question, and nothing that gives the answer away."""
        return {}

    def response_view(self, data: Any, response: Any) -> list[str]:
        """The learner's answer as lines of text, for the review."""
        return [] if response is None else [str(response)]

    def solution_view(self, data: Any) -> list[str]:
        """The expected answer as lines (text or ``Html``), for the review."""
        return []

    def sample(self, rng: Any) -> dict[str, Any]:
        """A synthetic record part (benchmarks and tests): realistic shape, dummy texts."""
        raise NotImplementedError

    def sample_responses(self, data: Any) -> tuple[Any, Any]:
        """(a right response, a wrong response) for ``data`` — simulations and tests."""
        raise NotImplementedError
