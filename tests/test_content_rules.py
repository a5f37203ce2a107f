"""The automatic editorial rules (issue 10): each fails on a bad example with the right file:line
and a French message saying what to write, and stays silent on the good version."""

from __future__ import annotations

from pathlib import Path

from builder.bundle import referential_bundle
from builder.loading import load_and_check
from engine.assessment import Assessment
from engine.protocol import result_view
from engine.referential import load_referential

from .test_content_errors import edit, line_of

TUBE = "referential/4.1/mots-de-passe.yaml"
PROFILE = "referential/parcours/essentiel.yaml"
TUTORIAL = "tutorials/guide-mots-de-passe.md"


def problems(content: Path, severity: str = "erreur") -> list[str]:
    _, found = load_and_check(content)
    return [f"{Path(p.path).as_posix()}:{p.line}: {p.message}" for p in found.items
            if p.severity == severity]


def reported(found: list[str], rel: str, line: int, fragment: str) -> bool:
    return any(p.split(":")[0].endswith(rel) and f":{line}: " in p and fragment in p
               for p in found)


def about(found: list[str], fragment: str) -> list[str]:
    return [p for p in found if fragment in p]


# --- number fields ------------------------------------------------------------------------

TYPED_1B = """        champ: Votre mot
        reponses: [médiathèque]
        refusees: [bibliothèque]
        pourquoi: Le mot attendu était médiathèque."""


def _number_field(content: Path, label: str, answer: str) -> int:
    edit(content, TUBE, TYPED_1B, f"""        champ: {label}
        format: nombre
        reponses: ["{answer}"]
        pourquoi: Le nombre attendu.""")
    return line_of(content, TUBE, "        format: nombre")


def test_a_decimal_number_field_must_say_in_digits(content_copy):
    line = _number_field(content_copy, "Prix en euros", "12,50")
    found = problems(content_copy)
    assert reported(found, TUBE, line, "épreuve mots-de-passe-1b : le champ « Prix en euros » "
                                       "attend un nombre à virgule (« 12,50 »)")
    assert reported(found, TUBE, line, "ajoutez « (en chiffres) » à l'étiquette")


def test_a_number_field_that_says_in_digits_passes(content_copy):
    _number_field(content_copy, "Prix en euros (en chiffres)", "12,50")
    assert not about(problems(content_copy), "nombre à virgule")


def test_a_whole_number_needs_no_warning_since_words_are_accepted(content_copy):
    _number_field(content_copy, "Nombre de personnes", "1")
    assert not about(problems(content_copy), "nombre à virgule")


def test_a_number_field_whose_answers_are_different_numbers_is_an_error(content_copy):
    # « 2 semaines » is read as the number 2: a field asking for days would accept « 2 ».
    edit(content_copy, TUBE, TYPED_1B, """        champ: Nombre de jours
        format: nombre
        reponses: ["14", "2 semaines"]
        pourquoi: Le nombre attendu.""")
    line = line_of(content_copy, TUBE, '        reponses: ["14", "2 semaines"]')
    found = problems(content_copy)
    assert reported(found, TUBE, line, "le champ « Nombre de jours » compare des nombres, et ses "
                                       "réponses se lisent comme des nombres différents (2 et 14")


def test_a_rounding_or_a_sign_is_the_same_number(content_copy):
    edit(content_copy, TUBE, TYPED_1B, """        champ: Total en euros (en chiffres)
        format: nombre
        reponses: ["4,85", "4,9", "-4,85"]
        pourquoi: Le nombre attendu.""")
    assert not about(problems(content_copy), "nombres différents")


# --- T3 and opposites ---------------------------------------------------------------------

def test_t3_accepting_an_opposite_is_an_error(content_copy):
    edit(content_copy, TUBE, TYPED_1B, """        champ: Mot manquant
        reponses: [différent]
        pourquoi: Le mot attendu était différent.""")
    line = line_of(content_copy, TUBE, "        reponses: [différent]")
    found = problems(content_copy)
    assert reported(found, TUBE, line, "« indifférent », le contraire de « différent », serait "
                                       "accepté : écrivez « tolerances: [T1, T2] »")


def test_t3_off_accepts_no_opposite(content_copy):
    edit(content_copy, TUBE, TYPED_1B, """        champ: Mot manquant
        reponses: [différent]
        tolerances: [T1, T2]
        pourquoi: Le mot attendu était différent.""")
    assert not about(problems(content_copy), "le contraire de")


def test_a_participle_is_checked_against_non(content_copy):
    """« navigation non privée » is tried; T3 counts typos word by word, and a word more is no
    typo: the opposite is refused, so nothing is reported (it was, with a global distance)."""
    from builder.rules import opposites
    from engine.matching import field_matches

    assert "navigation non privée" in opposites("navigation privée")
    assert not field_matches("navigation non privée", ["navigation privée"], "texte",
                             ["T1", "T2", "T3"])
    edit(content_copy, TUBE, TYPED_1B, """        champ: Nom du mode
        reponses: [navigation privée]
        pourquoi: Le mode attendu.""")
    assert not about(problems(content_copy), "le contraire de")


