"""Matching typed answers, with the tolerances French users know from Pix.

T1 forgives spaces, case and accents; T2 punctuation; T3 a small edit distance (at most a quarter
of the accepted answer's length). Unlike Pix's T2, letters outside ASCII (œ, ß…) are kept: only
punctuation and symbols are removed, so "cœur" still differs from "cur". A field in « nombre »
format compares numbers as people type them ("1 250,50", "16 €").
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from typing import Any

TOLERANCES = ("T1", "T2", "T3")
FORMATS = ("texte", "nombre")
_LEVENSHTEIN_MAX_RATE = 0.25
_SPACES = re.compile(r"\s+")


def pretreat(text: Any) -> str:
    return unicodedata.normalize("NFC", str(text)).replace("\u00a0", " ").replace("\u202f", " ")


def t1(text: str) -> str:
    decomposed = unicodedata.normalize("NFD", text.strip().lower())
    no_accents = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return _SPACES.sub("", unicodedata.normalize("NFC", no_accents))


def t2(text: str) -> str:
    kept = "".join(ch for ch in text if unicodedata.category(ch)[0] not in "PS")
    return _SPACES.sub(" ", kept).strip()


def levenshtein(a: str, b: str) -> int:
    if len(a) < len(b):
        a, b = b, a
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i]
        for j, cb in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb)))
        previous = current
    return previous[-1]


def normalise(text: Any, tolerances: Iterable[str]) -> str:
    value = pretreat(text)
    active = set(tolerances)
    if "T1" in active:
        value = t1(value)
    if "T2" in active:
        # An answer made only of punctuation ("-", "+") is not erased: it is the answer.
        value = t2(value) or value
    return value if active & {"T1", "T2"} else value.strip()


def text_matches(answer: Any, accepted: Iterable[str], tolerances: Iterable[str]) -> bool:
    tolerances = tuple(tolerances)
    given = normalise(answer, tolerances)
    if not given:
        return False
    candidates = [normalise(a, tolerances) for a in accepted]
    if given in candidates:
        return True
    if "T3" not in tolerances:
        return False
    return any(c and levenshtein(given, c) / len(c) <= _LEVENSHTEIN_MAX_RATE for c in candidates)


_NUMBER = re.compile(r"([+-]?(?:\d+\.?\d*|\.\d+))(?:[^\d.,+-][^\d]*)?")


def parse_number(text: Any) -> float | None:
    """A number as people type it: "1 250,50", "12.5", "16 €", "30 %" (a unit after is ignored)."""
    cleaned = _SPACES.sub("", pretreat(text)).replace(",", ".")
    match = _NUMBER.fullmatch(cleaned)
    return float(match.group(1)) if match else None


def field_matches(answer: Any, accepted: Iterable[str], fmt: str,
                  tolerances: Iterable[str]) -> bool:
    """One typed field against its accepted answers, in its format and with its tolerances."""
    accepted = tuple(accepted)
    if fmt == "nombre":
        given = parse_number(answer)
        numbers = [parse_number(a) for a in accepted]
        if given is not None and all(n is not None for n in numbers):
            return any(abs(given - n) < 1e-9 for n in numbers if n is not None)
        if given is None:
            return False
    return text_matches(answer, accepted, tolerances)
