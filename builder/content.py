"""Load ``content/`` into typed records, collecting every problem with its file and line.

Only the shape of each file is checked here (see ``schema``); what spans files (references,
uniqueness, solutions) is ``checks``'s job.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from . import cache, schema, siteconfig
from .diagnostics import Problems
from .siteconfig import SiteConfig
from .yamlfile import LDict, YamlError, line_of, parse


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
    proposals: list[str] = field(default_factory=list)
    answer: list[int] = field(default_factory=list)   # 1-based indexes (QCU: one)
    answers: list[Any] = field(default_factory=list)  # QROC strings, or QROCM-dep groups
    refused: list[str] = field(default_factory=list)
    input_label: str | None = None
    fields: list[dict[str, Any]] = field(default_factory=list)
    format: str = "texte"
    tolerances: list[str] = field(default_factory=lambda: list(schema.TOLERANCES))
    illustration: dict[str, str] | None = None
    document: str | None = None
    lines: dict[str, int] = field(default_factory=dict)


@dataclass
class Skill(Located):
    id: str
    tube_id: str
    level: int
    title: str
    challenges: list[Challenge] = field(default_factory=list)


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

    @property
    def referential_dir(self) -> Path:
        return self.root / "referential"

    @property
    def skills(self) -> list[Skill]:
        return [s for t in self.tubes for s in t.skills]

    @property
    def challenges(self) -> list[Challenge]:
        return [c for s in self.skills for c in s.challenges]


def tube_of(skill_ref: str) -> str:
    """The tube id of a skill reference: "@mots-cles2" → "mots-cles"."""
    return skill_ref[1:].rstrip("12345678")


def load_content(root: Path, problems: Problems) -> Content:
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


def _read_yaml(path: Path, problems: Problems) -> Any:
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        problems.error(path, 0, "le fichier n'est pas en UTF-8")
        return None
    except OSError as exc:
        problems.error(path, 0, f"fichier illisible : {exc.strerror}")
        return None
    try:
        return cache.parsed(parse, text)
    except YamlError as exc:
        problems.error(path, exc.line, exc.message)
        return None


def _load_site(path: Path, problems: Problems) -> SiteConfig | None:
    if not path.is_file():
        problems.error(path, 0, "fichier manquant : content/site.yaml donne le nom du site, le texte "
                                "de la page d'accueil et les noms des niveaux (voir le guide de "
                                "rédaction)")
        return None
    return siteconfig.load_site_config(path, _read_yaml(path, problems), problems)


def _reporter(path: Path, problems: Problems):
    return lambda line, message: problems.error(path, line, message)


def _load_domains(path: Path, content: Content, problems: Problems) -> None:
    data = _read_yaml(path, problems) if path.exists() else None
    if not path.exists():
        problems.error(path, 0, "fichier manquant : la liste des domaines")
    if data is None:
        return
    if not isinstance(data, list):
        problems.error(path, line_of(data, 1), "doit être une liste de domaines")
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
    data = _read_yaml(comp_file, problems) if comp_file.exists() else None
    if not comp_file.exists():
        problems.error(comp_file, 0, "fichier manquant : chaque dossier de compétence a un "
                                     "competence.yaml")
    competence_id = comp_dir.name
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
    data = _read_yaml(path, problems)
    if data is None:
        return
    if not isinstance(data, dict):
        problems.error(path, line_of(data, 1), "doit décrire un sujet (titre, description, acquis)")
        return
    report = _reporter(path, problems)
    values = schema.validate_map(data, schema.TUBE, report, "sujet")
    tube = Tube(path, data.line, tube_id, competence_id, values["titre"] or "",
                values["description"] or "")
    raw_skills = data.get("acquis") if isinstance(data.get("acquis"), list) else []
    for raw, skill_values in zip(raw_skills, values["acquis"] or [], strict=False):
        if not skill_values or skill_values["niveau"] is None:
            continue
        level = skill_values["niveau"]
        skill = Skill(path, line_of(raw), f"@{tube_id}{level}", tube_id, level,
                      skill_values["intitule"] or "")
        raw_challenges = raw.get("epreuves") if isinstance(raw.get("epreuves"), list) else []
        for raw_c, c_values in zip(raw_challenges, skill_values["epreuves"] or [], strict=False):
            if c_values:
                challenge = _challenge(path, raw_c, c_values, skill.id, report)
                if challenge:
                    skill.challenges.append(challenge)
        tube.skills.append(skill)
    content.tubes.append(tube)


def _challenge(path: Path, raw: LDict, v: dict[str, Any], skill_id: str, report) -> Challenge | None:
    if not (v["id"] and v["type"] and v["consigne"] and v["pourquoi"]):
        return None
    lines = dict(raw.key_lines)
    kind = v["type"]
    challenge = Challenge(
        path, raw.line, v["id"], skill_id, kind, v["consigne"], v["pourquoi"],
        format=v["format"] or "texte", tolerances=[t for t in (v["tolerances"] or []) if t],
        illustration=v["illustration"], document=v["document"], lines=lines,
        refused=[r for r in v["refusees"] or [] if r], input_label=v["champ"],
    )

    def forbid(*names: str) -> None:
        for name in names:
            if raw.get(name) is not None:
                report(lines.get(name, raw.line), f"« {name} » ne s'utilise pas avec le type {kind}")

    def need(name: str) -> bool:
        if raw.get(name) is None:
            report(raw.line, f"champ obligatoire manquant pour le type {kind} : « {name} »")
            return False
        return True

    if kind in ("QCU", "QCM"):
        forbid("reponses", "refusees", "champ", "champs", "format", "tolerances")
        if need("propositions") and need("reponse"):
            challenge.proposals = [p for p in v["propositions"] or [] if p]
            challenge.answer = [a for a in v["reponse"] or [] if a is not None]
            count = len(challenge.proposals)
            if not 2 <= count <= 8:
                report(lines["propositions"], f"il faut de 2 à 8 propositions, pas {count}")
            if kind == "QCU" and len(challenge.answer) != 1:
                report(lines["reponse"], "un QCU a exactement une bonne réponse (reponse: 2)")
            if kind == "QCM" and len(challenge.answer) < 2:
                report(lines["reponse"], "un QCM a au moins deux bonnes réponses "
                                         "(reponse: [1, 3]) ; sinon, faites un QCU")
            if len(set(challenge.answer)) != len(challenge.answer):
                report(lines["reponse"], "une bonne réponse est citée deux fois")
            for a in challenge.answer:
                if a > count:
                    report(lines["reponse"], f"la réponse {a} n'existe pas : il n'y a que "
                                             f"{count} propositions")
    elif kind == "QROC":
        forbid("propositions", "reponse", "champs")
        if need("reponses"):
            challenge.answers = [str(a) for a in v["reponses"] or [] if isinstance(a, str) and a]
            if len(challenge.answers) != len(v["reponses"] or []):
                report(lines["reponses"], "les réponses d'un QROC sont des textes")
    elif kind in ("QROCM-ind", "QROCM-dep"):
        forbid("propositions", "reponse", "champ")
        if need("champs"):
            challenge.fields = [f for f in v["champs"] or [] if f and f["cle"]]
            keys = [f["cle"] for f in challenge.fields]
            if len(set(keys)) != len(keys):
                report(lines["champs"], "deux champs ont la même clé")
            if len(challenge.fields) < 2:
                report(lines["champs"], f"un {kind} a au moins deux champs (sinon, un QROC)")
        if kind == "QROCM-ind":
            forbid("reponses", "refusees")
            for raw_f, f in zip(raw.get("champs") or [], challenge.fields, strict=False):
                if not f.get("reponses"):
                    report(line_of(raw_f, raw.line), f"le champ « {f['cle']} » n'a pas de "
                                                     "« reponses »")
        else:
            for raw_f, f in zip(raw.get("champs") or [], challenge.fields, strict=False):
                if f.get("reponses") or f.get("refusees"):
                    report(line_of(raw_f, raw.line), "en QROCM-dep, les réponses sont des groupes "
                                                     "sous « reponses », pas dans chaque champ")
            if need("reponses"):
                groups = []
                for group in v["reponses"] or []:
                    if isinstance(group, str):
                        group = [group]
                    if not isinstance(group, list) or not all(isinstance(g, str) for g in group):
                        report(lines["reponses"], "en QROCM-dep, chaque réponse est un groupe "
                                                  "de textes : - [firefox, mozilla firefox]")
                        continue
                    groups.append([str(g) for g in group])
                challenge.answers = groups
                if len(groups) < len(challenge.fields):
                    report(lines["reponses"], f"il faut au moins autant de groupes de réponses "
                                              f"({len(groups)}) que de champs "
                                              f"({len(challenge.fields)})")
    return challenge


def _load_tutorial(path: Path, content: Content, problems: Problems) -> None:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        problems.error(path, 0, f"fichier illisible : {exc}")
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
        data = cache.parsed(parse, "\n".join(lines[1:end]), first_line=2)
    except YamlError as exc:
        problems.error(path, exc.line, exc.message)
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
    data = _read_yaml(path, problems)
    if data is None:
        return
    if not isinstance(data, dict):
        problems.error(path, line_of(data, 1), "doit décrire un parcours (titre, sujets…)")
        return
    values = schema.validate_map(data, schema.PROFILE, _reporter(path, problems), "parcours")
    content.profiles.append(Profile(path, data.line, path.stem, values, dict(data.key_lines)))
