"""YAML read as text, with the line of every value.

Everything is loaded with PyYAML's BaseLoader, so nothing is guessed: "1.10" stays "1.10", ``non``
stays "non", ``01234`` stays "01234". The schema decides what is a number. Each value remembers the
line it came from (1-based), for error messages.
"""

from __future__ import annotations

from typing import Any

import yaml


class LStr(str):
    line: int = 0


class LDict(dict):
    line: int = 0
    key_lines: dict[str, int]

    def line_of(self, key: str) -> int:
        return self.key_lines.get(key, self.line)


class LList(list):
    line: int = 0


def _convert(node: yaml.Node) -> Any:
    line = node.start_mark.line + 1
    if isinstance(node, yaml.MappingNode):
        out = LDict()
        out.line, out.key_lines = line, {}
        for key_node, value_node in node.value:
            key = str(key_node.value)
            out[key] = _convert(value_node)
            out.key_lines[key] = key_node.start_mark.line + 1
        return out
    if isinstance(node, yaml.SequenceNode):
        seq = LList(_convert(v) for v in node.value)
        seq.line = line
        return seq
    text = LStr(node.value)
    text.line = line
    return text


class YamlError(Exception):
    def __init__(self, line: int, message: str) -> None:
        super().__init__(message)
        self.line = line
        self.message = message


def parse(text: str, first_line: int = 1) -> Any:
    """Parse YAML text; ``first_line`` shifts line numbers (front matter starts below ``---``)."""
    try:
        node = yaml.compose(text, Loader=yaml.BaseLoader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = (mark.line + first_line) if mark else first_line
        raise YamlError(line, f"YAML invalide : {exc.problem or exc.context}") from exc
    except yaml.YAMLError as exc:
        raise YamlError(first_line, f"YAML invalide : {exc}") from exc
    if node is None:
        return None
    value = _convert(node)
    if first_line != 1:
        _shift(value, first_line - 1)
    return value


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
