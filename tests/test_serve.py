"""``diagnum serve``: prints its URL, serves the right MIME types, rebuilds when content changes."""

from __future__ import annotations

import http.client
import re
import subprocess
import sys
import time
import urllib.parse
import urllib.request

from .conftest import ROOT


def _check_caching_and_keep_alive(url: str, home: str) -> None:
    """A reload asks again for the page and unversioned files, not for versioned ones, and its
    requests share one connection."""
    css = re.search(r'href="(static/site\.css\?v=[0-9a-f]+)"', home).group(1)
    connection = http.client.HTTPConnection(urllib.parse.urlsplit(url).netloc, timeout=30)
    try:
        expected = {"/index.html": "no-cache", "/" + css: "immutable",
                    "/static/favicon.svg": "no-cache"}
        for path, cache_control in expected.items():
            connection.request("GET", path)
            response = connection.getresponse()
            response.read()
            assert response.status == 200 and response.version == 11
            assert cache_control in response.headers["Cache-Control"], path
            assert response.headers.get("Connection", "").lower() != "close"
        assert connection.sock is not None  # still the first connection: kept alive
    finally:
        connection.close()


def test_serve_builds_serves_and_rebuilds(content_copy, tmp_path):
    dist = tmp_path / "dist"
    process = subprocess.Popen(
        [sys.executable, "-m", "builder", "--content", str(content_copy), "--root", str(ROOT),
         "serve", "--port", "0", "-o", str(dist)],
        cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        url = None
        deadline = time.monotonic() + 120
        while url is None and time.monotonic() < deadline:
            line = process.stdout.readline()
            match = re.search(r"(http://127\.0\.0\.1:\d+/)", line)
            url = match.group(1) if match else None
        assert url, "no URL printed"
        with urllib.request.urlopen(url + "index.html") as response:
            assert "Faites le point" in response.read().decode()
        wasm = next(dist.glob("pyodide/*/pyodide.asm.wasm")).relative_to(dist).as_posix()
        with urllib.request.urlopen(url + wasm) as response:
            assert response.headers["Content-Type"] == "application/wasm"
        with urllib.request.urlopen(url + "static/worker.mjs") as response:
            assert response.headers["Content-Type"].startswith("text/javascript")
        _check_caching_and_keep_alive(url, (dist / "index.html").read_text(encoding="utf-8"))

        tube = content_copy / "referential/4.1/arnaques.yaml"
        tube.write_text(tube.read_text(encoding="utf-8").replace(
            "titre: Les arnaques", "titre: Les arnaques en ligne"), encoding="utf-8")
        deadline = time.monotonic() + 60
        page = ""
        while "Les arnaques en ligne" not in page and time.monotonic() < deadline:
            time.sleep(0.5)
            with urllib.request.urlopen(url + "competences/4.1/index.html") as response:
                page = response.read().decode()
        assert "Les arnaques en ligne" in page
    finally:
        process.terminate()
        process.wait(timeout=10)


def test_the_deferred_steps_wait_for_the_served_requests_to_end():
    """The steps no page waits for start only once the page's reload has been served."""
    import threading

    from builder.serve import Activity

    activity = Activity()
    activity.begin()  # the reloaded page is being served
    ended = []
    thread = threading.Thread(target=lambda: (time.sleep(0.3), ended.append(time.monotonic()),
                                              activity.end()))
    thread.start()
    activity.wait_quiet(quiet=0.1, limit=10)
    returned = time.monotonic()
    thread.join()
    assert ended and returned >= ended[0] + 0.1
    # Nothing in flight: it waits the quiet period from now, no more than the limit.
    started = time.monotonic()
    activity.wait_quiet(quiet=0.05, limit=10)
    assert 0.05 <= time.monotonic() - started < 5
