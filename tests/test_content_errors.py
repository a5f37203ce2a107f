"""Bad content: every kind of error names file:line in French, all at once, and dist/ is kept."""

from __future__ import annotations

from pathlib import Path

import pytest

from builder.build import build
from builder.cli import main
from builder.diagnostics import ContentError

from .conftest import ROOT

TUBE = "referential/4.1/mots-de-passe.yaml"


def edit(root: Path, rel: str, old: str, new: str) -> int:
    """Replace ``old`` by ``new`` once in ``rel``; return the 1-based line where ``new`` starts."""
    path = root / rel
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {rel}"
    index = text.index(old)
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return text[:index].count("\n") + 1


def line_of(root: Path, rel: str, needle: str) -> int:
    text = (root / rel).read_text(encoding="utf-8")
    return text[:text.index(needle)].count("\n") + 1


def problems_of(content: Path, dist: Path) -> list[str]:
    with pytest.raises(ContentError) as caught:
        build(content, dist, ROOT, log=lambda _m: None)
    assert (dist / "index.html").read_text(encoding="utf-8") == "ancienne version"
    assert sorted(p.name for p in dist.iterdir()) == ["index.html"]
    return [f"{Path(p.path).as_posix()}:{p.line}: {p.message}" for p in caught.value.problems]


def assert_reported(problems: list[str], rel: str, line: int, fragment: str) -> None:
    wanted = [p for p in problems if p.split(":")[0].endswith(rel) and f":{line}: " in p
              and fragment in p]
    assert wanted, f"no problem at {rel}:{line} containing {fragment!r} in:\n" + "\n".join(problems)


def test_yaml_syntax_error(content_copy, previous_dist):
    line = edit(content_copy, TUBE, "titre: Les mots de passe", "titre: [Les mots de passe")
    problems = problems_of(content_copy, previous_dist)
    assert any(p.split(":")[0].endswith(TUBE) and "YAML invalide" in p for p in problems)
    assert any(int(p.split(":")[1]) >= line for p in problems if "YAML invalide" in p)


def test_unknown_field_is_a_typo_not_silence(content_copy, previous_dist):
    line = edit(content_copy, TUBE, "        reponse: 2\n", "        reponce: 2\n")
    problems = problems_of(content_copy, previous_dist)
    assert_reported(problems, TUBE, line, "champ inconnu « reponce »")


def test_missing_and_mistyped_fields(content_copy, previous_dist):
    start = line_of(content_copy, TUBE, "      - id: mots-de-passe-1a")
    edit(content_copy, TUBE, "        pourquoi: Parce que c'est la réponse B, expliquée ici.\n", "")
    level_line = edit(content_copy, TUBE, "  - niveau: 2\n", "  - niveau: deux\n")
    problems = problems_of(content_copy, previous_dist)
    assert_reported(problems, TUBE, start, "champ obligatoire manquant : « pourquoi »")
    assert_reported(problems, TUBE, level_line, "« niveau » doit être un nombre entier")


def test_answer_out_of_range_and_proposal_with_colon(content_copy, previous_dist):
    line = edit(content_copy, TUBE, "        reponse: 2\n", "        reponse: 7\n")
    colon = edit(content_copy, TUBE, "          - La réponse A\n", "          - Attention: piège\n")
    problems = problems_of(content_copy, previous_dist)
    assert_reported(problems, TUBE, line, "la réponse 7 n'existe pas")
    assert_reported(problems, TUBE, colon, "mettez-le entre guillemets")


def test_duplicate_ids_name_both_places(content_copy, previous_dist):
    line = edit(content_copy, TUBE, "      - id: mots-de-passe-1b", "      - id: mots-de-passe-1a")
    first = line_of(content_copy, TUBE, "      - id: mots-de-passe-1a")
    problems = problems_of(content_copy, previous_dist)
    assert_reported(problems, TUBE, line, "épreuve « mots-de-passe-1a » en double")
    assert any(f"{TUBE}:{first})" in p for p in problems)


