"""Free answers as people type them: which natural answers the engine refuses (issue 10).

For every typed-answer challenge (one or several fields to type) of the chosen competences, this
script builds the answers a learner who knows would naturally type — the number in words and in
digits, « une seule », « c'est un … », with or without article, singular or plural, without
accents — plus the synonyms and sentence forms written by hand in ``SHOULD_ACCEPT``, and asks the
engine's own checker (``engine.answers.is_correct`` on the built referential) whether it accepts
them. It also asks it to refuse the wrong answers of ``SHOULD_REFUSE`` (opposites one typo away,
« indifférent » for « différent »), and lists the opposites a one-typo tolerance could reach
that the challenge's ``refusees`` do not declare (the content check tests ``refusees``).

    .venv/bin/python -m benchmarks.free_answers            # competences 3.* 4.* 5.*
    .venv/bin/python -m benchmarks.free_answers 1. 2.      # other domains
    .venv/bin/python -m benchmarks.free_answers --dist /tmp/strict-dist   # reuse a build
    .venv/bin/python -m benchmarks.free_answers --content /tmp/old/content  # another version

Prints, per challenge, what is refused, then the counts; exits 1 when something is refused.
A sentence around a number (« c'est 16 ») is counted apart: a « nombre » field reads a number,
its unit, and a lead-in of a closed list (engine/matching.py), whatever the content says.
"""

from __future__ import annotations

import argparse
import sys
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from builder.content import load_content  # noqa: E402
from builder.diagnostics import Problems  # noqa: E402
from builder.rules import opposites  # noqa: E402
from engine.answers import is_correct  # noqa: E402
from engine.matching import parse_number  # noqa: E402
from engine.reasons import split_reason  # noqa: E402
from engine.referential import Challenge, Referential, load_referential  # noqa: E402
from engine.types.typed import Typed  # noqa: E402

