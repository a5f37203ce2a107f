"""Result codes: what a participant hands the mediator, typed, pasted or scanned.

A code packs the outcome of every skill of the campaign's target profile (validated, failed or
not tested: three states, about 1.58 bits a skill) — or, for a « collecter les profils » campaign,
the level and pix of each competence — with a fingerprint of the campaign and of its list of
skills, and a 20-bit check. It is written in Crockford's base 32 (no I, L, O, U; « o » is read as
0, « i » and « l » as 1), in groups of four: a « Bases du numérique » result is 16 characters.

What the check proves, and what it does not: a mistyped or changed character is caught (a miss is
about one chance in a million), and a code made for another campaign is recognised. It is not a
signature: anyone who runs this open code can compute a valid check for a made-up result. It
shows that the result was not mangled on the way, not who produced it.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence
from dataclasses import dataclass

ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
VERSION = 1
KIND_SKILLS, KIND_PROFILE = 0, 1
_READ_AS = str.maketrans({"O": "0", "I": "1", "L": "1"})
MAX_LEVEL, MAX_PIX = 8, 64


class ResultCodeError(ValueError):
    """A result code that cannot be read, with a French message saying why."""


@dataclass(frozen=True)
class SkillResults:
    campaign: str                          # the campaign code it was made for
    outcomes: tuple[bool | None, ...]      # per target skill, in the profile's order


@dataclass(frozen=True)
class ProfileResults:
    campaign: str
    competences: tuple[tuple[int, int], ...]   # (level, pix) per competence, in order


def _fingerprint(text: str, bits: int) -> int:
    return int.from_bytes(hashlib.sha256(text.encode("utf-8")).digest()[:4], "big") >> (32 - bits)


def _check(number: int, width: int) -> int:
    return _fingerprint(f"diagnum-resultat:{number}:{width}", 20)


def _to_text(number: int, symbols: int) -> str:
    chars = []
    for _ in range(symbols):
        number, value = divmod(number, 32)
        chars.append(ALPHABET[value])
    text = "".join(reversed(chars))
    return "-".join(text[i:i + 4] for i in range(0, len(text), 4))


def _symbols_for(states: int) -> int:
    """How many base-32 symbols hold a number below ``states`` (plus the check)."""
    return max(1, -(-(states.bit_length()) // 5))


def _pack(kind: int, campaign: str, key: str, digits: Sequence[int], base: int) -> str:
    number = 0
    for d in digits:
        number = number * base + d
    body = (((VERSION << 1) | kind) << 10 | _fingerprint(campaign, 10)) << 10 | _fingerprint(key, 10)
    number = number << 22 | body
    width = _symbols_for(base ** len(digits) << 22)
    return _to_text(number << 20 | _check(number, width), width + 4)


def encode_skills(campaign: str, skills: Sequence[str], outcomes: dict[str, bool]) -> str:
    """The code of a target-profile result: ``outcomes`` maps skill id → validated (absent:
    not tested)."""
    digits = [0 if outcomes.get(s) is None else (1 if outcomes[s] else 2) for s in skills]
    return _pack(KIND_SKILLS, campaign, "|".join(skills), digits, 3)


def encode_profile(campaign: str, competences: Sequence[str],
                   levels: dict[str, tuple[int, int]]) -> str:
    """The code of a « collecter les profils » result: (level, pix) per competence."""
    digits = [min(MAX_LEVEL, levels.get(c, (0, 0))[0]) * (MAX_PIX + 1)
              + min(MAX_PIX, levels.get(c, (0, 0))[1]) for c in competences]
    return _pack(KIND_PROFILE, campaign, "|".join(competences), digits, (MAX_LEVEL + 1) * (MAX_PIX + 1))


def normalise(text: str) -> str:
    return re.sub(r"[\s\-.]", "", text).upper().translate(_READ_AS)


def decode(text: str, campaign: str, keys: Sequence[str], kind: int = KIND_SKILLS
           ) -> SkillResults | ProfileResults:
    """Read a code for ``campaign`` whose target skills (or competences) are ``keys``."""
    code = normalise(text)
    base = 3 if kind == KIND_SKILLS else (MAX_LEVEL + 1) * (MAX_PIX + 1)
    width = _symbols_for(base ** len(keys) << 22)
    wrong = sorted({c for c in code if c not in ALPHABET})
    if wrong:
        raise ResultCodeError("Ce code de résultat contient des caractères qui n'y figurent "
                              "jamais : " + ", ".join(wrong) + ".")
    if len(code) != width + 4:
        raise ResultCodeError(f"Ce code de résultat devrait avoir {width + 4} caractères ; il en "
                              f"a {len(code)}. Vérifiez qu'il est recopié en entier.")
    number = 0
    for c in code:
        number = number * 32 + ALPHABET.index(c)
    payload, check = number >> 20, number & ((1 << 20) - 1)
    if _check(payload, width) != check:
        raise ResultCodeError("Ce code de résultat n'est pas valide : un caractère a sans doute été "
                              "mal recopié (ou le code a été modifié). Demandez à la personne de "
                              "le relire, ou importez son fichier de résultats.")
    body, digits_number = payload & ((1 << 22) - 1), payload >> 22
    version, found_kind = body >> 21, (body >> 20) & 1
    if version != VERSION or found_kind != kind:
        raise ResultCodeError("Ce code de résultat n'est pas du bon genre pour cette campagne.")
    if (body >> 10) & 1023 != _fingerprint(campaign, 10):
        raise ResultCodeError("Ce code de résultat a été fait pour une autre campagne.")
    if body & 1023 != _fingerprint("|".join(keys), 10):
        raise ResultCodeError("Ce code de résultat vient d'une autre version du site (la liste des "
                              "acquis a changé) : importez plutôt le fichier de résultats.")
    digits = []
    for _ in keys:
        digits_number, d = divmod(digits_number, base)
        digits.append(d)
    digits.reverse()
    if digits_number:
        raise ResultCodeError("Ce code de résultat n'est pas valide.")
    if kind == KIND_SKILLS:
        if any(d > 2 for d in digits):
            raise ResultCodeError("Ce code de résultat n'est pas valide.")
        return SkillResults(campaign, tuple(None if d == 0 else d == 1 for d in digits))
    return ProfileResults(campaign, tuple(divmod(d, MAX_PIX + 1) for d in digits))
