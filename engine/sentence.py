"""A right answer said in a short sentence: « je clique sur le bouton Déplacer », « c'est à
11h00 », « c'est du harcèlement moral ».

The typed answer is accepted when it holds an accepted answer as a run of whole words (under the
field's tolerances, typos per word with T3) and every other word is a filler: a word of a closed
list that says nothing of its own in an answer — articles and possessives, pronouns, the
prepositions « à », « sur », « dans », « chez », « pour », « par », « de », « c'est », auxiliaries
and « il faut », the generic action verbs in their common forms (cliquer, appuyer, toucher,
taper, ouvrir, aller, choisir, sélectionner, utiliser, faire, mettre…), the generic names of
what one clicks (bouton, menu, onglet, icône, lien, case, option, touche, application, appli…)
and of the device (téléphone, ordinateur, tablette).

What the list leaves out is never read past, so these stay refused: a negation (« ne », « pas »,
« jamais », « sauf », « non », « aucun », « sans »…), two answers joined (« ou », « et », « puis »,
« mais »), « en » (« en ligne » is not « ligne »), any number, and any word of content. A filler
is never a wrong answer by itself: where a refused answer of the field, or an accepted answer of
another field, is made of fillers only (« sélectionner » refused for « coller », the « À » zone
of a message), its words are no fillers there, a verb with all its forms. An answer of more than
ten words is not read this way.

The words of the challenge's statement are not fillers: a statement names the situation, and so
often the wrong answer (« garder son rendez-vous », « sans modifier le texte »); reading them past
would make every refusal depend on the editor listing each wrong word. Editors add the
complements they expect (« espace personnel ») as accepted answers.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from functools import lru_cache

from .words import MAX_WORDS, pretreat, within_typos, words

MAX_SENTENCE_WORDS = 10


def word_set(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Grammar words: fillers unless a wrong answer is that very word (« à » for the « À » zone of a
# message). After T1: lower case, no accents; an elided word keeps its apostrophe (« l' »), so
# that a letter alone (« C », « D ») is no filler.
GRAMMAR = word_set("""
le la les l' un une des du de d' au aux ce cet cette ces c' ca cela ceci qu'
mon ma mes ton ta tes son sa ses notre nos votre vos leur leurs
je j' tu il elle on nous vous ils elles me m' te t' se s' lui y
a sur dans chez pour par
est sont etait
""")
# Verbs and names, one family a line: a family is no filler where one of its words is a word
# of a wrong answer (« sélectionner » refused: « je sélectionne coller » is not « coller »).
_FAMILIES = [word_set(line) for line in """
avoir ai as avons avez ont
etre suis es sommes etes
falloir faut
devoir doit dois devons devez doivent
pouvoir peut peux pouvons pouvez peuvent
aller vais vas va allons allez vont
cliquer clique cliques cliquons cliquez cliquent
appuyer appuie appuies appuyons appuyez appuient appuye
toucher touche touches touchons touchez touchent
taper tape tapes tapons tapez tapent
presser presse presses pressons pressez pressent
ouvrir ouvre ouvres ouvrons ouvrez ouvrent ouvert
choisir choisis choisit choisissons choisissez choisissent choisi
selectionner selectionne selectionnes selectionnons selectionnez selectionnent
utiliser utilise utilises utilisons utilisez utilisent
faire fais fait faisons faites font
mettre mets met mettons mettez mettent mis
ecrire ecris ecrit ecrivons ecrivez ecrivent
bouton boutons
menu menus
onglet onglets
icone icones
lien liens
case cases
option options
application applications appli applis app
rubrique rubriques
telephone telephones
ordinateur ordinateurs
tablette tablettes
""".strip().splitlines()]
GENERIC = frozenset().union(*_FAMILIES)
_FAMILY = {word: family for family in _FAMILIES for word in family}


def _fillers(wrong: Iterable[str], tolerances: tuple[str, ...]) -> frozenset[str]:
    """The fillers of a field: none is a wrong answer by itself. A wrong answer made of filler
    words only (« sélectionner », « le bouton », « à ») takes its verbs and names out, with
    their other forms, or, when it has none, its grammar words."""
    return _fillers_of(tuple(wrong), tuple(tolerances))


@lru_cache(maxsize=1024)        # the same field's wrong answers, at each of its answers
def _fillers_of(wrong: tuple[str, ...], tolerances: tuple[str, ...]) -> frozenset[str]:
    taken: set[str] = set()
    for text in wrong:
        found = words(text, tolerances)
        if not found or not all(w in GRAMMAR or w in GENERIC for w in found):
            continue          # « touche 9 » is refused for its 9: « touche » stays a filler
        generic = [w for w in found if w in GENERIC]
        if generic:
            taken.update(*(_FAMILY[w] for w in generic))
        else:
            taken.update(found)
    return (GRAMMAR | GENERIC) - taken


def taken_words(wrong: Iterable[str], tolerances: tuple[str, ...]) -> frozenset[str]:
    """The words of the list that are no fillers for this field (see ``_fillers``)."""
    return (GRAMMAR | GENERIC) - _fillers(wrong, tolerances)


_DEFINITE = frozenset(("le", "la", "l'"))


def _fits(typed: list[str], i: int, j: int, ends: list[int], accepted: list[str],
          t3: bool) -> bool:
    """Whether the words ``typed[i:j]`` are ``accepted``, spaces aside or with typos (T3);
    ``ends`` are the typed words' cumulated lengths, to skip what cannot be equal."""
    if ends[j] - ends[i] == sum(map(len, accepted)) and "".join(typed[i:j]) == "".join(accepted):
        return True
    return t3 and j - i == len(accepted) and within_typos(typed[i:j], accepted)


