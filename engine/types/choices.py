"""What the two choice types share: proposals, indexes, and their views.

Proposals are one line of Markdown each, rendered inline and sanitised by the builder, so they
reach the page as ``Html``; a learner's answer is a list of 1-based indexes.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from ..text import Html

MAX_PROPOSALS = 8
_SEPARATORS = re.compile(r"[,\s]+")

FIELDS: dict[str, dict[str, Any]] = {
    "propositions": {"kind": "list", "required": True, "item": {}},
    "reponse": {"kind": "list", "required": True,
                "item": {"kind": "int", "minimum": 1, "maximum": MAX_PROPOSALS}},
}


@dataclass(frozen=True)
class Choices:
    proposals: tuple[Html, ...]
    solution: frozenset[int]


def load_choices(values: dict[str, Any], report) -> dict[str, Any] | None:
    proposals = [p for p in values.get("propositions") or [] if p]
    answer = [a for a in values.get("reponse") or [] if a is not None]
    if not proposals or not answer:
        return None
    count = len(proposals)
    if not 2 <= count <= MAX_PROPOSALS:
        report(f"il faut de 2 à {MAX_PROPOSALS} propositions, pas {count}", "propositions")
    if len(set(answer)) != len(answer):
        report("une bonne réponse est citée deux fois", "reponse")
    for a in answer:
        if a > count:
            report(f"la réponse {a} n'existe pas : il n'y a que {count} propositions", "reponse")
    if len({p.strip().lower() for p in proposals}) != count:
        report("deux propositions identiques", "propositions")
    return {"proposals": [str(p) for p in proposals], "solution": answer}


def parse_choices(record: dict[str, Any]) -> Choices:
    solution = record.get("solution")
    indexes = solution if isinstance(solution, list) else [solution]
    return Choices(tuple(Html(p) for p in record["proposals"]),
                   frozenset(int(i) for i in indexes if i is not None))


def as_indexes(response: Any) -> list[int] | None:
    """The 1-based indexes of a response ("2", "1,3", [1, 3]); None when it is not one."""
    try:
        if isinstance(response, str):
            return [int(p) for p in _SEPARATORS.split(response.strip()) if p]
        if isinstance(response, (list, tuple)):
            return [int(p) for p in response]
        if isinstance(response, int) and not isinstance(response, bool):
            return [response]
    except (TypeError, ValueError):
        return None
    return None


def view(data: Choices, multiple: bool) -> dict[str, Any]:
    return {"proposals": list(data.proposals), "multiple": multiple}


def response_view(data: Choices, response: Any) -> list[str]:
    indexes = as_indexes(response) or []
    return [data.proposals[i - 1] for i in indexes if 0 < i <= len(data.proposals)]


def solution_view(data: Choices) -> list[str]:
    return [data.proposals[i - 1] for i in sorted(data.solution)]


def wrong_sets(data: Choices, multiple: bool) -> Iterable[tuple[int, ...]]:
    """Every wrong answer a learner could give (every other set of boxes for a QCM)."""
    options = range(1, len(data.proposals) + 1)
    if not multiple:
        return [(o,) for o in options if o not in data.solution]
    return [c for r in range(1, len(options) + 1) for c in itertools.combinations(options, r)
            if set(c) != set(data.solution)]
