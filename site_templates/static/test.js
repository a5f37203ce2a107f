// The test page: shows questions and results, stores the state after every answer, and passes
// messages to the engine worker. All decisions (which question, is it right, what level) are
// the engine's. The worker's lifecycle is in engine-client.js, saving without losing an answer in
// sessions.js; this file only wires them to the screens.
import { load, STORAGE_KEY, StorageProblem } from "./storage.js";
import { commit, fingerprint, sameFingerprint, storedSession, finishedCount } from "./sessions.js";
import { listProfiles, setActiveProfile, createProfile, history, downloadExport, askPersistence, CHOSEN_KEY, DEFAULT_PROFILE_NAME } from "./learner.js";
import { eraseWithConfirmation } from "./erase.js";
import { EngineClient, EngineUnavailable } from "./engine-client.js";
import { el } from "./dom.js";
import { typeOf } from "./types.js";
import { renderResults as showResults } from "./results.js";
import { makeTutos } from "./tutos.js";
import { loadFirstSteps, pickStep, startRequest, showDownload } from "./early.js";
import { zoomButton } from "./zoom.js";
import { campaignTarget, readCampaign, showLanding, externalId, keptCampaign, showSend } from "./campaign.js";
import { campaignName } from "./learner-view.js";

const runtime = JSON.parse(document.getElementById("diagnum-runtime").textContent);
const $ = (id) => document.getElementById(id);
const params = new URLSearchParams(location.search);
// A campaign's test (?campagne=CODE, its link's #c=… fragment) is its own test: key campagne:CODE.
const target = campaignTarget(params, location.hash) || (params.get("parcours")
  ? { kind: "parcours", id: params.get("parcours") }
  : { kind: "competence", ids: (params.get("competence") || "").split(",").filter(Boolean) });
const sessionKey = target.kind === "campagne" ? `campagne:${target.code}`
  : target.kind === "parcours" ? `parcours:${target.id}` : `competence:${target.ids.join(",")}`;
// What the rendering modules need from the page: site-relative URLs made absolute, labels.
const ctx = {
  asset: (path) => new URL(path, new URL(runtime.home, location.href)).href,
  levelNames: runtime.labels.levels, // content/site.yaml
  tutos: makeTutos(() => profileId), // bookmark a recommended tutorial (« Mes tutos »)
};

let engine = null;
let current = null; // {state, challenge, progress}
let baseline = null; // fingerprint of the stored test as this tab last saw it (compare-and-set)
let replacing = null; // {reason, record}: a stored test this tab's test sets aside, until saved
let profileId = null; // the local profile taking the test (chosen on this page)
let startedAt = null; // when the test on screen began (sent to the engine as started_at)
let unsaved = null; // the last step not saved yet (retried after each answer)
let storageMode = "ok"; // "ok" | "failing" | "unsaved" (the learner chose to go on without saving)
let busy = false; // a step is being asked or saved: another tab's changes wait for it
let firstSteps = null; // the builder's first questions, while the engine is not ready (early.js)
let early = null; // {step, answer} while a precomputed first question is on screen
let campaign = null; // the campaign of this test (campaigns.participant), once read
let kept = null; // what is stored with the test of a campaign (campaign.js keptCampaign)

// ------------------------------------------------------------------ the worker
function startWorker() {
  if (location.protocol === "file:") {
    return fail("Cette page a été ouverte comme un fichier (adresse commençant par file://). Le test a besoin d'être servi par un serveur web : demandez à la personne qui a installé Diagnum, ou lancez « make serve ».");
  }
  if (typeof Worker === "undefined" || typeof WebAssembly === "undefined") {
    return fail("Ce navigateur est trop ancien pour faire passer le test. Essayez avec une version récente de Firefox, Chrome, Edge ou Safari.");
  }
  const absolute = (path) => new URL(path, location.href).href;
  const downloads = Object.fromEntries(Object.entries(runtime.downloads || {}).map(([path, size]) => [absolute(new URL(path, new URL(runtime.home, location.href)).href), size]));
  const config = { pyodide: absolute(runtime.pyodide), engine: absolute(runtime.engine), referential: absolute(runtime.referential), parts: absolute(runtime.parts), target, lock: runtime.lock, downloads };
  $("download").hidden = false;
  engine = new EngineClient(new URL(runtime.worker, location.href), config, {
    onProgress: (step, bytes, expected) => {
      $("engine-status-text").textContent = step === "engine" ? "Préparation des questions…" : "Chargement du moteur du test…";
      showDownload($("download-bar"), $("download-text"), bytes || 0, expected);
    },
    onStall: () => slowBoot("Le moteur du test met longtemps à démarrer. La connexion est peut-être lente, ou l'hébergement sert mal les fichiers .wasm. Cette page continue d'attendre : si le moteur arrive, le test s'affichera tout seul. Sinon, réessayez dans un moment ; si cela recommence, prévenez la personne qui a installé Diagnum."),
  });
  let booting;
  try {
    booting = engine.boot();
  } catch (error) {
    return fail("Ce navigateur ne sait pas lancer le moteur du test (« module worker »). Essayez avec une version récente de Firefox, Chrome, Edge ou Safari.");
  }
  booting.then((response) => {
    $("failure-title").textContent = FAILURE_TITLE;
    document.body.dataset.engineReady = "true";
    document.body.dataset.engineLoadMs = response.loadMs;
    $("download").hidden = true;
    if (early) return handOver();
    if (target.kind === "campagne" && !campaign) return joinCampaign();
    show("intro"); // also recovers from the "takes long" message
    ready();
  }, (error) => {
    $("failure-title").textContent = FAILURE_TITLE;
    fail(error.message, error.detail);
  });
}