def in_sentence(answer: str, accepted: Iterable[str], tolerances: Iterable[str],
                wrong: Iterable[str] = ()) -> bool:
    """Whether ``answer`` is an accepted answer with filler words around it (see the module)."""
    tolerances = tuple(tolerances)
    if "T1" not in tolerances or len(pretreat(answer).split()) > MAX_SENTENCE_WORDS:
        return False
    typed = words(answer, tolerances)
    fillers = _fillers(wrong, tolerances)
    content = [i for i, w in enumerate(typed) if w not in fillers]
    if not typed or len(typed) > 2 * MAX_SENTENCE_WORDS:
        return False
    first, last = (content[0], content[-1] + 1) if content else (len(typed), 0)
    t3 = "T3" in tolerances
    ends = [0]
    for word in typed:
        ends.append(ends[-1] + len(word))
    for text in accepted:
        expected = words(text, tolerances)
        if not expected or len(expected) >= MAX_WORDS:
            continue
        # Longer than the whole answer, in words and in letters: it cannot fit (a quick skip;
        # the definite article it may lose is a word and letters of its own).
        if len(expected) > len(typed) + 1 and sum(map(len, expected)) > ends[-1] + 3:
            continue
        # « la question sur les allergies » accepted: « question sur les allergies » too. A
        # definite article says no number: « un compte » still wants its « un ».
        runs = [expected, expected[1:]] if expected[0] in _DEFINITE and expected[1:] else [expected]
        # The run covers every word that is not a filler: it starts at or before the first,
        # ends at or after the last.
        for i in range(min(first, len(typed) - 1) + 1):
            for j in range(max(last, i + 1), min(len(typed), i + len(expected) + 4) + 1):
                if any(_fits(typed, i, j, ends, run, t3) for run in runs):
                    return True
    return False


def value_in_sentence(answer: str, is_right: Callable[[str], bool], tolerances: Iterable[str],
                      wrong: Iterable[str] = ()) -> bool:
    """Whether ``answer`` holds a time or a date that ``is_right`` accepts, with filler words
    around it (« c'est à 11h00 », « le premier janvier 2051 »): the value is read from a few
    words of their own (« 11 h 00 », « 1er janvier 2051 »)."""
    tolerances = tuple(tolerances)
    if "T1" not in tolerances or len(pretreat(answer).split()) > MAX_SENTENCE_WORDS:
        return False
    raw = words(answer, ())
    fillers = _fillers(wrong, tolerances)
    filler = [all(w in fillers for w in words(token, tolerances)) for token in raw]
    for i in range(len(raw)):
        if not all(filler[:i]):
            break
        for j in range(i + 1, min(len(raw), i + 5) + 1):
            if all(filler[j:]) and is_right(" ".join(raw[i:j])):
                return True
    return False


