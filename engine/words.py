"""Typed answers as words, and typos counted word by word.

A typo is a slip of the finger inside one word: « médiatèque » for « médiathèque ». Counting
the edits over the whole answer (a quarter of its length) let a different word pass in a long
answer: « mode édition » is three edits from « mode révision », under a quarter of 13. So each
word has its own allowance, by its length: none for a word of one to three letters or with a
digit (« A2 » is not « A3 », « 11 » is not « 12 »), one for four to seven letters, two beyond;
and the whole answer stays within a quarter of its length. A swap of two neighbouring letters
counts as one typo (« mdoe »).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from functools import lru_cache, wraps
from typing import Any, TypeVar

MAX_WORDS = 40          # words read of a typed answer: bounds every loop over them
_RATE = 0.25
# « l'onglet », « j'appuie », « qu'on »: the elided word is a word of its own.
ELISION = re.compile(r"(?<![^\W\d_])(qu|[cdjlmnst])\s*['’]\s*", re.IGNORECASE)
_ELIDED = re.compile(r"(?:qu|[cdjlmnst])'", re.IGNORECASE)


_T = TypeVar("_T")


def by_text(function: Callable[[str], _T]) -> Callable[[Any], _T]:
    """A pure function of a text, remembered by text: a check reads the same accepted answers
    again and again (and the content check, every refused answer of a field). A typed answer may
    come as a number: it is read as its text."""
    cached = lru_cache(maxsize=8192)(function)

    @wraps(function)
    def call(text: Any) -> _T:
        return cached(text if isinstance(text, str) else str(text))

    return call


@by_text
def pretreat(text: str) -> str:
    return unicodedata.normalize("NFC", text).replace("\u00a0", " ").replace("\u202f", " ")


class CharTable(dict):
    """A ``str.translate`` table that works each character out once, when first met: done in a
    Python loop per character, stripping accents and signs from every accepted answer was most
    of a typed answer's check in Pyodide. Kept to a few thousand characters."""

    def __init__(self, rule: Callable[[str], str]) -> None:
        super().__init__()
        self.rule = rule

    def __missing__(self, code: int) -> str:
        value = self.rule(chr(code))
        if len(self) < 4096:
            self[code] = value
        return value


def _is_sign(ch: str) -> bool:
    return unicodedata.category(ch)[0] in "PS"


_UNACCENTED = CharTable(lambda ch: "".join(
    c for c in unicodedata.normalize("NFD", ch) if not unicodedata.combining(c)))
WITHOUT_SIGNS = CharTable(lambda ch: "" if _is_sign(ch) else ch)
_SIGNS_AS_SPACES = CharTable(lambda ch: " " if _is_sign(ch) else ch)


def unaccented(text: str) -> str:
    """Lower case, decomposed, without the accents (the marks are dropped, nothing is
    recomposed)."""
    return text.lower().translate(_UNACCENTED)


def plain(text: str) -> str:
    """Lower case, without accents (« Écoles » → « ecoles »), ligatures kept (« œil »)."""
    return unicodedata.normalize("NFC", unaccented(text))


def words(text: Any, tolerances: tuple[str, ...] | list[str] | set[str]) -> list[str]:
    """The words of a typed answer under a field's tolerances: with T1 in lower case and without
    accents, elisions apart (« l'onglet » → « l' », « onglet »); with T2 punctuation separates
    words (« Ctrl+F » → « ctrl », « f »), without T2 it stays part of them."""
    return list(_words(str(text), "T1" in tolerances, "T2" in tolerances))


@lru_cache(maxsize=4096)        # the accepted answers are read again at each answer
def _words(text: str, t1: bool, t2: bool) -> tuple[str, ...]:
    tolerances = ("T1",) * t1 + ("T2",) * t2
    value = pretreat(text)[:2000]
    if "T1" in tolerances:
        value = plain(value)
    tokens = ELISION.sub(r"\1' ", value).split()
    if "T2" in tolerances:
        tokens = [part for token in tokens
                  for part in ([token] if _ELIDED.fullmatch(token)
                               else token.translate(_SIGNS_AS_SPACES).split())]
    return tuple(tokens[:MAX_WORDS])


def word_allowance(word: str) -> int:
    """How many typos a word of this length forgives: none up to three letters or with a
    digit, one up to seven letters, two beyond."""
    if len(word) <= 3 or any(ch.isdigit() for ch in word):
        return 0
    return 1 if len(word) <= 7 else 2


def typo_distance(a: str, b: str, limit: int) -> int:
    """Edits from ``a`` to ``b`` (a letter added, removed, replaced, or two neighbours swapped),
    or ``limit + 1`` as soon as it is known to exceed ``limit``."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    previous2: list[int] = []
    previous = list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        current = [i] + [0] * len(b)
        for j in range(1, len(b) + 1):
            cost = a[i - 1] != b[j - 1]
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                current[j] = min(current[j], previous2[j - 2] + 1)
        if min(current) > limit:
            return limit + 1
        previous2, previous = previous, current
    return previous[-1]


def within_typos(typed: list[str], accepted: list[str]) -> bool:
    """Whether ``typed`` is ``accepted`` with typos: word for word, each word within its own
    allowance, the whole within a quarter of the answer's letters."""
    if len(typed) != len(accepted) or not accepted:
        return False
    budget = _RATE * sum(len(w) for w in accepted)
    total = 0
    for t, a in zip(typed, accepted, strict=True):
        if t == a:
            continue
        allowance = word_allowance(a)
        distance = typo_distance(t, a, allowance) if allowance else 1
        if distance > allowance:
            return False
        total += distance
    return total <= budget
