"""What spans files: unique ids, references that resolve, solutions the engine accepts.

Each challenge is turned into the engine's own record and checked with the engine's own answer
checker, so what ``diagnum check`` accepts is exactly what a learner's browser will accept.
"""

from __future__ import annotations

from pathlib import Path

from engine.answers import is_correct
from engine.referential import Challenge as EngineChallenge
from engine.referential import challenge_from_record
from engine.types import challenge_type

from . import links, markdown, rules, svgcheck
from .bundle import challenge_record
from .cache import BuildMemo
from .content import Challenge, Content
from .diagnostics import Noted, Problems, checked_once
from .tutorial_pictures import check_tutorial_pictures, used_pictures
from .yamlfile import line_of, read_text

OFFICIAL_LEVEL_RANGE = range(1, 9)


def check_content(content: Content, problems: Problems) -> None:
    _check_structure(content, problems)
    sources: dict[Path, list[str]] = {}
    _TEXT_CHECKS.next_build()
    _SELF_CHECKED.next_build()
    for challenge in content.challenges:
        _check_challenge(content, challenge, problems)
        checked_once(_TEXT_CHECKS, challenge,
                     lambda noted, ch=challenge: _check_challenge_texts(ch, noted, sources),
                     problems)
    _check_documents(content, problems)
    _check_images(content, problems)
    _check_tutorials(content, problems)
    _check_profiles(content, problems)
    rules.check_rules(content, problems)
    _check_unused_files(content, problems)


def _check_unused_files(content: Content, problems: Problems) -> None:
    """Images and documents no challenge nor tutorial cites: forgotten, or a typo in a path."""
    if content.failed_tube_ids or any(p.suffix == ".md" for p in content.failed):
        return  # the files that would cite them could not be read
    used = {c.illustration["image"] for c in content.challenges if c.illustration}
    used |= used_pictures(content)
    used |= {c.document for c in content.challenges if c.document}
    for folder in ("images", "documents"):
        base = content.referential_dir / folder
        for path in sorted(base.iterdir()) if base.is_dir() else ():
            if path.is_file() and f"{folder}/{path.name}" not in used:
                problems.warning(path, 0, "fichier inutilisé : aucune épreuve ni aucun "
                                          "tutoriel ne le cite")


def _duplicates(items, key, problems: Problems, what: str) -> None:
    seen: dict[str, object] = {}
    for item in items:
        k = key(item)
        if k in seen:
            first = seen[k]
            problems.error(item.path, item.line, f"{what} « {k} » en double (déjà défini dans "
                                                 f"{problems.rel(first.path)}:{first.line})")
        else:
            seen[k] = item


def _check_structure(content: Content, problems: Problems) -> None:
    _duplicates(content.domains, lambda d: d.id, problems, "domaine")
    _duplicates(content.competences, lambda c: c.id, problems, "compétence")
    _duplicates(content.tubes, lambda t: t.id, problems, "sujet")
    _duplicates(content.challenges, lambda c: c.id, problems, "épreuve")
    _check_skill_ids(content, problems)
    _check_retired(content, problems)
    domain_ids = {d.id for d in content.domains}
    competence_ids = {c.id for c in content.competences}
    domains_failed = content.has_failed(content.referential_dir / "domaines.yaml")
    for comp in content.competences:
        if comp.domain_id not in domain_ids and not domains_failed:
            problems.error(comp.path, comp.line, f"domaine inconnu « {comp.domain_id} »")
        elif not comp.id.startswith(comp.domain_id + "."):
            problems.error(comp.path, comp.line, f"la compétence {comp.id} ne peut pas être dans "
                                                 f"le domaine {comp.domain_id}")
        if not any(t.competence_id == comp.id for t in content.tubes):
            problems.warning(comp.path, comp.line, f"la compétence {comp.id} n'a encore aucun "
                                                   "sujet : elle ne peut pas être évaluée")
    for domain in content.domains:
        if not any(c.domain_id == domain.id for c in content.competences):
            problems.warning(domain.path, domain.line, f"le domaine {domain.id} n'a aucune "
                                                       "compétence")
    for tube in content.tubes:
        comp_file = tube.path.parent / "competence.yaml"
        if tube.competence_id not in competence_ids and not content.has_failed(comp_file):
            problems.error(tube.path, tube.line, f"le dossier « {tube.competence_id} » n'est pas "
                                                 "une compétence connue (competence.yaml manquant ?)")
        levels: dict[int, int] = {}
        for skill in tube.skills:
            if skill.level in levels:
                problems.error(tube.path, skill.line, f"deux acquis de niveau {skill.level} dans "
                                                      f"ce sujet (l'autre ligne {levels[skill.level]})")
            levels.setdefault(skill.level, skill.line)
            if not skill.challenges:
                problems.error(tube.path, skill.line, f"l'acquis {skill.id} n'a aucune épreuve")
        if not tube.skills:
            problems.error(tube.path, tube.line, "ce sujet n'a aucun acquis")


