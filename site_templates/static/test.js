// The test page: shows questions and results, stores the state after every answer, and passes
// messages to the engine worker. All decisions (which question, is it right, what level) are
// the engine's.
import { load, update, StorageProblem } from "./storage.js";
import { el } from "./dom.js";
import { typeOf } from "./types.js";
import { renderResults as showResults } from "./results.js";

const BOOT_TIMEOUT_MS = 90_000;
const runtime = JSON.parse(document.getElementById("diagnum-runtime").textContent);
const $ = (id) => document.getElementById(id);
const params = new URLSearchParams(location.search);
const target = params.get("parcours")
  ? { kind: "parcours", id: params.get("parcours") }
  : { kind: "competence", ids: (params.get("competence") || "").split(",").filter(Boolean) };
const sessionKey = target.kind === "parcours" ? `parcours:${target.id}` : `competence:${target.ids.join(",")}`;
const LEVEL_NAMES = ["débutant", "novice", "novice", "indépendant", "indépendant", "avancé", "avancé", "expert", "expert"];
// What the rendering modules need from the page: site-relative URLs made absolute, labels.
const ctx = {
  asset: (path) => new URL(path, new URL(runtime.home, location.href)).href,
  levelNames: LEVEL_NAMES,
};

let worker = null;
let nextId = 0;
const pending = new Map();
let current = null; // {state, challenge, progress}
let storageWorks = true;

// ------------------------------------------------------------------ the worker
function rpc(request) {
  return new Promise((resolve) => {
    const id = ++nextId;
    pending.set(id, resolve);
    worker.postMessage({ id, request });
  });
}

function startWorker() {
  if (location.protocol === "file:") {
    return fail("Cette page a été ouverte comme un fichier (adresse commençant par file://). Le test a besoin d'être servi par un serveur web : demandez à la personne qui a installé Diagnum, ou lancez « make serve ».");
  }
  if (typeof Worker === "undefined" || typeof WebAssembly === "undefined") {
    return fail("Ce navigateur est trop ancien pour faire passer le test. Essayez avec une version récente de Firefox, Chrome, Edge ou Safari.");
  }
  try {
    worker = new Worker(new URL(runtime.worker, location.href), { type: "module" });
  } catch (error) {
    return fail("Ce navigateur ne sait pas lancer le moteur du test (« module worker »). Essayez avec une version récente de Firefox, Chrome, Edge ou Safari.");
  }
  worker.onmessage = (event) => {
    const { id, response, kind, step } = event.data;
    if (kind === "progress") {
      $("engine-status-text").textContent = step === "engine" ? "Préparation des questions…" : "Chargement du moteur du test…";
      return;
    }
    pending.get(id)?.(response);
    pending.delete(id);
  };
  worker.onerror = (event) => {
    event.preventDefault?.();
    fail("Le moteur du test n'a pas pu démarrer. L'hébergement sert peut-être mal certains fichiers (.mjs, .wasm) : la personne qui l'a installé peut vérifier le fichier .htaccess fourni.");
  };
  const timer = setTimeout(() => fail("Le moteur du test met trop de temps à démarrer. La connexion est peut-être lente, ou l'hébergement sert mal les fichiers .wasm. Réessayez dans un moment ; si cela recommence, prévenez la personne qui a installé Diagnum."), BOOT_TIMEOUT_MS);
  const absolute = (path) => new URL(path, location.href).href;
  rpc({ type: "boot", config: { pyodide: absolute(runtime.pyodide), engine: absolute(runtime.engine), referential: absolute(runtime.referential), parts: absolute(runtime.parts), target, lock: runtime.lock } })
    .then((response) => {
      clearTimeout(timer);
      if (!response.ok) {
        return fail("Le moteur du test n'a pas pu démarrer. Un fichier du site est peut-être abîmé ou incomplet sur l'hébergement : réessayez plus tard, et si cela recommence, prévenez la personne qui a installé Diagnum.", response.error.detail || response.error.message);
      }
      document.body.dataset.engineReady = "true";
      document.body.dataset.engineLoadMs = response.loadMs;
      ready();
    });
}

