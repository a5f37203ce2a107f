"""QROC — one typed answer, compared with the accepted answers under the tolerances."""

from __future__ import annotations

from typing import Any, ClassVar

from . import typed
from .base import Case, ChallengeType, Spec

KEY = "reponse"


class ShortAnswer(ChallengeType):
    name = "QROC"
    title = "Réponse écrite"
    sample_share = 0.2   # of a typical bank (synthetic banks)
    fields: ClassVar[Spec] = {
        "reponses": {**typed.TEXT_LIST, "required": True, "min_items": 1},
        "refusees": typed.TEXT_LIST, "champ": {}, "format": typed.FORMAT_FIELD,
        "tolerances": typed.TOLERANCES_FIELD}

    def load(self, values, report, assets):
        answers = typed.strings(values.get("reponses"))
        if values.get("reponses") is not None and len(answers) != len(values["reponses"]):
            report("les réponses d'un QROC sont des textes", "reponses")
        return {"answers": answers, "refused": typed.strings(values.get("refusees")),
                "label": values.get("champ") or "Votre réponse", **typed.common_payload(values)}

    def record(self, payload, render):
        return {"answers": list(payload["answers"]), "label": str(payload["label"]),
                **typed.refused_record(payload["refused"]), **typed.common_record(payload)}

    def parse(self, record):
        field = typed.Field(KEY, str(record.get("label", "Votre réponse")),
                            tuple(record["answers"]), refused=tuple(record.get("refused", ())))
        return typed.parse_typed(record, (field,))

    def is_correct(self, data, response):
        if isinstance(response, dict):
            response = next(iter(response.values()), "")
        field = data.fields[0]
        return typed.matches(response, field.answers, data.format, data.tolerances, field.refused,
                             field.refused)

    def view(self, data):
        return typed.fields_view(data)

    def response_view(self, data, response):
        if isinstance(response, dict):
            response = next(iter(response.values()), "")
        return [] if response is None else [str(response)]

    def solution_view(self, data):
        return list(data.fields[0].answers[:1])

    def self_checks(self, payload, data):
        tolerances = "/".join(payload["tolerances"]) or "(aucune)"
        for answer in payload["answers"]:
            yield Case(answer, True, "reponses",
                       f"la réponse « {answer} » est refusée par le correcteur (format nombre ?)")
        for wrong in payload["refused"]:
            yield Case(wrong, False, "refusees", f"« {wrong} » devrait être refusée mais les "
                                                 f"tolérances {tolerances} l'acceptent")

    def sample(self, rng) -> dict[str, Any]:
        return {"answers": ["médiathèque"], "label": "Votre réponse", "format": "texte",
                "tolerances": ["T1", "T2", "T3"]}

    def sample_responses(self, data):
        return data.fields[0].answers[0], "bibliothèque"


TYPE = ShortAnswer()
