"""French typography: no-break spaces so that « ? », « : » or « » » never starts a line.

Rules (Imprimerie nationale, as most French publishers apply them on screen):
- a narrow no-break space (U+202F) before « ? », « ! » and « ; »;
- a no-break space (U+00A0) before « : » and inside « » (after « and before »).
Only spaces the author typed are changed: nothing is inserted where there was no space, so
times (10:30), URLs (https://…) and code stay as they are. Applied to Markdown text tokens
(``markdown.render``) and to the text of every page the templates produce (``page_text``), never
inside tags, attributes, scripts, styles or code.
"""

from __future__ import annotations

import re
from functools import lru_cache

NARROW_NBSP = "\u202f"
NBSP = "\u00a0"

_BEFORE_NARROW = re.compile(r"[ \t\r\n\u00a0]+(?=[?!;])")
_BEFORE_COLON = re.compile(r"[ \t\r\n\u202f]+(?=:)")
_AFTER_OPEN = re.compile(r"«[ \t\r\n\u202f]+")
_BEFORE_CLOSE = re.compile(r"[ \t\r\n\u202f]+»")


_MARKS = re.compile(r"[?!;:«»]")


def text(value: str) -> str:
    """``value`` with French no-break spaces (idempotent: applying it twice changes nothing)."""
    if not value or not _MARKS.search(value):  # most pieces of a page: nothing to do
        return value
    value = _BEFORE_NARROW.sub(NARROW_NBSP, value)
    value = _BEFORE_COLON.sub(NBSP, value)
    value = _AFTER_OPEN.sub("«" + NBSP, value)
    return _BEFORE_CLOSE.sub(NBSP + "»", value)


_STARTS_WITH_MARK = re.compile(r"^[?!;:»]")


def markdown_rule(state) -> None:
    """markdown-it core rule: French spaces in every ``text`` token (never code, URLs or attributes).

    A line break of the source before a mark (« mot\\n? ») becomes the matching no-break space.
    """
    for token in state.tokens:
        if token.type != "inline" or not token.children:
            continue
        children = token.children
        for i, child in enumerate(children):
            if child.type != "text":
                continue
            child.content = text(child.content)
            if i and children[i - 1].type == "softbreak" and _STARTS_WITH_MARK.match(child.content):
                space = NARROW_NBSP if child.content[0] in "?!;" else NBSP
                children[i - 1].type = "text"
                children[i - 1].content = space
        for i, child in enumerate(children):
            if (child.type == "text" and child.content.endswith("«") and i + 1 < len(children)
                    and children[i + 1].type == "softbreak"):
                children[i + 1].type = "text"
                children[i + 1].content = NBSP


# Elements whose text is never touched: code, preformatted text, scripts and styles.
_RAW = ("script", "style", "pre", "code", "textarea", "kbd")
_PIECES = re.compile(r"(<!--.*?-->|<[^>]*>)", re.S)
_TAG_NAME = re.compile(r"<\s*(/?)\s*([a-zA-Z0-9]+)")


@lru_cache(maxsize=1024)   # most pages come out the same at an editor's rebuild
def page_text(html: str) -> str:
    """A whole rendered page with French spaces in its text nodes (not in tags, attributes,
    comments, scripts, styles or code): the template texts get the same typography as content."""
    out = []
    raw_depth: dict[str, int] = {}
    for piece in _PIECES.split(html):
        if not piece:
            continue
        if piece.startswith("<"):
            match = _TAG_NAME.match(piece)
            if match and match.group(2).lower() in _RAW and not piece.endswith("/>"):
                name = match.group(2).lower()
                raw_depth[name] = max(0, raw_depth.get(name, 0) + (-1 if match.group(1) else 1))
            out.append(piece)
        elif any(raw_depth.values()):
            out.append(piece)
        else:
            out.append(text(piece))
    return "".join(out)
