// The candidate's page of a « certification blanche »: choose one's profile, see whether it is
// eligible, join a session (code, room word, name), answer one question at a time with no
// correction, let the proctor pause, note or end, and hand over the file. Every decision (who is
// eligible, which questions, the file and its check) is the worker's (certification/protocol.py);
// this file shows screens and keeps the session with the profile (learner.js) after every step.
import { el } from "./dom.js";
import { typeOf } from "./types.js";
import { zoomButton } from "./zoom.js";
import { EngineClient, EngineUnavailable } from "./engine-client.js";
import { load, StorageProblem } from "./storage.js";
import { listProfiles, chosenProfile, setActiveProfile, history, certification, saveCertification } from "./learner.js";
import { qrSvg } from "./mediator-qr.js";

const runtime = JSON.parse(document.getElementById("diagnum-runtime").textContent);
const $ = (id) => document.getElementById(id);
const asset = (path) => new URL(path, new URL(runtime.home, location.href)).href;
const QR_MAX = 2300; // bytes a QR code (level M) can hold
const ANNOUNCE_AT = [60, 30, 10]; // seconds left said to screen readers (never every second)

let engine = null;
let engineReady = null; // a promise, resolved when the worker has booted
let profileId = null;
let eligibility = null; // the worker's answer to cert-eligibility
let cert = null; // the session kept with the profile (see keep())
let current = null; // the step on screen: {state, challenge, progress}
let ticker = null;
let announced = new Set();
let busy = false;

// ------------------------------------------------------------------ the worker
function bootEngine() {
  const absolute = (path) => new URL(path, location.href).href;
  engine = new EngineClient(new URL(runtime.worker, location.href), {
    pyodide: absolute(runtime.pyodide), engine: absolute(runtime.engine),
    referential: absolute(runtime.referential), lock: runtime.lock, protocol: "certification.protocol",
  });
  engineReady = engine.boot().then(() => { document.body.dataset.engineReady = "true"; });
  engineReady.catch((error) => problem(`Le moteur de la certification blanche n'a pas pu démarrer (${error.message}). Rechargez la page ; si cela recommence, prévenez la personne qui a installé Diagnum.`));
}

// One request; null (and a message) when the worker is lost: the session is kept, a reload resumes.
async function ask(request) {
  try {
    await engineReady;
    const response = await engine.request(request);
    if (!response.ok) problem(response.error.message);
    return response.ok ? response : null;
  } catch (error) {
    if (!(error instanceof EngineUnavailable)) throw error;
    problem("Le moteur de la certification blanche ne répond plus. Vos réponses sont gardées : rechargez la page pour reprendre là où vous en étiez.");
    return null;
  }
}

function problem(message) {
  $("cert-problem").textContent = message;
  $("cert-problem").hidden = false;
}

function status(message) {
  $("cert-status").textContent = message;
}

// ------------------------------------------------------------------ screens
function show(section) {
  for (const id of ["cert-intro", "cert-question", "cert-paused", "cert-done"]) $(id).hidden = id !== section;
  // A calm screen during the session: no menu, no footer to wander off to.
  document.body.classList.toggle("cert-session", section === "cert-question" || section === "cert-paused");
}

// Keep the session with the profile: after every answer and every proctor action.
async function keep() {
  try {
    await saveCertification(profileId, cert);
    return true;
  } catch (error) {
    problem(error instanceof StorageProblem ? `${error.message} La session continue, mais un rechargement de la page la perdrait.` : `La session n'a pas pu être enregistrée (${error.message}).`);
    return false;
  }
}

// ------------------------------------------------------------------ who, and eligibility
function renderWho() {
  const profiles = listProfiles();
  const mine = chosenProfile();
  $("cert-who-list").replaceChildren(...profiles.map((p, i) => el("div", { class: "choice" },
    el("input", { type: "radio", name: "cert-who", id: `cert-who-${i}`, value: p.id, checked: (mine ? mine.id === p.id : profiles.length === 1) }),
    el("label", { for: `cert-who-${i}` }, p.name, el("span", { class: "meta" }, ` — ${p.finished} test${p.finished > 1 ? "s" : ""} terminé${p.finished > 1 ? "s" : ""}`)))));
  const none = profiles.every((p) => p.finished === 0);
  $("cert-who-none").hidden = !none;
}