// ------------------------------------------------------------------ screens
function show(section) {
  for (const id of ["intro", "question", "results", "failure"]) $(id).hidden = id !== section;
}

// A French explanation for the learner; technical details folded away for whoever installed the site.
function fail(message, detail) {
  const body = $("failure-body");
  body.replaceChildren(el("p", {}, message));
  if (detail) {
    body.append(el("details", {},
      el("summary", {}, "Détails techniques (pour la personne qui a installé Diagnum)"),
      el("pre", { class: "technical" }, detail)));
  }
  show("failure");
  $("failure-title").focus();
}

function notify(message) {
  const note = document.createElement("p");
  note.className = "alert alert-info";
  note.setAttribute("role", "status");
  note.textContent = message;
  $("intro").prepend(note);
}

function describeTarget() {
  if (target.kind === "parcours") return `Parcours « ${runtime.profiles[target.id] || target.id} »`;
  return target.ids.map((id) => `${id} ${runtime.titles[id] || ""}`.trim()).join(" · ");
}

function savedSession() {
  try {
    const { data } = load();
    return data.profiles[data.active].sessions[sessionKey] || null;
  } catch {
    return null;
  }
}

function ready() {
  const session = savedSession();
  $("engine-status").classList.add("is-ready");
  $("engine-status").querySelector(".spinner")?.remove();
  if (session) {
    $("engine-status-text").textContent = `Vous avez un test en cours (${session.state.answers.length} réponse${session.state.answers.length > 1 ? "s" : ""} enregistrée${session.state.answers.length > 1 ? "s" : ""}).`;
    $("start-button").hidden = true;
    for (const id of ["resume-button", "restart-button"]) { $(id).hidden = false; $(id).disabled = false; }
    $("resume-button").focus();
  } else {
    $("engine-status-text").textContent = "Le test est prêt.";
    $("start-button").disabled = false;
    $("start-button").focus();
  }
}

// ------------------------------------------------------------------ storage
function save(response) {
  if (!storageWorks) return;
  try {
    update((profile) => {
      const now = new Date().toISOString();
      if (response.result && response.result.complete) {
        delete profile.sessions[sessionKey];
        profile.history.push({ key: sessionKey, finishedAt: now, state: response.state, summary: summarise(response.result) });
      } else {
        const previous = profile.sessions[sessionKey];
        profile.sessions[sessionKey] = { key: sessionKey, startedAt: previous?.startedAt || now, updatedAt: now, state: response.state };
      }
    });
  } catch (error) {
    storageWorks = !(error instanceof StorageProblem) ? storageWorks : false;
    showQuestionError(error.message);
  }
}

function summarise(result) {
  return { pix: result.pix, competences: result.competences.map((c) => ({ id: c.competence_id, level: c.level, pix: c.pix })) };
}

// ------------------------------------------------------------------ the test
async function begin(resume) {
  for (const id of ["start-button", "resume-button", "restart-button"]) $(id).disabled = true;
  const session = resume ? savedSession() : null;
  const request = session
    ? { type: "resume", state: session.state }
    : target.kind === "parcours"
      ? { type: "start", profile: target.id, seed: randomSeed() }
      : { type: "start", competences: target.ids, seed: randomSeed() };
  const response = await rpc(request);
  if (!response.ok) {
    if (response.error.code === "state-invalid") {
      notify(`${response.error.message} Ce test ne peut pas être repris ; vous pouvez le recommencer. Les réponses enregistrées restent dans le navigateur.`);
      $("restart-button").disabled = false;
      $("resume-button").hidden = true;
      return;
    }
    return fail(response.error.message);
  }
  save(response);
  render(response);
}

function randomSeed() {
  const buffer = new Uint32Array(1);
  crypto.getRandomValues(buffer);
  return buffer[0];
}

function render(response) {
  if (!response.challenge) return renderResults(response.result);
  current = response;
  renderQuestion(response.challenge, response.progress);
}

