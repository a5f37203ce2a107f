// Diagnum's service worker: the whole site stored on this computer, one version at a time.
//
// Served from the site's root (the build moves it there), so its scope is the whole site, in
// whatever sub-folder the site lives. It never precaches on its own: a page asks for it
// (« Préparer ce poste », or a test page once its engine is ready and the page is idle), so
// it never competes with a first test's downloads on a slow line.
//
// - offline-manifest.json (written by builder/offline.py) lists every file with its SHA-256
//   and a site version. A version is stored in its own cache, diagnum-<version>; every file is
//   checked against its hash (a file that changed during the download fails the version), a
//   file with the same hash in an older version's cache is copied instead of downloaded, and
//   the manifest is stored last: a cache without it is incomplete and never used.
// - A page load (navigation) is served by the newest complete version; the worker remembers
//   which version each page came from, and everything that page (and its engine's worker)
//   asks for comes from the same version. An open test therefore keeps its version until the
//   page is reloaded; the older cache is deleted only when no open page uses it.
// - Pages the worker did not serve (the first visit) go to the network, and to the stored
//   copy only when the network fails.
// - The worker stores what the browser received, decoded: no .br/.gz variants.

const CACHE_PREFIX = "diagnum-v-";
const META_CACHE = "diagnum-meta";
const SCOPE = new URL("./", self.location.href).href;
const MANIFEST_URL = new URL("offline-manifest.json", SCOPE).href;
const META_URL = new URL("offline-state.json", SCOPE).href;
const PARALLEL = 3;
const PROGRESS_EVERY_MS = 250;

let meta = null;        // {current: version | null, clients: {clientId: version}}
let running = null;     // the precache in progress (one at a time)
const manifests = new Map();   // version -> manifest, read from its cache

self.addEventListener("install", (event) => event.waitUntil(self.skipWaiting()));
self.addEventListener("activate", (event) => event.waitUntil(self.clients.claim()));

async function loadMeta() {
  if (!meta) {
    const stored = await (await caches.open(META_CACHE)).match(META_URL);
    meta = stored ? await stored.json() : { current: null, clients: {} };
    meta.clients = meta.clients || {};
  }
  return meta;
}

async function saveMeta() {
  const body = JSON.stringify(meta);
  await (await caches.open(META_CACHE)).put(META_URL, new Response(body, {
    headers: { "Content-Type": "application/json" } }));
}

async function manifestOf(version) {
  if (!manifests.has(version)) {
    const stored = await (await caches.open(CACHE_PREFIX + version)).match(MANIFEST_URL);
    if (!stored) return null;
    manifests.set(version, await stored.json());
  }
  return manifests.get(version);
}

function pathOf(url) {
  const href = new URL(url).href.split(/[?#]/)[0];
  if (!href.startsWith(SCOPE)) return null;
  const path = href.slice(SCOPE.length);
  return path === "" || path.endsWith("/") ? path + "index.html" : path;
}

async function fromVersion(version, url) {
  const path = pathOf(url);
  if (!version || path === null) return null;
  const cache = await caches.open(CACHE_PREFIX + version);
  return (await cache.match(SCOPE + path)) || null;
}

// The version of a client the worker has not seen load: the engine's dedicated worker, named
// by its script's URL (static/worker.mjs?v=<hash>): the version whose file has that hash.
async function versionOfWorker(clientId) {
  const client = await self.clients.get(clientId);
  if (!client || client.type !== "worker") return null;
  const url = new URL(client.url);
  const wanted = url.searchParams.get("v");
  const path = pathOf(url.href);
  if (!wanted || !path) return null;
  const names = (await caches.keys()).filter((n) => n.startsWith(CACHE_PREFIX));
  const versions = names.map((n) => n.slice(CACHE_PREFIX.length));
  versions.sort((a, b) => (a === meta.current ? -1 : b === meta.current ? 1 : 0));
  for (const version of versions) {
    const manifest = await manifestOf(version);
    if (manifest && (manifest.files[path] || [""])[0].startsWith(wanted)) {
      meta.clients[clientId] = version;
      return version;
    }
  }
  return null;
}

async function anyVersion(url) {
  const m = await loadMeta();
  const names = (await caches.keys()).filter((n) => n.startsWith(CACHE_PREFIX));
  const versions = [m.current, ...names.map((n) => n.slice(CACHE_PREFIX.length))];
  for (const version of versions) {
    if (version && (await manifestOf(version))) {
      const hit = await fromVersion(version, url);
      if (hit) return hit;
    }
  }
  return null;
}

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET" || !request.url.startsWith(SCOPE)) return;
  const path = pathOf(request.url);
  if (path === "offline-manifest.json" || path === "sw.js") return;  // always the network
  event.respondWith(respond(event));
});