async function chooseWho(event) {
  event.preventDefault();
  const picked = $("cert-who").querySelector("input[name=cert-who]:checked");
  if (!picked) {
    $("cert-who-error").textContent = "Choisissez votre profil dans la liste.";
    $("cert-who-error").hidden = false;
    $("cert-who-list").querySelector("input")?.focus();
    return;
  }
  $("cert-who-error").hidden = true;
  await setActiveProfile(picked.value);
  profileId = picked.value;
  cert = certification(profileId);
  if (cert && cert.status !== "finished") return resume();
  await checkEligibility();
}

async function checkEligibility() {
  $("cert-ineligible").hidden = true;
  $("cert-join").hidden = true;
  status("Vérification de votre profil…");
  const records = history(profileId).filter((item) => item.record && item.status === "finished").map((item) => item.record);
  const out = await ask({ type: "cert-eligibility", records });
  if (!out) return;
  eligibility = out;
  status("");
  showLast();
  const level = (c) => `${c.id} ${c.title} : niveau ${c.level}`;
  if (!out.eligible) {
    const count = out.competences.filter((c) => c.level >= 1).length;
    $("cert-ineligible-text").textContent = `Pour une certification blanche, il faut au moins ${out.needed} compétences au niveau 1 ou plus, comme pour la certification Pix. Dans « Mon espace », ce profil en a ${count}${out.competences.length ? " :" : " (aucun test terminé)."}`;
    $("cert-ineligible-list").replaceChildren(...out.competences.map((c) => el("li", {}, level(c))));
    $("cert-ineligible").hidden = false;
    $("cert-ineligible-title").focus();
    return;
  }
  const eligible = out.competences.filter((c) => c.eligible);
  $("cert-join-text").textContent = `Votre profil permet une certification blanche sur ${eligible.length} compétences : ${out.questions} questions en tout, 3 par compétence.`;
  $("cert-join-list").replaceChildren(...eligible.map((c) => el("li", {}, level(c))));
  $("cert-name").value ||= listProfiles().find((p) => p.id === profileId)?.name || "";
  $("cert-join").hidden = false;
  $("cert-join-title").focus();
}

function showLast() {
  const last = cert && cert.status === "finished" ? cert : null;
  $("cert-last").hidden = !last;
  if (last) $("cert-last-text").textContent = `Session ${last.session}, terminée le ${new Date(last.finishedAt).toLocaleString("fr-FR")}. Si vous n'avez pas encore donné votre fichier au centre, vous pouvez le télécharger à nouveau.`;
}

// ------------------------------------------------------------------ joining
function fieldError(id, message) {
  const box = $(`${id}-error`);
  box.textContent = message || "";
  box.hidden = !message;
  $(id).setAttribute("aria-invalid", message ? "true" : "false");
  return !message;
}

async function join(event) {
  event.preventDefault();
  if (busy) return;
  busy = true;
  try {
    const checked = await ask({ type: "cert-check-code", code: $("cert-code").value });
    if (!checked) return;
    const word = $("cert-word").value.trim();
    const name = $("cert-name").value.replace(/\s+/g, " ").trim();
    const ok = [
      fieldError("cert-code", $("cert-code").value.trim() ? (checked.valid ? "" : checked.message) : "Tapez le code de la session, affiché dans la salle."),
      fieldError("cert-word", word ? "" : "Tapez le mot que la personne qui surveille a donné dans la salle."),
      fieldError("cert-name", name ? "" : "Tapez votre nom tel qu'il doit figurer sur l'attestation."),
    ];
    if (!ok.every(Boolean)) {
      $(["cert-code", "cert-word", "cert-name"][ok.indexOf(false)]).focus();
      return;
    }
    const seed = crypto.getRandomValues(new Uint32Array(1))[0];
    const step = await ask({ type: "cert-start", placement: eligibility.placement, seed });
    if (!step) return;
    cert = {
      status: "running", session: checked.code, roomWord: word, name, placement: eligibility.placement,
      state: step.state, events: [], startedAt: new Date().toISOString(), finishedAt: null, question: null, file: null,
    };
    await keep();
    renderQuestion(step);
  } finally {
    busy = false;
  }
}

