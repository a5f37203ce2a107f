"""The « certification blanche » requests of the mediator's worker: JSON in, JSON out (like campaigns').

The worker keeps the site's bundle; for a check it sends this module the bundle's structure,
the full records of the challenges the candidate was asked only, and the list of every
challenge as ``{"id", "skill_id", "retired"}``. Requests:

- ``{"type": "certification-session", "fields", "random": [u32…]}`` → ``{"ok", "session"}``
- ``{"type": "certification-check", "session", "text" (file or code), "bundle", "catalogue",
  "earlier": [...], "neutralised": [ids]}`` → ``{"ok", "check"}`` (``check.problems`` empty when
  it may be signed) or ``{"ok": false, "error": {"code": "candidate-file", "problems"}}``
- ``{"type": "certification-attestation", "check", "centre": {"id", "name"}, "jwk"}`` →
  ``{"ok", "attestation", "signing_input", "badges": [{"credential", "signing_input"}]}``
- ``{"type": "certification-key", "centre": {"id", "name"}, "jwk"}`` → ``{"ok", "kid",
  "yaml", "spki"}``

Every string in a response is text.
"""

from __future__ import annotations

from typing import Any

from engine.messages import error as _error
from engine.messages import json_call

from . import attestation, centres, received_file, recheck, sessions


def handle_json(request: str) -> str:
    """Entry point for the worker: a JSON string in, a JSON string out."""
    return json_call(handle, request)




def _centre(request: dict[str, Any]) -> dict[str, str]:
    centre = {"id": str(request["centre"]["id"]), "name": str(request["centre"]["name"]).strip()}
    if not attestation.CENTRE_ID.fullmatch(centre["id"]):
        raise sessions.SessionError(["L'identifiant du centre s'écrit en minuscules, chiffres "
                                     "et tirets (2 à 64 caractères), par exemple "
                                     "« centre-des-tilleuls »."])
    if not centre["name"] or len(centre["name"]) > 100:
        raise sessions.SessionError(["Donnez le nom du centre (100 caractères au plus)."])
    return centre


def handle(request: dict[str, Any]) -> dict[str, Any]:
    kind = request.get("type")
    try:
        if kind == "certification-session":
            return {"ok": True, "session": sessions.new_session(request["fields"],
                                                                 request["random"])}
        if kind == "certification-check":
            data = received_file.read(str(request["text"]))
            cat = recheck.Catalogue.from_bundle(request["bundle"], request["catalogue"])
            return {"ok": True, "check": recheck.recheck(
                cat, request["session"], data, request.get("earlier") or [],
                request.get("neutralised") or [])}
        if kind == "certification-attestation":
            centre = _centre(request)
            kid = centres.thumbprint(request["jwk"])
            check = request["check"]
            body = attestation.payload(check, centre)
            descriptions = {(b["parcours"], b["id"]): b.get("description", "")
                            for b in check["badges"]}
            badges = []
            for badge in body["badges"]:
                credential = attestation.badge_credential(
                    body, badge, descriptions.get((badge["parcours"], badge["id"]), ""))
                badges.append({"badge": badge, "credential": credential,
                               "signing_input": attestation.signing_input(credential, kid)})
            return {"ok": True, "attestation": body, "kid": kid,
                    "signing_input": attestation.signing_input(body, kid), "badges": badges}
        if kind == "certification-key":
            centre = _centre(request)
            jwk = centres.check_jwk(request["jwk"])
            return {"ok": True, "kid": centres.thumbprint(jwk), "spki": centres.spki_from_jwk(jwk),
                    "yaml": centres.yaml_block(centre["id"], centre["name"], jwk)}
        return _error("bad-request", f"Demande inconnue : {kind!r}")
    except received_file.CandidateFileError as exc:
        return _error("candidate-file", str(exc), problems=exc.problems)
    except sessions.SessionError as exc:
        return _error("session-invalid", str(exc), problems=exc.problems)
    except centres.PublicKeyError as exc:
        return _error("key-invalid", f"Clé du centre : {exc}.")
    except (KeyError, TypeError, ValueError) as exc:
        return _error("bad-request", f"Demande incomplète ou mal formée ({exc!r}).")
