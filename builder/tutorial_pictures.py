"""Pictures in tutorials: ``![texte alternatif](images/nom.svg "légende")``, alone in its
paragraph, names an SVG of content/referential/images/, the folder of the challenges' pictures.

One folder for every picture of the site: a challenge's illustration can be shown in the
tutorial that teaches its skill, each file is checked once (``svgcheck``) and copied once into
``dist/data/images/``. The page gets a relative address and the picture's size from its viewBox.
"""

from __future__ import annotations

import difflib
from pathlib import Path

from . import markdown
from .content import Content, Tutorial
from .diagnostics import Problems
from .images import ContentAssets

HOW = '![ce que montre l\'image](images/nom-du-fichier.svg "légende facultative")'
GENERIC_ALTS = {"image", "illustration", "photo", "capture", "capture d'écran", "schéma",
                "dessin", "figure", "écran"}
MIN_ALT = 15


def _readable(content: Content) -> list[Tutorial]:
    return [t for t in content.tutorials if not markdown.too_long(t.body, "tutoriel")]


def used_pictures(content: Content) -> set[str]:
    """Every ``images/…`` path a tutorial shows (to copy, and not to call unused)."""
    return {src for tut in _readable(content) for _l, src, _a, _o in markdown.pictures(tut.body)
            if _valid_path(src)}


def _valid_path(src: str) -> bool:
    name = src.removeprefix(markdown.PICTURE_FOLDER)
    return (src.startswith(markdown.PICTURE_FOLDER) and name.endswith(".svg")
            and "/" not in name and "\\" not in name and not name.startswith("."))


def page_pictures(content: Content, tut: Tutorial, prefix: str) -> markdown.Pictures:
    """What ``markdown.render_tutorial`` needs for ``tut``'s page: the way to ``data/`` and
    each picture's size."""
    assets = ContentAssets(content.referential_dir)
    sizes = []
    for src in sorted({src for _l, src, _a, _o in markdown.pictures(tut.body)}):
        box = assets.image_box(src) if _valid_path(src) else None
        if box:
            sizes.append((src, round(box[2]), round(box[3])))
    return markdown.Pictures(prefix, tuple(sizes))


def check_tutorial_pictures(content: Content, problems: Problems) -> None:
    """Each picture of each tutorial, every problem with its file and line: alone in its
    paragraph, a useful text alternative, a file of images/ that exists and has a viewBox.
    (External images and empty alternatives are ``markdown.lint``'s; the SVG's own content is
    checked with every file of images/.)"""
    assets = ContentAssets(content.referential_dir)
    folder = content.referential_dir / "images"
    existing = sorted(p.name for p in folder.glob("*.svg")) if folder.is_dir() else []
    for tut in _readable(content):
        for line, src, alt, alone in markdown.pictures(tut.body, tut.body_line):
            if markdown.is_external(src):
                continue  # reported by the lint: an external image
            if not alone:
                problems.error(tut.path, line, "une image se met seule dans son paragraphe "
                                               f"(une ligne vide avant et après) : {HOW}")
            if alt and (len(alt) < MIN_ALT or alt.lower().strip(" .") in GENERIC_ALTS):
                problems.error(tut.path, line, f"texte alternatif « {alt} » trop court : "
                                               "décrivez en français ce que montre l'image "
                                               "(au moins une phrase)")
            problems_of_path = _path_problem(src, folder, existing)
            if problems_of_path:
                problems.error(tut.path, line, problems_of_path)
            elif assets.image_box(src) is None:
                problems.error(tut.path, line, f"l'image « {src} » n'a pas de viewBox lisible : "
                                               "ajoutez viewBox=\"0 0 largeur hauteur\" à "
                                               "l'élément <svg>")


def _path_problem(src: str, folder: Path, existing: list[str]) -> str | None:
    if not _valid_path(src):
        return (f"image « {src[:80]} » : une image de tutoriel est un fichier SVG du dossier "
                f"content/referential/images/, écrit images/nom.svg : {HOW}")
    name = src.removeprefix(markdown.PICTURE_FOLDER)
    if not (folder / name).is_file():
        close = difflib.get_close_matches(name, existing, n=1)
        hint = f" ; vouliez-vous dire « images/{close[0]} » ?" if close else ""
        return f"image introuvable : content/referential/{src}{hint}"
    return None
