"""Offline mode in Chromium: the service worker stores the site after a first visit or on
« Préparer ce poste », the site then works with the network cut, an update never breaks an open
test, and a plain-HTTP host says offline mode needs HTTPS."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from builder.build import build

from .conftest import ROOT, insecure_url
from .support.server import serve_site
from .test_browser import READY, answer_with_keyboard, question_number, stored, wait_next

STORED = "() => document.documentElement.dataset.offlineVersion"
UPDATE = "Une nouvelle version de Diagnum est prête : elle sera utilisée au prochain chargement de la page."
CACHED_PATHS = """async () => {
  const names = (await caches.keys()).filter((n) => n.startsWith('diagnum-v-'));
  const result = {};
  for (const name of names) {
    const cache = await caches.open(name);
    result[name] = (await cache.keys()).map((r) => r.url);
  }
  return result;
}"""


def _context(browser):
    context = browser.new_context(locale="fr-FR", viewport={"width": 1000, "height": 900})
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    return context, page, errors


def _manifest(dist: Path) -> dict:
    return json.loads((dist / "offline-manifest.json").read_text(encoding="utf-8"))


def _finish_test(page) -> None:
    page.click("#start-button")
    page.wait_for_selector("#question:not([hidden])")
    for _ in range(60):
        if page.is_visible("#results"):
            break
        number = question_number(page)
        answer_with_keyboard(page)
        wait_next(page, number)
    page.wait_for_selector("#results:not([hidden])")


def test_the_whole_site_works_offline_after_a_first_visit(built_site, browser):
    tutorial = next(p for p in (built_site / "tutoriels").iterdir() if p.is_dir())
    context, page, errors = _context(browser)
    with serve_site(built_site) as server:
        url = server["url"]
        page.goto(url + "test/index.html?competence=4.1")
        page.wait_for_selector(READY, timeout=60_000)
        # Stored only once the engine is ready and the page idle.
        page.wait_for_function(STORED, timeout=120_000)
        assert page.evaluate(STORED) == _manifest(built_site)["version"]
    # The server is gone and the browser is offline: everything comes from this computer.
    context.set_offline(True)
    page.goto(url + "index.html")
    assert page.locator("h1").first.is_visible()
    assert "Ce poste est prêt" in page.text_content("#offline-status")
    page.goto(url + f"tutoriels/{tutorial.name}/index.html")
    assert page.locator("h1").first.is_visible()
    page.goto(url + "test/index.html?competence=4.1")
    page.wait_for_selector(READY, timeout=60_000)
    _finish_test(page)
    assert stored(page)["profiles"]["p1"]["history"][-1]["record"]["status"] == "finished"
    page.screenshot(path=str(ROOT / ".cache" / "offline-results.png"))
    context.close()
    assert not errors, errors


def test_prepare_this_computer_stores_every_file(built_site, browser):
    context, page, errors = _context(browser)
    with serve_site(built_site) as server:
        page.goto(server["url"] + "index.html")
        button = page.get_by_role("button", name="Préparer ce poste")
        button.click()
        page.wait_for_function(
            "() => document.getElementById('offline-status').textContent.startsWith(\"C'est fait\")",
            timeout=120_000)
        status = page.text_content("#offline-status")
        assert "ce poste est prêt" in status and "sans connexion" in status
        assert page.evaluate("() => { const p = document.getElementById('offline-progress');"
                             " return p.value === p.max && p.max > 0; }")
        page.screenshot(path=str(ROOT / ".cache" / "offline-prepared.png"))
        manifest = _manifest(built_site)
        cached = page.evaluate(CACHED_PATHS)
        assert list(cached) == [f"diagnum-v-{manifest['version']}"]
        urls = set(next(iter(cached.values())))
        expected = {server["url"] + path for path in manifest["files"]}
        expected.add(server["url"] + "offline-manifest.json")
        assert urls == expected
        # Precompressed variants are never stored: the browser's decoded copy is.
        assert not [u for u in urls if u.endswith((".br", ".gz"))]
        # The stored wasm is the real file, decoded.
        size = page.evaluate("""async () => {
          const cache = await caches.open((await caches.keys()).find((n) => n.startsWith('diagnum-v-')));
          const hit = (await cache.keys()).find((r) => r.url.endsWith('pyodide.asm.wasm'));
          return (await (await cache.match(hit)).arrayBuffer()).byteLength; }""")
        wasm = next(built_site.glob("pyodide/*/pyodide.asm.wasm"))
        assert size == wasm.stat().st_size
    context.close()
    assert not errors, errors


def test_an_update_never_breaks_an_open_test(built_site, content_copy, tmp_path, browser):
    dist = tmp_path / "dist"
    shutil.copytree(built_site, dist)
    old = _manifest(dist)["version"]
    context, page, errors = _context(browser)
    with serve_site(dist) as server:
        page.goto(server["url"] + "test/index.html?competence=4.1")
        page.wait_for_selector(READY, timeout=60_000)
        page.wait_for_function(STORED, timeout=120_000)
        page.reload()   # now served by the stored version
        page.wait_for_selector(READY, timeout=60_000)
        page.click("#start-button")
        page.wait_for_selector("#question:not([hidden])")
        answer_with_keyboard(page)
        wait_next(page, 1)

        # The centre publishes a new version while the learner is on question 2.
        site_yaml = content_copy / "site.yaml"
        site_yaml.write_text(site_yaml.read_text(encoding="utf-8").replace(
            "titre: Faites le point sur vos compétences numériques",
            "titre: Une version toute neuve de l'accueil"), encoding="utf-8")
        build(content_copy, dist, ROOT, log=lambda _msg: None)
        new = _manifest(dist)["version"]
        assert new != old
        # The page checks again when it comes back to the front (here: a focus event).
        page.evaluate("() => window.dispatchEvent(new Event('focus'))")
        page.wait_for_function(
            "t => (document.getElementById('offline-update') || {}).textContent === t",
            arg=UPDATE, timeout=120_000)
        page.screenshot(path=str(ROOT / ".cache" / "offline-update.png"))
        assert page.evaluate(STORED) == new
        # The test goes on, on the version it started with.
        assert question_number(page) == 2
        answer_with_keyboard(page)
        wait_next(page, 2)
        assert question_number(page) == 3
        saved = stored(page)["profiles"]["p1"]["sessions"]["competence:4.1"]["state"]
        assert len(saved["answers"]) == 2

        # A reload takes the new version; the answers are kept.
        page.reload()
        page.wait_for_selector(READY, timeout=60_000)
        assert page.locator("#offline-update").count() == 0
        assert page.is_visible("#resume-button")
        page.goto(server["url"] + "index.html")
        assert page.text_content("h1") == "Une version toute neuve de l'accueil"
        cached = page.evaluate(CACHED_PATHS)
        assert f"diagnum-v-{new}" in cached
    context.close()
    assert not errors, errors


def test_plain_http_says_offline_needs_https_and_works_online(built_site, insecure_browser):
    with serve_site(built_site) as server:
        context = insecure_browser.new_context(locale="fr-FR")
        page = context.new_page()
        page.goto(insecure_url(server["url"]) + "a-propos/index.html")
        note = page.locator("#offline-insecure")
        note.wait_for(state="visible")
        # The builder puts a narrow no-break space before « ; » (French typography).
        assert " ".join(note.text_content().replace("\u202f", " ").split()) == (
            "Le mode hors ligne demande une adresse en https:// ; le site fonctionne en ligne.")
        assert not page.get_by_role("button", name="Préparer ce poste").is_visible()
        assert page.evaluate("() => 'serviceWorker' in navigator") is False
        context.close()


def test_diagnum_serve_never_registers_the_service_worker(content_copy, tmp_path, browser):
    from builder.serve import DevServer

    dev = DevServer(content_copy, tmp_path / "dist", ROOT, port=0, log=lambda _m: None)
    assert dev.rebuild() is None
    dev.start(watch=False)
    try:
        context, page, errors = _context(browser)
        page.goto(dev.url + "index.html")   # 127.0.0.1: a secure context, so it could register
        page.wait_for_function("() => document.readyState === 'complete'")
        page.wait_for_timeout(500)
        assert page.evaluate(
            "async () => (await navigator.serviceWorker.getRegistrations()).length") == 0
        assert page.evaluate("() => document.getElementById('offline-panel').hidden")
        # A worker registered by an earlier visit of this address removes itself.
        worker = page.evaluate("async () => (await fetch('sw.js')).text()")
        assert "unregister" in worker and "precache" not in worker
        context.close()
        assert not errors, errors
    finally:
        dev.shutdown()
