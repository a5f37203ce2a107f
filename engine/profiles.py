"""Target profiles (parcours): mastery of their skills, badges and stages, as Pix counts them.

Mastery = validated target skills / target skills. A badge is obtained when mastery reaches its
threshold (and, if it names blocks, each block reaches its own threshold); a stage is reached when
mastery reaches its threshold.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any


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