function renderProgress(progress) {
  const n = progress.asked + 1;
  const comp = current.challenge.competence;
  const several = progress.competence_count > 1 ? ` — compétence ${progress.competence_index + 1} sur ${progress.competence_count}` : "";
  $("progress-text").textContent = `${comp.id} ${comp.title}${several} · au plus ${progress.max_in_competence} questions pour cette compétence`;
  const share = progress.max_in_competence ? progress.asked_in_competence / progress.max_in_competence : 0;
  const overall = (progress.competence_index + share) / progress.competence_count;
  $("progress-fill").style.width = `${Math.round(overall * 100)}%`;
  $("question-title").textContent = `Question ${n}`;
  document.title = `Question ${n} — ${comp.title} — Diagnum`;
}

function renderQuestion(challenge, progress) {
  renderProgress(progress);
  const body = $("question-body");
  $("question-error").hidden = true;
  body.replaceChildren(el("div", { class: "instruction", id: "instruction" }, challenge.instruction));
  if (challenge.illustration) {
    body.append(el("figure", { class: "illustration" },
      el("img", { src: ctx.asset(challenge.illustration.src), alt: challenge.illustration.alt })));
  }
  if (challenge.document) {
    body.append(el("section", { class: "document", "aria-label": "Document à consulter" },
      el("p", { class: "document-label" }, "Document"), el("div", {}, challenge.document)));
  }
  body.append(typeOf(challenge).render(challenge, { el, asset: ctx.asset }));
  for (const id of ["submit-button", "skip-button"]) $(id).disabled = false;
  show("question");
  $("question-title").focus();
}

function collectResponse(challenge) {
  return typeOf(challenge).collect($("question-form"));
}

function showQuestionError(message) {
  const box = $("question-error");
  box.textContent = message;
  box.hidden = false;
}

async function submit(skipped) {
  const challenge = current.challenge;
  const response = skipped ? null : collectResponse(challenge);
  if (!skipped && response === null) {
    showQuestionError(typeOf(challenge).emptyMessage);
    $("question-form").querySelector("input")?.focus();
    return;
  }
  for (const id of ["submit-button", "skip-button"]) $(id).disabled = true;
  // The same test open in another tab may have gone further: never answer over it.
  const stored = savedSession();
  if (stored && stored.state.answers.length > current.state.answers.length) {
    const resumed = await rpc({ type: "resume", state: stored.state });
    if (resumed.ok) {
      render(resumed);
      return showQuestionError("Ce test a avancé dans un autre onglet : voici la question où il en est.");
    }
  }
  const result = await rpc({ type: "answer", state: current.state, challenge: challenge.id, response });
  if (!result.ok) {
    for (const id of ["submit-button", "skip-button"]) $(id).disabled = false;
    return showQuestionError(result.error.message);
  }
  save(result);
  render(result);
}

// ------------------------------------------------------------------ results
function renderResults(result) {
  current = null;
  showResults($("results-body"), result, ctx);
  show("results");
  document.title = "Vos résultats — Diagnum";
  $("results-title").focus();
}

// ------------------------------------------------------------------ start-up
function init() {
  if (target.kind === "competence" && !target.ids.length) {
    $("intro-title").textContent = "Choisissez d'abord une compétence";
    $("engine-status").hidden = true;
    $("start-button").hidden = true;
    $("intro").append(el("p", {}, "Ce test porte sur une compétence à choisir sur ",
      el("a", { href: runtime.home }, "la page d'accueil"), "."));
    return;
  }
  $("intro-subject").textContent = describeTarget();
  try {
    const { notice } = load();
    if (notice) notify(notice);
  } catch (error) {
    if (error instanceof StorageProblem) { storageWorks = false; notify(error.message); } else throw error;
  }
  $("start-button").addEventListener("click", () => begin(false));
  $("resume-button").addEventListener("click", () => begin(true));
  $("restart-button").addEventListener("click", () => {
    if (!confirm("Recommencer ce test depuis le début ? Les réponses de ce test en cours seront remplacées.")) return;
    begin(false);
  });
  $("question-form").addEventListener("submit", (event) => { event.preventDefault(); submit(false); });
  $("skip-button").addEventListener("click", () => submit(true));
  $("failure-retry").addEventListener("click", () => location.reload());
  startWorker();
}

init();
