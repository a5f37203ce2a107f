"""Load ``content/`` into typed records, collecting every problem with its file and line.

Only the shape of each file is checked here (see ``schema``); what spans files (references,
uniqueness, solutions) is ``checks``'s job.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from functools import cache, cached_property
from pathlib import Path
from typing import Any

from engine.types import REGISTRY
from engine.types.base import ChallengeType

from . import schema, siteconfig
from .cache import BuildMemo
from .cache import parsed as parsed_once
from .diagnostics import Problems
from .images import ContentAssets
from .siteconfig import SiteConfig
from .yamlfile import LDict, YamlError, line_of, parse, read_text


@dataclass
class Located:
    path: Path
    line: int


@dataclass
class Domain(Located):
    id: str
    title: str


@dataclass
class Competence(Located):
    id: str
    domain_id: str
    title: str
    description: str
    levels: dict[str, str]


@dataclass
class Challenge(Located):
    id: str
    skill_id: str
    type: str
    instruction: str
    explanation: str
    payload: dict[str, Any] = field(default_factory=dict)   # what its type loaded (engine.types)
    illustration: dict[str, str] | None = None
    document: str | None = None
    lines: dict[str, int] = field(default_factory=dict)
    valid: bool = True   # False when loading it reported a problem: no self-check then
    retired: bool = False              # never asked again, kept for old results (docs/ids.md)
    replaced_by: str | None = None
    time_limit: int | None = None      # seconds, in a « certification blanche » only

    def line_at(self, key: str) -> int:
        return self.lines.get(key, self.line)


@dataclass
class Skill(Located):
    id: str            # permanent, written in the content (docs/ids.md): never derived from the level
    tube_id: str
    level: int
    title: str
    challenges: list[Challenge] = field(default_factory=list)
    id_line: int = 0

    @property
    def askable(self) -> bool:
        """Whether the engine can still ask it: at least one challenge is not retired."""
        return any(not c.retired for c in self.challenges)


@dataclass
class Tube(Located):
    id: str
    competence_id: str
    title: str
    description: str
    skills: list[Skill] = field(default_factory=list)


@dataclass
class Tutorial(Located):
    id: str
    title: str
    summary: str
    duration: int
    format: str
    skills: list[str]
    learning_more: list[str]
    body: str
    body_line: int
    skill_lines: dict[str, int] = field(default_factory=dict)


@dataclass
class Profile(Located):
    id: str
    data: dict[str, Any]
    lines: dict[str, int] = field(default_factory=dict)


@dataclass
class Content:
    root: Path
    domains: list[Domain] = field(default_factory=list)
    competences: list[Competence] = field(default_factory=list)
    tubes: list[Tube] = field(default_factory=list)
    tutorials: list[Tutorial] = field(default_factory=list)
    profiles: list[Profile] = field(default_factory=list)
    site: SiteConfig | None = None
    # Files that could not be read: what cites them is not reported again (one clear message).
    failed: set[Path] = field(default_factory=set)
    _challenges: tuple[int, list[Challenge]] = field(default=(-1, []), repr=False,
                                                     compare=False)
    _tubes_by_skill: tuple[int, dict[str, str]] = field(default=(-1, {}), repr=False,
                                                         compare=False)

    def has_failed(self, path: Path) -> bool:
        return path in self.failed

    @property
    def failed_tube_ids(self) -> set[str]:
        ref_dir = self.referential_dir
        return {p.stem for p in self.failed
                if p.suffix == ".yaml" and p.parent.parent == ref_dir
                and p.name != "competence.yaml" and p.parent.name != "parcours"}

    @cached_property
    def referential_dir(self) -> Path:
        return self.root / "referential"

    @cached_property
    def _referential_files(self) -> frozenset[str]:
        found = set()
        for folder in ("images", "documents"):
            for parent, _dirs, files in os.walk(self.referential_dir / folder):
                relative = Path(parent).relative_to(self.referential_dir).as_posix()
                found.update(f"{relative}/{name}" for name in files)
        return frozenset(found)

    def has_file(self, relative: str) -> bool:
        """Whether ``referential/<relative>`` (an image or a document) is a file: the folders
        are listed once per build instead of a system call per challenge."""
        return relative in self._referential_files

    @property
    def skills(self) -> list[Skill]:
        return [s for t in self.tubes for s in t.skills]

    @property
    def challenges(self) -> list[Challenge]:
        """Every challenge, in file order: listed once per count of tubes (a tube is added once
        its skills and challenges are all read), since the checks ask for it again and again."""
        count = len(self.tubes)
        if self._challenges[0] != count:
            self._challenges = (count, [c for s in self.skills for c in s.challenges])
        return self._challenges[1]

    def tube_of(self, skill_id: str) -> str | None:
        """The tube of a skill, looked up (a skill id says nothing of its tube or level); a
        tutorial's reference to a section (``@id#anchor``) names the same skill."""
        skill_id = skill_id.split("#", 1)[0]
        return self._skill_tubes().get(skill_id)

    def _skill_tubes(self) -> dict[str, str]:
        """Skill id → tube id (the first skill of an id wins), made again if skills changed."""
        count = len(self.tubes)  # a tube is added once its skills are all read
        if self._tubes_by_skill[0] != count:
            index: dict[str, str] = {}
            for skill in self.skills:
                index.setdefault(skill.id, skill.tube_id)
            self._tubes_by_skill = (count, index)
        return self._tubes_by_skill[1]


