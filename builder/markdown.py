"""Markdown to safe HTML: markdown-it-py (CommonMark + tables), then nh3 as the last word.

Raw HTML typed by an editor is parsed, then stripped by nh3 to a small allowlist, so no script or
style can reach a learner's page, whatever the content says. ``lint`` makes that raw HTML, script
links and external images errors, so nothing is ever stripped silently.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

import nh3
from markdown_it import MarkdownIt
from markdown_it.common.utils import escapeHtml
from mdit_py_plugins.deflist import deflist_plugin

from . import typography

ALLOWED_TAGS = {
    "p", "br", "strong", "em", "code", "pre", "blockquote", "ul", "ol", "li", "a", "h2", "h3",
    "h4", "table", "thead", "tbody", "tr", "th", "td", "hr", "kbd", "dl", "dt", "dd", "img",
    "sub", "sup", "del", "figure", "figcaption",
}
# A picture's width and height (from its viewBox) reserve its room before it loads.
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "img": {"src", "alt", "title", "width", "height"},
                      "th": {"scope"}, "td": set(), "ol": {"start"},
                      "h2": {"id"}, "h3": {"id"}, "h4": {"id"}}
# Ids the page templates already use: a heading's anchor never takes them (see ``slug``).
RESERVED_IDS = frozenset({"contenu", "aide-acquis"})


@lru_cache(maxsize=1)
def _parser() -> MarkdownIt:
    md = MarkdownIt("commonmark", {"html": True, "typographer": False}).enable(
        ["table", "strikethrough"]).use(deflist_plugin)
    # French no-break spaces in text tokens only (the inline tokens' source text is unchanged).
    md.core.ruler.push("french_spaces", typography.markdown_rule)
    return md


def slug(text: str) -> str:
    """A heading's anchor: "Étape 2 : le mot de passe" → "etape-2-le-mot-de-passe"."""
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    return re.sub(r"[^a-z0-9]+", "-", plain).strip("-") or "section"


def _anchors(tokens) -> list[tuple[int, str]]:
    """(token index, unique anchor) of each heading, in order; repeats get -2, -3…"""
    seen: set[str] = set(RESERVED_IDS)
    out = []
    for i, token in enumerate(tokens):
        if token.type == "heading_open" and i + 1 < len(tokens):
            base = slug(tokens[i + 1].content)
            anchor, n = base, 1
            while anchor in seen:
                n += 1
                anchor = f"{base}-{n}"
            seen.add(anchor)
            out.append((i, anchor))
    return out


def _heading_ids(state) -> None:
    for i, anchor in _anchors(state.tokens):
        state.tokens[i].attrSet("id", anchor)


@lru_cache(maxsize=1)
def _anchored_parser() -> MarkdownIt:
    md = MarkdownIt("commonmark", {"html": True, "typographer": False}).enable(
        ["table", "strikethrough"]).use(deflist_plugin)
    md.core.ruler.push("heading_ids", _heading_ids)
    md.core.ruler.push("french_spaces", typography.markdown_rule)
    return md


# A tutorial's picture: ``![texte alternatif](images/nom.svg "légende facultative")``, alone in
# its paragraph, names a file of content/referential/images/ (the folder of challenge pictures).
PICTURE_FOLDER = "images/"


@dataclass(frozen=True)
class Pictures:
    """How a page shows its pictures: ``prefix`` leads from the page to the site's ``data/``
    folder (``../../data/``), ``sizes`` gives each picture's (path, width, height) from its
    viewBox, so that the browser reserves its room before it loads."""
    prefix: str
    sizes: tuple[tuple[str, int, int], ...] = ()


def _only_image(token) -> bool:
    """Is this inline token one image and nothing else (blank text aside)?"""
    kids = [k for k in token.children or () if not (k.type in ("text", "softbreak")
                                                    and not k.content.strip())]
    return len(kids) == 1 and kids[0].type == "image"