// A session in progress (a reload, or back to this page): where it was, timer included.
async function resume() {
  show("cert-intro");
  status("Reprise de votre session…");
  const step = await ask({ type: "cert-resume", state: cert.state });
  if (!step) return;
  status("");
  if (!step.challenge) return finish();
  if (cert.status === "paused") {
    current = step;
    return showPaused();
  }
  renderQuestion(step);
}

// ------------------------------------------------------------------ one question at a time
function elapsedSeconds(question = cert.question) {
  if (!question) return 0;
  const now = Date.now();
  const paused = question.pausedMs + (question.pausedAt ? now - question.pausedAt : 0);
  return Math.max(0, (now - question.shownAt - paused) / 1000);
}

function renderQuestion(step) {
  current = step;
  const { challenge, progress } = step;
  if (cert.question?.id !== challenge.id) {
    cert.question = { id: challenge.id, shownAt: Date.now(), pausedMs: 0, pausedAt: null };
    keep();
  }
  const n = progress.asked + 1;
  const after = progress.remaining - 1;
  $("cert-progress").textContent = `Question ${n} sur ${progress.total} · ${after > 1 ? `encore ${after} questions après celle-ci` : after === 1 ? "encore 1 question après celle-ci" : "dernière question"}`;
  $("cert-q-title").textContent = `Question ${n}`;
  document.title = `Question ${n} sur ${progress.total} — Certification blanche`;
  const body = $("question-body");
  $("cert-q-error").hidden = true;
  body.replaceChildren(el("div", { class: "instruction", id: "instruction" }, challenge.instruction));
  if (challenge.illustration) {
    const img = el("img", { src: asset(challenge.illustration.src), alt: challenge.illustration.alt });
    body.append(el("figure", { class: "illustration" }, img, zoomButton(img)));
  }
  if (challenge.document) {
    body.append(el("section", { class: "document", "aria-label": "Document à consulter" },
      el("p", { class: "document-label" }, "Document"), el("div", {}, challenge.document)));
  }
  body.append(typeOf(challenge).render(challenge, { el, asset }));
  for (const picture of body.querySelectorAll(".zone-picture img")) {
    picture.closest(".zone-picture").after(zoomButton(picture, { clickPicture: false }));
  }
  for (const id of ["cert-submit", "cert-skip"]) $(id).disabled = false;
  show("cert-question");
  startTimer(challenge);
  const timed = challenge.time_limit ? ` Question chronométrée : ${duration(challenge.time_limit)}.` : "";
  $("cert-announce").textContent = `Question ${n} sur ${progress.total}.${timed}`;
  $("cert-q-title").focus();
}

function duration(seconds) {
  const s = Math.max(0, Math.ceil(seconds));
  const minutes = Math.floor(s / 60);
  const rest = s % 60;
  if (!minutes) return `${rest} s`;
  return rest ? `${minutes} min ${String(rest).padStart(2, "0")} s` : `${minutes} min`;
}

function startTimer(challenge) {
  clearInterval(ticker);
  ticker = null;
  announced = new Set();
  $("cert-timer").hidden = !challenge.time_limit;
  if (!challenge.time_limit) return;
  // A question shown again after a reload keeps its time: what is left is already spent.
  for (const at of ANNOUNCE_AT) if (challenge.time_limit - elapsedSeconds() <= at) announced.add(at);
  tick();
  ticker = setInterval(tick, 1000);
}

function tick() {
  const limit = current?.challenge?.time_limit;
  if (!limit || cert.status !== "running") return;
  const left = limit - elapsedSeconds();
  $("cert-timer").textContent = `Temps restant : ${duration(left)}`;
  $("cert-timer").classList.toggle("is-short", left <= 10);
  for (const at of ANNOUNCE_AT) {
    if (left <= at && left > 0 && !announced.has(at)) {
      announced.add(at);
      $("cert-announce").textContent = `Il reste ${duration(at)} pour cette question.`;
    }
  }
  if (left <= 0) {
    clearInterval(ticker);
    ticker = null;
    submit(false, true);
  }
}