# What an answer says, once its articles, pronouns, possessives and generic names (bouton,
# menu, appuyer…: the list above) are set aside and its words are read without their endings:
# « on les associe » and « associer », « Alt droit » and « Alt droite », « elles se terminent par
# .gouv.fr » and « elle se termine par .gouv.fr », « les pop-up et les redirections » and
# « pop-up et redirections ». The words keep their order (« de Lyon à Paris » is not « de Paris
# à Lyon »), and every other word must be there: a negation, a number, a preposition (« dans le
# dossier » is not « sur le dossier »), a second answer or any word of content makes the answer
# another one. A grammar word written in capitals is an abbreviation or a letter, not grammar
# (« CC BY-SA », « PDF/A »), and a generic name the accepted answer holds is part of it (« lien de
# la page » is not « page »).
_ENDINGS = ("ent", "es", "er", "ez", "s", "x", "e")
# Set aside anywhere: articles, pronouns, possessives, demonstratives, « est ». Not the
# prepositions (« la cousine de Dylan » is not « le cousin Dylan »).
_SET_ASIDE = GRAMMAR - word_set("a sur dans chez pour par de du d' au aux")
_INDEFINITE = ("un", "une", "des")
_VOWELS = frozenset("aeiouy")
# A second answer, a correction or a doubt: never set aside (« peut-être » is made of « peut »
# and « être », which the list reads past elsewhere).
_HEDGE = re.compile(r"\b(?:peut etre|sans doute|je (?:ne )?sais|je crois|je pense|probablement"
                    r"|surement|ou|sinon|plutot|mais)\b")
_CAPITALS = re.compile(r"(?<![^\W\d_])[A-Z]{1,3}(?![^\W\d_])")


@lru_cache(maxsize=8192)        # the same words come back in every accepted answer
def stem(word: str) -> str:
    """A word without its commonest French ending (plural, feminine, verb), to compare forms of
    the same word: « associe », « associer », « associent » → « associ ». Words with a digit, a
    sign or no vowel (« https ») are kept whole."""
    if not word.isalpha() or not _VOWELS.intersection(word):
        return word
    for ending in _ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) >= 4:
            return word[:-len(ending)]
    return word


def _content(text: str, grammar: frozenset[str], generic: frozenset[str],
             tolerances: tuple[str, ...], keep: frozenset[str] = frozenset()
             ) -> tuple[str, ...]:
    text = pretreat(text)
    capitals = ({w.lower() for w in _CAPITALS.findall(text)} if text.lower() != text
                else frozenset())
    return tuple(stem(w) for w in words(text, tolerances)
                 if w in keep or w in capitals or (w not in grammar and w not in generic))


def same_content(answer: str, accepted: Iterable[str], tolerances: Iterable[str],
                 wrong: Iterable[str] = ()) -> bool:
    """Whether ``answer`` says what an accepted answer says, its grammar, fillers and word
    endings aside (see above); with T1 only. An accepted answer that starts with « un », « une »
    or « des » is left out: its editor wrote the number on purpose (« un compte »)."""
    tolerances = tuple(tolerances)
    if "T1" not in tolerances or len(pretreat(answer).split()) > MAX_SENTENCE_WORDS:
        return False
    if _HEDGE.search(" ".join(words(answer, ("T1", "T2")))):
        return False
    grammar, generic = _set_aside(_fillers(wrong, tolerances))
    typed = _content(answer, grammar, generic, tolerances)
    for text in accepted:
        own = words(text, tolerances)
        # Each word kept is a word of its own, its stem a beginning of it: a quick skip.
        if not own or own[0] in _INDEFINITE or len(own) < len(typed) or (
                typed and not any(w.startswith(typed[0]) for w in own)):
            continue
        keep = generic.intersection(own)
        expected = _content(text, grammar, generic, tolerances, keep)
        if expected and expected == (
                _content(answer, grammar, generic, tolerances, keep) if keep else typed):
            return True
    return False


@lru_cache(maxsize=1024)
def _set_aside(fillers: frozenset[str]) -> tuple[frozenset[str], frozenset[str]]:
    """The grammar words and the generic names of a field's fillers."""
    return fillers & _SET_ASIDE, fillers - GRAMMAR