// A long silence while booting: said, but the page keeps waiting and recovers by itself.
const FAILURE_TITLE = document.getElementById("failure-title").textContent;
function slowBoot(message) {
  fail(message);
  $("failure-title").textContent = "Le test met longtemps à démarrer";
}

// One request to the engine; null when the engine is lost (the page then offers « Reprendre »).
async function ask(request) {
  try {
    return await engine.request(request);
  } catch (error) {
    if (!(error instanceof EngineUnavailable)) throw error;
    engineLost();
    return null;
  }
}

function engineLost() {
  for (const id of ["submit-button", "skip-button", "start-button", "resume-button", "restart-button"]) $(id).disabled = true;
  $("engine-alert-text").textContent = "Vos réponses ne sont pas perdues : elles sont gardées par cette page. Cliquez sur « Reprendre » pour relancer le moteur et continuer là où vous en étiez.";
  $("engine-resume").disabled = false;
  $("engine-alert").hidden = false;
  $("engine-resume").focus();
}

// A new worker, then the test resumes from the state this page holds: nothing is lost.
async function resumeEngine() {
  $("engine-resume").disabled = true;
  $("engine-alert-text").textContent = "Redémarrage du moteur du test…";
  try {
    await engine.restart();
  } catch (error) {
    $("engine-alert-text").textContent = `Le moteur du test n'a pas pu redémarrer (${error.message}). Vos réponses restent gardées par cette page : réessayez dans un moment.`;
    $("engine-resume").disabled = false;
    return;
  }
  $("engine-alert").hidden = true;
  if (early) return handOver(); // the kept early answer is handed over to the new engine
  if (!current) {
    show("intro");
    return ready();
  }
  const resumed = await ask({ type: "resume", state: current.state, started_at: startedAt, record: true });
  if (!resumed) return;
  if (!resumed.ok) return fail(resumed.error.message);
  if (resumed.challenge && resumed.challenge.id === current.challenge.id) {
    current = resumed; // same question: the learner's answer on screen is kept
    for (const id of ["submit-button", "skip-button"]) $(id).disabled = false;
    note("Le moteur du test est reparti. Vous pouvez valider votre réponse.");
    $("question-title").focus();
  } else {
    render(resumed);
  }
}

// ------------------------------------------------------------------ screens
function show(section) {
  for (const id of ["intro", "question", "results", "failure", "erased"]) $(id).hidden = id !== section;
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
  if (target.kind === "campagne") return campaign ? `${campaignName(campaign)} (${campaign.title})` : `Campagne ${target.code}`;
  if (target.kind === "parcours") return `Parcours « ${runtime.profiles[target.id] || target.id} »`;
  return target.ids.map((id) => `${id} ${runtime.titles[id] || ""}`.trim()).join(" · ");
}

// A short message above the screens (role="status"), cleared when the learner answers.
function note(message) {
  $("info-note").textContent = message;
  $("info-note").hidden = false;
}

function plural(n, singular, several = `${singular}s`) {
  return `${n} ${n > 1 ? several : singular}`;
}

// The stored test of this page's key, or null; a storage that cannot be read is reported.
function savedSession() {
  try {
    return storedSession(sessionKey, profileId);
  } catch (problem) {
    if (!(problem instanceof StorageProblem)) throw problem;
    storageFailed(problem);
    return null;
  }
}

// The profile may have been erased in another tab (« Mes données »): ask again who is there.
function profileGone() {
  try {
    return !listProfiles().some((p) => p.id === profileId);
  } catch {
    return false;
  }
}