def _figures(state) -> None:
    """A picture alone in its paragraph becomes a figure (the image and, from its title, its
    caption)."""
    tokens = state.tokens
    for i, token in enumerate(tokens):
        if (token.type == "paragraph_open" and i + 2 < len(tokens)
                and tokens[i + 1].type == "inline" and _only_image(tokens[i + 1])):
            token.tag = tokens[i + 2].tag = "figure"
            token.hidden = tokens[i + 2].hidden = False


def _render_picture(self, tokens, idx, options, env) -> str:
    token = tokens[idx]
    src = str(token.attrs.get("src", ""))
    pictures: Pictures | None = env.get("pictures") if isinstance(env, dict) else None
    attrs = ""
    if pictures is not None and src.startswith(PICTURE_FOLDER):
        size = next(((w, h) for path, w, h in pictures.sizes if path == src), None)
        src = pictures.prefix + src
        if size:
            attrs = f' width="{size[0]}" height="{size[1]}"'
    alt = self.renderInlineAsText(token.children or [], options, env)
    title = str(token.attrs.get("title", "") or "")
    html = f'<img src="{escapeHtml(src)}" alt="{escapeHtml(alt)}"{attrs}>'
    return html + (f"<figcaption>{escapeHtml(title)}</figcaption>" if title else "")


@lru_cache(maxsize=1)
def _tutorial_parser() -> MarkdownIt:
    """The anchored parser, plus figures: a tutorial's body."""
    md = MarkdownIt("commonmark", {"html": True, "typographer": False}).enable(
        ["table", "strikethrough"]).use(deflist_plugin)
    md.core.ruler.push("heading_ids", _heading_ids)
    md.core.ruler.push("french_spaces", typography.markdown_rule)
    md.core.ruler.push("figures", _figures)
    md.add_render_rule("image", _render_picture)
    return md


@lru_cache(maxsize=1024)
def render_tutorial(text: str, pictures: Pictures) -> str:
    """A tutorial's body as sanitised HTML: headings with anchors, and each picture as a figure
    whose address leads from the page to ``data/images/…`` (see ``Pictures``)."""
    html = _tutorial_parser().render((text or "").removeprefix("\ufeff"),
                                     {"pictures": pictures})
    return sanitise(html)


@lru_cache(maxsize=4096)   # read by the checks, the copy and each page, at every rebuild
def pictures(text: str, first_line: int = 1) -> tuple[tuple[int, str, str, bool], ...]:
    """(source line, src, alt, alone in its paragraph) of every image of a block of Markdown."""
    out = []
    lines = (text or "").split("\n")
    for token in _parsed(text or "", lint=True):
        if token.type != "inline":
            continue
        where = _locator(lines, token, first_line)
        alone = _only_image(token)
        for child in token.children or ():
            if child.type == "image":
                src = str(child.attrs.get("src", ""))
                out.append((where(src or "!["), src, child.content.strip(), alone))
    return tuple(out)


def heading_title(text: str, anchor: str) -> str:
    """The text of the heading whose anchor is ``anchor`` ("" when there is none)."""
    tokens = _parsed(text or "")
    return next((tokens[i + 1].content for i, a in _anchors(tokens) if a == anchor), "")


@lru_cache(maxsize=4096)
def heading_anchors(text: str) -> frozenset[str]:
    """The anchors ``render(text, anchors=True)`` gives the headings (targets of ``#…`` links)."""
    return frozenset(anchor for _i, anchor in _anchors(_parsed(text or "")))


@lru_cache(maxsize=16384)
def _parsed(text: str, lint: bool = False) -> list:
    """Parsed tokens, kept per text: the checks read every text several times, and each rebuild
    of ``diagnum serve`` reads the same texts again (callers must not modify the tokens)."""
    return (_lint_parser() if lint else _parser()).parse(text)


@lru_cache(maxsize=16384)
def _parsed_inline(text: str) -> list:
    """``_parsed`` for one line of Markdown (proposals are linted on each rebuild too)."""
    return _lint_parser().parseInline(text)


