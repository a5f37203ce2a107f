"""Answer checking, with the tolerances French users know from Pix.

T1 forgives spaces, case and accents; T2 punctuation; T3 a small edit distance (at most a quarter
of the accepted answer's length). Unlike Pix's T2, letters outside ASCII (œ, ß…) are kept: only
punctuation and symbols are removed, so "cœur" still differs from "cur".
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping
from typing import Any

from .referential import Challenge

SKIPPED = "#ABAND#"
_LEVENSHTEIN_MAX_RATE = 0.25
_SPACES = re.compile(r"\s+")
_INDEX_SEPARATORS = re.compile(r"[,\s]+")


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


def _single_field_matches(answer: Any, accepted: Iterable[str], challenge: Challenge,
                          tolerances: tuple[str, ...] | None = None) -> bool:
    if challenge.format == "nombre":
        given = parse_number(answer)
        numbers = [parse_number(a) for a in accepted]
        if given is not None and all(n is not None for n in numbers):
            return any(abs(given - n) < 1e-9 for n in numbers if n is not None)
        if given is None:
            return False
    return text_matches(answer, accepted,
                        challenge.tolerances if tolerances is None else tolerances)


def _as_indexes(response: Any) -> list[int]:
    if isinstance(response, str):
        parts = [p for p in _INDEX_SEPARATORS.split(response.strip()) if p]
    elif isinstance(response, Iterable):
        parts = list(response)
    else:
        parts = [response]
    return [int(p) for p in parts]


def is_correct(challenge: Challenge, response: Any) -> bool:
    """True when ``response`` (as the browser sends it) solves ``challenge``."""
    if response is None or response == SKIPPED:
        return False
    try:
        if challenge.type == "QCU":
            indexes = _as_indexes(response)
            return len(indexes) == 1 and indexes[0] == challenge.solution
        if challenge.type == "QCM":
            indexes = _as_indexes(response)
            return len(indexes) == len(set(indexes)) and set(indexes) == set(challenge.solution)
    except (TypeError, ValueError):
        return False
    if challenge.type == "QROC":
        if isinstance(response, Mapping):
            response = next(iter(response.values()), "")
        return _single_field_matches(response, challenge.solution, challenge)
    if not isinstance(response, Mapping):
        return False
    if challenge.type == "QROCM-ind":
        return all(_single_field_matches(response.get(f.key, ""), f.answers, challenge,
                                         f.tolerances) for f in challenge.fields)
    if challenge.type == "QROCM-dep":
        unused = list(challenge.solution)
        for f in challenge.fields:
            value = response.get(f.key, "")
            match = next((g for g in unused if _single_field_matches(value, g, challenge)), None)
            if match is None:
                return False
            unused.remove(match)
        return True
    return False
