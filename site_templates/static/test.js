// The test page: shows questions and results, stores the state after every answer, and passes
// messages to the engine worker. All decisions (which question, is it right, what level) are
// the engine's.
import { load, update, StorageProblem } from "./storage.js";

const BOOT_TIMEOUT_MS = 90_000;
const runtime = JSON.parse(document.getElementById("diagnum-runtime").textContent);
const $ = (id) => document.getElementById(id);
const params = new URLSearchParams(location.search);
const target = params.get("parcours")
  ? { kind: "parcours", id: params.get("parcours") }
  : { kind: "competence", ids: (params.get("competence") || "").split(",").filter(Boolean) };
const sessionKey = target.kind === "parcours" ? `parcours:${target.id}` : `competence:${target.ids.join(",")}`;
const LEVEL_NAMES = ["débutant", "novice", "novice", "indépendant", "indépendant", "avancé", "avancé", "expert", "expert"];

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
  body.replaceChildren(html("p", {}, escapeText(message)));
  if (detail) {
    const more = html("details");
    more.append(html("summary", {}, "Détails techniques (pour la personne qui a installé Diagnum)"));
    more.append(html("pre", { class: "technical" }, escapeText(detail)));
    body.append(more);
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

function html(tag, attrs = {}, inner = "") {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === true) el.setAttribute(k, "");
    else if (v !== false && v != null) el.setAttribute(k, v);
  }
  if (inner instanceof Node) el.append(inner);
  else if (inner) el.innerHTML = inner; // builder-sanitised HTML from the referential
  return el;
}

function renderQuestion(challenge, progress) {
  renderProgress(progress);
  const body = $("question-body");
  body.replaceChildren();
  $("question-error").hidden = true;
  body.append(html("div", { class: "instruction", id: "instruction" }, challenge.instruction));
  if (challenge.illustration) {
    const fig = html("figure", { class: "illustration" });
    fig.append(html("img", { src: new URL(challenge.illustration.src, new URL(runtime.home, location.href)).href, alt: challenge.illustration.alt }));
    body.append(fig);
  }
  if (challenge.document) {
    const doc = html("section", { class: "document", "aria-label": "Document à consulter" });
    doc.append(html("p", { class: "document-label" }, "Document"));
    doc.append(html("div", {}, challenge.document));
    body.append(doc);
  }
  if (challenge.type === "QCU" || challenge.type === "QCM") {
    const single = challenge.type === "QCU";
    const fieldset = html("fieldset", { class: "choices", "aria-describedby": "instruction" });
    fieldset.append(html("legend", {}, single ? "Choisissez une réponse :" : "Cochez toutes les bonnes réponses (il y en a plusieurs) :"));
    challenge.proposals.forEach((proposal, i) => {
      const id = `choice-${i + 1}`;
      const row = html("div", { class: "choice" });
      row.append(html("input", { type: single ? "radio" : "checkbox", name: "choice", id, value: String(i + 1) }));
      row.append(html("label", { for: id }, proposal));
      fieldset.append(row);
    });
    body.append(fieldset);
  } else {
    const group = html("div", { class: "fields" });
    challenge.fields.forEach((field, i) => {
      const id = `field-${field.key}`;
      const row = html("div", { class: "field" });
      row.append(html("label", { for: id }, escapeText(field.label)));
      row.append(html("input", { type: "text", id, name: field.key, autocomplete: "off", autocapitalize: "off", spellcheck: "false", inputmode: challenge.format === "nombre" ? "decimal" : null, "aria-describedby": i === 0 ? "instruction" : null }));
      group.append(row);
    });
    body.append(group);
  }
  for (const id of ["submit-button", "skip-button"]) $(id).disabled = false;
  show("question");
  $("question-title").focus();
}

function escapeText(text) {
  const span = document.createElement("span");
  span.textContent = text;
  return span.innerHTML;
}

function collectResponse(challenge) {
  const form = $("question-form");
  if (challenge.type === "QCU") {
    const checked = form.querySelector("input[name=choice]:checked");
    return checked ? checked.value : null;
  }
  if (challenge.type === "QCM") {
    const values = [...form.querySelectorAll("input[name=choice]:checked")].map((i) => Number(i.value));
    return values.length ? values : null;
  }
  const values = {};
  for (const field of challenge.fields) values[field.key] = form.elements[field.key].value;
  if (Object.values(values).every((v) => !v.trim())) return null;
  return challenge.type === "QROC" ? values[challenge.fields[0].key] : values;
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
    showQuestionError(challenge.type === "QCU" || challenge.type === "QCM"
      ? "Choisissez une réponse, ou cliquez sur « Je passe » si vous ne savez pas."
      : "Écrivez votre réponse, ou cliquez sur « Je passe » si vous ne savez pas.");
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
  const body = $("results-body");
  body.replaceChildren();
  const intro = html("p", { class: "lead" });
  intro.textContent = result.competences.length > 1
    ? `Vous avez obtenu ${result.pix} pix sur l'ensemble des compétences testées.`
    : "Voici ce que le test a appris de vos réponses.";
  body.append(intro);
  if (result.profile) body.append(profileCard(result.profile));
  for (const comp of result.competences) body.append(competenceCard(comp));
  if (result.review.length) body.append(reviewSection(result.review));
  show("results");
  document.title = "Vos résultats — Diagnum";
  $("results-title").focus();
}