def load_content(root: Path, problems: Problems) -> Content:
    _CHALLENGES.next_build()
    content = Content(root=root)
    content.site = _load_site(root / siteconfig.FILE_NAME, problems)
    ref_dir = root / "referential"
    if not ref_dir.is_dir():
        problems.error(ref_dir, 0, "dossier introuvable : le référentiel doit être dans "
                                   "content/referential/")
        return content
    _load_domains(ref_dir / "domaines.yaml", content, problems)
    for comp_dir in sorted(p for p in ref_dir.iterdir() if p.is_dir()):
        if comp_dir.name in ("images", "documents", "parcours"):
            continue
        _load_competence_dir(comp_dir, content, problems)
    for path in sorted((ref_dir / "parcours").glob("*.yaml")):
        _load_profile(path, content, problems)
    tutorials_dir = root / "tutorials"
    for path in sorted(tutorials_dir.glob("*.md")) if tutorials_dir.is_dir() else ():
        _load_tutorial(path, content, problems)
    return content


def _read_yaml(path: Path, problems: Problems, what: str = "") -> Any:
    """The parsed file, or None after reporting why (unreadable, invalid, or empty: ``what``
    says what the file should describe)."""
    try:
        text = read_text(path)
    except UnicodeDecodeError as exc:
        problems.error(path, _byte_line(path, exc.start), "le fichier n'est pas en UTF-8 : "
                       "enregistrez-le en UTF-8 (menu « Enregistrer sous » de l'éditeur)")
        return None
    except OSError as exc:
        problems.error(path, 0, f"fichier illisible : {exc.strerror}")
        return None
    try:
        data = parsed_once(parse, text)
    except YamlError as exc:
        for line, message in exc.problems:
            problems.error(path, line, message)
        return None
    if data is None or data == "":
        problems.error(path, 1, f"fichier vide : il doit décrire {what or 'quelque chose'}")
        return None
    return data


def _byte_line(path: Path, offset: int) -> int:
    """The 1-based line of a byte offset, for encoding errors."""
    try:
        return path.read_bytes()[:offset].count(b"\n") + 1
    except OSError:
        return 0


def _load_site(path: Path, problems: Problems) -> SiteConfig | None:
    if not path.is_file():
        problems.error(path, 0, "fichier manquant : content/site.yaml donne le nom du site, le texte "
                                "de la page d'accueil et les noms des niveaux (voir le guide de "
                                "rédaction)")
        return None
    data = _read_yaml(path, problems, "le site (nom, accueil, niveaux…)")
    return siteconfig.load_site_config(path, data, problems)


