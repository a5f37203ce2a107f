"""The worker's message protocol: JSON in, JSON out, one function.

The browser owns the state (it stores it after every answer) and sends it with each request, so
the worker holds nothing but the referential and a reload can never lose an answer. Requests:

- ``{"type": "init", "referential": <bundle>}`` → ``{"ok", "version"}``
- ``{"type": "start", "competences": [...] | "profile": id | "selection": [{"tube",
  "max_level"}], "seed": int}`` (a selection: the sujets of a campaign, each up to its level)
- ``{"type": "resume", "state": {...}}``
- ``{"type": "answer", "state": {...}, "challenge": id, "response": ...}`` (``response`` null = skipped)
- ``{"type": "result", "state": {...}}``
- ``{"type": "record", "state": {...}, "status": "interrupted" | "replaced" | "content-changed",
  "started_at": date}`` → ``{"ok", "record"}``: the self-contained record of an unfinished test,
  for the history (docs/result-file.md).
- ``{"type": "views", "records": [...]}`` → ``{"ok", "views"}``: stored records shown again, each in
  the shape of a result (``record_view``), or null for one that is not a valid record.
- ``{"type": "validate-result-file", "text": str}`` → ``{"ok": true, "valid": bool, "problems":
  [...], "file"}``: an imported result file read by the engine's validator (every problem in
  French; ``file`` only when valid). Needs no referential.

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

import contextlib
import gc
import json
from datetime import UTC, datetime
from typing import Any

from .answers import response_too_long
from .assessment import Assessment
from .errors import EngineError
from .learning import level_meaning, next_steps, recommended_tutorials
from .messages import error as _error
from .messages import json_call
from .profiles import profile_result, selection_skills
from .record import make_record
from .referential import Challenge, Referential, load_referential
from .resultfile import parse_result_file, validate_record, validate_result_file
from .scoring import AssessmentResult
from .text import Plain
from .types import challenge_type
from .types.base import MAX_RESPONSE_CHARS, MAX_RESPONSE_ITEMS

PROTOCOL_VERSION = 1
# The highest level of the CRCN: a test capped below it measured « at least » its cap.
MAX_LEVEL = 8
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
    return json_call(handle, request, wire=True)


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
        if kind == "validate-result-file":
            return check_result_file(request["text"])
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
        if kind == "views":
            return {"ok": True, "views": [_view_or_none(ref, r) for r in request["records"]]}
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


def referential() -> Referential:
    """The referential the worker was given by ``init`` (for protocols built on this one)."""
    if _referential is None:
        raise EngineError("not-ready", "Le moteur n'est pas encore prêt.")
    return _referential


def _view_or_none(ref: Referential, record: Any) -> dict[str, Any] | None:
    """The view of a stored record, or None for one that is not a valid record."""
    if not isinstance(record, dict) or validate_record(record):
        return None
    return record_view(ref, record)


MAX_FILE_PROBLEMS = 50


def check_result_file(text: Any) -> dict[str, Any]:
    """Read a result file to import: valid with its content, or every problem in French."""
    if not isinstance(text, str):
        raise EngineError("bad-request", "Le fichier doit être envoyé comme du texte.")
    try:
        data = parse_result_file(text)
    except EngineError as exc:
        problems = [exc.message]
        if exc.code == "result-file-invalid":
            problems = validate_result_file(json.loads(text.lstrip("\ufeff")))
            if len(problems) > MAX_FILE_PROBLEMS:
                problems = [*problems[:MAX_FILE_PROBLEMS],
                            f"… et {len(problems) - MAX_FILE_PROBLEMS} autre(s) problème(s)"]
        return {"ok": True, "valid": False, "problems": problems}
    return {"ok": True, "valid": True, "problems": [], "file": data}


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


def _start(ref: Referential, request: dict[str, Any]) -> Assessment:
    seed = int(request.get("seed", 0))
    if request.get("selection") is not None:
        # A campaign on a selection of sujets with level caps (no parcours of the content).
        return Assessment.start(ref, seed=seed, skills=selection_skills(ref, request["selection"]))
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
        "state": Plain(assessment.to_dict()),
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
    failed_direct = [ref.challenges[a.challenge_id].skill_id for a in assessment.answers
                     if not a.correct]
    competences = [_competence_view(ref, comp.to_dict(), comp.validated_skills,
                                    comp.failed_skills, failed_direct)
                   for comp in result.competences.values()]
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


def record_view(ref: Referential, record: dict[str, Any]) -> dict[str, Any]:
    """A stored record shown again, in the shape of :func:`result_view`.

    The scores are the record's own (never replayed); titles, tutorials and the review's texts
    come from the referential of the day, and what no longer exists there is left out (a question
    that was removed is shown with the learner's answer only).
    """
    failed_direct = [a["skill"] for a in record["answers"] if not a["correct"]]
    competences = []
    for comp in record["competences"]:
        data = {"competence_id": comp["id"], **{k: comp[k] for k in (
            "level", "max_level", "pix", "probability", "asked", "correct", "complete")}}
        competences.append(_competence_view(ref, data, comp["validated"], comp["failed"],
                                            failed_direct))
    review = []
    for answer in record["answers"]:
        challenge = ref.challenges.get(answer["challenge"])
        item = {"challenge": answer["challenge"], "competence": answer["competence"],
                "status": answer["status"], "correct": answer["correct"],
                "instruction": "Cette question a été retirée du test depuis.", "solution": [],
                "explanation": "", "response": _answer_lines(answer["response"])}
        if challenge is not None:
            item.update(instruction=challenge.instruction, solution=solution_view(challenge),
                        explanation=challenge.explanation)
            # A question that changed shape keeps the answer as it was typed.
            with contextlib.suppress(KeyError, TypeError, ValueError, IndexError, AttributeError):
                item["response"] = response_view(challenge, answer["response"])
        review.append(item)
    profile = None
    stored = record.get("profile")
    if stored and stored["id"] in ref.profiles:
        validated = [s for c in record["competences"] for s in c["validated"]]
        profile = profile_result(ref.profiles[stored["id"]], validated)
        profile["mastery"] = stored["mastery"]  # the record's own figure
    return {"complete": all(c["complete"] for c in record["competences"]), "pix": record["pix"],
            "competences": competences, "review": review, "profile": profile,
            "record": {"id": record["id"], "status": record["status"],
                       "started_at": record["started_at"], "finished_at": record["finished_at"]}}


def _answer_lines(response: Any) -> list[str]:
    if response is None:
        return []
    if isinstance(response, dict):
        return [f"{k} : {v}" for k, v in response.items()]
    if isinstance(response, list):
        return [str(v) for v in response]
    return [str(response)]


def _competence_view(ref: Referential, data: dict[str, Any], validated: list[str],
                     failed: list[str], failed_direct: list[str]) -> dict[str, Any]:
    """One competence of a result: scores, what the level means, skills, next steps, tutorials."""
    cid = data["competence_id"]
    competence = ref.competence_by_id.get(cid)
    steps = next_steps(ref, cid, validated, failed, data["max_level"])
    own_failed = [s for s in failed_direct if s in ref.skills and ref.skills[s].competence_id == cid]
    meaning = level_meaning(ref, cid, data["level"])
    return {
        **data, "title": competence.title if competence else cid,
        "domain_id": competence.domain_id if competence else cid.split(".")[0],
        "level_name": meaning["name"], "level_text": meaning["text"],
        "capped": data["level"] >= data["max_level"] and data["max_level"] < MAX_LEVEL,
        "validated": [_skill_view(ref, s) for s in validated if s in ref.skills],
        "failed": [_skill_view(ref, s) for s in failed if s in ref.skills],
        "next_steps": steps,
        "tutorials": recommended_tutorials(ref, steps, own_failed),
    }


def _skill_view(ref: Referential, skill_id: str) -> dict[str, Any]:
    skill = ref.skills[skill_id]
    return {"id": skill.id, "title": skill.title, "level": skill.level,
            "tube": ref.tubes[skill.tube_id].title}
