"""First visit of a test page on a slow shared line: bytes transferred and time to the first question.

The site is built, then served from a sub-path by a stdlib HTTP server that paces every response
body through ONE shared link (a given bit rate for all concurrent requests together, as a social
centre's connection shared by its computers) and adds a latency before each response. It honours
Accept-Encoding with the builder's precompressed ``.br`` / ``.gz`` files, as Apache does with the
``.htaccess``. Chromium's own throttling is not used: it does not slow a service worker, and
counting on the server side sees every byte, including the engine worker's fetches.

Headless Debian Chromium opens ``test/index.html?competence=<id>`` in a new empty context (cold
cache), waits until the engine is ready (``body[data-engine-ready]``), clicks « Commencer le test »
and waits until the first question can be answered.

    python -m benchmarks.first_visit --mbps 8 --latency-ms 40 --runs 2 --write docs/benchmark-first-visit.md
"""

from __future__ import annotations

import argparse
import gzip
import http.server
import os
import shutil
import tempfile
import threading
import time
from collections import defaultdict
from pathlib import Path

from tests.support.server import PREFIX, _Handler, make_handler

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = "/usr/bin/chromium"
CHUNK = 16 * 1024
DEFLATED = {".html", ".css", ".js", ".mjs", ".json", ".wasm", ".svg"}
KINDS = ("wasm", "stdlib", "runtime JS", "engine", "referential", "pages", "total")


class SharedLink:
    """One line of ``bits_per_second`` shared by every response, first come first served."""

    def __init__(self, bits_per_second: float) -> None:
        self.rate = bits_per_second / 8  # bytes per second
        self.lock = threading.Lock()
        self.free_at = 0.0

    def send(self, write, data: bytes) -> None:
        for start in range(0, len(data), CHUNK):
            chunk = data[start:start + CHUNK]
            with self.lock:
                begin = max(time.perf_counter(), self.free_at)
                self.free_at = begin + len(chunk) / self.rate
                done = self.free_at
            pause = done - time.perf_counter()
            if pause > 0:
                time.sleep(pause)
            write(chunk)


class _Throttled(_Handler):
    link: SharedLink
    latency: float
    sent: dict[str, int]

    timeline: list[tuple[str, float, float, float]]

    def send_head(self):
        self._asked = time.perf_counter()
        time.sleep(self.latency)
        return super().send_head()

    def copyfile(self, source, outputfile):
        data = source.read()
        self.sent[self.path.split("?")[0]] += len(data)
        started = time.perf_counter()
        self.link.send(outputfile.write, data)
        self.timeline.append((self.path.split("?")[0], self._asked, started, time.perf_counter()))


def kind_of(path: str) -> str:
    name = path.rsplit("/", 1)[-1]
    if name.endswith(".wasm"):
        return "wasm"
    if name == "python_stdlib.zip":
        return "stdlib"
    if "/pyodide/" in path and name.endswith(".mjs"):
        return "runtime JS"
    if "/engine/" in path or name == "worker.mjs":
        return "engine"
    if "/data/referential" in path:
        return "referential"
    return "pages"


def build_site(dest: Path) -> None:
    from builder.build import build

    build(ROOT / "content", dest, ROOT, log=lambda _m: None)


def mod_deflate_copy(dist: Path, dest: Path) -> Path:
    """A copy of the site as Apache's mod_deflate would send it: gzip level 6 made on the fly
    for the types the former .htaccess listed, no precompressed variant."""
    shutil.copytree(dist, dest, ignore=shutil.ignore_patterns("*.br", "*.gz"))
    for path in dest.rglob("*"):
        if path.is_file() and path.suffix in DEFLATED:
            path.with_name(path.name + ".gz").write_bytes(gzip.compress(path.read_bytes(), 6))
    return dest


def _visit(browser, url: str) -> tuple[float, float, float, float]:
    """Open the test page in a new context (empty cache, empty storage); return the instants."""
    context = browser.new_context(locale="fr-FR")
    try:
        page = context.new_page()
        opened = time.perf_counter()
        page.goto(url)
        page.wait_for_selector("body[data-engine-ready]", timeout=600_000)
        ready = time.perf_counter() - opened
        clicked = time.perf_counter()
        page.click("#start-button")
        page.wait_for_selector("#question:not([hidden]) #submit-button:not([disabled])",
                               timeout=600_000)
        return opened, ready, clicked, time.perf_counter()
    finally:
        context.close()


