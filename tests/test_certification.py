"""« Certification blanche »: eligibility, the choice of challenges and Pix's scoring rules."""

from __future__ import annotations

import random

import pytest

from certification import codes, scoring, selection
from engine import load_referential

from .engine_suite.bank import make_bank

# Two competences, three tubes each, levels 1–6, three variants per skill.
REF = load_referential(make_bank(competences=5))
ALL = [s.id for s in REF.skills.values()]


def levels(value: int = 3) -> dict[str, int]:
    return {c.id: value for c in REF.competences}


def test_eligibility_needs_five_competences_at_level_one():
    assert selection.eligible_competences({"1.1": 1, "1.2": 2, "1.3": 1, "1.4": 4}) == []
    five = {"1.1": 1, "1.2": 2, "1.3": 1, "1.4": 4, "1.5": 0, "2.1": 3}
    assert selection.eligible_competences(five) == ["1.1", "1.2", "1.3", "1.4", "2.1"]


def test_three_per_competence_hardest_first_other_sujets_first_never_a_seen_variant():
    rng = random.Random(3)
    for seed in range(40):
        direct = [s for s in ALL if REF.skills[s].level <= rng.randint(2, 6)]
        seen = {c.id for s in direct for c in REF.challenges_by_skill[s][:2]}  # 2 of 3 seen
        picks = selection.choose(REF, levels(), direct, seen, seed)
        by_comp: dict[str, list] = {}
        for p in picks:
            by_comp.setdefault(p.competence_id, []).append(p)
        assert sorted(by_comp) == sorted(c.id for c in REF.competences)
        for cid, mine in by_comp.items():
            assert len(mine) == 3
            assert all(p.challenge_id not in seen and not p.seen_before for p in mine)
            assert all(p.skill_id in direct for p in mine)
            top = max(REF.skills[s].level for s in direct
                      if REF.skills[s].competence_id == cid)
            assert mine[0].level == top
            assert [p.level for p in mine] == sorted((p.level for p in mine), reverse=True)
            # Three tubes exist at every level: the first three picks come from three sujets.
            tubes = [REF.skills[p.skill_id].tube_id for p in mine]
            if len({p.level for p in mine}) == 1:
                assert len(set(tubes)) == 3


def test_a_seen_challenge_only_when_every_variant_was_seen():
    direct = [s for s in ALL if REF.skills[s].level == 1]
    seen = {c.id for c in REF.challenges.values()}
    picks = selection.choose(REF, levels(1), direct, seen, 1)
    assert picks and all(p.seen_before for p in picks)


def test_not_eligible_means_no_session():
    assert selection.choose(REF, {c.id: 0 for c in REF.competences}, ALL, set(), 1) == []


@pytest.mark.parametrize(("asked", "right", "neutral", "expected"), [
    (3, 3, 0, ("valide", "valide", "valide")), (3, 2, 0, ("valide", "abaisse", "abaisse")),
    (3, 1, 0, ("non certifie",) * 3), (3, 0, 1, ("non certifie",) * 3),
    (3, 2, 1, ("valide",) * 3), (3, 1, 1, ("valide", "abaisse", "non certifie")),
    (3, 1, 2, ("valide", "valide", "abaisse")), (2, 2, 0, ("valide",) * 3),
    (2, 1, 0, ("valide", "abaisse", "non certifie")), (2, 1, 1, ("valide", "valide", "abaisse")),
    (2, 0, 0, ("non certifie",) * 3), (1, 1, 0, ("valide", "valide", "abaisse")),
    (1, 0, 0, ("non certifie",) * 3),
])
def test_the_rule_table_is_pix_s(asked, right, neutral, expected):
    assert tuple(scoring.action(asked, right, neutral, rate) for rate in (85, 75, 60)) == expected


def test_scoring_a_session():
    measured = {"1.1": (3, 24), "1.2": (2, 17), "1.3": (1, 9)}
    answers = ([("1.1", True, False)] * 3 + [("1.2", True, False)] * 2 + [("1.2", False, False)]
               + [("1.3", True, False), ("1.3", False, False), ("1.3", False, False)])
    out = scoring.score(answers, measured)
    assert out.rate == 67 and out.certified           # 6 right of 9
    got = {c.competence_id: (c.action, c.level, c.pix) for c in out.competences}
    assert got == {"1.1": ("valide", 3, 24), "1.2": ("abaisse", 1, 9),
                   "1.3": ("non certifie", -1, 0)}
    assert out.pix == 33


def test_below_half_nothing_is_certified():
    out = scoring.score([("1.1", True, False), ("1.1", False, False), ("1.1", False, False)],
                        {"1.1": (4, 32)})
    assert out.rate == 33 and not out.certified
    assert [(c.level, c.pix) for c in out.competences] == [(-1, 0)]


def test_session_codes():
    code = codes.new_session_code(random.Random(2).randrange)
    assert codes.SHAPE.fullmatch(code)
    assert codes.normalise(code.lower()[:3] + " " + code.lower()[3:]) == code
    with pytest.raises(codes.SessionCodeError):
        codes.normalise("BKRA47")   # A is not used
