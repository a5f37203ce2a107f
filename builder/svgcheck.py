"""SVG illustrations checked like code: an SVG is served from the site's own origin, and opened
directly (a new tab, a right click) it runs with that origin's rights, reading the learner's
stored tests. So an illustration may hold drawing only: no script, no event handler, no link that
runs code, no reference to another host, no embedded HTML, no DOCTYPE (entities, XXE).

Parsed with the standard library's expat, which gives the line of each construct.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from xml.parsers import expat

from .markdown import SCRIPT_SCHEMES, scheme_of

FORBIDDEN_ELEMENTS = {
    "script": "script interdit dans une illustration",
    "foreignobject": "<foreignObject> interdit : il insère du HTML dans l'image",
    "iframe": "<iframe> interdit dans une illustration",
    "embed": "<embed> interdit dans une illustration",
    "object": "<object> interdit dans une illustration",
    "handler": "<handler> (script) interdit dans une illustration",
    "listener": "<listener> (script) interdit dans une illustration",
}
LINK_ATTRIBUTES = {"href", "src"}
ANIMATIONS = {"set", "animate", "animatemotion", "animatetransform"}
_URL = re.compile(r"url\(\s*['\"]?\s*([^'\")\s]*)", re.IGNORECASE)
_IMPORT = re.compile(r"@import", re.IGNORECASE)


class _Stop(Exception):
    """Raised from a handler to stop parsing at once (a DOCTYPE could declare entities)."""


def _local(name: str) -> str:
    """``"http://www.w3.org/1999/xlink href"`` → ``"href"``; ``"svg"`` → ``"svg"``."""
    return name.rsplit(" ", 1)[-1].rsplit(":", 1)[-1].lower()


def _css_problems(text: str) -> list[str]:
    found = []
    if _IMPORT.search(text):
        found.append("« @import » interdit dans un style : tout le style est dans le fichier")
    for target in _URL.findall(text):
        if not target.startswith("#"):
            found.append(f"référence « url({target[:60]}) » interdite : seules les références "
                         "internes « url(#id) » sont permises")
    return found


def check_bytes(data: bytes) -> list[tuple[int, str]]:
    """(line, message in French) of every refused construct; empty when the SVG is safe."""
    return list(_check_bytes(data))


@lru_cache(maxsize=2048)   # by content: an editor's rebuild re-reads only what changed
def _check_bytes(data: bytes) -> tuple[tuple[int, str], ...]:
    found: list[tuple[int, str]] = []
    parser = expat.ParserCreate(namespace_separator=" ")
    stack: list[str] = []

    def at(message: str) -> None:
        found.append((parser.CurrentLineNumber, message))

    def start(name: str, attrs: dict[str, str]) -> None:
        local = _local(name)
        if not stack and local != "svg":
            at(f"l'élément racine doit être <svg>, pas <{local}>")
        stack.append(local)
        if local in FORBIDDEN_ELEMENTS:
            at(FORBIDDEN_ELEMENTS[local])
        if local in ANIMATIONS and _local(attrs.get("attributeName", "")) in LINK_ATTRIBUTES:
            at(f"<{local}> ne peut pas modifier un lien (attributeName=\"href\")")
        for attr, value in attrs.items():
            attr_local = _local(attr)
            if attr_local.startswith("on"):
                at(f"attribut d'évènement « {attr_local} » interdit : il exécute du script")
            elif attr_local in LINK_ATTRIBUTES and not value.strip().startswith("#"):
                at(f"référence « {attr_local}=\"{value[:60]}\" » interdite : seules les "
                   "références internes (« #id ») sont permises, l'image ne doit rien charger")
            elif scheme_of(value) in SCRIPT_SCHEMES or "javascript:" in value.lower():
                at(f"valeur « {value[:60]} » interdite dans l'attribut « {attr_local} »")
            if attr_local == "style" or "url(" in value.lower():
                for message in _css_problems(value):
                    at(message)

    def end(_name: str) -> None:
        stack.pop()

    def text(data: str) -> None:
        if stack and stack[-1] == "style":
            for message in _css_problems(data):
                at(message)

    def doctype(*_args) -> None:
        at("DOCTYPE interdit dans une illustration : retirez la ligne <!DOCTYPE …> "
           "(elle peut déclarer des entités)")
        raise _Stop

    def instruction(target: str, _data: str) -> None:
        at(f"instruction <?{target} …?> interdite dans une illustration")

    parser.StartElementHandler = start
    parser.EndElementHandler = end
    parser.CharacterDataHandler = text
    parser.StartDoctypeDeclHandler = doctype
    parser.EntityDeclHandler = lambda *_a: doctype()
    parser.ProcessingInstructionHandler = instruction
    parser.ExternalEntityRefHandler = lambda *_a: doctype() or 0
    try:
        parser.Parse(data, True)
    except _Stop:
        pass
    except expat.ExpatError as exc:
        found.append((exc.lineno, f"SVG mal formé : {_french(exc)} (colonne {exc.offset + 1})"))
    return tuple(sorted(found))


_EXPAT_FRENCH = {
    expat.errors.codes[expat.errors.XML_ERROR_TAG_MISMATCH]:
        "balise fermante qui ne correspond pas à la balise ouverte",
    expat.errors.codes[expat.errors.XML_ERROR_INVALID_TOKEN]:
        "caractère ou balise invalide",
    expat.errors.codes[expat.errors.XML_ERROR_UNCLOSED_TOKEN]: "balise non fermée",
    expat.errors.codes[expat.errors.XML_ERROR_NO_ELEMENTS]: "fichier vide ou sans élément <svg>",
    expat.errors.codes[expat.errors.XML_ERROR_JUNK_AFTER_DOC_ELEMENT]:
        "texte après la fin de l'élément <svg>",
    expat.errors.codes[expat.errors.XML_ERROR_UNDEFINED_ENTITY]:
        "entité inconnue (écrivez « &amp; » pour « & »)",
    expat.errors.codes[expat.errors.XML_ERROR_DUPLICATE_ATTRIBUTE]: "attribut donné deux fois",
}


def _french(exc: expat.ExpatError) -> str:
    return _EXPAT_FRENCH.get(exc.code, f"XML invalide ({expat.errors.messages[exc.code]})")


def check_file(path: Path) -> list[tuple[int, str]]:
    try:
        data = path.read_bytes()
    except OSError as exc:
        return [(0, f"illustration illisible : {exc.strerror}")]
    return check_bytes(data)
