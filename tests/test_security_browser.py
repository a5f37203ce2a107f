"""The Content-Security-Policy in Chromium: the test still runs under it, injected script does not.

The test server sends the policy header on every response (as the .htaccess does), so the
engine's worker runs under it too; the pages also carry it in a <meta> tag.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from builder.security import CONTENT_SECURITY_POLICY, META_CONTENT_SECURITY_POLICY

from .support.server import serve_site
from .test_browser import answer_with_keyboard, question_number, wait_next

READY = "body[data-engine-ready]"

WATCH_VIOLATIONS = """() => {
  window.__violations = [];
  document.addEventListener('securitypolicyviolation',
    e => window.__violations.push(e.violatedDirective + ' ' + e.blockedURI));
}"""


@pytest.fixture
def csp_page(browser):
    context = browser.new_context(locale="fr-FR")
    requested: list[str] = []
    context.on("request", lambda r: requested.append(r.url))
    context.on("response", lambda r: requested.append("réponse " + r.url))
    page = context.new_page()
    console: list[str] = []
    page.on("console", lambda m: console.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: console.append(str(e)))
    yield page, console, requested
    context.close()


def test_the_policy_is_in_every_page_and_in_the_header(built_site: Path):
    for page in ("index.html", "test/index.html", "tutoriels/index.html", "404.html"):
        html = (built_site / page).read_text(encoding="utf-8")
        assert (f'<meta http-equiv="Content-Security-Policy" content="'
                f'{META_CONTENT_SECURITY_POLICY}">') in html.replace("&#39;", "'")
    assert "frame-ancestors" not in META_CONTENT_SECURITY_POLICY  # ignored in <meta>
    htaccess = (built_site / ".htaccess").read_text(encoding="utf-8")
    assert f'Header set Content-Security-Policy "{CONTENT_SECURITY_POLICY}"' in htaccess
    assert "'unsafe-inline'" not in CONTENT_SECURITY_POLICY
    assert "'unsafe-eval'" not in CONTENT_SECURITY_POLICY.replace("'wasm-unsafe-eval'", "")


def test_a_question_is_answered_under_the_policy_and_injected_script_is_blocked(built_site,
                                                                               csp_page):
    page, console, requested = csp_page
    with serve_site(built_site) as server:
        response = page.goto(server["url"] + "test/index.html?competence=4.1")
        assert response.headers["content-security-policy"] == CONTENT_SECURITY_POLICY
        page.evaluate(WATCH_VIOLATIONS)
        page.wait_for_selector(READY, timeout=60_000)  # Pyodide booted in the worker
        page.click("#start-button")
        page.wait_for_selector("#question:not([hidden])")
        answer_with_keyboard(page)
        wait_next(page, 1)
        assert question_number(page) == 2
        assert page.evaluate("window.__violations") == []
        assert not [m for m in console if "Content Security Policy" in m], console

        # An injected inline script and an inline event handler are refused by the browser.
        page.evaluate("""() => {
          const s = document.createElement('script');
          s.textContent = 'window.__pwned = "script"';
          document.body.appendChild(s);
          const b = document.createElement('button');
          b.setAttribute('onclick', 'window.__pwned = "handler"');
          document.body.appendChild(b);
          b.click();
          const i = document.createElement('img');
          i.src = 'https://tracker.example.org/pixel.png';
          document.body.appendChild(i);
        }""")
        page.wait_for_function("() => window.__violations.length >= 3")
        assert page.evaluate("window.__pwned") is None
        violations = page.evaluate("window.__violations")
        assert sum(v.startswith("script-src") for v in violations) >= 2, violations
        assert any(v.startswith("img-src") and "tracker.example.org" in v
                   for v in violations), violations
    assert not [u for u in requested if u.startswith("réponse https://tracker")]
    assert any(u.endswith("pyodide.asm.wasm") for u in requested)


SCRIPTED_SVG = """<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10">
<script>document.title = "pwned"; localStorage.setItem("stolen", "oui");</script>
<rect width="10" height="10" fill="#000"/>
</svg>
"""


def test_an_svg_opened_directly_cannot_run_script(built_site, tmp_path, csp_page):
    """The check refuses such an SVG; should one reach dist/ anyway, the header still blocks it."""
    page, _console, _requested = csp_page
    dist = tmp_path / "dist"
    shutil.copytree(built_site, dist)
    images = dist / "data" / "images"
    images.mkdir(parents=True, exist_ok=True)
    (images / "piege.svg").write_text(SCRIPTED_SVG, encoding="utf-8")
    with serve_site(dist) as server:
        page.goto(server["url"] + "data/images/piege.svg")
        page.wait_for_timeout(300)
        assert page.evaluate("document.title") != "pwned"
        assert page.evaluate("localStorage.getItem('stolen')") is None