function ready({ focus = true } = {}) {
  if (profileId && profileGone()) return askWho();
  if (campaign) offerProfileNow();
  if (!profileId) { // who takes the test is asked first: no one sees another person's test
    $("engine-status").classList.add("is-ready");
    $("engine-status").querySelector(".spinner")?.remove();
    $("engine-status-text").textContent = "Le test est prêt. Choisissez d'abord qui le passe.";
    for (const id of ["start-button", "resume-button", "restart-button"]) $(id).hidden = true;
    return;
  }
  const session = savedSession();
  baseline = fingerprint(session);
  $("engine-status").classList.add("is-ready");
  $("engine-status").querySelector(".spinner")?.remove();
  if (session) {
    const n = session.state.answers.length + (session.early ? 1 : 0);
    $("engine-status-text").textContent = `Vous avez un test en cours (${plural(n, "réponse")} ${n > 1 ? "enregistrées" : "enregistrée"}).`;
    $("start-button").hidden = true;
    for (const id of ["resume-button", "restart-button"]) { $(id).hidden = false; $(id).disabled = false; }
    if (focus) $("resume-button").focus();
  } else {
    $("engine-status-text").textContent = "Le test est prêt.";
    $("start-button").hidden = false;
    $("start-button").disabled = false;
    for (const id of ["resume-button", "restart-button"]) $(id).hidden = true;
    if (focus) $("start-button").focus();
  }
}

// ------------------------------------------------------------------ storage
// Save a step (compare-and-set on the stored test). Returns the outcome of sessions.commit.
async function save(step, options = {}) {
  unsaved = step;
  const outcome = await commit(sessionKey, step, baseline, { profileId, replacing, startedAt, campaign: kept, ...options });
  if (outcome.status === "saved") {
    baseline = outcome.fingerprint;
    replacing = null;
    unsaved = null;
    if (storageMode !== "ok") {
      storageMode = "ok";
      $("save-alert").hidden = true;
      $("unsaved-banner").hidden = true;
      const freed = outcome.removed ? `${plural(outcome.removed, "test terminé", "tests terminés")} ${outcome.removed > 1 ? "ont été supprimés" : "a été supprimé"} pour faire de la place. ` : "";
      note(`${freed}Vos réponses sont de nouveau enregistrées dans ce navigateur.`);
    }
  } else if (outcome.status === "failed") {
    storageFailed(outcome.problem);
  }
  return outcome;
}

// A message that stays until the learner acts: free space, retry, or go on unsaved knowingly.
function storageFailed(problem) {
  if (storageMode === "unsaved") return; // already chosen; the banner says it
  storageMode = "failing";
  const full = problem.kind === "full";
  $("save-alert-title").textContent = unsaved ? "Votre dernière réponse n'a pas pu être enregistrée" : "Vos réponses ne pourront pas être enregistrées";
  $("save-alert-text").textContent = full
    ? "L'espace de stockage de ce navigateur est plein ou refusé. Vos réponses restent sur cette page, et Diagnum réessaiera de les enregistrer après chaque réponse."
    : `${problem.message} Vos réponses restent sur cette page, et Diagnum réessaiera de les enregistrer après chaque réponse.`;
  const finished = full ? finishedCount(profileId) : 0;
  $("save-free").hidden = finished === 0;
  $("save-alert-free-text").hidden = finished === 0;
  $("save-alert-free-text").textContent = `Ce navigateur garde ${plural(finished, "test terminé", "tests terminés")} : en supprimer ${finished > 1 ? "les plus anciens" : "un"} peut faire de la place.`;
  $("save-alert").hidden = false;
}

async function retrySave() {
  if (!unsaved && !replacing) {
    $("save-alert").hidden = true;
    storageMode = "ok";
    return;
  }
  const outcome = await save(unsaved, {});
  if (outcome.status === "conflict") return followOtherTab(outcome.stored, "Ce test a avancé dans un autre onglet : voici la question où il en est.");
  if (outcome.status === "failed") note("L'enregistrement est toujours impossible.");
}

function keepGoingUnsaved() {
  storageMode = "unsaved";
  $("save-alert").hidden = true;
  $("unsaved-banner").hidden = false;
  (current ? $("question-title") : $("intro-title")).focus();
}

async function freeSpace() {
  const finished = finishedCount(profileId);
  $("free-text").textContent = `Ce navigateur garde ${plural(finished, "test terminé", "tests terminés")}. Diagnum supprimera ${finished > 1 ? "les plus anciens, un par un," : "ce test"} jusqu'à ce que vos réponses puissent être enregistrées (au plus ${finished}).`;
  if (await openDialog($("free-dialog"), $("free-cancel")) !== "free") return;
  const outcome = await save(unsaved, { freeSpace: true });
  if (outcome.status === "conflict") return followOtherTab(outcome.stored, "Ce test a avancé dans un autre onglet : voici la question où il en est.");
  if (outcome.status === "failed") {
    $("save-alert-text").textContent = "Même sans les tests terminés, la place manque : rien n'a été supprimé. Vous pouvez continuer sans enregistrer, ou libérer de la place dans les réglages du navigateur.";
    $("save-retry").focus();
  }
}

