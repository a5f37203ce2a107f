"""Campaign codes in Pix's shape that carry their own meaning, so no server has to look them up.

A code is 6 letters (A–Z without I, L and O) then 3 digits (2–9): ``KXRTPM248``. With no server,
the 9 characters themselves say which campaign it is (a random number the mediator's browser drew)
and which parcours of the site it runs, and one letter is a check: ``Σ wᵢ·vᵢ ≡ 0 (mod 23)`` over
the nine symbols, with distinct non-zero weights. Because 23 is prime and every symbol's value
differs from another's by less than 23, every single wrong character changes the sum and is
caught; every swap of two neighbours of the same kind changes it too (their weights differ), and
a swap of a letter with a digit breaks the shape. What is left carries about 31.6 bits.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass

LETTERS = "ABCDEFGHJKMNPQRSTUVWXYZ"   # 23, a prime: the check works modulo 23
DIGITS = "23456789"
CHECK_INDEX = 5                       # the 6th letter is the check
WEIGHTS = (2, 3, 4, 5, 6, 1, 7, 8, 9)  # distinct, non-zero mod 23; the check's weight is 1
PAYLOAD_SPACE = 23 ** 5 * 8 ** 3       # what the 8 other symbols can hold
PARCOURS_SLOTS = 32
GOALS = ("evaluer", "collecter")
SHAPE = re.compile(r"[A-Z]{6}[0-9]{3}")


class CodeError(ValueError):
    """A code that cannot be right, with a French message saying why."""


@dataclass(frozen=True)
class CampaignCode:
    nonce: int       # the campaign's own random number
    slot: int        # which parcours of the site (see ``parcours_slot``)
    goal: str        # "evaluer" (a target profile) or "collecter" (the whole profile)

    def __str__(self) -> str:
        return encode(self)


def parcours_slot(parcours_id: str) -> int:
    """A parcours' number in codes, derived from its id (ids never change; the content check
    refuses two parcours of one site with the same number)."""
    return int(hashlib.sha256(parcours_id.encode("utf-8")).hexdigest()[:8], 16) % PARCOURS_SLOTS


def max_nonce() -> int:
    return PAYLOAD_SPACE // (PARCOURS_SLOTS * len(GOALS))


def encode(code: CampaignCode) -> str:
    if not 0 <= code.nonce < max_nonce() or not 0 <= code.slot < PARCOURS_SLOTS:
        raise ValueError("campaign code out of range")
    number = (code.nonce * PARCOURS_SLOTS + code.slot) * len(GOALS) + GOALS.index(code.goal)
    values = []
    for base in (8, 8, 8, 23, 23, 23, 23, 23):   # digits last to first, then letters
        number, value = divmod(number, base)
        values.append(value)
    digits, letters = values[:3][::-1], values[3:][::-1]
    symbols = [*letters, 0, *digits]
    symbols[CHECK_INDEX] = (-sum(w * v for w, v in zip(WEIGHTS, symbols, strict=True))) % 23
    return "".join(LETTERS[v] for v in symbols[:6]) + "".join(DIGITS[v] for v in symbols[6:])


def normalise(text: str) -> str:
    """What a person typed, as a code: case and spaces or dashes forgiven."""
    return re.sub(r"[\s\-.]", "", text).upper()


def decode(text: str) -> CampaignCode:
    """The campaign a typed code names; ``CodeError`` with a French message otherwise."""
    code = normalise(text)
    if len(code) != 9:
        raise CodeError(f"Un code de campagne a 9 caractères (6 lettres puis 3 chiffres) ; "
                        f"celui-ci en a {len(code)}.")
    if not SHAPE.fullmatch(code):
        raise CodeError("Un code de campagne commence par 6 lettres et finit par 3 chiffres "
                        "(par exemple KXRTPM248).")
    wrong = sorted({c for c in code[:6] if c not in LETTERS} | {c for c in code[6:]
                                                                 if c not in DIGITS})
    if wrong:
        raise CodeError("Ces caractères n'existent pas dans les codes de campagne : "
                        + ", ".join(wrong) + " (il n'y a ni I, ni L, ni O, ni 0, ni 1). "
                        "Vérifiez le code sur la feuille.")
    symbols = [LETTERS.index(c) for c in code[:6]] + [DIGITS.index(c) for c in code[6:]]
    if sum(w * v for w, v in zip(WEIGHTS, symbols, strict=True)) % 23:
        raise CodeError("Ce code de campagne n'est pas valide : un caractère a sans doute été mal "
                        "recopié. Vérifiez-le sur la feuille ou demandez-le à la personne qui "
                        "anime la séance.")
    number = 0
    for value, base in zip([*symbols[:5], *symbols[6:]], (23,) * 5 + (8,) * 3, strict=True):
        number = number * base + value
    rest, goal = divmod(number, len(GOALS))
    nonce, slot = divmod(rest, PARCOURS_SLOTS)
    if nonce >= max_nonce():
        raise CodeError("Ce code de campagne n'est pas valide : vérifiez-le sur la feuille.")
    return CampaignCode(nonce, slot, GOALS[goal])


def new_code(slot: int, goal: str, random_below) -> CampaignCode:
    """A fresh campaign code; ``random_below(n)`` is a cryptographic random integer in [0, n)."""
    return CampaignCode(random_below(max_nonce()), slot, goal)