# ---------------------------------------------------------------- hand-written probes
# Answers a learner who knows would type, beyond the mechanical variants: synonyms, the words of
# the screen, sentence forms. Keyed by challenge id; for a multi-field challenge, by "id/key".
SHOULD_ACCEPT: dict[str, list[str]] = {
    "affiche-invitation-1c": ["l'adresse de la salle", "le lieu du vide-grenier"],
    "affiche-invitation-4b": ["grouper les éléments", "grouper"],
    "affiche-invitation-4c": ["premier plan"],
    "alleger-un-fichier-1b": ["la vidéo anniversaire", "video-anniversaire.mp4"],
    "annoter-masquer-image-1c": ["l'outil Texte", "du texte"],
    "annoter-masquer-image-2b": ["la gomme", "gomme"],
    "annoter-masquer-image-3c": ["rogner", "recadrer l'image", "le recadrage"],
    "appareil-bloque-1c": ["redémarrer", "redemarrer"],
    "appareil-bloque-3d": ["Ctrl+S", "CTRL + S", "ctrl s"],
    "audition-ecouteurs-5c": ["des acouphènes", "acouphene"],
    "brancher-et-relier-appareils-1b": ["USB", "une prise USB", "un port USB", "la prise USB"],
    "brancher-et-relier-appareils-2b": ["l'association", "l'appairage", "le jumelage",
                                        "associer", "appairer"],
    "brancher-et-relier-appareils-3a": ["transfert de fichiers", "Transférer des fichiers"],
    "brancher-et-relier-appareils-3b": ["éjecter", "Éjecter la clé", "ejecter"],
    "choisir-equipement-connexion-2b": ["une webcam", "la webcam", "une caméra"],
    "choisir-equipement-connexion-3b": ["giga-octet", "gigaoctet", "gigaoctets"],
    "compatibilite-fichiers-2c": ["ouvrir avec"],
    "compatibilite-fichiers-6b": ["le point-virgule", "point virgule", ";"],
    "compte-inaccessible-1c": ["un œil", "un oeil", "l'œil", "oeil"],
    "compte-inaccessible-2c": ["spam", "les spams", "courrier indésirable", "indésirables"],
    "cyberharcelement-1c": ["du harcèlement", "c'est du harcèlement", "cyberharcèlement"],
    "donnees-sante-1c": ["ordonnance-dentiste.pdf", "l'ordonnance"],
    "donnees-sante-3b": ["problèmes de santé", "la case santé"],
    "donnees-sante-3c": ["sensibles"],
    "donnees-sante-4b": ["Masquer", "masquer aux professionnels de santé"],
    "droits-donnees-2c": ["RGPD", "le RGPD"],
    "droits-donnees-3b": ["accès", "acces"],
    "droits-donnees-4b": ["CNIL", "la CNIL"],
    "enfants-ecrans-3c": ["achats intégrés", "des achats intégrés"],
    "enfants-ecrans-3d": ["achats intégrés", "des achats intégrés"],
    "imprimante-depannage-5c": ["pilote", "un pilote", "le pilote", "driver"],
    "listes-de-valeurs-1b": ["farine", "la farine"],
    "mise-en-route-appareil-4c": ["sur la carte SIM", "la carte SIM", "dans la SIM"],
    "mise-en-route-appareil-5c": ["administrateur", "un administrateur", "compte admin"],
    "numerique-responsable-4c": ["reconditionné", "reconditionnée"],
    "numerique-responsable-5b": ["effet rebond", "l'effet rebond", "l'effet de rebond"],
    "numeriser-document-4a": ["OCR", "la reconnaissance de texte", "reconnaissance de caractères"],
    "publicite-ciblee-3a": ["Pourquoi je vois cette publicité ?"],
    "publicite-ciblee-4b": ["profilage", "le profilage"],
    "reglages-confidentialite-3b": ["Moi uniquement", "moi uniquement", "moi seul"],
    "reglages-confidentialite-4a": ["Lampe torche", "la lampe torche", "lampe de poche"],
    "reglages-confort-appareil-1c": ["Paramètres", "Réglages", "les paramètres"],
    "reglages-navigateur-2b": ["l'historique", "historique"],
    "reglages-navigateur-4b": ["une extension", "extension", "un module complémentaire"],
    "relecture-orthographe-1b": ["atestation"],
    "relecture-orthographe-5a": ["le suivi des modifications", "suivi des modifications"],
    "remplir-signer-pdf-2b": ["enregistrer sous", "Enregistrer sous…"],
    "retouche-photo-3b": ["le contraste", "contraste"],
    "retouche-photo-3c": ["la luminosité", "luminosite"],
    "saisie-au-clavier-1c": ["la barre d'espace", "espace", "la touche espace"],
    "saisie-au-clavier-2a": ["Maj", "la touche Maj", "majuscule", "shift"],
    "saisie-au-clavier-2b": ["e", "la lettre e", "le e"],
    "saisie-au-clavier-3b": ["Alt Gr", "AltGr", "la touche Alt Gr"],
    "sante-ecrans-3a": ["Vidéos", "les vidéos", "vidéo"],
    "site-ou-formulaire-bloque-1b": ["actualiser", "recharger", "rafraichir"],
    "site-ou-formulaire-bloque-1d": ["actualiser", "recharger", "rafraichir"],
    "site-ou-formulaire-bloque-4b": ["pop-up", "les pop-up", "des pop-up", "fenêtres pop-up"],
    "son-et-micro-2c": ["Bluetooth", "le Bluetooth", "bluetooth"],
    "son-et-micro-2d": ["Bluetooth", "le Bluetooth", "couper le Bluetooth"],
    "tableaux-et-images-3b": ["Tab", "tabulation", "la touche Tab"],
    "tableaux-et-images-4b": ["habillage", "l'habillage du texte"],
    "tableaux-et-images-5b": ["fusionner", "les fusionner", "fusionner les cellules"],
    "telephone-perdu-ou-vole-2c": ["Faire sonner", "faire sonner"],
    "telephone-perdu-ou-vole-6c": ["PUK", "le code PUK"],
    "mise-en-route-appareil-3a": ["PUK", "le code PUK"],
    "wifi-de-la-maison-1c": ["un cadenas", "cadenas"],
    "wifi-de-la-maison-4b": ["invité", "invités", "le réseau invité"],
    "mots-de-passe-3c": ["un seul mot de passe", "1 mot de passe", "un seul", "1", "une seule"],
    "enfants-ecrans-4c/heure": ["à 20 h", "20 h", "8 h du soir"],
    "enfants-ecrans-4c/minutes": ["40 mn", "quarante minutes"],
    "tableaux-et-images-3a/colonnes": ["6 colonnes", "six colonnes"],
    "tableaux-et-images-3a/lignes": ["5 lignes", "cinq lignes"],
    "sante-ecrans-3b/jour": ["le samedi", "Samedi"],
    "sante-ecrans-3b/heures": ["6h", "six h"],
    "cv-lettre-motivation-3b/expediteur": ["zone 1", "la zone 1"],
    "cv-lettre-motivation-3b/date": ["zone 3", "la zone 3"],
    "choisir-equipement-connexion-3d/autonomie": ["la D", "la tablette D", "d"],
    "choisir-equipement-connexion-3d/stockage": ["la C", "la tablette C"],
    "choisir-equipement-connexion-3f/autonomie": ["la D", "la tablette D", "d"],
    "choisir-equipement-connexion-3f/stockage": ["la C", "la tablette C"],
    "agenda-partage-4d": ["11h00", "11:00", "à 11 h", "11 h", "à 11 heures", "11h"],
    "remplir-signer-pdf-4d": ["3-6", "3 - 6", "3,4,5,6"],
    "suivre-un-algorithme-1c": ["case 6", "la case 6", "sur la case 6", "c'est la case 6",
                                "case numéro 6", "6e case"],
    "partager-oeuvres-3b": ["l'auteur du livre", "auteur du roman", "le nom de l'auteur du roman",
                            "nom et prénom de l'auteur", "qui l'a écrit"],
    "suivre-un-algorithme-2c": ["la case E", "case E", "e"],
    "reglages-confort-appareil-2b": ["la touche 0", "touche 0", "0"],
    "imprimante-depannage-3b": ["2", "page 2", "la page 2"],
    # « 3 à 5 » is what the statement says, not what the « Pages » box takes (strict review,
    # group d): it is refused, see SHOULD_REFUSE
    "remplir-signer-pdf-4b": ["3 - 5, 8", "3, 4, 5, 8", "pages 3-5, 8"],
    "cyberharcelement-3a": ["le 3018", "30 18"],
    "images-droits-licences-1b": ["c'est Kenza", "kenza"],
    "publicite-ciblee-1c": ["une publicité ciblée", "ciblé", "personnalisé"],
    "publicite-ciblee-1d": ["une publicité ciblée", "ciblé", "personnalisé"],
    "connexion-internet-1c": ["le mode avion", "activer le mode avion", "Mode Avion"],
    "reglages-confidentialite-3c": ["en privé", "compte privé"],
    "site-ou-formulaire-bloque-5c": ["fenêtre InPrivate", "mode navigation privée",
                                     "onglet de navigation privée", "onglet privé"],
    "choisir-equipement-connexion-4c": ["partager la connexion", "le point d'accès",
                                        "partage de connexion Internet"],
    "brancher-et-relier-appareils-4c": ["mode étendu", "étendre l'écran"],
    "telephone-perdu-ou-vole-1c": ["la carte SIM", "SIM", "carte SIM"],
    "audition-ecouteurs-3c": ["dans les réglages", "dans Paramètres", "Paramètres", "Réglages"],
    "reglages-confort-appareil-3c": ["dans Notifications", "la rubrique Notifications"],
    "stockage-et-batterie-4b": ["la rubrique Batterie", "Batterie"],
    "site-ou-formulaire-bloque-2a": ["le courriel", "la case Courriel", "Courriel"],
    "mise-en-route-appareil-1c": ["choisir la langue", "la langue", "langue"],
    "tableaux-et-images-1b": ["l'onglet Insertion", "Insertion", "insérer", "le menu Insertion"],
    "reglages-confort-appareil-4c": ["sous-titrage", "le sous-titrage", "les sous-titres",
                                     "sous-titres automatiques"],
    "saisie-au-clavier-3a": ["Touche 4", "la touche 4", "4", "à"],
    "mots-de-passe-3d": ["différent", "unique", "uniques", "distincts", "différents"],
    # domains 1–2 (level3 pass): the folder or button named as people say it, sentence forms
    "fichiers-et-dossiers-3a": ["le dossier Papiers", "dossier Papiers", "dans Papiers"],
    "fichiers-telecharges-3a": ["le dossier CAF", "dossier CAF", "dans CAF"],
    "fichiers-telecharges-2c": ["le dossier Téléchargements", "dans Téléchargements"],
    "noms-de-fichiers-2a": [".pdf", "PDF"],
    "noms-de-fichiers-2b": [".png", "PNG"],
    "tableur-formules-1b": ["la cellule A2", "cellule A2", "a2"],
    "comparer-offres-chiffrees-1c": ["l'offre Cèdre", "cedre"],
    "chercher-dans-un-site-1b": ["la rubrique Écoles et cantine"],
    "appels-telephoniques-1c": ["terminer l'appel", "raccrocher"],
    "appels-telephoniques-2b": ["le muet", "mettre en muet", "couper le micro"],
    "appels-telephoniques-2c": ["la boîte vocale", "boite vocale", "le répondeur"],
    "appels-telephoniques-5b": ["le renvoi d'appel", "renvoyer les appels", "transférer les appels"],
    "ecrire-a-un-organisme-2c": ["le numéro d'allocataire", "mon numéro d'allocataire"],
    "ecrire-un-courriel-1c": ["l'arobase", "arobase"],
    "repondre-a-un-courriel-3a": ["CC", "la copie", "copie"],
    "repondre-a-un-courriel-4a": ["CCI", "la copie cachée"],
    "repondre-a-un-courriel-5a": ["le bouton transférer", "transferer", "Transférer"],
    "deposer-une-annonce-3c": ["la messagerie du site", "la messagerie"],
    "partage-par-lien-2c": ["Coller"],
    "publier-reseau-social-2c": ["l'audience", "Modifier l'audience"],
    "dossier-partage-equipe-2a": ["le dossier communication", "Communication"],
    "dossier-partage-equipe-2c": ["Importer", "importer un fichier"],
    "edition-collaborative-4b": ["l'historique des versions", "versions précédentes"],
    "formulaire-d-inscription-1a": ["les allergies", "allergies alimentaires"],
    "formulaire-d-inscription-1b": ["Envoyer", "sur Envoyer", "je clique sur envoyer",
                                    "sur le bouton Envoyer"],
    "organisation-de-groupe-3b": ["les affiches", "faire les affiches", "l'affiche"],
    "achats-en-ligne-1a": ["le panier", "mon panier"],
    "achats-en-ligne-3d": ["le droit de rétractation", "la rétractation"],
    "achats-en-ligne-5b": ["Signal Conso", "signal.conso.gouv.fr"],
    "civilite-en-ligne-2b": ["le 3018", "3018"],
    "civilite-en-ligne-3b": ["PHAROS", "internet-signalement.gouv.fr"],
    "demarches-administratives-3b": ["un accusé de réception", "accusé de réception", "un reçu",
                                     "reçu", "accusé de dépôt", "attestation de dépôt",
                                     "l'accusé de réception de ma demande"],
    "rendez-vous-en-ligne-1a": ["14h30", "à 14h30", "14 h 30"],
    "rendez-vous-en-ligne-3b": ["Déplacer"],
    "lieux-horaires-trajets-1a": ["19h30", "à 19h30", "7h30 du soir"],
    "lieux-horaires-trajets-3b": ["8h15", "à 8h15", "8 h 15", "08:15", "huit heures et quart"],
    "reputation-en-ligne-2a": ["Amis", "mes amis"],
    "mots-cles-4c": ["le signe -", "signe moins"],
    "photos-du-telephone-2c": ["Restaurer"],
    "carnet-de-contacts-2c": ["Modifier"],
}