def _reporter(path: Path, problems: Problems):
    return lambda line, message: problems.error(path, line, message)


def _load_domains(path: Path, content: Content, problems: Problems) -> None:
    data = _read_yaml(path, problems, "la liste des domaines (- id: …, titre: …)") \
        if path.exists() else None
    if not path.exists():
        problems.error(path, 0, "fichier manquant : la liste des domaines")
    if data is None:
        content.failed.add(path)
        return
    if not isinstance(data, list):
        problems.error(path, line_of(data, 1), "doit être une liste de domaines")
        content.failed.add(path)
        return
    for item in data:
        if not isinstance(item, dict):
            problems.error(path, line_of(item, 1), "chaque domaine doit avoir un id et un titre")
            continue
        values = schema.validate_map(item, schema.DOMAIN, _reporter(path, problems), "domaine")
        if values["id"] and values["titre"]:
            content.domains.append(Domain(path, line_of(item), values["id"], values["titre"]))


def _load_competence_dir(comp_dir: Path, content: Content, problems: Problems) -> None:
    comp_file = comp_dir / "competence.yaml"
    data = _read_yaml(comp_file, problems, "la compétence (id, domaine, titre, description, "
                      "niveaux)") if comp_file.exists() else None
    if not comp_file.exists():
        problems.error(comp_file, 0, "fichier manquant : chaque dossier de compétence a un "
                                     "competence.yaml")
    competence_id = comp_dir.name
    if not isinstance(data, dict):
        content.failed.add(comp_file)
    if isinstance(data, dict):
        values = schema.validate_map(data, schema.COMPETENCE, _reporter(comp_file, problems),
                                     "compétence")
        if values["id"] and values["id"] != comp_dir.name:
            problems.error(comp_file, data.line_of("id"),
                           f"l'id « {values['id']} » ne correspond pas au nom du dossier "
                           f"« {comp_dir.name} »")
        if all(values[k] for k in ("id", "domaine", "titre", "description", "niveaux")):
            content.competences.append(Competence(
                comp_file, data.line, values["id"], values["domaine"], values["titre"],
                values["description"], {k: v for k, v in values["niveaux"].items() if v}))
    elif data is not None:
        problems.error(comp_file, line_of(data, 1), "doit décrire la compétence (id, titre…)")
    for path in sorted(comp_dir.glob("*.yaml")):
        if path.name != "competence.yaml":
            _load_tube(path, competence_id, content, problems)
    for path in sorted(comp_dir.iterdir()):
        if path.is_file() and path.suffix != ".yaml":
            problems.error(path, 0, "fichier inattendu : un dossier de compétence ne contient "
                                    "que des fichiers .yaml")


def _load_tube(path: Path, competence_id: str, content: Content, problems: Problems) -> None:
    tube_id = path.stem
    if not re.fullmatch(schema.TUBE_PATTERN, tube_id):
        problems.error(path, 0, f"nom de sujet « {tube_id} » invalide : minuscules, chiffres et "
                                "tirets, sans chiffre à la fin")
    data = _read_yaml(path, problems, "un sujet (titre, description, acquis)")
    if not isinstance(data, dict):
        content.failed.add(path)
        if data is not None:
            problems.error(path, line_of(data, 1),
                           "doit décrire un sujet (titre, description, acquis)")
        return
    report = _reporter(path, problems)
    assets = ContentAssets(content.referential_dir)
    values = schema.validate_map(data, schema.TUBE, report, "sujet")
    tube = Tube(path, data.line, tube_id, competence_id, values["titre"] or "",
                values["description"] or "")
    raw_skills = data.get("acquis") if isinstance(data.get("acquis"), list) else []
    for raw, skill_values in zip(raw_skills, values["acquis"] or [], strict=False):
        if not skill_values or skill_values["niveau"] is None:
            continue
        level = skill_values["niveau"]
        # A missing or invalid id is reported; a stand-in keeps the other checks meaningful.
        skill_id = skill_values["id"] or f"@{tube_id}{level}"
        if raw.get("id") is None:
            report(line_of(raw), f"acquis de niveau {level} sans « id » : ajoutez la ligne "
                                 f"id: \"{skill_id}\" sous « niveau » (un identifiant permanent, "
                                 "qui ne change plus, même si l'acquis change de niveau)")
        skill = Skill(path, line_of(raw), skill_id, tube_id, level,
                      skill_values["intitule"] or "", id_line=raw.key_lines.get("id", line_of(raw)))
        for raw_c in skill_values["epreuves"] or []:
            challenge = _challenge_once(path, raw_c, skill.id, report, assets)
            if challenge:
                skill.challenges.append(challenge)
        tube.skills.append(skill)
    content.tubes.append(tube)


