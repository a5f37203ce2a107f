"""Campaigns a centre declares in its content (content/campagnes/*.yaml), checked like the rest.

A centre that builds its own site can print campaign codes once and for all::

    nom: Atelier du mardi
    code: KXRTPM248            # made in the « Espace médiateur » for this parcours
    parcours: bases-du-numerique
    objectif: evaluer          # or « collecter » (then no parcours); « evaluer » if absent
    identifiant: Numéro de dossier     # optional
    texte_accueil: …                   # optional
    texte_resultats: …                 # optional

Every problem is reported with its file and line; the campaigns go to ``data/campagnes.json``,
where the mediator's page (and the participant's) find them. Also checked here: no two parcours
of the site share a number in campaign codes (``campaigns.codes.parcours_slot``).
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

from campaigns import codes
from campaigns.mediator import MAX_LABEL, MAX_NAME, MAX_TEXT, with_link

from .content import Content, _read_yaml
from .diagnostics import Problems

FIELDS = {"nom": MAX_NAME, "code": 20, "parcours": 100, "objectif": 20, "identifiant": MAX_LABEL,
          "texte_accueil": MAX_TEXT, "texte_resultats": MAX_TEXT}
GOALS = {"evaluer": "evaluer", "évaluer": "evaluer", "collecter": "collecter"}


def _line(data: Any, key: str) -> int:
    line_of = getattr(data, "line_of", None)
    return line_of(key) if line_of else 1


def load_campaigns(root: Path, content: Content, problems: Problems) -> list[dict[str, Any]]:
    """The declared campaigns, each checked; problems go to ``problems`` with file:line."""
    _check_slots(content, problems)
    folder = root / "campagnes"
    out: list[dict[str, Any]] = []
    seen: dict[str, Path] = {}
    profiles = {p.id for p in content.profiles}
    for path in sorted(folder.glob("*.yaml")) if folder.is_dir() else ():
        data = _read_yaml(path, problems, "une campagne (nom, code, parcours)")
        if data is None:
            continue
        if not isinstance(data, dict):
            problems.error(path, 1, "doit décrire une campagne (nom, code, parcours)")
            continue
        before = len(problems.errors)
        for key in data:
            if key not in FIELDS:
                problems.error(path, _line(data, key), f"champ inconnu « {key} » (champs possibles "
                               f": {', '.join(FIELDS)})")
        values = {}
        for key, limit in FIELDS.items():
            value = data.get(key)
            if value is None:
                continue
            if not isinstance(value, str) or not value.strip():
                problems.error(path, _line(data, key), f"« {key} » doit être un texte")
            elif len(value) > limit:
                problems.error(path, _line(data, key), f"« {key} » est trop long ({len(value)} "
                               f"caractères, {limit} au plus)")
            else:
                values[key] = value.strip()
        goal = GOALS.get(values.get("objectif", "evaluer"))
        if goal is None:
            problems.error(path, _line(data, "objectif"), "« objectif » vaut « evaluer » ou "
                                                           "« collecter »")
        for key in ("nom", "code"):
            if key not in data:
                problems.error(path, 1, f"champ « {key} » manquant")
        parcours = values.get("parcours")
        if goal == "evaluer" and "parcours" not in data:
            problems.error(path, 1, "champ « parcours » manquant (le parcours que la campagne "
                                    "évalue)")
        if goal == "collecter" and parcours:
            problems.error(path, _line(data, "parcours"), "une campagne « collecter » n'a pas "
                                                           "de parcours")
        # A parcours whose own file is broken has its own message: no second, misleading one.
        broken = parcours and (content.referential_dir / "parcours" / f"{parcours}.yaml").exists()
        if parcours and parcours not in profiles and not broken:
            problems.error(path, _line(data, "parcours"), f"parcours inconnu « {parcours} » "
                           f"(parcours du site : {', '.join(sorted(profiles))})")
        code_text = values.get("code")
        if code_text:
            try:
                code = codes.decode(code_text)
            except codes.CodeError as exc:
                problems.error(path, _line(data, "code"), str(exc))
            else:
                normal = codes.normalise(code_text)
                if goal and code.goal != goal:
                    problems.error(path, _line(data, "code"), "ce code a été fait pour une "
                                   "campagne « " + code.goal + " » : créez la campagne dans "
                                   "l'Espace médiateur et recopiez son code")
                elif parcours in profiles and code.slot != codes.parcours_slot(parcours):
                    problems.error(path, _line(data, "code"), f"ce code a été fait pour un autre "
                                   f"parcours que « {parcours} » : créez la campagne dans "
                                   f"l'Espace médiateur et recopiez son code")
                if normal in seen:
                    problems.error(path, _line(data, "code"), f"le code {normal} est déjà celui "
                                   f"de {problems.rel(seen[normal])}")
                seen[normal] = path
        if len(problems.errors) == before and goal and (parcours in profiles or not parcours):
            out.append(with_link({
                "code": codes.normalise(values["code"]), "name": values["nom"], "goal": goal,
                "parcours": parcours if goal == "evaluer" else None, "selection": None,
                "external_id_label": values.get("identifiant", ""),
                "landing_text": values.get("texte_accueil", ""),
                "result_text": values.get("texte_resultats", ""),
                "created": "", "declared": True}))
    return out


def _check_slots(content: Content, problems: Problems) -> None:
    """A campaign code names its parcours by a number: two parcours must not share one."""
    taken: dict[int, Any] = {}
    for profile in sorted(content.profiles, key=lambda p: p.id):
        slot = codes.parcours_slot(profile.id)
        if slot in taken:
            problems.error(profile.path, 1, f"le parcours « {profile.id} » a le même numéro dans "
                           f"les codes de campagne que « {taken[slot].id} » ({slot}) : "
                           f"renommez l'un des deux fichiers")
        taken[slot] = profile


def write_campaigns(dest: Path, campaigns: list[dict[str, Any]]) -> str:
    """Write ``data/campagnes.json``; its URL with a content hash (cache busting)."""
    text = json.dumps(campaigns, ensure_ascii=False, separators=(",", ":"))
    (dest / "data" / "campagnes.json").write_text(text, encoding="utf-8")
    return f"data/campagnes.json?v={hashlib.sha256(text.encode()).hexdigest()[:10]}"