# Wrong answers a tolerance must not take: opposites one typo away, and near misses.
SHOULD_REFUSE: dict[str, list[str]] = {
    "mots-de-passe-3d": ["indifférent", "identique"],
    "reglages-confidentialite-3c": ["public", "non privé"],
    "reglages-confidentialite-3b": ["public"],
    "site-ou-formulaire-bloque-5c": ["navigation non privée"],
    "donnees-sante-4b": ["démasquer", "Afficher"],
    "connexion-internet-1c": ["mode avion désactivé"],
    "donnees-sante-3c": ["insensibles", "non sensibles"],
    "numerique-responsable-4c": ["non reconditionné"],
    "brancher-et-relier-appareils-2b": ["dissociation", "dissocier"],
    "brancher-et-relier-appareils-4c": ["dupliquer"],
    "tableaux-et-images-5b": ["défusionner"],
    "affiche-invitation-4b": ["dégrouper"],
    "publicite-ciblee-1c": ["non ciblée"],
    "publicite-ciblee-1d": ["non ciblée"],
    "remplir-signer-pdf-4b": ["3 à 5 et 8", "3-5", "3-5, 7"],
}

# Mechanical variants (and generated opposites) that nobody would type, left out.
NOT_NATURAL: dict[str, list[str]] = {
    "reglages-navigateur-5d": ["historiques", "c'est l'historique"],
    "brancher-et-relier-appareils-2b": ["associations"],
    "site-ou-formulaire-bloque-5c": ["navigations privées"],
    "reglages-confidentialite-3c": ["en non privé"],   # an opposite only a machine makes
}

