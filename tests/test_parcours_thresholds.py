"""Badge and stage thresholds of every bundled parcours, tried on simulated learners of known level
taking the parcours with the real engine.

A learner of true level L succeeds on a level-l challenge with probability
g + (1 − g − slip) · σ(2.5 · (L − l + 0.5)): about 8 in 10 at their own level, almost always below
it, about 2 in 10 one level above, and the guessing floor g of the challenge's type far above.
Level 0 is a beginner who only guesses, or nearly. What a parcours promises:

- a learner clearly above the parcours' cap gets its badge most of the time, a beginner never;
- the stage reached rises with the true level: a beginner stays at the first stage, a learner
  above the cap reaches the last one.
"""

from __future__ import annotations

import itertools
import math
import random
from functools import cache

import pytest

from builder.bundle import referential_bundle
from builder.content import load_content
from builder.diagnostics import Problems
from engine.assessment import Assessment
from engine.config import EngineConfig
from engine.model import guessing
from engine.protocol import result_view
from engine.referential import Referential, load_referential

from .conftest import ROOT

SLIP, SLOPE = 0.03, 2.5


@cache
def bundled() -> Referential:
    content = load_content(ROOT / "content", Problems(ROOT / "content"))
    return load_referential(referential_bundle(content, {}))


def cap_of(ref: Referential, profile: dict) -> int:
    """The highest level the parcours asks about (its caps, and the content it has)."""
    levels = [ref.skills[s].level for tube in profile["tubes"] for s in tube["skills"]]
    return max(levels)


def take(ref: Referential, profile_id: str, level: int, person: int) -> dict:
    rng = random.Random(f"{profile_id}:{level}:{person}")
    params = EngineConfig().model
    assessment = Assessment.start(ref, profile=profile_id, seed=person)
    while (challenge := assessment.next_challenge()) is not None:
        gap = level - ref.skills[challenge.skill_id].level + 0.5
        g = guessing(challenge, params)
        success = g + (1 - g - SLIP) / (1 + math.exp(-SLOPE * gap))
        assessment.record(challenge.id, rng.random() < success)
    return result_view(ref, assessment)["profile"]


def profile_ids() -> list[str]:
    return sorted(p.stem for p in (ROOT / "content/referential/parcours").glob("*.yaml"))


@pytest.mark.parametrize("profile_id", profile_ids())
def test_badges_and_stages_follow_the_true_level(profile_id):
    ref = bundled()
    profile = ref.profiles[profile_id]
    cap = cap_of(ref, profile)
    people = 12 if cap <= 4 else 5          # the full profile is long: fewer people, same checks
    levels = [0, *(range(1, cap + 1) if cap <= 4 else range(2, cap + 1, 2)), cap + 1]
    results = {level: [take(ref, profile_id, level, i) for i in range(people)]
               for level in levels}
    last_stage = max(0, len(profile["stages"]) - 1)

    for badge_index, badge in enumerate(profile["badges"]):
        above = [r["badges"][badge_index]["obtained"] for r in results[cap + 1]]
        beginners = [r["badges"][badge_index]["obtained"] for r in results[0]]
        assert sum(above) >= 0.9 * len(above), (
            f"{profile_id} : badge « {badge['id']} » obtenu par {sum(above)}/{len(above)} "
            f"personnes de niveau {cap + 1} (au-dessus du niveau {cap} du parcours)")
        assert not any(beginners), f"{profile_id} : une débutante obtient « {badge['id']} »"

    if profile["stages"]:
        stages = {level: [r["stage_index"] for r in rs] for level, rs in results.items()}
        means = [sum(stages[level]) / people for level in levels]
        summary = ", ".join(f"niveau {lv} : {m:.1f}" for lv, m in zip(levels, means, strict=True))
        assert all(b >= a - 0.25 for a, b in itertools.pairwise(means)), (
            f"{profile_id} : le palier ne monte pas avec le niveau ({summary})")
        assert means[0] < means[-1], summary
        first = sum(1 for s in stages[0] if s == 0)
        assert first >= 0.8 * people, (
            f"{profile_id} : {people - first}/{people} débutantes dépassent le premier palier "
            f"({summary})")
        top = sum(1 for s in stages[cap + 1] if s == last_stage)
        assert top >= 0.8 * people, (
            f"{profile_id} : seules {top}/{people} personnes de niveau {cap + 1} atteignent le "
            f"dernier palier ({summary})")

        _check_framework_titles(profile, results)


# Stages named after the framework's levels (docs/guide-redaction.md §4) must say the true one.
FRAMEWORK = {1: "Novice", 2: "Novice", 3: "Indépendant", 4: "Indépendant", 5: "Avancé",
             6: "Avancé"}


def _check_framework_titles(profile: dict, results: dict[int, list[dict]]) -> None:
    titles = [s["title"] for s in profile["stages"]]
    if not set(FRAMEWORK.values()) <= set(titles):
        return
    for level, rs in results.items():
        if level not in FRAMEWORK:
            continue
        reached = [titles[r["stage_index"]] for r in rs]
        right = sum(1 for t in reached if t == FRAMEWORK[level])
        assert right > len(reached) / 2, (
            f"{profile['id']} : une personne de niveau {level} devrait lire « {FRAMEWORK[level]} », "
            f"pas {reached}")


def test_the_simulated_learners_are_what_the_test_says():
    """The model itself: a learner above the cap masters nearly everything, a beginner little."""
    ref = bundled()
    profile_id = "bases-du-numerique"
    cap = cap_of(ref, ref.profiles[profile_id])
    strong = [take(ref, profile_id, cap + 1, i)["mastery"] for i in range(4)]
    weak = [take(ref, profile_id, 0, i)["mastery"] for i in range(4)]
    assert min(strong) >= 85 and max(weak) <= 50, (strong, weak)
