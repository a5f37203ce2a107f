// The page's side of offline mode (the service worker is static/sw.js, moved to the site's root).
//
// - Registers the worker (relative URL: works from any sub-folder), only in a secure context
//   (https:// or localhost); on plain HTTP the mediator's panel says so and the site works
//   online. Never under « diagnum serve » (its live-reload script is on the page): there,
//   any worker left from an earlier visit is unregistered, so an editor never sees a stale page.
// - Asks the worker to store the site: on « Préparer ce poste » (with progress and a
//   confirmation), on a test page once the engine is ready and the page idle (so it never
//   competes with the test's own downloads), and, once a version is stored, to check for a
//   new one (at load, when the page comes back to the front, when the network returns, every
//   ten minutes). A new version is announced; it is used at the next page load.

import { el } from "./dom.js";

const CHECK_EVERY_MS = 10 * 60 * 1000;
const UPDATE_TEXT = "Une nouvelle version de Diagnum est prête : elle sera utilisée au prochain chargement de la page.";

const $ = (id) => document.getElementById(id);
const panel = $("offline-panel");
let mine = null;          // the version that served this page (null: the network did)
let preparing = false;    // the mediator clicked « Préparer ce poste »

function megabytes(bytes) {
  return (bytes / 1e6).toLocaleString("fr-FR", { maximumFractionDigits: 1 }) + " Mo";
}

function setStatus(text) {
  if (panel) $("offline-status").textContent = text;
}

function announceUpdate() {
  if ($("offline-update")) return;
  const note = el("p", { id: "offline-update", class: "alert alert-info", role: "status" });
  document.getElementById("contenu").prepend(note);
  // Filled after insertion, so that screen readers announce it.
  setTimeout(() => { note.textContent = UPDATE_TEXT; }, 100);
}

function onMessage(event) {
  const message = event.data || {};
  if (message.type === "status") {
    mine = message.mine;
    document.documentElement.dataset.offlineVersion = message.current || "";
    if (message.current) {
      setStatus("Ce poste est prêt : Diagnum est enregistré sur cet ordinateur et fonctionne même sans connexion.");
      whenIdle(() => send({ type: "precache" }));   // an update check: only what changed is downloaded
    } else if ($("test-app")) {
      whenEngineReady(() => whenIdle(() => send({ type: "precache" })));
    }
  } else if (message.type === "progress" && preparing) {
    const progress = $("offline-progress");
    progress.hidden = false;
    progress.max = message.totalBytes;
    progress.value = message.bytes;
    setStatus(`Enregistrement en cours : ${megabytes(message.bytes)} sur ${megabytes(message.totalBytes)}…`);
  } else if (message.type === "ready") {
    document.documentElement.dataset.offlineVersion = message.version;
    if (mine && mine !== message.version) announceUpdate();
    if (preparing) {
      preparing = false;
      $("offline-progress").value = $("offline-progress").max;
      $("offline-prepare").disabled = false;
      setStatus(`C'est fait : ce poste est prêt. Tout Diagnum est enregistré sur cet ordinateur (${message.files} fichiers, ${megabytes(message.bytes)}) ; les tests fonctionneront même sans connexion.`);
    } else if (!mine || mine === message.version) {
      setStatus("Ce poste est prêt : Diagnum est enregistré sur cet ordinateur et fonctionne même sans connexion.");
    }
  } else if (message.type === "failed" && preparing) {
    preparing = false;
    $("offline-prepare").disabled = false;
    $("offline-progress").hidden = true;
    setStatus(`L'enregistrement n'a pas pu se terminer (${message.message}). Vérifiez la connexion, puis cliquez de nouveau sur « Préparer ce poste » : ce qui est déjà enregistré est gardé.`);
  }
}

async function send(message) {
  const registration = await navigator.serviceWorker.ready;
  registration.active.postMessage(message);
}

function whenIdle(action) {
  const run = () => (window.requestIdleCallback ? requestIdleCallback(action, { timeout: 5000 }) : setTimeout(action, 1000));
  if (document.readyState === "complete") run();
  else window.addEventListener("load", run, { once: true });
}

function whenEngineReady(action) {
  if (document.body.dataset.engineReady) return action();
  const observer = new MutationObserver(() => {
    if (document.body.dataset.engineReady) {
      observer.disconnect();
      action();
    }
  });
  observer.observe(document.body, { attributes: true, attributeFilter: ["data-engine-ready"] });
}

async function forgetWorkers() {
  if (!("serviceWorker" in navigator)) return;
  for (const registration of await navigator.serviceWorker.getRegistrations()) {
    await registration.unregister();
  }
}

function start() {
  if ($("diagnum-livereload")) return forgetWorkers();   // « diagnum serve »: always fresh pages
  if (!window.isSecureContext || !("serviceWorker" in navigator)) {
    if (panel) {
      panel.hidden = false;
      $("offline-intro").hidden = true;
      $("offline-insecure").hidden = false;
    }
    return;
  }
  if (panel) {
    panel.hidden = false;
    $("offline-actions").hidden = false;
    $("offline-prepare").addEventListener("click", () => {
      preparing = true;
      $("offline-prepare").disabled = true;
      setStatus("Enregistrement en cours…");
      if (navigator.storage && navigator.storage.persist) navigator.storage.persist().catch(() => {});
      send({ type: "precache" });
    });
  }
  navigator.serviceWorker.onmessage = onMessage;
  const url = $("diagnum-offline").dataset.serviceWorker;
  navigator.serviceWorker.register(url).then(() => send({ type: "status" })).catch(() => {
    if (panel) {
      $("offline-actions").hidden = true;
      setStatus("Le mode hors ligne n'est pas disponible dans ce navigateur ; le site fonctionne en ligne.");
    }
  });
  const check = () => { if (document.documentElement.dataset.offlineVersion) send({ type: "precache" }); };
  document.addEventListener("visibilitychange", () => { if (document.visibilityState === "visible") check(); });
  window.addEventListener("online", check);
  window.addEventListener("focus", check);
  setInterval(check, CHECK_EVERY_MS);
}

start();
