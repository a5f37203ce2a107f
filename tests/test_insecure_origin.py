"""A centre's host without HTTPS: the page is not a secure context, and the test still works."""

from __future__ import annotations

from .conftest import insecure_url
from .support.server import PREFIX, serve_site
from .test_browser import READY, answer_with_keyboard, question_number, stored, wait_next


def test_a_test_runs_on_a_plain_http_host(built_site, insecure_browser):
    with serve_site(built_site) as server:
        url = insecure_url(server["url"])
        assert url.startswith("http://diagnum.test:") and url.endswith(PREFIX)
        context = insecure_browser.new_context(locale="fr-FR")
        page = context.new_page()
        errors: list[str] = []
        page.on("pageerror", lambda e: errors.append(str(e)))
        page.goto(url + "test/index.html?competence=4.1")
        assert page.evaluate("window.isSecureContext") is False
        assert page.evaluate("location.hostname") == "diagnum.test"
        page.wait_for_selector(READY, timeout=60_000)
        page.click("#start-button")
        page.wait_for_selector("#question:not([hidden])")
        assert question_number(page) == 1
        answer_with_keyboard(page)
        wait_next(page, 1)
        assert question_number(page) == 2
        saved = stored(page)["profiles"]["p1"]["sessions"]["competence:4.1"]["state"]
        assert len(saved["answers"]) == 1
        context.close()
        assert not errors, errors
