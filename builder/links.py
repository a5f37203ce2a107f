"""Links between tutorials: each resolves to a tutorial that exists, and to one of its sections.

A tutorial's page is ``tutoriels/<id>/index.html``, so another tutorial is written
``[texte](../<id>/)``, a section of it ``[texte](../<id>/#<ancre>)``, and a section of the same
tutorial ``[texte](#<ancre>)``; a section's anchor is its heading's ``markdown.slug``.
"""

from __future__ import annotations

import re

from . import markdown
from .content import Content
from .diagnostics import Problems

_TUTORIAL = re.compile(r"\.\./([a-z0-9][a-z0-9-]*)/(?:index\.html)?(?:#(.*))?")
HOW = "écrivez [texte](../identifiant-du-tutoriel/) ou [texte](../identifiant/#section)"


def check_tutorial_links(content: Content, problems: Problems) -> None:
    readable = [t for t in content.tutorials if not markdown.too_long(t.body, "tutoriel")]
    # A tutorial too long to read (already an error) is a known target whose sections are unknown.
    anchors: dict[str, set[str] | None] = {t.id: None for t in content.tutorials}
    anchors.update({t.id: markdown.heading_anchors(t.body) for t in readable})
    for tut in readable:
        for line, href in markdown.links(tut.body, tut.body_line):
            message = _problem(href, tut.id, anchors)
            if message:
                problems.error(tut.path, line, message)


def _problem(href: str, own_id: str, anchors: dict[str, set[str] | None]) -> str | None:
    href = href.strip()
    if not href or markdown.is_external(href):
        return None  # external links are allowed; script schemes are refused by the lint
    if href.startswith("#"):
        target, anchor = own_id, href[1:]
    else:
        match = _TUTORIAL.fullmatch(href)
        if not match:
            stem = href.split("#")[0].rstrip("/").rsplit("/", 1)[-1].removesuffix(".md")
            if stem in anchors:
                return f"lien « {href} » : pour le tutoriel « {stem} », écrivez ../{stem}/"
            return f"lien interne « {href} » non reconnu : {HOW}"
        target, anchor = match.group(1), match.group(2)
        if target not in anchors:
            return f"lien vers un tutoriel inconnu « {target} » : {HOW}"
    if anchor and anchors[target] is not None and anchor not in anchors[target]:
        known = ", ".join(sorted(anchors[target])[:8]) or "aucune"
        return (f"section « #{anchor} » introuvable dans le tutoriel « {target} » "
                f"(sections : {known})")
    return None
