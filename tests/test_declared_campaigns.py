"""Campaigns declared in content/campagnes/: checked with file:line, published for the pages."""

from __future__ import annotations

import json

from builder.loading import load_and_check
from campaigns import codes, links


def test_the_fixture_campaign_is_published_with_its_link(built_site):
    published = json.loads((built_site / "data" / "campagnes.json").read_text(encoding="utf-8"))
    assert [c["code"] for c in published] == ["UJQYNW788"]
    campaign = published[0]
    assert campaign["parcours"] == "essentiel" and campaign["needs_link"]
    assert links.decode_campaign(campaign["fragment"])["external_id_label"] == "Numéro de dossier"
    page = (built_site / "mediateur" / "index.html").read_text(encoding="utf-8")
    assert "data/campagnes.json?v=" in page


def test_every_problem_of_declared_campaigns_at_once_with_its_line(content_copy):
    folder = content_copy / "campagnes"
    good = (folder / "atelier-du-centre.yaml").read_text(encoding="utf-8")
    (folder / "doublon.yaml").write_text(good, encoding="utf-8")
    (folder / "faute.yaml").write_text("nom: Faute\nparcours: essentiel\ncode: UJQYNW789\n",
                                       encoding="utf-8")
    other = codes.encode(codes.new_code(codes.parcours_slot("essentiel") ^ 1, "evaluer",
                                        lambda n: 12345 % n))
    (folder / "autre.yaml").write_text(
        f"nom: Autre\nparcours: essentiel\ncode: {other}\ncouleur: bleu\n", encoding="utf-8")
    (folder / "inconnu.yaml").write_text("nom: X\nparcours: nulle-part\ncode: UJQYNW788\n",
                                         encoding="utf-8")
    (folder / "collecte.yaml").write_text("nom: X\nobjectif: collecter\nparcours: essentiel\n",
                                          encoding="utf-8")
    content, problems = load_and_check(content_copy)
    messages = [str(p) for p in problems.errors]
    assert any("doublon.yaml:2" in m and "déjà celui de" in m for m in messages), messages
    assert any("faute.yaml:3" in m and "mal" in m for m in messages), messages
    assert any("autre.yaml:3" in m and "autre parcours" in m for m in messages), messages
    assert any("autre.yaml:4" in m and "champ inconnu « couleur »" in m for m in messages)
    assert any("inconnu.yaml:2" in m and "parcours inconnu" in m for m in messages), messages
    assert any("collecte.yaml" in m and "code" in m and "manquant" in m for m in messages)
    assert any("collecte.yaml:3" in m and "n'a pas de parcours" in m for m in messages)
    assert [c["code"] for c in content.campaigns] == ["UJQYNW788"]
