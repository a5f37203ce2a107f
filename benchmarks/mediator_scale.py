"""The « Espace médiateur » at a federation's scale, in headless Chromium with real Pyodide.

10 campaigns in one encrypted space: the first receives N result files at once (made by the
engine and ``engine.record``, as participants' pages make them), the nine others 100 result codes
each. Then: the table and the analysis of the big campaign shown after a reload and unlock; the
memory of every Chromium process (PSS, so shared pages count once); and 50 malicious or damaged
files dropped one by one, each refused with nothing stored.

    python -m benchmarks.mediator_scale [--participants 1000] [--write docs/benchmark-mediator.md]

Builds the site's own content into a temporary folder (parcours « Bases du numérique »).
"""

from __future__ import annotations

import argparse
import copy
import json
import os
import random
import re
import shlex
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
PASSPHRASE = "phrase de la fédération des centres"
MARK_START, MARK_END = "<!-- mediator:start -->", "<!-- mediator:end -->"
CHROMIUM = "/usr/bin/chromium"
PAGE_ROWS = 50   # the results table's page (site_templates/static/mediator.js)


def malicious_files(good: dict[str, Any], code: str) -> list[tuple[str, bytes]]:
    """50 files a mediator must refuse: damaged, forged, hostile, foreign or duplicated."""
    text = json.dumps(good)
    out: list[tuple[str, bytes]] = []

    def variant(name: str, change) -> None:
        doc = copy.deepcopy(good)
        change(doc)
        out.append((name, json.dumps(doc).encode()))

    rec = "records"
    out += [(f"tronque-{n}.json", text.encode()[:n]) for n in (1, 10, 100, 1000, len(text) - 1)]
    out += [("vide.json", b""), ("bom.json", b"\xef\xbb\xbf"), ("nul.json", b"\x00" * 64),
            ("binaire.json", bytes(random.Random(5).randrange(256) for _ in range(4096))),
            ("null.json", b"null"), ("liste.json", b"[]"), ("nombre.json", b"42"),
            ("nan.json", text.replace('"pix": ', '"pix": NaN, "x": ', 1).encode()),
            ("imbrique.json", b"[" * 100_000 + b"]" * 100_000),
            ("cle-double.json", text.replace('"app":', '"app": "x", "app":', 1).encode()),
            ("html.html", b"<html><script>alert(1)</script></html>")]
    variant("format.json", lambda d: d.update(format="autre"))
    variant("version.json", lambda d: d.update(version=2))
    variant("autre-campagne.json", lambda d: d["campaign"].update(code="ABCDEF234"))
    variant("sans-campagne.json", lambda d: d.pop("campaign"))
    variant("code-script.json", lambda d: d["campaign"].update(code="<script>"))
    variant("proto.json", lambda d: d.update(__proto__={"admin": True}))
    variant("champ-inconnu.json", lambda d: d[rec][0].update(surprise=1))
    variant("pix-enorme.json", lambda d: d[rec][0]["competences"][0].update(pix=10 ** 12))
    variant("niveau-negatif.json", lambda d: d[rec][0]["competences"][0].update(level=-1))
    variant("niveau-texte.json", lambda d: d[rec][0]["competences"][0].update(level="8"))
    variant("niveau-booleen.json", lambda d: d[rec][0]["competences"][0].update(level=True))
    variant("acquis-html.json", lambda d: d[rec][0]["competences"][0]["validated"].append(
        "<img src=x onerror=alert(1)>"))
    variant("acquis-doubles.json", lambda d: d[rec][0]["competences"][0].update(
        validated=["@a1", "@a1"]))
    variant("maitrise-101.json", lambda d: d[rec][0]["profile"].update(mastery=101))
    variant("statut.json", lambda d: d[rec][0].update(status="valide"))
    variant("date.json", lambda d: d[rec][0].update(finished_at="demain"))
    variant("id.json", lambda d: d[rec][0].update(id="zzzz"))
    variant("graine.json", lambda d: d[rec][0].update(seed=2 ** 60))
    variant("aucun-enregistrement.json", lambda d: d.update(records=[]))
    variant("enregistrement-texte.json", lambda d: d.update(records=["x"]))
    variant("pseudo-long.json", lambda d: d.update(nickname="x" * 1_000_000))
    variant("identifiant-long.json", lambda d: d["campaign"].update(external_id="é" * 201))
    variant("pseudo-vide.json", lambda d: d.update(nickname=""))
    variant("reponse-longue.json", lambda d: d[rec][0]["answers"][0].update(response="x" * 1001))
    variant("reponse-objet.json", lambda d: d[rec][0]["answers"][0].update(response={"a": 1}))
    variant("type-epreuve.json", lambda d: d[rec][0]["answers"][0].update(type="<b>"))
    variant("competence-id.json", lambda d: d[rec][0]["competences"][0].update(id="9.99x"))
    variant("probabilite.json", lambda d: d[rec][0]["competences"][0].update(probability=2))
    variant("moteur.json", lambda d: d[rec][0].update(engine={"version": "1"}))
    variant("cree.json", lambda d: d.update(created=12))
    variant("palier.json", lambda d: d[rec][0]["profile"].update(stage={"index": -1,
                                                                        "title": "x"}))
    variant("autre-parcours.json", lambda d: d[rec][0]["profile"].update(id="profil-complet"))
    variant("trop-de-reponses.json", lambda d: d[rec][0].update(
        answers=d[rec][0]["answers"] * (2001 // max(1, len(d[rec][0]["answers"])) + 1)))
    out.append(("doublon.json", text.encode()))       # already imported: a duplicate
    assert len(out) == 50, len(out)
    return out


def _kind(pid: int) -> str:
    try:
        args = Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode()
    except (OSError, UnicodeDecodeError):
        return "?"
    found = re.search(r"--type=(\S+)", args)   # children rewrite argv as one string
    if found and found.group(1) == "renderer" and "--top-chrome-webui" in args:
        return "renderer-webui"   # Chromium's own interface, not the page
    return found.group(1) if found else "browser"


def _pss_by_kind(pids: set[int]) -> dict[str, float]:
    """PSS by process kind; ``page`` is the page's renderer (the page and its Pyodide worker:
    the largest renderer), ``page-anon`` its anonymous part (what the page allocates: heaps,
    DOM, WebAssembly memory; the rest is its share of Chromium's code, which every Chromium on
    the machine shares, so it varies with them), ``renderer`` the other renderers (spare)."""
    out: dict[str, float] = {}
    renderers = []
    for pid in pids:
        kind, pss = _kind(pid), _pss_mb({pid})
        if kind == "renderer":
            renderers.append((pss, _pss_mb({pid}, "Pss_Anon:")))
        else:
            out[kind] = out.get(kind, 0) + pss
    renderers.sort(reverse=True)
    if renderers:
        out["page"], out["page-anon"] = renderers[0]
    if len(renderers) > 1:
        out["renderer"] = sum(r[0] for r in renderers[1:])
    return out


def _pss_mb(pids: set[int], field: str = "Pss:") -> float:
    total = 0
    for pid in pids:
        try:
            for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
                if line.startswith(field):
                    total += int(line.split()[1])
        except OSError:
            continue
    return total / 1024


def _chromium_pids() -> set[int]:
    """Chromium processes descending from this one (never another program's browser)."""
    parent: dict[int, int] = {}
    exe: dict[int, str] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
                parent[int(entry.name)] = int(stat.rsplit(")", 1)[1].split()[1])
                exe[int(entry.name)] = os.readlink(entry / "exe")
            except (OSError, ValueError, IndexError):
                continue
    mine = {os.getpid()}
    changed = True
    while changed:
        changed = False
        for pid, ppid in parent.items():
            if ppid in mine and pid not in mine:
                mine.add(pid)
                changed = True
    return {pid for pid in mine if "chrom" in exe.get(pid, "")}


def _target_call(session, page, target_id: str, method: str) -> dict[str, Any]:
    """One DevTools call in another target (a worker has no page to open a session on): attach
    through the browser's session, send, wait for the answer, detach."""
    sid = session.send("Target.attachToTarget", {"targetId": target_id, "flatten": False})[
        "sessionId"]
    answer: dict[str, Any] = {}

    def received(event: dict[str, Any]) -> None:
        message = json.loads(event["message"])
        if event["sessionId"] == sid and message.get("id") == 1:
            answer.update(message)

    session.on("Target.receivedMessageFromTarget", received)
    session.send("Target.sendMessageToTarget", {"sessionId": sid, "message": json.dumps(
        {"id": 1, "method": method})})
    deadline = time.monotonic() + 30
    while not answer and time.monotonic() < deadline:
        page.wait_for_timeout(20)   # lets Playwright deliver the event (time.sleep would not)
    session.remove_listener("Target.receivedMessageFromTarget", received)
    session.send("Target.detachFromTarget", {"sessionId": sid})
    return answer.get("result", {})


def _breakdown(session, page, collect: bool = False) -> dict[str, float]:
    """Where the page's renderer memory is, in MB: each JavaScript heap (allocated / used) of
    the page, its Pyodide worker and the service worker, their ArrayBuffers outside the heap,
    Blink's objects (its own garbage-collected heap: DOM, files), the DOM nodes in memory (those
    not yet collected included), Pyodide's WebAssembly memory. With ``collect``, every heap is
    first collected (extra information only: the page cannot do that)."""
    out: dict[str, float] = {}
    names = {"page": "page", "worker": "worker", "service_worker": "sw"}
    for target in session.send("Target.getTargets")["targetInfos"]:
        name = names.get(target["type"])
        if not name or (name == "page" and "mediateur" not in target["url"]):
            continue
        if collect:
            _target_call(session, page, target["targetId"], "HeapProfiler.collectGarbage")
        heap = _target_call(session, page, target["targetId"], "Runtime.getHeapUsage")
        out[f"{name}-heap"] = heap.get("totalSize", 0) / 2**20
        out[f"{name}-used"] = heap.get("usedSize", 0) / 2**20
        out[f"{name}-buffers"] = heap.get("backingStorageSize", 0) / 2**20
        out[f"{name}-blink"] = heap.get("embedderHeapUsedSize", 0) / 2**20
        if name == "page":   # nodes alive in memory, those not yet collected included
            out["dom-nodes"] = _target_call(session, page, target["targetId"],
                                            "Memory.getDOMCounters").get("nodes", 0)
    out["wasm"] = int(page.evaluate("() => document.body.dataset.workerHeapMb || 0"))
    return out


def run(participants: int, campaigns: int = 10, codes_each: int = 100,
        dist: Path | None = None, parcours: str = "bases-du-numerique",
        log=print) -> dict[str, Any]:
    from playwright.sync_api import sync_playwright

    from builder.build import build
    from campaigns import mediator
    from campaigns import results as rc
    from engine.profiles import profile_skills
    from tests.support.participants import load_bundle, referential, result_file
    from tests.support.server import serve_site

    with tempfile.TemporaryDirectory() as tmp:
        if dist is None:
            dist = Path(tmp) / "dist"
            build(ROOT / "content", dist, ROOT, log=lambda _m: None)
        bundle = load_bundle(dist)
        ref = referential(dist)
        site_model = mediator.Site(bundle)
        figures: dict[str, Any] = {"participants": participants, "campaigns": campaigns,
                                   "codes_each": codes_each, "parcours": parcours}
        # The participants play first (the browser is not running yet): the campaign code is
        # set in each file once the page has drawn it.
        log(f"{participants} participants passent le test…")
        t0 = time.perf_counter()
        files = [result_file(ref, "AAAAAA222", parcours, seed, external_id=f"dossier-{seed}",
                             finished_at=f"2026-12-07T16:{seed // 60 % 60:02d}:{seed % 60:02d}Z")
                 for seed in range(participants)]
        figures["generate_s"] = time.perf_counter() - t0
        load_before = os.getloadavg()[0]
        with serve_site(dist) as server, sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, headless=True,
                                        args=["--no-sandbox", "--disable-gpu"])
            page = browser.new_page()
            time.sleep(1)
            figures["memory_blank_mb"] = _pss_mb(_chromium_pids())   # Chromium, an empty tab
            page.goto(server["url"] + "mediateur/index.html")
            page.wait_for_function("() => document.body.dataset.mediatorReady === 'true'",
                                   timeout=120_000)
            figures["memory_boot_kinds"] = _pss_by_kind(_chromium_pids())
            cdp = browser.new_browser_cdp_session()
            figures["split_boot"] = _breakdown(cdp, page)
            page.fill("#new-passphrase", PASSPHRASE)
            page.fill("#new-passphrase-again", PASSPHRASE)
            page.press("#new-passphrase-again", "Enter")
            page.wait_for_function("() => document.body.dataset.spaceOpen === 'true'")
            codes: list[str] = []
            for i in range(campaigns):
                page.fill("#campaign-name", f"Campagne {i + 1}")
                page.select_option("#campaign-parcours", parcours)
                page.click("#campaign-submit")
                page.wait_for_function(
                    "(n) => document.querySelectorAll('#campaign-list li').length === n", arg=i + 1)
                codes.append(page.text_content("#campaign-code"))
            # The nine small campaigns: 100 result codes each, pasted at once.
            campaign_of = {"goal": "evaluer", "parcours": parcours}
            skills = profile_skills(mediator.target_profile(site_model, {**campaign_of,
                                                                          "code": codes[0]}))
            started = time.perf_counter()
            imported = 0
            for index, code in enumerate(codes[1:], start=1):
                page.click(f"#campaign-list button[data-code='{code}']")
                page.wait_for_function(f"() => document.getElementById('campaign-code')"
                                       f".textContent === '{code}'")
                rng = random.Random(index)
                lines = [f"P{index}-{n} ; " + rc.encode_skills(
                    code, skills, {s: rng.random() < 0.6 for s in skills if rng.random() < 0.9})
                    for n in range(codes_each)]
                page.fill("#import-codes", "\n".join(lines))
                imported += 1
                page.click("#import-codes-button")
                page.wait_for_function(
                    f"() => Number(document.body.dataset.imported || 0) >= {imported}",
                    timeout=120_000)
            figures["codes_s"] = time.perf_counter() - started
            figures["memory_codes_kinds"] = _pss_by_kind(_chromium_pids())
            figures["split_codes"] = _breakdown(cdp, page)
            # The big campaign: N files dropped at once.
            files = [{**f, "campaign": {**f["campaign"], "code": codes[0]}} for f in files]
            # Real files on disk, as a mediator picks them: Playwright hands the browser their
            # paths (buffers would travel base64-encoded through its pipe, a cost no user pays).
            folder = Path(tmp) / "resultats"
            folder.mkdir()
            paths = []
            for n, f in enumerate(files):
                paths.append(folder / f"r{n:04d}.json")
                paths[-1].write_text(json.dumps(f), encoding="utf-8")
            figures["files_mb"] = sum(p.stat().st_size for p in paths) / 1e6
            log(f"dépôt de {participants} fichiers…")
            page.click(f"#campaign-list button[data-code='{codes[0]}']")
            page.wait_for_function(f"() => document.getElementById('campaign-code').textContent"
                                   f" === '{codes[0]}'")
            started = time.perf_counter()
            page.set_input_files("#import-files", paths)
            imported += 1
            page.wait_for_function(
                f"() => Number(document.body.dataset.imported || 0) >= {imported}",
                timeout=600_000)
            figures["import_s"] = time.perf_counter() - started
            figures["import_page_s"] = int(page.evaluate(
                "() => document.body.dataset.importMs")) / 1000
            figures["accepted"] = int(page.evaluate("() => document.body.dataset.rows"))
            figures["memory_import_kinds"] = _pss_by_kind(_chromium_pids())
            figures["split_import"] = _breakdown(cdp, page)
            figures["heap_import_mb"] = int(page.evaluate(
                "() => document.body.dataset.workerHeapMb || 0"))
            log(f"import {figures['import_s']:.1f} s (page {figures['import_page_s']:.1f} s), "
                f"page renderer {figures['memory_import_kinds'].get('page', 0):.0f} MB, "
                f"Pyodide heap {figures['heap_import_mb']} MB")
            # Reload, unlock, and time the big campaign's table and analysis.
            page.reload()
            imported = 0   # the page's counter starts again
            page.wait_for_selector("#unlock-form:not([hidden])")
            page.wait_for_function("() => document.body.dataset.mediatorReady === 'true'",
                                   timeout=120_000)
            started = time.perf_counter()
            page.fill("#passphrase", PASSPHRASE)
            page.press("#passphrase", "Enter")
            page.wait_for_function("() => document.body.dataset.spaceOpen === 'true'",
                                   timeout=120_000)
            figures["unlock_s"] = time.perf_counter() - started
            started = time.perf_counter()
            page.click(f"#campaign-list button[data-code='{codes[0]}']")
            page.wait_for_function(f"() => document.body.dataset.rows === '{participants}' "
                                   f"&& document.querySelectorAll('#results-table tbody tr')"
                                   f".length === {min(participants, PAGE_ROWS)} "
                                   f"&& document.getElementById('tube-list') !== null",
                                   timeout=120_000)
            page.evaluate("() => new Promise(requestAnimationFrame)")
            figures["table_s"] = time.perf_counter() - started
            figures["report_ms"] = int(page.evaluate("() => document.body.dataset.reportMs"))
            figures["memory_mb"] = _pss_mb(_chromium_pids())
            figures["memory_kinds"] = _pss_by_kind(_chromium_pids())
            figures["split_table"] = _breakdown(cdp, page)
            # Information: the same page left idle for 5 s (Chromium collects on its own).
            page.wait_for_timeout(5000)
            figures["memory_settled_kinds"] = _pss_by_kind(_chromium_pids())
            figures["split_settled"] = _breakdown(cdp, page)
            log(f"unlock {figures['unlock_s']:.1f} s, table {figures['table_s']:.2f} s, "
                f"page renderer {figures['memory_kinds'].get('page', 0):.0f} MB")
            # 50 malicious or damaged files, one at a time: each refused, nothing stored.
            bad = malicious_files(files[0], codes[0])
            refused = 0
            started = time.perf_counter()
            page.on("console", lambda m: log(f"console : {m.text[:300]}")
                    if m.type == "error" else None)
            hostile = Path(tmp) / "malveillants"
            hostile.mkdir()
            for count, (name, data) in enumerate(bad, start=imported + 1):
                (hostile / name).write_bytes(data)
                page.set_input_files("#import-files", hostile / name)
                page.wait_for_function(
                    f"() => Number(document.body.dataset.imported || 0) >= {count}",
                    timeout=60_000)
                report = page.text_content("#import-report")
                rows = int(page.evaluate("() => document.body.dataset.rows"))
                if "0 résultat(s) importé(s), 1 refusé(s)" in report and rows == participants:
                    refused += 1
                else:
                    log(f"NON REFUSÉ : {name} : {report[:200]}")
            figures["malicious"] = len(bad)
            figures["refused"] = refused
            figures["malicious_s"] = time.perf_counter() - started
            figures["memory_after_mb"] = _pss_mb(_chromium_pids())
            figures["memory_after_kinds"] = _pss_by_kind(_chromium_pids())
            figures["split_after"] = _breakdown(cdp, page)
            # Extra information only (the page cannot force a collection): the same after one.
            figures["split_collected"] = _breakdown(cdp, page, collect=True)
            time.sleep(1)
            figures["memory_collected_kinds"] = _pss_by_kind(_chromium_pids())
            figures["load"] = " → ".join(f"{x:.1f}" for x in (load_before, os.getloadavg()[0]))
            browser.close()
    return figures


def markdown(f: dict[str, Any], command: str) -> str:
    def verdict(ok: bool) -> str:
        return "✅" if ok else "❌"
    page_peak = max(f[k].get("page", 0) for k in ("memory_import_kinds", "memory_kinds",
                                                  "memory_after_kinds"))
    return "\n".join([
        MARK_START,
        f"Command: `{command}` (headless Debian Chromium, {os.cpu_count()} cores; load "
        f"average during the run {f['load']}).",
        "",
        f"Space: {f['campaigns']} campaigns on « {f['parcours']} »; the first receives "
        f"{f['participants']} result files ({f['files_mb']:.1f} MB, made by the engine in "
        f"{f['generate_s']:.0f} s, not counted), the {f['campaigns'] - 1} others "
        f"{f['codes_each']} result codes each.",
        "",
        "| measure | value | target | |",
        "|---|---|---|---|",
        f"| import of {f['participants']} files dropped at once, timed by the page (from its "
        f"file input's change to the table and the analysis shown: validation in Pyodide, "
        f"one sealing and storing) | {f['import_page_s']:.1f} s | < 30 s | "
        f"{verdict(f['import_page_s'] < 30)} |",
        f"| the same, timed by the driver (Playwright handing the {f['participants']} files' "
        f"paths to the page included) | {f['import_s']:.1f} s | < 30 s | "
        f"{verdict(f['import_s'] < 30)} |",
        f"| files accepted | {f['accepted']} | {f['participants']} | "
        f"{verdict(f['accepted'] == f['participants'])} |",
        f"| import of {f['codes_each']} result codes × {f['campaigns'] - 1} campaigns "
        f"| {f['codes_s']:.1f} s | | |",
        f"| unlock after a reload (PBKDF2 600 000 rounds + decryption of the whole space): the "
        f"passphrase's cost, apart | {f['unlock_s']:.1f} s | | |",
        f"| then the big campaign opened: its table ({f['participants']} participants, a page "
        f"of {PAGE_ROWS} rows with the count) and its analysis shown | {f['table_s']:.2f} s "
        f"(of which figures in Pyodide and rendering {f['report_ms']} ms) | < 2 s | "
        f"{verdict(f['table_s'] < 2)} |",
        f"| unlock and table together | {f['unlock_s'] + f['table_s']:.1f} s | | |",
        f"| memory of the page's renderer process (the page and its Pyodide worker; PSS): "
        f"booted / after the import / after reload and table / after the 50 files | "
        f"{f['memory_boot_kinds'].get('page', 0):.0f} / "
        f"{f['memory_import_kinds'].get('page', 0):.0f} / "
        f"{f['memory_kinds'].get('page', 0):.0f} / "
        f"{f['memory_after_kinds'].get('page', 0):.0f} MB | < 300 MB | "
        f"{verdict(page_peak < 300)} |",
        f"| of which anonymous memory (the page's own: heaps, DOM, WebAssembly; the rest is its "
        f"share of Chromium's code, which depends on how many Chromiums run on the machine) | "
        f"{f['memory_boot_kinds'].get('page-anon', 0):.0f} / "
        f"{f['memory_import_kinds'].get('page-anon', 0):.0f} / "
        f"{f['memory_kinds'].get('page-anon', 0):.0f} / "
        f"{f['memory_after_kinds'].get('page-anon', 0):.0f} MB | | |",
        f"| Pyodide's WebAssembly memory after the import | {f['heap_import_mb']} MB | | |",
        f"| all Chromium processes (PSS) after reload and table / after the 50 files "
        f"| {f['memory_mb']:.0f} / {f['memory_after_mb']:.0f} MB (Chromium with one empty "
        f"tab: {f['memory_blank_mb']:.0f} MB) | | |",
        "| of which the other processes (browser, GPU, network, storage, zygote, Chromium's "
        "own interface renderer, spare renderer) | " + ", ".join(
            f"{k} {v:.0f} MB" for k, v in sorted(f["memory_kinds"].items())
            if k not in ("page", "page-anon"))
        + " | | |",
        f"| malicious or damaged files dropped one by one, refused with nothing stored "
        f"| {f['refused']} / {f['malicious']} ({f['malicious_s']:.1f} s) | 50 / 50 | "
        f"{verdict(f['refused'] == f['malicious'] == 50)} |",
        "",
        "Where the page's renderer memory is (MB; JavaScript heaps as allocated, used in "
        "brackets, measured with Chromium's DevTools protocol right after the PSS; « rest » is "
        "the anonymous PSS minus the heaps, buffers, Blink's objects and WebAssembly memory: "
        "compiled code, Blink's heap beyond its live objects, allocators):",
        "",
        "| point | PSS | anonymous | page's JS heap | worker's JS heap | service worker's JS heap "
        "| ArrayBuffers (page + worker) | Blink's objects (used) | Pyodide's WebAssembly memory "
        "| DOM nodes in memory | rest |",
        "|---|---|---|---|---|---|---|---|---|---|---|",
        *(_split_row(label, f[kinds], f[split]) for label, kinds, split in (
            ("booted", "memory_boot_kinds", "split_boot"),
            (f"{f['campaigns']} campaigns created, {f['codes_each']} codes pasted in each but "
             f"the first", "memory_codes_kinds", "split_codes"),
            ("after the import", "memory_import_kinds", "split_import"),
            ("after reload and table", "memory_kinds", "split_table"),
            ("the same, the page left idle 5 s (information only)", "memory_settled_kinds",
             "split_settled"),
            ("after the 50 files", "memory_after_kinds", "split_after"),
            ("the same, after a collection forced through DevTools (information only: the "
             "page cannot do it)", "memory_collected_kinds", "split_collected"))),
        MARK_END,
    ])


def _split_row(label: str, kinds: dict[str, float], split: dict[str, float]) -> str:
    buffers = split.get("page-buffers", 0) + split.get("worker-buffers", 0)
    blink = split.get("page-blink", 0) + split.get("worker-blink", 0) + split.get("sw-blink", 0)
    known = (split.get("page-heap", 0) + split.get("worker-heap", 0) + split.get("sw-heap", 0)
             + buffers + blink + split.get("wasm", 0))
    anon = kinds.get("page-anon", 0)
    return (f"| {label} | {kinds.get('page', 0):.0f} | {anon:.0f} "
            f"| {split.get('page-heap', 0):.1f} ({split.get('page-used', 0):.1f}) "
            f"| {split.get('worker-heap', 0):.1f} ({split.get('worker-used', 0):.1f}) "
            f"| {split.get('sw-heap', 0):.1f} ({split.get('sw-used', 0):.1f}) "
            f"| {buffers:.1f} | {blink:.1f} | {split.get('wasm', 0):.0f} "
            f"| {split.get('dom-nodes', 0):.0f} "
            f"| {anon - known:.0f} |")


def write(path: Path, block: str) -> None:
    text = path.read_text(encoding="utf-8") if path.exists() else ""
    if MARK_START in text:
        head, rest = text.split(MARK_START, 1)
        text = head + block + rest.split(MARK_END, 1)[1]
    else:
        text = text + ("\n" if text else "") + block + "\n"
    path.write_text(text, encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--participants", type=int, default=1000)
    parser.add_argument("--campaigns", type=int, default=10)
    parser.add_argument("--codes", type=int, default=100)
    parser.add_argument("--write", type=Path)
    parser.add_argument("--dist", type=Path, help="an already built site (default: build one)")
    args = parser.parse_args(argv)
    sys.path.insert(0, str(ROOT))
    figures = run(args.participants, args.campaigns, args.codes, dist=args.dist)
    block = markdown(figures, "python -m benchmarks.mediator_scale " + shlex.join(
        argv if argv is not None else sys.argv[1:]))
    print(block)
    if args.write:
        write(args.write, block)
    return 0 if figures["refused"] == figures["malicious"] == 50 else 1


if __name__ == "__main__":
    raise SystemExit(main())
