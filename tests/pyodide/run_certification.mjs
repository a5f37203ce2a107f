// The candidate's protocol of a « certification blanche » inside real Pyodide under Node, from the
// certification zip shipped in a built dist/ (engine + certification): a whole session on a small
// bank, from the kept records to the file and its validator. No network.
// Usage: node run_certification.mjs <dist dir> <tests/engine_suite dir>
// Prints "certification ok" and exits non-zero on any failure.
import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";

const [distDir, suiteDir] = process.argv.slice(2).map((p) => path.resolve(p));
const pyodideRoot = path.join(distDir, "pyodide");
const version = readdirSync(pyodideRoot)[0];
const indexURL = path.join(pyodideRoot, version) + path.sep;
const zip = readdirSync(path.join(distDir, "engine")).find((f) => /^certification\.[0-9a-f]+\.zip$/.test(f));
const lock = JSON.parse(readFileSync(new URL("../../node_modules/pyodide/pyodide-lock.json", import.meta.url)));

const { loadPyodide } = await import(pathToFileURL(path.join(indexURL, "pyodide.mjs")).href);
const pyodide = await loadPyodide({ indexURL, lockFileContents: { info: lock.info, packages: {} } });
pyodide.unpackArchive(new Uint8Array(readFileSync(path.join(distDir, "engine", zip))), "zip",
  { extractDir: "/home/pyodide/app" });
pyodide.FS.mkdirTree("/home/pyodide/tests/engine_suite");
pyodide.FS.writeFile("/home/pyodide/tests/__init__.py", "");
pyodide.FS.writeFile("/home/pyodide/tests/engine_suite/__init__.py", "");
pyodide.FS.writeFile("/home/pyodide/tests/engine_suite/bank.py", readFileSync(path.join(suiteDir, "bank.py")));
const out = pyodide.runPython(`
import sys, json
sys.path[:0] = ["/home/pyodide/app", "/home/pyodide"]
import certification.protocol as cert
assert cert.__file__.startswith("/home/pyodide/app/"), cert.__file__
from engine import Assessment, load_referential
from engine.record import make_record
from tests.engine_suite.bank import make_bank, correct_response

bank = make_bank(competences=5)
ref = load_referential(bank)
test = Assessment.start(ref, [c.id for c in ref.competences], seed=1)
while (c := test.next_challenge()) is not None:
    test.answer(c.id, correct_response(c))
record = make_record(ref, test, started_at="2026-11-01T09:00:00Z", finished_at="2026-11-01T10:00:00Z")
call = lambda **r: json.loads(cert.handle_json(json.dumps(r)))
assert call(type="init", referential=bank)["ok"]
eligible = call(type="cert-eligibility", records=[record])
assert eligible["eligible"] and eligible["questions"] == 15, eligible
step = call(type="cert-start", placement=eligible["placement"], seed=4)
seen = {a["challenge"] for a in record["answers"]}
assert not seen & {p["challenge"] for p in step["state"]["picks"]}
while step["challenge"]:
    step = call(type="cert-answer", state=step["state"], challenge=step["challenge"]["id"], response="1", seconds=3)
    assert step["ok"], step
made = call(type="cert-file", state=step["state"], session="BKRT47", room_word="tilleul", name="Camille",
            placement=eligible["placement"], proctor_events=[], started_at="2026-12-07T10:00:00Z",
            finished_at="2026-12-07T10:30:00Z")
assert made["ok"], made
checked = call(type="cert-validate-file", text=json.dumps(made["file"]))
assert checked["valid"] and len(checked["file"]["asked"]) == 15, checked
f"certification ok in Python {sys.version.split()[0]}"
`);
console.log(out);