// An in-page modal dialog (keyboard: Tab stays inside, Échap cancels); resolves with the value
// of the button used, "cancel" otherwise.
function openDialog(dialog, initialFocus) {
  dialog.returnValue = "cancel";
  return new Promise((resolve) => {
    dialog.addEventListener("close", () => resolve(dialog.returnValue || "cancel"), { once: true });
    dialog.showModal();
    initialFocus.focus();
  });
}

// Another tab changed the stored test: follow it (its answer won), and say so.
async function followOtherTab(stored, message, asAlert = false) {
  baseline = fingerprint(stored);
  unsaved = null;
  replacing = null;
  if (!stored) {
    current = null;
    show("intro");
    ready();
    notify("Ce test a été terminé ou remplacé dans un autre onglet.");
    return;
  }
  startedAt = stored.startedAt;
  const resumed = await ask({ type: "resume", state: stored.state, started_at: startedAt, record: true });
  if (!resumed) return;
  if (!resumed.ok) return fail(resumed.error.message);
  render(resumed);
  if (asAlert) showQuestionError(message);
  else note(message);
}

async function onOtherTab() {
  if (busy || !profileId || !document.body.dataset.engineReady || !$("engine-alert").hidden) return;
  let stored;
  try { stored = storedSession(sessionKey, profileId); } catch { return; }
  if (sameFingerprint(fingerprint(stored), baseline)) return;
  if (current && !$("question").hidden) {
    busy = true;
    try {
      const replaced = stored && baseline && stored.state.seed !== baseline.seed;
      await followOtherTab(stored, replaced
        ? "Ce test a été remplacé par un nouveau test dans un autre onglet (l'ancien est rangé dans l'historique) : voici sa question en cours."
        : "Ce test a avancé dans un autre onglet : voici la question où il en est.");
    } finally {
      busy = false;
    }
  } else if (!$("intro").hidden && !$("replace-dialog").open) {
    ready({ focus: false });
  }
}

// ------------------------------------------------------------------ the test
async function begin(resume) {
  if (busy) return;
  if (target.kind === "campagne") { // the campaign is read, and its external id typed, first
    const id = campaign ? externalId(campaign) : null;
    if (id === null) return;
    kept = keptCampaign(campaign, id);
  }
  if (!resume && !document.body.dataset.engineReady) return beginEarly();
  let session = savedSession();
  if (!resume && session && !replacing) {
    const n = session.state.answers.length;
    $("replace-text").textContent = `Ce navigateur a déjà un test en cours pour : ${describeTarget()} (${plural(n, "réponse")}), peut-être ouvert dans un autre onglet.`;
    const choice = await openDialog($("replace-dialog"), $("replace-resume"));
    if (choice === "cancel") return;
    session = savedSession(); // the freshest copy, after the learner's thinking time
    if (choice === "resume") resume = true;
    else if (session) replacing = { reason: "remplace", record: await recordFor(session, "replaced") };
  }
  if (resume && !session) return ready(); // finished or replaced in another tab meanwhile
  baseline = fingerprint(session);
  busy = true;
  try {
    for (const id of ["start-button", "resume-button", "restart-button"]) $(id).disabled = true;
    startedAt = resume ? session.startedAt : new Date().toISOString();
    const request = resume
      ? { type: "resume", state: session.state }
      : target.kind === "campagne"
        ? { type: "start", ...campaign.start, seed: randomSeed() }
        : target.kind === "parcours"
        ? { type: "start", profile: target.id, seed: randomSeed() }
        : { type: "start", competences: target.ids, seed: randomSeed() };
    Object.assign(request, { started_at: startedAt, record: true });
    let response = await ask(request);
    if (!response) return;
    if (!response.ok) {
      if (response.error.code === "state-invalid") return await setAside(session, response.error.message);
      return fail(response.error.message);
    }
    if (resume && session.early) {
      const replayed = await replayEarly(response, session.early);
      if (!replayed) return;
      response = replayed;
    }
    if (resume && session.state.referential !== runtime.version) {
      const n = session.state.answers.length;
      note(`Les questions du test ont été mises à jour depuis votre dernière visite. Votre test reprend là où vous en étiez, avec ${n > 1 ? `vos ${n} réponses` : n === 1 ? "votre réponse" : "aucune réponse pour l'instant"}.`);
    }
    const outcome = await save(response);
    if (outcome.status === "conflict") return await followOtherTab(outcome.stored, "Ce test vient de changer dans un autre onglet : voici où il en est.");
    render(response);
  } finally {
    busy = false;
  }
}

// The engine's record of a stored test about to go to the history (null if the engine cannot
// make one: the latest record kept with the session, or the state itself, is kept instead).
async function recordFor(session, status) {
  const response = await ask({ type: "record", state: session.state, status, started_at: session.startedAt });
  return response && response.ok ? response.record : null;
}