async function respond(event) {
  const request = event.request;
  const m = await loadMeta();
  if (request.mode === "navigate") {
    const hit = await fromVersion(m.current, request.url);
    if (hit) {
      if (event.resultingClientId) {
        m.clients[event.resultingClientId] = m.current;
        event.waitUntil(saveMeta());
      }
      return hit;
    }
    try {
      return await fetch(request);
    } catch (error) {
      const fallback = await anyVersion(request.url);
      if (fallback) return fallback;
      const missing = await fromVersion(m.current, SCOPE + "404.html");
      if (missing) return new Response(missing.body, { status: 404, headers: missing.headers });
      throw error;
    }
  }
  let version = m.clients[event.clientId] || null;
  if (!version && event.clientId) version = await versionOfWorker(event.clientId);
  if (version) {
    const hit = await fromVersion(version, request.url);
    if (hit) return hit;
  }
  try {
    return await fetch(request);
  } catch (error) {
    const fallback = await anyVersion(request.url);
    if (fallback) return fallback;
    throw error;
  }
}

async function broadcast(message) {
  for (const client of await self.clients.matchAll({ type: "window", includeUncontrolled: true })) {
    client.postMessage(message);
  }
}

async function sha256(buffer) {
  const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", buffer));
  return Array.from(digest, (b) => b.toString(16).padStart(2, "0")).join("");
}

// A file of another stored version with the same hash (Pyodide, unchanged pages): no download.
async function sameFile(path, hash, version) {
  for (const name of await caches.keys()) {
    if (!name.startsWith(CACHE_PREFIX) || name === CACHE_PREFIX + version) continue;
    const other = name.slice(CACHE_PREFIX.length);
    const manifest = await manifestOf(other);
    if (manifest && manifest.files[path] && manifest.files[path][0] === hash) {
      const hit = await fromVersion(other, SCOPE + path);
      if (hit) return hit;
    }
  }
  return null;
}

async function store(cache, path, [hash], version) {
  const url = SCOPE + path;
  if (await cache.match(url)) return;   // stored by an interrupted earlier run
  const copy = await sameFile(path, hash, version);
  if (copy) {
    await cache.put(url, copy);
    return;
  }
  // The browser's HTTP cache first (the test just downloaded the engine), then the server.
  for (const mode of ["default", "no-cache"]) {
    const response = await fetch(url, { cache: mode });
    if (!response.ok) throw new Error(`${path} : réponse ${response.status} du serveur`);
    const body = await response.arrayBuffer();
    if ((await sha256(body)) !== hash) continue;
    const type = response.headers.get("Content-Type") || "application/octet-stream";
    await cache.put(url, new Response(body, { headers: { "Content-Type": type } }));
    return;
  }
  throw new Error(`${path} a changé pendant le téléchargement`);
}

async function precache() {
  const response = await fetch(MANIFEST_URL, { cache: "no-store" });
  if (!response.ok) throw new Error(`offline-manifest.json : réponse ${response.status} du serveur`);
  const manifest = await response.json();
  const m = await loadMeta();
  const version = manifest.version;
  const cache = await caches.open(CACHE_PREFIX + version);
  const entries = Object.entries(manifest.files);
  const totalBytes = entries.reduce((sum, [, [, size]]) => sum + size, 0);
  if (m.current !== version || !(await cache.match(MANIFEST_URL))) {
    let done = 0, bytes = 0, last = 0;
    const queue = entries.slice();
    const report = (force) => {
      const now = Date.now();
      if (!force && now - last < PROGRESS_EVERY_MS) return;
      last = now;
      broadcast({ type: "progress", done, total: entries.length, bytes, totalBytes });
    };
    report(true);
    const worker = async () => {
      while (queue.length) {
        const [path, entry] = queue.shift();
        await store(cache, path, entry, version);
        done += 1;
        bytes += entry[1];
        report(false);
      }
    };
    await Promise.all(Array.from({ length: PARALLEL }, worker));
    report(true);
    await cache.put(MANIFEST_URL, new Response(JSON.stringify(manifest), {
      headers: { "Content-Type": "application/json" } }));
    manifests.set(version, manifest);
  }
  const previous = m.current;
  m.current = version;
  await cleanUp();
  await broadcast({ type: "ready", version, previous, files: entries.length, bytes: totalBytes });
}

// Keep the current version and those of open pages; forget closed pages.
async function cleanUp() {
  const open = new Set((await self.clients.matchAll({ includeUncontrolled: true })).map((c) => c.id));
  for (const id of Object.keys(meta.clients)) if (!open.has(id)) delete meta.clients[id];
  await saveMeta();
  const keep = new Set([meta.current, ...Object.values(meta.clients)]);
  for (const name of await caches.keys()) {
    if (name.startsWith(CACHE_PREFIX) && !keep.has(name.slice(CACHE_PREFIX.length))) {
      await caches.delete(name);
      manifests.delete(name.slice(CACHE_PREFIX.length));
    }
  }
}

self.addEventListener("message", (event) => {
  const message = event.data || {};
  if (message.type === "status") {
    event.waitUntil(loadMeta().then(async (m) => {
      const complete = m.current ? Boolean(await manifestOf(m.current)) : false;
      event.source.postMessage({ type: "status", current: complete ? m.current : null,
                                 mine: m.clients[event.source.id] || null });
    }));
  } else if (message.type === "precache") {
    if (!running) {
      running = precache()
        .catch((error) => broadcast({ type: "failed", message: String(error.message || error) }))
        .finally(() => { running = null; });
    }
    event.waitUntil(running);
  }
});
