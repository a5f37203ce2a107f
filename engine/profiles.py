"""Target profiles (parcours): mastery of their skills, badges and stages, as Pix counts them.

Mastery = validated target skills / target skills. A badge is obtained when mastery reaches its
threshold (and, if it names blocks, each block reaches its own threshold); a stage is reached when
mastery reaches its threshold.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from .errors import EngineError


def _percent(validated: set[str], skills: list[str]) -> int:
    return round(100 * sum(1 for s in skills if s in validated) / len(skills)) if skills else 0


def profile_skills(profile: dict[str, Any]) -> list[str]:
    return [s for tube in profile["tubes"] for s in tube["skills"]]


def profile_result(profile: dict[str, Any], validated: Iterable[str]) -> dict[str, Any]:
    done = set(validated)
    skills = profile_skills(profile)
    mastery = _percent(done, skills)
    blocks = []
    for block in profile.get("blocks", ()):
        block_skills = [s for t in profile["tubes"] if t.get("block") == block["id"]
                        for s in t["skills"]]
        blocks.append({**block, "mastery": _percent(done, block_skills),
                       "skills": len(block_skills)})
    by_block = {b["id"]: b["mastery"] for b in blocks}
    badges = []
    for badge in profile.get("badges", ()):
        criteria = [min(100, round(100 * mastery / badge["threshold"]))]
        for block_id in badge.get("blocks") or ():
            threshold = badge.get("block_threshold") or badge["threshold"]
            criteria.append(min(100, round(100 * by_block.get(block_id, 0) / threshold)))
        badges.append({**badge, "obtained": all(c >= 100 for c in criteria),
                       "progress": round(sum(criteria) / len(criteria))})
    stages = profile.get("stages", ())
    reached = [s for s in stages if s["threshold"] <= mastery]
    return {"id": profile["id"], "title": profile["title"], "mastery": mastery,
            "skills": len(skills), "validated": sum(1 for s in skills if s in done),
            "blocks": blocks, "badges": badges,
            "stage": reached[-1] if reached else None,
            "stage_index": len(reached) - 1 if reached else None,
            "stage_count": max(0, len(stages) - 1)}


def selection_skills(ref: Any, selection: Any) -> list[str]:
    """The target skills of a selection of sujets with a level cap each (a campaign's « capped
    tubes », as in Pix): the skills of each tube that can be asked, up to its cap, easiest first,
    tube after tube in the selection's order. Anything malformed is refused in French."""
    if not isinstance(selection, list) or not selection:
        raise EngineError("bad-selection", "La sélection de sujets est vide ou mal formée.")
    skills: list[str] = []
    for item in selection:
        tube = item.get("tube") if isinstance(item, dict) else None
        cap = item.get("max_level") if isinstance(item, dict) else None
        if tube not in ref.tubes:
            raise EngineError("bad-selection", f"Sujet inconnu dans la sélection : « {tube} ».")
        if isinstance(cap, bool) or not isinstance(cap, int) or not 1 <= cap <= 8:
            raise EngineError("bad-selection", f"Niveau maximal invalide pour le sujet « {tube} » "
                                               "(un nombre de 1 à 8).")
        chosen = sorted((s for s in ref.skills.values()
                         if s.tube_id == tube and s.level <= cap and ref.challenges_by_skill.get(s.id)),
                        key=lambda s: s.level)
        skills.extend(s.id for s in chosen if s.id not in skills)
    return skills
