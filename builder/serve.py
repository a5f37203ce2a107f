"""``diagnum serve``: build, serve dist/ on localhost, rebuild and reload the page on every change.

Standard library only (MkDocs' livereload is the model). Whatever goes wrong in a rebuild (content
errors, a broken template, a crash of the builder), the error is printed in French with its file
and line, shown in the open page, and the last good site keeps being served: the loop never stops.
The live-reload script is injected into the pages as they are served, never into dist/.
"""

from __future__ import annotations

import errno
import functools
import gc
import hashlib
import http.server
import json
import mimetypes
import shutil
import threading
import time
import traceback
import urllib.parse
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from . import build as build_module
from . import watch as watching
from .assets import AssetError
from .failures import Failure, describe
from .security import CONTENT_SECURITY_POLICY

mimetypes.add_type("application/wasm", ".wasm")
mimetypes.add_type("text/javascript", ".mjs")
mimetypes.add_type("text/javascript", ".js")
mimetypes.add_type("image/svg+xml", ".svg")

RELOAD_PREFIX = "/.diagnum/"
RELOAD_SCRIPT = Path(__file__).parent / "js" / "livereload.js"
LONG_POLL_SECONDS = 20  # how long a page's request waits for the next build
IDLE_SECONDS = 2        # no change for this long: the editor is reading, collect garbage
QUIET_SECONDS = 0.15    # after a rebuild, the deferred steps wait for the page's reload to end…
QUIET_LIMIT_SECONDS = 2  # …but no longer than this


@dataclass
class BuildState:
    """The outcome of the latest build attempt, shared by the watcher and the page requests."""

    attempt: int = 0            # number of finished build attempts
    good: int = 0               # the attempt whose site is being served
    failure: Failure | None = None
    changed: threading.Condition = field(default_factory=threading.Condition)

    def record(self, failure: Failure | None) -> None:
        with self.changed:
            self.attempt += 1
            if failure is None:
                self.good = self.attempt
            self.failure = failure
            self.changed.notify_all()

    def wait(self, since: str, timeout: float) -> dict:
        with self.changed:
            if since == str(self.attempt):
                self.changed.wait(timeout)
            return {"attempt": self.attempt, "good": self.good, "ok": self.failure is None,
                    "summary": self.failure.summary if self.failure else "",
                    "errors": self.failure.lines if self.failure else []}


@functools.cache
def _reload_script_version() -> str:
    return hashlib.sha256(RELOAD_SCRIPT.read_bytes()).hexdigest()[:10]


