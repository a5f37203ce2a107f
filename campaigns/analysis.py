"""« Analyse »: which sujets a group should work on, ranked as Pix Orga ranks them.

For each sujet (tube) of the campaign and each participant, a relevance score out of 100:

    40 · reached / tube_max                 how high the person got in the sujet
  + 30 · tube_max / campaign_max            how far the sujet goes, for this campaign
  + 20 · validated / tube_skills            how much of it is done
  + 10 · reached / next_level               (only if something is validated) how close the next step is

where ``reached`` is the highest validated level in the sujet (0 if none) and ``next_level`` the
lowest level not validated (``tube_max`` when all are). The sujet's score is the mean over the
participants; the lower it is, the more the sujet should be worked on. Four levels of
recommendation, as Pix shows them in bubbles: ≤ 25, ≤ 50, ≤ 75, above.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

REACH, DIFFICULTY, PROGRESS, NEXT_STEP = 40, 30, 20, 10
RECOMMENDATIONS = ((25, 4, "Très fortement recommandé"), (50, 3, "Fortement recommandé"),
                   (75, 2, "Recommandé"), (100, 1, "Modérément recommandé"))


@dataclass(frozen=True)
class TubeAnalysis:
    tube_id: str
    score: float          # mean relevance score, 0..100
    bubbles: int          # 4 = work on it first
    label: str
    mastery: int          # % of the sujet's campaign skills validated over the group


def participant_score(levels: Sequence[int], validated: Iterable[int], campaign_max: int) -> float:
    """One person's score on one sujet: ``levels`` are the sujet's campaign skill levels,
    ``validated`` the levels of those the person validated."""
    tube_max = max(levels)
    done = sorted(set(validated) & set(levels))
    reached = max(done, default=0)
    missing = [lv for lv in sorted(levels) if lv not in done]
    next_level = missing[0] if missing else tube_max
    score = (REACH / tube_max * reached + DIFFICULTY / campaign_max * tube_max
             + PROGRESS / len(levels) * len(done))
    if done:
        score += NEXT_STEP / next_level * reached
    return score


def recommendation(score: float) -> tuple[int, str]:
    for limit, bubbles, label in RECOMMENDATIONS:
        if score <= limit:
            return bubbles, label
    return RECOMMENDATIONS[-1][1:]


def analyse(tubes: dict[str, dict[str, int]], participants: Sequence[set[str]]) -> list[TubeAnalysis]:
    """``tubes``: tube id → {skill id: level} (the campaign's skills); ``participants``: the set
    of validated skill ids of each participant who sent results. Most to work on first."""
    if not tubes:
        return []
    campaign_max = max(lv for skills in tubes.values() for lv in skills.values())
    out = []
    for tube_id, skills in tubes.items():
        levels = list(skills.values())
        # A person's score depends only on which of the sujet's levels they validated: a group
        # of a thousand has a handful of such patterns, each scored once.
        patterns: dict[tuple[int, ...], int] = {}
        for done in participants:
            key = tuple(lv for s, lv in skills.items() if s in done)
            patterns[key] = patterns.get(key, 0) + 1
        total = sum(participant_score(levels, key, campaign_max) * n
                    for key, n in patterns.items())
        mean = (total / len(participants) if participants
                else DIFFICULTY / campaign_max * max(levels))
        validated = sum(len(key) * n for key, n in patterns.items())
        mastery = round(100 * validated / (len(skills) * len(participants))) if participants else 0
        bubbles, label = recommendation(mean)
        out.append(TubeAnalysis(tube_id, round(mean, 2), bubbles, label, mastery))
    return sorted(out, key=lambda t: (t.score, t.tube_id))
