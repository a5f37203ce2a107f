"""content/centres.yaml: the centres whose attestations the site verifies, checked with file:line."""

from __future__ import annotations

import json
from pathlib import Path

from builder.loading import load_and_check
from certification import centres

FIXTURES = Path(__file__).parent / "fixtures" / "certification"
PUBLIC = json.loads((FIXTURES / "centre-des-tilleuls.public.json").read_text("utf-8"))


def test_no_centre_listed_publishes_an_empty_list_and_the_verify_page(built_site):
    assert json.loads((built_site / "data" / "centres.json").read_text("utf-8")) == []
    page = (built_site / "verifier" / "index.html").read_text("utf-8")
    assert "data/centres.json?v=" in page and "Vérifier une attestation" in page
    assert "verifier/index.html" in (built_site / "index.html").read_text("utf-8")


def test_the_block_the_mediator_shows_is_accepted_as_it_is(content_copy):
    block = centres.yaml_block("centre-des-tilleuls", "Centre social des Tilleuls", PUBLIC["jwk"])
    (content_copy / "centres.yaml").write_text("# Centres\n" + block, encoding="utf-8")
    content, problems = load_and_check(content_copy)
    assert not problems.errors, [str(p) for p in problems.errors]
    assert content.centres == [{"id": "centre-des-tilleuls", "name": "Centre social des Tilleuls",
                                "kid": centres.thumbprint(PUBLIC["jwk"]), "jwk": PUBLIC["jwk"]}]


def test_every_problem_at_once_with_its_line(content_copy):
    spki = centres.spki_from_jwk(PUBLIC["jwk"])
    broken = spki[:40] + ("A" if spki[40] != "A" else "B") + spki[41:]
    (content_copy / "centres.yaml").write_text(
        f"- id: centre-a\n  nom: Centre A\n  cle_publique: {spki}\n"
        f"- id: centre-a\n  nom: Doublon\n  cle_publique: {spki}\n"
        f"- id: Centre B\n  nom: B\n  cle_publique: pas du base64 !\n"
        f"- id: centre-c\n  cle_publique: {broken}\n  couleur: bleu\n", encoding="utf-8")
    content, problems = load_and_check(content_copy)
    messages = [str(p) for p in problems.errors]
    assert any("centres.yaml:5" in m and "s'appelle « Centre A » ligne 1" in m
               for m in messages), messages
    assert any("centres.yaml:6" in m and "déjà celle du centre « centre-a »" in m
               for m in messages), messages
    assert any("centres.yaml:7" in m and "minuscules, chiffres et tirets" in m for m in messages)
    assert any("centres.yaml:9" in m and "pas du base64" in m for m in messages), messages
    assert any("centres.yaml:10" in m and "champ « nom » manquant" in m for m in messages)
    assert any("centres.yaml:11" in m and ("courbe" in m or "P-256" in m) for m in messages)
    assert any("centres.yaml:12" in m and "champ inconnu « couleur »" in m for m in messages)
    assert [c["id"] for c in content.centres] == ["centre-a"]


def test_a_file_that_is_not_a_list(content_copy):
    (content_copy / "centres.yaml").write_text("id: centre-a\n", encoding="utf-8")
    _content, problems = load_and_check(content_copy)
    assert any("centres.yaml:1" in str(p) and "liste de centres" in str(p)
               for p in problems.errors)


def test_comments_only_is_no_centre_yet(content_copy):
    (content_copy / "centres.yaml").write_text("# Aucun centre pour l'instant.\n\n", "utf-8")
    content, problems = load_and_check(content_copy)
    assert not problems.errors and content.centres == []


def test_a_centre_may_list_a_second_key(content_copy):
    other = {"kty": "EC", "crv": "P-256", "x": "85cGXowvXHGjiDZhYt-ndiG2ry3j8AW4yvfWCN3nMnk",
             "y": "w--lgU_L5NbJwULyhtMmmdpdzwQGIOTuMZwcAXLpdSw"}
    text = (centres.yaml_block("centre-a", "Centre A", PUBLIC["jwk"])
            + centres.yaml_block("centre-a", "Centre A", other))
    (content_copy / "centres.yaml").write_text(text, encoding="utf-8")
    content, problems = load_and_check(content_copy)
    assert not problems.errors, [str(p) for p in problems.errors]
    assert [(c["id"], c["kid"]) for c in content.centres] == [
        ("centre-a", centres.thumbprint(PUBLIC["jwk"])), ("centre-a", centres.thumbprint(other))]
