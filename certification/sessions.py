"""A certification session as the mediator opens it: checked fields, a fresh session code."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from datetime import date
from typing import Any

from . import codes
from .attestation import CENTRE_ID

MAX_TEXT = 100
MAX_RETAKE_DAYS = 365


class SessionError(ValueError):
    def __init__(self, problems: list[str]):
        super().__init__("\n".join(problems))
        self.problems = problems


def _below(words: Iterator[int]):
    """``random_below(n)`` from 32-bit random words, without modulo bias."""
    def draw(n: int) -> int:
        limit = (2 ** 32 // n) * n
        for word in words:
            if word < limit:
                return word % n
        raise SessionError(["Pas assez de hasard pour tirer un code : recommencez."])
    return draw


def new_session(fields: dict[str, Any], random_words: Sequence[int]) -> dict[str, Any]:
    """The session (docs/certification-blanche.md § 1); SessionError lists every problem."""
    problems = []
    out: dict[str, Any] = {}
    try:
        out["date"] = date.fromisoformat(str(fields.get("date") or "")).isoformat()
    except ValueError:
        problems.append("Donnez la date de la session (jour, mois, année).")
    for key, label in (("place", "le lieu"), ("room", "la salle"),
                       ("proctor", "le nom du surveillant")):
        value = str(fields.get(key) or "").strip()
        if not value:
            problems.append(f"Indiquez {label}.")
        elif len(value) > MAX_TEXT:
            problems.append(f"Texte trop long pour {label} ({len(value)} caractères, "
                            f"{MAX_TEXT} au plus).")
        out[key] = value
    retake = fields.get("retake_days")
    if not isinstance(retake, int) or isinstance(retake, bool) or not 0 <= retake <= MAX_RETAKE_DAYS:
        problems.append(f"Le délai avant de repasser est un nombre de jours, de 0 à "
                        f"{MAX_RETAKE_DAYS}.")
    out["retake_days"] = retake
    word = str(fields.get("room_word") or "")
    if not re.fullmatch(r"[a-zàâçéèêëîïôûùüÿœ]{3,30}", word):
        problems.append("Le mot de la salle doit être un mot en minuscules.")
    out["room_word"] = word
    proctor_code = str(fields.get("proctor_code") or "")
    if not re.fullmatch(r"[0-9]{6}", proctor_code):
        problems.append("Le code du surveillant a 6 chiffres.")
    out["proctor_code"] = proctor_code
    centre = str(fields.get("centre") or "")
    if not CENTRE_ID.fullmatch(centre):
        problems.append("Créez ou importez d'abord la clé du centre (son identifiant manque).")
    out["centre"] = centre
    if problems:
        raise SessionError(problems)
    out["code"] = codes.new_session_code(_below(iter(random_words)))
    return {"code": out.pop("code"), **out}
