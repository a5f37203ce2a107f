// Diagnum's engine worker: boots Pyodide, unpacks the engine zip, then answers the page's
// messages by calling engine.protocol.handle_json. No logic lives here: it only carries messages.

// A file of the runtime that answers an HTTP error (404…) must fail the boot at once, with a
// French message: Pyodide itself only logs a failed wasm and then waits forever. The page is told
// directly (kind "boot-failed"), because such a rejection does not always reach loadPyodide.
function bootFailed(url, status) {
  const name = String(url).split("/").pop();
  postMessage({
    kind: "boot-failed",
    message: `Un fichier du moteur du test est introuvable sur l'hébergement (« ${name} », erreur ${status}).`,
    detail: `${url} : HTTP ${status}`,
  });
}

// Progress: every chunk of every download pokes the page (at most every 250 ms), so that the page
// waits as long as bytes keep arriving, however slow the connection.
// Bytes are counted as they travel on the line: a compressed response's decoded bytes are scaled
// by its Content-Length over the file's size (config.downloads: URL → size, from the builder).
// The expected total is known once every big file has answered (its Content-Length).
let received = 0;
let lastReport = 0;
let downloads = {};
const expectedWire = new Map();
function expected() {
  const urls = Object.keys(downloads);
  if (!urls.length || urls.some((url) => !expectedWire.has(url))) return null;
  return urls.reduce((sum, url) => sum + expectedWire.get(url), 0);
}
function progress(step, force = false) {
  const now = performance.now();
  if (!force && now - lastReport < 250) return;
  lastReport = now;
  postMessage({ kind: "progress", step, bytes: Math.round(received), expected: expected() });
}

const realFetch = self.fetch.bind(self);
self.fetch = async (input, init) => {
  const response = await realFetch(input, init);
  const url = typeof input === "string" ? input : input.url || String(input);
  if (!response.ok) {
    bootFailed(url, response.status);
    throw new Error(`Erreur ${response.status} pour ${url}`);
  }
  const key = url.split("?")[0];
  const size = downloads[key];
  const length = Number(response.headers.get("Content-Length")) || 0;
  let scale = 1;
  if (size) {
    expectedWire.set(key, length || size);
    if (length) scale = length / size;
  }
  progress("download", true);
  if (!response.body || typeof TransformStream === "undefined") return response;
  const counter = new TransformStream({
    transform(chunk, controller) {
      if (size) received += chunk.byteLength * scale;
      progress("download");
      controller.enqueue(chunk);
    },
  });
  return new Response(response.body.pipeThrough(counter), {
    status: response.status, statusText: response.statusText, headers: response.headers,
  });
};

// Some hosts serve .wasm with a wrong MIME type; Pyodide then hangs forever. Retry with the bytes.
const streaming = WebAssembly.instantiateStreaming;
WebAssembly.instantiateStreaming = async (source, imports) => {
  let response;
  try {
    response = await source;
  } catch (error) {
    postMessage({ kind: "boot-failed", message: "Le moteur du test n'a pas pu être téléchargé.", detail: String(error) });
    throw error;
  }
  if (!response.ok) {
    bootFailed(response.url, response.status);
    throw new Error(`Erreur ${response.status} pour ${response.url}`);
  }
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
  downloads = config.downloads || {};
  progress("runtime", true);
  const [{ loadPyodide }, engineZip, referential] = await Promise.all([
    import(config.pyodide + "pyodide.mjs"),
    fetchOk(config.engine, "Moteur").then((r) => r.arrayBuffer()),
    fetchReferential(config),
  ]);
  const pyodide = await loadPyodide({
    indexURL: config.pyodide,
    lockFileContents: { info: config.lock, packages: {} },
  });
  progress("engine", true);
  pyodide.unpackArchive(engineZip, "zip", { extractDir: "/home/pyodide/diagnum" });
  pyodide.runPython("import sys; sys.path.insert(0, '/home/pyodide/diagnum')");
  // The candidate's page of a « certification blanche » names its own protocol module (which
  // hands every engine request to engine.protocol); every other page uses the engine's.
  const protocol = pyodide.pyimport(config.protocol || "engine.protocol");
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
