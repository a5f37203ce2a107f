"""``content/site.yaml``: the site's name, the centre, the home page's words and the level names.

One validated file instead of constants in code, so that a centre changes its site without touching
Python or templates, and so that the templates and the test page show the same labels.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from . import schema
from .diagnostics import Problems
from .yamlfile import line_of

FILE_NAME = "site.yaml"
LEVEL_COUNT = 9  # level 0 (nothing yet) to level 8

SITE = {
    "nom": schema.Field(required=True),
    "description": schema.Field(required=True),
    "pied_de_page": schema.Field(required=True),
    "centre": schema.Field(kind="map", fields={
        "nom": schema.Field(required=True),
        "contact": schema.Field(),
    }),
    "accueil": schema.Field(kind="map", required=True, fields={
        "titre": schema.Field(required=True),
        "chapo": schema.Field(required=True),
        "rassurances": schema.Field(kind="list", item=schema.Field(), default=[]),
    }),
    "niveaux": schema.Field(kind="list", required=True, min_items=LEVEL_COUNT, item=schema.Field()),
}


@dataclass
class SiteConfig:
    """What every page (and the test page's runtime block) may show about the site itself."""

    path: Path
    name: str
    description: str
    footer: str
    home_title: str
    home_lead: str
    reassurance: list[str] = field(default_factory=list)
    levels: list[str] = field(default_factory=list)
    centre_name: str | None = None
    centre_contact: str | None = None

    def labels(self) -> dict[str, Any]:
        """The labels the test page shows too (``runtime.labels`` in test.html)."""
        return {"levels": list(self.levels)}


def load_site_config(path: Path, data: Any, problems: Problems) -> SiteConfig | None:
    """Validate the parsed ``site.yaml`` (``data``; None when unreadable, already reported)."""
    if data is None:
        return None
    if not isinstance(data, dict):
        problems.error(path, line_of(data, 1), "doit décrire le site (nom, description, accueil, "
                                               "niveaux…)")
        return None

    def report(line: int, message: str) -> None:
        problems.error(path, line, message)

    values = schema.validate_map(data, SITE, report, "site")
    levels = values["niveaux"]
    if isinstance(levels, list) and len(levels) > LEVEL_COUNT:
        report(data.line_of("niveaux"), f"« niveaux » doit avoir exactement {LEVEL_COUNT} "
                                        f"libellés (du niveau 0 au niveau 8), pas {len(levels)}")
        return None
    home, centre = values["accueil"], values["centre"]
    required = (values["nom"], values["description"], values["pied_de_page"], home, levels)
    if not all(required) or not all(levels) or len(levels) != LEVEL_COUNT:
        return None
    if not (home["titre"] and home["chapo"]) or (centre is not None and not centre["nom"]):
        return None
    return SiteConfig(
        path=path, name=values["nom"], description=values["description"],
        footer=values["pied_de_page"], home_title=home["titre"], home_lead=home["chapo"],
        reassurance=[r for r in home["rassurances"] or [] if r], levels=list(levels),
        centre_name=centre["nom"] if centre else None,
        centre_contact=centre["contact"] if centre else None)
