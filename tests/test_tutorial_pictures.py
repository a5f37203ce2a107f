"""Pictures in tutorials: ``![alt](images/nom.svg "légende")`` names an SVG of
content/referential/images/; every problem is reported with its file and line, all at once, and a
good picture reaches the page as a figure with its text alternative, its size and an address that
works from the site's sub-folder."""

from __future__ import annotations

import re
import shutil
from html.parser import HTMLParser
from pathlib import Path

import pytest

from builder.build import build
from builder.diagnostics import ContentError
from builder.loading import load_and_check
from builder.markdown import sanitise
from builder.stats import covers_phone_and_computer, format_stats

from .conftest import FIXTURE_CONTENT, ROOT

TUTORIAL = "tutorials/guide-arnaques.md"
ALT = "Un SMS qui demande de payer 1,99 euro par un lien raccourci"
PICTURE = f'![{ALT}](images/4.1-faux-message.svg "Un faux message de livraison")'
DEVICES = """
## Sur un téléphone

Ouvrez l'application Messages.

## Sur un ordinateur

Ouvrez votre messagerie dans le navigateur.
"""


def _edit(content: Path, old: str, new: str) -> int:
    """Replace ``old`` in the fixture tutorial; return the file line where ``new`` starts."""
    path = content / TUTORIAL
    text = path.read_text(encoding="utf-8")
    assert old in text
    text = text.replace(old, new, 1)
    path.write_text(text, encoding="utf-8")
    return text[:text.index(new)].count("\n") + 1


def _with_picture(content: Path) -> None:
    _edit(content, "## Les étapes\n", f"## Les étapes\n\n{PICTURE}\n" + DEVICES + "\n## Ensuite\n")


