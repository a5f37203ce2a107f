"""Property tests of the engine (hypothesis): bounds, monotone inference, exact resume, checking."""

from __future__ import annotations

import unicodedata

from hypothesis import given, settings
from hypothesis import strategies as st

from engine import Assessment, EngineConfig, load_referential
from engine.answers import is_correct
from engine.scoring import infer_skill_states

from .engine_suite.bank import challenge, make_bank
from .engine_suite.bank import qroc as bank_qroc

REF = load_referential(make_bank(competences=2, tubes=3, levels=(1, 2, 3, 4, 5), variants=2))
FAST = EngineConfig(max_questions=12)


def run(seed: int, outcomes: list[bool], competences=("1.1", "1.2")) -> tuple[Assessment, list[str]]:
    a = Assessment.start(REF, list(competences), seed=seed, config=FAST)
    asked = []
    for correct in outcomes:
        challenge = a.next_challenge()
        if challenge is None:
            break
        a.record(challenge.id, correct)
        asked.append(challenge.id)
    return a, asked


outcomes = st.lists(st.booleans(), max_size=30)
seeds = st.integers(min_value=0, max_value=2**32 - 1)


@settings(max_examples=60, deadline=None)
@given(seeds, outcomes)
def test_levels_and_pix_in_bounds(seed, answers):
    a, _ = run(seed, answers)
    result = a.result()
    for comp in result.competences.values():
        assert 0 <= comp.level <= comp.max_level <= 8
        assert 0 <= comp.pix <= 64
        assert 0 <= comp.probability <= 1
    assert 0 <= result.pix <= 64 * len(result.competences)


@settings(max_examples=60, deadline=None)
@given(seeds, outcomes)
def test_resume_gives_the_same_next_question(seed, answers):
    a, _ = run(seed, answers)
    expected = a.next_challenge()
    resumed = Assessment.from_dict(REF, a.to_dict())
    got = resumed.next_challenge()
    assert (got.id if got else None) == (expected.id if expected else None)
    assert resumed.result().to_dict() == a.result().to_dict()


@settings(max_examples=60, deadline=None)
@given(seeds, outcomes)
def test_same_seed_same_sequence(seed, answers):
    assert run(seed, answers)[1] == run(seed, answers)[1]


@settings(max_examples=100, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(sorted(REF.skills)), st.booleans()), max_size=12,
                unique_by=lambda pair: pair[0]))
def test_tube_inference_is_monotone(pairs):
    from engine.assessment import AnswerRecord

    answers = [AnswerRecord(REF.challenges_by_skill[s][0].id, ok) for s, ok in pairs]
    states = infer_skill_states(REF, answers, set(REF.skills))
    direct = dict(pairs)
    for skill_id, state in states.items():
        skill = REF.skills[skill_id]
        for other in REF.skills_by_tube[skill.tube_id]:
            if other.id in direct or skill_id in direct:
                continue
            if state and other.level < skill.level:
                assert states.get(other.id) is True
            if not state and other.level > skill.level:
                assert states.get(other.id) is False
        if skill_id not in direct:
            for done, ok in direct.items():
                d = REF.skills[done]
                if d.tube_id == skill.tube_id and not ok and state:
                    assert skill.level < d.level
                if d.tube_id == skill.tube_id and ok and not state:
                    assert skill.level > d.level


@settings(max_examples=60, deadline=None)
@given(seeds, outcomes)
def test_never_the_same_skill_twice(seed, answers):
    _, asked = run(seed, answers)
    skills = [REF.challenges[c].skill_id for c in asked]
    assert len(skills) == len(set(skills))


# ------------------------------------------------------------------ answer checking
words = st.text(alphabet="abcdefghijklmnopqrstuvwxyzéèàçô", min_size=6, max_size=14)


def qroc(answer: str, tolerances):
    return bank_qroc([answer], tolerances)


def strip_accents(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c))


@given(words, st.data())
def test_t1_forgives_case_spaces_accents(word, data):
    variant = "".join(c.upper() if data.draw(st.booleans()) else c for c in strip_accents(word))
    variant = "  " + variant[:3] + " " + variant[3:] + " "
    assert is_correct(qroc(word, ["T1"]), variant)
    if variant.strip() != word:
        assert not is_correct(qroc(word, []), variant)


@given(words, st.sampled_from(list(".,;:!?'-«»")))
def test_t2_forgives_punctuation(word, mark):
    variant = word[:2] + mark + word[2:] + mark
    assert is_correct(qroc(word, ["T2"]), variant)
    assert not is_correct(qroc(word, ["T1"]), variant)


@given(st.text(alphabet="abcdefghijklmnopqrstuvwxyz", min_size=8, max_size=14), st.data())
def test_t3_forgives_one_typo_in_a_long_word_only_when_enabled(word, data):
    index = data.draw(st.integers(min_value=0, max_value=len(word) - 1))
    replacement = "z" if word[index] != "z" else "y"
    typo = word[:index] + replacement + word[index + 1:]
    assert is_correct(qroc(word, ["T1", "T2", "T3"]), typo)
    assert not is_correct(qroc(word, ["T1", "T2"]), typo)


@given(st.integers(min_value=2, max_value=8), st.data())
def test_qcu_and_qcm_accept_exactly_their_solution(count, data):
    proposals = tuple(f"p{i}" for i in range(count))
    solution = data.draw(st.integers(min_value=1, max_value=count))
    qcu = challenge("QCU", proposals=list(proposals), solution=solution)
    picked = data.draw(st.integers(min_value=1, max_value=count))
    assert is_correct(qcu, str(picked)) == (picked == solution)
    good = data.draw(st.sets(st.integers(min_value=1, max_value=count), min_size=2, max_size=count))
    qcm = challenge("QCM", proposals=list(proposals), solution=sorted(good))
    chosen = data.draw(st.sets(st.integers(min_value=1, max_value=count), min_size=1))
    assert is_correct(qcm, sorted(chosen)) == (chosen == good)
