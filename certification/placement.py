"""The candidate's placement profile, as Pix calls it: what their kept records say they showed.

A person's « Mon espace » is made of several records (docs/result-file.md): the latest level of
each competence comes from whichever finished test measured it last. For a session, those records
are merged into one record of the same shape (the file the candidate hands over carries it): per
competence its latest measurement, and every answer the person gave, in the order given. From it
come the eligible competences, the skills validated *directly* (the latest answer on the skill was
right) and the challenges already seen (never asked again when another variant exists).
"""

from __future__ import annotations

from typing import Any

from engine.record import record_id
from engine.resultfile import MAX_ANSWERS, validate_record

from . import selection


def placement_record(records: list[Any]) -> dict[str, Any] | None:
    """One record merging the person's finished records (invalid ones ignored); None if none."""
    kept = sorted((r for r in records if isinstance(r, dict) and not validate_record(r)
                   and r["status"] == "finished"), key=lambda r: r["finished_at"])
    if not kept:
        return None
    competences: dict[str, dict[str, Any]] = {}
    answers: list[dict[str, Any]] = []
    for record in kept:
        for comp in record["competences"]:
            competences.pop(comp["id"], None)      # the latest measurement, in its place
            competences[comp["id"]] = comp
        answers += record["answers"]
    answers = answers[-MAX_ANSWERS:]
    latest = kept[-1]
    started_at = min(r["started_at"] for r in kept)
    ordered = sorted(competences.values(), key=lambda c: [int(x) for x in c["id"].split(".")])
    return {
        "id": record_id(latest["referential"]["version"], 0, started_at, answers),
        "status": "finished", "started_at": started_at, "finished_at": latest["finished_at"],
        "referential": dict(latest["referential"]), "engine": dict(latest["engine"]),
        "seed": 0, "profile": None, "answers": answers, "competences": ordered,
        "pix": sum(c["pix"] for c in ordered),
    }


def levels(placement: dict[str, Any]) -> dict[str, int]:
    return {c["id"]: c["level"] for c in placement["competences"]}


def validated_directly(placement: dict[str, Any]) -> list[str]:
    """Skills whose latest answer was right (an answer, not an inference)."""
    latest: dict[str, bool] = {}
    for answer in placement["answers"]:
        if answer["status"] in ("ok", "ko", "skipped"):
            latest[answer["skill"]] = bool(answer["correct"])
    return [skill for skill, right in latest.items() if right]


def seen(placement: dict[str, Any]) -> set[str]:
    return {a["challenge"] for a in placement["answers"]}


def eligible(placement: dict[str, Any] | None, known: set[str] | None = None) -> list[str]:
    """The competences a session covers (five or more at level ≥ 1), or [] when not eligible;
    ``known``: the competences today's content has (others cannot be asked)."""
    if placement is None:
        return []
    measured = {cid: level for cid, level in levels(placement).items()
                if known is None or cid in known}
    return selection.eligible_competences(measured)


def choose(ref, placement: dict[str, Any], seed: int) -> list[selection.Pick]:
    """The session's challenges for this placement profile (empty when not eligible)."""
    known = {c.id for c in ref.competences}
    measured = {cid: level for cid, level in levels(placement).items() if cid in known}
    return selection.choose(ref, measured, validated_directly(placement), seen(placement), seed)