# Challenges loaded by earlier builds, keyed on their parsed (shared, read-only) YAML.
_CHALLENGES = BuildMemo()


class _AskedAssets:
    """The content's images as a type asks about them, noting each answer: a challenge loaded
    before is reused only if the pictures it read still give the same answers."""

    def __init__(self, assets: ContentAssets) -> None:
        self.assets = assets
        self.asked: list[tuple[str, Any]] = []

    def image_box(self, path: str) -> tuple[float, float, float, float] | None:
        box = self.assets.image_box(path)
        self.asked.append((path, box))
        return box


def _challenge_once(path: Path, raw: Any, skill_id: str, report, assets: ContentAssets
                    ) -> Challenge | None:
    """``_challenge``, or what it gave for the same parsed YAML last time (its problems said
    again), when the pictures it read are unchanged."""
    extra = (str(path), skill_id)
    memo = _CHALLENGES.get((raw,), extra)
    if memo is not None:
        challenge, reported, asked = memo
        if all(assets.image_box(image) == box for image, box in asked):
            for line, message in reported:
                report(line, message)
            return challenge
    reported: list[tuple[int, str]] = []

    def noted(line: int, message: str) -> None:
        reported.append((line, message))
        report(line, message)

    asking = _AskedAssets(assets)
    challenge = _challenge(path, raw, skill_id, noted, asking)
    _CHALLENGES.put((raw,), extra, (challenge, reported, asking.asked))
    return challenge


def _challenge(path: Path, raw: Any, skill_id: str, report, assets: ContentAssets
               ) -> Challenge | None:
    """One challenge: the common fields, then its type's own (declared in ``engine.types``)."""
    if not isinstance(raw, LDict):
        report(line_of(raw), "chaque épreuve est une liste de champs (id, type, consigne…)")
        return None
    reported = []

    def report_here(line: int, message: str) -> None:
        reported.append(message)
        report(line, message)

    kind = _challenge_kind(raw, report_here)
    spec = {**schema.CHALLENGE_COMMON, **(_type_fields(kind) if kind else {})}
    foreign = [k for k in raw if k not in spec and kind and k in _ALL_TYPE_FIELDS]
    for key in foreign:
        report_here(raw.line_of(key), f"« {key} » ne s'utilise pas avec le type {kind.name}")
    values = schema.validate_map(_without(raw, foreign), spec, report_here, "épreuve")
    if not (values["id"] and kind and values["consigne"] and values["pourquoi"]):
        return None

    def problem(message: str, at: Any = None) -> None:
        line = line_of(at) or (raw.line_of(at) if isinstance(at, str) else 0) or raw.line
        report_here(line, f"épreuve {values['id']} : {message}")

    payload = kind.load(values, problem, assets)
    if payload is None:
        return None
    return Challenge(path, raw.line, values["id"], skill_id, kind.name, values["consigne"],
                     values["pourquoi"], payload, values["illustration"], values["document"],
                     dict(raw.key_lines), valid=not reported,
                     retired=bool(values["retiree"]), replaced_by=values["remplacee_par"],
                     time_limit=values["temps_limite"])