def test_a_word_with_no_real_opposite_keeps_t3(content_copy):
    # « médiathèque », « bibliothèque »: no prefix makes a French word of them.
    assert not about(problems(content_copy), "le contraire de")


# --- a story of another variant -----------------------------------------------------------

def test_a_statement_that_goes_back_to_another_variant_story(content_copy):
    edit(content_copy, TUBE, "consigne: Question mots-de-passe-2a de niveau 2.",
         "consigne: Dylan commande des chaussures en ligne.")
    edit(content_copy, TUBE, "        consigne: Écrivez le mot « médiathèque » (question mots-de-passe-2b).",
         "        consigne: Reprenez la commande de Dylan. Écrivez le mot « médiathèque ».")
    line = line_of(content_copy, TUBE, "Reprenez la commande de Dylan")
    found = problems(content_copy)
    assert reported(found, TUBE, line, "épreuve mots-de-passe-2b : la consigne renvoie à "
                                       "l'histoire de Dylan (« Reprenez »)")


def test_a_statement_that_points_to_a_place_of_another_variant(content_copy):
    # No person shared, but « au même endroit » has nothing to refer to in this variant.
    edit(content_copy, TUBE, "        consigne: Écrivez le mot « médiathèque » (question mots-de-passe-2b).",
         "        consigne: Kevin a rendez-vous au même endroit. Écrivez le mot « médiathèque ».")
    line = line_of(content_copy, TUBE, "Kevin a rendez-vous au même endroit")
    assert reported(problems(content_copy), TUBE, line,
                    "épreuve mots-de-passe-2b : la consigne renvoie à un lieu ou à un objet "
                    "(« au même endroit »)")


def test_two_variants_each_telling_their_story_pass(content_copy):
    edit(content_copy, TUBE, "consigne: Question mots-de-passe-2a de niveau 2.",
         "consigne: Dylan commande des chaussures en ligne.")
    edit(content_copy, TUBE, "        consigne: Écrivez le mot « médiathèque » (question mots-de-passe-2b).",
         "        consigne: Dylan va à la médiathèque. Écrivez le mot « médiathèque ».")
    assert not about(problems(content_copy), "renvoie à l'histoire")


def test_a_back_reference_without_a_shared_person_passes(content_copy):
    # « Reprenez » about a person this variant alone names, and a capitalised place: no story
    # of another variant.
    edit(content_copy, TUBE, "        consigne: Écrivez le mot « médiathèque » (question mots-de-passe-2b).",
         "        consigne: Reprenez la liste de Karim à Roubaix. Écrivez le mot « médiathèque ».")
    assert not about(problems(content_copy), "renvoie à l'histoire")


# --- proposals that repeat the statement --------------------------------------------------

NEW_MESSAGE = "Sur « Commencer un nouveau message »"
STATEMENT_1A = "        consigne: Question mots-de-passe-1a de niveau 1. Quelle est la bonne réponse ?"


def test_a_right_proposal_repeating_the_statement_is_an_error(content_copy):
    edit(content_copy, TUBE, STATEMENT_1A,
         "        consigne: Pour commencer un nouveau message, où cliquez-vous ?")
    edit(content_copy, TUBE, "          - La réponse B\n", f"          - {NEW_MESSAGE}\n")
    line = line_of(content_copy, TUBE, "Sur « Commencer un nouveau message »")
    found = problems(content_copy)
    assert reported(found, TUBE, line, "épreuve mots-de-passe-1a : la proposition reprend les "
                                       "mots de la consigne (« commencer un nouveau message »)")


def test_a_wrong_proposal_repeating_the_statement_is_only_to_check(content_copy):
    edit(content_copy, TUBE, STATEMENT_1A,
         "        consigne: Pour commencer un nouveau message, où cliquez-vous ?")
    edit(content_copy, TUBE, "          - La réponse A\n", f"          - {NEW_MESSAGE}\n")
    line = line_of(content_copy, TUBE, "Sur « Commencer un nouveau message »")
    assert not about(problems(content_copy), "reprend les mots")
    assert reported(problems(content_copy, "à vérifier"), TUBE, line, "une fausse proposition")


def test_a_right_proposal_in_other_words_passes(content_copy):
    edit(content_copy, TUBE, STATEMENT_1A,
         "        consigne: Pour commencer un nouveau message, où cliquez-vous ?")
    edit(content_copy, TUBE, "          - La réponse B\n", "          - Sur le crayon « Rédiger »\n")
    assert not about(problems(content_copy), "reprend les mots")