# Challenges where only the exact form counts (a code, a password, an address, a file name to
# copy, a letter): no article, plural or sentence variant is tried, only the hand-written probes.
_EXACT_MARKS = ("@", "/", ".", "*", "#", "+", ":")


# ---------------------------------------------------------------- numbers in words
_UNITS = ["zéro", "un", "deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf", "dix",
          "onze", "douze", "treize", "quatorze", "quinze", "seize"]
_TENS = {20: "vingt", 30: "trente", 40: "quarante", 50: "cinquante", 60: "soixante"}


def number_in_words(n: int) -> str:
    """A whole number from 0 to 9 999 in French words (1990 spelling: hyphens)."""
    if n < 17:
        return _UNITS[n]
    if n < 20:
        return "dix-" + _UNITS[n - 10]
    if n < 70:
        tens, unit = divmod(n, 10)
        word = _TENS[tens * 10]
        return word if unit == 0 else word + ("-et-un" if unit == 1 else "-" + _UNITS[unit])
    if n < 80:
        return "soixante-" + ("et-onze" if n == 71 else number_in_words(n - 60))
    if n < 100:
        return "quatre-vingts" if n == 80 else "quatre-vingt-" + number_in_words(n - 80)
    if n < 1000:
        hundreds, rest = divmod(n, 100)
        head = "cent" if hundreds == 1 else _UNITS[hundreds] + "-cent" + ("s" if not rest else "")
        return head if not rest else head + "-" + number_in_words(rest)
    thousands, rest = divmod(n, 1000)
    head = "mille" if thousands == 1 else number_in_words(thousands) + "-mille"
    return head if not rest else head + "-" + number_in_words(rest)


