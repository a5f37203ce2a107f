"""A finished (or interrupted) test as a self-contained record of the result file.

A record says what was asked (challenge, skill, tube, competence, and the skill's level at the
time), what was answered, what was scored, and on which referential and engine: history is read
from it, never replayed on today's content, which may have moved a skill or retired a challenge.
See docs/result-file.md; the shape is declared in ``resultfile``.
"""

from __future__ import annotations

import hashlib
import json
from typing import Any

from .assessment import STATE_FORMAT, Assessment
from .profiles import profile_result
from .referential import Referential
from .resultfile import FORMAT, MAX_RESPONSE, MAX_TEXT, STATUSES, VERSION
from .scoring import AssessmentResult

# Bump when what the engine scores changes meaning (levels, pix, inference).
ENGINE_VERSION = "1"


def make_record(ref: Referential, assessment: Assessment, *, started_at: str, finished_at: str,
                status: str = "finished", result: AssessmentResult | None = None) -> dict[str, Any]:
    """The record of ``assessment`` (JSON-ready), on the referential it was taken on;
    ``result`` saves computing ``assessment.result()`` again when the caller has it."""
    if status not in STATUSES:
        raise ValueError(f"statut inconnu : {status}")
    result = result or assessment.result()
    answers = []
    for record in assessment.answers:
        challenge = ref.challenges[record.challenge_id]
        skill = ref.skills[challenge.skill_id]
        answers.append({
            "challenge": challenge.id, "skill": skill.id, "tube": skill.tube_id,
            "competence": skill.competence_id, "level": skill.level, "type": challenge.type,
            "status": record.status, "correct": bool(record.correct),
            "response": response_text(record.response),
        })
    competences = [{
        "id": cid, "level": comp.level, "max_level": comp.max_level, "pix": comp.pix,
        "probability": round(comp.probability, 4), "asked": comp.asked, "correct": comp.correct,
        "complete": comp.complete, "validated": list(comp.validated_skills),
        "failed": list(comp.failed_skills),
    } for cid, comp in result.competences.items()]
    profile = None
    if assessment.profile in ref.profiles:
        outcome = profile_result(ref.profiles[assessment.profile], result.validated_skills)
        stage = outcome["stage"]
        profile = {
            "id": outcome["id"], "mastery": outcome["mastery"],
            "badges": [b["id"] for b in outcome["badges"] if b["obtained"]],
            "stage": ({"index": outcome["stage_index"], "title": str(stage["title"])[:MAX_TEXT]}
                      if stage is not None else None),
        }
    return {
        "id": record_id(ref.version, assessment.seed, started_at, answers),
        "status": status, "started_at": started_at, "finished_at": finished_at,
        "referential": {"version": ref.version or "inconnue"},
        "engine": {"version": ENGINE_VERSION, "state_format": STATE_FORMAT},
        "seed": assessment.seed, "profile": profile, "answers": answers,
        "competences": competences, "pix": result.pix,
    }


def response_text(response: Any) -> Any:
    """The raw response as text, a list of texts, or keys to texts (None when skipped)."""
    if response is None:
        return None
    if isinstance(response, dict):
        return {str(k)[:50]: _text(v) for k, v in list(response.items())[:50]}
    if isinstance(response, (list, tuple)):
        return [_text(v) for v in list(response)[:50]]
    return _text(response)


def _text(value: Any) -> str:
    return ("" if value is None else str(value))[:MAX_RESPONSE]


def record_id(version: str, seed: int, started_at: str, answers: list[dict[str, Any]]) -> str:
    """A stable id, the same for the same test, so that an import can spot duplicates."""
    key = json.dumps([version, seed, started_at, [(a["challenge"], a["status"], a["response"])
                                                  for a in answers]],
                     sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(key.encode()).hexdigest()[:16]


def make_result_file(records: list[dict[str, Any]], *, created: str, app: str = "Diagnum",
                     nickname: str | None = None,
                     campaign: dict[str, str] | None = None) -> dict[str, Any]:
    """A result file holding ``records``; a nickname or a campaign only when the person typed them."""
    out: dict[str, Any] = {"format": FORMAT, "version": VERSION, "created": created, "app": app}
    if nickname:
        out["nickname"] = nickname
    if campaign:
        out["campaign"] = dict(campaign)
    out["records"] = list(records)
    return out
