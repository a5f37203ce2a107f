"""The centres whose attestations the site verifies (content/centres.yaml), checked like the rest.

A centre's mediator pastes the block its « Espace médiateur » shows::

    - id: centre-des-tilleuls
      nom: "Centre social des Tilleuls"
      cle_publique: MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAE…

A centre may list several keys (one entry each, same ``id`` and ``nom``): a centre that had to
make a new key keeps its old attestations verifiable. Every problem is reported with its file and
line; the keys go to ``data/centres.json`` (id, name, the key as a JWK and its key id), where
« Vérifier une attestation » finds them.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

from certification.attestation import CENTRE_ID
from certification.centres import PublicKeyError, jwk_from_spki, thumbprint

from .content import _read_yaml
from .diagnostics import Problems
from .yamlfile import line_of

FILE = "centres.yaml"
FIELDS = ("id", "nom", "cle_publique")


def load_centres(root: Path, problems: Problems) -> list[dict[str, Any]]:
    """The listed centres, each checked; problems go to ``problems`` with file:line."""
    path = root / FILE
    if not path.is_file():
        return []
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError):
        lines = ["?"]  # _read_yaml says what is wrong
    if all(not line.strip() or line.lstrip().startswith("#") for line in lines):
        return []  # comments only: no centre yet
    data = _read_yaml(path, problems, "la liste des centres (id, nom, cle_publique)")
    if data is None:
        return []
    if not isinstance(data, list):
        problems.error(path, line_of(data, 1), "doit être une liste de centres, chacun "
                       "commençant par « - id: »")
        return []
    out: list[dict[str, Any]] = []
    names: dict[str, tuple[str, int]] = {}
    kids: dict[str, str] = {}
    for item in data:
        line = line_of(item, 1)
        if not isinstance(item, dict):
            problems.error(path, line, "chaque centre a un id, un nom et une cle_publique")
            continue
        before = len(problems.errors)
        for key in item:
            if key not in FIELDS:
                problems.error(path, item.line_of(key), f"champ inconnu « {key} » (champs "
                               f"possibles : {', '.join(FIELDS)})")
        for key in FIELDS:
            if key not in item:
                problems.error(path, line, f"champ « {key} » manquant")
            elif not isinstance(item[key], str) or not item[key].strip():
                problems.error(path, item.line_of(key), f"« {key} » doit être un texte")
        centre_id = item.get("id")
        if isinstance(centre_id, str) and centre_id and not CENTRE_ID.fullmatch(centre_id):
            problems.error(path, item.line_of("id"), f"identifiant « {centre_id} » : "
                           "minuscules, chiffres et tirets (2 à 64 caractères)")
        name = item.get("nom")
        if (isinstance(centre_id, str) and centre_id in names and isinstance(name, str)
                and name.strip() != names[centre_id][0]):
            problems.error(path, item.line_of("nom"), f"le centre « {centre_id} » s'appelle "
                           f"« {names[centre_id][0]} » ligne {names[centre_id][1]} : une autre "
                           f"clé du même centre garde le même nom")
        if isinstance(name, str) and len(name) > 100:
            problems.error(path, item.line_of("nom"), f"« nom » est trop long ({len(name)} "
                           "caractères, 100 au plus)")
        jwk = None
        key_text = item.get("cle_publique")
        if isinstance(key_text, str) and key_text.strip():
            try:
                jwk = jwk_from_spki(key_text)
            except PublicKeyError as exc:
                problems.error(path, item.line_of("cle_publique"), f"« cle_publique » : {exc}")
        kid = thumbprint(jwk) if jwk else None
        if kid and kid in kids:
            problems.error(path, item.line_of("cle_publique"), f"cette clé publique est déjà "
                           f"celle du centre « {kids[kid]} » : chaque centre a sa clé")
        if len(problems.errors) == before and jwk:
            names.setdefault(centre_id, (name.strip(), line))
            kids[kid] = centre_id
            out.append({"id": centre_id, "name": name.strip(), "kid": kid, "jwk": jwk})
    return out


def write_centres(dest: Path, centres: list[dict[str, Any]]) -> str:
    """Write ``data/centres.json``; its URL with a content hash (cache busting)."""
    text = json.dumps(centres, ensure_ascii=False, separators=(",", ":"))
    (dest / "data" / "centres.json").write_text(text, encoding="utf-8")
    return f"data/centres.json?v={hashlib.sha256(text.encode()).hexdigest()[:10]}"
