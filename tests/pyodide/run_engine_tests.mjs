// Run the engine's own test suite (tests/engine_suite, stdlib unittest) inside real Pyodide under
// Node, against the runtime and the engine zip shipped in a built dist/. No network.
// Usage: node run_engine_tests.mjs <dist dir> <tests/engine_suite dir>
// Prints "N passed, N failed" and exits non-zero on any failure.
import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";

const [distDir, suiteDir] = process.argv.slice(2).map((p) => path.resolve(p));
const pyodideRoot = path.join(distDir, "pyodide");
const version = readdirSync(pyodideRoot)[0];
const indexURL = path.join(pyodideRoot, version) + path.sep;
const engineZip = readdirSync(path.join(distDir, "engine")).find((f) => /^engine\.[0-9a-f]+\.zip$/.test(f));
const lock = JSON.parse(readFileSync(new URL("../../node_modules/pyodide/pyodide-lock.json", import.meta.url)));

const { loadPyodide } = await import(pathToFileURL(path.join(indexURL, "pyodide.mjs")).href);
const started = Date.now();
const pyodide = await loadPyodide({ indexURL, lockFileContents: { info: lock.info, packages: {} } });
const bootMs = Date.now() - started;
pyodide.unpackArchive(new Uint8Array(readFileSync(path.join(distDir, "engine", engineZip))), "zip",
  { extractDir: "/home/pyodide/app" });
pyodide.FS.mkdirTree("/home/pyodide/tests/engine_suite");
pyodide.FS.writeFile("/home/pyodide/tests/__init__.py", "");
for (const name of readdirSync(suiteDir).filter((f) => f.endsWith(".py"))) {
  pyodide.FS.writeFile(`/home/pyodide/tests/engine_suite/${name}`, readFileSync(path.join(suiteDir, name)));
}
const summary = pyodide.runPython(`
import sys, unittest, io
sys.path[:0] = ["/home/pyodide/app", "/home/pyodide"]
import engine
assert engine.__file__.startswith("/home/pyodide/app/"), engine.__file__
suite = unittest.defaultTestLoader.discover("/home/pyodide/tests/engine_suite", top_level_dir="/home/pyodide")
stream = io.StringIO()
result = unittest.TextTestRunner(stream=stream, verbosity=2).run(suite)
failed = len(result.failures) + len(result.errors)
print(stream.getvalue())
print(f"Python {sys.version.split()[0]} ({sys.platform}), engine from {engine.__file__}")
f"{result.testsRun - failed - len(result.skipped)} passed, {failed} failed"
`);
console.log(`Pyodide ${version} booted in ${bootMs} ms, engine ${engineZip}`);
console.log(summary);
process.exit(summary.endsWith(" 0 failed") ? 0 : 1);
