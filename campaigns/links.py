"""A campaign carried in full by its link (or QR code), for what 9 characters cannot hold.

A campaign on a parcours of the site with no custom text needs only its code. A campaign with a
custom selection of sujets, an external-id label or custom texts travels in the link's fragment
(``#c=…``: the fragment never reaches a server). The payload is a compact JSON list, compressed
with raw DEFLATE (``zlib`` here, ``DecompressionStream("deflate-raw")`` in a browser) and written
in base64url without padding::

    [1, code, name, goal, parcours | "", "tube:cap,tube:cap" | "", label, landing, result]

Reading it checks the code's own check letter and that the code's goal is the campaign's.
"""

from __future__ import annotations

import base64
import json
import zlib
from typing import Any

from . import codes

LINK_VERSION = 1
MAX_PAYLOAD = 20_000   # characters of a fragment we agree to read
QR_MAX = 2_300         # characters of a whole link a QR code holds at level M (the page says so)


class LinkError(ValueError):
    """A campaign link that cannot be read, with a French message."""


def selection_text(selection: list[dict[str, Any]] | None) -> str:
    return ",".join(f"{s['tube']}:{s['max_level']}" for s in selection or [])


def encode_campaign(campaign: dict[str, Any]) -> str:
    """The fragment payload (without ``c=``) for a campaign dict."""
    data = [LINK_VERSION, campaign["code"], campaign["name"], campaign["goal"],
            campaign.get("parcours") or "", selection_text(campaign.get("selection")),
            campaign.get("external_id_label") or "", campaign.get("landing_text") or "",
            campaign.get("result_text") or ""]
    raw = json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    packer = zlib.compressobj(9, zlib.DEFLATED, -15)
    packed = packer.compress(raw) + packer.flush()
    return base64.urlsafe_b64encode(packed).decode("ascii").rstrip("=")


def decode_campaign(payload: str) -> dict[str, Any]:
    """The campaign a link carries; ``LinkError`` in French when it is damaged."""
    damaged = ("Ce lien de campagne est abîmé ou incomplet : demandez à nouveau le lien, ou "
               "tapez le code de la campagne.")
    text = payload.strip()
    if text.startswith("c="):
        text = text[2:]
    if not text or len(text) > MAX_PAYLOAD:
        raise LinkError(damaged)
    try:
        packed = base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))
        unpacker = zlib.decompressobj(-15)
        raw = unpacker.decompress(packed, 200_000)
        if unpacker.unconsumed_tail or not unpacker.eof:
            raise ValueError("truncated or too large")
        data = json.loads(raw.decode("utf-8"))
    except (ValueError, zlib.error, UnicodeDecodeError):
        raise LinkError(damaged) from None
    if (not isinstance(data, list) or len(data) != 9 or data[0] != LINK_VERSION
            or not all(isinstance(v, str) for v in data[1:])):
        raise LinkError(damaged)
    _, code, name, goal, parcours, selection, label, landing, result = data
    try:
        decoded = codes.decode(code)
    except codes.CodeError as exc:
        raise LinkError(str(exc)) from None
    if decoded.goal != goal:
        raise LinkError(damaged)
    pairs = []
    for item in filter(None, selection.split(",")):
        tube, _, cap = item.partition(":")
        if not tube or not cap.isdigit() or not 1 <= int(cap) <= 8:
            raise LinkError(damaged)
        pairs.append({"tube": tube, "max_level": int(cap)})
    return {"code": codes.normalise(code), "name": name, "goal": goal,
            "parcours": parcours or None, "selection": pairs or None,
            "external_id_label": label, "landing_text": landing, "result_text": result}