// The stored test cannot continue (content changed on the server, or unreadable): it goes to the
// history as it was (the record kept with it), and the learner may start afresh.
async function setAside(session, message) {
  const changed = session.state.referential !== runtime.version;
  replacing = { reason: changed ? "contenu-modifie" : "illisible", record: null };
  const outcome = await save(null);
  if (outcome.status === "conflict") return followOtherTab(outcome.stored, "Ce test vient de changer dans un autre onglet : voici où il en est.");
  const n = session.state.answers.length;
  const kept = outcome.status === "saved"
    ? `Il a été rangé tel quel dans l'historique de ce navigateur (${plural(n, "réponse")} ${n > 1 ? "gardées" : "gardée"}).`
    : "Il reste enregistré tel quel dans ce navigateur.";
  notify(changed
    ? `Le contenu du test a été mis à jour sur le site depuis votre dernière visite, et votre test en cours ne peut pas continuer avec les nouvelles questions. ${kept} Vous pouvez commencer un nouveau test.`
    : `${message} ${kept} Vous pouvez commencer un nouveau test.`);
  ready();
  if (outcome.status !== "saved") {
    // Still stored: the next save sets it aside first (replacing stays set).
    for (const id of ["resume-button", "restart-button"]) $(id).hidden = true;
    $("start-button").hidden = false;
    $("start-button").disabled = false;
    $("start-button").focus();
  }
}

function randomSeed() {
  const buffer = new Uint32Array(1);
  crypto.getRandomValues(buffer);
  return buffer[0];
}

function render(response) {
  if (!response.challenge) return renderResults(response.result, response.record);
  current = response;
  renderQuestion(response.challenge, response.progress);
}

function renderProgress(progress) {
  const n = progress.asked + 1;
  const comp = current.challenge.competence;
  // Competences asked in turns (profil express): no « compétence k sur n », the bar counts questions.
  const several = progress.competence_count > 1 && !progress.interleaved ? ` — compétence ${progress.competence_index + 1} sur ${progress.competence_count}` : "";
  // A profil express caps the whole test (max_total), not each competence.
  const cap = progress.max_total
    ? `question ${n} sur ${progress.max_total} au plus pour tout le profil`
    : `au plus ${progress.max_in_competence} questions pour cette compétence`;
  $("progress-text").textContent = `${comp.id} ${comp.title}${several} · ${cap}`;
  const share = progress.max_in_competence ? progress.asked_in_competence / progress.max_in_competence : 0;
  const byCompetence = (progress.competence_index + share) / progress.competence_count;
  const overall = progress.interleaved ? progress.asked / progress.max_total
    : progress.max_total ? Math.max(progress.asked / progress.max_total, progress.competence_index / progress.competence_count) : byCompetence;
  $("progress-fill").style.width = `${Math.round(overall * 100)}%`;
  $("question-title").textContent = `Question ${n}`;
  document.title = `Question ${n} — ${comp.title} — Diagnum`;
  // Screen readers hear the heading (it takes the focus), then this summary, politely.
  const left = progress.interleaved ? Math.max(0, progress.max_total - progress.asked) : Math.max(0, progress.max_in_competence - progress.asked_in_competence);
  const leftText = progress.interleaved ? `au plus ${left} question${left > 1 ? "s" : ""} restante${left > 1 ? "s" : ""} pour tout le profil` : left > 1 ? `au plus ${left} questions restantes pour cette compétence` : left === 1 ? "au plus 1 question restante pour cette compétence" : "dernière question pour cette compétence";
  const severalText = progress.competence_count > 1 && !progress.interleaved ? ` (compétence ${progress.competence_index + 1} sur ${progress.competence_count})` : "";
  $("question-announce").textContent = `Question ${n} — compétence ${comp.id} ${comp.title}${severalText}, ${leftText}.`;
}