_ALL_TYPE_FIELDS = {name for t in REGISTRY.values() for name in t.fields}


@cache
def _type_fields(kind: ChallengeType) -> dict[str, schema.Field]:
    return {name: schema.field_from_spec(spec) for name, spec in kind.fields.items()}


def _challenge_kind(raw: LDict, report) -> ChallengeType | None:
    name = raw.get("type")
    if name is None or not isinstance(name, str):
        return None  # the schema reports the missing or malformed field
    if name not in REGISTRY:
        report(raw.line_of("type"), f"« type » vaut « {name} » ; valeurs possibles : "
                                    + ", ".join(REGISTRY))
        return None
    return REGISTRY[name]


def _without(raw: LDict, keys: list[str]) -> LDict:
    if not keys:
        return raw
    out = LDict((k, v) for k, v in raw.items() if k not in keys)
    out.line, out.key_lines = raw.line, raw.key_lines
    return out


def _load_tutorial(path: Path, content: Content, problems: Problems) -> None:
    before = len(problems.errors)
    _read_tutorial(path, content, problems)
    if len(problems.errors) > before and not any(t.path == path for t in content.tutorials):
        content.failed.add(path)


def _read_tutorial(path: Path, content: Content, problems: Problems) -> None:
    try:
        text = read_text(path)
    except UnicodeDecodeError as exc:
        problems.error(path, _byte_line(path, exc.start), "le fichier n'est pas en UTF-8 : "
                       "enregistrez-le en UTF-8")
        return
    except OSError as exc:
        problems.error(path, 0, f"fichier illisible : {exc.strerror}")
        return
    lines = text.split("\n")
    if not lines or lines[0].strip() != "---":
        problems.error(path, 1, "un tutoriel commence par un en-tête YAML entre deux lignes ---")
        return
    try:
        end = next(i for i in range(1, len(lines)) if lines[i].strip() == "---")
    except StopIteration:
        problems.error(path, 1, "l'en-tête YAML n'est pas fermé par une ligne ---")
        return
    try:
        data = parsed_once(parse, "\n".join(lines[1:end]), first_line=2)
    except YamlError as exc:
        for line, message in exc.problems:
            problems.error(path, line, message)
        return
    if not isinstance(data, dict):
        problems.error(path, 2, "l'en-tête doit contenir titre, resume, duree, format, acquis")
        return
    values = schema.validate_map(data, schema.TUTORIAL, _reporter(path, problems), "tutoriel")
    body = "\n".join(lines[end + 1:])
    if not body.strip():
        problems.error(path, end + 2, "le tutoriel est vide")
    if not all(values[k] for k in ("titre", "resume", "duree", "format", "acquis")):
        return
    skill_lines = {}
    for key in ("acquis", "en_savoir_plus"):
        for item in data.get(key) or []:
            skill_lines[str(item)] = line_of(item, data.line_of(key))
    content.tutorials.append(Tutorial(
        path, 1, path.stem, values["titre"], values["resume"], values["duree"], values["format"],
        [s for s in values["acquis"] if s], [s for s in values["en_savoir_plus"] or [] if s],
        body, end + 2, skill_lines))


def _load_profile(path: Path, content: Content, problems: Problems) -> None:
    data = _read_yaml(path, problems, "un parcours (titre, description, sujets…)")
    if data is None:
        return
    if not isinstance(data, dict):
        problems.error(path, line_of(data, 1), "doit décrire un parcours (titre, sujets…)")
        return
    if not re.fullmatch(schema.ID_PATTERN, path.stem):
        problems.error(path, 0, f"nom de parcours « {path.stem} » invalide : minuscules, chiffres "
                                "et tirets (100 caractères au plus)")
    values = schema.validate_map(data, schema.PROFILE, _reporter(path, problems), "parcours")
    content.profiles.append(Profile(path, data.line, path.stem, values, dict(data.key_lines)))
