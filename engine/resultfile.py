"""The result file: one versioned JSON document for every tool that reads or writes results.

The learner's export, the mediator's import, calibration and the attestation all read and write
this one shape (see docs/result-file.md). It is declared once, here, as plain data; from that
declaration come both the validator the engine runs (French problems with JSON paths, every
problem at once) and the JSON Schema published in docs/result-file.schema.json, so the two cannot
drift apart (tests/test_result_file.py checks both on the same documents).

Regular expressions are written so that Python's ``re.search`` and ECMA-262 read them alike: they
are anchored with ``^`` and with ``(?![\\s\\S])`` (end of text) rather than ``$``, which Python
lets match before a final line break.
"""

from __future__ import annotations

import functools
import json
import math
import re
from dataclasses import dataclass, field
from typing import Any

from .errors import EngineError

FORMAT = "diagnum-resultats"
VERSION = 1
SCHEMA_ID = "urn:diagnum:result-file.schema.json"

END = r"(?![\s\S])"
MAX_TEXT = 200                # a title, a nickname, an external id
MAX_RESPONSE = 1000           # one typed answer (the page and the engine limit it too)
MAX_RECORDS = 5000
MAX_ANSWERS = 2000            # a full 16-competence profile asks about 200 questions today
MAX_FILE_CHARS = 50_000_000

ID = f"^[a-z0-9][a-z0-9-]{{0,99}}{END}"
SKILL_ID = f"^@[a-z0-9]+(-[a-z0-9]+)*{END}"
COMPETENCE_ID = f"^[1-9][.][1-9][0-9]?{END}"
DATE = (f"^[0-9]{{4}}-[0-9]{{2}}-[0-9]{{2}}T[0-9]{{2}}:[0-9]{{2}}:[0-9]{{2}}([.][0-9]{{1,6}})?"
        f"(Z|[+-][0-9]{{2}}:[0-9]{{2}}){END}")
RECORD_ID = f"^[0-9a-f]{{16}}{END}"
VERSION_TEXT = f"^[A-Za-z0-9._-]{{1,64}}{END}"
RESPONSE_KEY = f"^[A-Za-z0-9_-]{{1,50}}{END}"
CAMPAIGN_CODE = f"^[A-Z0-9]{{1,32}}{END}"

STATUSES = ("finished", "interrupted", "replaced", "content-changed")
ANSWER_STATUSES = ("ok", "ko", "skipped", "recorded")


# --------------------------------------------------------------------------- the declaration kit
class Spec:
    def check(self, value: Any, path: str, out: list[str]) -> None:
        raise NotImplementedError

    def schema(self) -> dict[str, Any]:
        raise NotImplementedError

    json_type = ""


def _where(path: str) -> str:
    return path or "(document)"


def _is_int(value: Any) -> bool:
    """An integer as JSON Schema counts them: 3 and 3.0 alike, never true or false."""
    if isinstance(value, float):
        return math.isfinite(value) and value.is_integer()
    return isinstance(value, int) and not isinstance(value, bool)


def _is_number(value: Any) -> bool:
    return (_is_int(value) or isinstance(value, float)) and math.isfinite(value)


def _type_of(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, (int, float)):
        return "number"
    if isinstance(value, str):
        return "string"
    if isinstance(value, list):
        return "array"
    return "object" if isinstance(value, dict) else "other"


# Compiled once per pattern: a thousand files check a quarter of a million strings.
_regex = functools.cache(re.compile)


@dataclass
class Text(Spec):
    max_length: int = MAX_TEXT
    pattern: str | None = None
    hint: str = ""
    min_length: int = 1
    json_type = "string"

    def check(self, value: Any, path: str, out: list[str]) -> None:
        if not isinstance(value, str):
            out.append(f"{_where(path)} : texte attendu")
        elif len(value) < self.min_length:
            out.append(f"{_where(path)} : texte vide")
        elif len(value) > self.max_length:
            out.append(f"{_where(path)} : texte trop long ({len(value)} caractères, "
                       f"{self.max_length} au plus)")
        elif self.pattern and not _regex(self.pattern).search(value):
            out.append(f"{_where(path)} : « {value[:60]} » n'a pas le format attendu "
                       f"({self.hint or self.pattern})")

    def schema(self) -> dict[str, Any]:
        out: dict[str, Any] = {"type": "string", "minLength": self.min_length,
                               "maxLength": self.max_length}
        if self.pattern:
            out["pattern"] = self.pattern
        return out


