"""A gentle start, as a property over many seeds and answer patterns, on the fixture content and
on the bundled content: a person who fails the first question of a competence is never shown a
harder one next; during the first five questions, a failure is never followed by a harder
question nor a right answer by a jump of two levels or more, unless nothing that easy is left
to ask (skills already settled by tube inference come only when nothing else is left)."""

from __future__ import annotations

from pathlib import Path
from typing import NamedTuple

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from builder.bundle import referential_bundle
from builder.loading import load_and_check
from engine import Assessment, EngineConfig, load_referential
from engine.scoring import infer_skill_states

from .conftest import FIXTURE_CONTENT, ROOT


class Answer(NamedTuple):
    challenge_id: str
    correct: bool
    competence: str


OPENING = 5  # the first five questions of each competence


def _referential(content: Path):
    content_data, problems = load_and_check(content)
    assert not problems.errors
    return load_referential(referential_bundle(content_data, {}))


REFS = {"fixture": _referential(FIXTURE_CONTENT), "bundled": _referential(ROOT / "content")}


def levels_and_outcomes(ref, competences, seed, outcomes):
    """(competence, skill level, right, skill id) of each question, answering by ``outcomes``."""
    a = Assessment.start(ref, competences, seed=seed)
    out = []
    for correct in outcomes:
        challenge = a.next_challenge()
        if challenge is None:
            break
        a.record(challenge.id, correct)
        skill = ref.skills[challenge.skill_id]
        out.append((skill.competence_id, skill.level, correct, skill.id))
    return out


def check_gentle(ref, asked):
    position: dict[str, int] = {}
    previous = None
    done: set[str] = set()
    records: list[Answer] = []
    for competence, level, correct, skill_id in asked:
        index = position.get(competence, 0)
        position[competence] = index + 1
        if previous is not None and previous[0] == competence and index < OPENING:
            _, last_level, last_right, _ = previous
            cap = last_level + 1 if last_right else last_level
            if level > cap:
                # Allowed only when nothing that easy is left, and never after a failed first.
                assert index > 1 or last_right, asked
                settled = infer_skill_states(ref, [r for r in records if r.competence == competence],
                                             set(ref.skills))
                left = [s.id for s in ref.skills_by_competence[competence]
                        if s.level <= cap and s.id not in done and s.id not in settled
                        and ref.challenges_by_skill.get(s.id)]
                assert not left, (asked, left)
        previous = (competence, level, correct, skill_id)
        done.add(skill_id)
        records.append(Answer(ref.challenges_by_skill[skill_id][0].id, correct, competence))


def test_the_default_engine_starts_gently():
    assert EngineConfig().gentle_opening >= OPENING
    assert EngineConfig().max_step_after_failure == 0
    assert EngineConfig().max_step_after_success == 1


@pytest.mark.parametrize("content", sorted(REFS))
@settings(max_examples=150, deadline=None)
@given(seed=st.integers(min_value=0, max_value=2**31 - 1),
       outcomes=st.lists(st.booleans(), min_size=2, max_size=8), data=st.data())
def test_never_harder_after_a_first_failure_nor_a_big_step_up(content, seed, outcomes, data):
    ref = REFS[content]
    ids = [c.id for c in ref.competences if ref.skills_by_competence.get(c.id)]
    competences = data.draw(st.lists(st.sampled_from(ids), min_size=1, max_size=2, unique=True))
    asked = levels_and_outcomes(ref, competences, seed, outcomes)
    check_gentle(ref, asked)
    if not outcomes[0] and len(asked) > 1:
        assert asked[1][1] <= asked[0][1]


@pytest.mark.parametrize("content", sorted(REFS))
def test_a_failed_first_question_every_seed(content):
    """Exhaustively over seeds, every competence: fail the first question, see the second."""
    ref = REFS[content]
    for competence in ref.competences:
        if not ref.skills_by_competence.get(competence.id):
            continue
        for seed in range(40):
            asked = levels_and_outcomes(ref, [competence.id], seed, [False, False])
            assert len(asked) == 2 and asked[1][1] <= asked[0][1], (competence.id, seed, asked)