function profileCard(profile) {
  const card = html("section", { class: "profile-result", "aria-labelledby": "res-profile" });
  card.append(html("h2", { id: "res-profile" }, `Parcours « ${escapeText(profile.title)} »`));
  card.append(html("p", { class: "result-level" }, `<strong>${profile.mastery} %</strong> des acquis du parcours sont maîtrisés (${profile.validated} sur ${profile.skills}).`));
  if (profile.stage) {
    card.append(html("p", {}, `Palier ${profile.stage_index} sur ${profile.stage_count} : <strong>${escapeText(profile.stage.title)}</strong> — ${escapeText(profile.stage.message)}`));
  }
  for (const block of profile.blocks) {
    card.append(html("p", { class: "meta" }, `${escapeText(block.title)} : ${block.mastery} %`));
  }
  if (profile.badges.length) {
    const list = html("ul", { class: "badge-list" });
    for (const badge of profile.badges) {
      const status = badge.obtained ? "Badge obtenu" : `Pas encore obtenu (progression ${badge.progress} %)`;
      list.append(html("li", { class: badge.obtained ? "obtained" : "" }, `<strong>${escapeText(badge.title)}</strong> — ${status}. ${escapeText(badge.description)}`));
    }
    card.append(list);
  }
  return card;
}

function competenceCard(comp) {
  const card = html("section", { class: "result-card", "aria-labelledby": `res-${comp.competence_id}` });
  card.append(html("h2", { id: `res-${comp.competence_id}` }, `${escapeText(comp.competence_id)} ${escapeText(comp.title)}`));
  const level = html("p", { class: "result-level" });
  level.innerHTML = comp.level > 0
    ? `Niveau <strong>${comp.level}</strong> sur ${comp.max_level} <span class="level-name">(${LEVEL_NAMES[comp.level]})</span> · ${comp.pix} pix`
    : `Niveau <strong>0</strong> sur ${comp.max_level} · ${comp.pix} pix — les bases de cette compétence sont à découvrir : les tutoriels ci-dessous sont faits pour vous.`;
  card.append(level);
  const meter = html("div", { class: "level-meter", role: "img", "aria-label": `Niveau ${comp.level} sur ${comp.max_level}` });
  for (let i = 1; i <= comp.max_level; i++) meter.append(html("span", { class: i <= comp.level ? "on" : "" }));
  card.append(meter);
  const confidence = comp.probability >= 0.7 ? "forte" : comp.probability >= 0.5 ? "moyenne" : "modérée";
  card.append(html("p", { class: "meta" }, `${comp.correct} bonne${comp.correct > 1 ? "s" : ""} réponse${comp.correct > 1 ? "s" : ""} sur ${comp.asked} question${comp.asked > 1 ? "s" : ""} · confiance dans ce niveau : ${confidence}`));
  if (comp.validated.length) card.append(skillList("Ce que vous savez faire", comp.validated));
  if (comp.failed.length) {
    // One next step per sujet (its easiest skill not yet acquired): a short list that helps.
    const next = new Map();
    for (const s of comp.failed) if (!next.has(s.tube) || next.get(s.tube).level > s.level) next.set(s.tube, s);
    card.append(skillList("Vos prochaines étapes", [...next.values()]));
    if (comp.failed.length > next.size) {
      const more = html("details", { class: "more-skills" });
      more.append(html("summary", {}, `Tout ce qui reste à travailler (${comp.failed.length})`));
      more.append(skillList("Ce que vous pouvez travailler", comp.failed));
      card.append(more);
    }
  }
  if (comp.tutorials.length) {
    card.append(html("h3", {}, "Tutoriels pour progresser"));
    const list = html("ul", { class: "tutorial-list" });
    for (const tut of comp.tutorials) {
      const li = html("li");
      li.append(html("a", { href: new URL(tut.url, new URL(runtime.home, location.href)).href }, escapeText(tut.title)));
      li.append(document.createTextNode(` — ${tut.summary} (${tut.duration} min)`));
      list.append(li);
    }
    card.append(list);
  }
  return card;
}

function skillList(title, skills) {
  const wrap = html("div");
  wrap.append(html("h3", {}, escapeText(title)));
  const list = html("ul", { class: "skill-list" });
  for (const s of skills) list.append(html("li", {}, `${escapeText(s.title)} <span class="meta">(${escapeText(s.tube)}, niveau ${s.level})</span>`));
  wrap.append(list);
  return wrap;
}

function reviewSection(review) {
  const details = html("details", { class: "review" });
  details.append(html("summary", {}, "Revoir les questions, les bonnes réponses et les explications"));
  const list = html("ol");
  for (const item of review) {
    const li = html("li", { class: item.correct ? "is-correct" : "is-wrong" });
    li.append(html("div", { class: "review-question" }, item.instruction));
    const verdict = item.status === "skipped" ? "Vous avez passé cette question." : item.correct ? "Bonne réponse." : "Réponse incorrecte.";
    li.append(html("p", { class: "review-verdict" }, `<strong>${verdict}</strong>`));
    if (item.response.length) li.append(html("p", {}, `Votre réponse : ${item.response.map(escapeText).join(" ; ")}`));
    li.append(html("p", {}, `Réponse attendue : ${item.solution.join(" ; ")}`));
    li.append(html("div", { class: "review-explanation" }, item.explanation));
    list.append(li);
  }
  details.append(list);
  return details;
}

// ------------------------------------------------------------------ start-up
function init() {
  if (target.kind === "competence" && !target.ids.length) {
    $("intro-title").textContent = "Choisissez d'abord une compétence";
    $("engine-status").hidden = true;
    $("start-button").hidden = true;
    const p = html("p", {}, `Ce test porte sur une compétence à choisir sur <a href="${runtime.home}">la page d'accueil</a>.`);
    $("intro").append(p);
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
