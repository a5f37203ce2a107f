"""A centre's public key: read (SPKI in base64, or a JWK), checked, and named by its thumbprint.

The mediator's page shows the key as SPKI DER in base64 (one line to paste in content/centres.yaml);
the builder checks it here and publishes it as a JWK, with its key id, the JWK thumbprint
(RFC 7638, SHA-256, base64url) that every signature's header names.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import json
from typing import Any

# DER prefix of an uncompressed P-256 public key in a SubjectPublicKeyInfo (id-ecPublicKey,
# prime256v1), then 0x04 ‖ X ‖ Y.
SPKI_PREFIX = bytes.fromhex("3059301306072a8648ce3d020106082a8648ce3d030107034200")
_P = 2 ** 256 - 2 ** 224 + 2 ** 192 + 2 ** 96 - 1
_B = 0x5AC635D8AA3A93E7B3EBBD55769886BC651D06B0CC53B0F63BCE3C3E27D2604B


class PublicKeyError(ValueError):
    """A public key that cannot be used, in French."""


def b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).decode().rstrip("=")


def unb64url(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def _on_curve(x: int, y: int) -> bool:
    return x < _P and y < _P and (y * y - (x * x * x - 3 * x + _B)) % _P == 0


def jwk_from_spki(text: str) -> dict[str, str]:
    """The JWK of a base64 SPKI P-256 public key; PublicKeyError in French if it is not one."""
    try:
        der = base64.b64decode("".join(text.split()), validate=True)
    except (binascii.Error, ValueError) as exc:
        raise PublicKeyError("la clé publique n'est pas du base64 (recopiez le bloc affiché par "
                        "l'Espace médiateur, sans le couper)") from exc
    if len(der) != len(SPKI_PREFIX) + 65 or not der.startswith(SPKI_PREFIX + b"\x04"):
        raise PublicKeyError("ce n'est pas une clé publique ECDSA P-256 (recopiez le bloc affiché "
                        "par l'Espace médiateur, en entier)")
    point = der[len(SPKI_PREFIX) + 1:]
    x, y = point[:32], point[32:]
    if not _on_curve(int.from_bytes(x, "big"), int.from_bytes(y, "big")):
        raise PublicKeyError("cette clé publique est abîmée (le point n'est pas sur la courbe P-256)")
    return {"kty": "EC", "crv": "P-256", "x": b64url(x), "y": b64url(y)}


def spki_from_jwk(jwk: dict[str, Any]) -> str:
    check_jwk(jwk)
    return base64.b64encode(SPKI_PREFIX + b"\x04" + unb64url(jwk["x"])
                            + unb64url(jwk["y"])).decode()


def check_jwk(jwk: Any) -> dict[str, str]:
    """The public part of a P-256 JWK, checked (a private ``d`` is never kept)."""
    try:
        assert jwk["kty"] == "EC" and jwk["crv"] == "P-256"
        x, y = unb64url(jwk["x"]), unb64url(jwk["y"])
        assert len(x) == 32 and len(y) == 32
        assert _on_curve(int.from_bytes(x, "big"), int.from_bytes(y, "big"))
    except (AssertionError, KeyError, TypeError, ValueError, binascii.Error) as exc:
        raise PublicKeyError("ce n'est pas une clé publique ECDSA P-256 valide") from exc
    return {"kty": "EC", "crv": "P-256", "x": jwk["x"], "y": jwk["y"]}


def thumbprint(jwk: dict[str, Any]) -> str:
    """RFC 7638: SHA-256 of the required members in lexicographic order, base64url."""
    key = check_jwk(jwk)
    text = json.dumps({"crv": key["crv"], "kty": key["kty"], "x": key["x"], "y": key["y"]},
                      separators=(",", ":"), sort_keys=True)
    return b64url(hashlib.sha256(text.encode()).digest())


def yaml_block(centre_id: str, name: str, jwk: dict[str, Any]) -> str:
    """What the mediator pastes into content/centres.yaml."""
    quoted = json.dumps(name, ensure_ascii=False)
    return (f"- id: {centre_id}\n  nom: {quoted}\n  cle_publique: {spki_from_jwk(jwk)}\n")
