"""Key combinations: « Ctrl+F », « Ctrl F », « ctrl-f », « touches ctrl f », « appuyer sur les
touches Ctrl et F », « touche Ctrl et touche F » are the same combination.

Where an accepted answer is a combination (two keys or more, one of them a modifier: Ctrl, Alt,
AltGr, Maj, Cmd, Fn, Windows), a typed answer made of the same keys — in any order, each named
by one of its usual names (« Contrôle », « Control », « Shift », « Commande »…) — and of filler
words (« touche », « la lettre », « et », « + », « en même temps », « appuyer sur »…) is that
combination. A key more or less, another key, or a word outside the list (« ou », « puis »,
« pas ») is not: « Ctrl+C », « Ctrl », « Ctrl ou F » stay refused.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from .sentence import GENERIC, GRAMMAR, word_set
from .words import ELISION, by_text, plain, pretreat

_NAMES = {
    "ctrl": "ctrl", "control": "ctrl", "controle": "ctrl",
    "alt": "alt", "altgr": "altgr",
    "maj": "maj", "majuscule": "maj", "shift": "maj",
    "cmd": "cmd", "commande": "cmd", "command": "cmd",
    "fn": "fn", "windows": "win", "win": "win",
    "tab": "tab", "tabulation": "tab", "entree": "entree", "enter": "entree",
    "echap": "echap", "esc": "echap", "suppr": "suppr", "del": "suppr",
    "espace": "espace", "space": "espace",
    **{f"f{n}": f"f{n}" for n in range(1, 13)},
}
MODIFIERS = frozenset(("ctrl", "alt", "altgr", "maj", "cmd", "fn", "win"))
# Not « plus »: it is also the name of the « + » key (« Ctrl plus » zooms in).
_FILLERS = GRAMMAR | GENERIC | word_set(
    "et avec lettre lettres en meme temps simultanement ensemble raccourci clavier combinaison")
_ALT_GR = re.compile(r"\balt\W*gr(?:aph)?\b")                # « Alt Gr », « alt-graph »
_GLUED = re.compile(r"(ctrl|alt|maj|cmd|shift)([a-z0-9])")    # « ctrlf », « ctrl0 »


@by_text
def combination(text: str) -> tuple[str, ...] | None:
    """The keys of a combination, sorted, or None when the text is not one (a word that is no
    key nor filler, fewer than two keys, no modifier)."""
    value = _ALT_GR.sub("altgr", ELISION.sub(" ", plain(pretreat(text)[:200])))
    tokens = re.sub(r"[^a-z0-9]+", " ", value).split()
    keys = []
    for token in tokens[:20]:
        glued = _GLUED.fullmatch(token)
        if token in _NAMES:
            keys.append(_NAMES[token])
        elif len(token) == 1:
            keys.append(token)
        elif glued:
            keys += [_NAMES[glued.group(1)], glued.group(2)]
        elif token not in _FILLERS:
            return None
    if len(keys) < 2 or not MODIFIERS & set(keys):
        return None
    return tuple(sorted(keys))


def same_combination(answer: str, accepted: Iterable[str]) -> bool:
    """Whether ``answer`` is the combination of an accepted answer that is one."""
    typed = combination(answer)
    return typed is not None and any(combination(a) == typed for a in accepted)
