"""A right answer followed by its reason: « jeudi, il y a 4 oui », « jeudi car 4 personnes peuvent
venir », « 2 (changement d'adresse) », « Docteur Haddad (appel manqué) ».

People who know often say why; blind reviews found such answers refused while the bare answer was
accepted. With T1, an answer is split at its first reason mark: « car », « parce que », « puisque
», « vu que », a bracket, or a comma, colon, semicolon or dash (not between two digits: « 12,50 »,
« 10:00 »; after these the reason must have two words at least: « jeudi, samedi » is two answers,
not a reason). Not « pour »: « un pour chaque compte », « 10 pour cent ». It is accepted when the
part before the mark is accepted by the field and the reason, which holds a word of letters, names
no other answer: none of the field's refused answers nor another field's answer, as whole words;
nothing that offers a second answer, takes the answer back or hedges it (« ou », « mais », « aussi
», « plutôt », « sauf », « non », « peut-être », « sans doute », « je crois », a reason that
starts with « et »). A reason may deny: « webcam car il n'a pas de caméra »; « jeudi, pas lundi »
stays refused where « lundi » is a refused answer. A refused answer written whole in the list
stays refused (« jeudi, 4 indisponibles »). The reason is not checked for truth: « jeudi car c'est
le plus court » is accepted for « jeudi ».
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

from .words import pretreat, words

MAX_REASON_WORDS = 15
_STRONG = re.compile(r"\s+(?:car|parce\s+qu(?:e\s+|\s*['’]\s*)|puisqu(?:e\s+|\s*['’]\s*)"
                     r"|vu\s+que)\s*(?=\S)|\s*\(\s*(?=[^)\s])", re.IGNORECASE)
_WEAK = re.compile(r"\s*[,;:]\s*(?=\S)|\s+[-–—]\s+(?=\S)")
_LETTERS = re.compile(r"[^\W\d_]{2}")
# A reason may deny (« car il n'a pas de caméra »); these words offer another answer, take the
# answer back or hedge it.
_NO_REASON = frozenset((
    "ou", "sinon", "mais", "plutot", "aussi", "egalement", "voire", "pourtant", "contraire",
    "sauf", "non", "probablement", "surement"))
_MAYBE = re.compile(r"peut\W*etre|je\s+(?:ne\s+)?sais|pas\s+sur|sans\s+doute|je\s+(?:crois|pense)",
                    re.IGNORECASE)


def split_reason(text: str) -> tuple[str, str] | None:
    """(answer, reason) of a text at its first reason mark, or None."""
    parts = _split(pretreat(text).strip())
    return parts[:2] if parts else None


def _split(text: str) -> tuple[str, str, bool] | None:
    """(answer, reason, strong mark) at the first reason mark, or None."""
    weak = next((m for m in _WEAK.finditer(text) if not (
        text[:m.start()].rstrip()[-1:].isdigit() and text[m.end():].lstrip()[:1].isdigit())), None)
    marks = [(m, True) for m in [_STRONG.search(text)] if m] + [(m, False) for m in [weak] if m]
    if not marks:
        return None
    found, strong = min(marks, key=lambda pair: pair[0].start())
    head, reason = text[:found.start()].strip(), text[found.end():].strip()
    if found.group(0).strip().startswith("("):
        reason = reason.rstrip(")").strip()
    return (head, reason, strong) if head and reason else None


def _names_another(reason: list[str], wrong: Iterable[str], tolerances: tuple[str, ...]) -> bool:
    for text in wrong:
        run = words(text, tolerances)
        if run and any(reason[i:i + len(run)] == run for i in range(len(reason) - len(run) + 1)):
            return True
    return False


def with_reason(answer: str, accepts: Callable[[str], bool], tolerances: Iterable[str],
                wrong: Iterable[str] = ()) -> bool:
    """Whether ``answer`` is an answer that ``accepts`` takes, followed by a reason (see the
    module)."""
    tolerances = tuple(tolerances)
    if "T1" not in tolerances:
        return False
    parts = _split(pretreat(answer).strip())
    if parts is None:
        return False
    head, reason, strong = parts
    said = words(reason, ("T1", "T2"))
    if not said or len(said) > MAX_REASON_WORDS or (not strong and len(said) < 2):
        return False
    if said[0] == "et" or _NO_REASON.intersection(said) or _MAYBE.search(" ".join(said)) \
            or not _LETTERS.search(reason):
        return False
    if _names_another(said, wrong, ("T1", "T2")) or _is_listed(answer, wrong):
        return False
    return accepts(head)


def _is_listed(answer: str, wrong: Iterable[str]) -> bool:
    typed = words(answer, ("T1", "T2"))
    return any(words(text, ("T1", "T2")) == typed for text in wrong)
