"""Editor mistakes that used to build silently, wrongly or with a traceback: each is now an error
with file:line in French, and the check and the build agree."""

from __future__ import annotations

from pathlib import Path

import pytest

from builder.cli import main

from .test_content_errors import assert_reported, edit, line_of, problems_of

TUBE = "referential/4.1/mots-de-passe.yaml"
ARNAQUES = "referential/4.1/arnaques.yaml"
DOC = "referential/documents/4.1-conseils.md"
SVG = "referential/images/4.1-faux-message.svg"
TUTORIAL = "tutorials/guide-arnaques.md"


def only_about(problems: list[str], rel: str) -> None:
    """One clear message about the broken file, none about the files that cite it."""
    others = [p for p in problems if not p.split(":")[0].endswith(rel)]
    assert not others, "messages trompeurs sur d'autres fichiers :\n" + "\n".join(others)


# --- YAML mistakes, seen through the whole build --------------------------------------------

def test_a_key_given_twice_is_an_error_not_a_silent_change_of_answer(content_copy, previous_dist):
    first = line_of(content_copy, TUBE, "        reponse: 2\n")
    second = edit(content_copy, TUBE, "        reponse: 2\n", "        reponse: 2\n        reponse: 1\n") + 1
    problems = problems_of(content_copy, previous_dist)
    assert_reported(problems, TUBE, second, f"« reponse » est donnée deux fois dans ce bloc "
                                            f"(lignes {first} et {second})")


def test_a_text_cut_by_a_hash_is_an_error(content_copy, previous_dist):
    line = edit(content_copy, TUBE, "          - La réponse B\n", "          - La touche #\n")
    problems = problems_of(content_copy, previous_dist)
    assert_reported(problems, TUBE, line, "le texte est coupé par « # »")


def test_an_alias_is_refused(content_copy, previous_dist):
    line = edit(content_copy, TUBE, "          - La réponse A\n", "          - &a La réponse A\n")
    edit(content_copy, TUBE, "          - La réponse B\n", "          - *a\n")
    problems = problems_of(content_copy, previous_dist)
    assert_reported(problems, TUBE, line, "les ancres et alias YAML")


def test_a_yaml_error_is_reported_once_not_in_the_files_that_cite_it(content_copy, previous_dist):
    line = edit(content_copy, TUBE, "titre: Les mots de passe", "titre: Attention: piège")
    problems = problems_of(content_copy, previous_dist)
    assert_reported(problems, TUBE, line, "« : » suivi d'une espace dans un texte")
    only_about(problems, TUBE)


def test_a_bom_before_a_tutorial_front_matter_is_accepted(content_copy, tmp_path, capsys):
    path = content_copy / TUTORIAL
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())
    yaml_path = content_copy / TUBE
    yaml_path.write_bytes(b"\xef\xbb\xbf" + yaml_path.read_bytes())
    assert main(["--content", str(content_copy), "check"]) == 0, capsys.readouterr().err


# --- Empty files: one message about that file -------------------------------------------------

@pytest.mark.parametrize("rel, fragment", [
    (TUBE, "fichier vide : il doit décrire un sujet"),
    ("referential/4.1/competence.yaml", "fichier vide : il doit décrire la compétence"),
    ("referential/domaines.yaml", "fichier vide : il doit décrire la liste des domaines"),
    ("referential/parcours/essentiel.yaml", "fichier vide : il doit décrire un parcours"),
])
def test_an_empty_file_gets_one_clear_message(content_copy, previous_dist, rel, fragment):
    (content_copy / rel).write_text("# rien pour l'instant\n\n", encoding="utf-8")
    problems = problems_of(content_copy, previous_dist)
    assert_reported(problems, rel, 1, fragment)
    only_about(problems, rel)


# --- Documents: what the build reads, the check reads ----------------------------------------

def test_a_document_not_in_utf8_is_an_error_at_check_and_build(content_copy, previous_dist,
                                                               capsys):
    (content_copy / DOC).write_bytes("# Conseils\n\nUn café à la médiathèque.\n".encode("cp1252"))
    assert main(["--content", str(content_copy), "check"]) == 1
    assert "n'est pas en UTF-8" in capsys.readouterr().err
    problems = problems_of(content_copy, previous_dist)
    assert_reported(problems, DOC, 0, "le document n'est pas en UTF-8")


def test_raw_html_in_a_document_or_a_proposal_is_an_error(content_copy, previous_dist):
    doc = content_copy / DOC
    doc.write_text(doc.read_text(encoding="utf-8") + "\n<p style=\"color:red\">Attention</p>\n",
                   encoding="utf-8")
    doc_line = doc.read_text(encoding="utf-8").count("\n")
    proposal = edit(content_copy, TUBE, "          - La réponse A\n",
                    "          - La réponse <code>A</code>\n")
    problems = problems_of(content_copy, previous_dist)
    assert_reported(problems, DOC, doc_line, "HTML brut interdit")
    assert_reported(problems, TUBE, proposal, "texte « La réponse <code>A</code> » : HTML brut")


