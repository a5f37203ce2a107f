"""YAML read as text, with the line of every value.

Everything is loaded with PyYAML's BaseLoader (libyaml's ``CBaseLoader`` when PyYAML was built with
it, for speed), so nothing is guessed: "1.10" stays "1.10", ``non`` stays "non", ``01234`` stays
"01234". The schema decides what is a number. Each value remembers the line it came from (1-based),
for error messages.

Content YAML is deliberately a small subset: no anchors or aliases (a 1 KB "alias bomb" would
otherwise expand to gigabytes), no key given twice (the last one would silently win), no plain text
cut by a `` #`` that YAML takes for a comment. Each is an error with its line, in French.
"""

from __future__ import annotations

import os
import re
import time
from pathlib import Path
from typing import Any

import yaml

LOADER: type = getattr(yaml, "CBaseLoader", yaml.BaseLoader)
BOM = "\ufeff"


class LStr(str):
    line: int = 0


def _guarded(base: type, name: str):
    """``base.name``, refused once the object is frozen (built, then handed to the cache)."""
    method = getattr(base, name)

    def guarded(self, *args, **kwargs):
        if self.frozen:
            raise TypeError("le résultat d'une lecture YAML est partagé entre les constructions :"
                            " ne le modifiez pas, copiez-le")
        return method(self, *args, **kwargs)

    guarded.__name__ = name
    return guarded


class LDict(dict):
    """A mapping with the line of each key. Read-only once parsed: the parse cache hands the
    same object to every build, so a loader that changed it would change the next build's input."""

    line: int = 0
    key_lines: dict[str, int]
    frozen = False

    def line_of(self, key: str) -> int:
        return self.key_lines.get(key, self.line)


class LList(list):
    """A sequence with its line; read-only once parsed, like ``LDict``."""

    line: int = 0
    frozen = False


for _name in ("__setitem__", "__delitem__", "__ior__", "pop", "popitem", "clear", "update",
              "setdefault"):
    setattr(LDict, _name, _guarded(dict, _name))
for _name in ("__setitem__", "__delitem__", "__iadd__", "__imul__", "append", "extend", "insert",
              "pop", "remove", "clear", "sort", "reverse"):
    setattr(LList, _name, _guarded(list, _name))


def _freeze(value: Any) -> None:
    if isinstance(value, LDict):
        value.frozen = True
        for v in value.values():
            _freeze(v)
    elif isinstance(value, LList):
        value.frozen = True
        for v in value:
            _freeze(v)


class YamlError(Exception):
    """The first problem of a file (``line``, ``message``); ``problems`` lists them all."""

    def __init__(self, line: int, message: str,
                 problems: list[tuple[int, str]] | None = None) -> None:
        super().__init__(message)
        self.line = line
        self.message = message
        self.problems = problems or [(line, message)]


# Texts read before, by path: (inode, size, modification time) when read, and the text.
_TEXTS: dict[Path, tuple[tuple[int, int, int], str]] = {}
_SETTLED_NS = 2_000_000_000  # a file this much older than its read cannot change unseen


def read_text(path: Path) -> str:
    """A content file as text: UTF-8, with an optional byte order mark removed.

    An editor's rebuild reads every file again, and the loader and the checks each read some:
    a file whose inode, size and date are those it had when last read is not read again — if
    it was already two seconds old then, so that a second write within the file system's clock
    tick, same size, cannot go unseen (git's « racily clean » rule). The same string object is
    returned, which the parse cache then recognises at once.

    Raises ``UnicodeDecodeError`` (not UTF-8) or ``OSError`` like ``Path.read_text``.
    """
    stat = os.stat(path)
    signature = (stat.st_ino, stat.st_size, stat.st_mtime_ns)
    known = _TEXTS.get(path)
    if known is not None and known[0] == signature:
        return known[1]
    text = path.read_text(encoding="utf-8-sig")
    if time.time_ns() - stat.st_mtime_ns > _SETTLED_NS:
        if len(_TEXTS) > 8192:
            _TEXTS.clear()
        _TEXTS[path] = (signature, text)
    return text


