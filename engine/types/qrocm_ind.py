"""QROCM-ind — several typed inputs, each with its own accepted answers (and tolerances)."""

from __future__ import annotations

from typing import Any, ClassVar

from . import typed
from .base import Case, ChallengeType, Spec


class IndependentFields(ChallengeType):
    name = "QROCM-ind"
    title = "Plusieurs réponses écrites, chacune à sa place"
    sample_share = 0.025   # of a typical bank (synthetic banks)
    fields: ClassVar[Spec] = {"champs": typed.field_item(with_answers=True),
                              "format": typed.FORMAT_FIELD, "tolerances": typed.TOLERANCES_FIELD}

    def load(self, values, report, assets):
        fields = typed.load_fields(values, report, self.name)
        for f in fields:
            if not f.get("reponses"):
                report(f"le champ « {f['cle']} » n'a pas de « reponses »", f["cle"])
        return {"fields": [{"key": str(f["cle"]), "label": str(f["libelle"]),
                            "answers": typed.strings(f.get("reponses")),
                            "refused": typed.strings(f.get("refusees")),
                            "tolerances": (None if f.get("tolerances") is None
                                           else [t for t in f["tolerances"] if t])}
                           for f in fields],
                **typed.common_payload(values)}

    def record(self, payload, render):
        return {"fields": [{"key": f["key"], "label": f["label"], "answers": f["answers"],
                            **({"tolerances": f["tolerances"]}
                               if f["tolerances"] is not None else {}),
                            **typed.refused_record(f["refused"])}
                           for f in payload["fields"]],
                **typed.common_record(payload)}

    def parse(self, record):
        return typed.parse_typed(record, typed.parse_fields(record))

    def is_correct(self, data, response):
        if not isinstance(response, dict):
            return False
        return all(typed.matches(response.get(f.key, ""), f.answers, data.format,
                                 data.tolerances if f.tolerances is None else f.tolerances,
                                 _wrong(data, f), f.refused)
                   for f in data.fields)

    def view(self, data):
        return typed.fields_view(data)

    def response_view(self, data, response):
        return typed.labelled_response(data.fields, response)

    def solution_view(self, data):
        return [f"{f.label} : {f.answers[0]}" for f in data.fields if f.answers]

    def self_checks(self, payload, data):
        good = {f.key: (f.answers or ("",))[0] for f in data.fields}
        yield Case(good, True, "champs", "sa propre réponse est refusée")
        for f in payload["fields"]:
            for wrong in f["refused"]:
                yield Case({**good, f["key"]: wrong}, False, "champs",
                           f"« {wrong} » devrait être refusée pour le champ « {f['key']} »")

    def sample(self, rng) -> dict[str, Any]:
        return {"fields": [{"key": "a", "label": "A", "answers": ["x"]},
                           {"key": "b", "label": "B", "answers": ["y"]}],
                "format": "texte", "tolerances": ["T1", "T2"]}

    def sample_responses(self, data):
        good = {f.key: f.answers[0] for f in data.fields}
        return good, {f.key: "?" for f in data.fields}


def _wrong(data: typed.Typed, field: typed.Field) -> tuple[str, ...]:
    """A field's refused answers and the other fields' accepted ones."""
    return field.refused + tuple(a for f in data.fields if f is not field for a in f.answers)


TYPE = IndependentFields()
