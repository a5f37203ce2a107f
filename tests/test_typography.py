"""French no-break spaces, inserted by the builder in Markdown text and in page text."""

from builder import markdown, typography
from builder.typography import NARROW_NBSP as NNBSP

NBSP_ENTITY = "&nbsp;"  # nh3 writes U+00A0 as an entity


def test_marks_get_a_no_break_space_in_markdown():
    html = markdown.render("Que faire ? Rien ! Note : voir « ici » ; fin")
    assert f"faire{NNBSP}?" in html and f"Rien{NNBSP}!" in html and f"ici{NBSP_ENTITY}»{NNBSP};" in html
    assert f"Note{NBSP_ENTITY}:" in html and f"«{NBSP_ENTITY}ici" in html
    assert " ?" not in html and " :" not in html


def test_a_line_break_before_a_mark_becomes_a_no_break_space():
    assert markdown.render("Vous êtes sûr\n?") == f"<p>Vous êtes sûr{NNBSP}?</p>\n"


def test_code_urls_and_attributes_are_never_touched():
    html = markdown.render("Tapez `a ? b : c` puis [lien ?](https://x.fr/?q=1 \"titre ?\") à 10:30")
    assert "<code>a ? b : c</code>" in html
    assert 'href="https://x.fr/?q=1"' in html and 'title="titre ?"' in html
    assert f"lien{NNBSP}?" in html and "10:30" in html


def test_proposals_and_anchored_tutorials_too():
    assert markdown.render_inline("Oui ?") == f"Oui{NNBSP}?"
    html = markdown.render("## Étape 2 : le mot de passe\n\nPrêt ?", anchors=True)
    assert 'id="etape-2-le-mot-de-passe"' in html and f"Prêt{NNBSP}?" in html


def test_page_text_skips_tags_scripts_and_code():
    page = ('<p title="a ?">Vraiment ?</p><script type="application/json">{"a": "b ?"}</script>'
            "<pre>x ? y</pre><p>Contact : ici</p>")
    out = typography.page_text(page)
    assert out == (f'<p title="a ?">Vraiment{NNBSP}?</p><script type="application/json">'
                   '{"a": "b ?"}</script><pre>x ? y</pre><p>Contact\u00a0: ici</p>')
    assert typography.page_text(out) == out


def test_built_pages_never_start_a_line_with_a_mark(built_site):
    """Every built page: template texts and content alike have no breakable space before a mark."""
    import re
    pages = sorted(built_site.rglob("*.html"))
    assert len(pages) > 5
    for path in pages:
        html = path.read_text(encoding="utf-8")
        text = re.sub(r"<(script|style|pre|code)\b.*?</\1>", "", html, flags=re.S)
        text = re.sub(r"<[^>]*>", "", text)
        bad = re.search(r".{0,30}[ \t\r\n][?!;:»].{0,10}", text)
        assert not bad, (path, bad and bad.group())
        assert not re.search(r"«[ \t\r\n]", text), path
    about = (built_site / "a-propos" / "index.html").read_text(encoding="utf-8")
    assert "compte\u00a0: vos" in about or f"compte{NBSP_ENTITY}: vos" in about
