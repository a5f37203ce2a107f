"""Editorial rules a machine can check: the defects a blind review of the bank kept finding.

Each rule points at the file and line to change and says what to write instead (French). They
read challenges through the engine's own parsed data (``Typed`` for typed answers, ``Choices``
for proposals), so they hold for every type that has such fields, without naming any type:

- a number field nobody told to write in digits, whose answer cannot be written in words;
- one-typo tolerance (T3) that accepts the opposite of an accepted answer (« indifférent »);
- a statement that tells a story begun in another variant of the same skill;
- a proposal that repeats four words of the statement (a give-away when it is the right one);
- a parcours competence measured on fewer than four skills, or on one skill at its lowest level.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from pathlib import Path

from engine.matching import field_matches, parse_number, parse_number_words
from engine.referential import challenge_from_record
from engine.types.choices import Choices
from engine.types.typed import Typed

from .bundle import challenge_record
from .cache import BuildMemo
from .content import Challenge, Content
from .diagnostics import Noted, Problems, checked_once
from .yamlfile import line_of, read_text

MIN_PROFILE_SKILLS = 4


def _wordset(text: str) -> frozenset[str]:
    return frozenset(text.split())


# What the rules said of each challenge at earlier builds (they read the challenge alone).
_CHALLENGE_RULES = BuildMemo()
_VARIANT_RULES = BuildMemo()


def check_rules(content: Content, problems: Problems) -> None:
    lines = _Lines()
    _CHALLENGE_RULES.next_build()
    _VARIANT_RULES.next_build()
    for skill in content.skills:
        live = [c for c in skill.challenges if c.valid and not c.retired]
        for ch in live:
            checked_once(_CHALLENGE_RULES, ch,
                         lambda noted, ch=ch: _check_challenge(ch, noted, lines), problems)
        if live:
            checked_once(_VARIANT_RULES, tuple(live),
                         lambda noted, live=live: _check_other_variants(live, noted), problems)
    _check_profiles_measure(content, problems)


def _check_challenge(ch: Challenge, problems: Problems | Noted, lines: _Lines) -> None:
    data = challenge_from_record(challenge_record(ch, render=False)).data
    if isinstance(data, Typed):
        _check_number_fields(ch, data, problems)
        _check_opposites(ch, data, problems, lines)
    if isinstance(data, Choices):
        _check_repeated_words(ch, data, problems, lines)


class _Lines:
    """The line of a text inside a challenge's file (loaded values lose their line once a type
    has converted them)."""

    def __init__(self) -> None:
        self._files: dict[Path, list[str]] = {}

    def of(self, ch: Challenge, text: str, fallback: int = 0) -> int:
        first = next((part.strip() for part in str(text).split("\n") if part.strip()), "")
        if ch.path not in self._files:
            try:
                self._files[ch.path] = read_text(ch.path).split("\n")
            except (OSError, UnicodeDecodeError):
                self._files[ch.path] = []
        source = self._files[ch.path]
        if first:
            for number in range(ch.line - 1, len(source)):
                if first in source[number]:
                    return number + 1
        return fallback or ch.line


@lru_cache(maxsize=65536)   # the same texts come back at every rebuild
def _plain(text: str) -> str:
    """Lower case, no accents, apostrophes as spaces: what two wordings share."""
    decomposed = unicodedata.normalize("NFD", str(text).lower().replace("œ", "oe"))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


# ---------------------------------------------------------------- numbers: digits or words
_SAYS_DIGITS = re.compile(r"\ben chiffres?\b|\bun nombre\b|\bseulement (?:le|les) nombres?\b")


def _check_number_fields(ch: Challenge, data: Typed, problems: Problems) -> None:
    """A number field accepts digits; the engine also reads whole numbers written in words
    (« une », « vingt et un »). A decimal (« 12,50 ») cannot be written in words: the learner
    must be told to write it in digits."""
    if data.format != "nombre":
        return
    statement = _plain(ch.instruction)
    groups = [(f.label, f.answers) for f in data.fields if f.answers]
    groups += [(", ".join(f.label for f in data.fields), g) for g in data.groups]
    for label, answers in groups:
        _check_one_value(ch, label, answers, problems)
    if _SAYS_DIGITS.search(statement):
        return
    for label, answers in groups:
        if _SAYS_DIGITS.search(_plain(label)):
            continue
        if any(parse_number(a) is None or parse_number_words(a) is not None for a in answers):
            continue  # the words are accepted as such
        decimal = next((a for a in answers if not float(parse_number(a) or 0).is_integer()), None)
        if decimal is None:
            continue  # a whole number: the engine accepts it in words too
        problems.error(ch.path, ch.line_at("format"),
                       f"épreuve {ch.id} : le champ « {label} » attend un nombre à virgule "
                       f"(« {decimal} »), qui ne s'écrit pas en lettres, mais ni son étiquette "
                       "ni la consigne ne disent de l'écrire en chiffres : ajoutez « (en "
                       "chiffres) » à l'étiquette (champ ou libelle), ou « Écrivez la réponse en "
                       "chiffres. » à la consigne")


def _check_one_value(ch: Challenge, label: str, answers: tuple[str, ...],
                     problems: Problems) -> None:
    """A number field compares numbers: an accepted « 2 semaines » is the number 2, so a field
    asking for days would accept « 2 ». Accepted numbers may differ by a rounding (4,85 and
    4,9), not more, nor in anything but their sign (a debit written −622,13 or 622,13)."""
    numbers = sorted({abs(n) for a in answers if (n := parse_number(a)) is not None})
    if len(numbers) > 1 and numbers[-1] - numbers[0] > 0.1 * max(abs(numbers[-1]), 1):
        forms = [next(a for a in answers if abs(parse_number(a) or 0) == n)
                 for n in (numbers[0], numbers[-1])]
        problems.error(ch.path, ch.line_at("reponses"),
                       f"épreuve {ch.id} : le champ « {label} » compare des nombres, et ses "
                       f"réponses se lisent comme des nombres différents ({_number_text(numbers[0])}"
                       f" et {_number_text(numbers[-1])} : « {forms[0]} », « {forms[-1]} ») ; "
                       "une réponse avec une autre unité (« 2 semaines » pour des jours) est lue "
                       "comme son seul nombre : gardez la valeur dans l'unité demandée, ou passez "
                       "le champ en « format: texte » avec toutes les formes acceptées")


def _number_text(value: float) -> str:
    return f"{value:g}".replace(".", ",")


# ---------------------------------------------------------------- T3 and opposites
# Opposites made with a prefix that one-typo tolerance could take for a typo of the word
# (accents removed). Only real French words: a made-up « inmédiathèque » is no risk.
_OPPOSITE_WORDS = _wordset("""
impossible impoli impatient imparfait impair impersonnel impopulaire imprecis imprevu
improbable imprudent impuissant impur immobile immoral immature imprevisible impaye imbattable
incorrect indifferent inconnu incomplet inexact inutile invisible inactif inadapte inaccessible
indisponible invalide inefficace inegal injuste incertain inconfortable inhabituel insuffisant
incapable inconscient incoherent incompatible indecent independant indirect indiscret
insatisfait instable intolerant inhumain inoperant inacceptable inapproprie inattendu illisible
illegal illimite illegitime illogique irregulier irresponsable irreel irrationnel irreversible
irremplacable irrespectueux irreparable irrecuperable irrealisable malhonnete malheureux
maladroit malpropre malchanceux malsain malveillant malentendant malvoyant anormal atypique
apolitique asymetrique amoral asynchrone desactive desactiver desinstalle desinstaller
desabonne desabonner debloque debloquer deverrouille deverrouiller dechiffre dechiffrer decoche
decocher decompresse decompresser debranche debrancher deconnecte deconnecter desactivation
desinstallation desabonnement deblocage deverrouillage desavantage defavorable deloyal
desagreable desordonne desorganise desequilibre decourage desobeir desaccord
desinscrire desinscrit deplie deplier desynchronise desynchroniser decharge decharger depublier
depublie desepingler desepingle demasquer demasque indesirable desactivez desinstallez
debloquez deconnectez decochez
""")
_PREFIXES = ("in", "im", "il", "ir", "dé", "dés", "mal", "a")
# Nouns that end like a participle: « non récépissé » is no opposite.
_NOUNS_IN_E = _wordset("""
recepisse recepisses accuse cafe employe employes salarie salaries retraite retraites invite
invites marche releve releves resume cle cles donnee donnees entree entrees journee annee idee
musee lycee depute comite reçu
""")
_ARTICLES = {"le", "la", "les", "l", "un", "une", "des", "du", "de", "d", "ses", "son", "sa", "mes", "vos"}
_PARTICIPLE = re.compile(r"(?:é|ée|és|ées|ible|ibles|able|ables)$")


def _inflections(word: str) -> set[str]:
    return {word, word + "e", word + "s", word + "es"}


_OPPOSITES = {form for word in _OPPOSITE_WORDS for form in _inflections(word)}


def opposites(answer: str) -> list[str]:
    """Opposites of ``answer`` made by a prefix on one of its words, last words first:
    « indifférent » for « différent », « mode avion désactivé » for « mode avion activé »,
    « navigation non privée » for « navigation privée »."""
    words = answer.split()
    found = []
    for i in reversed(range(len(words))):
        word = words[i]
        if len(word) < 3 or not word.isalpha():
            continue
        variants = [p + word.lower() for p in _PREFIXES if _plain(p + word) in _OPPOSITES]
        variants = [v.capitalize() if word[0].isupper() else v for v in variants]
        # « non » before an adjective or a participle (« non privée »), not before a noun: the
        # first word of a phrase, a word after an article, a noun in -té (« sécurité »).
        after_article = i > 0 and _plain(words[i - 1]) in _ARTICLES
        if (_PARTICIPLE.search(word.lower()) and not re.search(r"tés?$", word.lower())
                and (i > 0 or len(words) == 1) and not after_article
                and _plain(word) not in _OPPOSITES and _plain(word) not in _NOUNS_IN_E):
            variants.append("non " + word)
        found += [" ".join([*words[:i], v, *words[i + 1:]]) for v in variants]
    return found


def _check_opposites(ch: Challenge, data: Typed, problems: Problems, lines: _Lines) -> None:
    if data.format != "texte":
        return
    fields = [(f.label, f.answers, data.tolerances if f.tolerances is None else f.tolerances)
              for f in data.fields if f.answers]
    fields += [(", ".join(f.label for f in data.fields), g, data.tolerances) for g in data.groups]
    for label, answers, tolerances in fields:
        if "T3" not in tolerances:
            continue
        listed = {_plain(a) for a in answers}
        hit = next(((a, o) for a in answers for o in opposites(a)
                    # What T3 reads as a typo; a reason after the answer is not judged.
                    if _plain(o) not in listed
                    and field_matches(o, answers, "texte", tolerances, reasons=False)),
                   None)
        if hit:
            answer, opposite = hit
            problems.error(ch.path, lines.of(ch, answer, ch.line_at("tolerances")),
                           f"épreuve {ch.id}, champ « {label} » : avec la tolérance T3 (une faute "
                           f"de frappe), « {opposite} », le contraire de « {answer} », serait "
                           "accepté : écrivez « tolerances: [T1, T2] » pour ce champ (T3 "
                           "pardonne une faute de frappe, pas un contraire)")


# ---------------------------------------------------------------- proposals and statement
_STOP_WORDS = _wordset("""
a au aux avec c ce ces cet cette d dans de des du elle elles en est et il ils j je l la le les
leur leurs lui m ma me mes mon n ne nous on ou par pas pour qu que qui s sa se ses son sont sur
t ta te tes toi ton tu un une vos votre vous y
""")
RUN = 4


def _words(text: str) -> list[str]:
    """Words as a reader counts them: « rendez-vous » and « Wi-Fi » are one word each."""
    return list(_words_of(str(text)))


@lru_cache(maxsize=65536)
def _words_of(text: str) -> tuple[str, ...]:
    return tuple(re.findall(r"[a-z0-9]+", re.sub(r"(?<=\w)-(?=\w)", "", _plain(text))))


@lru_cache(maxsize=65536)
def _runs(text: str) -> frozenset[tuple[str, ...]]:
    """Runs of RUN consecutive words with at least two that carry meaning."""
    words = _words(text)
    return frozenset(tuple(words[i:i + RUN]) for i in range(len(words) - RUN + 1)
                     if sum(w not in _STOP_WORDS for w in words[i:i + RUN]) >= 2)


def _check_repeated_words(ch: Challenge, data: Choices, problems: Problems,
                          lines: _Lines) -> None:
    """The right proposal must not be found by matching the statement's words. Words that wrong
    proposals repeat too (« le paquet de 500 g » / « le paquet de 1 kg ») give nothing away."""
    statement = _runs(ch.instruction)
    proposals = [(i, str(p), _runs(str(p)) & statement)
                 for i, p in enumerate(data.proposals, 1)]
    right = set().union(*(r for i, _p, r in proposals if i in data.solution))
    wrong = set().union(*(r for i, _p, r in proposals if i not in data.solution))
    for index, text, repeated in proposals:
        is_right = index in data.solution
        own = repeated - (wrong if is_right else right)
        if not own or (is_right and wrong):
            continue
        words = " ".join(sorted(own)[0])
        line = lines.of(ch, text, ch.line_at("propositions"))
        if is_right:
            problems.error(ch.path, line,
                           f"épreuve {ch.id} : la proposition reprend les mots de la consigne "
                           f"(« {words} ») : c'est la bonne, elle se trouve sans rien savoir ; "
                           "dites-la avec d'autres mots, ou changez la consigne")
        else:
            problems.advice(ch.path, line,
                            f"épreuve {ch.id} : la proposition reprend les mots de la consigne "
                            f"(« {words} ») : une fausse proposition qui attire par ses seuls "
                            "mots ; vérifiez qu'elle reste honnête")


# ---------------------------------------------------------------- a story of another variant
# Common first names (accents removed, lower case): a capitalised word of this list is a person.
FIRST_NAMES = _wordset("""
abdel abdou adam adrien aicha aissatou akim alice aline amadou amina amir ana anais anh anna
anne anouk antoine awa aya bakary baptiste berenice bernadette bernard bilal bintou bruno
carlos catherine celine chantal charlotte chen chloe christine claire clara claudine clemence
clement colette coralie damien david delphine diane didier diego dimitri dominique dounia dylan
elodie emilie emma enzo evelyne fabienne fabrice fanny farid fatima fatou gabriel gaelle gaetan
gaston gerald gerard gilles ginette gisele gregoire guy hamid helene herve hoa hugo ines issa
jacqueline jean jeanne jerome joel jonas jonathan jordan josiane julie julien jules karim
karima karine kelly kenza kevin kofi lamine laure laurence lea leila lena leo leon linh louis
louise lucas lucie lucien malik mamadou marc marcel marcelle marie marine marion marius martine
mathe mathilde mathis matheo mehdi mireille mohamed moussa nadege nadia naima nathalie nicolas
nicole noemie odette odile odilon olivier omar ophelie ousmane pascal patrice patricia patrick
paul paulette paulo pauline pierre priscilla priya rachid rachida remi rodrigue roland romain
rosa rose sabrina salif salome samia samir samuel sandrine sara sarah serge simone sofia
sofiane solene sonia sophie soraya stephane sylvain sylvie teddy theo therese thierry thomas
tiago tomasz valentin valerie veronique victor victorine vincent viviane yanis yann yasmine
youssef yvette yvonne zineb zoe
""")
_NAME = re.compile(r"\b([A-ZÀ-Ý][a-zà-ÿ]+)\b")
# Words that send the learner back to a story told elsewhere.
_BACK = re.compile(r"\brepren(?:ez|ons|ds|d)\b|\btoujours dans\b|\bcette fois\b|\bde nouveau\b"
                   r"|\bà nouveau\b|\bcomme tout à l'heure\b|\bprécédent(?:e|es|s)?\b"
                   r"|\b(?:sur|dans|avec) (?:le|la|les) mêmes? ", re.IGNORECASE)
# Words that point to a place or thing named elsewhere, with no person needed (« Kevin a
# rendez-vous au même endroit »): opening a statement, in a skill with other variants, they
# leave the learner without the place.
_BACK_ALONE = re.compile(r"\b(?:au|le|du) même (?:endroit|lieu|site|magasin|adresse)\b"
                         r"|\bà la même adresse\b|\blà aussi\b", re.IGNORECASE)
_SENTENCE = re.compile(r"[^.!?\n]+")


def names_in(text: str) -> set[str]:
    return {m for m in _NAME.findall(text) if _plain(m) in FIRST_NAMES}


def _check_other_variants(live: list[Challenge], problems: Problems | Noted) -> None:
    """A test asks one variant per skill: a statement that goes back to a person's story (« la
    commande de Dylan ») told in another variant leaves the learner without the story."""
    names = {ch.id: names_in(ch.instruction) for ch in live}
    for ch in live:
        # Only in the first sentence: later, « au même endroit » may point to what came before.
        first = next(iter(_SENTENCE.findall(ch.instruction)), "")
        alone = _BACK_ALONE.search(first) if len(live) > 1 else None
        if alone:
            problems.error(ch.path, ch.lines.get("consigne", ch.line),
                           f"épreuve {ch.id} : la consigne renvoie à un lieu ou à un objet "
                           f"(« {alone.group(0).strip()} ») que seule une autre variante de "
                           "l'acquis nomme peut-être, et la personne ne la verra pas (un test "
                           "pose une seule variante) : nommez-le ici")
            continue
        others = set().union(*(names[o.id] for o in live if o is not ch))
        for sentence in _SENTENCE.findall(ch.instruction):
            shared = names_in(sentence) & others
            back = _BACK.search(sentence)
            if shared and back:
                name = sorted(shared)[0]
                problems.error(ch.path, ch.lines.get("consigne", ch.line),
                               f"épreuve {ch.id} : la consigne renvoie à l'histoire de {name} "
                               f"(« {back.group(0).strip()} ») racontée dans une autre variante "
                               "de l'acquis, que la personne ne verra pas (un test pose une seule "
                               "variante) : racontez ici tout ce qu'il faut savoir")
                break


# ---------------------------------------------------------------- parcours that measure
def _check_profiles_measure(content: Content, problems: Problems) -> None:
    """A competence measured on two or three skills declares a level on too little: at least
    four askable skills per competence, unless the parcours says it is an express one. And at
    least two at the competence's lowest level: after a failed first question the engine asks
    nothing harder (engine/selection.py ``gentle``), so with one skill down there a beginner's
    level would rest on a single question."""
    tubes = {t.id: t for t in content.tubes}
    for profile in content.profiles:
        v = profile.data
        if v.get("express"):
            continue
        per_competence: dict[str, list[int]] = {}
        where: dict[str, int] = {}
        for entry in v["sujets"] or []:
            tube = tubes.get((entry or {}).get("sujet") or "")
            if tube is None:
                continue
            per_competence.setdefault(tube.competence_id, []).extend(
                s.level for s in tube.skills if s.level <= entry["niveau_max"] and s.askable)
            where.setdefault(tube.competence_id,
                             line_of(entry["sujet"], profile.lines.get("sujets", profile.line)))
        for cid in v["competences"] or []:
            per_competence.setdefault(cid, []).extend(
                s.level for t in content.tubes if t.competence_id == cid
                for s in t.skills if s.level <= (v["niveau_max"] or 8) and s.askable)
            where.setdefault(cid, profile.lines.get("competences", profile.line))
        for cid, levels in sorted(per_competence.items()):
            if len(levels) < MIN_PROFILE_SKILLS:
                problems.error(profile.path, where[cid],
                               f"parcours « {profile.id} » : la compétence {cid} n'est mesurée "
                               f"que sur {len(levels)} acquis ; il en faut au moins "
                               f"{MIN_PROFILE_SKILLS} pour annoncer un niveau : ajoutez un sujet "
                               "de cette compétence ou montez son niveau_max (ou, pour un parcours "
                               "court assumé, écrivez « express: oui »)")
            elif levels.count(min(levels)) < 2:
                problems.error(profile.path, where[cid],
                               f"parcours « {profile.id} » : la compétence {cid} n'a qu'un acquis "
                               f"à son niveau le plus bas (niveau {min(levels)}) ; une personne "
                               "qui échoue à cette première question n'en reçoit pas d'autre (le "
                               "moteur ne pose rien de plus difficile après un échec), et son "
                               "niveau est annoncé sur une seule question : ajoutez un sujet de "
                               f"cette compétence qui commence au niveau {min(levels)} (ou, pour "
                               "un parcours court assumé, écrivez « express: oui »)")