function renderQuestion(challenge, progress) {
  renderProgress(progress);
  const body = $("question-body");
  $("question-error").hidden = true;
  body.replaceChildren(el("div", { class: "instruction", id: "instruction" }, challenge.instruction));
  if (challenge.illustration) {
    const img = el("img", { src: ctx.asset(challenge.illustration.src), alt: challenge.illustration.alt });
    body.append(el("figure", { class: "illustration" }, img, zoomButton(img)));
  }
  if (challenge.document) {
    body.append(el("section", { class: "document", "aria-label": "Document à consulter" },
      el("p", { class: "document-label" }, "Document"), el("div", {}, challenge.document)));
  }
  body.append(typeOf(challenge).render(challenge, { el, asset: ctx.asset }));
  // A clickable picture (zone) answers when clicked: its zoom is a separate button.
  for (const picture of body.querySelectorAll(".zone-picture img")) {
    picture.closest(".zone-picture").after(zoomButton(picture, { clickPicture: false }));
  }
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
  if (busy || !current) return;
  const challenge = current.challenge;
  const response = skipped ? null : collectResponse(challenge);
  if (!skipped && response === null) {
    showQuestionError(typeOf(challenge).emptyMessage);
    $("question-form").querySelector("input")?.focus();
    return;
  }
  if (early) return keepEarly(challenge, response);
  busy = true;
  try {
    for (const id of ["submit-button", "skip-button"]) $(id).disabled = true;
    $("info-note").hidden = true;
    const result = await ask({ type: "answer", state: current.state, challenge: challenge.id, response, started_at: startedAt, record: true });
    if (!result) return; // the engine is lost: the alert offers « Reprendre »
    if (!result.ok) {
      if (result.error.code === "not-pending") {
        return await followOtherTab(savedSession(), "Cette question n'est plus celle en cours : voici où en est le test.", true);
      }
      for (const id of ["submit-button", "skip-button"]) $(id).disabled = false;
      return showQuestionError(result.error.message);
    }
    // Compare-and-set: if another tab answered first, its answer wins and this one is dropped.
    const outcome = await save(result);
    if (outcome.status === "conflict") {
      return await followOtherTab(outcome.stored, "Cette question a déjà reçu une réponse dans un autre onglet : votre réponse ici n'a pas été comptée. Voici la question où en est le test.", true);
    }
    render(result);
  } finally {
    busy = false;
  }
}

// ------------------------------------------------------------------ before the engine is ready
// (early.js) The first question comes from the builder; the response waits for the engine.

// « Commencer » before the engine is ready: a precomputed first question, saved as the engine's
// own start would be.
async function beginEarly() {
  if (!firstSteps || savedSession()) return; // a stored test needs the engine to resume
  const step = pickStep(firstSteps);
  busy = true;
  try {
    $("start-button").disabled = true;
    baseline = null;
    startedAt = new Date().toISOString();
    const outcome = await save(step);
    if (outcome.status === "conflict") return await followOtherTab(outcome.stored, "Ce test vient de changer dans un autre onglet : voici où il en est.");
    early = { step, answer: null };
    render(step);
  } finally {
    busy = false;
  }
}

// The learner answered the precomputed question: kept (and stored with the test), not checked.
async function keepEarly(challenge, response) {
  for (const id of ["submit-button", "skip-button"]) $(id).disabled = true;
  early.answer = { challenge: challenge.id, response };
  busy = true;
  try {
    await save({ state: early.step.state, early: early.answer });
  } finally {
    busy = false;
  }
  if (!early) return; // the engine was faster: handed over already
  note("Votre réponse est gardée. La question suivante s'affichera dès que le test sera prêt : il finit de se télécharger.");
  document.body.dataset.earlyAnswer = "kept";
}

// The engine is ready: it starts with the same seed, then gets the kept response, if any.
async function handOver() {
  const { step, answer } = early;
  busy = true;
  try {
    const started = await ask({ ...startRequest(target, step.state.seed), started_at: startedAt, record: true });
    if (!started) return;
    if (!started.ok) return fail(started.error.message);
    let next = started;
    if (answer) {
      next = await replayEarly(started, answer);
      if (!next) return;
    }
    early = null;
    const outcome = await save(next);
    if (outcome.status === "conflict") return await followOtherTab(outcome.stored, "Ce test vient de changer dans un autre onglet : voici où il en est.");
    if (answer || next.challenge?.id !== step.challenge.id) {
      $("info-note").hidden = true;
      render(next);
    } else {
      current = next; // the same question stays on screen, with what the learner is typing
      for (const id of ["submit-button", "skip-button"]) $(id).disabled = false;
    }
  } finally {
    busy = false;
  }
}

// The kept response, given to the engine on the question it was given to; null if the engine is
// lost. A question that differs (content changed since) keeps the engine's step: nothing is guessed.
async function replayEarly(step, answer) {
  if (step.challenge?.id !== answer.challenge) return step;
  const result = await ask({ type: "answer", state: step.state, challenge: answer.challenge, response: answer.response, started_at: startedAt, record: true });
  if (!result) return null;
  return result.ok ? result : step;
}

// ------------------------------------------------------------------ results
function renderResults(result, record = null) {
  current = null;
  showResults($("results-body"), result, ctx);
  show("results");
  document.title = "Vos résultats — Diagnum";
  $("results-title").focus();
  if (campaign && record) sendToMediator(record);
}