# ---------------------------------------------------------------- mechanical variants
_ARTICLES = ("le ", "la ", "les ", "l'", "l’", "un ", "une ", "des ", "du ", "de la ", "d'")
_VOWELS = "aeiouyhàâéèêîïôœ"


def _plain(text: str) -> str:
    decomposed = unicodedata.normalize("NFD", text.lower())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def core(answer: str) -> str:
    """The answer without its leading article."""
    low = answer.lower()
    for article in _ARTICLES:
        if low.startswith(article) and len(answer) > len(article) + 1:
            return answer[len(article):]
    return answer


def _is_verb(word: str) -> bool:
    return " " not in word and _plain(word).endswith(("er", "ir")) and len(word) > 4


_DEFINITE = ("le ", "la ", "l'", "les ")
_INDEFINITE = {"un ": "le ", "une ": "la ", "des ": "les "}


def _article_forms(accepted: tuple[str, ...], c: str) -> list[str]:
    """« le … », « c'est le … » (and « c'est un … » when « un … » is accepted) forms of ``c``, in
    the gender the editor already used in an accepted answer (« une webcam » → « la webcam »,
    « c'est une webcam »); none when no accepted answer shows the gender (a menu label, an
    adjective, a verb: hand-written probes then). Plurals get no sentence (« c'est les … »)."""
    if _is_verb(c):
        return []
    same = [a for a in accepted if _plain(core(a)) == _plain(c) and a != c]
    found: list[str] = []
    for answer in same:
        low = answer.lower()
        for indefinite, definite in _INDEFINITE.items():
            if low.startswith(indefinite):
                if definite == "les ":
                    found += ["les " + c, "des " + c]
                else:
                    article = "l'" if _plain(c)[0] in _VOWELS else definite
                    found += [article + c, indefinite + c, f"c'est {indefinite}{c}",
                              f"c'est {article}{c}"]
        for definite in _DEFINITE:
            if low.startswith(definite):
                if definite == "les ":
                    found += ["les " + c, "des " + c]
                else:
                    found += [definite + c, f"c'est {definite}{c}"]
    return found