# PyYAML's and libyaml's own messages, said in French with what to write instead. Matched on the
# problem (then the context) text; the first fragment found wins.
_TRANSLATIONS: tuple[tuple[str, str], ...] = (
    ("mapping values are not allowed",
     "« : » suivi d'une espace dans un texte : mettez tout le texte entre guillemets "
     "(\"…\"), ou vérifiez l'indentation de cette ligne"),
    ("found character '\\t'",
     "tabulation interdite : indentez avec des espaces"),
    ("tab character",
     "tabulation interdite : indentez avec des espaces"),
    ("found character '@'",
     "un texte ne peut pas commencer par « @ » : mettez-le entre guillemets"),
    ("found character '`'",
     "un texte ne peut pas commencer par « ` » : mettez-le entre guillemets"),
    ("that cannot start any token",
     "caractère inattendu en début de valeur (tabulation, « @ » ou « ` ») : indentez avec des "
     "espaces, et mettez un texte qui commence par « @ » ou « ` » entre guillemets"),
    ("could not find expected ':'",
     "il manque « : » après une clé, ou la suite d'un texte est mal indentée : écrivez "
     "« clé: valeur », et mettez un texte sur plusieurs lignes entre guillemets ou après « | »"),
    ("did not find expected key",
     "indentation incorrecte : alignez cette ligne sur les autres clés du même bloc, "
     "ou mettez le texte entre guillemets"),
    ("did not find expected '-' indicator",
     "indentation incorrecte dans une liste : chaque élément commence par « - », aligné sur "
     "les autres"),
    ("expected <block end>",
     "indentation incorrecte : alignez cette ligne sur les autres clés ou éléments du même bloc"),
    ("block sequence entries are not allowed",
     "« - » inattendu : une liste commence à la ligne suivant sa clé (« clé: » seule sur sa "
     "ligne), ou mettez le texte entre guillemets"),
    ("expected ',' or ']'",
     "liste entre crochets non fermée : ajoutez « ] », ou mettez le texte qui commence par "
     "« [ » entre guillemets"),
    ("expected ',' or '}'",
     "accolades non fermées : ajoutez « } », ou mettez le texte qui commence par « { » entre "
     "guillemets"),
    ("unknown escape character",
     "« \\ » inconnu entre guillemets doubles : utilisez des guillemets simples ('…') ou "
     "doublez la barre (\\\\)"),
    ("found unexpected end of stream",
     "fin du fichier inattendue : un guillemet, un crochet ou une accolade n'est pas fermé"),
    ("while scanning an alias",
     "« * » au début d'une valeur est un alias YAML : mettez le texte entre guillemets "
     "(\"*mot* en italique\")"),
    ("while scanning an anchor",
     "« & » au début d'une valeur est une ancre YAML : mettez le texte entre guillemets"),
    ("undefined alias",
     "« * » au début d'une valeur est un alias YAML : mettez le texte entre guillemets"),
    ("found another document",
     "un seul document par fichier : retirez la ligne « --- » (ou « ... »)"),
    ("characters are not allowed",
     "caractère de contrôle invisible interdit : retapez cette ligne"),
    ("expected node content",
     "valeur attendue ici : un crochet « [ » ou une accolade « { » n'est pas fermé, ou un "
     "texte qui commence par l'un d'eux doit être entre guillemets"),
    ("expected the node content",
     "valeur attendue ici : un crochet « [ » ou une accolade « { » n'est pas fermé, ou un "
     "texte qui commence par l'un d'eux doit être entre guillemets"),
    ("found unexpected ':'",
     "« : » inattendu : mettez le texte entre guillemets"),
)


def translate(problem: str | None, context: str | None = None) -> str:
    """The parser's message in French, always prefixed by « YAML invalide : »."""
    for text in (problem or "", context or ""):
        for fragment, french in _TRANSLATIONS:
            if fragment in text:
                return f"YAML invalide : {french}"
    raw = "; ".join(t for t in (context, problem) if t)
    return f"YAML invalide (message de l'analyseur, en anglais) : {raw}"


ALIAS_MESSAGE = ("les ancres et alias YAML (« &nom », « *nom ») ne sont pas acceptés : recopiez "
                 "le texte, ou mettez entre guillemets une valeur qui commence par « & » ou « * »")


def _refuse_anchors(text: str) -> None:
    """Refuse anchors and aliases from the event stream, before any tree exists to expand."""
    if "&" not in text and "*" not in text:
        return
    for event in yaml.parse(text, Loader=LOADER):
        if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
            raise YamlError(event.start_mark.line + 1, ALIAS_MESSAGE)