// ------------------------------------------------------------------ a campaign
// The campaign named by the address, read by Python in the worker; a typo, an unknown parcours or
// a damaged link is said in French, with the way back to « J'ai un code ».
async function joinCampaign() {
  let stored = null;
  try { stored = profileId ? storedSession(sessionKey, profileId)?.campaign : null; } catch { stored = null; }
  const response = await readCampaign(ask, target, runtime, stored);
  if (!response) return;
  if (!response.ok) {
    fail(response.error.message);
    $("failure-title").textContent = "Cette campagne ne peut pas s'ouvrir";
    $("failure-body").append(el("p", {}, el("a", { href: `${runtime.home}#campaign-join` }, "Retaper le code sur la page d'accueil (« J'ai un code »)")));
    return;
  }
  campaign = response.campaign;
  showLanding(campaign, stored);
  show("intro");
  ready();
}

// Every finished test of this profile, as records (« collecter les profils »).
function finishedRecords() {
  try {
    return history(profileId).filter((item) => item.status === "finished" && item.record).map((item) => item.record);
  } catch {
    return [];
  }
}

// « Envoyer mes résultats au médiateur »: the test just finished (« collecter les profils »: every
// finished test of this profile, the newest level of each competence counts).
function sendToMediator(record) {
  const records = campaign.goal === "evaluer" ? [record] : finishedRecords();
  const profile = listProfiles().find((p) => p.id === profileId);
  const nickname = profile && profile.name !== DEFAULT_PROFILE_NAME ? profile.name : "";
  const keptNow = kept || keptCampaign(campaign, "");
  return showSend({ ask, campaign, kept: keptNow, records: records.length ? records : [record], nickname, runtime });
}

// The campaign's landing once the person is known: the external id typed for a test in progress;
// « collecter les profils » with tests already taken here: the profile may go as it is.
function offerProfileNow() {
  const stored = profileId ? savedSession()?.campaign : null; // a test resumed: its external id
  if (stored?.externalId && !$("campaign-id").value) $("campaign-id").value = stored.externalId;
  $("campaign-profile-now").hidden = !(campaign?.goal === "collecter" && profileId && finishedRecords().length);
}

async function sendProfileNow() {
  const id = externalId(campaign);
  if (id === null) return;
  kept = keptCampaign(campaign, id);
  const records = finishedRecords();
  $("results-body").replaceChildren(el("p", { class: "lead" }, "Votre profil est fait des tests terminés sur cet appareil : pour chaque compétence, le niveau de votre test le plus récent."));
  show("results");
  document.title = `Envoyer mon profil — ${campaignName(campaign)} — Diagnum`;
  $("results-title").textContent = "Votre profil";
  $("results-title").focus();
  const profile = listProfiles().find((p) => p.id === profileId);
  const nickname = profile && profile.name !== DEFAULT_PROFILE_NAME ? profile.name : "";
  await showSend({ ask, campaign, kept, records, nickname, runtime });
}

// ------------------------------------------------------------------ who takes the test
// Chosen in this tab already (a reload), else asked when several people use this browser or when
// the only profile has this test in progress (it may be someone else's).
function needsChoice(profiles) {
  let chosen = null;
  try { chosen = sessionStorage.getItem(CHOSEN_KEY); } catch { /* no sessionStorage */ }
  if (chosen && profiles.some((p) => p.id === chosen)) return { id: chosen, ask: false };
  if (profiles.length > 1) return { id: null, ask: true };
  const only = profiles[0];
  let busyHere = false;
  try { busyHere = !!storedSession(sessionKey, only.id); } catch { /* reported elsewhere */ }
  return busyHere ? { id: null, ask: true } : { id: only.id, ask: false };
}

function askWho() {
  profileId = null;
  const list = $("who-list");
  list.replaceChildren(...listProfiles().map((p, i) => el("div", { class: "choice" },
    el("input", { type: "radio", name: "who", id: `who-${i}`, value: p.id }),
    el("label", { for: `who-${i}` }, p.name))));
  $("who-new").checked = false;
  $("who-name").value = "";
  $("who-error").hidden = true;
  $("profile-line").hidden = true;
  $("last-results").hidden = true;
  $("who").hidden = false;
  ready({ focus: false });
  $("who-title").focus();
}

async function chooseWho(event) {
  event.preventDefault();
  const picked = $("who").querySelector("input[name=who]:checked");
  const name = $("who-name").value.trim();
  const error = (message, focus) => {
    $("who-error").textContent = message;
    $("who-error").hidden = false;
    focus.focus();
  };
  try {
    if (picked && picked.value) await setActiveProfile(picked.value);
    else if (name) await createProfile(name);
    else return error(picked ? "Indiquez votre prénom ou un pseudonyme pour créer votre profil." : "Choisissez votre profil, ou indiquez votre prénom pour en créer un.", picked ? $("who-name") : $("who-list").querySelector("input") || $("who-new"));
  } catch (problem) {
    if (problem instanceof StorageProblem) return error(problem.message, $("who-submit"));
    throw problem;
  }
  $("who").hidden = true;
  chosen(listProfiles().find((p) => p.active).id);
}