// The answer as it is on screen; when time runs out, whatever is there (or nothing) is sent.
async function submit(skipped, timedOut = false) {
  if (busy || !current?.challenge || cert.status !== "running") return;
  const challenge = current.challenge;
  const response = skipped ? null : typeOf(challenge).collect($("cert-form"));
  if (!skipped && !timedOut && response === null) {
    $("cert-q-error").textContent = typeOf(challenge).emptyMessage;
    $("cert-q-error").hidden = false;
    $("cert-form").querySelector("input, textarea")?.focus();
    return;
  }
  busy = true;
  try {
    clearInterval(ticker);
    ticker = null;
    for (const id of ["cert-submit", "cert-skip"]) $(id).disabled = true;
    const step = await ask({ type: "cert-answer", state: current.state, challenge: challenge.id, response, seconds: elapsedSeconds(), timed_out: timedOut });
    if (!step) return;
    cert.state = step.state;
    cert.question = null;
    await keep();
    if (timedOut) $("cert-announce").textContent = "Le temps est écoulé : votre réponse a été enregistrée telle quelle.";
    if (step.challenge) {
      renderQuestion(step);
      if (timedOut) $("cert-announce").textContent = `Le temps de la question précédente était écoulé : votre réponse a été enregistrée telle quelle. ${$("cert-announce").textContent}`;
    } else {
      await finish();
    }
  } finally {
    busy = false;
  }
}

// ------------------------------------------------------------------ the proctor
function openProctor(returnTo) {
  const dialog = $("proctor-dialog");
  const paused = cert.status === "paused";
  $("proctor-pause-choice").hidden = paused;
  $("proctor-resume-choice").hidden = !paused;
  for (const input of dialog.querySelectorAll("input[name=proctor-action]")) input.checked = false;
  $(paused ? "proctor-resume" : "proctor-pause").checked = true;
  $("proctor-code").value = "";
  $("proctor-text").value = "";
  $("proctor-error").hidden = true;
  dialog.returnValue = "cancel";
  dialog.addEventListener("close", () => {
    if (dialog.returnValue !== "ok" && !$("cert-question").hidden) returnTo.focus();
    else if (dialog.returnValue !== "ok" && !$("cert-paused").hidden) $("cert-paused-proctor").focus();
  }, { once: true });
  dialog.showModal();
  $("proctor-code").focus();
}

async function proctorAction(event) {
  if (event.submitter?.value === "cancel") return; // the dialog closes itself
  event.preventDefault();
  const code = $("proctor-code").value.trim();
  const action = $("proctor-dialog").querySelector("input[name=proctor-action]:checked")?.value;
  const note = $("proctor-text").value.trim();
  const error = !code ? "Tapez le code du surveillant." : !action ? "Choisissez une action." : action === "note" && !note ? "Écrivez la note à ajouter." : "";
  if (error) {
    $("proctor-error").textContent = error;
    $("proctor-error").hidden = false;
    $(!code ? "proctor-code" : action === "note" ? "proctor-text" : "proctor-pause").focus();
    return;
  }
  const now = Date.now();
  const entry = { action, code, at: new Date(now).toISOString() };
  if (action === "note" || (action === "end" && note)) entry.note = note;
  cert.events.push(entry);
  $("proctor-dialog").close("ok");
  if (action === "pause") {
    cert.status = "paused";
    if (cert.question) cert.question.pausedAt = now;
    clearInterval(ticker);
    ticker = null;
    await keep();
    return showPaused();
  }
  if (action === "resume") {
    cert.status = "running";
    if (cert.question?.pausedAt) {
      cert.question.pausedMs += now - cert.question.pausedAt;
      cert.question.pausedAt = null;
    }
    await keep();
    return renderQuestion(current);
  }
  if (action === "note") {
    await keep();
    $("cert-announce").textContent = "La note du surveillant est enregistrée.";
    return (cert.status === "paused" ? $("cert-paused-proctor") : $("cert-proctor")).focus();
  }
  await keep();
  await finish();
}

function showPaused() {
  show("cert-paused");
  document.title = "Session en pause — Certification blanche";
  $("cert-paused-title").focus();
}