def _other_number(c: str) -> str:
    """The plural of a singular common noun, the singular of a plural one (first word)."""
    words = c.split()
    head = words[0]
    if not head.islower() or len(head) < 5 or not head.isalpha():
        return ""
    if _plain(head).endswith(("x", "z")):
        return ""
    plural = _plain(head).endswith("s")
    # « achats intégrés » ↔ « achat intégré »: a two-word noun and adjective agree
    tail = words[1:] if len(words) == 2 and words[1].isalpha() and words[1].islower() else []
    return " ".join(w[:-1] if plural and w.endswith("s") else (w if plural else w + "s")
                    for w in [head, *tail]) + "".join(" " + w for w in words[1 + len(tail):])


def text_variants(accepted: tuple[str, ...], tolerances: tuple[str, ...]) -> list[str]:
    if "T1" not in tolerances or "T2" not in tolerances:
        return []                       # an exact copy is asked: only hand probes
    first = accepted[0]
    if any(m in first for m in _EXACT_MARKS) or len(core(first)) <= 2:
        return []
    if parse_number(first) is not None:
        return []
    c = core(first)
    found = [c, _plain(c)]
    articles = _article_forms(accepted, c)
    found += articles
    if articles and len(c.split()) <= 2 and not _is_verb(c):
        other = _other_number(c)
        if other:
            found.append(other)
    return found


def number_variants(accepted: tuple[str, ...], label: str) -> tuple[list[str], list[str]]:
    """(what a « nombre » field must accept, sentence forms a number field cannot read)."""
    value = parse_number(accepted[0])
    if value is None or not float(value).is_integer() or value < 0:
        return [], []
    n = int(value)
    words = number_in_words(n) if n < 10000 else None
    found = [str(n)]
    if words:
        found += [words, words.replace("-", " ")]
    if n == 1:
        found += ["une seule", "un seul"]
    unit = _unit_of(label)
    if unit:
        found.append(f"{n} {unit}")
        if words:
            found.append(f"{words} {unit}")
    sentences = [f"c'est {n}", f"il y en a {n}"] if unit or n < 100 else [f"c'est {n}"]
    return found, sentences


def _unit_of(label: str) -> str:
    low = label.lower()
    for key, unit in (("heure", "heures"), ("minute", "minutes"), ("seconde", "secondes"),
                      ("mois", "mois"), ("année", "ans"), ("âge", "ans"), ("euro", "euros"),
                      ("degré", "degrés"), ("pixel", "pixels"), ("millimètre", "mm"),
                      ("centimètre", "cm"), ("décibel", "décibels"), ("go", "Go"),
                      ("mo ", "Mo"), ("ko", "Ko"), ("messages", "messages"),
                      ("appareils", "appareils"), ("verres", "verres"), ("cuillères", "cuillères"),
                      ("flèches", "flèches"), ("personnes", "personnes"), ("fois", "fois")):
        if key in low.split() or key in low:
            return unit
    return ""


def _digits_only_count(accepted: tuple[str, ...], label: str) -> int | None:
    """A whole number asked in a « texte » field as a count (« Nombre de … »), not a code, a
    page or a zone number."""
    first = accepted[0]
    if not first.isdigit() or len(first) > 3 or not label.lower().startswith("nombre"):
        return None
    return int(first)


# ---------------------------------------------------------------- running the probes
@dataclass
class Finding:
    challenge: Challenge
    key: str
    refused: list[str] = field(default_factory=list)       # natural answers refused
    sentences: list[str] = field(default_factory=list)     # number-field sentences refused
    accepted_wrong: list[str] = field(default_factory=list)  # wrong answers accepted
    undeclared: list[str] = field(default_factory=list)    # opposites not in « refusees »


# Shapes, read from the engine's parsed data (``Typed``) rather than from type names: fields
# whose answers are ``groups`` take them in any order; a single field is keyed by the challenge.
def _grouped(ch: Challenge) -> bool:
    return bool(ch.data.groups)


