"""Is this response right? The one entry point; each type module knows its own rules.

A response the page sends is bounded (``MAX_RESPONSE_CHARS`` per typed value): anything longer,
or of a shape the type does not expect, is simply not right — never an error that loses the test.
"""

from __future__ import annotations

from typing import Any

from .matching import levenshtein, normalise, parse_number, text_matches  # noqa: F401 (API)
from .referential import Challenge
from .types import challenge_type
from .types.base import MAX_RESPONSE_CHARS, MAX_RESPONSE_ITEMS

SKIPPED = "#ABAND#"


def response_too_long(response: Any) -> bool:
    """True when a typed value (or a mapping of them) exceeds what the page lets a learner type."""
    if isinstance(response, str):
        return len(response) > MAX_RESPONSE_CHARS
    if isinstance(response, dict):
        return len(response) > MAX_RESPONSE_ITEMS or any(response_too_long(k) or response_too_long(v)
                                         for k, v in response.items())
    if isinstance(response, (list, tuple)):
        return len(response) > MAX_RESPONSE_ITEMS or any(response_too_long(v) for v in response)
    return False


def is_correct(challenge: Challenge, response: Any) -> bool:
    """True when ``response`` (as the browser sends it) solves ``challenge``."""
    if response is None or response == SKIPPED or response_too_long(response):
        return False
    return challenge_type(challenge.type).is_correct(challenge.data, response)