def sanitise(html: str) -> str:
    return nh3.clean(html, tags=ALLOWED_TAGS, attributes=ALLOWED_ATTRIBUTES,
                     url_schemes={"http", "https", "mailto", "tel"}, link_rel="noopener noreferrer")


@lru_cache(maxsize=16384)
def render(text: str, anchors: bool = False) -> str:
    """A block of Markdown (statement, explanation, tutorial body) as sanitised HTML; with
    ``anchors``, headings get ids (a tutorial's sections, targets of links)."""
    parser = _anchored_parser() if anchors else _parser()
    return sanitise(parser.render((text or "").removeprefix("\ufeff")))


@lru_cache(maxsize=16384)
def render_inline(text: str) -> str:
    """One line of Markdown (a proposal, a title) without the enclosing paragraph."""
    return sanitise(_parser().renderInline(text or ""))


def headings(text: str) -> list[tuple[int, str, int]]:
    """(level, text, source line) of each heading, for tables of contents and checks."""
    tokens = _parsed(text or "")
    out = []
    for i, token in enumerate(tokens):
        if token.type == "heading_open":
            out.append((int(token.tag[1]), tokens[i + 1].content, (token.map or [0])[0] + 1))
    return out


def word_count(text: str) -> int:
    """Words a reader reads in the text: a picture's text alternative and address are not
    counted (a tutorial's length limit is about its text)."""
    tokens = _parsed(text or "")
    words = 0
    for token in tokens:
        if token.type == "inline":
            words += sum(len(child.content.split()) for child in token.children or ()
                         if child.type in ("text", "code_inline"))
    return words


# Longest accepted text of each kind, in characters: far above any real content, far below what
# would make a page (or the bundle every learner downloads) absurd.
MAX_LENGTH = {"consigne": 20_000, "pourquoi": 20_000, "proposition": 1_000,
              "document": 100_000, "tutoriel": 200_000}

HTML_MESSAGE = ("HTML brut interdit : écrivez en Markdown (**gras**, *italique*, [lien](https://…)) ; "
                "pour montrer une balise, mettez-la entre accents graves : `<b>`")
_SCHEME = re.compile(r"^\s*([a-zA-Z][a-zA-Z0-9+.-]*):")
SCRIPT_SCHEMES = {"javascript", "vbscript", "data"}


@lru_cache(maxsize=1)
def _lint_parser() -> MarkdownIt:
    """The same parser, but keeping every link: markdown-it silently turns a ``javascript:`` link
    into plain text, which an editor would never notice."""
    md = MarkdownIt("commonmark", {"html": True, "typographer": False}).enable(
        ["table", "strikethrough"]).use(deflist_plugin)
    md.validateLink = lambda url: True
    return md


def scheme_of(url: str) -> str:
    """The URL's scheme in lower case ("" for a relative URL), ignoring invisible characters."""
    cleaned = "".join(ch for ch in url if ch.isprintable() and not ch.isspace())
    match = _SCHEME.match(cleaned)
    return match.group(1).lower() if match else ""


def is_external(url: str) -> bool:
    """Would fetching ``url`` contact another host (or leave the site's own files)?"""
    cleaned = url.strip().replace("\\", "/")
    return bool(scheme_of(cleaned)) or cleaned.startswith("//")


def too_long(text: str, kind: str) -> str | None:
    """The message when ``text`` exceeds its kind's limit (see ``MAX_LENGTH``), else None."""
    limit = MAX_LENGTH[kind]
    if len(text or "") <= limit:
        return None
    return (f"texte trop long ({len(text):,} caractères) : la limite pour {_KIND_NAMES[kind]} est "
            f"de {limit:,} caractères ; raccourcissez-le ou découpez-le").replace(",", "\u202f")


_KIND_NAMES = {"consigne": "une consigne", "pourquoi": "une explication (pourquoi)",
               "proposition": "une proposition", "document": "un document",
               "tutoriel": "un tutoriel"}


