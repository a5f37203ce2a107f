"""The workers' message shape, one for every protocol (engine, campaigns, certification).

Each worker hands Python one JSON string and gets one back; a request that cannot be read, or
that fails, gets ``{"ok": false, "error": {"code", "message", …}}``, never an exception.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from .text import to_wire


def error(code: str, message: str, **extra: Any) -> dict[str, Any]:
    return {"ok": False, "error": {"code": code, "message": message, **extra}}


def json_call(handle: Callable[[dict[str, Any]], dict[str, Any]], request: str,
              wire: bool = False) -> str:
    """``handle`` on a JSON request, its answer as JSON; ``wire`` turns sanitised HTML into
    ``{"html": …}`` (engine.text), for protocols whose answers carry some."""
    try:
        payload = json.loads(request)
    except ValueError:
        return json.dumps(error("bad-request", "Message illisible."))
    answer = handle(payload)
    return json.dumps(to_wire(answer) if wire else answer, ensure_ascii=False)
