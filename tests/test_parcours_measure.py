"""Parcours that measure (issue 10): no competence of a parcours gets fewer than four questions,
whoever takes it (the express profile excepted, by design), and learners of known level land
where the stages and badges say: nowhere for a beginner, at the top for a learner who masters the
parcours, in between for one who masters about half of it.

The learners here are exact: a learner of level L answers every question of level L or below
right and every harder one wrong (no guessing, no slip), so what they master is known skill by
skill. tests/test_parcours_thresholds.py tries the same thresholds on noisy learners.
"""

from __future__ import annotations

from collections import Counter
from functools import cache

import pytest
import yaml

from engine.assessment import Assessment
from engine.protocol import result_view
from engine.referential import Referential

from .conftest import ROOT
from .test_content_errors import edit, line_of
from .test_content_rules import PROFILE, about, problems, reported
from .test_parcours_thresholds import bundled, cap_of, profile_ids

MIN_QUESTIONS = 4


def _parcours(predicate) -> list[str]:
    """The parcours whose YAML satisfies ``predicate`` (read once, at collection)."""
    folder = ROOT / "content/referential/parcours"
    return [pid for pid in profile_ids()
            if predicate(yaml.safe_load((folder / f"{pid}.yaml").read_text(encoding="utf-8")))]


# The express profile asks few questions per competence, by design (issue 11); a parcours
# without stages nor badges has no threshold to test.
MEASURED = _parcours(lambda data: data.get("moteur") != "express")
STAGED = _parcours(lambda data: bool(data.get("paliers") or data.get("badges")))


@cache
def take(profile_id: str, level: int, seed: int = 1) -> tuple[dict, Counter]:
    """An exact learner of ``level`` through the parcours: (profile result, questions per
    competence)."""
    ref = bundled()
    assessment = Assessment.start(ref, profile=profile_id, seed=seed)
    asked: Counter = Counter()
    while (challenge := assessment.next_challenge()) is not None:
        skill = ref.skills[challenge.skill_id]
        asked[skill.competence_id] += 1
        assessment.record(challenge.id, skill.level <= level)
    return result_view(ref, assessment)["profile"], asked


def share_at_or_below(ref: Referential, profile: dict, level: int) -> float:
    levels = [ref.skills[s].level for tube in profile["tubes"] for s in tube["skills"]]
    return 100 * sum(1 for lv in levels if lv <= level) / len(levels)


def middle_level(ref: Referential, profile: dict) -> int:
    """The lowest level at which a learner masters at least 40 % of the parcours' skills."""
    return next(lv for lv in range(1, cap_of(ref, profile) + 1)
                if share_at_or_below(ref, profile, lv) >= 40)


def competences_of(ref: Referential, profile: dict) -> set[str]:
    return {ref.skills[s].competence_id for tube in profile["tubes"] for s in tube["skills"]}


@pytest.mark.parametrize("profile_id", MEASURED)
def test_every_competence_gets_four_questions_whatever_the_level(profile_id):
    ref = bundled()
    profile = ref.profiles[profile_id]
    cap = cap_of(ref, profile)
    short = {}
    for level in range(0, cap + 2):
        for seed in (1, 2):
            _, asked = take(profile_id, level, seed)
            for cid in competences_of(ref, profile):
                if asked[cid] < MIN_QUESTIONS:
                    short[(level, seed, cid)] = asked[cid]
    assert not short, (f"{profile_id} : compétences mesurées sur moins de {MIN_QUESTIONS} "
                       f"questions (niveau, graine, compétence → questions) : {short}")


@pytest.mark.parametrize("profile_id", STAGED)
def test_stages_and_badges_place_learners_of_known_level(profile_id):
    ref = bundled()
    profile = ref.profiles[profile_id]
    stages = profile["stages"]
    cap = cap_of(ref, profile)
    last = len(stages) - 1
    middle = middle_level(ref, profile)

    nothing, _ = take(profile_id, 0)
    everything, _ = take(profile_id, cap)
    half, _ = take(profile_id, middle)

    assert nothing["mastery"] == 0
    assert not any(b["obtained"] for b in nothing["badges"]), nothing["badges"]
    assert everything["mastery"] >= 90, everything["mastery"]
    assert all(b["obtained"] for b in everything["badges"]), everything["badges"]
    assert not any(b["obtained"] for b in half["badges"]), (middle, half["mastery"])
    # The engine measures what the learner masters: the mastery it reports for the middle
    # learner is the share of the parcours' skills at or below that learner's level.
    assert abs(half["mastery"] - share_at_or_below(ref, profile, middle)) <= 15, (
        middle, half["mastery"], share_at_or_below(ref, profile, middle))
    if stages:
        assert nothing["stage_index"] == 0, nothing["stage"]
        assert everything["stage_index"] == last, (everything["mastery"], everything["stage"])
        assert 0 < half["stage_index"] < last, (
            f"{profile_id} : une personne de niveau {middle} ({half['mastery']} %) est au palier "
            f"« {half['stage']['title']} », pas entre le premier et le dernier")
        indexes = [take(profile_id, level)[0]["stage_index"] for level in range(0, cap + 1)]
        assert indexes == sorted(indexes), indexes


# --- the content rule behind it --------------------------------------------------------------

def test_a_parcours_competence_with_one_skill_at_its_lowest_level(content_copy):
    edit(content_copy, PROFILE, "express: oui", "")
    edit(content_copy, PROFILE, "{sujet: mots-de-passe, niveau_max: 3",
         "{sujet: mots-de-passe, niveau_max: 4")
    found = problems(content_copy)
    line = line_of(content_copy, PROFILE, "{sujet: mots-de-passe")
    assert reported(found, PROFILE, line, "parcours « essentiel » : la compétence 4.1 n'a qu'un "
                                          "acquis à son niveau le plus bas (niveau 1)")
    assert about(found, "ajoutez un sujet de cette compétence qui commence au niveau 1")


def test_a_second_sujet_at_the_lowest_level_satisfies_the_rule(content_copy):
    edit(content_copy, PROFILE, "express: oui", "")
    edit(content_copy, PROFILE, "{sujet: mots-de-passe, niveau_max: 3, bloc: securite}",
         "{sujet: mots-de-passe, niveau_max: 4, bloc: securite}\n"
         "  - {sujet: arnaques, niveau_max: 1, bloc: securite}")
    found = problems(content_copy)
    assert not about(found, "compétence 4.1 n'a qu'un acquis")
    assert not about(found, "compétence 4.1 n'est mesurée")
