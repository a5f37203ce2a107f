"""Dates as people write them: « 1er janvier 2051 », « 1 janvier 2051 », « premier janvier 2051 »
and, where punctuation is forgiven, « 01/01/2051 » are the same date.

The first of the month is written with an ordinal in French (« 1er », « premier »), the other days
with a cardinal; people write both, and a leading zero (« 01 janvier »). ``same_day_forms`` writes
any of them « 1 janvier » so that an answer and an accepted answer compare as text; ``parse_date``
reads a whole date, in words or in digits, for answers that are nothing but a date.
"""

from __future__ import annotations

import re

from .words import by_text, plain, pretreat

MONTHS = ("janvier", "fevrier", "mars", "avril", "mai", "juin", "juillet", "aout", "septembre",
          "octobre", "novembre", "decembre")
_MONTH = r"(?:janv|f[ée]vr|mars|avr|mai|juin|juil|ao[uû]t|sept|oct|nov|d[ée]c)[^\W\d_]*\.?"
# « 1er », « 1re », « 1ère », « 1ᵉʳ », « premier », « première », « 01 » before a month name.
_FIRST = re.compile(rf"\b(?:1\s*(?:er|re|ère|ᵉʳ|ʳᵉ)|premi[eè]re?|0(?=[1-9]\b))(?=\s*\d?\s+{_MONTH})",
                    re.IGNORECASE)
_IN_WORDS = re.compile(r"(\d{1,2})\s+([a-z]+)\.?(?:\s+(\d{4}))?")
_IN_DIGITS = re.compile(r"(\d{1,2})\s*[/.-]\s*(\d{1,2})(?:\s*[/.-]\s*(\d{4}))?")
_WEEKDAY = re.compile(r"(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)\s+")


@by_text
def same_day_forms(text: str) -> str:
    """The text with the first of a month (and a day written with a leading zero) written as a
    plain number: « le 1er janvier » → « le 1 janvier », « 01 mars » → « 1 mars »."""
    value = pretreat(text)
    return _FIRST.sub(lambda m: "" if m.group(0) == "0" else "1", value)


@by_text
def parse_date(text: str) -> tuple[int, int, int | None] | None:
    """(day, month, year or None) of a text that is a date and nothing else: « 1er janvier
    2051 », « jeudi 1 janvier 2051 », « 01/01/2051 », « 14/07 »; None otherwise."""
    value = _WEEKDAY.sub("", plain(same_day_forms(text)).strip(), count=1)
    if match := _IN_WORDS.fullmatch(value):
        word = match.group(2)
        month = next((i for i, name in enumerate(MONTHS, 1)
                      if (len(word) >= 3 and name.startswith(word)) or word == name[:4]), 0)
    elif match := _IN_DIGITS.fullmatch(value):
        month = int(match.group(2))
    else:
        return None
    day, year = int(match.group(1)), match.group(3)
    if not (1 <= day <= 31 and 1 <= month <= 12):
        return None
    return day, month, int(year) if year else None
