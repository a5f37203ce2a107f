"""Location-aware problems: every content error names its file and line, in French.

Errors are collected, never raised one by one, so an editor sees every problem of a run at once.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path


@dataclass(frozen=True, order=True)
class Problem:
    path: str
    line: int
    message: str
    severity: str = "erreur"

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        prefix = "" if self.severity == "erreur" else f"{self.severity} : "
        return f"{where}: {prefix}{self.message}"


@functools.lru_cache(maxsize=4096)
def _relative(path: str, cwd: str, root: str) -> str:
    """``path`` shown from the current folder, or else from the content's parent folder
    (memoised: an editor's rebuild says the same warnings again, resolve() is a system call
    per folder of the path)."""
    p = Path(path).resolve()
    for base in (Path(cwd), Path(root).resolve().parent if root else None):
        if base is not None and p.is_relative_to(base):
            return p.relative_to(base).as_posix()
    return p.as_posix()


@dataclass
class Problems:
    """A collector of problems; ``root`` makes paths short and relative for display."""

    root: Path | None = None
    items: list[Problem] = field(default_factory=list)

    def rel(self, path: Path | str) -> str:
        return _relative(str(path), str(Path.cwd()), str(self.root) if self.root else "")

    def error(self, path: Path | str, line: int | None, message: str) -> None:
        self.items.append(Problem(self.rel(path), line or 0, message))

    def warning(self, path: Path | str, line: int | None, message: str) -> None:
        self.items.append(Problem(self.rel(path), line or 0, message, "avertissement"))

    def advice(self, path: Path | str, line: int | None, message: str) -> None:
        """Something a person should look at, that may well be right as it is (a wrong proposal
        that repeats the statement's words): shown with the warnings, never blocking."""
        self.items.append(Problem(self.rel(path), line or 0, message, "à vérifier"))

    @property
    def errors(self) -> list[Problem]:
        return sorted(p for p in self.items if p.severity == "erreur")

    @property
    def warnings(self) -> list[Problem]:
        return sorted(p for p in self.items if p.severity != "erreur")

    def __bool__(self) -> bool:
        return bool(self.errors)


class Noted:
    """A stand-in for ``Problems`` that notes what one check reported, so that a later build
    which reuses the check's result (``checked_once``) says the same problems again."""

    def __init__(self) -> None:
        self.items: list[tuple[str, Path | str, int | None, str]] = []

    def error(self, path: Path | str, line: int | None, message: str) -> None:
        self.items.append(("error", path, line, message))

    def warning(self, path: Path | str, line: int | None, message: str) -> None:
        self.items.append(("warning", path, line, message))

    def advice(self, path: Path | str, line: int | None, message: str) -> None:
        self.items.append(("advice", path, line, message))

    def replay(self, problems: Problems) -> None:
        for kind, path, line, message in self.items:
            getattr(problems, kind)(path, line, message)


def checked_once(memo, subject: object | tuple, check: Callable[[Noted], None],
                 problems: Problems) -> None:
    """``check`` of ``subject`` (an object, or a tuple of the objects it reads), run once per
    subject (``memo`` is a ``cache.BuildMemo``): a check that reads nothing but its subject
    need not run again when the next build hands it the very same objects."""
    objects = subject if isinstance(subject, tuple) else (subject,)
    noted = memo.get(objects)
    if noted is None:
        noted = Noted()
        check(noted)
        memo.put(objects, (), noted)
    noted.replay(problems)


class ContentError(Exception):
    """Raised once, after collection, when the content has errors."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))
