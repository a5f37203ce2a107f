"""QROCM-dep — several typed inputs whose answers may come in any order, each group once
("name three browsers": firefox, chrome and safari, in any order, never twice the same)."""

from __future__ import annotations

from typing import Any, ClassVar

from . import typed
from .base import Case, ChallengeType, Spec


class AnyOrderFields(ChallengeType):
    name = "QROCM-dep"
    title = "Plusieurs réponses écrites, dans n'importe quel ordre"
    sample_share = 0.025   # of a typical bank (synthetic banks)
    fields: ClassVar[Spec] = {"champs": typed.field_item(with_answers=False),
              "reponses": {"kind": "list", "required": True, "min_items": 1,
                           "item": {"kind": "any"}},
              "refusees": typed.TEXT_LIST, "format": typed.FORMAT_FIELD,
              "tolerances": typed.TOLERANCES_FIELD}

    def load(self, values, report, assets):
        fields = typed.load_fields(values, report, self.name)
        groups = []
        for group in values.get("reponses") or []:
            items = [group] if isinstance(group, str) else group
            if not isinstance(items, list) or not all(isinstance(g, str) for g in items):
                report("en QROCM-dep, chaque réponse est un groupe de textes : "
                       "- [firefox, mozilla firefox]", group if hasattr(group, "line") else "reponses")
                continue
            if not [g for g in items if g.strip()]:
                report("groupe de réponses vide : écrivez au moins une réponse acceptée, "
                       "par exemple - [firefox, mozilla firefox]", group if hasattr(group, "line")
                       else "reponses")
                continue
            groups.append([str(g) for g in items if g.strip()])
        if values.get("reponses") is not None and len(groups) < len(fields):
            report(f"il faut au moins autant de groupes de réponses ({len(groups)}) que de champs "
                   f"({len(fields)})", "reponses")
        return {"fields": [{"key": str(f["cle"]), "label": str(f["libelle"])} for f in fields],
                "groups": groups, "refused": typed.strings(values.get("refusees")),
                **typed.common_payload(values)}

    def record(self, payload, render):
        return {"fields": payload["fields"], "groups": payload["groups"],
                **typed.refused_record(payload["refused"]), **typed.common_record(payload)}

    def parse(self, record):
        return typed.parse_typed(record, typed.parse_fields(record))

    def is_correct(self, data, response):
        if not isinstance(response, dict):
            return False
        unused = list(data.groups)
        for f in data.fields:
            value = response.get(f.key, "")
            match = next((g for g in unused
                          if typed.matches(value, g, data.format, data.tolerances,
                                           _wrong(data, g))), None)
            if match is None:
                return False
            unused.remove(match)
        return True

    def view(self, data):
        return typed.fields_view(data)

    def response_view(self, data, response):
        return typed.labelled_response(data.fields, response)

    def solution_view(self, data):
        return [" ou ".join(group[:2]) for group in data.groups]

    def self_checks(self, payload, data):
        if len(data.groups) < len(data.fields) or not data.fields:
            return
        good = {f.key: data.groups[i][0] for i, f in enumerate(data.fields)}
        yield Case(good, True, "reponses", "sa propre réponse est refusée")
        yield Case({f.key: data.groups[0][0] for f in data.fields}, False, "reponses",
                   "la même réponse répétée dans chaque champ est acceptée")
        for wrong in payload["refused"]:
            yield Case({**good, data.fields[0].key: wrong}, False, "refusees",
                       f"« {wrong} » devrait être refusée")

    def sample(self, rng) -> dict[str, Any]:
        return {"fields": [{"key": "a", "label": "A"}, {"key": "b", "label": "B"}],
                "groups": [["x", "y"], ["x", "y"]], "format": "texte", "tolerances": ["T1"]}

    def sample_responses(self, data):
        good = {f.key: data.groups[i][0] for i, f in enumerate(data.fields)}
        return good, {f.key: "?" for f in data.fields}


def _wrong(data: typed.Typed, group: tuple[str, ...]) -> tuple[str, ...]:
    """The refused answers and the other groups' accepted ones."""
    return data.refused + tuple(a for g in data.groups if g is not group for a in g)


TYPE = AnyOrderFields()
