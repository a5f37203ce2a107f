"""``content/site.yaml``: validated like all content, and the one source of the site's own words."""

from __future__ import annotations

import json
import re

from builder.build import build
from builder.loading import load_and_check

from .conftest import ROOT


def _errors(content) -> list[str]:
    return [str(p) for p in load_and_check(content)[1].errors]


def test_site_yaml_mistakes_are_errors_with_file_and_line(content_copy):
    site = content_copy / "site.yaml"
    text = site.read_text(encoding="utf-8")
    text = text.replace("accueil:\n", "acceuil_typo: oui\naccueil:\n", 1)
    text = text.replace("  - expert\n", "", 1)  # eight level names instead of nine
    site.write_text(text, encoding="utf-8")
    lines = text.split("\n")
    typo = lines.index("acceuil_typo: oui") + 1
    levels = lines.index("niveaux:") + 1
    errors = _errors(content_copy)
    assert any(e.startswith(f"content/site.yaml:{typo}: champ inconnu « acceuil_typo »")
               for e in errors), errors
    assert any(e.startswith((f"content/site.yaml:{levels}: « niveaux » doit avoir au moins 9",
                             f"content/site.yaml:{levels + 1}: « niveaux » doit avoir au moins 9"))
               for e in errors), errors  # the key's line or the list's first line


def test_too_many_levels_and_missing_title_are_errors(content_copy):
    site = content_copy / "site.yaml"
    text = site.read_text(encoding="utf-8").replace("  - expert\n", "  - expert\n  - maître\n", 1)
    text = re.sub(r"\n  titre: [^\n]*", "", text, count=1)
    site.write_text(text, encoding="utf-8")
    errors = _errors(content_copy)
    assert any(re.match(r"content/site\.yaml:\d+: « niveaux » doit avoir exactement 9", e)
               for e in errors), errors
    assert any(re.match(r"content/site\.yaml:\d+: champ obligatoire manquant : « titre » dans "
                        r"« accueil »", e) for e in errors), errors


def test_a_missing_site_yaml_is_an_error(content_copy):
    (content_copy / "site.yaml").unlink()
    errors = _errors(content_copy)
    assert any(e.startswith("content/site.yaml: fichier manquant") for e in errors), errors


def test_pages_and_runtime_show_the_site_yaml_words(content_copy, tmp_path):
    site = content_copy / "site.yaml"
    text = site.read_text(encoding="utf-8")
    text = text.replace("nom: Diagnum", "nom: Numéri-Test", 1)
    text = text.replace("  titre: Faites le point sur vos compétences numériques",
                        "  titre: Votre bilan numérique aux Tilleuls", 1)
    text = text.replace("  - Vos réponses restent sur cet appareil", "  - Aucun compte à créer", 1)
    text = text.replace("  - indépendant\n  - indépendant", "  - autonome\n  - autonome", 1)
    site.write_text(text, encoding="utf-8")
    dist = tmp_path / "dist"
    build(content_copy, dist, ROOT, log=lambda _m: None)
    home = (dist / "index.html").read_text(encoding="utf-8")
    assert '<h1 class="home-title">Votre bilan numérique aux Tilleuls</h1>' in home
    assert "<li>Aucun compte à créer</li>" in home
    assert "Accueil — Numéri-Test</title>" in home
    assert "Proposé par Centre social des Tilleuls — contact\u00a0: accueil numérique" in home
    competence = (dist / "competences/4.1/index.html").read_text(encoding="utf-8")
    assert "Niveaux 3 et 4 — autonome" in competence
    test_page = (dist / "test/index.html").read_text(encoding="utf-8")
    runtime = json.loads(re.search(r'id="diagnum-runtime">(.*?)</script>', test_page, re.S).group(1))
    assert runtime["labels"]["levels"] == ["débutant", "novice", "novice", "autonome", "autonome",
                                           "avancé", "avancé", "expert", "expert"]


def test_bundled_site_yaml_is_valid_and_has_no_centre():
    content, problems = load_and_check(ROOT / "content")
    assert not [p for p in problems.errors if "site.yaml" in p.path]
    assert content.site.name == "Diagnum" and content.site.centre_name is None
    assert len(content.site.levels) == 9
