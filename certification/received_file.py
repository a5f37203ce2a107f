"""The candidate's « résultat de certification blanche » file, as the mediator receives it.

Declared with the result file's kit (``engine.resultfile``): every problem at once, in French,
with its JSON path. The profile inside is one record exactly as docs/result-file.md describes.
The file also travels as a code (``DCB1.`` + base64url of its raw-DEFLATE-compressed JSON).
"""

from __future__ import annotations

import base64
import binascii
import json
import zlib
from typing import Any

from engine.resultfile import (
    DATE,
    END,
    ID,
    RECORD,
    RESPONSE,
    Array,
    Boolean,
    Choice,
    Number,
    Object,
    Text,
)

FORMAT = "diagnum-certification-blanche"
VERSION = 1
CODE_PREFIX = "DCB1."
MAX_ASKED = 64
MAX_EVENTS = 200
MAX_CHARS = 5_000_000
ACTIONS = ("pause", "resume", "note", "end")
_DATE = Text(40, DATE, "une date ISO 8601 comme 2026-12-07T15:00:00Z")

EVENT = Object(required={"action": Choice(ACTIONS), "code": Text(20, min_length=0),
                         "at": _DATE}, optional={"note": Text(1000, min_length=0)})
ASKED = Object(required={"challenge": Text(100, ID, "minuscules, chiffres et tirets"),
                         "response": RESPONSE, "seconds": Number(0, 86400)},
               optional={"timed_out": Boolean()})
FILE = Object(description="Résultat de certification blanche, version 1.", required={
    "format": Choice((FORMAT,)),
    "version": Choice((VERSION,)),
    "session": Text(20, f"^[A-Za-z0-9 -]{{1,20}}{END}", "le code de la session, comme BKRT47"),
    "room_word": Text(100, min_length=0),
    "candidate": Object(required={"name": Text(100)}),
    "profile": RECORD,
    "asked": Array(ASKED, max_items=MAX_ASKED),
    "proctor_events": Array(EVENT, max_items=MAX_EVENTS),
    "started_at": _DATE,
    "finished_at": _DATE,
})


class CandidateFileError(ValueError):
    """A file that cannot be read at all, or whose shape is wrong: ``problems`` in French."""

    def __init__(self, problems: list[str]):
        super().__init__("\n".join(problems))
        self.problems = problems


def validate(data: Any) -> list[str]:
    problems: list[str] = []
    FILE.check(data, "", problems)
    return problems


def encode_code(data: dict[str, Any]) -> str:
    """The file as a code (what a QR code carries)."""
    raw = json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode()
    packer = zlib.compressobj(9, zlib.DEFLATED, -15)
    packed = packer.compress(raw) + packer.flush()
    return CODE_PREFIX + base64.urlsafe_b64encode(packed).decode().rstrip("=")


def _decode_code(text: str) -> str:
    body = "".join(text.strip()[len(CODE_PREFIX):].split())
    try:
        packed = base64.urlsafe_b64decode(body + "=" * (-len(body) % 4))
        unpacker = zlib.decompressobj(-15)
        raw = unpacker.decompress(packed, MAX_CHARS)
        if unpacker.unconsumed_tail:
            raise ValueError("trop long")
        return raw.decode("utf-8")
    except (binascii.Error, ValueError, zlib.error, UnicodeDecodeError) as exc:
        raise CandidateFileError(["Ce code de résultat est abîmé ou incomplet : "
                                  "recopiez-le en entier, ou utilisez le fichier."]) from exc


def read(text: str) -> dict[str, Any]:
    """The file (its JSON text, or its ``DCB1.`` code), validated; CandidateFileError if not."""
    if len(text) > MAX_CHARS:
        raise CandidateFileError(["Ce fichier est trop gros pour un résultat de certification."])
    if text.strip().startswith(CODE_PREFIX):
        text = _decode_code(text)
    try:
        data = json.loads(text)
    except ValueError as exc:
        raise CandidateFileError(["Ce fichier n'est pas un résultat de certification blanche "
                                  f"(JSON invalide : {exc})."]) from exc
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise CandidateFileError(["Ce fichier n'est pas un « résultat de certification "
                                  "blanche » de Diagnum."])
    if data.get("version") != VERSION:
        raise CandidateFileError([f"Ce résultat de certification est d'une autre version "
                                  f"({data.get('version')!r}) : mettez le site à jour."])
    problems = validate(data)
    if problems:
        raise CandidateFileError(problems[:30])
    return data