def _locator(lines: list[str], token, first_line: int):
    """``needle → file line``: the line of a block token's source where ``needle`` appears
    (a paragraph spans several lines; its inline children carry no line of their own)."""
    start, end = token.map if token.map else (0, 1)

    def where(needle: str) -> int:
        for offset, source in enumerate(lines[start:end]):
            if needle and needle in source:
                return first_line + start + offset
        return first_line + start
    return where


def _inline_problems(children, where) -> list[tuple[int, str]]:
    found = []
    for child in children or ():
        if child.type == "html_inline":
            found.append((where(child.content), HTML_MESSAGE))
        elif child.type == "image":
            src = str(child.attrs.get("src", ""))
            if not child.content.strip():
                found.append((where("!["), "image sans texte alternatif : ![description](…)"))
            if is_external(src):
                found.append((where(src), f"image externe « {src[:80]} » : la page ferait "
                                          "contacter un autre site par le navigateur ; mettez un "
                                          "lien [texte](adresse) à la place"))
        elif child.type == "link_open":
            href = str(child.attrs.get("href", ""))
            scheme = scheme_of(href)
            if scheme in SCRIPT_SCHEMES:
                found.append((where(href), f"lien « {scheme}: » interdit : un lien mène à une "
                                           "adresse web (https://…), un courriel (mailto:) ou un "
                                           "numéro (tel:)"))
        found.extend(_inline_problems(child.children, where))
    return found


@lru_cache(maxsize=4096)  # like ``pictures``: each rebuild checks the same texts again
def links(text: str, first_line: int = 1) -> tuple[tuple[int, str], ...]:
    """(source line, href) of every link in a block of Markdown."""
    out = []
    lines = (text or "").split("\n")
    for token in _parsed(text or "", lint=True):
        where = _locator(lines, token, first_line)
        stack = list(token.children or ())
        while stack:
            child = stack.pop(0)
            if child.type == "link_open":
                href = str(child.attrs.get("href", ""))
                out.append((where(href), href))
            stack[0:0] = list(child.children or ())
    return tuple(out)


@lru_cache(maxsize=16384)
def lint_inline(text: str, line: int) -> tuple[tuple[int, str], ...]:
    """Problems of one line of Markdown (a proposal), all on ``line``."""
    found: list[tuple[int, str]] = []
    for token in _parsed_inline(text or ""):
        found.extend(_inline_problems(token.children, lambda _needle: line))
    return tuple(dict.fromkeys(found))


@lru_cache(maxsize=16384)
def lint(text: str, first_line: int = 1, top_heading: int = 2,
         check_headings: bool = True) -> tuple[tuple[int, str], ...]:
    """Problems an editor must fix, as (line, message): raw HTML (it would be removed from the
    page), ``javascript:`` links, external images, headings that break the page's outline
    (RGAA 9.1), images without text alternative.

    ``first_line`` is the file line of the text's first line; token line maps do the rest.
    """
    found: list[tuple[int, str]] = []
    previous = top_heading - 1
    tokens = _parsed(text or "", lint=True)
    lines = (text or "").split("\n")
    for token in tokens:
        line = first_line + (token.map[0] if token.map else 0)
        if token.type == "html_block":
            found.append((line, HTML_MESSAGE))
        elif token.type == "heading_open" and check_headings:
            level = int(token.tag[1])
            if level < top_heading:
                found.append((line, f"intertitre de niveau {level} : commencez à "
                                    f"{'#' * top_heading} (le titre de la page existe déjà)"))
            elif level > previous + 1:
                found.append((line, f"intertitre de niveau {level} après un niveau {previous} : "
                                    "ne sautez pas de niveau"))
            previous = level
        elif token.type == "inline":
            found.extend(_inline_problems(token.children, _locator(lines, token, first_line)))
    return tuple(dict.fromkeys(found))
