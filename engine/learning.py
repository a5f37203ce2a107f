"""What a result means and what to learn next, for every learner.

A level is explained in plain words by the competence's own descriptors (``niveaux`` of
competence.yaml: novice 1–2, indépendant 3–4, avancé 5–6, expert 7–8). The tutorials proposed are
not only those of the questions failed: for each sujet the test touched, the easiest skill not yet
validated is the next step; when everything up to the test's highest level is validated, the next
step is the sujet's skill just above (« pour aller plus loin »), so that someone who got everything
right is also told what to learn next.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from .referential import Referential, Skill

# Level bands of the CRCN, with the key of the competence's descriptor and its French name.
LEVEL_BANDS: tuple[tuple[int, str, str], ...] = (
    (2, "novice", "novice"), (4, "independant", "indépendant"),
    (6, "avance", "avancé"), (8, "expert", "expert"),
)
# Kinds of next step: a skill within what the test measured, or the level above a validated cap.
TO_WORK_ON = "a-travailler"
NEXT_LEVEL = "niveau-suivant"


def level_meaning(ref: Referential, competence_id: str, level: int) -> dict[str, str]:
    """The level's name (« indépendant ») and what it means for this competence, in plain words."""
    if level <= 0:
        return {"name": "débutant", "text": ""}
    competence = ref.competence_by_id.get(competence_id)
    for top, key, name in LEVEL_BANDS:
        if level <= top:
            text = competence.levels.get(key, "") if competence else ""
            return {"name": name, "text": " ".join(str(text).split())}
    return {"name": "expert", "text": ""}


def _tutorials_from(skills: list[Skill], start: int) -> list[str]:
    """The tutorials of the first skill from ``start`` on that has any: those that teach it, else
    those that go further on it (« en savoir plus »); a skill without any defers upward."""
    for skill in skills[start:]:
        if skill.tutorials or skill.learning_more:
            return list(skill.tutorials or skill.learning_more)
    return []


def next_steps(ref: Referential, competence_id: str, validated: Iterable[str],
               failed: Iterable[str], max_level: int) -> list[dict[str, Any]]:
    """For each sujet of the competence the test touched, its next skill to learn.

    ``kind`` is ``a-travailler`` when that skill is within the levels the test measured, and
    ``niveau-suivant`` when every skill up to ``max_level`` was validated (the level above).
    A sujet whose skills are all validated has no next step.
    """
    done, missed = set(validated), set(failed)
    steps = []
    tubes = {s.tube_id for s in ref.skills_by_competence.get(competence_id, ())
             if s.id in done or s.id in missed}
    for tube_id in sorted(tubes, key=lambda t: ref.tubes[t].title if t in ref.tubes else t):
        skills = ref.skills_by_tube.get(tube_id, [])
        index = next((i for i, s in enumerate(skills) if s.id not in done), None)
        if index is None:
            continue
        skill = skills[index]
        steps.append({
            "tube": ref.tubes[tube_id].title if tube_id in ref.tubes else tube_id,
            "skill": {"id": skill.id, "title": skill.title, "level": skill.level},
            "kind": TO_WORK_ON if skill.level <= max_level else NEXT_LEVEL,
            "tutorials": _tutorials_from(skills, index),
        })
    return steps


def recommended_tutorials(ref: Referential, steps: list[dict[str, Any]],
                          failed_directly: Iterable[str] = ()) -> list[dict[str, Any]]:
    """The tutorials of the next steps, then those of skills failed directly; each once. A link
    may name a section ("id#anchor"); it is left out when its whole tutorial is proposed."""
    links: list[str] = []
    for link in [t for step in steps for t in step["tutorials"]]:
        if link not in links:
            links.append(link)
    for skill_id in failed_directly:
        skill = ref.skills.get(skill_id)
        for link in skill.tutorials if skill else ():
            if link not in links:
                links.append(link)
    kinds = {t: step["kind"] for step in reversed(steps) for t in step["tutorials"]}
    return [{**view, "kind": kinds.get(link, TO_WORK_ON)} for link in links
            if (view := tutorial_view(ref, link))
            and not (view.get("section") and view["id"] in links)]


def tutorial_view(ref: Referential, link: str) -> dict[str, Any] | None:
    """A tutorial to propose; ``link`` is a tutorial id, or "id#anchor" for one of its sections
    (the page follows ``url``, so a section's anchor goes into it)."""
    tutorial_id, _, anchor = link.partition("#")
    tutorial = ref.tutorials.get(tutorial_id)
    if tutorial is None:
        return None
    if not anchor:
        return tutorial
    section = (tutorial.get("sections") or {}).get(anchor, "")
    title = f"{tutorial['title']} — {section}" if section else tutorial["title"]
    return {**tutorial, "url": f"{tutorial['url']}#{anchor}", "title": title, "section": anchor}
