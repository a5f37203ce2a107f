"""The attestation a centre signs, and the Open Badges 3.0-shaped credential of each badge.

Both are signed as a JWS (compact serialisation, ES256) by the centre's key in the mediator's
browser: this module writes the header and the payload (canonical JSON: keys sorted, no spaces,
UTF-8) and returns the *signing input* ``base64url(header).base64url(payload)``; the page signs
those bytes with WebCrypto and appends ``.base64url(signature)``. The result is the attestation's
verification code.
"""

from __future__ import annotations

import hashlib
import json
import re
from typing import Any

from .centres import b64url

KIND = "diagnum-certification-blanche"
BADGE_KIND = "diagnum-badge"
MENTION = "certification blanche — ce document n'est pas une certification Pix"
CENTRE_ID = re.compile(r"[a-z0-9][a-z0-9-]{1,63}")
OB3_CONTEXT = ["https://www.w3.org/ns/credentials/v2",
               "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"]


def canonical(value: Any) -> bytes:
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode()


def signing_input(payload: dict[str, Any], kid: str) -> str:
    header = {"alg": "ES256", "kid": kid, "typ": "JWT"}
    return f"{b64url(canonical(header))}.{b64url(canonical(payload))}"


def payload(checked: dict[str, Any], centre: dict[str, str]) -> dict[str, Any]:
    """The attestation of a re-checked candidate (``recheck.recheck``'s result)."""
    if checked["problems"]:
        raise ValueError("un résultat refusé ne se signe pas")
    ident = hashlib.sha256(canonical([centre["id"], checked["session"], checked["file_id"]]))
    return {
        "v": 1, "kind": KIND, "mention": MENTION, "id": ident.hexdigest()[:20],
        "name": checked["name"], "date": checked["date"], "session": checked["session"],
        "centre": centre["id"], "centre_name": centre["name"],
        "rate": checked["rate"], "certified": checked["certified"], "pix": checked["pix"],
        "competences": [[c["id"], c["level"], c["pix"]] for c in checked["competences"]],
        "badges": [{"id": b["id"], "parcours": b["parcours"], "title": b["title"]}
                   for b in checked["badges"]],
    }


def badge_credential(attestation: dict[str, Any], badge: dict[str, str],
                     description: str = "") -> dict[str, Any]:
    """An OpenBadgeCredential-shaped document (OB 3.0 data model) for one badge: not a
    conformant Open Badges proof (no resolvable issuer, verified only by this site's page)."""
    return {
        "@context": OB3_CONTEXT,
        "id": f"urn:diagnum:attestation:{attestation['id']}:{badge['parcours']}:{badge['id']}",
        "type": ["VerifiableCredential", "OpenBadgeCredential"],
        "kind": BADGE_KIND, "mention": MENTION,
        "issuer": {"id": f"urn:diagnum:centre:{attestation['centre']}", "type": ["Profile"],
                   "name": attestation["centre_name"]},
        "validFrom": f"{attestation['date']}T00:00:00Z",
        "name": badge["title"],
        "credentialSubject": {
            "type": ["AchievementSubject"],
            "identifier": [{"type": "IdentityObject", "identityType": "name", "hashed": False,
                            "identityHash": attestation["name"]}],
            "achievement": {
                "id": f"urn:diagnum:badge:{badge['parcours']}:{badge['id']}",
                "type": ["Achievement"], "name": badge["title"],
                "description": description or badge["title"],
                "criteria": {"narrative": f"Badge du parcours « {badge['parcours']} » obtenu "
                                          f"dans le profil, confirmé par une certification "
                                          f"blanche (session {attestation['session']}, taux de "
                                          f"reproductibilité {attestation['rate']} %)."}}},
    }
