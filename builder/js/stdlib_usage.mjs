// Which standard-library modules Diagnum really uses in Pyodide: boots the stock runtime under
// Node, records every module imported (Pyodide's own bootstrap included), runs the engine's test
// suite, unpacks the engine zip as the worker does, plays whole tests through engine.protocol on
// the site's referential (full bundle and per-competence parts) and formats a Python error as the
// worker does. Prints one module name per line, sorted.
// Usage: node stdlib_usage.mjs <node_modules/pyodide dir> <built dist dir> <tests/engine_suite dir>
import { readFileSync, readdirSync, existsSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";

const [pyodideDir, distDir, suiteDir] = process.argv.slice(2).map((p) => path.resolve(p));
const { loadPyodide } = await import(pathToFileURL(path.join(pyodideDir, "pyodide.mjs")).href);
const lock = JSON.parse(readFileSync(path.join(pyodideDir, "pyodide-lock.json")));
const pyodide = await loadPyodide({ indexURL: pyodideDir + path.sep, lockFileContents: { info: lock.info, packages: {} } });

pyodide.runPython(`
import sys
_seen = set(sys.modules)
class _Recorder:
    """A meta-path finder that only notes names: later finders do the import."""
    def find_spec(self, name, path=None, target=None):
        _seen.add(name)
        return None
sys.meta_path.insert(0, _Recorder())
`);

const engineZip = readdirSync(path.join(distDir, "engine")).find((f) => /^engine\.[0-9a-f]+\.zip$/.test(f));
pyodide.unpackArchive(new Uint8Array(readFileSync(path.join(distDir, "engine", engineZip))), "zip",
  { extractDir: "/home/pyodide/app" });
pyodide.FS.mkdirTree("/home/pyodide/tests/engine_suite");
pyodide.FS.writeFile("/home/pyodide/tests/__init__.py", "");
for (const name of readdirSync(suiteDir).filter((f) => f.endsWith(".py"))) {
  pyodide.FS.writeFile(`/home/pyodide/tests/engine_suite/${name}`, readFileSync(path.join(suiteDir, name)));
}
pyodide.FS.mkdirTree("/home/pyodide/data");
pyodide.FS.writeFile("/home/pyodide/data/referential.json", readFileSync(path.join(distDir, "data", "referential.json")));
const partsDir = path.join(distDir, "data", "referential");
if (existsSync(partsDir)) {
  for (const version of readdirSync(partsDir)) {
    pyodide.FS.mkdirTree(`/home/pyodide/data/parts/${version}`);
    for (const name of readdirSync(path.join(partsDir, version))) {
      if (name.endsWith(".json")) pyodide.FS.writeFile(`/home/pyodide/data/parts/${version}/${name}`, readFileSync(path.join(partsDir, version, name)));
    }
  }
}

const modules = pyodide.runPython(`
import io, json, os, sys, unittest
sys.path[:0] = ["/home/pyodide/app", "/home/pyodide"]
suite = unittest.defaultTestLoader.discover("/home/pyodide/tests/engine_suite", top_level_dir="/home/pyodide")
result = unittest.TextTestRunner(stream=io.StringIO()).run(suite)
assert result.wasSuccessful(), result.failures + result.errors

from engine import protocol

def play(bundle, target):
    assert json.loads(protocol.handle_json(json.dumps({"type": "init", "referential": bundle})))["ok"]
    reply = json.loads(protocol.handle_json(json.dumps({"type": "start", "seed": 3, **target})))
    while reply.get("challenge"):
        reply = json.loads(protocol.handle_json(json.dumps({"type": "answer", "state": reply["state"],
            "challenge": reply["challenge"]["id"], "response": None})))
    json.loads(protocol.handle_json(json.dumps({"type": "result", "state": reply["state"]})))

full = json.load(open("/home/pyodide/data/referential.json", encoding="utf-8"))
play(full, {"competences": [full["competences"][0]["id"]]})
if full["profiles"]:
    play(full, {"profile": full["profiles"][0]["id"]})
if os.path.isdir("/home/pyodide/data/parts"):
    for version in os.listdir("/home/pyodide/data/parts"):
        folder = f"/home/pyodide/data/parts/{version}"
        index = json.load(open(f"{folder}/index.json", encoding="utf-8"))
        first = index["competences"][0]["id"]
        part = json.load(open(f"{folder}/{index['parts'][first]}", encoding="utf-8"))
        play({**index, "challenges": part["challenges"]}, {"competences": [first]})

# A Python error reaching JavaScript, as when the engine zip is damaged: Pyodide formats it.
try:
    import zipfile
    zipfile.ZipFile(io.BytesIO(b"pas un zip"))
except Exception:
    import traceback
    traceback.format_exc()
"\\n".join(sorted(_seen | set(sys.modules)))
`);
// The same damaged zip through Pyodide's own unpackArchive (shutil, traceback to JS).
try {
  pyodide.unpackArchive(new Uint8Array([1, 2, 3]), "zip", { extractDir: "/tmp/broken" });
} catch {
  // expected
}
const after = pyodide.runPython(`"\\n".join(sorted(_seen | set(sys.modules)))`);
console.log([...new Set([...modules.split("\n"), ...after.split("\n")])].sort().join("\n"));
