"""One home per challenge type: the registry is the only list, each type's rules are enforced
with file:line, and the new « zone » type is checked like the others."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from builder.loading import load_and_check
from engine.types import NAMES, REGISTRY

from .conftest import ROOT

TUBE = "referential/4.1/mots-de-passe.yaml"
IMAGE = "referential/images/4.1-faux-message.svg"   # viewBox 0 0 300 120


def code_files() -> list[Path]:
    """Every source file outside the type modules themselves."""
    files = [p for base in ("builder", "engine", "benchmarks") for p in (ROOT / base).rglob("*.py")]
    files += [p for p in (ROOT / "site_templates").rglob("*") if p.is_file()
              and p.suffix in (".js", ".mjs", ".html")]
    own = {ROOT / "site_templates/static/types.js"}
    return [p for p in files if "types" not in p.relative_to(ROOT).parts and p not in own]


def test_type_names_appear_only_in_the_type_modules():
    names = "|".join(re.escape(n) for n in NAMES)
    pattern = re.compile(rf"""["'`]({names})["'`]|\b(QCU|QCM|QROC|QROCM)\b""")
    found = [f"{p.relative_to(ROOT)}:{i}: {line.strip()}"
             for p in code_files()
             for i, line in enumerate(p.read_text(encoding="utf-8").splitlines(), 1)
             if pattern.search(line)]
    assert not found, "type names outside engine/types/ and static/types*:\n" + "\n".join(found)


def test_every_type_has_a_module_a_page_entry_and_a_guide_section():
    table = (ROOT / "site_templates/static/types.js").read_text(encoding="utf-8")
    guide = (ROOT / "docs/guide-redaction.md").read_text(encoding="utf-8")
    headings = [line for line in guide.splitlines() if line.startswith("#")]
    for name, kind in REGISTRY.items():
        assert re.search(rf"""^\s*(["']?){re.escape(name)}\1\s*[:,]""", table, re.M), name
        assert any(name in h for h in headings), f"no guide section for {name}"
        assert kind.title and kind.fields


def zone_challenge(zones: str, image: str = "images/4.1-faux-message.svg") -> str:
    return f"""      - id: mots-de-passe-1z
        type: zone
        consigne: Où cliquez-vous pour ouvrir le lien ?
        illustration:
          image: {image}
          alt: Un message avec un texte en haut et un lien en bas, sur fond blanc.
        zones:
{zones}
        pourquoi: Le lien est en bas du message.
"""


GOOD_ZONES = """          - rect: 10 20 280 30
            description: la première ligne du message
          - rect: 10 60 280 30
            description: la deuxième ligne, avec une adresse
            bonne: oui
          - polygone: "0,100 300,100 300,120 0,120"
            description: le bas du cadre
"""


def add_zone(content: Path, zones: str, image: str = "images/4.1-faux-message.svg") -> int:
    path = content / TUBE
    text = path.read_text(encoding="utf-8")
    anchor = "        pourquoi: Les bonnes réponses étaient la première et la troisième.\n"
    assert anchor in text
    path.write_text(text.replace(anchor, anchor + zone_challenge(zones, image), 1),
                    encoding="utf-8")
    return text[:text.index(anchor) + len(anchor)].count("\n") + 1  # line of "- id:"


def errors(content: Path) -> list[str]:
    _, problems = load_and_check(content)
    return [f"{Path(p.path).as_posix()}:{p.line}: {p.message}" for p in problems.errors]


def reported(found: list[str], line: int, fragment: str) -> bool:
    return any(p.split(":")[0].endswith(TUBE) and f":{line}: " in p and fragment in p
               for p in found)


def test_a_valid_zone_challenge_loads_in_neutral_order(content_copy):
    add_zone(content_copy, GOOD_ZONES)
    content, problems = load_and_check(content_copy)
    assert not problems.errors, problems.errors
    (zone,) = [c for c in content.challenges if c.id == "mots-de-passe-1z"]
    labels = [z["label"] for z in zone.payload["zones"]]
    assert labels == ["en haut au centre : la première ligne du message",
                      "au centre : la deuxième ligne, avec une adresse",
                      "en bas au centre : le bas du cadre"]
    assert [z["right"] for z in zone.payload["zones"]] == [False, True, False]
    assert zone.payload["view_box"] == [0, 0, 300, 120]


@pytest.mark.parametrize(("zones", "offset", "fragment"), [
    ("""          - rect: 10 20 280 30
            description: une ligne
            bonne: oui
          - rect: 200 60 200 30
            description: trop à droite
          - rect: 10 95 50 20
            description: un coin
""", 10, "la zone sort de l'image"),
    ("""          - rect: 10 20 200 40
            description: la première ligne
            bonne: oui
          - rect: 100 30 150 40
            description: une ligne qui chevauche
          - rect: 10 95 50 20
            description: un coin
""", 7, "une bonne zone chevauche une mauvaise zone"),
    ("""          - rect: 10 20 280 30
            description: une ligne
            bonne: oui
          - rect: 10 60 280 30
            description: une autre
""", 6, "il faut au moins 3 zones"),
    ("""          - rect: 10 20 80 30
            description: une
            bonne: oui
          - rect: 100 20 80 30
            description: deux
            bonne: oui
          - rect: 200 20 80 30
            description: trois
""", 6, "au plus la moitié des zones"),
    ("""          - rect: 10 20 80
            description: trois nombres seulement
            bonne: oui
          - rect: 100 20 80 30
            description: deux
          - rect: 200 20 80 30
            description: trois
""", 7, "écrivez quatre nombres"),
    ("""          - polygone: "10,10 20,20"
            description: deux points seulement
            bonne: oui
          - rect: 100 20 80 30
            description: deux
          - rect: 200 20 80 30
            description: trois
""", 7, "au moins trois points"),
])
def test_zone_mistakes_name_the_line(content_copy, zones, offset, fragment):
    first = add_zone(content_copy, zones)
    found = errors(content_copy)
    assert reported(found, first + offset, fragment), "\n".join(found)


def test_zone_needs_an_svg_with_a_viewbox(content_copy):
    (content_copy / "referential/images/sans-viewbox.svg").write_text(
        '<svg xmlns="http://www.w3.org/2000/svg"><rect width="10" height="10"/></svg>',
        encoding="utf-8")
    first = add_zone(content_copy, GOOD_ZONES, image="images/sans-viewbox.svg")
    found = errors(content_copy)
    assert reported(found, first + 3, "doit être un SVG avec un viewBox"), "\n".join(found)


def test_a_field_of_another_type_is_named(content_copy):
    path = content_copy / TUBE
    text = path.read_text(encoding="utf-8")
    old = "        champ: Votre mot\n"
    line = text[:text.index(old)].count("\n") + 1
    path.write_text(text.replace(old, old + "        propositions: [a, b]\n", 1), encoding="utf-8")
    found = errors(content_copy)
    assert reported(found, line + 1, "« propositions » ne s'utilise pas avec le type QROC"), found


def test_an_empty_list_of_accepted_answers_is_an_error(content_copy):
    path = content_copy / TUBE
    text = path.read_text(encoding="utf-8")
    line = text[:text.index("        reponses: [médiathèque]")].count("\n") + 1
    path.write_text(text.replace("        reponses: [médiathèque]", "        reponses: []", 1),
                    encoding="utf-8")
    found = errors(content_copy)
    assert reported(found, line, "« reponses » doit avoir au moins 1 élément"), found


def test_an_empty_group_of_any_order_answers_is_an_error_not_a_crash(content_copy):
    path = content_copy / TUBE
    text = path.read_text(encoding="utf-8")
    anchor = "        pourquoi: Les bonnes réponses étaient la première et la troisième.\n"
    line = text[:text.index(anchor) + len(anchor)].count("\n") + 1
    path.write_text(text.replace(anchor, anchor + """      - id: mots-de-passe-1d
        type: QROCM-dep
        consigne: Citez deux navigateurs.
        champs:
          - {cle: a, libelle: Premier}
          - {cle: b, libelle: Second}
        reponses:
          - [firefox]
          - []
        pourquoi: Firefox et Chrome sont des navigateurs.
""", 1), encoding="utf-8")
    found = errors(content_copy)
    assert reported(found, line + 8, "groupe de réponses vide"), found
