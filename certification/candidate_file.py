"""The file a candidate hands over at the end of a « certification blanche ».

``{"format": "diagnum-certification-blanche", "version": 1, "session", "room_word",
"candidate": {"name"}, "profile", "asked", "proctor_events", "started_at", "finished_at"}``:
the session code, the word the proctor gave in the room (the page cannot check it; the mediator
does when signing), the name as it will appear on the attestation, the placement profile the
session was chosen from (one record of docs/result-file.md), each question asked with the answer
as given and the seconds it took, and what the proctor did on the candidate's screen with the code
typed each time (the mediator checks the codes when signing). Nothing in it says whether an answer
is right: the mediator's space scores it.

Declared once with the result file's kit (``engine.resultfile``), so the validator (French
problems with JSON paths, every problem at once) and the JSON Schema
(docs/certification-blanche-candidat.schema.json) cannot drift apart.
"""

from __future__ import annotations

import json
from typing import Any

from engine.errors import EngineError
from engine.resultfile import (
    DATE,
    END,
    ID,
    JSON_SCHEMA_DIALECT,
    RECORD,
    RESPONSE,
    Array,
    Boolean,
    Choice,
    Integer,
    Object,
    Text,
    read_json,
)

from .codes import DIGITS, LETTERS

FORMAT = "diagnum-certification-blanche"
VERSION = 1
SCHEMA_ID = "urn:diagnum:certification-blanche-candidat.schema.json"
ACTIONS = ("pause", "resume", "note", "end")
MAX_ASKED = 16 * 3            # three per competence, sixteen competences
MAX_EVENTS = 200
MAX_FILE_CHARS = 5_000_000
SESSION_CODE = f"^[{LETTERS}]{{4}}[{DIGITS}]{{2}}{END}"
DATE_HINT = "une date ISO 8601 comme 2026-12-07T15:00:00Z"

ASKED = Object(description="One question of the session, as answered (never judged here).",
               required={
    "challenge": Text(100, ID, "minuscules, chiffres et tirets"),
    "response": RESPONSE,
    "seconds": Integer(0, 24 * 3600),
}, optional={"timed_out": Boolean()})

PROCTOR_EVENT = Object(description="What the proctor did on the candidate's screen.", required={
    "action": Choice(ACTIONS),
    "code": Text(20),
    "at": Text(40, DATE, DATE_HINT),
}, optional={"note": Text(1000)})

CANDIDATE_FILE = Object(description="Diagnum « certification blanche », candidate's file, "
                                    "version 1.", required={
    "format": Choice((FORMAT,)),
    "version": Choice((VERSION,)),
    "session": Text(6, SESSION_CODE, "4 lettres puis 2 chiffres, comme BKRT47"),
    "room_word": Text(60),
    "candidate": Object(required={"name": Text(100)}),
    "profile": RECORD,
    "asked": Array(ASKED, max_items=MAX_ASKED),
    "proctor_events": Array(PROCTOR_EVENT, max_items=MAX_EVENTS),
    "started_at": Text(40, DATE, DATE_HINT),
    "finished_at": Text(40, DATE, DATE_HINT),
}, optional={
    # The seed the session's challenges were drawn with: the mediator can draw them again from
    # the profile (``asked_as_chosen``) and see that none was picked by hand.
    "seed": Integer(0, 2 ** 53 - 1),
})


def validate(data: Any) -> list[str]:
    """Every problem of a parsed candidate's file, in French, with JSON paths; [] if valid."""
    problems: list[str] = []
    CANDIDATE_FILE.check(data, "", problems)
    return problems


def json_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of the candidate's file, as published in docs/."""
    return {"$schema": JSON_SCHEMA_DIALECT, "$id": SCHEMA_ID,
            "title": "Diagnum — certification blanche, fichier du candidat",
            **CANDIDATE_FILE.schema()}


def parse(text: str) -> dict[str, Any]:
    """Read and validate a candidate's file; anything wrong raises EngineError in French
    (``certification-file-unreadable``, ``-foreign``, ``-version``, ``-invalid``)."""
    if len(text) > MAX_FILE_CHARS:
        raise EngineError("certification-file-invalid", "Ce fichier est trop gros pour être "
                                                        "celui d'une certification blanche.")
    data = read_json(text, "certification-file-unreadable", "Ce fichier n'est pas lisible")
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise EngineError("certification-file-foreign",
                          "Ce fichier n'est pas celui d'une certification blanche Diagnum.")
    if data.get("version") != VERSION:
        raise EngineError("certification-file-version",
                          "Ce fichier de certification blanche est d'une version que ce site ne "
                          f"connaît pas ({json.dumps(data.get('version'))[:20]}).")
    problems = validate(data)
    if problems:
        shown = "\n".join(problems[:20])
        more = f"\n… et {len(problems) - 20} autre(s) problème(s)" if len(problems) > 20 else ""
        raise EngineError("certification-file-invalid",
                          f"Ce fichier de certification blanche est abîmé :\n{shown}{more}")
    return data


def make(state: dict[str, Any], *, session: str, room_word: str, name: str,
         profile: dict[str, Any], proctor_events: list[Any], started_at: str,
         finished_at: str) -> dict[str, Any]:
    """The file for a session state (``certification.session``), checked before it is handed
    over: a file that does not validate raises EngineError with every problem."""
    data = {"format": FORMAT, "version": VERSION, "session": session, "seed": state["seed"],
            "room_word": room_word.strip(), "candidate": {"name": " ".join(name.split())},
            "profile": profile, "asked": list(state["answers"]),
            "proctor_events": list(proctor_events), "started_at": started_at,
            "finished_at": finished_at}
    problems = validate(data)
    if problems:
        raise EngineError("certification-file-invalid",
                          "Le fichier de la session ne peut pas être fait : " + "; ".join(problems[:5]))
    return data


def asked_as_chosen(ref, data: dict[str, Any]) -> list[str]:
    """Problems (French) when the questions in ``data`` (a valid file with a seed) are not those
    the session draws from its profile on ``ref`` (an engine Referential), in that order."""
    from .placement import choose

    if "seed" not in data:
        return ["le fichier ne dit pas avec quelle graine les questions ont été tirées"]
    picks = [p.challenge_id for p in choose(ref, data["profile"], data["seed"])]
    asked = [a["challenge"] for a in data["asked"]]
    if asked != picks[:len(asked)]:
        return ["les questions du fichier ne sont pas celles que la session tire de ce profil "
                "(contenu différent, ou fichier modifié)"]
    return []


if __name__ == "__main__":  # regenerate the published schema: python -m certification.candidate_file
    from pathlib import Path

    target = Path(__file__).resolve().parent.parent / "docs" / SCHEMA_ID.rsplit("/", 1)[1]
    target.write_text(json.dumps(json_schema(), ensure_ascii=False, indent=2) + "\n",
                      encoding="utf-8")
