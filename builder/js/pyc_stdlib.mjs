// Compile Pyodide's standard library to .pyc inside Pyodide itself (same CPython build, so the
// magic number matches) and write it as a zip: start-up drops from ~5 s to ~1.5 s.
// With a keep list (stdlib_keep.txt), only those modules are written, and the zip is stored
// uncompressed: the host's brotli then compresses across files, far better than per-file deflate.
// Usage: node pyc_stdlib.mjs <node_modules/pyodide dir> <output zip> [keep list]
import { readFileSync, writeFileSync } from "node:fs";
import { pathToFileURL } from "node:url";
import path from "node:path";

const [pyodideDir, output, keepFile] = process.argv.slice(2);
const { loadPyodide } = await import(pathToFileURL(path.join(pyodideDir, "pyodide.mjs")).href);
const pyodide = await loadPyodide({ indexURL: pyodideDir + path.sep });
pyodide.globals.set("keep_text", keepFile ? readFileSync(keepFile, "utf-8") : "");
const kept = pyodide.runPython(`
import importlib._bootstrap_external as ext, importlib.util as util, zipfile, sys
lines = [line.split("#")[0].strip() for line in keep_text.splitlines()]
names = {line for line in lines if line and not line.endswith(".*")}
whole = {line[:-2] for line in lines if line.endswith(".*")}

def module_of(filename):
    name = filename.rsplit(".", 1)[0].replace("/", ".")
    return name[:-len(".__init__")] if name.endswith(".__init__") else name

def wanted(filename):
    if not keep_text:
        return True
    if filename.endswith(".py"):
        name = module_of(filename)
    else:  # a data file: kept with its package
        name = module_of(filename.rsplit("/", 1)[0] + "/__init__.py") if "/" in filename else ""
    return name in names or any(name == w or name.startswith(w + ".") for w in whole)

method = zipfile.ZIP_STORED if keep_text else zipfile.ZIP_DEFLATED
source = next(p for p in sys.path if p.endswith(".zip"))
count = 0
with zipfile.ZipFile(source) as zin, zipfile.ZipFile("/tmp/stdlib.zip", "w", method) as zout:
    for info in zin.infolist():
        if info.is_dir() or not wanted(info.filename):
            continue
        count += 1
        data = zin.read(info)
        if info.filename.endswith(".py"):
            try:
                code = compile(data, info.filename, "exec", dont_inherit=True)
            except SyntaxError:
                zout.writestr(zipfile.ZipInfo(info.filename, info.date_time), data)
                continue
            pyc = ext._code_to_hash_pyc(code, util.source_hash(data), checked=False)
            zout.writestr(zipfile.ZipInfo(info.filename[:-3] + ".pyc", info.date_time), bytes(pyc))
        else:
            zout.writestr(zipfile.ZipInfo(info.filename, info.date_time), data)
count
`);
writeFileSync(output, pyodide.FS.readFile("/tmp/stdlib.zip"));
console.log(`pyc stdlib written: ${output} (${kept} files)`);
