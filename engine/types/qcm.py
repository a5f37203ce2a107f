"""QCM — several right answers: every right box and only those."""

from __future__ import annotations

from typing import Any, ClassVar

from . import choices
from .base import Case, ChallengeType, Spec


class MultipleChoice(ChallengeType):
    name = "QCM"
    title = "Choix multiple"
    sample_share = 0.2   # of a typical bank (synthetic banks)
    fields: ClassVar[Spec] = choices.FIELDS

    def load(self, values, report, assets):
        payload = choices.load_choices(values, report)
        if payload and len(payload["solution"]) < 2:
            report("un QCM a au moins deux bonnes réponses (reponse: [1, 3]) ; sinon, faites un QCU",
                   "reponse")
        return payload

    def record(self, payload, render):
        return {"proposals": [render.inline(p) for p in payload["proposals"]],
                "solution": sorted(payload["solution"])}

    def parse(self, record):
        return choices.parse_choices(record)

    def is_correct(self, data, response):
        indexes = choices.as_indexes(response)
        return (indexes is not None and len(indexes) == len(set(indexes))
                and set(indexes) == data.solution)

    def guessing(self, data, params):
        return params.qcm_guess

    def view(self, data):
        return choices.view(data, multiple=True)

    def response_view(self, data, response):
        return choices.response_view(data, response)

    def solution_view(self, data):
        return choices.solution_view(data)

    def self_checks(self, payload, data):
        yield Case(sorted(data.solution), True, "reponse", "sa propre réponse est refusée")
        for wrong in choices.wrong_sets(data, multiple=True):
            yield Case(list(wrong), False, "reponse",
                       f"une mauvaise réponse est acceptée ({', '.join(map(str, wrong))})")

    def sample(self, rng) -> dict[str, Any]:
        k = rng.choice((4, 5))
        return {"proposals": [f"Option {i}" for i in range(1, k + 1)],
                "solution": sorted(rng.sample(range(1, k + 1), rng.randint(2, k - 1)))}

    def sample_responses(self, data):
        right = sorted(data.solution)
        return right, right[:1]


TYPE = MultipleChoice()
