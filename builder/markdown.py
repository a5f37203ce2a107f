"""Markdown to safe HTML: markdown-it-py (CommonMark + tables), then nh3 as the last word.

Raw HTML typed by an editor is parsed, then stripped by nh3 to a small allowlist, so no script or
style can reach a learner's page, whatever the content says.
"""

from __future__ import annotations

from functools import lru_cache

import nh3
from markdown_it import MarkdownIt
from mdit_py_plugins.deflist import deflist_plugin

ALLOWED_TAGS = {
    "p", "br", "strong", "em", "code", "pre", "blockquote", "ul", "ol", "li", "a", "h2", "h3",
    "h4", "table", "thead", "tbody", "tr", "th", "td", "hr", "kbd", "dl", "dt", "dd", "img",
    "sub", "sup", "del",
}
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "img": {"src", "alt", "title"},
                      "th": {"scope"}, "td": set(), "ol": {"start"}}


@lru_cache(maxsize=1)
def _parser() -> MarkdownIt:
    return MarkdownIt("commonmark", {"html": True, "typographer": False}).enable(
        ["table", "strikethrough"]).use(deflist_plugin)


def sanitise(html: str) -> str:
    return nh3.clean(html, tags=ALLOWED_TAGS, attributes=ALLOWED_ATTRIBUTES,
                     url_schemes={"http", "https", "mailto", "tel"}, link_rel="noopener noreferrer")


@lru_cache(maxsize=16384)
def _tokens(text: str) -> list:
    """Parsed tokens, kept per text: the checks read every text several times, and each rebuild
    of ``diagnum serve`` reads the same texts again (callers must not modify the tokens)."""
    return _parser().parse(text)


@lru_cache(maxsize=16384)
def render(text: str) -> str:
    """A block of Markdown (statement, explanation, tutorial body) as sanitised HTML."""
    return sanitise(_parser().render(text or ""))


@lru_cache(maxsize=16384)
def render_inline(text: str) -> str:
    """One line of Markdown (a proposal, a title) without the enclosing paragraph."""
    return sanitise(_parser().renderInline(text or ""))


def headings(text: str) -> list[tuple[int, str, int]]:
    """(level, text, source line) of each heading, for tables of contents and checks."""
    tokens = _tokens(text or "")
    out = []
    for i, token in enumerate(tokens):
        if token.type == "heading_open":
            out.append((int(token.tag[1]), tokens[i + 1].content, (token.map or [0])[0] + 1))
    return out


def word_count(text: str) -> int:
    tokens = _tokens(text or "")
    words = 0
    for token in tokens:
        if token.type == "inline":
            words += len(token.content.split())
    return words


def lint(text: str, first_line: int = 1, top_heading: int = 2) -> list[tuple[int, str]]:
    """Problems an editor must fix, as (line, message): raw HTML (removed on the page), headings
    that break the page's outline (RGAA 9.1), images without text alternative.

    ``first_line`` is the file line of the text's first line; token line maps do the rest.
    """
    found: list[tuple[int, str]] = []
    previous = top_heading - 1
    tokens = _tokens(text or "")
    for token in tokens:
        line = first_line + (token.map[0] if token.map else 0)
        if token.type in ("html_block", "html_inline"):
            found.append((line, "HTML brut : il sera retiré de la page ; écrivez en Markdown"))
        elif token.type == "heading_open":
            level = int(token.tag[1])
            if level < top_heading:
                found.append((line, f"intertitre de niveau {level} : commencez à "
                                    f"{'#' * top_heading} (le titre de la page existe déjà)"))
            elif level > previous + 1:
                found.append((line, f"intertitre de niveau {level} après un niveau {previous} : "
                                    "ne sautez pas de niveau"))
            previous = level
        elif token.type == "inline":
            for child in token.children or ():
                if child.type == "html_inline":
                    found.append((line, "HTML brut : il sera retiré de la page ; "
                                        "écrivez en Markdown"))
                elif child.type == "image" and not child.content.strip():
                    found.append((line, "image sans texte alternatif : ![description](…)"))
    return found