def _respond(ch: Challenge, key: str | None, value: str, good: dict[str, str]) -> Any:
    if key is None or _grouped(ch):
        key = ch.data.fields[0].key
    return {**good, key: value}


def _fields(ch: Challenge) -> list[tuple[str | None, str, tuple[str, ...], tuple[str, ...]]]:
    """(key, label, accepted, tolerances) of each field; for grouped answers, one per group, on
    the first input, the others given right."""
    data = ch.data
    if _grouped(ch):
        label = data.fields[0].label
        return [(f"#{i}", label, group, data.tolerances) for i, group in enumerate(data.groups)]
    single = len(data.fields) == 1
    return [(None if single else f.key, f.label, f.answers,
             data.tolerances if f.tolerances is None else f.tolerances) for f in data.fields]


def _good(ch: Challenge) -> dict[str, str]:
    if _grouped(ch):
        return {f.key: g[0] for f, g in zip(ch.data.fields, ch.data.groups, strict=False)}
    return {f.key: f.answers[0] for f in ch.data.fields if f.answers}


def _accepts(ch: Challenge, key: str | None, value: str) -> bool:
    if _grouped(ch):
        index = int((key or "#0")[1:])
        field_key = ch.data.fields[0].key
        # the group's value on the first input, another group's first answer on the other
        other = next(g[0] for j, g in enumerate(ch.data.groups) if j != index)
        response = {f.key: other for f in ch.data.fields}
        response[field_key] = value
        return is_correct(ch, response)
    return is_correct(ch, _respond(ch, key, value, _good(ch)))


def _reasoned(ch: Challenge, key: str | None, answer: str) -> bool:
    """Whether an accepted answer is a right answer followed by its reason."""
    parts = split_reason(answer)
    return parts is not None and _accepts(ch, key, parts[0])


def probe(ch: Challenge, refusees: dict[str | None, list[str]]) -> list[Finding]:
    findings = []
    for key, label, accepted, tolerances in _fields(ch):
        if not accepted:
            continue
        finding = Finding(ch, key or "")
        probes: list[str] = []
        sentences: list[str] = []
        if ch.data.format == "nombre":
            probes, sentences = number_variants(accepted, label)
        else:
            probes = text_variants(accepted, tolerances)
            count = _digits_only_count(accepted, label)
            if count is not None and count < 10000:
                probes.append(number_in_words(count))
        hand_key = ch.id if key is None or key.startswith("#") else f"{ch.id}/{key}"
        if key is None or key == "#0" or not key.startswith("#"):
            probes += SHOULD_ACCEPT.get(hand_key, [])
        seen = set(NOT_NATURAL.get(ch.id, []))
        for value in probes:
            if value in seen:
                continue
            seen.add(value)
            if not _accepts(ch, key, value):
                finding.refused.append(value)
        finding.sentences = [s for s in sentences if not _accepts(ch, key, s)]
        if key is None or key == "#0" or not key.startswith("#"):
            finding.accepted_wrong = [w for w in SHOULD_REFUSE.get(hand_key, [])
                                      if _accepts(ch, key, w)]
        if ch.data.format == "texte":
            declared = {_plain(r) for r in refusees.get(key, [])}
            listed = {_plain(a) for a in accepted}
            # Not the opposites inside a reason after a right answer (« affiches, date
            # illimitée »): the reason is not judged (engine/reasons.py).
            reachable = ({o for a in accepted if not _reasoned(ch, key, a)
                          for o in opposites(a)} if "T3" in tolerances else set())
            if key is None or key == "#0" or not key.startswith("#"):
                reachable |= set(SHOULD_REFUSE.get(hand_key, []))
            # An opposite matters where the checker would take it for a typo of a right answer
            # (T3 counts typos per word: « désactiver » is no typo of « activer »).
            finding.undeclared = sorted(o for o in reachable - set(NOT_NATURAL.get(ch.id, []))
                                        if _plain(o) not in declared | listed
                                        and _accepts(ch, key, o))
        findings.append(finding)
    return findings