// The profile taking the test is known: say whose it is, show their previous results.
function chosen(id) {
  profileId = id;
  try { sessionStorage.setItem(CHOSEN_KEY, id); } catch { /* no sessionStorage */ }
  const profile = listProfiles().find((p) => p.id === id);
  $("profile-name").textContent = profile.name;
  $("profile-line").hidden = false;
  showLastResults();
  if (document.body.dataset.engineReady) ready();
}

const DATE = new Intl.DateTimeFormat("fr-FR", { dateStyle: "long", timeStyle: "short" });
const STATUS_TEXT = { interrupted: "arrêté en cours", replaced: "remplacé par un nouveau test", "content-changed": "arrêté (questions mises à jour)" };

// Read from the stored records (never replayed): date, level and pix of each competence.
function describeItem(item) {
  const when = DATE.format(new Date(item.date));
  const competences = item.record ? item.record.competences : item.legacy.summary?.competences || [];
  const levels = competences.map((c) => `${c.id} ${runtime.titles[c.id] || ""} : niveau ${c.level} (${c.pix} pix)`.replace("  ", " ")).join(" ; ");
  const answers = item.record ? item.record.answers.length : item.legacy.state.answers.length;
  if (item.status !== "finished") return `${when} — test ${STATUS_TEXT[item.status] || "arrêté"}, ${plural(answers, "réponse")}.`;
  const old = item.legacy ? " (enregistré par une version précédente de Diagnum)" : "";
  return `${when} — ${levels || `${plural(answers, "réponse")}`}${item.record?.profile ? ` ; maîtrise du parcours : ${item.record.profile.mastery} %` : ""}${old}.`;
}

function showLastResults() {
  let items = [];
  try { items = history(profileId).filter((item) => item.key === sessionKey).slice(0, 5); } catch { items = []; }
  $("last-results-list").replaceChildren(...items.map((item) => el("li", {}, describeItem(item))));
  $("last-results").hidden = items.length === 0;
}

function exportResults() {
  const out = downloadExport([profileId]);
  $("my-data-note").textContent = out.files
    ? `Le fichier de vos résultats a été téléchargé (${plural(out.records, "test", "tests")}). Il se trouve dans le dossier des téléchargements de ce navigateur.`
    : "Il n'y a aucun résultat à télécharger.";
}

async function eraseData() {
  if (!await eraseWithConfirmation(profileId, { returnFocus: $("results-erase") })) return;
  profileId = null;
  current = null;
  $("results-body").replaceChildren(); // nothing of that person stays on screen
  show("erased");
  document.title = "Données effacées — Diagnum";
  $("erased-title").focus();
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
    const who = needsChoice(listProfiles());
    if (who.ask) askWho();
    else chosen(who.id);
  } catch (problem) {
    if (!(problem instanceof StorageProblem)) throw problem;
    profileId = "p1"; // storage unreadable: the test still runs, unsaved, and says so
    storageFailed(problem);
  }
  $("start-button").addEventListener("click", () => begin(false));
  $("resume-button").addEventListener("click", () => begin(true));
  $("restart-button").addEventListener("click", () => begin(false));
  $("question-form").addEventListener("submit", (event) => { event.preventDefault(); submit(false); });
  $("skip-button").addEventListener("click", () => submit(true));
  $("failure-retry").addEventListener("click", () => location.reload());
  $("save-retry").addEventListener("click", retrySave);
  $("save-unsaved").addEventListener("click", keepGoingUnsaved);
  $("save-free").addEventListener("click", freeSpace);
  $("engine-resume").addEventListener("click", resumeEngine);
  $("who").addEventListener("submit", chooseWho);
  $("who-name").addEventListener("input", () => { if ($("who-name").value) $("who-new").checked = true; });
  $("profile-change").addEventListener("click", askWho);
  $("results-export").addEventListener("click", exportResults);
  $("results-erase").addEventListener("click", eraseData);
  $("campaign-profile-button").addEventListener("click", sendProfileNow);
  // Another tab wrote: a stale tab follows at once instead of answering an old question.
  window.addEventListener("storage", (event) => {
    if (event.key === null || event.key === STORAGE_KEY) onOtherTab();
  });
  loadFirstSteps(runtime, target).then((steps) => {
    if (!steps || document.body.dataset.engineReady || savedSession()) return;
    firstSteps = steps;
    $("start-button").hidden = false;
    $("start-button").disabled = false;
    document.body.dataset.firstQuestions = "ready";
  });
  startWorker();
  // Answers are worth keeping: ask the browser not to evict them (secure origins only; silent).
  askPersistence();
}

init();
