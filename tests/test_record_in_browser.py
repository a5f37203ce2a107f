"""The record crosses the real worker in Chromium: the last step of a test carries a valid,
self-contained record, and a test in progress becomes one on request."""

from __future__ import annotations

import json
import re
from pathlib import Path

from engine.record import make_result_file
from engine.resultfile import validate_record, validate_result_file

from .support.server import serve_site

# Runs in the home page (which starts no engine of its own): the worker the test page would start,
# from the test page's runtime description, driven by the protocol's messages (skipping every
# question, the quickest way to the end of a test).
SCRIPT = """async ([runtime, base]) => {
  const absolute = (path) => new URL(path, base).href;
  const worker = new Worker(absolute(runtime.worker), { type: "module" });
  let next = 0;
  const rpc = (request) => new Promise((resolve) => {
    const id = ++next;
    const listener = (event) => {
      if (event.data.id !== id) return;
      worker.removeEventListener("message", listener);
      resolve(event.data.response);
    };
    worker.addEventListener("message", listener);
    worker.postMessage({ id, request });
  });
  const boot = await rpc({ type: "boot", config: { pyodide: absolute(runtime.pyodide),
    engine: absolute(runtime.engine), referential: absolute(runtime.referential), lock: runtime.lock } });
  if (!boot.ok) return { boot };
  const startedAt = "2026-12-07T15:00:00.000Z";
  let step = await rpc({ type: "start", competences: ["4.1"], seed: 11, started_at: startedAt });
  const first = await rpc({ type: "answer", state: step.state, challenge: step.challenge.id,
                            response: null, started_at: startedAt });
  const interrupted = await rpc({ type: "record", state: first.state, status: "interrupted",
                                  started_at: startedAt });
  step = first;
  const recordsBeforeEnd = [];
  while (step.ok && step.challenge) {
    if (step.record) recordsBeforeEnd.push(step.record);
    step = await rpc({ type: "answer", state: step.state, challenge: step.challenge.id,
                       response: null, started_at: startedAt });
  }
  worker.terminate();
  return { boot, interrupted, last: step, recordsBeforeEnd };
}"""


def test_the_worker_hands_records_to_the_page(built_site: Path, browser):
    with serve_site(built_site) as server:
        context = browser.new_context(locale="fr-FR")
        page = context.new_page()
        errors: list[str] = []
        page.on("pageerror", lambda e: errors.append(str(e)))
        html = (built_site / "test" / "index.html").read_text(encoding="utf-8")
        runtime = json.loads(re.search(r'<script[^>]*id="diagnum-runtime"[^>]*>(.*?)</script>',
                                       html, re.S).group(1))
        page.goto(server["url"] + "index.html")
        out = page.evaluate(SCRIPT, [runtime, server["url"] + "test/index.html"])
        context.close()
    assert not errors, errors
    assert out["boot"]["ok"], out["boot"]
    assert out["recordsBeforeEnd"] == []
    interrupted = out["interrupted"]["record"]
    assert interrupted["status"] == "interrupted" and len(interrupted["answers"]) == 1
    last = out["last"]
    assert last["ok"] and last["challenge"] is None, last
    record = last["record"]
    assert validate_record(record) == []
    assert record["status"] == "finished"
    assert record["started_at"] == "2026-12-07T15:00:00.000Z"
    assert record["referential"]["version"] == last["state"]["referential"]
    assert all(a["status"] == "skipped" and a["response"] is None for a in record["answers"])
    assert [a["challenge"] for a in record["answers"]] == [
        a["challenge"] for a in last["state"]["answers"]]
    assert all(a["competence"] == "4.1" and 1 <= a["level"] <= 8 for a in record["answers"])
    file = make_result_file([interrupted, record], created=record["finished_at"])
    assert validate_result_file(file) == []