def _check_skill_ids(content: Content, problems: Problems) -> None:
    """Skill ids are permanent and unique across the whole referential (docs/ids.md)."""
    seen: dict[str, object] = {}
    for skill in content.skills:
        first = seen.setdefault(skill.id, skill)
        if first is not skill:
            problems.error(skill.path, skill.id_line or skill.line,
                           f"acquis « {skill.id} » en double (déjà défini dans "
                           f"{problems.rel(first.path)}:{first.id_line or first.line}) : un id "
                           "d'acquis est unique et ne se réutilise jamais, choisissez-en un neuf")


def _check_retired(content: Content, problems: Problems) -> None:
    """A retired challenge stays in the content; what replaces it must exist and be live."""
    by_id = {c.id: c for c in content.challenges}
    for ch in content.challenges:
        line = ch.lines.get("remplacee_par", ch.line)
        if ch.replaced_by and not ch.retired:
            problems.error(ch.path, line, f"épreuve {ch.id} : « remplacee_par » ne s'utilise "
                                          "qu'avec « retiree: oui »")
        if ch.replaced_by:
            target = by_id.get(ch.replaced_by)
            if target is None:
                problems.error(ch.path, line, f"épreuve {ch.id} : remplacee_par cite une épreuve "
                                              f"inconnue « {ch.replaced_by} »")
            elif target is ch:
                problems.error(ch.path, line, f"épreuve {ch.id} : une épreuve ne se remplace pas "
                                              "elle-même")
            elif target.retired:
                problems.error(ch.path, line, f"épreuve {ch.id} : l'épreuve de remplacement "
                                              f"« {target.id} » est elle-même retirée ; citez "
                                              "une épreuve active")
    for skill in content.skills:
        if skill.challenges and not skill.askable:
            problems.warning(skill.path, skill.line, f"toutes les épreuves de l'acquis {skill.id} "
                                                     "sont retirées : il ne sera plus proposé")


def _engine_challenge(ch: Challenge) -> EngineChallenge:
    return challenge_from_record(challenge_record(ch, render=False))


def _check_challenge(content: Content, ch: Challenge, problems: Problems) -> None:
    if ch.valid:
        for at, message in _self_check_failures(ch):
            problems.error(ch.path, ch.line_at(at), f"épreuve {ch.id} : {message}")
    if ch.illustration:
        image = ch.illustration.get("image") or ""
        img_line = line_of(image, ch.lines.get("illustration", ch.line))
        if not image.startswith("images/") or ".." in image:
            problems.error(ch.path, img_line, f"l'image « {image} » doit être dans images/")
        elif not content.has_file(image):
            problems.error(ch.path, img_line, f"image introuvable : content/referential/{image}")
        alt = (ch.illustration.get("alt") or "").strip()
        if len(alt) < 15 or alt.lower() in ("image", "illustration", "photo"):
            problems.error(ch.path, img_line, f"épreuve {ch.id} : le texte alternatif doit décrire "
                                              "ce que montre l'image (au moins une phrase)")
    if ch.document:
        doc_line = line_of(ch.document, ch.lines.get("document", ch.line))
        if not ch.document.startswith("documents/") or not ch.document.endswith(".md") \
                or ".." in ch.document:
            problems.error(ch.path, doc_line, f"le document « {ch.document} » doit être un "
                                              "fichier .md de documents/")
        elif not content.has_file(ch.document):
            problems.error(ch.path, doc_line,
                           f"document introuvable : content/referential/{ch.document}")


# Self-check outcomes by challenge content: an editor's rebuild re-runs only what changed.
# The loader hands out the same Challenge object for an unchanged file; the content's repr is
# the key for the others (a challenge moved, an edit undone).
_SELF_CHECKS: dict[str, list[tuple[str, str]]] = {}
_SELF_CHECKED = BuildMemo()


def _self_check_failures(ch: Challenge) -> list[tuple[str, str]]:
    """The type's own cases, run through the engine's checker (what the check accepts is exactly
    what a learner's browser will accept): (YAML key, message) of each case that fails."""
    known = _SELF_CHECKED.get((ch,))
    if known is None:
        known = _self_check_failures_of(ch)
        _SELF_CHECKED.put((ch,), (), known)
    return known