def one_visit(dist: Path, competence: str, mbps: float, latency_ms: float,
              encodings: tuple[str, ...], browser=None) -> dict:
    """One cold visit; ``browser`` is a Playwright browser to use (default: launch Chromium)."""
    link = SharedLink(mbps * 1e6)
    handler = make_handler(dist, _Throttled, precompressed=True, encodings=encodings,
                           link=link, latency=latency_ms / 1000, sent=defaultdict(int),
                           timeline=[])
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    url = f"http://127.0.0.1:{server.server_address[1]}{PREFIX}test/index.html?competence={competence}"
    try:
        if browser is not None:
            opened, ready, clicked, first = _visit(browser, url)
        else:
            from playwright.sync_api import sync_playwright

            with sync_playwright() as p:
                own = p.chromium.launch(
                    executable_path=CHROMIUM, headless=True,
                    args=["--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                          "--disable-background-networking", "--no-first-run"])
                try:
                    opened, ready, clicked, first = _visit(own, url)
                finally:
                    own.close()
    finally:
        server.shutdown()
        server.server_close()
    by_kind: dict[str, int] = defaultdict(int)
    for path, size in handler.func.sent.items():
        by_kind[kind_of(path)] += size
    by_kind["total"] = sum(handler.func.sent.values())
    # The network part of starting the engine: the last byte of what was asked before it was ready
    # (the question's pictures come later).
    network = max((end for _p, asked, _s, end in handler.func.timeline if asked - opened < ready),
                  default=opened) - opened
    return {"bytes": dict(by_kind), "network_s": network, "ready_s": ready,
            "question_s": first - opened, "click_to_question_s": first - clicked,
            "requests": len(handler.func.sent),
            "timeline": [(path.rsplit("/", 1)[-1], round(asked - opened, 2), round(end - opened, 2))
                         for path, asked, _start, end in sorted(handler.func.timeline,
                                                                key=lambda t: t[1])]}


def table(results: list[tuple[str, dict]]) -> str:
    lines = ["| Scénario | " + " | ".join(f"{k} (Mo)" for k in KINDS)
             + " | réseau du démarrage (s) | moteur prêt (s) | 1re question (s) | clic → question (s) |",
             "|---|" + "---:|" * (len(KINDS) + 4)]
    for label, r in results:
        sizes = " | ".join(f"{r['bytes'].get(k, 0) / 1e6:.2f}" for k in KINDS)
        lines.append(f"| {label} | {sizes} | {r['network_s']:.1f} | {r['ready_s']:.1f} | "
                     f"{r['question_s']:.1f} | {r['click_to_question_s']:.2f} |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--competence", default="1.1")
    parser.add_argument("--mbps", type=float, default=8.0, help="shared line, Mbit/s")
    parser.add_argument("--latency-ms", type=float, default=40.0, help="added before each response")
    parser.add_argument("--runs", type=int, default=1, help="visits per scenario (best is kept)")
    parser.add_argument("--dist", type=Path, help="an already built site (default: build one)")
    parser.add_argument("--label", default="", help="prefix for the scenario names")
    parser.add_argument("--timeline", action="store_true", help="print when each file was asked/sent")
    parser.add_argument("--only", default="", help="run only the scenarios whose name has this")
    parser.add_argument("--write", type=Path, help="append the table to this Markdown file")
    args = parser.parse_args(argv)

    load = os.getloadavg()[0]
    with tempfile.TemporaryDirectory() as tmp:
        dist = args.dist
        if dist is None:
            dist = Path(tmp) / "dist"
            build_site(dist)
        deflated = mod_deflate_copy(dist, Path(tmp) / "deflated")
        scenarios = [("sans compression", dist, ()),
                     ("gzip à la volée (mod_deflate)", deflated, ("gzip",))]
        if any(dist.rglob("*.br")):
            scenarios += [("précompressé gzip", dist, ("gzip",)),
                          ("précompressé brotli", dist, ("br", "gzip"))]
        results = []
        for name, site, encodings in [s for s in scenarios if args.only in s[0]]:
            runs = [one_visit(site, args.competence, args.mbps, args.latency_ms, encodings)
                    for _ in range(args.runs)]
            best = min(runs, key=lambda r: r["question_s"])
            results.append((f"{args.label}{name}".strip(), best))
            print(f"{name}: {best}", flush=True)
            if args.timeline:
                for path, asked, end in best["timeline"]:
                    print(f"  {asked:6.2f} s → {end:6.2f} s  {path}")
    text = (f"Compétence {args.competence}, ligne partagée {args.mbps:g} Mbit/s, latence "
            f"{args.latency_ms:g} ms par requête, cache vide, meilleur de {args.runs} "
            f"visite(s) ; {time.strftime('%Y-%m-%d')} ; charge de la machine au départ "
            f"{load:.1f} (2 cœurs).\n\n{table(results)}\n")
    print(text)
    if args.write:
        with args.write.open("a", encoding="utf-8") as out:
            out.write("\n" + text)


if __name__ == "__main__":
    main()