def test_shared_words_in_right_and_wrong_proposals_give_nothing_away(content_copy):
    edit(content_copy, TUBE, STATEMENT_1A, "        consigne: Un paquet de 500 g coûte 1,20 € et "
                                           "un paquet de 1 kg coûte 2,10 €. Lequel est le moins "
                                           "cher au kilo ?")
    edit(content_copy, TUBE, "          - La réponse A\n", "          - Le paquet de 500 g\n")
    edit(content_copy, TUBE, "          - La réponse B\n", "          - Le paquet de 1 kg\n")
    assert not about(problems(content_copy), "reprend les mots")


# --- parcours that measure ----------------------------------------------------------------

def test_a_parcours_competence_on_fewer_than_four_skills(content_copy):
    edit(content_copy, PROFILE, "express: oui", "")
    found = problems(content_copy)
    line = line_of(content_copy, PROFILE, "{sujet: mots-cles")
    assert reported(found, PROFILE, line, "parcours « essentiel » : la compétence 1.1 n'est "
                                          "mesurée que sur 2 acquis ; il en faut au moins 4")
    assert reported(found, PROFILE, line - 1, "la compétence 4.1 n'est mesurée que sur 3 acquis")


def test_a_parcours_measuring_four_skills_passes_and_express_is_exempt(content_copy):
    assert not about(problems(content_copy), "n'est mesurée")   # « express: oui »
    edit(content_copy, PROFILE, "express: oui", "")
    edit(content_copy, PROFILE, "{sujet: mots-de-passe, niveau_max: 3",
         "{sujet: mots-de-passe, niveau_max: 4")
    found = problems(content_copy)
    assert not about(found, "compétence 4.1 n'est mesurée")
    assert about(found, "compétence 1.1 n'est mesurée")     # the express line alone exempts it


# --- tutorials: a section per skill -------------------------------------------------------

def test_a_skill_linked_to_an_unknown_section(content_copy):
    line = edit(content_copy, TUTORIAL, '"@mots-de-passe2"]', '"@mots-de-passe2#etapes"]')
    found = problems(content_copy)
    assert reported(found, TUTORIAL, line, "« @mots-de-passe2#etapes » : section « #etapes » "
                                           "introuvable dans ce tutoriel (sections : a-retenir, "
                                           "les-etapes, pourquoi-c-est-utile)")


def test_a_skill_linked_to_a_section_reaches_the_results_page(content_copy):
    edit(content_copy, TUTORIAL, '"@mots-de-passe2"]', '"@mots-de-passe2#les-etapes"]')
    content, found = load_and_check(content_copy)
    assert not found.errors, found.errors
    bundle = referential_bundle(content, {})
    skill = next(s for s in bundle["skills"] if s["id"] == "@mots-de-passe2")
    assert skill["tutorials"] == ["guide-mots-de-passe#les-etapes"]
    tutorial = next(t for t in bundle["tutorials"] if t["id"] == "guide-mots-de-passe")
    assert tutorial["sections"] == {"les-etapes": "Les étapes"}
    # A learner who fails that skill's challenge is sent to the section itself.
    ref = load_referential(bundle)
    assessment = Assessment.start(ref, ["4.1"], seed=1)
    while (challenge := assessment.next_challenge()) is not None:
        assessment.record(challenge.id, ref.skills[challenge.skill_id].level < 2)
    links = [t for c in result_view(ref, assessment)["competences"] for t in c["tutorials"]]
    section = [t for t in links if t.get("section") == "les-etapes"]
    assert section and section[0]["url"] == "tutoriels/guide-mots-de-passe/index.html#les-etapes"
    assert section[0]["title"] == "Guide des mots de passe — Les étapes"


def test_a_skill_without_tutorial_is_a_warning(content_copy):
    edit(content_copy, TUTORIAL, 'en_savoir_plus: ["@mots-de-passe3"]', "en_savoir_plus: []")
    line = line_of(content_copy, TUBE, 'id: "@mots-de-passe3"')
    warnings = problems(content_copy, "avertissement")
    assert reported(warnings, TUBE, line, "l'acquis @mots-de-passe3 (niveau 3) n'est relié à "
                                          "aucun tutoriel")


# --- leading articles (T1) ----------------------------------------------------------------

def test_a_refused_answer_that_the_article_rule_would_accept_is_an_error(content_copy):
    # T1 forgives an article the learner adds; an editor who refuses « la médiathèque » learns
    # at check time that the corrector would accept it.
    edit(content_copy, TUBE, TYPED_1B, """        champ: Votre mot
        reponses: [médiathèque]
        refusees: [la médiathèque, la bibliothèque]
        pourquoi: Le mot attendu était médiathèque.""")
    found = problems(content_copy)
    assert about(found, "« la médiathèque » devrait être refusée")
    assert not about(found, "« la bibliothèque » devrait être refusée")
