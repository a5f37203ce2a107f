"""The referential as the engine sees it: plain, immutable records built from the builder's JSON bundle.

The builder writes ``dist/data/referential.json``; this module reads it (or the same dict) without
knowing anything of YAML or Markdown. Display fields (instructions, proposals, explanations) are
opaque strings prepared by the builder: the engine passes them through and never interprets them.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .errors import EngineError
from .text import Html, html_or_none
from .types import challenge_type

MAX_LEVEL = 8


@dataclass(frozen=True)
class Domain:
    id: str
    title: str


@dataclass(frozen=True)
class Competence:
    id: str
    title: str
    domain_id: str
    description: str = ""
    levels: dict[str, str] = field(default_factory=dict, compare=False, hash=False)


@dataclass(frozen=True)
class Tube:
    id: str
    competence_id: str
    title: str
    description: str = ""


@dataclass(frozen=True)
class Skill:
    id: str
    tube_id: str
    competence_id: str
    level: int
    title: str = ""
    tutorials: tuple[str, ...] = ()
    learning_more: tuple[str, ...] = ()


@dataclass(frozen=True)
class Calibration:
    """What collected answers say of a challenge (``diagnum calibrate``): its difficulty on the
    level scale, its discrimination (logits per level), the standard error of that difficulty,
    and how many answers it rests on."""

    difficulty: float
    discrimination: float
    sd: float
    answers: int = 0

    @classmethod
    def from_record(cls, raw: Any) -> Calibration | None:
        if raw is None:
            return None
        out = cls(float(raw["difficulty"]), float(raw["discrimination"]), float(raw["sd"]),
                  int(raw.get("answers", 0)))
        if not (-5.0 <= out.difficulty <= 15.0 and 0.0 < out.discrimination <= 10.0
                and 0.0 <= out.sd <= 10.0):
            raise ValueError(f"calibration hors limites : {raw!r}")
        return out


@dataclass(frozen=True)
class Challenge:
    """One question. ``data`` is what its type (``engine.types``) parsed from the bundle; the
    display strings are ``Html`` the builder sanitised."""

    id: str
    skill_id: str
    type: str
    instruction: str = ""
    explanation: str = ""
    data: Any = field(default=None, compare=False)
    illustration: dict[str, str] | None = field(default=None, compare=False, hash=False)
    document: Html | None = None
    # A retired challenge is never asked again but stays readable in old states and results.
    retired: bool = False
    replaced_by: str | None = None
    # Seconds allowed in a « certification blanche » (content field temps_limite); None: untimed.
    time_limit: int | None = None
    # Its calibrated parameters, when collected answers gave some; None: its level stands for it.
    calibration: Calibration | None = field(default=None, compare=False)

    @property
    def proposals(self) -> list[str]:
        """The options of a choice question (empty for other types)."""
        return list(getattr(self.data, "proposals", ()))

    @property
    def option_count(self) -> int:
        return len(self.proposals)


@dataclass
class Referential:
    domains: list[Domain]
    competences: list[Competence]
    tubes: dict[str, Tube]
    skills: dict[str, Skill]
    challenges: dict[str, Challenge]
    tutorials: dict[str, dict[str, Any]] = field(default_factory=dict)
    profiles: dict[str, dict[str, Any]] = field(default_factory=dict)
    version: str = ""

    def __post_init__(self) -> None:
        self.competence_by_id = {c.id: c for c in self.competences}
        self.skills_by_competence: dict[str, list[Skill]] = {c.id: [] for c in self.competences}
        self.skills_by_tube: dict[str, list[Skill]] = {t: [] for t in self.tubes}
        for skill in sorted(self.skills.values(), key=lambda s: (s.tube_id, s.level)):
            self.skills_by_competence.setdefault(skill.competence_id, []).append(skill)
            self.skills_by_tube.setdefault(skill.tube_id, []).append(skill)
        # The challenges that can still be asked: retired ones stay in ``challenges`` only, so
        # that old states resume and old answers are scored, but nothing selects them again.
        self.challenges_by_skill: dict[str, list[Challenge]] = {s: [] for s in self.skills}
        for challenge in self.challenges.values():
            if not challenge.retired:
                self.challenges_by_skill.setdefault(challenge.skill_id, []).append(challenge)

    def max_level(self, competence_id: str) -> int:
        """Highest level the competence has askable content for (0 if none)."""
        return max(
            (s.level for s in self.skills_by_competence.get(competence_id, ())
             if self.challenges_by_skill.get(s.id)),
            default=0,
        )


def load_referential(source: str | Path | dict[str, Any],
                     parts: list[dict[str, Any]] | None = None) -> Referential:
    """Build a :class:`Referential` from the JSON bundle (a path to it, or its parsed dict).

    A test may load only what it needs: the split bundle's ``index.json`` as ``source`` with the
    ``parts`` of its competences (``data/referential/<version>/<competence>.json``), or one dict
    ``{"index": ..., "parts": [...]}`` (what the worker sends). See :func:`bundle_from_parts`.
    """
    if isinstance(source, (str, Path)):
        try:
            data = json.loads(Path(source).read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            raise EngineError("referential-unreadable",
                              f"Référentiel illisible ({source}) : {exc}") from exc
    else:
        data = source
    if parts is None and isinstance(data, dict) and "index" in data and "parts" in data:
        data, parts = data["index"], data["parts"]
    if parts is not None:
        data = bundle_from_parts(data, parts)
    try:
        return _from_dict(data)
    except EngineError as exc:
        raise EngineError("referential-invalid", f"Référentiel mal formé : {exc.message}") from exc
    except (KeyError, TypeError, ValueError) as exc:
        raise EngineError("referential-invalid", f"Référentiel mal formé : {exc!r}") from exc


def bundle_from_parts(index: dict[str, Any], parts: list[dict[str, Any]]) -> dict[str, Any]:
    """The union of the index and some competences' parts, as a bundle of those competences only.

    It is the full bundle restricted to the loaded competences (their tubes, skills and
    challenges; every domain, tutorial and parcours), so a test on them runs exactly as on the
    full bundle, and a competence that was not loaded is unknown rather than silently empty.
    """
    try:
        version = index["version"]
        loaded = {part["competence"] for part in parts}
        for part in parts:
            if part["version"] != version:
                raise EngineError(
                    "referential-mismatch",
                    f"Le référentiel est incomplet ou mélangé (version {part['version']} pour la "
                    f"compétence {part['competence']}, {version} attendue) : rechargez la page.")
        tubes = [t for t in index["tubes"] if t["competence_id"] in loaded]
        kept_tubes = {t["id"] for t in tubes}
        return {
            **index,
            "competences": [c for c in index["competences"] if c["id"] in loaded],
            "tubes": tubes,
            "skills": [s for s in index["skills"] if s["tube_id"] in kept_tubes],
            "challenges": [c for part in parts for c in part["challenges"]],
        }
    except (KeyError, TypeError) as exc:
        raise EngineError("referential-invalid", f"Référentiel mal formé : {exc!r}") from exc


def _from_dict(data: dict[str, Any]) -> Referential:
    tubes = {t["id"]: Tube(t["id"], t["competence_id"], t["title"], t.get("description", ""))
             for t in data["tubes"]}
    skills = {}
    for s in data["skills"]:
        tube = tubes[s["tube_id"]]
        skills[s["id"]] = Skill(
            id=s["id"], tube_id=tube.id, competence_id=tube.competence_id, level=int(s["level"]),
            title=s.get("title", ""), tutorials=tuple(s.get("tutorials", ())),
            learning_more=tuple(s.get("learning_more", ())),
        )
    challenges = {}
    for c in data["challenges"]:
        if c["skill_id"] not in skills:
            raise KeyError(f"épreuve {c['id']} : acquis inconnu {c['skill_id']}")
        challenges[c["id"]] = challenge_from_record(c)
    return Referential(
        domains=[Domain(d["id"], d["title"]) for d in data.get("domains", ())],
        competences=[Competence(c["id"], c["title"], c["domain_id"], c.get("description", ""),
                                dict(c.get("levels", {}))) for c in data["competences"]],
        tubes=tubes, skills=skills, challenges=challenges,
        tutorials={t["id"]: t for t in data.get("tutorials", ())},
        profiles={p["id"]: p for p in data.get("profiles", ())},
        version=str(data.get("version", "")),
    )


def challenge_from_record(c: dict[str, Any]) -> Challenge:
    """One challenge of the bundle's JSON (the builder's content check uses it too)."""
    kind = challenge_type(c["type"])
    return Challenge(
        id=c["id"], skill_id=c["skill_id"], type=kind.name,
        instruction=Html(c.get("instruction", "")), explanation=Html(c.get("explanation", "")),
        data=kind.parse(c), illustration=c.get("illustration"),
        document=html_or_none(c.get("document")),
        retired=bool(c.get("retired", False)), replaced_by=c.get("replaced_by"),
        time_limit=int(c["time_limit"]) if c.get("time_limit") else None,
        calibration=Calibration.from_record(c.get("calibration")),
    )
