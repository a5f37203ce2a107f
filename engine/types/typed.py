"""What the typed-answer types share: fields, tolerances, formats, and their views."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ..matching import FORMATS, TOLERANCES, field_matches

TOLERANCES_FIELD: dict[str, Any] = {"kind": "list", "item": {"choices": TOLERANCES},
                                    "default": list(TOLERANCES)}
FORMAT_FIELD: dict[str, Any] = {"choices": FORMATS, "default": "texte"}
TEXT_LIST: dict[str, Any] = {"kind": "list", "item": {}}


def field_item(with_answers: bool) -> dict[str, Any]:
    """The YAML spec of one input of a multi-field challenge."""
    fields: dict[str, Any] = {
        "cle": {"required": True, "pattern": r"[a-z][a-z0-9_-]*",
                "pattern_hint": "minuscules, chiffres, - ou _"},
        "libelle": {"required": True},
    }
    if with_answers:
        fields |= {"reponses": {**TEXT_LIST, "min_items": 1}, "refusees": TEXT_LIST,
                   "tolerances": {"kind": "list", "item": {"choices": TOLERANCES}}}
    return {"kind": "list", "required": True, "item": {"kind": "map", "fields": fields}}


@dataclass(frozen=True)
class Field:
    """One input: its key, its label (text), and for independent fields its own answers."""

    key: str
    label: str
    answers: tuple[str, ...] = ()
    tolerances: tuple[str, ...] | None = None
    refused: tuple[str, ...] = ()


@dataclass(frozen=True)
class Typed:
    """A typed-answer challenge: its inputs, format and tolerances; ``groups`` are the accepted
    answers of fields whose order does not matter, ``refused`` their refused answers."""

    fields: tuple[Field, ...]
    format: str = "texte"
    tolerances: tuple[str, ...] = TOLERANCES
    groups: tuple[tuple[str, ...], ...] = ()
    refused: tuple[str, ...] = ()


def parse_typed(record: dict[str, Any], fields: tuple[Field, ...]) -> Typed:
    return Typed(fields, record.get("format", "texte"),
                 tuple(record.get("tolerances", TOLERANCES)),
                 tuple(tuple(g) for g in record.get("groups", ())),
                 tuple(record.get("refused", ())))


def common_record(payload: dict[str, Any]) -> dict[str, Any]:
    return {"format": payload["format"], "tolerances": list(payload["tolerances"])}


def common_payload(values: dict[str, Any]) -> dict[str, Any]:
    return {"format": values.get("format") or "texte", "tolerances": tolerances_of(values)}


def tolerances_of(values: dict[str, Any]) -> list[str]:
    return [t for t in values.get("tolerances") or [] if t]


def strings(items: Any) -> list[str]:
    return [str(a) for a in items or [] if isinstance(a, str) and a]


def load_fields(values: dict[str, Any], report, kind: str) -> list[dict[str, Any]]:
    fields = [f for f in values.get("champs") or [] if f and f.get("cle")]
    keys = [f["cle"] for f in fields]
    if len(set(keys)) != len(keys):
        report("deux champs ont la même clé", "champs")
    if len(fields) < 2:
        report(f"un {kind} a au moins deux champs (sinon, une seule zone de réponse)", "champs")
    return fields


def parse_fields(record: dict[str, Any]) -> tuple[Field, ...]:
    return tuple(Field(f["key"], str(f.get("label", "")), tuple(f.get("answers", ())),
                       tuple(f["tolerances"]) if f.get("tolerances") is not None else None,
                       tuple(f.get("refused", ())))
                 for f in record.get("fields", ()))


def refused_record(refused: list[str]) -> dict[str, Any]:
    """The refused answers as the engine reads them: their words are never fillers of a
    sentence around a right answer (engine/sentence.py)."""
    return {"refused": list(refused)} if refused else {}


def matches(value: Any, accepted: Any, fmt: str, tolerances: Any, wrong: Any = (),
            refused: Any = ()) -> bool:
    """``wrong``: the answers whose words are no fillers here (refused ones, other fields');
    ``refused``: the field's own refused answers."""
    return isinstance(value, (str, int, float)) and field_matches(
        value, accepted, fmt, tolerances, wrong, refused=refused)


def fields_view(data: Typed) -> dict[str, Any]:
    return {"fields": [{"key": f.key, "label": f.label} for f in data.fields],
            "format": data.format}


def labelled_response(fields: tuple[Field, ...], response: Any) -> list[str]:
    if not isinstance(response, dict):
        return [] if response is None else [str(response)]
    labels = {f.key: f.label for f in fields}
    return [f"{labels.get(k, k)} : {v}" for k, v in response.items()]
