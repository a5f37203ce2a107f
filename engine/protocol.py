"""The worker's message protocol: JSON in, JSON out, one function.

The browser owns the state (it stores it after every answer) and sends it with each request, so
the worker holds nothing but the referential and a reload can never lose an answer. Requests:

- ``{"type": "init", "referential": <bundle>}`` → ``{"ok", "version"}``
- ``{"type": "start", "competences": [...] | "profile": id, "seed": int}``
- ``{"type": "resume", "state": {...}}``
- ``{"type": "answer", "state": {...}, "challenge": id, "response": ...}`` (``response`` null = skipped)
- ``{"type": "result", "state": {...}}``
- ``{"type": "record", "state": {...}, "status": "interrupted" | "replaced" | "content-changed",
  "started_at": date}`` → ``{"ok", "record"}``: the self-contained record of an unfinished test,
  for the history (docs/result-file.md).

``start``, ``resume`` and ``answer`` may carry ``started_at`` (the date the test began, ISO 8601):
it goes into the final record. With ``"record": true`` they also get the record so far (status
``interrupted``) at every step: a page keeps it with the session, so that a test that cannot resume
on updated content still goes to the history as it was taken.

Each answer returns ``{"ok": true, "state", "challenge" (next, or null), "progress", "result" and
"record" (when over)}``; refusals return ``{"ok": false, "error": {"code", "message"}}``. The
challenge sent to the page carries no solution; solutions travel only in the final review. Display
strings the builder sanitised travel as ``{"html": …}``; every other string is text (see
``engine.text``). A record is plain data: every string in it is text. An answer longer than
``MAX_RESPONSE_LENGTH`` characters, or with more than ``MAX_RESPONSE_ITEMS`` keys or items, is
refused with ``response-too-long``.
"""

from __future__ import annotations

import gc
import json
from datetime import UTC, datetime
from typing import Any

from .answers import response_too_long
from .assessment import Assessment
from .errors import EngineError
from .profiles import profile_result
from .record import make_record
from .referential import Challenge, Referential, load_referential
from .resultfile import validate_record
from .scoring import AssessmentResult
from .text import to_wire
from .types import challenge_type
from .types.base import MAX_RESPONSE_CHARS, MAX_RESPONSE_ITEMS

PROTOCOL_VERSION = 1
# A learner's response is short: the page caps typed answers at this length, and the engine
# refuses anything longer (a runaway paste, a forged message) before storing it in the state.
MAX_RESPONSE_LENGTH = MAX_RESPONSE_CHARS
_referential: Referential | None = None
# The assessment of the last step, reused when the page sends back exactly the state it was given:
# replaying a long test (the full profile has ~200 answers) at every step would cost more than
# the 5 ms a step is allowed.
_last: Assessment | None = None


def handle_json(request: str) -> str:
    """Entry point for the worker: a JSON string in, a JSON string out."""
    try:
        payload = json.loads(request)
    except ValueError:
        return json.dumps(_error("bad-request", "Message illisible."))
    return json.dumps(to_wire(handle(payload)), ensure_ascii=False)