# --- Sizes -------------------------------------------------------------------------------------

def test_an_absurdly_long_statement_is_an_error_with_the_limit(content_copy, previous_dist):
    line = edit(content_copy, TUBE, "consigne: Question mots-de-passe-2a de niveau 2.",
                "consigne: " + "Texte très long. " * 300_000)
    problems = problems_of(content_copy, previous_dist)
    assert_reported(problems, TUBE, line, "texte trop long")
    assert_reported(problems, TUBE, line, "la limite pour une consigne est de 20\u202f000 "
                                          "caractères")


def test_a_long_tutorial_and_document(content_copy, previous_dist):
    tut = content_copy / TUTORIAL
    tut.write_text(tut.read_text(encoding="utf-8") + "\nMot " * 60_000, encoding="utf-8")
    doc = content_copy / DOC
    doc.write_text(doc.read_text(encoding="utf-8") + "\nMot " * 30_000, encoding="utf-8")
    problems = problems_of(content_copy, previous_dist)
    assert any("limite pour un tutoriel est de 200\u202f000" in p for p in problems)
    assert_reported(problems, DOC, 1, "limite pour un document est de 100\u202f000")


# --- Links and resources ------------------------------------------------------------------------

@pytest.mark.parametrize("href", ["javascript:alert(1)", "JavaScript:void(0)",
                                  "vbscript:msgbox", "data:text/html,<script>x</script>"])
def test_a_script_link_is_an_error_with_its_line(content_copy, previous_dist, href):
    scheme = href.split(":")[0].lower()
    line = edit(content_copy, TUBE, "consigne: Question mots-de-passe-2a de niveau 2. Quelle est "
                "la bonne réponse ?", f"consigne: \"Voir [la page]({href}) avant de répondre.\"")
    problems = problems_of(content_copy, previous_dist)
    assert_reported(problems, TUBE, line, f"lien « {scheme}: » interdit")


def test_an_external_image_is_an_error_but_an_external_link_is_fine(content_copy, previous_dist):
    tut = content_copy / TUTORIAL
    text = tut.read_text(encoding="utf-8")
    text = text.replace("## À retenir", "## À retenir\n\nVoir [le site officiel](https://www."
                        "cybermalveillance.gouv.fr/).\n\n![Un logo](https://example.org/logo.png)")
    tut.write_text(text, encoding="utf-8")
    image_line = text[:text.index("![Un logo]")].count("\n") + 1
    doc = content_copy / DOC
    doc.write_text(doc.read_text(encoding="utf-8") + "\n![Photo](//cdn.example.org/a.jpg)\n",
                   encoding="utf-8")
    problems = problems_of(content_copy, previous_dist)
    assert_reported(problems, TUTORIAL, image_line, "image externe « https://example.org/logo.png »")
    assert_reported(problems, DOC, doc.read_text(encoding="utf-8").count("\n"), "image externe")
    assert not [p for p in problems if "cybermalveillance" in p]


# --- SVG illustrations --------------------------------------------------------------------------

SCRIPTED_SVG = """<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 300 120">
<title>Un faux SMS</title>
<script>localStorage.clear()</script>
<rect width="300" height="120" fill="#fff" onload="alert(1)"/>
<image href="https://tracker.example.org/pixel.png" width="1" height="1"/>
</svg>
"""


def test_an_svg_with_a_script_is_refused_at_check_and_build(content_copy, previous_dist, capsys):
    (content_copy / SVG).write_text(SCRIPTED_SVG, encoding="utf-8")
    assert main(["--content", str(content_copy), "check"]) == 1
    err = capsys.readouterr().err
    assert f"{SVG}:3: script interdit" in err.replace("\\", "/")
    problems = problems_of(content_copy, previous_dist)
    assert_reported(problems, SVG, 3, "script interdit dans une illustration")
    assert_reported(problems, SVG, 4, "attribut d'évènement « onload » interdit")
    assert_reported(problems, SVG, 5, "référence « href=\"https://tracker.example.org")


@pytest.mark.parametrize("body, line, fragment", [
    ('<foreignObject><p xmlns="http://www.w3.org/1999/xhtml">x</p></foreignObject>', 2,
     "<foreignObject> interdit"),
    ('<a xmlns:xlink="http://www.w3.org/1999/xlink" xlink:href="javascript:alert(1)"><text>x'
     '</text></a>', 2, "seules les références internes"),
    ('<rect style="fill: url(\'https://e.org/p.svg#x\')"/>', 2, "url(https://e.org/p.svg#x)"),
    ('<style>@import url(https://e.org/a.css);</style>', 2, "« @import » interdit"),
    ('<set attributeName="href" to="javascript:alert(1)"/>', 2, "ne peut pas modifier un lien"),
    ('<g>', 3, "SVG mal formé"),
])
def test_each_refused_svg_construct_has_its_line(content_copy, previous_dist, body, line,
                                                 fragment):
    (content_copy / SVG).write_text(
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10">\n{body}\n</svg>\n',
        encoding="utf-8")
    problems = problems_of(content_copy, previous_dist)
    assert_reported(problems, SVG, line, fragment)


