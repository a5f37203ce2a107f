"""Scoring a session as Pix does (v2): reproducibility rate, then a rule per competence.

The reproducibility rate is the share of right answers among the challenges that count (not
neutralised). Below 50 % nothing is certified. Otherwise each competence is validated (its
level and pix as measured before), downgraded (one level and 8 pix less) or not certified, by
the table below, on (asked, right, neutralised) and the rate (≥ 80, 70–80, < 70).
"""

from __future__ import annotations

from dataclasses import dataclass

MIN_RATE_CERTIFIED = 50
MIN_RATE_TRUSTED = 80
PIX_PER_LEVEL = 8
UNCERTIFIED = -1

VALIDATE, DOWNGRADE, UNCERTIFY = "valide", "abaisse", "non certifie"
_V, _D, _U = VALIDATE, DOWNGRADE, UNCERTIFY
# (asked, right, neutralised) → action for a rate ≥ 80, in [70, 80), below 70.
RULES: dict[tuple[int, int, int], tuple[str, str, str]] = {
    (3, 3, 0): (_V, _V, _V), (3, 2, 0): (_V, _D, _D), (3, 1, 0): (_U, _U, _U),
    (3, 2, 1): (_V, _V, _V), (3, 1, 1): (_V, _D, _U), (3, 1, 2): (_V, _V, _D),
    (2, 2, 0): (_V, _V, _V), (2, 1, 0): (_V, _D, _U), (2, 1, 1): (_V, _V, _D),
    (1, 1, 0): (_V, _V, _D),
}


@dataclass(frozen=True)
class CompetenceOutcome:
    competence_id: str
    action: str
    level: int     # certified level, or -1 when not certified
    pix: int


@dataclass(frozen=True)
class SessionOutcome:
    rate: int                      # reproducibility, %
    certified: bool                # False below 50 %
    competences: tuple[CompetenceOutcome, ...]

    @property
    def pix(self) -> int:
        return sum(c.pix for c in self.competences)


def reproducibility(answers: list[tuple[str, bool, bool]]) -> int:
    """``answers``: (competence id, right, neutralised) per challenge of the session."""
    counted = [right for _cid, right, neutralised in answers if not neutralised]
    return round(100 * sum(counted) / len(counted)) if counted else 0


def action(asked: int, right: int, neutralised: int, rate: int) -> str:
    if right == 0 or asked == 0:
        return UNCERTIFY
    column = 0 if rate >= MIN_RATE_TRUSTED else (1 if rate >= 70 else 2)
    rule = RULES.get((asked, right, neutralised))
    return rule[column] if rule else UNCERTIFY


def score(answers: list[tuple[str, bool, bool]], measured: dict[str, tuple[int, int]]
          ) -> SessionOutcome:
    """``measured``: competence id → (level, pix) from the person's profile before the session."""
    rate = reproducibility(answers)
    outcomes = []
    for cid, (level, pix) in measured.items():
        mine = [(right, neutral) for c, right, neutral in answers if c == cid]
        if not mine:
            continue
        asked, right = len(mine), sum(1 for r, n in mine if r and not n)
        neutralised = sum(1 for _r, n in mine if n)
        todo = action(asked, right, neutralised, rate) if rate >= MIN_RATE_CERTIFIED else UNCERTIFY
        if todo == VALIDATE:
            outcomes.append(CompetenceOutcome(cid, todo, level, pix))
        elif todo == DOWNGRADE and level > 1:
            outcomes.append(CompetenceOutcome(cid, todo, level - 1,
                                              max(0, pix - PIX_PER_LEVEL)))
        else:
            outcomes.append(CompetenceOutcome(cid, UNCERTIFY, UNCERTIFIED, 0))
    return SessionOutcome(rate, rate >= MIN_RATE_CERTIFIED, tuple(outcomes))