class _Images(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.images: list[dict[str, str]] = []
        self.stack: list[str] = []
        self.captions: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.stack.append(tag)
        if tag == "img":
            self.images.append({**dict(attrs), "parent": self.stack[-2]})
            self.stack.pop()

    def handle_endtag(self, tag):
        if self.stack and self.stack[-1] == tag:
            self.stack.pop()

    def handle_data(self, data):
        if self.stack and self.stack[-1] == "figcaption":
            self.captions.append(data)


@pytest.fixture(scope="module")
def pictured_site(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("tutopics")
    shutil.copytree(FIXTURE_CONTENT, root / "content")
    _with_picture(root / "content")
    build(root / "content", root / "dist", ROOT, log=lambda _m: None, precompress=False)
    return root / "dist"


def test_a_good_picture_is_a_figure_with_its_alt_size_and_a_relative_address(pictured_site):
    page = pictured_site / "tutoriels/guide-arnaques/index.html"
    parser = _Images()
    parser.feed(page.read_text(encoding="utf-8"))
    pictures = [i for i in parser.images if "faux-message" in i.get("src", "")]
    assert len(pictures) == 1
    (img,) = pictures
    assert img["alt"] == ALT
    assert img["src"] == "../../data/images/4.1-faux-message.svg"
    assert (page.parent / img["src"]).resolve().is_file()
    assert img["parent"] == "figure"
    assert parser.captions == ["Un faux message de livraison"]
    box = re.search(r'viewBox="0 0 (\d+) (\d+)"', (ROOT / "tests/fixtures/content/referential/"
                                                    "images/4.1-faux-message.svg").read_text())
    assert (img["width"], img["height"]) == box.groups()
    # Copied once, where challenges' pictures go; the page loads the zoom only when it has one.
    assert [p.name for p in (pictured_site / "data").rglob("4.1-faux-message.svg")] == \
        ["4.1-faux-message.svg"]
    assert "tutorial.js" in page.read_text(encoding="utf-8")
    other = (pictured_site / "tutoriels/guide-mots-cles/index.html").read_text(encoding="utf-8")
    assert "tutorial.js" not in other


def _line_of(content: Path, needle: str) -> int:
    text = (content / TUTORIAL).read_text(encoding="utf-8")
    assert text.count(needle) == 1, needle
    return text[:text.index(needle)].count("\n") + 1


def test_every_bad_picture_is_reported_with_its_line_at_once(content_copy, previous_dist):
    before = (previous_dist / "index.html").read_text(encoding="utf-8")
    pictures = {
        "alt": "![](images/4.1-faux-message.svg)",
        "short": "![Image](images/4.1-faux-message.svg)",
        "missing": "![Un message de livraison qui demande de payer](images/4.1-faux-mesage.svg)",
        "external": "![Le logo d'un site de livraison connu](https://exemple.fr/logo.svg)",
        "folder": "![Une page de résultats de recherche sur un téléphone]"
                  "(../referential/images/4.1-faux-message.svg)",
        "bad": "![Un écran qui cache un programme malveillant](images/4.1-mauvais.svg)",
    }
    _edit(content_copy, "## À retenir\n", "## À retenir\n\n" + "\n\n".join(pictures.values())
          + "\n\nUne phrase ![un message de livraison frauduleux](images/4.1-faux-message.svg)"
            " dans le texte.\n")
    (content_copy / "referential/images/4.1-mauvais.svg").write_text(
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10">\n'
        '<script>alert(1)</script>\n</svg>\n', encoding="utf-8")
    lines = {key: _line_of(content_copy, value) for key, value in pictures.items()}
    inline = _line_of(content_copy, "Une phrase ![")
    with pytest.raises(ContentError) as caught:
        build(content_copy, previous_dist, ROOT, log=lambda _m: None, precompress=False)
    report = str(caught.value)
    where = f"{TUTORIAL}:"
    assert f"{where}{lines['alt']}: image sans texte alternatif" in report
    assert f"{where}{lines['short']}: texte alternatif « Image » trop court" in report
    assert (f"{where}{lines['missing']}: image introuvable : content/referential/images/"
            "4.1-faux-mesage.svg ; vouliez-vous dire « images/4.1-faux-message.svg » ?") in report
    assert f"{where}{lines['external']}: image externe « https://exemple.fr/logo.svg »" in report
    assert (f"{where}{lines['folder']}: image « ../referential/images/4.1-faux-message.svg » : "
            "une image de tutoriel est un fichier SVG") in report
    assert f"{where}{inline}: une image se met seule dans son paragraphe" in report
    assert "images/4.1-mauvais.svg:2: script interdit dans une illustration" in report
    assert (previous_dist / "index.html").read_text(encoding="utf-8") == before


def test_sanitiser_keeps_a_figure_and_only_what_a_picture_needs():
    html = sanitise('<figure class="x" onclick="y()"><img src="a.svg" alt="Un écran" width="10" '
                    'height="20" style="color:red" onerror="z()"><figcaption>Légende'
                    '</figcaption></figure>')
    assert html == ('<figure><img src="a.svg" alt="Un écran" width="10" height="20">'
                    "<figcaption>Légende</figcaption></figure>")


def test_stats_count_pictures_and_phone_and_computer_sections(content_copy):
    content, problems = load_and_check(content_copy)
    before = format_stats(content)
    assert "Tutoriels avec images : 0 sur 4 (0 image)" in before
    assert "Tutoriels avec « Sur un téléphone » et « Sur un ordinateur » : 0 sur 4" in before
    _with_picture(content_copy)
    content, problems = load_and_check(content_copy)
    assert not problems.errors, problems.errors
    after = format_stats(content)
    assert "Tutoriels avec images : 1 sur 4 (1 image)" in after
    assert "Tutoriels avec « Sur un téléphone » et « Sur un ordinateur » : 1 sur 4" in after
    assert not covers_phone_and_computer("## Sur un téléphone\n\nTexte.\n")
    assert covers_phone_and_computer("### Sur un téléphone Android\n\n### Sur un ordinateur\n")


def test_word_count_leaves_out_a_pictures_text_alternative():
    from builder.markdown import word_count

    text = "Trois mots ici.\n\n![Une très longue description de ce que montre l'image](images/a.svg)\n"
    assert word_count(text) == 3


def test_a_picture_only_a_tutorial_shows_is_used_and_copied(content_copy, tmp_path):
    images = content_copy / "referential/images"
    shutil.copy(images / "4.1-faux-message.svg", images / "4.1-pour-tutoriel.svg")
    _, problems = load_and_check(content_copy)
    assert any("4.1-pour-tutoriel.svg" in str(w) and "inutilisé" in str(w)
               for w in problems.warnings)
    _edit(content_copy, "## À retenir\n", "## À retenir\n\n![Un SMS qui demande de payer des frais "
                                          "de livraison](images/4.1-pour-tutoriel.svg)\n")
    _, problems = load_and_check(content_copy)
    assert not problems.errors, problems.errors
    assert not any("4.1-pour-tutoriel.svg" in str(w) for w in problems.warnings)
    dist = tmp_path / "dist"
    build(content_copy, dist, ROOT, log=lambda _m: None, precompress=False)
    assert (dist / "data/images/4.1-pour-tutoriel.svg").is_file()