def handle(request: dict[str, Any]) -> dict[str, Any]:
    global _referential
    kind = request.get("type")
    try:
        if kind == "init":
            _referential = load_referential(request["referential"])
            # The referential lives as long as the worker: keep it out of every garbage
            # collection, which would otherwise walk its thousands of objects again and again.
            gc.collect()
            gc.freeze()
            return {"ok": True, "protocol": PROTOCOL_VERSION, "version": _referential.version}
        if _referential is None:
            raise EngineError("not-ready", "Le moteur n'est pas encore prêt.")
        ref = _referential
        if kind == "start":
            return _step(ref, _start(ref, request), request)
        if kind == "resume":
            return _step(ref, Assessment.from_dict(ref, request["state"]), request)
        if kind == "answer":
            assessment = _restore(ref, request["state"])
            challenge_id = str(request["challenge"])
            if assessment.next_challenge() is None or assessment.pending != challenge_id:
                raise EngineError("not-pending", "Cette question n'est plus celle en cours : "
                                                 "la page va se remettre à jour.")
            response = request.get("response")
            _check_response_size(response)
            correct = assessment.answer(challenge_id, response)
            return {**_step(ref, assessment, request), "answered": {"challenge": challenge_id,
                                                          "correct": correct}}
        if kind == "result":
            assessment = Assessment.from_dict(ref, request["state"])
            return {"ok": True, "result": result_view(ref, assessment)}
        if kind == "record":
            status = request.get("status")
            if status not in ("interrupted", "replaced", "content-changed"):
                raise EngineError("bad-request", f"Statut d'enregistrement inconnu : {status!r}")
            assessment = Assessment.from_dict(ref, request["state"])
            return {"ok": True, "record": _record(ref, assessment, request, status)}
        raise EngineError("bad-request", f"Demande inconnue : {kind!r}")
    except EngineError as exc:
        return _error(exc.code, exc.message)
    except (KeyError, TypeError, ValueError) as exc:
        return _error("bad-request", f"Demande incomplète ou mal formée ({exc!r}).")


def _check_response_size(response: Any) -> None:
    """Refuse a response too long to be a learner's answer, whatever its shape."""
    if response_too_long(response):
        raise EngineError("response-too-long", "Cette réponse est trop longue pour être "
                                               f"enregistrée : {MAX_RESPONSE_LENGTH} caractères "
                                               f"et {MAX_RESPONSE_ITEMS} champs au plus.")


def _restore(ref: Referential, state: dict[str, Any]) -> Assessment:
    global _last
    if (_last is not None and _last.ref is ref and _last.seed == state.get("seed")
            and _last.pending == state.get("pending")
            and [a.to_dict() for a in _last.answers] == state.get("answers")):
        assessment, _last = _last, None
        return assessment
    return Assessment.from_dict(ref, state)


def _error(code: str, message: str) -> dict[str, Any]:
    return {"ok": False, "error": {"code": code, "message": message}}


def _start(ref: Referential, request: dict[str, Any]) -> Assessment:
    seed = int(request.get("seed", 0))
    if request.get("profile"):
        return Assessment.start(ref, seed=seed, profile=str(request["profile"]))
    return Assessment.start(ref, list(request.get("competences") or []), seed=seed)


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def _record(ref: Referential, assessment: Assessment, request: dict[str, Any],
            status: str, result: AssessmentResult | None = None) -> dict[str, Any]:
    """The record of a test for the history; a date the page sent malformed is refused."""
    finished_at = _now()
    started_at = request.get("started_at") or finished_at
    record = make_record(ref, assessment, started_at=str(started_at)[:40],
                         finished_at=finished_at, status=status, result=result)
    problems = validate_record(record)
    if problems:
        raise EngineError("bad-request", "Enregistrement impossible : " + "; ".join(problems[:5]))
    return record


def _step(ref: Referential, assessment: Assessment,
          request: dict[str, Any] | None = None) -> dict[str, Any]:
    global _last
    challenge = assessment.next_challenge()
    _last = assessment
    out: dict[str, Any] = {
        "ok": True,
        "state": assessment.to_dict(),
        "challenge": challenge_view(ref, challenge) if challenge else None,
        "progress": assessment.progress(),
    }
    result = None
    if challenge is None:
        result = assessment.result()
        out["result"] = result_view(ref, assessment, result)
    if challenge is None or (request or {}).get("record") is True:
        # The answer is already counted: a record that cannot be made must not refuse it.
        status = "finished" if challenge is None else "interrupted"
        try:
            out["record"] = _record(ref, assessment, request or {}, status, result)
        except EngineError as exc:
            out["record"], out["record_error"] = None, exc.message
    return out


