"""Render the pages with Jinja2. Every URL is relative to the page that contains it."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape
from markupsafe import Markup

from . import markdown, typography
from .bundle import profile_record
from .content import Content
from .security import META_CONTENT_SECURITY_POLICY
from .tutorial_pictures import page_pictures
from .urls import relative


@dataclass
class Page:
    path: str          # from the site root, e.g. "competences/1.1/index.html"
    template: str
    context: dict[str, Any]


def competence_key(cid: str) -> list[int]:
    return [int(x) for x in cid.split(".")]


def plan_pages(content: Content) -> list[Page]:
    """Every page of the site, with what it shows."""
    competences = sorted(content.competences, key=lambda c: competence_key(c.id))
    tutorials_by_tube: dict[str, list[Any]] = {}
    for tut in sorted(content.tutorials, key=lambda t: t.title):
        tube_ids = {content.tube_of(s) for s in tut.skills + tut.learning_more} - {None}
        for tube_id in sorted(tube_ids):
            tutorials_by_tube.setdefault(tube_id, []).append(tut)
    tubes_by_comp: dict[str, list[Any]] = {}
    for tube in sorted(content.tubes, key=lambda t: t.title):
        tubes_by_comp.setdefault(tube.competence_id, []).append(tube)
    skills = {s.id: s for s in content.skills}
    tubes = {t.id: t for t in content.tubes}
    comp_by_id = {c.id: c for c in competences}

    pages = [
        Page("index.html", "index.html", {"competences": competences,
                                          "profiles": [profile_record(content, p)
                                                       for p in content.profiles]}),
        Page("test/index.html", "test.html", {}),
        Page("tutoriels/index.html", "tutorials.html", {
            "groups": [(c, [(t, tutorials_by_tube.get(t.id, [])) for t in tubes_by_comp.get(c.id, [])])
                       for c in competences]}),
        Page("a-propos/index.html", "about.html", {}),
        Page("mediateur/index.html", "mediateur.html", {}),
        Page("verifier/index.html", "verifier.html", {}),
        Page("mon-espace/index.html", "space.html", {"space": space_data(content, competences)}),
        Page("certification/index.html", "certification.html", {}),
        Page("mes-donnees/index.html", "data.html", {}),
        Page("accessibilite/index.html", "accessibility.html", {}),
        Page("404.html", "404.html", {}),
    ]
    for comp in competences:
        pages.append(Page(f"competences/{comp.id}/index.html", "competence.html", {
            "competence": comp,
            "tubes": [(t, tutorials_by_tube.get(t.id, [])) for t in tubes_by_comp.get(comp.id, [])],
        }))
    for tut in content.tutorials:
        # "@id#anchor": the skill is taught in that section of the tutorial.
        refs = [ref.partition("#") for ref in tut.skills]
        related = [skills[sid] for sid, _, _a in refs if sid in skills]
        sections = {sid: anchor for sid, _, anchor in refs if anchor}
        tube_ids = sorted({s.tube_id for s in related})
        comp_ids = sorted({tubes[t].competence_id for t in tube_ids if t in tubes},
                          key=competence_key)
        path = f"tutoriels/{tut.id}/index.html"
        pictures = page_pictures(content, tut, relative("data/", path))
        pages.append(Page(path, "tutorial.html", {
            "tutorial": tut, "body": Markup(markdown.render_tutorial(tut.body, pictures)),
            "has_pictures": bool(markdown.pictures(tut.body)),
            "skills": related, "sections": sections,
            "tubes": [tubes[t] for t in tube_ids if t in tubes],
            "competences": [comp_by_id[c] for c in comp_ids if c in comp_by_id],
        }))
    return pages


def space_data(content: Content, competences: list[Any]) -> dict[str, Any]:
    """What « Mon espace » shows without the engine: the wheel's competences and domains, and the
    tutorials' titles for « Mes tutos » (results themselves come from the learner's records)."""
    return {
        "domains": [{"id": d.id, "title": d.title} for d in content.domains],
        "competences": [{"id": c.id, "title": c.title, "domain": c.domain_id}
                        for c in competences],
        "tutorials": {t.id: {"title": t.title, "summary": t.summary, "duration": t.duration,
                             "url": f"tutoriels/{t.id}/index.html"}
                      for t in sorted(content.tutorials, key=lambda t: t.title)},
    }


@lru_cache(maxsize=4)
def make_environment(templates: Path) -> Environment:
    """One environment per templates folder, kept across rebuilds: Jinja2 compiles each template
    once and recompiles it only when its file changes (``auto_reload``)."""
    env = Environment(loader=FileSystemLoader(templates), autoescape=select_autoescape(["html"]),
                      undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True)
    env.globals["content_security_policy"] = META_CONTENT_SECURITY_POLICY
    env.filters["markdown"] = lambda text: Markup(markdown.render(text))
    env.filters["inline"] = lambda text: Markup(markdown.render_inline(text))
    return env


def render_pages(env: Environment, pages: list[Page], dest: Path, common: dict[str, Any]) -> None:
    for page in pages:
        def url(target: str, _page: str = page.path) -> str:
            return relative(target, _page)

        def static(name: str, _url=url) -> str:
            return f"{_url('static/' + name)}?v={common['static_hashes'].get(name, '')}"

        html = env.get_template(page.template).render(
            **common, **page.context, page_path=page.path, url=url, static=static,
            root=url("index.html").removesuffix("index.html") or "./")
        out = dest / page.path
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(typography.page_text(html), encoding="utf-8")