// ------------------------------------------------------------------ the end: the file to hand over
async function finish() {
  clearInterval(ticker);
  ticker = null;
  if (!cert.file) {
    const finishedAt = new Date().toISOString();
    const out = await ask({
      type: "cert-file", state: cert.state, session: cert.session, room_word: cert.roomWord, name: cert.name,
      placement: cert.placement, proctor_events: cert.events, started_at: cert.startedAt, finished_at: finishedAt,
    });
    if (!out) return;
    Object.assign(cert, { status: "finished", finishedAt, file: out.file, question: null });
    await keep();
  }
  await showDone();
}

async function showDone() {
  const asked = cert.file.asked.length;
  const ended = cert.file.proctor_events.some((e) => e.action === "end");
  $("cert-done-text").textContent = `${ended ? "La personne qui surveille a terminé la session." : "Vous avez répondu à toutes les questions."} ${asked} réponse${asked > 1 ? "s" : ""} enregistrée${asked > 1 ? "s" : ""}, session ${cert.session}.`;
  $("cert-download-note").textContent = "";
  show("cert-done");
  document.title = "Session terminée — Certification blanche";
  $("cert-done-title").focus();
  // Only ASCII travels in the QR code; the JSON stays the same once read.
  const text = JSON.stringify(cert.file).replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
  const qr = text.length <= QR_MAX ? await qrSvg(asset(runtime.qrcode), text, `QR code du fichier de la session ${cert.session}`) : null;
  $("cert-qr").replaceChildren(qr
    ? el("div", {}, el("p", {}, "Ou montrez ce QR code au centre : il contient le même fichier."), qr)
    : el("p", { class: "meta" }, "Le fichier est trop long pour tenir dans un QR code : donnez le fichier téléchargé (clé USB, courriel ou messagerie du centre)."));
}

function download() {
  const blob = new Blob([JSON.stringify(cert.file, null, 1)], { type: "application/json" });
  const link = document.createElement("a");
  link.href = URL.createObjectURL(blob);
  const who = cert.name.normalize("NFD").replace(/[^A-Za-z0-9]+/g, "-").replace(/^-|-$/g, "").toLowerCase() || "candidat";
  link.download = `certification-blanche-${cert.session}-${who}.json`;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 60_000);
  $("cert-download-note").textContent = "Le fichier a été téléchargé : il est dans le dossier des téléchargements de ce navigateur. Donnez-le au centre.";
}

// ------------------------------------------------------------------ full screen
function fullscreenButton() {
  const button = $("cert-fullscreen");
  if (!document.fullscreenEnabled) return;
  button.hidden = false;
  const label = () => { button.textContent = document.fullscreenElement ? "Quitter le plein écran" : "Plein écran"; };
  button.addEventListener("click", () => {
    const done = document.fullscreenElement ? document.exitFullscreen() : document.documentElement.requestFullscreen();
    done.catch(() => problem("Ce navigateur a refusé le plein écran. La session continue normalement."));
  });
  document.addEventListener("fullscreenchange", label);
}

// ------------------------------------------------------------------ start-up
function init() {
  $("cert-who").addEventListener("submit", chooseWho);
  $("cert-join").addEventListener("submit", join);
  $("cert-form").addEventListener("submit", (event) => { event.preventDefault(); submit(false); });
  $("cert-skip").addEventListener("click", () => submit(true));
  $("cert-proctor").addEventListener("click", () => openProctor($("cert-proctor")));
  $("cert-paused-proctor").addEventListener("click", () => openProctor($("cert-paused-proctor")));
  $("proctor-form").addEventListener("submit", proctorAction);
  $("cert-download").addEventListener("click", download);
  $("cert-last-show").addEventListener("click", () => showDone());
  fullscreenButton();
  try {
    const { notice } = load();
    if (notice) problem(notice);
    renderWho();
    const mine = chosenProfile();
    bootEngine();
    if (mine && certification(mine.id) && certification(mine.id).status !== "finished") {
      profileId = mine.id;
      cert = certification(mine.id);
      resume();
    }
  } catch (error) {
    if (!(error instanceof StorageProblem)) throw error;
    problem(`${error.message} La certification blanche a besoin des résultats gardés dans ce navigateur.`);
  }
}

init();
