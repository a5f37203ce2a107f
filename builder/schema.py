"""A tiny declarative schema for content files: validate, convert, and report every problem.

Each ``Field`` converts a YAML value (always text, see ``yamlfile``) to its Python value, or
reports why it cannot, with the value's line. Unknown keys are errors too: a typo such as
``reponce:`` must not silently drop a solution.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from .yamlfile import LDict, LList, LStr, line_of

Report = Callable[[int, str], None]


@dataclass
class Field:
    kind: str = "str"             # str | int | bool | list | map | any
    required: bool = False
    default: Any = None
    choices: tuple[str, ...] = ()
    pattern: str | None = None
    pattern_hint: str = ""
    minimum: int | None = None
    maximum: int | None = None
    item: Field | None = None      # for lists
    fields: dict[str, Field] | None = None   # for maps
    min_items: int = 0
    nonempty: bool = True

    def convert(self, value: Any, name: str, report: Report, line: int) -> Any:
        line = line_of(value, line)
        if self.kind == "any":
            return value
        if self.kind == "map":
            if not isinstance(value, dict):
                report(line, f"« {name} » doit être une liste de champs (clé: valeur)")
                return None
            return validate_map(value, self.fields or {}, report, name)
        if self.kind == "list":
            if isinstance(value, str) and self.item and self.item.kind != "map":
                value = _as_list(value)
            if not isinstance(value, list):
                report(line, f"« {name} » doit être une liste")
                return None
            if len(value) < self.min_items:
                report(line, f"« {name} » doit avoir au moins {self.min_items} élément(s)")
            item = self.item or Field()
            return [item.convert(v, f"{name}[{i + 1}]", report, line) for i, v in enumerate(value)]
        if isinstance(value, dict):
            report(line, f"« {name} » doit être un texte : s'il contient « : » suivi d'une "
                         "espace, mettez-le entre guillemets")
            return None
        if isinstance(value, list):
            report(line, f"« {name} » doit être une valeur simple, pas une liste")
            return None
        text = str(value).strip()
        if self.kind == "int":
            if not re.fullmatch(r"[+-]?\d+", text):
                report(line, f"« {name} » doit être un nombre entier, pas « {text} »")
                return None
            number = int(text)
            if (self.minimum is not None and number < self.minimum) or (
                    self.maximum is not None and number > self.maximum):
                report(line, f"« {name} » doit être entre {self.minimum} et {self.maximum}, "
                             f"pas {number}")
                return None
            return number
        if self.kind == "bool":
            lowered = text.lower()
            if lowered in ("oui", "true", "vrai", "yes"):
                return True
            if lowered in ("non", "false", "faux", "no"):
                return False
            report(line, f"« {name} » doit valoir oui ou non, pas « {text} »")
            return None
        if self.nonempty and not text:
            report(line, f"« {name} » est vide")
            return None
        if self.choices and text not in self.choices:
            report(line, f"« {name} » vaut « {text} » ; valeurs possibles : "
                         + ", ".join(self.choices))
            return None
        if self.pattern and not re.fullmatch(self.pattern, text):
            report(line, f"« {name} » vaut « {text} » : {self.pattern_hint or 'format invalide'}")
            return None
        out = LStr(str(value).rstrip("\n") if "\n" in str(value) else text)
        out.line = line
        return out


def _as_list(text: str) -> LList:
    out = LList([text])
    out.line = line_of(text)
    return out


def validate_map(data: dict, spec: dict[str, Field], report: Report,
                 context: str = "") -> dict[str, Any]:
    """Validate a mapping against ``spec``; returns the converted values (None where invalid)."""
    lines = data.key_lines if isinstance(data, LDict) else {}
    base = line_of(data)
    out: dict[str, Any] = {}
    where = f" dans « {context} »" if context else ""
    for key in data:
        if key not in spec:
            report(lines.get(key, base), f"champ inconnu « {key} »{where} (champs possibles : "
                                         + ", ".join(spec) + ")")
    for key, fld in spec.items():
        if key not in data or data[key] is None or (data[key] == "" and fld.kind != "str"):
            if fld.required:
                report(base, f"champ obligatoire manquant : « {key} »{where}")
            out[key] = fld.default
            continue
        out[key] = fld.convert(data[key], key, report, lines.get(key, base))
    return out


# At most 100 characters: results carry these ids (engine/resultfile.py has the same bounds).
ID_PATTERN = r"(?=.{1,100}$)[a-z0-9][a-z0-9-]*"
TUBE_PATTERN = r"(?=.{2,100}$)[a-z][a-z0-9-]*[a-z]"
# A skill id is permanent (docs/ids.md): written once in the content, never computed, never reused.
SKILL_ID_PATTERN = r"(?=.{2,64}$)@[a-z0-9]+(?:-[a-z0-9]+)*"
SKILL_ID_HINT = ("« @ » suivi de minuscules, chiffres et tirets (64 caractères au plus), entre "
                 "guillemets (ex. \"@mots-cles2\")")
# In a tutorial's header: a skill, or a skill and a section of this tutorial ("@mots-cles4#operateurs").
SKILL_REF_PATTERN = r"(?=[^#]{2,64}(?:#|$))@[a-z0-9]+(?:-[a-z0-9]+)*(?:#[a-z0-9][a-z0-9-]*)?"
SKILL_REF_HINT = ("un acquis comme \"@mots-cles2\", ou un acquis et une section de ce tutoriel "
                  "comme \"@mots-cles2#les-etapes\"")
CODE_PATTERN = r"[1-9](\.[1-9][0-9]?)?"

def field_from_spec(spec: dict[str, Any]) -> Field:
    """A ``Field`` from the plain-data spec a challenge type declares (``engine.types``)."""
    values = dict(spec)
    if "item" in values:
        values["item"] = field_from_spec(values["item"])
    if "fields" in values:
        values["fields"] = {k: field_from_spec(v) for k, v in values["fields"].items()}
    if "choices" in values:
        values["choices"] = tuple(values["choices"])
    return Field(**values)


DOMAIN = {
    "id": Field(required=True, pattern=r"[1-9]", pattern_hint="un chiffre, entre guillemets"),
    "titre": Field(required=True),
}

COMPETENCE = {
    "id": Field(required=True, pattern=r"[1-9]\.[1-9][0-9]?",
                pattern_hint="un code comme \"4.1\", entre guillemets"),
    "domaine": Field(required=True, pattern=r"[1-9]"),
    "titre": Field(required=True),
    "description": Field(required=True),
    "niveaux": Field(kind="map", required=True, fields={
        "novice": Field(required=True), "independant": Field(required=True),
        "avance": Field(required=True), "expert": Field(required=True)}),
}


# Fields every challenge has, whatever its type; each type adds its own (see engine.types).
TIME_LIMIT_MIN, TIME_LIMIT_MAX = 10, 600

CHALLENGE_COMMON = {
    "id": Field(required=True, pattern=ID_PATTERN,
                pattern_hint="minuscules, chiffres et tirets (ex. mots-de-passe-1a)"),
    "type": Field(required=True),
    "consigne": Field(required=True),
    "pourquoi": Field(required=True),
    "illustration": Field(kind="map", fields={
        "image": Field(required=True), "alt": Field(required=True)}),
    "document": Field(),
    # Common to every type: a retired challenge stays in the content, is never asked again, and
    # stays readable in old results (docs/ids.md).
    "retiree": Field(kind="bool", default=False),
    "remplacee_par": Field(pattern=ID_PATTERN, pattern_hint="l'id d'une autre épreuve"),
    # Seconds allowed in a « certification blanche » (the ordinary test is never timed).
    "temps_limite": Field(kind="int", minimum=TIME_LIMIT_MIN, maximum=TIME_LIMIT_MAX),
}

SKILL = {
    "niveau": Field(kind="int", required=True, minimum=1, maximum=8),
    "id": Field(pattern=SKILL_ID_PATTERN, pattern_hint=SKILL_ID_HINT),
    "intitule": Field(required=True),
    # Each challenge is validated against CHALLENGE_COMMON plus its type's fields.
    "epreuves": Field(kind="list", required=True, min_items=1, item=Field(kind="any")),
}

TUBE = {
    "titre": Field(required=True),
    "description": Field(required=True),
    "acquis": Field(kind="list", required=True, min_items=1, item=Field(kind="map", fields=SKILL)),
}

TUTORIAL = {
    "titre": Field(required=True),
    "resume": Field(required=True),
    "duree": Field(kind="int", required=True, minimum=1, maximum=240),
    "format": Field(required=True, choices=("fiche", "pas-a-pas")),
    "acquis": Field(kind="list", required=True, min_items=1,
                    item=Field(pattern=SKILL_REF_PATTERN,
                               pattern_hint=SKILL_REF_HINT)),
    "en_savoir_plus": Field(kind="list", item=Field(pattern=SKILL_REF_PATTERN,
                                                    pattern_hint="un acquis comme \"@mots-cles3\""),
                            default=[]),
}

PROFILE = {
    "titre": Field(required=True),
    "description": Field(required=True),
    "sujets": Field(kind="list", item=Field(kind="map", fields={
        "sujet": Field(required=True, pattern=TUBE_PATTERN),
        "niveau_max": Field(kind="int", required=True, minimum=1, maximum=8),
        "bloc": Field(),
    }), default=[]),
    "competences": Field(kind="list", item=Field(pattern=r"[1-9]\.[1-9][0-9]?"), default=[]),
    "niveau_max": Field(kind="int", minimum=1, maximum=8, default=8),
    # A short parcours by design (a few questions per competence): exempt from the rule of at
    # least four skills per competence (builder.rules).
    "express": Field(kind="bool", default=False),
    # The engine mode the parcours runs with (engine.config.MODES): « express » shares at most
    # 80 questions among all its competences.
    "moteur": Field(choices=("express",)),
    "blocs": Field(kind="list", item=Field(kind="map", fields={
        "id": Field(required=True, pattern=ID_PATTERN), "titre": Field(required=True),
        "description": Field()}), default=[]),
    "badges": Field(kind="list", item=Field(kind="map", fields={
        "id": Field(required=True, pattern=ID_PATTERN),
        "titre": Field(required=True),
        "description": Field(required=True),
        "seuil": Field(kind="int", required=True, minimum=1, maximum=100),
        "blocs": Field(kind="list", item=Field(pattern=ID_PATTERN), default=[]),
        "seuil_par_bloc": Field(kind="int", minimum=1, maximum=100),
    }), default=[]),
    "paliers": Field(kind="list", item=Field(kind="map", fields={
        "seuil": Field(kind="int", required=True, minimum=0, maximum=100),
        "titre": Field(required=True),
        "message": Field(required=True),
    }), default=[]),
}