def _self_check_failures_of(ch: Challenge) -> list[tuple[str, str]]:
    key = repr((ch.type, ch.payload, ch.illustration))
    if key not in _SELF_CHECKS:
        engine_ch = _engine_challenge(ch)
        if len(_SELF_CHECKS) > 20_000:
            _SELF_CHECKS.clear()
        _SELF_CHECKS[key] = [
            (case.at, case.message)
            for case in challenge_type(ch.type).self_checks(ch.payload, engine_ch.data)
            if is_correct(engine_ch, case.response) != case.accepted]
    return _SELF_CHECKS[key]


# Text problems of challenges checked by earlier builds: the loader hands out the same
# Challenge object for an unchanged file (content._CHALLENGES), and these checks read it alone.
_TEXT_CHECKS = BuildMemo()


def _check_challenge_texts(ch: Challenge, problems: Problems | Noted,
                           sources: dict[Path, list[str]]) -> None:
    """Every Markdown text of a challenge: lint (raw HTML, script links, external images…) and
    length."""
    for name, text in (("consigne", ch.instruction), ("pourquoi", ch.explanation)):
        # A block scalar (|) starts on the line after its key.
        start = ch.lines.get(name, ch.line) + (1 if "\n" in text else 0)
        if message := markdown.too_long(text, name):
            problems.error(ch.path, start, f"épreuve {ch.id}, {name} : {message}")
            continue
        for line, message in markdown.lint(text, start, top_heading=3):
            problems.error(ch.path, line, f"épreuve {ch.id}, {name} : {message}")
    if not ch.valid:
        return
    # Whatever the type renders (proposals, labels…), collected through its own record.
    collector = _TextCollector()
    challenge_type(ch.type).record(ch.payload, collector)
    for kind, text in collector.texts:
        line = _source_line(ch, text, sources)
        where = f"épreuve {ch.id}, texte « {_short(text)} »"
        if message := markdown.too_long(text, "proposition" if kind == "inline" else "consigne"):
            problems.error(ch.path, line, f"{where} : {message}")
            continue
        lint = markdown.lint_inline(text, line) if kind == "inline" else \
            markdown.lint(text, line, top_heading=3)
        for at, message in lint:
            problems.error(ch.path, at, f"{where} : {message}")


class _TextCollector:
    """A renderer that renders nothing: it notes each display text a type would render."""

    def __init__(self) -> None:
        self.texts: list[tuple[str, str]] = []

    def block(self, text: str) -> str:
        self.texts.append(("block", text))
        return text

    def inline(self, text: str) -> str:
        self.texts.append(("inline", text))
        return text


def _short(text: str, size: int = 40) -> str:
    text = " ".join(text.split())
    return text if len(text) <= size else text[:size - 1] + "…"


def _source_line(ch: Challenge, text: str, sources: dict[Path, list[str]]) -> int:
    """The line of ``text`` in the challenge's file (searched from the challenge's first line):
    loaded values lose their line once a type has converted them."""
    first = next((part.strip() for part in text.split("\n") if part.strip()), "")
    if first:
        if ch.path not in sources:
            try:
                sources[ch.path] = read_text(ch.path).split("\n")
            except (OSError, UnicodeDecodeError):
                sources[ch.path] = []
        lines = sources[ch.path]
        for number in range(ch.line - 1, len(lines)):
            if first in lines[number]:
                return number + 1
    return ch.line


def _check_documents(content: Content, problems: Problems) -> None:
    """Each cited document once: UTF-8, a sensible length, safe Markdown (what the build renders)."""
    ref_dir = content.referential_dir
    for doc in sorted({c.document for c in content.challenges if c.document}):
        path = ref_dir / doc
        if not doc.startswith("documents/") or ".." in doc or not path.is_file():
            continue  # reported where the challenge cites it
        try:
            text = read_text(path)
        except UnicodeDecodeError:
            problems.error(path, 0, "le document n'est pas en UTF-8 : enregistrez-le en UTF-8 "
                                    "(menu « Enregistrer sous » de l'éditeur)")
            continue
        except OSError as exc:
            problems.error(path, 0, f"document illisible : {exc.strerror}")
            continue
        if message := markdown.too_long(text, "document"):
            problems.error(path, 1, message)
            continue
        for line, message in markdown.lint(text, 1, check_headings=False):
            problems.error(path, line, message)


