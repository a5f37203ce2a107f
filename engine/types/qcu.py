"""QCU — one right answer among 2 to 8 proposals."""

from __future__ import annotations

from typing import Any, ClassVar

from . import choices
from .base import Case, ChallengeType, Spec


class SingleChoice(ChallengeType):
    name = "QCU"
    title = "Choix unique"
    sample_share = 0.55   # of a typical bank (synthetic banks)
    fields: ClassVar[Spec] = choices.FIELDS

    def load(self, values, report, assets):
        payload = choices.load_choices(values, report)
        if payload and len(payload["solution"]) != 1:
            report("un QCU a exactement une bonne réponse (reponse: 2)", "reponse")
        return payload

    def record(self, payload, render):
        return {"proposals": [render.inline(p) for p in payload["proposals"]],
                "solution": payload["solution"][0]}

    def parse(self, record):
        return choices.parse_choices(record)

    def is_correct(self, data, response):
        indexes = choices.as_indexes(response)
        return indexes is not None and len(indexes) == 1 and indexes[0] in data.solution

    def guessing(self, data, params):
        return 1.0 / max(2, len(data.proposals))

    def view(self, data):
        return choices.view(data, multiple=False)

    def response_view(self, data, response):
        return choices.response_view(data, response)

    def solution_view(self, data):
        return choices.solution_view(data)

    def self_checks(self, payload, data):
        yield Case(",".join(map(str, sorted(data.solution))), True, "reponse",
                   "sa propre réponse est refusée")
        for wrong in choices.wrong_sets(data, multiple=False):
            yield Case(list(wrong), False, "reponse",
                       f"une mauvaise réponse est acceptée ({wrong[0]})")

    def sample(self, rng) -> dict[str, Any]:
        k = rng.choice((3, 4, 4))
        return {"proposals": [f"Option {i}" for i in range(1, k + 1)], "solution": rng.randint(1, k)}

    def sample_responses(self, data):
        right = min(data.solution)
        return str(right), str(1 if right != 1 else 2)


TYPE = SingleChoice()
