// The mediator's worker: boots Pyodide, unpacks engine/ and campaigns/ (one zip), loads the site's
// referential, then answers the page by calling campaigns.protocol.handle_json. Every figure the
// mediator's page shows is computed there, by the project's Python; this file only carries messages.
// The open space's participations live here too (mediator-vault.js), not in the page: the page
// receives only what it shows.
import * as vault from "./mediator-vault.js";

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
let importFiles = null;
let heapBytes = () => 0;   // the size of Pyodide's WebAssembly memory (it only grows)
let booting = null;
let referentialUrl = null;
let pyodideModule = null;
// The « certification blanche » is loaded the first time the mediator uses it, not at boot (most
// visits never do): its Python module, and the referential's challenges as {skeleton: the bundle
// without its challenges, full: every challenge's record by id (only the asked ones reach Python,
// at each check), catalogue: the list of challenges}.
let certification = null;

async function fetchOk(url, what) {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${what} : erreur ${response.status} pour ${url}`);
  return response;
}

async function boot(config) {
  const started = performance.now();
  const [{ loadPyodide }, zip, referential] = await Promise.all([
    import(config.pyodide + "pyodide.mjs"),
    fetchOk(config.mediator, "Calculs du médiateur").then((r) => r.arrayBuffer()),
    fetchOk(config.referential, "Référentiel").then((r) => r.text()),
  ]);
  const pyodide = await loadPyodide({ indexURL: config.pyodide, lockFileContents: { info: config.lock, packages: {} } });
  pyodide.unpackArchive(zip, "zip", { extractDir: "/home/pyodide/diagnum" });
  pyodide.runPython("import sys; sys.path.insert(0, '/home/pyodide/diagnum')");
  heapBytes = () => pyodide._module.HEAP8.buffer.byteLength;
  const protocol = pyodide.pyimport("campaigns.protocol");
  // Python answers in ASCII JSON (campaigns.protocol.handle_ascii), which Pyodide turns into a
  // JavaScript string in one step; any other text it would rebuild one character at a time.
  handle = (text) => protocol.handle_ascii(text);
  importFiles = (text, contents) => protocol.handle_import_json.callKwargs(text, contents, { ascii: true });
  pyodideModule = pyodide;
  referentialUrl = config.referential;
  // The mediator needs the structure, not the questions: only which skills can be asked reaches
  // Python (the challenges' texts would cost tens of megabytes of memory for nothing).
  const bundle = JSON.parse(referential);
  bundle.challenges = bundle.challenges.map((c) => ({ skill_id: c.skill_id, retired: Boolean(c.retired) }));
  const init = JSON.parse(handle(JSON.stringify({ type: "init", referential: bundle })));
  if (!init.ok) throw new Error(init.error.message);
  return { site: init.site, loadMs: Math.round(performance.now() - started) };
}

// The challenge ids a candidate's file (JSON, or its « DCB1. » code) says were asked; Python
// reads the file again, strictly: this only picks which challenges' records it needs.
async function askedIds(text) {
  try {
    let json = String(text).trim();
    if (json.startsWith("DCB1.")) {
      const body = json.slice(5).replace(/\s+/g, "").replace(/-/g, "+").replace(/_/g, "/");
      const bytes = Uint8Array.from(atob(body + "===".slice((body.length + 3) % 4)), (ch) => ch.charCodeAt(0));
      const stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream("deflate-raw"));
      json = await new Response(stream).text();
    }
    const asked = JSON.parse(json).asked;
    return Array.isArray(asked) ? asked.map((a) => a && a.challenge).filter((id) => typeof id === "string") : [];
  } catch {
    return [];
  }
}

async function loadCertification() {
  const bundle = await (await fetchOk(referentialUrl, "Référentiel")).json();
  const protocol = pyodideModule.pyimport("certification.mediator_protocol");
  return {
    certify: (text) => protocol.handle_json(text),
    full: new Map(bundle.challenges.map((c) => [c.id, c])),
    catalogue: bundle.challenges.map((c) => ({ id: c.id, skill_id: c.skill_id, retired: Boolean(c.retired) })),
    skeleton: { ...bundle, challenges: [] },
  };
}

async function certificationRequest(request) {
  certification ??= loadCertification();
  let cert;
  try {
    cert = await certification;
  } catch (error) {
    certification = null;   // a failed load is tried again at the next request
    throw error;
  }
  if (request.type === "certification-check") {
    const ids = [...new Set(await askedIds(request.text))];
    const challenges = ids.map((id) => cert.full.get(id)).filter(Boolean);
    request = { ...request, bundle: { ...cert.skeleton, challenges }, catalogue: cert.catalogue };
  }
  return JSON.parse(cert.certify(JSON.stringify(request)));
}

// Result files are read into bytes here, a batch at a time, and reach Python apart from the JSON
// request (their text is never copied into one big JSON string).
async function importBatch(request, files) {
  const contents = await Promise.all(files.map((file) => (file
    ? (file.size > 60_000_000 ? new ArrayBuffer(0) : file.arrayBuffer()) : undefined)));
  const text = importFiles(JSON.stringify(request), contents);
  // Python has its copy: the batch's megabytes are released now, not at the next collection.
  for (const buffer of contents) buffer?.transfer?.(0);
  return JSON.parse(text);
}

const python = (request) => JSON.parse(handle(JSON.stringify(request)));

self.onmessage = async (event) => {
  const { id, request, files } = event.data;
  const type = request.type;
  try {
    if (type === "boot") {
      booting ??= boot(request.config);
      const booted = await booting;
      postMessage({ id, response: { ok: true, ...booted }, heapMb: Math.round(heapBytes() / 1048576) });
      return;
    }
    if (!handle) await booting;
    const started = performance.now();
    let response;
    if (String(type).startsWith("certification-")) response = await certificationRequest(request);
    else if (vault.TYPES.has(type)) response = await vault.request(request, files || [], python, importBatch);
    else response = python(request);
    postMessage({ id, response: { ...response, workerMs: Math.round(performance.now() - started) }, heapMb: Math.round(heapBytes() / 1048576) });
  } catch (error) {
    const detail = String((error && error.message) || error);
    postMessage({ id, response: { ok: false, error: { code: type === "boot" ? "boot" : "worker", message: detail } } });
  }
};