def _check_images(content: Content, problems: Problems) -> None:
    """Every SVG of images/ is checked like code: it is served from the site's own origin."""
    base = content.referential_dir / "images"
    for path in sorted(base.glob("*.svg")) if base.is_dir() else ():
        for line, message in svgcheck.check_file(path):
            problems.error(path, line, message)


def _check_tutorials(content: Content, problems: Problems) -> None:
    _duplicates(content.tutorials, lambda t: t.id, problems, "tutoriel")
    for tut in content.tutorials:
        if message := markdown.too_long(tut.body, "tutoriel"):
            problems.error(tut.path, tut.body_line, message)
            continue  # nothing more is read of an absurd text
        for line, message in markdown.lint(tut.body, tut.body_line):
            problems.error(tut.path, line, message)
    links.check_tutorial_links(content, problems)
    check_tutorial_pictures(content, problems)
    skills = {s.id for s in content.skills}
    failed_tubes = content.failed_tube_ids
    covered: set[str] = set()
    linked: set[str] = set()
    for tut in content.tutorials:
        anchors = None
        for ref in tut.skills + tut.learning_more:
            sid, _, anchor = ref.partition("#")
            line = tut.skill_lines.get(ref, 2)
            # A skill of a sujet that could not be read is not "unknown": that file is the error.
            if sid not in skills and not failed_tubes:
                problems.error(tut.path, line, f"acquis inconnu « {sid} » (vérifiez la ligne "
                                               "« id » de l'acquis dans son sujet)")
            if anchor and not markdown.too_long(tut.body, "tutoriel"):
                anchors = markdown.heading_anchors(tut.body) if anchors is None else anchors
                if anchor not in anchors:
                    known = ", ".join(sorted(anchors)[:8]) or "aucune"
                    problems.error(tut.path, line, f"« {ref} » : section « #{anchor} » "
                                                   f"introuvable dans ce tutoriel (sections : "
                                                   f"{known}) ; l'ancre est l'intertitre en "
                                                   "minuscules, sans accents, mots reliés par "
                                                   "des tirets")
            linked.add(sid)
        covered.update(content.tube_of(sid) for sid in tut.skills + tut.learning_more)
    tutorials_failed = any(p.suffix == ".md" for p in content.failed)
    for skill in content.skills if not tutorials_failed else ():
        if skill.id not in linked and skill.askable:
            problems.warning(skill.path, skill.id_line or skill.line,
                             f"l'acquis {skill.id} (niveau {skill.level}) n'est relié à aucun "
                             f"tutoriel : ajoutez \"{skill.id}\" (ou \"{skill.id}#section\") à "
                             "l'en-tête « acquis » du tutoriel ou de la section qui l'enseigne")
    for tube in content.tubes:
        if tube.skills and tube.id not in covered and not tutorials_failed:
            problems.error(tube.path, tube.line, f"le sujet « {tube.id} » n'a aucun tutoriel : "
                                                 "reliez-en un à l'un de ses acquis (champ acquis)")


def _check_profiles(content: Content, problems: Problems) -> None:
    tubes = {t.id: t for t in content.tubes}
    competences = {c.id for c in content.competences}
    for profile in content.profiles:
        v = profile.data
        blocks = {b["id"] for b in v["blocs"] or [] if b}
        for entry in v["sujets"] or []:
            if not entry or not entry["sujet"]:
                continue
            tube = tubes.get(entry["sujet"])
            line = line_of(entry["sujet"], profile.lines.get("sujets", profile.line))
            if tube is None and entry["sujet"] in content.failed_tube_ids:
                pass
            elif tube is None:
                problems.error(profile.path, line, f"sujet inconnu « {entry['sujet']} »")
            elif entry["niveau_max"] and not any(s.level <= entry["niveau_max"]
                                                 for s in tube.skills):
                problems.error(profile.path, line, f"le sujet « {tube.id} » n'a aucun acquis de "
                                                   f"niveau ≤ {entry['niveau_max']}")
            if entry.get("bloc") and entry["bloc"] not in blocks:
                problems.error(profile.path, line, f"bloc inconnu « {entry['bloc']} »")
        for cid in v["competences"] or []:
            if cid not in competences:
                problems.error(profile.path, profile.lines.get("competences", profile.line),
                               f"compétence inconnue « {cid} »")
        if not (v["sujets"] or v["competences"]):
            problems.error(profile.path, profile.line, "un parcours vise des « sujets » ou des "
                                                       "« competences »")
        for badge in v["badges"] or []:
            for b in (badge or {}).get("blocs") or []:
                if b not in blocks:
                    problems.error(profile.path, profile.lines.get("badges", profile.line),
                                   f"badge « {badge['id']} » : bloc inconnu « {b} »")
