"""Any build failure told in French with the file and line, for the terminal and the served page.

``diagnum build`` and ``diagnum serve`` meet the same failures: content errors (already located),
a missing runtime asset (what to run), a broken template (its file and line), and a crash of the
builder itself (the deepest project frame). None of them may end in a bare traceback.
"""

from __future__ import annotations

import traceback
from dataclasses import dataclass, field
from pathlib import Path

import jinja2

from .assets import AssetError
from .diagnostics import ContentError


@dataclass
class Failure:
    """``lines``: what the editor must read (file:line: message); ``details``: a traceback or ''."""

    lines: list[str]
    summary: str
    details: str = ""
    error: BaseException | None = field(default=None, repr=False)


PROJECT = Path(__file__).resolve().parent.parent


def _short(path: str | Path, root: Path) -> str:
    p = Path(path).resolve()
    for base in (Path.cwd(), root.resolve(), PROJECT):
        if p.is_relative_to(base):
            return p.relative_to(base).as_posix()
    return p.as_posix()


def _template_frame(exc: BaseException) -> tuple[str, int] | None:
    """The innermost template line in the traceback (Jinja2 rewrites frames to template lines)."""
    found = None
    for frame in traceback.extract_tb(exc.__traceback__):
        if frame.filename.endswith((".html", ".j2", ".jinja")):
            found = (frame.filename, frame.lineno or 0)
    return found


def _project_frame(exc: BaseException) -> tuple[str, int] | None:
    """The innermost frame in the project's own code (builder/, engine/), not in a library."""
    found = None
    for frame in traceback.extract_tb(exc.__traceback__):
        path = Path(frame.filename).resolve()
        if path.is_relative_to(PROJECT) and ".venv" not in path.parts:
            found = (frame.filename, frame.lineno or 0)
    return found


def describe(exc: BaseException, root: Path) -> Failure:
    """Turn a build exception into French lines naming a file and a line wherever one is known."""
    failure = _describe(exc, root)
    failure.error = exc
    return failure


def _describe(exc: BaseException, root: Path) -> Failure:
    if isinstance(exc, ContentError):
        lines = [str(p) for p in exc.problems]
        return Failure(lines, f"{len(lines)} erreur(s) dans le contenu.")
    if isinstance(exc, AssetError):
        return Failure([str(exc)], "Un fichier nécessaire au site manque.")
    if isinstance(exc, jinja2.TemplateSyntaxError):
        where = f"{_short(exc.filename or exc.name or '?', root)}:{exc.lineno}"
        return Failure([f"{where}: erreur de syntaxe dans le gabarit : {exc.message}"],
                       "Un gabarit de page est mal écrit.")
    if isinstance(exc, jinja2.TemplateError):
        frame = _template_frame(exc)
        where = f"{_short(frame[0], root)}:{frame[1]}: " if frame else ""
        what = "variable inconnue" if isinstance(exc, jinja2.UndefinedError) else "erreur"
        return Failure([f"{where}{what} dans le gabarit : {exc.message or exc}"],
                       "Un gabarit de page ne peut pas être rendu.",
                       "".join(traceback.format_exception(exc)))
    frame = _project_frame(exc)
    where = f"{_short(frame[0], root)}:{frame[1]}: " if frame else ""
    return Failure([f"{where}erreur interne du constructeur ({type(exc).__name__} : {exc})"],
                   "Le constructeur du site a planté : c'est un défaut de Diagnum, pas du contenu.",
                   "".join(traceback.format_exception(exc)))