@dataclass
class Choice(Spec):
    values: tuple[Any, ...]

    @property
    def json_type(self) -> str:  # type: ignore[override]
        return _type_of(self.values[0])

    def check(self, value: Any, path: str, out: list[str]) -> None:
        # As JSON Schema: 1 and 1.0 are equal, true is not 1.
        if not any(isinstance(value, bool) == isinstance(v, bool) and value == v
                   for v in self.values):
            shown = ", ".join(json.dumps(v, ensure_ascii=False) for v in self.values)
            out.append(f"{_where(path)} : valeur {json.dumps(value, ensure_ascii=False)[:60]} "
                       f"inattendue (possible : {shown})")

    def schema(self) -> dict[str, Any]:
        if len(self.values) == 1:
            return {"const": self.values[0]}
        return {"enum": list(self.values)}


@dataclass
class Integer(Spec):
    minimum: int
    maximum: int
    json_type = "number"

    def check(self, value: Any, path: str, out: list[str]) -> None:
        if not _is_int(value):
            out.append(f"{_where(path)} : nombre entier attendu")
        elif not self.minimum <= value <= self.maximum:
            out.append(f"{_where(path)} : {value} hors des limites ({self.minimum} à "
                       f"{self.maximum})")

    def schema(self) -> dict[str, Any]:
        return {"type": "integer", "minimum": self.minimum, "maximum": self.maximum}


@dataclass
class Number(Spec):
    minimum: float
    maximum: float
    json_type = "number"

    def check(self, value: Any, path: str, out: list[str]) -> None:
        if not _is_number(value):
            out.append(f"{_where(path)} : nombre attendu")
        elif not self.minimum <= value <= self.maximum:
            out.append(f"{_where(path)} : {value} hors des limites ({self.minimum} à "
                       f"{self.maximum})")

    def schema(self) -> dict[str, Any]:
        return {"type": "number", "minimum": self.minimum, "maximum": self.maximum}


@dataclass
class Boolean(Spec):
    json_type = "boolean"

    def check(self, value: Any, path: str, out: list[str]) -> None:
        if not isinstance(value, bool):
            out.append(f"{_where(path)} : vrai ou faux attendu (true ou false)")

    def schema(self) -> dict[str, Any]:
        return {"type": "boolean"}


@dataclass
class Null(Spec):
    json_type = "null"

    def check(self, value: Any, path: str, out: list[str]) -> None:
        if value is not None:
            out.append(f"{_where(path)} : null attendu")

    def schema(self) -> dict[str, Any]:
        return {"type": "null"}


@dataclass
class Array(Spec):
    item: Spec
    max_items: int
    min_items: int = 0
    unique: bool = False
    json_type = "array"

    def check(self, value: Any, path: str, out: list[str]) -> None:
        if not isinstance(value, list):
            out.append(f"{_where(path)} : liste attendue")
            return
        if len(value) < self.min_items:
            out.append(f"{_where(path)} : au moins {self.min_items} élément(s) attendu(s)")
        if len(value) > self.max_items:
            out.append(f"{_where(path)} : trop d'éléments ({len(value)}, {self.max_items} au plus)")
            return
        for index, item in enumerate(value):
            self.item.check(item, f"{path}[{index}]", out)
        if self.unique:
            seen = [json.dumps(v, sort_keys=True) for v in value]
            if len(set(seen)) != len(seen):
                out.append(f"{_where(path)} : un élément est répété")

    def schema(self) -> dict[str, Any]:
        out = {"type": "array", "items": self.item.schema(), "minItems": self.min_items,
               "maxItems": self.max_items}
        if self.unique:
            out["uniqueItems"] = True
        return out


@dataclass
class Mapping(Spec):
    """An object whose keys are free (within a pattern), all values of one kind."""

    key_pattern: str
    value: Spec
    max_properties: int
    json_type = "object"

    def check(self, value: Any, path: str, out: list[str]) -> None:
        if not isinstance(value, dict):
            out.append(f"{_where(path)} : objet attendu")
            return
        if len(value) > self.max_properties:
            out.append(f"{_where(path)} : trop de champs ({len(value)}, "
                       f"{self.max_properties} au plus)")
            return
        for key, item in value.items():
            if not _regex(self.key_pattern).search(key):
                out.append(f"{_where(path)} : nom de champ « {key[:60]} » invalide")
            else:
                self.value.check(item, f"{path}.{key}", out)

    def schema(self) -> dict[str, Any]:
        return {"type": "object", "maxProperties": self.max_properties,
                "propertyNames": {"pattern": self.key_pattern},
                "additionalProperties": self.value.schema()}


