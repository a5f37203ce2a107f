"""The candidate's file as the mediator's space receives it: a file, or a QR code's text.

The shape is declared once, by the candidate's side (``certification.candidate_file``); this
module only reads what the mediator pastes or drops: the file's JSON (what the candidate's QR
code carries too), or a ``DCB1.`` code (base64url of the raw-DEFLATE-compressed JSON), and turns
the candidate side's error into the list of problems the mediator's page shows.
"""

from __future__ import annotations

import base64
import binascii
import json
import zlib
from typing import Any

from engine.errors import EngineError

from . import candidate_file

CODE_PREFIX = "DCB1."


class CandidateFileError(ValueError):
    """A file that cannot be read, or whose shape is wrong: ``problems`` in French."""

    def __init__(self, problems: list[str]):
        super().__init__("\n".join(problems))
        self.problems = problems


def validate(data: Any) -> list[str]:
    return candidate_file.validate(data)


def encode_code(data: dict[str, Any]) -> str:
    """The file as a ``DCB1.`` code (compressed: about a seventh of the JSON)."""
    raw = json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode()
    packer = zlib.compressobj(9, zlib.DEFLATED, -15)
    packed = packer.compress(raw) + packer.flush()
    return CODE_PREFIX + base64.urlsafe_b64encode(packed).decode().rstrip("=")


def _decode_code(text: str) -> str:
    body = "".join(text.strip()[len(CODE_PREFIX):].split())
    try:
        packed = base64.urlsafe_b64decode(body + "=" * (-len(body) % 4))
        unpacker = zlib.decompressobj(-15)
        raw = unpacker.decompress(packed, candidate_file.MAX_FILE_CHARS)
        if unpacker.unconsumed_tail or not unpacker.eof:
            raise ValueError("incomplet")
        return raw.decode("utf-8")
    except (binascii.Error, ValueError, zlib.error, UnicodeDecodeError) as exc:
        raise CandidateFileError(["Ce code de résultat est abîmé ou incomplet : "
                                  "recopiez-le en entier, ou utilisez le fichier."]) from exc


def read(text: str) -> dict[str, Any]:
    """The file (its JSON text, or its ``DCB1.`` code), validated; CandidateFileError if not."""
    if text.strip().startswith(CODE_PREFIX):
        text = _decode_code(text)
    try:
        return candidate_file.parse(text)
    except EngineError as exc:
        lines = exc.message.split("\n")
        raise CandidateFileError([lines[0]] if len(lines) == 1 else lines[1:]) from exc
