"""The mediator worker's message protocol: JSON in, JSON out, one function, like the engine's.

The worker keeps the open space's participations (``static/mediator-vault.js``) and sends what
a request needs; Python holds only the site's referential. Requests:

- ``{"type": "init", "referential": <bundle>}`` → ``{"ok", "site": {parcours, competences, tubes}}``
- ``{"type": "new-campaign", "fields": {...}, "random": [u32, …], "created": date}``
  → ``{"ok", "campaign"}`` or ``{"ok": false, "error": {"code": "campaign-invalid",
  "message", "problems"}}``
- ``{"type": "read-link", "fragment": "c=…"}`` → ``{"ok", "campaign"}``
- ``{"type": "import", "campaign", "items": [{"name", "text"} | {"name", "code", "label"}],
  "known": [participation ids]}`` → ``{"ok", "outcomes": [...]}`` (see ``mediator.import_batch``);
  the worker sends result files' bytes apart, through ``handle_import_json``

The worker calls ``handle_ascii`` and ``handle_import_json(…, ascii=True)``: the same answers in
ASCII JSON, which Pyodide hands to JavaScript in one step.
- ``{"type": "report", "campaign", "participations": [...], "csv": bool}`` → ``{"ok", "report"}``
  (the CSV text only when asked: the table and the analysis do not wait for it)
- ``{"type": "compare", "items": [{"campaign", "participations"}]}`` → ``{"ok", "compare"}``

Every string in a response is text: the page shows it with ``textContent``.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from engine.messages import error as _error
from engine.messages import json_call

from . import links, mediator

_site: mediator.Site | None = None


def handle_json(request: str) -> str:
    """A JSON string in, a JSON string out (CPython callers and tests)."""
    return json_call(handle, request)


def handle_ascii(request: str) -> str:
    """Entry point for the worker: the same answer in ASCII JSON (``\\u`` escapes for the rest).
    Pyodide hands an ASCII ``str`` to JavaScript in one step (a ``TextDecoder`` over Python's
    memory); any other ``str`` it rebuilds one character at a time, which left 32 MB of garbage
    in the worker for a 1 000-file drop. UTF-8 bytes would cross in one step too, but a second
    copy of the answer beside the ``str`` grew Python's memory (which never shrinks) by 7 MB."""
    try:
        payload = json.loads(request)
    except ValueError:
        return json.dumps(_error("bad-request", "Message illisible."))
    return json.dumps(handle(payload))


def handle_import_json(request: str, contents: Sequence[Any], ascii: bool = False) -> str:
    """An ``import`` whose result files come apart from the JSON request: ``contents[i]`` is the
    bytes of ``items[i]``'s file (in Pyodide, a JavaScript ArrayBuffer), or None for a code. A
    thousand files' text is then never copied inside one JSON string. Bytes are read as UTF-8,
    a damaged sequence replaced, as the browser's ``File.text()`` reads them. ``ascii``: the
    answer in ASCII JSON, for the worker (see ``handle_ascii``)."""
    try:
        payload = json.loads(request)
        items = payload["items"]
    except (ValueError, KeyError, TypeError):
        return json.dumps(_error("bad-request", "Message illisible."))
    for item, content in zip(items, contents, strict=False):
        if content is not None and isinstance(item, dict):
            data = content.to_bytes() if hasattr(content, "to_bytes") else bytes(content)
            item["text"] = data.decode("utf-8", errors="replace")
    return json.dumps(handle(payload), ensure_ascii=ascii)


def handle(request: dict[str, Any]) -> dict[str, Any]:
    global _site
    kind = request.get("type")
    try:
        if kind == "init":
            _site = mediator.Site(request["referential"])
            return {"ok": True, "site": _site.describe()}
        if _site is None:
            return _error("not-ready", "L'espace médiateur n'est pas encore prêt.")
        site = _site
        if kind == "new-campaign":
            campaign = mediator.new_campaign(site, request["fields"], request["random"],
                                             request["created"])
            return {"ok": True, "campaign": campaign}
        if kind == "read-link":
            campaign = links.decode_campaign(str(request["fragment"]))
            if campaign["parcours"] and campaign["parcours"] not in site.profiles:
                return _error("link-invalid", "Ce lien vise un parcours que ce site n'a pas.")
            return {"ok": True, "campaign": mediator.with_link(campaign)}
        if kind == "import":
            return {"ok": True, "outcomes": mediator.import_batch(
                site, request["campaign"], request["items"], request.get("known") or [])}
        if kind == "report":
            return {"ok": True, "report": mediator.report(
                site, request["campaign"], request["participations"],
                with_csv=bool(request.get("csv")))}
        if kind == "compare":
            return {"ok": True, "compare": mediator.compare(site, request["items"])}
        return _error("bad-request", f"Demande inconnue : {kind!r}")
    except mediator.CampaignError as exc:
        return _error("campaign-invalid", str(exc), problems=exc.problems)
    except links.LinkError as exc:
        return _error("link-invalid", str(exc))
    except (KeyError, TypeError, ValueError) as exc:
        return _error("bad-request", f"Demande incomplète ou mal formée ({exc!r}).")