class Activity:
    """What the server is doing for pages: the steps no page waits for start once it is quiet,
    so that they never hold Python's lock while the reloaded page asks for its files."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.in_flight = 0
        self.last = time.monotonic()

    def begin(self) -> None:
        with self.lock:
            self.in_flight += 1
            self.last = time.monotonic()

    def end(self) -> None:
        with self.lock:
            self.in_flight -= 1
            self.last = time.monotonic()

    def wait_quiet(self, quiet: float = QUIET_SECONDS, limit: float = QUIET_LIMIT_SECONDS) -> None:
        """Return once no request has been served for ``quiet`` seconds, counted from now: the
        page told of a new build asks for itself a few milliseconds later (or after ``limit``)."""
        with self.lock:
            self.last = max(self.last, time.monotonic())
        deadline = time.monotonic() + limit
        while (now := time.monotonic()) < deadline:
            with self.lock:
                idle = self.in_flight == 0 and now - self.last >= quiet
            if idle:
                return
            time.sleep(0.02)


def _inject(html: str, good: int) -> bytes:
    # The id also tells static/offline.js not to register the offline service worker here. The
    # version in the URL lets the browser keep the script through the reloads.
    tag = (f'<script src="{RELOAD_PREFIX}livereload.js?v={_reload_script_version()}" '
           f'data-good="{good}" '
           'id="diagnum-livereload" defer></script>')
    at = html.rfind("</body>")
    html = html[:at] + tag + html[at:] if at >= 0 else html + tag
    return html.encode("utf-8")


# What ``diagnum serve`` sends for the site's service worker: one that removes itself and the
# stored copies of the site (static/sw.js's caches, not a learner's), so that a worker
# registered by an earlier visit of this address (a built site served another way) never shows
# an editor a stale page.
SELF_REMOVING_WORKER = b"""\
self.addEventListener("install", () => self.skipWaiting());
self.addEventListener("activate", (event) => event.waitUntil((async () => {
  for (const name of await caches.keys()) {
    if (name.startsWith("diagnum-v-") || name === "diagnum-meta") await caches.delete(name);
  }
  await self.registration.unregister();
  for (const client of await self.clients.matchAll({ type: "window" })) client.navigate(client.url);
})()));
"""


PLACEHOLDER = """<!doctype html>
<html lang="fr"><head><meta charset="utf-8"><title>Site en attente — Diagnum</title></head>
<body><main><h1>Le site n'a pas encore pu être construit</h1>
<p>Corrigez les erreurs affichées ci-dessous et dans le terminal, puis enregistrez :
cette page se rechargera d'elle-même.</p></main></body></html>
"""


def _cache_control(path: str) -> str:
    """Files whose URL names their version (``?v=<hash>``, ``pyodide/<version>/``) never change
    under that URL: the browser keeps them through a reload. Everything else is asked again."""
    url = urllib.parse.urlsplit(path)
    versioned = "v" in urllib.parse.parse_qs(url.query) or url.path.startswith("/pyodide/")
    return "public, max-age=31536000, immutable" if versioned else "no-cache"


class SiteHandler(http.server.SimpleHTTPRequestHandler):
    """Serves dist/ with the right types, the site's CSP, and the live reload."""

    # Keep-alive: a reload's dozen requests share a few connections instead of one each.
    protocol_version = "HTTP/1.1"
    state: BuildState
    activity: Activity

    def end_headers(self) -> None:
        self.send_header("Cache-Control", _cache_control(self.path))
        self.send_header("Content-Security-Policy", CONTENT_SECURITY_POLICY)
        super().end_headers()

    def do_GET(self) -> None:
        url = urllib.parse.urlsplit(self.path)
        if url.path.startswith(RELOAD_PREFIX):
            return self._reload_endpoint(url)  # a long-poll waits: it is no work in progress
        self.activity.begin()
        try:
            self._get(url)
        finally:
            self.activity.end()

    def _get(self, url: urllib.parse.SplitResult) -> None:
        if url.path == "/sw.js":
            return self._send(200, "text/javascript; charset=utf-8", SELF_REMOVING_WORKER)
        local = Path(self.translate_path(url.path))
        if local.is_dir():
            if not url.path.endswith("/"):
                return super().do_GET()  # the standard redirect to the folder's URL
            local = local / "index.html"
        site = Path(self.directory)
        if local.suffix == ".html" or not local.suffix:
            if not (site / "index.html").is_file():
                return self._send(200, "text/html; charset=utf-8", _inject(PLACEHOLDER, 0))
            if local.is_file():
                return self._send_page(200, local)
            if (site / "404.html").is_file():
                return self._send_page(404, site / "404.html")
        return super().do_GET()

    def _send_page(self, status: int, path: Path) -> None:
        html = path.read_text(encoding="utf-8")
        self._send(status, "text/html; charset=utf-8", _inject(html, self.state.good))

    def _send(self, status: int, content_type: str, body: bytes) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def _reload_endpoint(self, url: urllib.parse.SplitResult) -> None:
        name = url.path[len(RELOAD_PREFIX):]
        if name == "livereload.js":
            return self._send(200, "text/javascript; charset=utf-8", RELOAD_SCRIPT.read_bytes())
        if name == "livereload":
            since = urllib.parse.parse_qs(url.query).get("since", ["-1"])[0]
            body = json.dumps(self.state.wait(since, LONG_POLL_SECONDS), ensure_ascii=False)
            return self._send(200, "application/json; charset=utf-8", body.encode("utf-8"))
        self.send_error(404)

    def log_message(self, format: str, *args) -> None:
        pass


class _Server(http.server.ThreadingHTTPServer):
    daemon_threads = True     # a waiting long-poll never blocks Ctrl+C
    block_on_close = False


def _remove_in_background(paths: list[Path]) -> threading.Thread:
    """Delete replaced sites in a thread. Not a daemon thread, so that quitting still finishes
    the deletion."""
    thread = threading.Thread(
        target=lambda: [shutil.rmtree(p, ignore_errors=True) for p in paths],
        name="diagnum-remove-old-sites")
    thread.start()
    return thread


