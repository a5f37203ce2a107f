"""Simulated candidates of a « certification blanche », in the contract's file format.

The profile is a real engine test (outcomes drawn from a seeded ability); the session's
challenges are chosen by ``certification.selection`` as the candidate's page does; responses
are the type's own right or wrong sample answers (``engine.types``), decided by ``right``.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from typing import Any

from certification import selection
from certification.recheck import directly_validated
from engine import Assessment
from engine.record import make_record, response_text
from engine.types import challenge_type

SESSION = {"code": "BKRT47", "date": "2026-12-07", "place": "Centre social des Tilleuls",
           "room": "Salle 2", "proctor": "Mme Durand", "room_word": "tournesol",
           "proctor_code": "402913", "retake_days": 30, "centre": "centre-des-tilleuls"}


def profile_record(ref, seed: int, ability: float = 5.0) -> dict[str, Any]:
    rng = random.Random(seed)
    a = Assessment.start(ref, competences=[c.id for c in ref.competences], seed=seed)
    while (challenge := a.next_challenge()) is not None:
        level = ref.skills[challenge.skill_id].level
        good, bad = challenge_type(challenge.type).sample_responses(challenge.data)
        right = rng.random() < 1 / (1 + 2.7 ** (level - ability))
        a.answer(challenge.id, response_text(good if right else bad))  # as the page sends it
    return make_record(ref, a, started_at="2026-12-01T09:00:00Z",
                       finished_at="2026-12-01T10:00:00Z")


def candidate_file(ref, session: dict[str, Any], name: str, seed: int, *,
                   right: Callable[[int, Any], bool] = lambda i, pick: True,
                   profile: dict[str, Any] | None = None, ability: float = 5.0
                   ) -> dict[str, Any]:
    """``right(index, pick)`` says which asked challenges get a right answer."""
    record = profile or profile_record(ref, seed, ability)
    levels = {c["id"]: c["level"] for c in record["competences"]}
    direct = sorted(directly_validated(record))
    seen = [a["challenge"] for a in record["answers"]]
    picks = selection.choose(ref, levels, direct, seen, seed)
    asked = []
    for index, pick in enumerate(picks):
        challenge = ref.challenges[pick.challenge_id]
        good, bad = challenge_type(challenge.type).sample_responses(challenge.data)
        response = response_text(good if right(index, pick) else bad)  # as the page sends it
        asked.append({"challenge": pick.challenge_id, "response": response,
                      "seconds": 20 + index})
    return {"format": "diagnum-certification-blanche", "version": 1, "seed": seed,
            "session": session["code"], "room_word": session["room_word"],
            "candidate": {"name": name}, "profile": record, "asked": asked,
            "proctor_events": [
                {"action": "pause", "code": session["proctor_code"], "at": f"{session['date']}T14:10:00Z"},
                {"action": "resume", "code": session["proctor_code"], "at": f"{session['date']}T14:12:00Z"},
                {"action": "note", "code": session["proctor_code"], "at": f"{session['date']}T14:12:30Z",
                 "note": "Pause demandée, reprise calme."}],
            "started_at": f"{session['date']}T14:00:00Z",
            "finished_at": f"{session['date']}T14:40:00Z"}
