"""Two kinds of display string, so that text never becomes markup.

``Html`` marks a string the builder rendered from Markdown and sanitised with nh3: the only kind
the page may insert as markup. Every other string (a learner's answer, an accepted answer, a
label, a title) is plain text, shown with ``textContent``. On the wire to the page an ``Html``
travels as ``{"html": "..."}`` and text as a bare string, so the page's single door to
``innerHTML`` can refuse anything that was not declared HTML here.
"""

from __future__ import annotations

from typing import Any


class Html(str):
    """A builder-sanitised HTML fragment."""

    __slots__ = ()


class Plain(dict):
    """Data that holds no ``Html`` (an engine state: ids, numbers, the learner's own answers),
    sent as it is: walking an 80-answer state at every step was a fifth of an express step."""

    __slots__ = ()


def html_or_none(value: Any) -> Html | None:
    return Html(value) if value else None


def to_wire(value: Any) -> Any:
    """A JSON-ready copy where each ``Html`` becomes ``{"html": …}``."""
    if type(value) is Plain:
        return value
    if isinstance(value, Html):
        return {"html": str(value)}
    if isinstance(value, dict):
        return {k: to_wire(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [to_wire(v) for v in value]
    return value
