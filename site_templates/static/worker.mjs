// Diagnum's engine worker: boots Pyodide, unpacks the engine zip, then answers the page's
// messages by calling engine.protocol.handle_json. No logic lives here: it only carries messages.

// Some hosts serve .wasm with a wrong MIME type; Pyodide then hangs forever. Retry with the bytes.
const streaming = WebAssembly.instantiateStreaming;
WebAssembly.instantiateStreaming = async (source, imports) => {
  const response = await source;
  try {
    return await streaming(response.clone(), imports);
  } catch (error) {
    if (!(error instanceof TypeError)) throw error;
    return WebAssembly.instantiate(await response.arrayBuffer(), imports);
  }
};

let handle = null;
let booting = null;

async function fetchOk(url, what) {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${what} : erreur ${response.status} pour ${url}`);
  return response;
}

// The referential a test needs: the index of data/referential/<version>/ and the parts of its
// competences (a parcours: those of its tubes), loaded by engine.load_referential as one
// {index, parts}. Without a target it knows (older pages, other kinds of tests), the whole bundle.
async function fetchReferential(config) {
  const get = (url) => fetchOk(url, "Référentiel").then((r) => r.json());
  const { kind, id, ids } = config.target || {};
  if (!config.parts || (kind !== "parcours" && kind !== "competence")) return get(config.referential);
  const index = await get(config.parts + "index.json");
  const wanted = kind === "parcours" ? index.profile_competences[id] || [] : ids;
  const files = [...new Set(wanted)].filter((cid) => index.parts[cid]).map((cid) => index.parts[cid]);
  return { index, parts: await Promise.all(files.map((file) => get(config.parts + file))) };
}

async function boot(config) {
  const started = performance.now();
  const progress = (step) => postMessage({ kind: "progress", step });
  progress("runtime");
  const [{ loadPyodide }, engineZip, referential] = await Promise.all([
    import(config.pyodide + "pyodide.mjs"),
    fetchOk(config.engine, "Moteur").then((r) => r.arrayBuffer()),
    fetchReferential(config),
  ]);
  const pyodide = await loadPyodide({
    indexURL: config.pyodide,
    lockFileContents: { info: config.lock, packages: {} },
  });
  progress("engine");
  pyodide.unpackArchive(engineZip, "zip", { extractDir: "/home/pyodide/diagnum" });
  pyodide.runPython("import sys; sys.path.insert(0, '/home/pyodide/diagnum')");
  const protocol = pyodide.pyimport("engine.protocol");
  handle = (text) => protocol.handle_json(text);
  const init = JSON.parse(handle(JSON.stringify({ type: "init", referential })));
  if (!init.ok) throw new Error(init.error.message);
  return { version: init.version, loadMs: Math.round(performance.now() - started) };
}

self.onmessage = async (event) => {
  const { id, request } = event.data;
  try {
    if (request.type === "boot") {
      booting ??= boot(request.config);
      postMessage({ id, response: { ok: true, ...(await booting) } });
      return;
    }
    if (!handle) await booting;
    const started = performance.now();
    const response = JSON.parse(handle(JSON.stringify(request)));
    response.engineMs = Math.round((performance.now() - started) * 100) / 100;
    postMessage({ id, response });
  } catch (error) {
    const detail = String((error && error.message) || error);
    postMessage({ id, response: { ok: false, error: { code: request.type === "boot" ? "boot" : "worker", message: detail, detail } } });
  }
};