def test_an_svg_doctype_is_refused_before_any_entity_is_expanded(content_copy, previous_dist):
    (content_copy / SVG).write_text(
        '<?xml version="1.0"?>\n<!DOCTYPE svg [<!ENTITY x SYSTEM "file:///etc/passwd">]>\n'
        '<svg xmlns="http://www.w3.org/2000/svg"><text>&x;</text></svg>\n', encoding="utf-8")
    problems = problems_of(content_copy, previous_dist)
    assert_reported(problems, SVG, 2, "DOCTYPE interdit")


def test_every_bundled_svg_passes():
    from builder import svgcheck

    from .conftest import ROOT
    images = sorted((ROOT / "content" / "referential" / "images").glob("*.svg"))
    assert len(images) > 50
    bad = {p.name: svgcheck.check_file(p) for p in images if svgcheck.check_file(p)}
    assert bad == {}
    assert svgcheck.check_file(ROOT / "site_templates" / "static" / "favicon.svg") == []



# --- Links between tutorials --------------------------------------------------------------------

def _append(content: Path, rel: str, text: str) -> int:
    """Append a paragraph to a tutorial; return its line."""
    path = content / rel
    body = path.read_text(encoding="utf-8").rstrip("\n") + "\n\n"
    path.write_text(body + text + "\n", encoding="utf-8")
    return body.count("\n") + 1


@pytest.mark.parametrize("href, fragment", [
    ("../guide-mots-de-pas/", "lien vers un tutoriel inconnu « guide-mots-de-pas »"),
    ("../guide-mots-de-passe/#a-savoir", "section « #a-savoir » introuvable dans le tutoriel "
                                          "« guide-mots-de-passe »"),
    ("#les-etapes-bis", "section « #les-etapes-bis » introuvable dans le tutoriel "
                        "« guide-arnaques »"),
    ("guide-sources.md", "pour le tutoriel « guide-sources », écrivez ../guide-sources/"),
    ("../../index.html", "lien interne « ../../index.html » non reconnu"),
])
def test_a_broken_link_between_tutorials_is_an_error(content_copy, previous_dist, href,
                                                     fragment):
    line = _append(content_copy, TUTORIAL, f"Voir aussi [l'autre fiche]({href}).")
    problems = problems_of(content_copy, previous_dist)
    assert_reported(problems, TUTORIAL, line, fragment)


def test_good_links_between_tutorials_build_and_reach_their_section(content_copy, tmp_path):
    from builder.build import build

    from .conftest import ROOT
    _append(content_copy, TUTORIAL, "Voir [la fiche](../guide-sources/), [ses étapes]"
                                    "(../guide-mots-de-passe/index.html#pourquoi-c-est-utile), "
                                    "[plus haut](#les-etapes) et [le site](https://www.pix.fr/).")
    dist = tmp_path / "dist"
    build(content_copy, dist, ROOT, log=lambda _m: None)
    page = (dist / "tutoriels/guide-arnaques/index.html").read_text(encoding="utf-8")
    assert 'href="../guide-sources/"' in page
    assert '<h2 id="les-etapes">Les étapes</h2>' in page
    target = (dist / "tutoriels/guide-mots-de-passe/index.html").read_text(encoding="utf-8")
    assert 'id="pourquoi-c-est-utile"' in target


# --- Command line ---------------------------------------------------------------------------------

def test_a_missing_node_modules_says_what_to_run(tmp_path, capsys):
    from .conftest import FIXTURE_CONTENT, ROOT
    root = tmp_path / "projet"
    root.mkdir()
    for name in ("engine", "site_templates"):
        (root / name).symlink_to(ROOT / name)
    code = main(["--content", str(FIXTURE_CONTENT), "--root", str(root), "build",
                 "-o", str(tmp_path / "dist")])
    err = capsys.readouterr().err
    assert code == 1
    assert "Pyodide est introuvable dans node_modules/ : lancez « npm ci »" in err
    assert "Traceback" not in err
    assert not (tmp_path / "dist").exists()


def test_a_problem_inside_a_long_paragraph_points_at_its_own_line(content_copy, previous_dist):
    start = _append(content_copy, TUTORIAL, "Une phrase sur une ligne,\nune autre ligne,\n"
                                            "puis [un piège](javascript:alert(1)) ici\n"
                                            "et une image ![logo](https://example.org/l.png).")
    problems = problems_of(content_copy, previous_dist)
    assert_reported(problems, TUTORIAL, start + 2, "lien « javascript: » interdit")
    assert_reported(problems, TUTORIAL, start + 3, "image externe")
