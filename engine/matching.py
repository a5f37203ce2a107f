"""Matching typed answers, with the tolerances French users know from Pix.

T1 forgives spaces, case and accents; T2 punctuation; T3 typos, word by word (engine/words.py: none
in a word of one to three letters or with a digit, one in four to seven letters, two beyond, a
quarter of the letters in all — « mode édition » is not a typo of « mode révision »). Unlike Pix's
T2, letters outside ASCII (œ, ß…) are kept: only punctuation and symbols are removed, so "cœur"
still differs from "cur". A field in « nombre » format compares numbers as people type them
("1 250,50", "16 €") or write them in French words ("une", "une seule", "vingt-deux", "mille deux
cents"): a learner who writes « une » for 1 is right.

With T1, a leading article the learner adds (« le mode avion », « la SIM », « l'imprimante »)
is forgiven against an accepted answer written without one. The article is dropped from the typed
answer only, and the rest is compared only with accepted answers that have no article of their
own: where an editor wrote « un compte », « des comptes » is still not « compte ».
The same goes for a leading « sur », « à », « dans », « chez » or « auprès de » (« sur Envoyer »,
« dans Papiers », « auprès de la CAF »), never
« en » (« en ligne » is not « ligne »), and for a leading « c'est » (« c'est le bouton Envoyer »).
Beyond these leading words, with T1, an accepted answer inside a short sentence of filler words
(« je clique sur le bouton Déplacer », « c'est du harcèlement moral ») is accepted; no negation,
« ou », « et », number or word of content is read past (engine/sentence.py). Where an accepted
answer is a key combination, the same keys however named and joined (« touches ctrl et f »,
« Ctrl + F ») are that combination (engine/keys.py).

A time is a time however it is written: where an accepted answer is a time (« 10 h », « 8:15 »),
« 10h00 », « 10:00 », « 10 heures » and « à 10 h » are the same time. In a number field, the noun
the question uses before the number (« la case 6 », « page 3 », « touche 2 ») is read past,
« 10h00 » is the number 10, « 60 € 50 », « 60 euros et 50 centimes », « soixante virgule
cinquante » are 60.50 (one digit of cents only with « centimes »), and a short sentence holding
one number and no word that changes it (« il apparaît 9 fois », « je tape 2 »; not « au moins
3 », « 2 ou 3 ») is that number.

With T1, « 1er », « premier » and « 01 » before a month are « 1 » (engine/dates.py); with T1 and
T2 a date in digits is the same date in words (« 01/01/2051 », « 1er janvier 2051 »). With T1, a
number in one word is its digits (« neuf points » is « 9 points »), a common abbreviation its
word (« Dr » is « docteur »), and a right answer followed by its reason (« jeudi, il y a 4 oui »)
is right when the reason names no other answer (engine/reasons.py).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache
from typing import Any

from .dates import parse_date, same_day_forms
from .keys import same_combination
from .reasons import with_reason
from .sentence import in_sentence, same_content, taken_words, value_in_sentence
from .words import WITHOUT_SIGNS, by_text, plain, pretreat, unaccented, within_typos, words

TOLERANCES = ("T1", "T2", "T3")
FORMATS = ("texte", "nombre")
_SPACES = re.compile(r"\s+")
_ARTICLE = re.compile(r"(?:(?:le|la|les|un|une|des)\s+|l['’]\s*)(?=\S)", re.IGNORECASE)
# « en » is left out on purpose: « en ligne » is not « ligne ».
_PREPOSITION = re.compile(
    r"(?:(?:sur|à|dans|chez)\s+|auprès\s+(?:d['’]\s*|(?:de|du|des)\s+))(?=\S)", re.IGNORECASE)
_TIME = re.compile(
    r"(?:(?:à|a)\s*)?(\d{1,2})\s*(?:h|heures?|:)\s*(?:(\d{2})\s*(?:min(?:utes?)?)?)?\s*\.?",
    re.IGNORECASE)


def t1(text: str) -> str:
    return _SPACES.sub("", plain(text.strip()))


def t2(text: str) -> str:
    kept = text.translate(WITHOUT_SIGNS)
    return _SPACES.sub(" ", kept).strip()


def levenshtein(a: str, b: str) -> int:
    if len(a) < len(b):
        a, b = b, a
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i]
        for j, cb in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb)))
        previous = current
    return previous[-1]


def normalise(text: Any, tolerances: Iterable[str]) -> str:
    active = set(tolerances)
    return _normalise(str(text), "T1" in active, "T2" in active)


# The accepted answers are normalised again at each answer, with their article and preposition
# forms: in Pyodide that was most of a typed answer's step.
@lru_cache(maxsize=8192)
def _normalise(text: str, with_t1: bool, with_t2: bool) -> str:
    value = pretreat(text)
    if with_t1:
        value = t1(value)
    if with_t2:
        # An answer made only of punctuation ("-", "+") is not erased: it is the answer.
        value = t2(value) or value
    return value if with_t1 or with_t2 else value.strip()


@lru_cache(maxsize=1024)
def _normalised(accepted: tuple[str, ...], tolerances: tuple[str, ...]) -> frozenset[str]:
    return frozenset(normalise(a, tolerances) for a in accepted)


def without_article(text: Any) -> str | None:
    """The text after its leading article (« le », « la », « les », « l' », « un », « une »,
    « des »), or None when it starts with none, or is nothing but an article (« une » may be
    the answer)."""
    value = pretreat(text).strip()
    match = _ARTICLE.match(value)
    return value[match.end():] if match else None


def without_preposition(text: Any) -> str | None:
    """The text after its leading « sur », « à », « dans », « chez » or « auprès de », or None
    when it starts with none."""
    value = pretreat(text).strip()
    match = _PREPOSITION.match(value)
    return value[match.end():] if match else None


@by_text
def parse_time(text: str) -> tuple[int, int] | None:
    """A time of day as people write it: « 10 h », « 10h00 », « 10:00 », « 10 heures 30 »,
    « à 8h15 »; None without an hour mark (« 10 » alone is a number, not a time)."""
    match = _TIME.fullmatch(pretreat(text).strip())
    if not match:
        return None
    hours, minutes = int(match.group(1)), int(match.group(2) or 0)
    return (hours, minutes) if hours <= 24 and minutes < 60 else None


def _article_forms(answer: Any, accepted: tuple[str, ...]) -> list[tuple[str, list[str]]]:
    plain = [a for a in accepted if without_article(a) is None and without_preposition(a) is None]
    no_article = [a for a in accepted if without_article(a) is None]
    forms = []
    if (bare := without_article(answer)) is not None:
        forms.append((bare, no_article))
    if (after := without_preposition(answer)) is not None:
        forms.append((after, plain))
        if (bare := without_article(after)) is not None:
            forms.append((bare, plain))
    return forms


# « C'est … » before a typed answer (« c'est le docteur Haddad », « c'est Envoyer »).
_TEXT_LEAD_IN = re.compile(r"(?:c\s*['’]?\s*est|ce\s+sont|r[ée]ponse)\s*[:,]?\s+(?=\S)",
                           re.IGNORECASE)


def _bare_forms(answer: Any, accepted: tuple[str, ...]) -> list[tuple[str, list[str]]]:
    """The answer without the « c'est », preposition and/or article the learner added, each
    paired with the accepted answers written without them: what the editor wrote still counts."""
    forms = _article_forms(answer, accepted)
    value = pretreat(answer).strip()
    if match := _TEXT_LEAD_IN.match(value):
        rest = value[match.end():]
        own = tuple(a for a in accepted if not _TEXT_LEAD_IN.match(pretreat(a).strip()))
        forms.append((rest, list(own)))
        forms += _article_forms(rest, own)
    return forms


def text_matches(answer: Any, accepted: Iterable[str], tolerances: Iterable[str],
                 wrong: Iterable[str] = ()) -> bool:
    """``answer`` against the accepted answers of a text field. ``wrong`` are the field's
    refused answers and the other fields' accepted ones: their words are never read past as
    fillers of a sentence (engine/sentence.py)."""
    tolerances = tuple(tolerances)
    accepted = tuple(accepted)
    given = normalise(answer, tolerances)
    if not given or _hides_a_sign(answer, accepted, wrong, tolerances):
        return False
    if "T1" in tolerances:              # « 1er janvier », « premier janvier » → « 1 janvier »
        answer, accepted = same_day_forms(answer), _same_day(accepted)
    # A time or a date is read from digits (« premier » is « 1 » by now): none, nothing to read.
    digits = any(ch.isdigit() for ch in answer)
    times = _times(accepted) if digits else frozenset()
    if times and (parse_time(answer) in times or value_in_sentence(
            answer, lambda text: parse_time(text) in times, tolerances, wrong)):
        return True
    # With T2 too, a date in digits is the same date in words (« 01/01/2051 »); without T2 the
    # form may be the point (a form field that wants JJ/MM/AAAA).
    dates = _dates(accepted) if digits and {"T1", "T2"} <= set(tolerances) else frozenset()
    if dates and (parse_date(answer) in dates or value_in_sentence(
            answer, lambda text: parse_date(text) in dates, tolerances, wrong)):
        return True
    pairs = [(answer, accepted)]
    if "T1" in tolerances:
        # A leading word that is by itself a refused answer (« à » for the « À » zone of a
        # message) is not dropped: « à objet » is not « objet » there.
        taken, typed = taken_words(wrong, tolerances), words(answer, tolerances)
        pairs += [(form, tuple(candidates)) for form, candidates in _bare_forms(answer, accepted)
                  if not taken.intersection(typed[:len(typed) - len(words(form, tolerances))])]
    if any(normalise(form, tolerances) in _normalised(tuple(candidates), tolerances)
           for form, candidates in pairs):
        return True
    if "T1" in tolerances and (same_combination(answer, accepted)
                               or in_sentence(answer, accepted, tolerances, wrong)
                               or same_content(answer, accepted, tolerances, wrong)):
        return True
    if "T3" in tolerances and any(within_typos(words(form, tolerances), words(c, tolerances))
                                  for form, candidates in pairs for c in candidates):
        return True
    if "T1" not in tolerances:
        return False
    # « 9 points » and « neuf points », « Dr Haddad » and « docteur Haddad » are the same
    # answer: compared once more, in their spelled-out forms.
    # Only where the typed answer holds what spelling out could have made: a digit, or a word
    # beginning like « docteur », « madame »… (typos included).
    spelled = spelled_out(answer)
    if spelled == answer and not digits and not _SPELLED_START.search(plain(answer)):
        return False
    accepted_spelled = _spelled_out(accepted)
    return ((spelled != answer or accepted_spelled != accepted)
            and text_matches(spelled, accepted_spelled, tolerances, wrong))


# Only words that may be a number or an abbreviation are looked at (a Python call per word of
# every accepted answer would weigh on each typed answer's check).
_NUMBER_WORD = re.compile(
    r"(?<![^\W\d_])(?:z[ée]ro|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|onze|douze|treize"
    r"|quatorze|quinze|seize|vingt|trente|quarante|cinquante|soixante|cent|mille)[^\W\d_]*"
    r"(?:-[^\W\d_]+)*|(?<![^\W\d_])(?:dr|mme|mlle|m|rdv|st|ste|bd|av)(?![^\W\d_])\.?",
    re.IGNORECASE)
# Abbreviations everyone writes, read as their word (with T1: the case does not matter).
ABBREVIATIONS = {"dr": "docteur", "mme": "madame", "mlle": "mademoiselle", "m.": "monsieur",
                 "rdv": "rendez-vous", "st": "saint", "ste": "sainte", "bd": "boulevard",
                 "av": "avenue"}


_SPELLED_START = re.compile(
    r"(?<![^\W\d_])(?:" + "|".join(sorted({w[:3] for w in ABBREVIATIONS.values()})) + ")")


@by_text
def spelled_out(text: str) -> str:
    """The text with each number written in one word (« neuf », « vingt-trois ») in digits (not
    « un » and « une », which are articles too) and the common abbreviations spelled out
    (« Dr » → « docteur »)."""
    def one(match: re.Match[str]) -> str:
        word = match.group(0)
        lower = word.lower()
        found = ABBREVIATIONS.get(lower) or ABBREVIATIONS.get(lower.rstrip("."))
        if found:
            return found
        bare = word.rstrip(".")
        if lower in ("un", "une") or not _is_number(unaccented(bare).split("-")[0]):
            return word
        value = parse_number_words(bare.replace("-", " "))
        return word if value is None else str(value) + word[len(bare):]

    return _NUMBER_WORD.sub(one, pretreat(text))


@lru_cache(maxsize=1024)
def _spelled_out(accepted: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(map(spelled_out, accepted))


@lru_cache(maxsize=1024)
def _times(accepted: tuple[str, ...]) -> frozenset[tuple[int, int]]:
    return frozenset(t for a in accepted if (t := parse_time(a)) is not None)


@lru_cache(maxsize=1024)
def _dates(accepted: tuple[str, ...]) -> frozenset[tuple[int, int, int | None]]:
    return frozenset(d for a in accepted if any(ch.isdigit() for ch in a)
                     for form in (a, *(f for f, _ in _bare_forms(a, ())))
                     if (d := parse_date(form)) is not None)


@lru_cache(maxsize=1024)
def _same_day(accepted: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(map(same_day_forms, accepted))


def _hides_a_sign(answer: Any, accepted: tuple[str, ...], wrong: Iterable[str],
                  tolerances: tuple[str, ...]) -> bool:
    """Whether the answer holds a refused answer made of signs only (« & », « + »), which T2
    would erase, and that no accepted answer holds: « & à » is not « à » where « & » is
    refused."""
    if "T2" not in tolerances:
        return False
    text = pretreat(answer)
    return any((sign := pretreat(w).strip()) and sign in text and not words(w, tolerances)
               and not any(sign in a for a in accepted) for w in wrong)


# Words that change the number they stand by (« plus de 16 », « pas 16 », « environ 16 », « 16
# maximum », « 16 et demi »): a sentence holding one of them is not read as its number.
_CHANGING = frozenset((
    "plus", "moins", "environ", "presque", "pas", "jamais", "sauf", "jusqu", "jusque", "entre",
    "ou", "peu", "pres", "quasi", "quasiment", "max", "maximum", "min", "minimum", "dessus",
    "dessous", "apres", "avant", "vers", "autour", "approximativement", "demi", "demie",
    "quelques", "sinon", "voire", "dizaine", "douzaine", "quinzaine", "vingtaine", "trentaine",
    "centaine", "centaines", "millier", "milliers", "quart", "quarts", "tiers", "moitie"))
_TOKEN = re.compile(r"\d+(?:[.,]\d+)?|[^\W\d_]+")


def _changed(tokens: list[str]) -> bool:
    """Whether a word changes the number. « pas » does only as a negation, after « ne » or
    before the number (« il n'y en a pas 3 », « pas plus de 3 »); elsewhere it is a noun (« 1700
    pas », « la variable pas vaut 1700 »)."""
    for i, token in enumerate(tokens):
        if token != "pas":
            if token in _CHANGING:
                return True
            continue
        after = tokens[i + 1] if i + 1 < len(tokens) else ""
        if (i and tokens[i - 1] in ("n", "ne")) or after[:1].isdigit() or _is_number(after) \
                or after in _NEGATED:
            return True
    return False


_NEGATED = frozenset(("plus", "moins", "de", "d", "du", "exactement", "tout", "toujours",
                      "vraiment", "encore", "forcement", "sur", "assez", "trop"))


_THOUSANDS = re.compile(r"(?<=\d) (?=\d{3}(?!\d))")   # « 1 400 € »: one number


def _plain_tokens(text: Any) -> list[str]:
    """Numbers and words of a text, lower case and without accents."""
    return _TOKEN.findall(unaccented(_THOUSANDS.sub("", pretreat(text))))


_NUMBER = re.compile(r"([+-]?(?:\d+\.?\d*|\.\d+))(?:[^\d.,+-][^\d]*)?")
# Euros and cents written around the sign, as on French price tags: « 60 € 50 », « 60€50 »,
# « 12 euros 50 », « 60 euros et 50 centimes », « 60 € et 5 centimes » (one digit: only with
# « centimes », « 60 € 5 » says nothing sure).
_EUROS_CENTS = re.compile(r"(\d+)(?:€|euros?)(?:et)?(?:(\d{2})(?:€|euros?|centimes?|cts?)?"
                          r"|(\d)(?:centimes?|cts?))", re.IGNORECASE)
# The same in words (« soixante euros et cinquante centimes »), and « soixante virgule cinquante »,
# « 4 virgule 3 »: each part in digits or in words.
_MONEY_WORDS = re.compile(r"(.+?)\s*(?:€|euros?)\s*(?:et\s+)?(.+?)\s*(centimes?|cts?)?")
_DECIMAL_WORDS = re.compile(r"(.+?)\s+virgule\s+(.+)")


def _whole(text: str) -> int | None:
    text = text.strip()
    return int(text) if text.isdigit() and len(text) <= 9 else parse_number_words(text)


def _money_or_decimal(text: str) -> float | None:
    """« soixante euros et cinquante centimes » → 60.5, « quatre virgule trois » → 4.3."""
    value = pretreat(text).strip().lower()
    if len(value) > 80:                 # a price is short; bounds the regular expressions' work
        return None
    if match := _MONEY_WORDS.fullmatch(value):
        euros, cents = _whole(match.group(1)), _whole(match.group(2))
        raw = match.group(2).strip()
        # « 60 € 5 », « soixante euros cinq »: 5 or 50 cents? Said only with « centimes ».
        said = bool(match.group(3)) or (len(raw) == 2 if raw.isdigit() else (cents or 0) >= 10)
        if euros is not None and cents is not None and cents < 100 and said:
            return euros + cents / 100
    if match := _DECIMAL_WORDS.fullmatch(value):
        units, decimals = _whole(match.group(1)), match.group(2).strip()
        digits = decimals if decimals.isdigit() else str(_whole(decimals) or "")
        if units is not None and digits.isdigit() and len(digits) <= 6:
            return units + int(digits) / 10 ** len(digits)
    return None


def parse_number(text: Any) -> float | None:
    """A number as people type it: "1 250,50", "12.5", "16 €", "30 %" (a unit after is ignored),
    or a whole number in French words ("une seule", "vingt et un", "deux cents euros")."""
    if _changed(_plain_tokens(text)):
        return None                         # « 16 maximum », « une dizaine »: not 16, not 1
    cleaned = _SPACES.sub("", pretreat(text)).replace(",", ".")
    if euros_cents := _EUROS_CENTS.fullmatch(cleaned):
        cents = euros_cents.group(2) or "0" + euros_cents.group(3)
        return float(f"{euros_cents.group(1)}.{cents}")
    match = _NUMBER.fullmatch(cleaned)
    if match:
        return float(match.group(1))
    if (amount := _money_or_decimal(text)) is not None:
        return amount
    in_words = parse_number_words(text)
    return None if in_words is None else float(in_words)


_UNITS = {"zero": 0, "un": 1, "une": 1, "deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "six": 6,
          "sept": 7, "huit": 8, "neuf": 9}
_TEENS = {"dix": 10, "onze": 11, "douze": 12, "treize": 13, "quatorze": 14, "quinze": 15,
          "seize": 16}
_TENS = {"vingt": 20, "vingts": 20, "trente": 30, "quarante": 40, "cinquante": 50,
         "soixante": 60, "septante": 70, "huitante": 80, "octante": 80, "nonante": 90}
_ALONE = {"aucun": 0, "aucune": 0}            # a whole answer, never part of a number
_FILLERS = {"et", "seul", "seule", "seuls", "seules"}   # "vingt et un", "une seule"
_WORD = re.compile(r"[a-z]+")
_FRACTION = frozenset(("quart", "quarts", "tiers", "demi", "demie", "demis", "demies", "moitie"))


def parse_number_words(text: Any) -> int | None:
    """A whole number written in French words, from « zéro » to the millions, with the common
    forms of one (« un seul », « une seule ») and nought (« aucun »); words after the number are
    its unit (« trois personnes »). None when the text does not start with a number in words,
    or when the words do not make a number (« deux trois »)."""
    tokens = _WORD.findall(unaccented(pretreat(text)))
    if len(tokens) == 1 and tokens[0] in _ALONE:
        return 0
    total, group, used, i = 0, 0, False, 0
    while i < len(tokens):
        word = tokens[i]
        if word == "quatre" and i + 1 < len(tokens) and tokens[i + 1] in ("vingt", "vingts"):
            word, i = "huitante", i + 1          # quatre-vingt(s) = 80
        rest = group % 100
        if word in _FILLERS:
            if not used:
                return None
        elif word in _UNITS:
            if not (rest == 0 or (rest % 10 == 0 and rest >= 20)
                    or (rest == 10 and _UNITS[word] >= 7)):
                return None
            followed = i + 1 < len(tokens) and _is_number(tokens[i + 1])
            if _UNITS[word] == 0 and (used or followed):
                return None
            group += _UNITS[word]
            used = True
        elif word in _TEENS:
            if rest not in (0, 60, 80):
                return None
            group += _TEENS[word]
            used = True
        elif word in _TENS:
            if rest != 0:
                return None
            group += _TENS[word]
            used = True
        elif word in ("cent", "cents"):
            if group >= 10 or group == 1:
                return None
            group = (group or 1) * 100
            used = True
        elif word == "mille":
            if group >= 1000:
                return None
            total, group, used = total + (group or 1) * 1000, 0, True
        elif word in ("million", "millions"):
            if not group or total:
                return None
            total, group, used = group * 1_000_000, 0, True
        elif word in _FRACTION or word.endswith(("ieme", "iemes")):
            return None  # « un quart », « trois dixièmes » are no whole number
        else:
            break        # the unit: « trois personnes », « deux heures »
        i += 1
    if not used or any(_is_number(t) for t in tokens[i:]) or re.search(r"\d", str(text)):
        return None
    return total + group


def _is_number(word: str) -> bool:
    return word in _UNITS or word in _TEENS or word in _TENS or word in (
        "cent", "cents", "mille", "million", "millions")


# The words people put before a number they give as an answer, and that add nothing to it
# (« c'est 16 », « il y en a 2 », « ça fait 12,50 € »). A closed list: « plus de 16 », « pas 16 »
# or « environ 16 » say something else than 16, and stay refused.
_LEAD_IN = re.compile(
    r"(?:c\s*['’]?\s*est|ce\s+sont|il\s+y\s+en\s+a|il\s+y\s+a|il\s+en\s+faut|il\s+faut"
    r"|il\s+en\s+reste|il\s+reste|(?:ca|ça|cela)\s+fait|(?:ca|ça|cela)\s+coute|(?:ca|ça|cela)\s+coûte"
    r"|(?:j|on)\s*['’]?\s*en\s+compte|au\s+total|en\s+tout|reponse|réponse"
    r"|seulement|juste|uniquement|de)\s*[:,]?\s+(?=\S)",
    re.IGNORECASE)


def without_lead_in(text: Any) -> str | None:
    """The text after a lead-in of the closed list (« c'est », « il y en a »…), or None."""
    value = pretreat(text).strip()
    match = _LEAD_IN.match(value)
    return value[match.end():] if match else None


# The nouns a question puts before the number it asks for (« Sur quelle case… ? » → « la case
# 6 »). A closed list: a word that changes the number (« plus », « environ ») is not in it.
_NUMBER_NOUN = re.compile(
    r"(?:(?:sur|à|dans)\s+)?(?:(?:le|la|l['’])\s*)?"
    r"(?:cases?|pages?|p\.|étapes?|lignes?|touches?|colonnes?|numéros?|chapitres?|diapositives?"
    r"|boutons?|chiffres?)"
    r"(?:\s+(?:numéro|n°|no))?\s*(?=\S)", re.IGNORECASE)


def number_after_words(text: Any) -> float | None:
    """The number in « la case 6 », « sur la page 3 », « touche numéro 2 », or a whole hour
    « 10h00 » / « à 10 h »; None otherwise."""
    value = pretreat(text).strip()
    match = _NUMBER_NOUN.match(value)
    if match:
        return parse_number(value[match.end():])
    time = parse_time(value)
    return float(time[0]) if time is not None and time[1] == 0 else None


_MAX_SENTENCE_WORDS = 8
_ORDINALS = {"premier": 1, "premiere": 1, "deuxieme": 2, "second": 2, "seconde": 2,
             "troisieme": 3, "quatrieme": 4, "cinquieme": 5, "sixieme": 6, "septieme": 7,
             "huitieme": 8, "neuvieme": 9, "dixieme": 10}


def number_in_sentence(text: Any) -> float | None:
    """The number of a short sentence that holds exactly one (« il apparaît 9 fois », « j'en ai
    pris 3 », « je tape 2 »), in digits or in words; None when there are several, or when a
    word changes it (« au moins 3 », « pas 3 », « 2 ou 3 »)."""
    tokens = _plain_tokens(text)
    if not tokens or len(tokens) > _MAX_SENTENCE_WORDS or _changed(tokens):
        return None
    digits = [t for t in tokens if t[0].isdigit()]
    if digits:
        return float(digits[0].replace(",", ".")) if len(digits) == 1 else None
    ordinals = [_ORDINALS[t] for t in tokens if t in _ORDINALS]
    if ordinals:                    # « la quatrième case »
        return float(ordinals[0]) if len(ordinals) == 1 and not any(map(_is_number, tokens)) \
            else None
    runs, current = [], []          # maximal runs of number words
    for token in [*tokens, ""]:
        if _is_number(token) or (current and token in _FILLERS):
            current.append(token)
        elif current:
            runs.append(current)
            current = []
    if len(runs) != 1:
        return None
    value = parse_number_words(" ".join(runs[0]))
    return None if value is None else float(value)


def field_matches(answer: Any, accepted: Iterable[str], fmt: str,
                  tolerances: Iterable[str], wrong: Iterable[str] = (), *,
                  reasons: bool = True, refused: Iterable[str] = ()) -> bool:
    """One typed field against its accepted answers, in its format and with its tolerances;
    with T1, a right answer followed by its reason too (engine/reasons.py; ``reasons`` False:
    not, for a check of what the tolerances alone accept).

    A number field compares numbers; the forms in words its editor listed beside them (« 3 sur
    5 ») are compared as text, without T3 (one typo away from a number is another number). A
    number with its unit that the field refuses, written whole (« 20 % » where 20 € is right,
    « 3 Go » where 3 Mo is), stays refused: a number field reads numbers, not units."""
    accepted, tolerances, wrong = tuple(accepted), tuple(tolerances), tuple(wrong)
    if fmt == "nombre" and refused and _written_in(answer, tuple(refused)):
        return False
    if _field_matches(answer, accepted, fmt, tolerances, wrong):
        return True
    return reasons and isinstance(answer, str) and with_reason(
        answer, lambda head: _field_matches(head, accepted, fmt, tolerances, wrong),
        tolerances, wrong)


# A calculation and its result: the number after the last « = » is the answer.
_CALCULATION = re.compile(r"[\d\s.,+\-−–×x*/÷:()]+=\s*([^=]+)", re.IGNORECASE)


def _written_in(answer: Any, refused: tuple[str, ...]) -> bool:
    return normalise(answer, ("T1",)) in _normalised(refused, ("T1",))


def _field_matches(answer: Any, accepted: tuple[str, ...], fmt: str,
                   tolerances: tuple[str, ...], wrong: tuple[str, ...]) -> bool:
    if fmt != "nombre":
        return text_matches(answer, accepted, tolerances, wrong)
    given = parse_number(answer)
    if given is None and (lead := without_lead_in(answer)) is not None:
        given = parse_number(lead)          # « c'est 16 », « il y en a 2 »
        answer = lead if given is not None else answer
    if given is None and "T1" in tolerances:
        bare = without_article(answer)
        given = parse_number(bare) if bare is not None else None       # « le 2 », « la 3 »
        if given is None:
            given = number_after_words(answer)   # « la case 6 », « page 3 », « à 10 h »
        if given is None:
            given = number_in_sentence(answer)   # « il apparaît 9 fois », « je tape 2 »
    if given is None and (result := _CALCULATION.fullmatch(pretreat(answer).strip())):
        given = parse_number(result.group(1))    # « 1981 + 70 = 2051 », « 10 - 7 = 3 € »
    numbers = [n for a in accepted if (n := parse_number(a)) is not None]
    if given is not None and any(abs(given - n) < 1e-9 for n in numbers):
        return True
    forms = [a for a in accepted if parse_number(a) is None]
    return bool(forms) and text_matches(answer, forms, [t for t in tolerances if t != "T3"], wrong)