def challenge_view(ref: Referential, challenge: Challenge) -> dict[str, Any]:
    """What the page needs to show a question, and nothing that gives the answer away."""
    skill = ref.skills[challenge.skill_id]
    competence = ref.competence_by_id[skill.competence_id]
    view: dict[str, Any] = {
        "id": challenge.id, "type": challenge.type, "instruction": challenge.instruction,
        "competence": {"id": competence.id, "title": competence.title},
    }
    if challenge.illustration:
        view["illustration"] = challenge.illustration
    if challenge.document:
        view["document"] = challenge.document
    kind = challenge_type(challenge.type)
    view.update(kind.view(challenge.data))
    if "image" in view:  # the type shows the illustration itself (e.g. zones to click on it)
        view.pop("illustration", None)
    return view


def solution_view(challenge: Challenge) -> list[str]:
    """The expected answer, as lines a learner can read in the review."""
    return challenge_type(challenge.type).solution_view(challenge.data)


def response_view(challenge: Challenge, response: Any) -> list[str]:
    """The learner's own answer, as lines of text to show next to the solution."""
    if response is None:
        return []
    return challenge_type(challenge.type).response_view(challenge.data, response)


def result_view(ref: Referential, assessment: Assessment,
                result: AssessmentResult | None = None) -> dict[str, Any]:
    """The results page: levels per competence, skills, tutorials to propose, and the review."""
    result = result or assessment.result()
    competences = []
    failed_direct = [a.challenge_id for a in assessment.answers if not a.correct]
    for cid, comp in result.competences.items():
        competence = ref.competence_by_id[cid]
        tutorial_ids: list[str] = []
        for challenge_id in failed_direct:
            skill = ref.skills[ref.challenges[challenge_id].skill_id]
            if skill.competence_id == cid:
                tutorial_ids += [t for t in skill.tutorials if t not in tutorial_ids]
        competences.append({
            **comp.to_dict(), "title": competence.title, "domain_id": competence.domain_id,
            "validated": [_skill_view(ref, s) for s in comp.validated_skills],
            "failed": [_skill_view(ref, s) for s in comp.failed_skills],
            "tutorials": [view for t in tutorial_ids if (view := _tutorial_view(ref, t))
                          and not (view.get("section") and view["id"] in tutorial_ids)],
        })
    review = []
    for record in assessment.answers:
        challenge = ref.challenges[record.challenge_id]
        review.append({
            "challenge": challenge.id, "instruction": challenge.instruction,
            "competence": ref.skills[challenge.skill_id].competence_id,
            "status": record.status, "correct": record.correct,
            "response": response_view(challenge, record.response),
            "solution": solution_view(challenge), "explanation": challenge.explanation,
        })
    profile = None
    if assessment.profile in ref.profiles:
        profile = profile_result(ref.profiles[assessment.profile], result.validated_skills)
    return {"complete": result.complete, "pix": result.pix, "competences": competences,
            "review": review, "profile": profile}


def _tutorial_view(ref: Referential, link: str) -> dict[str, Any] | None:
    """A tutorial to propose; ``link`` is a tutorial id, or "id#anchor" for one of its sections
    (the page follows ``url``, so a section's anchor goes into it)."""
    tutorial_id, _, anchor = link.partition("#")
    tutorial = ref.tutorials.get(tutorial_id)
    if tutorial is None:
        return None
    if not anchor:
        return tutorial
    section = (tutorial.get("sections") or {}).get(anchor, "")
    title = f"{tutorial['title']} — {section}" if section else tutorial["title"]
    return {**tutorial, "url": f"{tutorial['url']}#{anchor}", "title": title, "section": anchor}


def _skill_view(ref: Referential, skill_id: str) -> dict[str, Any]:
    skill = ref.skills[skill_id]
    return {"id": skill.id, "title": skill.title, "level": skill.level,
            "tube": ref.tubes[skill.tube_id].title}