class DevServer:
    """The build-watch-serve loop; ``serve`` runs it until Ctrl+C, tests start and stop it."""

    def __init__(self, content: Path, output: Path, root: Path, host: str = "127.0.0.1",
                 port: int = 8000, log: Callable[[str], None] | None = None) -> None:
        self.content, self.output, self.root = content, output, root
        self.log = log or functools.partial(print, flush=True)
        self.state = BuildState()
        self.activity = Activity()
        handler_cls = type("Handler", (SiteHandler,),
                           {"state": self.state, "activity": self.activity})
        handler = functools.partial(handler_cls, directory=str(output.resolve()))
        self.server = _Server((host, port), handler)  # raises OSError (port in use) before building
        self._threads: list[threading.Thread] = []
        self._collect_when_idle = False
        self._watcher: watching.Watcher | None = None
        # Sites replaced by a rebuild, deleted once the editor is idle: deleting a thousand
        # files while the next rebuild writes its own slowed both on a busy disk.
        self._replaced: list[Path] = []

    @property
    def url(self) -> str:
        host, port = self.server.server_address[:2]
        return f"http://{host}:{port}/"

    def rebuild(self) -> Failure | None:
        """One build attempt; never raises (except Ctrl+C): a failure is printed and recorded.

        The page is told as soon as the new site is in place; the steps it does not wait for
        run after that, and Python's cycle collector is held off until the editor is idle."""
        later: list[Callable[[], None]] = []
        gc.disable()
        try:
            failure = self._build(later)
            self.state.record(failure)
            if later:
                self.activity.wait_quiet()
            for job in later:
                try:
                    job()
                except Exception as exc:  # an engine that fails on the first questions
                    failure = self._report(exc, "Le nouveau site est servi, mais sans les "
                                           "premières questions précalculées.")
                    self.state.record(failure)
        finally:
            self._collect_when_idle = True
            gc.enable()
        return failure

    def _build(self, later: list[Callable[[], None]]) -> Failure | None:
        try:
            self.log(build_module.build(self.content, self.output, self.root, log=self.log,
                                         precompress=False, remove=self._replaced.append,
                                         defer=later.append))
            return None
        except Exception as exc:
            return self._report(exc, "Le site servi reste la dernière version valide.")

    def _report(self, exc: Exception, outcome: str) -> Failure:
        failure = describe(exc, self.root)
        for line in failure.lines:
            self.log(line)
        if failure.details:
            self.log("Détails techniques :\n" + failure.details.rstrip())
        self.log(f"Reconstruction annulée : {failure.summary} {outcome}")
        return failure

    def when_idle(self) -> None:
        """What waits until the editor has been idle a moment: deleting the replaced sites, and
        Python's cycle collector, which walks every live object (the content's caches are
        hundreds of thousands: a pass during a rebuild cost it 0.2 s); what survives is then
        frozen out of later passes (gc.freeze, made for long-lived data like these caches)."""
        if self._replaced:
            replaced, self._replaced = self._replaced, []
            _remove_in_background(replaced)
        if self._collect_when_idle:
            self._collect_when_idle = False
            gc.unfreeze()
            gc.collect()
            gc.freeze()

    def _watched(self) -> list[Path]:
        return [self.content, self.root / "site_templates", self.root / "engine"]

    def watch(self, watcher: watching.Watcher) -> None:
        """Rebuild on every change the watcher sees, until it is closed."""
        last_change = time.monotonic()
        try:
            while (changed := watcher.wait()) is not None:
                if changed:
                    self.log("Changement détecté, reconstruction…")
                    try:
                        self.rebuild()
                    except Exception:  # the loop itself must survive anything
                        self.log("Erreur inattendue de la surveillance :\n"
                                 + traceback.format_exc())
                    last_change = time.monotonic()
                elif time.monotonic() - last_change >= IDLE_SECONDS:
                    self.when_idle()
        finally:
            watcher.release()

    def start(self, watch: bool = True) -> None:
        """Serve and watch in background threads (the first build must be done already)."""
        targets = [self.server.serve_forever]
        if watch:
            # The files as they are when start() is called, not when the thread gets to run:
            # an edit made right after start() is a change.
            self._watcher = watching.Watcher(self._watched())
            targets.append(functools.partial(self.watch, self._watcher))
        for target in targets:
            thread = threading.Thread(target=target, daemon=True)
            thread.start()
            self._threads.append(thread)

    def shutdown(self) -> None:
        if self._watcher is not None:
            self._watcher.close()
        if self._threads:  # shutdown() waits for serve_forever, so only once it has started
            self.server.shutdown()
        self.server.server_close()
        for thread in self._threads:
            thread.join(timeout=60)  # a rebuild in progress ends first
        if self._replaced:
            _remove_in_background(self._replaced).join()
            self._replaced = []


def serve(content: Path, output: Path, root: Path, host: str = "127.0.0.1", port: int = 8000,
          watch: bool = True) -> int:
    try:
        dev = DevServer(content, output, root, host, port)
    except OSError as exc:
        if exc.errno == errno.EADDRINUSE:
            print(f"Le port {port} est déjà utilisé par un autre programme (peut-être un autre "
                  f"« diagnum serve »). Arrêtez-le, ou essayez --port {port + 1}.")
        else:
            print(f"Impossible d'écouter sur {host}:{port} : {exc.strerror or exc}.")
        return 1
    try:
        failure = dev.rebuild()
        if failure is not None and isinstance(failure.error, AssetError):
            return 1  # nothing to serve until the command it names has been run
        if not (output / "index.html").exists():
            print("Aucune version valide du site pour l'instant : la page affichera les erreurs "
                  "et se rechargera quand elles seront corrigées.", flush=True)
        dev.start(watch)
        print(f"Diagnum est servi sur {dev.url} (Ctrl+C pour arrêter)", flush=True)
        while True:
            time.sleep(3600)
    except KeyboardInterrupt:
        print("\nArrêt.")
    finally:
        dev.shutdown()
    return 0