def declared_refusals(content_root: Path) -> dict[str, dict[str | None, list[str]]]:
    """The ``refusees`` of every typed challenge, by challenge id then field key."""
    content = load_content(content_root, Problems(root=content_root))
    out: dict[str, dict[str | None, list[str]]] = {}
    for ch in content.challenges:
        p = ch.payload
        by_key: dict[str | None, list[str]] = {None: list(p.get("refused", []))}
        for f in p.get("fields", []) or []:
            by_key[f.get("key")] = list(f.get("refused", []))
        if p.get("groups"):     # answers in any order: the refused apply to every group
            by_key.update({f"#{i}": list(p.get("refused", [])) for i in range(20)})
        out[ch.id] = by_key
    return out


def typed_challenges(ref: Referential, prefixes: tuple[str, ...]) -> list[Challenge]:
    return sorted((c for c in ref.challenges.values()
                   if not c.retired and isinstance(c.data, Typed)
                   and ref.skills[c.skill_id].competence_id.startswith(prefixes)),
                  key=lambda c: c.id)


def build_into(content: Path, dist: Path) -> Path:
    from builder.build import build
    build(content, dist, ROOT, log=lambda *_: None)
    return dist / "data" / "referential.json"


def survey(ref: Referential, refusals: dict[str, dict[str | None, list[str]]],
           prefixes: tuple[str, ...], out=print) -> dict[str, int]:
    """Probe every typed challenge of ``prefixes``; ``out`` gets one line per problem; returns
    the counts."""
    challenges = typed_challenges(ref, prefixes)
    counts = {"challenges": len(challenges), "refused": 0, "refused_challenges": 0,
              "sentences": 0, "sentence_challenges": 0, "accepted_wrong": 0, "undeclared": 0,
              "undeclared_challenges": 0}
    for ch in challenges:
        findings = probe(ch, refusals.get(ch.id, {}))
        refused = [(f.key, v) for f in findings for v in f.refused]
        wrong = [(f.key, v) for f in findings for v in f.accepted_wrong]
        undeclared = [(f.key, v) for f in findings for v in f.undeclared]
        sentences = [(f.key, v) for f in findings for v in f.sentences]
        if refused or wrong or undeclared:
            out(f"{ch.id} ({ch.type}, niveau {ref.skills[ch.skill_id].level})")
            for key, value in refused:
                out(f"  refusée à tort{' [' + key + ']' if key else ''} : « {value} »")
            for key, value in wrong:
                out(f"  acceptée à tort{' [' + key + ']' if key else ''} : « {value} »")
            for key, value in undeclared:
                out(f"  contraire non déclaré dans refusees"
                    f"{' [' + key + ']' if key else ''} : « {value} »")
        counts["refused"] += len(refused)
        counts["refused_challenges"] += bool(refused)
        counts["sentences"] += len(sentences)
        counts["sentence_challenges"] += bool(sentences)
        counts["accepted_wrong"] += len(wrong)
        counts["undeclared"] += len(undeclared)
        counts["undeclared_challenges"] += bool(undeclared)
    return counts


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("prefixes", nargs="*", default=["3.", "4.", "5."])
    parser.add_argument("--dist", type=Path, help="an existing build to read (default: build "
                                                  "into /tmp/free-answers-dist)")
    parser.add_argument("--content", type=Path, default=ROOT / "content",
                        help="the content folder (default: this checkout's)")
    args = parser.parse_args(argv)
    bundle = (args.dist / "data" / "referential.json" if args.dist
              else build_into(args.content, Path("/tmp/free-answers-dist")))
    ref = load_referential(bundle)
    counts = survey(ref, declared_refusals(args.content), tuple(args.prefixes))
    print()
    print(f"Épreuves à réponse écrite examinées : {counts['challenges']} "
          f"(compétences {', '.join(p + '*' for p in args.prefixes)})")
    print(f"Réponses naturelles refusées : {counts['refused']} "
          f"dans {counts['refused_challenges']} épreuves")
    print(f"Réponses fausses acceptées : {counts['accepted_wrong']}")
    print(f"Contraires non déclarés dans refusees : {counts['undeclared']} "
          f"dans {counts['undeclared_challenges']} épreuves")
    print(f"Phrases autour d'un nombre (« c'est 16 ») refusées par le format nombre : "
          f"{counts['sentences']} dans {counts['sentence_challenges']} épreuves (moteur)")
    return 1 if counts["refused"] or counts["accepted_wrong"] or counts["undeclared"] else 0


if __name__ == "__main__":
    sys.exit(main())
