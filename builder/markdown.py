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


def render(text: str) -> str:
    """A block of Markdown (statement, explanation, tutorial body) as sanitised HTML."""
    return sanitise(_parser().render(text or ""))


def render_inline(text: str) -> str:
    """One line of Markdown (a proposal, a title) without the enclosing paragraph."""
    return sanitise(_parser().renderInline(text or ""))


def headings(text: str) -> list[tuple[int, str, int]]:
    """(level, text, source line) of each heading, for tables of contents and checks."""
    tokens = _parser().parse(text or "")
    out = []
    for i, token in enumerate(tokens):
        if token.type == "heading_open":
            out.append((int(token.tag[1]), tokens[i + 1].content, (token.map or [0])[0] + 1))
    return out


def word_count(text: str) -> int:
    tokens = _parser().parse(text or "")
    words = 0
    for token in tokens:
        if token.type == "inline":
            words += len(token.content.split())
    return words