@dataclass
class Object(Spec):
    required: dict[str, Spec]
    optional: dict[str, Spec] = field(default_factory=dict)
    description: str = ""
    json_type = "object"

    def check(self, value: Any, path: str, out: list[str]) -> None:
        if not isinstance(value, dict):
            out.append(f"{_where(path)} : objet attendu")
            return
        known = {**self.required, **self.optional}
        for key in value:
            if key not in known:
                out.append(f"{_where(path)} : champ inconnu « {str(key)[:60]} »")
        for key in self.required:
            if key not in value:
                out.append(f"{_where(path)} : champ obligatoire manquant « {key} »")
        for key, spec in known.items():
            if key in value:
                spec.check(value[key], f"{path}.{key}" if path else key, out)

    def schema(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        if self.description:
            out["description"] = self.description
        out.update({"type": "object",
                    "properties": {k: s.schema() for k, s in {**self.required,
                                                              **self.optional}.items()},
                    "required": list(self.required), "additionalProperties": False})
        return out


@dataclass
class AnyOf(Spec):
    """One of several kinds, told apart by their JSON type (so at most one can match)."""

    options: tuple[Spec, ...]
    expected: str

    def check(self, value: Any, path: str, out: list[str]) -> None:
        kind = _type_of(value)
        for option in self.options:
            if option.json_type == kind:
                option.check(value, path, out)
                return
        out.append(f"{_where(path)} : {self.expected} attendu")

    def schema(self) -> dict[str, Any]:
        return {"anyOf": [o.schema() for o in self.options]}


# --------------------------------------------------------------------------- the result file
RESPONSE = AnyOf((Null(), Text(MAX_RESPONSE, min_length=0),
                  Array(Text(MAX_RESPONSE, min_length=0), max_items=50),
                  Mapping(RESPONSE_KEY, Text(MAX_RESPONSE, min_length=0), max_properties=50)),
                 expected="réponse (null, texte, liste de textes ou objet de textes)")

ANSWER = Object(description="One question asked, as it was asked and answered.", required={
    "challenge": Text(100, ID, "minuscules, chiffres et tirets"),
    "skill": Text(64, SKILL_ID, "« @ » puis minuscules, chiffres et tirets"),
    "tube": Text(100, ID, "minuscules, chiffres et tirets"),
    "competence": Text(5, COMPETENCE_ID, "un code comme 4.1"),
    "level": Integer(1, 8),
    "type": Text(32, f"^[A-Za-z0-9-]+{END}", "un nom de type d'épreuve"),
    "status": Choice(ANSWER_STATUSES),
    "correct": Boolean(),
    "response": RESPONSE,
})

SKILL_LIST = Array(Text(64, SKILL_ID, "« @ » puis minuscules, chiffres et tirets"),
                   max_items=500, unique=True)

COMPETENCE_RESULT = Object(description="What was scored in one competence.", required={
    "id": Text(5, COMPETENCE_ID, "un code comme 4.1"),
    "level": Integer(0, 8),
    "max_level": Integer(0, 8),
    "pix": Integer(0, 64),
    "probability": Number(0, 1),
    "asked": Integer(0, MAX_ANSWERS),
    "correct": Integer(0, MAX_ANSWERS),
    "complete": Boolean(),
    "validated": SKILL_LIST,
    "failed": SKILL_LIST,
})

PROFILE_RESULT = Object(description="For a test on a target profile (parcours).", required={
    "id": Text(100, ID, "minuscules, chiffres et tirets"),
    "mastery": Integer(0, 100),
    "badges": Array(Text(100, ID, "minuscules, chiffres et tirets"), max_items=100, unique=True),
    "stage": AnyOf((Null(), Object(required={"index": Integer(0, 100),
                                             "title": Text(MAX_TEXT)})),
                   expected="palier (null ou objet)"),
})

RECORD = Object(description="One test, self-contained: readable without today's content.",
                required={
    "id": Text(16, RECORD_ID, "16 chiffres hexadécimaux"),
    "status": Choice(STATUSES),
    "started_at": Text(40, DATE, "une date ISO 8601 comme 2026-12-07T15:00:00Z"),
    "finished_at": Text(40, DATE, "une date ISO 8601 comme 2026-12-07T15:00:00Z"),
    "referential": Object(required={"version": Text(64, VERSION_TEXT, "lettres et chiffres")}),
    "engine": Object(required={"version": Text(64, VERSION_TEXT, "lettres et chiffres"),
                               "state_format": Integer(1, 1000)}),
    "seed": Integer(0, 2 ** 53 - 1),
    "profile": AnyOf((Null(), PROFILE_RESULT), expected="parcours (null ou objet)"),
    "answers": Array(ANSWER, max_items=MAX_ANSWERS),
    "competences": Array(COMPETENCE_RESULT, max_items=64),
    "pix": Integer(0, 64 * 64),
})

RESULT_FILE = Object(description="Diagnum result file, version 1 (see docs/result-file.md).",
                     required={
    "format": Choice((FORMAT,)),
    "version": Choice((VERSION,)),
    "created": Text(40, DATE, "une date ISO 8601 comme 2026-12-07T15:00:00Z"),
    "app": Text(100),
    "records": Array(RECORD, max_items=MAX_RECORDS, min_items=1),
}, optional={
    "nickname": Text(100),
    "campaign": Object(required={"code": Text(32, CAMPAIGN_CODE, "majuscules et chiffres")},
                       optional={"external_id": Text(MAX_TEXT)}),
})


def validate_result_file(data: Any) -> list[str]:
    """Every problem of a parsed result file, in French, each with its JSON path; [] if valid."""
    problems: list[str] = []
    RESULT_FILE.check(data, "", problems)
    return problems


def validate_record(record: Any, path: str = "record") -> list[str]:
    """The problems of one record alone (as the protocol hands it to the page)."""
    problems: list[str] = []
    RECORD.check(record, path, problems)
    return problems


# The dialect's identifier that JSON Schema requires in « $schema »: validators compare it as a
# string; nothing ever fetches it (the schemas are published files of docs/, not of the site).
JSON_SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema"


def json_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of the result file, as published in docs/."""
    return {"$schema": JSON_SCHEMA_DIALECT, "$id": SCHEMA_ID,
            "title": "Diagnum — fichier de résultats", **RESULT_FILE.schema()}


def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in pairs:
        if key in out:
            raise ValueError(f"le champ « {key} » apparaît deux fois dans le même objet")
        out[key] = value
    return out


def _no_constant(name: str) -> Any:
    raise ValueError(f"valeur « {name} » interdite en JSON")


MAX_DEPTH = 32   # a result file nests 6 deep; Pyodide's stack dies (fatally) near 1 000
_STRING = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"')
_BRACKETS = re.compile(r"[\[\]{}]")


def nesting_depth(text: str) -> int:
    """How deep the JSON's brackets go, strings aside: checked before parsing, because a
    hostile file nested 100 000 deep exhausts the WebAssembly stack, which Python cannot catch."""
    depth = deepest = 0
    for bracket in _BRACKETS.findall(_STRING.sub("", text)):
        depth += 1 if bracket in "[{" else -1
        deepest = max(deepest, depth)
    return deepest


def read_json(text: str, code: str, unreadable: str) -> Any:
    """A file's JSON, read strictly (no nesting deeper than ``MAX_DEPTH``, checked before
    parsing; no key twice; no NaN): any problem raises EngineError(``code``), in French,
    ``unreadable`` followed by why. Shared by every file a person hands over."""
    if nesting_depth(text) > MAX_DEPTH:
        raise EngineError(code, f"{unreadable} (structure imbriquée beaucoup trop profondément).")
    try:
        return json.loads(text.lstrip("\ufeff"), object_pairs_hook=_no_duplicates,
                          parse_constant=_no_constant)
    except json.JSONDecodeError as exc:
        raise EngineError(code, f"{unreadable} (JSON invalide ligne {exc.lineno}, "
                                f"colonne {exc.colno}).") from None
    except (ValueError, RecursionError) as exc:
        raise EngineError(code, f"{unreadable} ({exc}).") from None


def parse_result_file(text: str) -> dict[str, Any]:
    """Read and validate a result file; anything wrong raises EngineError in French."""
    if len(text) > MAX_FILE_CHARS:
        raise EngineError("result-file-too-large", "Ce fichier de résultats est trop gros.")
    data = read_json(text, "result-file-unreadable",
                     "Ce fichier n'est pas un fichier de résultats lisible")
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise EngineError("result-file-foreign",
                          "Ce fichier n'est pas un fichier de résultats Diagnum.")
    if data.get("version") != VERSION:
        raise EngineError("result-file-version",
                          f"Ce fichier de résultats est d'une version que ce site ne connaît pas "
                          f"({json.dumps(data.get('version'))[:20]}).")
    problems = validate_result_file(data)
    if problems:
        shown = "\n".join(problems[:20])
        more = f"\n… et {len(problems) - 20} autre(s) problème(s)" if len(problems) > 20 else ""
        raise EngineError("result-file-invalid",
                          f"Ce fichier de résultats est abîmé :\n{shown}{more}")
    return data
