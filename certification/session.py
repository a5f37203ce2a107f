"""A candidate's session as plain data the page stores: the challenges chosen, the answers given.

The page keeps this state after every answer (a reload loses nothing) and sends it back with each
request; the worker keeps nothing. Nothing here says whether an answer is right: the candidate's
page shows no correction and no score, the mediator's space scores the file when it signs it.
"""

from __future__ import annotations

from typing import Any

from engine.answers import response_too_long
from engine.errors import EngineError
from engine.record import response_text
from engine.types.base import MAX_RESPONSE_CHARS, MAX_RESPONSE_ITEMS

from . import placement

STATE_FORMAT = "diagnum-certification-blanche-etat"
MAX_SECONDS = 24 * 3600


def start(ref, profile: dict[str, Any], seed: int) -> dict[str, Any]:
    """A new session on ``profile`` (a placement record); refused when the person is not eligible."""
    picks = placement.choose(ref, profile, seed)
    if not picks:
        raise EngineError("not-eligible", "Ce profil ne permet pas encore de passer une "
                                          "certification blanche : il faut au moins 5 compétences "
                                          "au niveau 1 ou plus.")
    return {"format": STATE_FORMAT, "seed": seed, "referential": ref.version,
            "picks": [{"challenge": p.challenge_id, "competence": p.competence_id,
                       "skill": p.skill_id, "level": p.level, "seen_before": p.seen_before}
                      for p in picks],
            "answers": []}


def check(ref, state: Any) -> dict[str, Any]:
    """The state as sent back by the page, or ``state-invalid`` when it cannot be played here."""
    try:
        ok = (state["format"] == STATE_FORMAT and isinstance(state["picks"], list)
              and isinstance(state["answers"], list) and len(state["answers"]) <= len(state["picks"])
              and all(p["challenge"] in ref.challenges for p in state["picks"])
              and all(a["challenge"] == p["challenge"]
                      for a, p in zip(state["answers"], state["picks"], strict=False)))
    except (KeyError, TypeError):
        ok = False
    if not ok:
        raise EngineError("state-invalid", "Cette session enregistrée ne peut pas reprendre sur "
                                           "les questions de ce site.")
    return state


def pending(state: dict[str, Any]) -> str | None:
    done = len(state["answers"])
    return state["picks"][done]["challenge"] if done < len(state["picks"]) else None


def progress(state: dict[str, Any]) -> dict[str, int]:
    asked, total = len(state["answers"]), len(state["picks"])
    return {"asked": asked, "total": total, "remaining": total - asked}


def answer(ref, state: dict[str, Any], challenge_id: str, response: Any, seconds: Any,
           timed_out: bool = False) -> dict[str, Any]:
    """The state with this answer kept as typed (None: left empty), not judged."""
    state = check(ref, state)
    if pending(state) != challenge_id:
        raise EngineError("not-pending", "Cette question n'est plus celle en cours : la page va "
                                         "se remettre à jour.")
    if response_too_long(response):
        raise EngineError("response-too-long", "Cette réponse est trop longue pour être "
                                               f"enregistrée : {MAX_RESPONSE_CHARS} caractères et "
                                               f"{MAX_RESPONSE_ITEMS} champs au plus.")
    if isinstance(seconds, bool) or not isinstance(seconds, (int, float)) or seconds < 0:
        raise EngineError("bad-request", "Durée de réponse invalide.")
    kept = {"challenge": challenge_id, "response": response_text(response),
            "seconds": min(MAX_SECONDS, round(seconds))}
    if timed_out:
        kept["timed_out"] = True
    return {**state, "answers": [*state["answers"], kept]}