_NUMBER = re.compile(r"[+-]?\d+(?:[.,]\d+)?")
_COMMENT = re.compile(r"\s+#(.*)")
TRUNCATED_MESSAGE = ("le texte est coupé par « # » (YAML y voit le début d'un commentaire) : "
                     "mettez tout le texte entre guillemets")


class _Converter:
    """Node tree → LStr/LDict/LList, collecting duplicate keys and texts cut by a comment."""

    def __init__(self, text: str) -> None:
        self.lines = text.split("\n")
        self.problems: list[tuple[int, str]] = []

    def convert(self, node: yaml.Node, is_value: bool = True) -> Any:
        line = node.start_mark.line + 1
        if isinstance(node, yaml.MappingNode):
            out = LDict()
            out.line, out.key_lines = line, {}
            for key_node, value_node in node.value:
                key = str(key_node.value)
                key_line = key_node.start_mark.line + 1
                if key in out.key_lines:
                    self.problems.append((key_line, (
                        f"la clé « {key} » est donnée deux fois dans ce bloc (lignes "
                        f"{out.key_lines[key]} et {key_line}) : la seconde effacerait la "
                        "première ; n'en gardez qu'une")))
                    continue
                out[key] = self.convert(value_node)
                out.key_lines[key] = key_line
            return out
        if isinstance(node, yaml.SequenceNode):
            seq = LList(self.convert(v) for v in node.value)
            seq.line = line
            return seq
        if is_value and node.style in (None, "") and node.value:
            self._check_truncated(node)
        text = LStr(node.value)
        text.line = line
        return text

    def _check_truncated(self, node: yaml.ScalarNode) -> None:
        end = node.end_mark
        if end.line >= len(self.lines):
            return
        match = _COMMENT.match(self.lines[end.line][end.column:])
        if not match or _NUMBER.fullmatch(node.value):
            return
        comment = match.group(1)
        if re.search(r"\s", node.value) or not comment.startswith(" "):
            self.problems.append((end.line + 1, TRUNCATED_MESSAGE))


def parse(text: str, first_line: int = 1) -> Any:
    """Parse YAML text; ``first_line`` shifts line numbers (front matter starts below ``---``).

    Raises ``YamlError`` listing every problem found (with shifted lines).
    """
    text = text.removeprefix(BOM)
    offset = first_line - 1
    try:
        _refuse_anchors(text)
        node = yaml.compose(text, Loader=LOADER)
    except YamlError as exc:
        raise YamlError(exc.line + offset, exc.message) from None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        last_line = len(text.rstrip("\n").split("\n"))  # errors "at the end" point past it
        line = (min(mark.line + 1, last_line) + offset) if mark else first_line
        problem = exc.problem
        if mark and problem and "cannot start any token" in problem and "'" not in problem:
            problem = problem.replace("character", f"character {_char_at(text, mark)!r}")
        raise YamlError(line, translate(problem, exc.context)) from exc
    except yaml.reader.ReaderError as exc:
        line = text[:exc.position].count("\n") + first_line
        raise YamlError(line, translate(exc.reason)) from exc
    except yaml.YAMLError as exc:
        raise YamlError(first_line, translate(str(exc))) from exc
    if node is None:
        return None
    converter = _Converter(text)
    value = converter.convert(node)
    if converter.problems:
        problems = sorted((line + offset, message) for line, message in converter.problems)
        raise YamlError(*problems[0], problems=problems)
    if offset:
        _shift(value, offset)
    _freeze(value)
    return value


def _char_at(text: str, mark: yaml.Mark) -> str:
    """The character a mark points at (libyaml's messages do not name it, PyYAML's do)."""
    lines = text.split("\n")
    if mark.line < len(lines) and mark.column < len(lines[mark.line]):
        return lines[mark.line][mark.column]
    return "?"


def _shift(value: Any, offset: int) -> None:
    if isinstance(value, (LStr, LDict, LList)):
        value.line += offset
    if isinstance(value, LDict):
        value.key_lines = {k: v + offset for k, v in value.key_lines.items()}
        for v in value.values():
            _shift(v, offset)
    elif isinstance(value, LList):
        for v in value:
            _shift(v, offset)


def line_of(value: Any, default: int = 0) -> int:
    return getattr(value, "line", default) or default