def test_tolerance_accepting_a_refused_answer(content_copy, previous_dist):
    line = edit(content_copy, TUBE, "        refusees: [bibliothèque]\n",
                "        refusees: [mediatheque]\n")
    problems = problems_of(content_copy, previous_dist)
    assert_reported(problems, TUBE, line, "« mediatheque » devrait être refusée")


def test_broken_references(content_copy, previous_dist):
    tut = "tutorials/guide-arnaques.md"
    tut_line = edit(content_copy, tut, 'acquis: ["@arnaques1", "@arnaques2"]',
                    'acquis: ["@arnaque1", "@arnaques2"]')
    image_line = edit(content_copy, "referential/4.1/arnaques.yaml", "image: images/4.1-faux-message.svg",
                      "image: images/absente.svg")
    prof = "referential/parcours/essentiel.yaml"
    prof_line = edit(content_copy, prof, "sujet: mots-cles,", "sujet: mots-clefs,")
    problems = problems_of(content_copy, previous_dist)
    assert_reported(problems, tut, tut_line, "acquis inconnu « @arnaque1 »")
    assert_reported(problems, "referential/4.1/arnaques.yaml", image_line, "image introuvable")
    assert_reported(problems, prof, prof_line, "sujet inconnu « mots-clefs »")


def test_tube_without_tutorial_and_misfiled_competence(content_copy, previous_dist):
    (content_copy / "tutorials" / "guide-sources.md").unlink()
    comp = "referential/1.1/competence.yaml"
    line = edit(content_copy, comp, 'id: "1.1"', 'id: "1.2"')
    problems = problems_of(content_copy, previous_dist)
    assert_reported(problems, "referential/1.1/sources.yaml", 1, "n'a aucun tutoriel")
    assert_reported(problems, comp, line, "ne correspond pas au nom du dossier")


def test_not_utf8(content_copy, previous_dist):
    (content_copy / TUBE).write_bytes("titre: Les mots de passe é".encode("latin-1"))
    problems = problems_of(content_copy, previous_dist)
    assert any(p.split(":")[0].endswith(TUBE) and "UTF-8" in p for p in problems)


def test_all_problems_at_once_and_check_exit_code(content_copy, capsys):
    edit(content_copy, TUBE, "        reponse: 2\n", "        reponse: 7\n")
    edit(content_copy, "referential/1.1/sources.yaml", "  - niveau: 3\n", "  - niveau: 12\n")
    assert main(["--content", str(content_copy), "check"]) == 1
    err = capsys.readouterr().err
    assert "la réponse 7 n'existe pas" in err
    assert "« niveau » doit être entre 1 et 8, pas 12" in err
    assert "3 erreur(s)" in err  # the two above, and the tutorial that now points at nothing


def test_valid_fixture_checks_clean(capsys):
    assert main(["--content", str(ROOT / "tests/fixtures/content"), "check"]) == 0
    assert "Contenu valide" in capsys.readouterr().out


def test_markdown_problems_point_at_their_line(content_copy, previous_dist):
    tut = "tutorials/guide-arnaques.md"
    heading = edit(content_copy, tut, "## Les étapes", "# Les étapes")
    html = edit(content_copy, tut, "## À retenir", "## À retenir\n\n<div>Encadré</div>")
    html += 2
    statement = edit(content_copy, TUBE, "consigne: Question mots-de-passe-2a de niveau 2.",
                     "consigne: Question <b>mots-de-passe-2a</b> de niveau 2.")
    problems = problems_of(content_copy, previous_dist)
    assert_reported(problems, tut, heading, "intertitre de niveau 1")
    assert_reported(problems, tut, html, "HTML brut")
    assert_reported(problems, TUBE, statement, "épreuve mots-de-passe-2a, consigne : HTML brut")
