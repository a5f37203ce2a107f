"""The candidate's worker protocol: the engine's requests, plus those of a « certification blanche ».

The worker of the candidate's page imports this module instead of ``engine.protocol`` (same
``handle_json`` entry point): ``init`` and every engine request go to the engine unchanged; the
session's requests are answered here. The page holds the session's state and sends it each time.

- ``{"type": "cert-eligibility", "records": [...]}`` → ``{"ok", "eligible", "needed",
  "competences": [{"id", "title", "level", "eligible"}], "placement" (record or null),
  "questions"}``: the person's kept records (« Mon espace ») merged into one placement record.
- ``{"type": "cert-check-code", "code"}`` → ``{"ok", "valid", "code" | "message"}``.
- ``{"type": "cert-start", "placement", "seed"}`` → a step (``not-eligible`` when it is not).
- ``{"type": "cert-resume", "state"}`` → a step.
- ``{"type": "cert-answer", "state", "challenge", "response", "seconds", "timed_out"}`` → a step.
- ``{"type": "cert-file", "state", "session", "room_word", "name", "placement",
  "proctor_events", "started_at", "finished_at"}`` → ``{"ok", "file"}``.
- ``{"type": "cert-validate-file", "text"}`` → ``{"ok", "valid", "problems", "file"}``.

A step is ``{"ok", "state", "challenge" (the question's view with ``time_limit`` in seconds when
the content sets one, or null at the end), "progress": {"asked", "total", "remaining"}}``; no
correction, no score.
"""

from __future__ import annotations

from typing import Any

from engine import protocol as engine_protocol
from engine.errors import EngineError
from engine.messages import error as _error
from engine.messages import json_call
from engine.referential import Referential
from engine.resultfile import validate_record

from . import candidate_file, codes, placement, selection, session


def handle_json(request: str) -> str:
    """Entry point for the worker: a JSON string in, a JSON string out."""
    return json_call(handle, request, wire=True)


def handle(request: dict[str, Any]) -> dict[str, Any]:
    kind = str(request.get("type", ""))
    if not kind.startswith("cert-"):
        return engine_protocol.handle(request)
    try:
        if kind == "cert-check-code":
            return _check_code(request["code"])
        if kind == "cert-validate-file":
            return _validate_file(request["text"])
        ref = engine_protocol.referential()
        if kind == "cert-eligibility":
            return _eligibility(ref, list(request["records"]))
        if kind == "cert-start":
            state = session.start(ref, _placement(request["placement"]), int(request["seed"]))
            return _step(ref, state)
        if kind == "cert-resume":
            return _step(ref, session.check(ref, request["state"]))
        if kind == "cert-answer":
            state = session.answer(ref, request["state"], str(request["challenge"]),
                                   request.get("response"), request.get("seconds"),
                                   request.get("timed_out") is True)
            return _step(ref, state)
        if kind == "cert-file":
            state = session.check(ref, request["state"])
            return {"ok": True, "file": candidate_file.make(
                state, session=str(request["session"]), room_word=str(request["room_word"]),
                name=str(request["name"]), profile=_placement(request["placement"]),
                proctor_events=list(request["proctor_events"]),
                started_at=str(request["started_at"]), finished_at=str(request["finished_at"]))}
        raise EngineError("bad-request", f"Demande inconnue : {kind!r}")
    except EngineError as exc:
        return _error(exc.code, exc.message)
    except (KeyError, TypeError, ValueError) as exc:
        return _error("bad-request", f"Demande incomplète ou mal formée ({exc!r}).")


def _placement(value: Any) -> dict[str, Any]:
    problems = validate_record(value) if isinstance(value, dict) else ["objet"]
    if problems:
        raise EngineError("bad-request", "Profil de départ invalide : " + "; ".join(problems[:3]))
    return value


def _check_code(text: Any) -> dict[str, Any]:
    try:
        return {"ok": True, "valid": True, "code": codes.normalise(str(text))}
    except codes.SessionCodeError as exc:
        return {"ok": True, "valid": False, "message": str(exc)}


def _validate_file(text: Any) -> dict[str, Any]:
    if not isinstance(text, str):
        raise EngineError("bad-request", "Le fichier doit être envoyé comme du texte.")
    try:
        return {"ok": True, "valid": True, "problems": [], "file": candidate_file.parse(text)}
    except EngineError as exc:
        return {"ok": True, "valid": False, "problems": [exc.message]}


def _eligibility(ref: Referential, records: list[Any]) -> dict[str, Any]:
    profile = placement.placement_record(records)
    known = {c.id for c in ref.competences}
    ok = set(placement.eligible(profile, known))
    measured = placement.levels(profile) if profile else {}
    competences = [{"id": c.id, "title": c.title, "level": measured[c.id],
                    "eligible": c.id in ok}
                   for c in ref.competences if c.id in measured]
    questions = len(placement.choose(ref, profile, 0)) if ok and profile else 0
    return {"ok": True, "eligible": bool(ok) and questions > 0,
            "needed": selection.MIN_COMPETENCES, "competences": competences,
            "placement": profile, "questions": questions}


def _step(ref: Referential, state: dict[str, Any]) -> dict[str, Any]:
    pending = session.pending(state)
    view = None
    if pending is not None:
        challenge = ref.challenges[pending]
        view = engine_protocol.challenge_view(ref, challenge)
        if challenge.time_limit:
            view["time_limit"] = challenge.time_limit
    return {"ok": True, "state": state, "challenge": view, "progress": session.progress(state)}
