// « Mon espace »: the learner's finished tests shown again from their records, « Mon profil » (the
// wheel and its table of the latest levels), tests in progress, « Mes tutos » and a one-page
// printable summary. Data is read through learner.js; a record's details (skill titles, tutorials,
// review) come from the engine (request "views"), booted in the background: the levels, the wheel
// and the list are shown before it is ready.
import { el } from "./dom.js";
import { renderResults, tutoButtons } from "./results.js";
import { drawWheel } from "./wheel.js";
import { EngineClient } from "./engine-client.js";
import { chosenProfile, listProfiles, setActiveProfile, downloadExport, history, inProgress, onChange } from "./learner.js";
import { eraseWithConfirmation } from "./erase.js";
import { makeTutos } from "./tutos.js";
import { formatDate, testTitle, testUrl, progressWords, finishedItems, itemLevels, latestLevels, levelWords, isAtLeast } from "./learner-view.js";

const runtime = JSON.parse(document.getElementById("diagnum-runtime").textContent);
const space = runtime.space;
const $ = (id) => document.getElementById(id);
const asset = (path) => new URL(path, new URL(runtime.home, location.href)).href;
const competenceTitle = (id) => runtime.titles[id] ?? "";

let profile = null;
let items = [];
let views = new Map(); // record id → engine view

function main() {
  try {
    profile = chosenProfile();
    if (!profile) return askWho();
    items = history(profile.id);
  } catch (error) {
    $("space-problem").textContent = `Vos résultats n'ont pas pu être lus dans ce navigateur (${error.message}).`;
    $("space-problem").hidden = false;
    return;
  }
  $("space-who").textContent = `Profil : ${profile.name}`;
  renderInProgress();
  const finished = finishedItems(items);
  $("space-empty").hidden = finished.length > 0;
  renderProfile();
  renderTutos();
  renderTests(finished);
  renderSummary();
  $("print-button").hidden = finished.length === 0;
  $("print-button").addEventListener("click", () => window.print());
  renderData();
  const records = finished.filter((item) => item.record).map((item) => item.record);
  if (records.length) loadViews(records);
  onChange(() => location.reload());
}

// Several people use this browser and this tab has not said who is here: ask before showing
// anyone's tests.
function askWho() {
  $("space-empty").hidden = true;
  $("space-data").hidden = true;
  $("space-who").textContent = "Ce navigateur garde les tests d'une ou plusieurs personnes. Qui êtes-vous ?";
  const list = el("ul", { class: "actions", id: "space-choose" }, listProfiles().map((other) => {
    const button = el("button", { type: "button", class: "button" }, `Je suis « ${other.name} »`);
    button.addEventListener("click", async () => {
      await setActiveProfile(other.id);
      location.reload();
    });
    return el("li", {}, button);
  }));
  $("space-who").after(list);
}

// ------------------------------------------------------------------ the learner's data
function renderData() {
  const others = listProfiles().filter((p) => p.id !== profile.id);
  $("space-people").hidden = others.length === 0;
  $("space-people-list").replaceChildren(...others.map((other) => {
    const button = el("button", { type: "button", class: "button" }, `Voir l'espace de « ${other.name} »`);
    button.addEventListener("click", async () => {
      await setActiveProfile(other.id);
      location.reload();
    });
    return el("li", {}, button);
  }));
  $("space-export").addEventListener("click", () => {
    const out = downloadExport([profile.id]);
    $("space-data-note").textContent = out.files
      ? `Fichier téléchargé (${out.records} test${out.records > 1 ? "s" : ""}) : il est dans vos téléchargements.`
      : "Il n'y a encore aucun résultat à télécharger.";
  });
  $("space-erase").addEventListener("click", async () => {
    if (await eraseWithConfirmation(profile.id, { returnFocus: $("space-erase") })) location.reload();
  });
}

// ------------------------------------------------------------------ in progress
function renderInProgress() {
  const list = inProgress(profile.id);
  $("space-progress").hidden = list.length === 0;
  $("space-progress-list").replaceChildren(...list.map((item) => el("li", { class: "resume-item" },
    el("p", {}, el("strong", {}, testTitle(item.key, runtime, item.campaign)), ` — ${progressWords(item)}`,
      el("span", { class: "meta" }, ` Dernière réponse le ${formatDate(item.updatedAt)}.`)),
    el("p", {}, el("a", { class: "button button-primary", href: testUrl(item.key, runtime, item.campaign) },
      "Reprendre ce test", el("span", { class: "visually-hidden" }, ` : ${testTitle(item.key, runtime, item.campaign)}`))))));
}

// ------------------------------------------------------------------ Mon profil
function renderProfile() {
  const latest = latestLevels(items);
  $("space-profile").hidden = Object.keys(latest).length === 0;
  if ($("space-profile").hidden) return;
  $("wheel").replaceChildren(drawWheel(space.competences, latest, "levels-table"));
  const shown = new Set(space.competences.map((c) => c.domain));
  $("wheel-legend").replaceChildren(...space.domains.filter((d) => shown.has(d.id)).map((d) => el("li", {},
    el("span", { class: `swatch domain-${d.id}`, "aria-hidden": "true" }), `Domaine ${d.id} : ${d.title}`)));
  $("levels-table").tBodies[0].replaceChildren(...space.competences.map((comp) => {
    const known = latest[comp.id];
    const retake = el("a", { href: testUrl(`competence:${comp.id}`, runtime) },
      known ? "Refaire le test" : "Passer le test", el("span", { class: "visually-hidden" }, ` « ${comp.id} ${comp.title} »`));
    return el("tr", { "data-competence": comp.id },
      el("th", { scope: "row" }, `${comp.id} ${comp.title}`),
      el("td", {}, known
        ? [el("span", { class: "level-cell" }, levelWords(known)), el("span", { class: "meta level-date" }, `le ${formatDate(known.date, { time: false })}`)]
        : el("span", { class: "meta" }, "pas encore mesuré")),
      el("td", {}, retake));
  }));
}

// ------------------------------------------------------------------ Mes tutos
const tutos = makeTutos(() => profile?.id, {
  onSaved: () => renderTutos(),
  onError: (message) => {
    $("space-problem").textContent = message;
    $("space-problem").hidden = false;
  },
});

function renderTutos() {
  tutos.refresh();
  const ids = tutos.ids().filter((id) => space.tutorials[id]);
  $("space-tutos").hidden = finishedItems(items).length === 0 && ids.length === 0;
  $("tutos-empty").hidden = ids.length > 0;
  ids.sort((a, b) => Number(tutos.isRead(a)) - Number(tutos.isRead(b)) || space.tutorials[a].title.localeCompare(space.tutorials[b].title, "fr"));
  $("tutos-list").replaceChildren(...ids.map((id) => {
    const tut = { id, ...space.tutorials[id] };
    return el("li", { class: "tutorial-item" }, el("a", { href: asset(tut.url) }, tut.title),
      ` — ${tut.summary} (${tut.duration} min)`, tutos.isRead(id) ? el("span", { class: "meta" }, " · lu") : null, " ", tutoButtons(tut, tutos));
  }));
}

// ------------------------------------------------------------------ Mes tests
function renderTests(finished) {
  $("space-tests").hidden = finished.length === 0;
  $("tests-list").replaceChildren(...finished.map((item, index) => {
    const id = `test-${index}`;
    const levels = itemLevels(item).map((c) => el("li", {}, `${c.id} ${competenceTitle(c.id)} : `,
      el("strong", {}, `niveau ${levelWords({ level: c.level, atLeast: isAtLeast(c) })}`)));
    const body = el("div", { class: "test-detail-body", id: `${id}-body` },
      el("p", { class: "meta" }, item.record ? "Préparation du détail…" : "Ce test a été passé avec une ancienne version de Diagnum : seuls ses niveaux ont été gardés."));
    const detail = el("details", { class: "test-detail", open: index === 0 },
      el("summary", {}, "Voir le détail : ce que vous savez faire, quoi apprendre ensuite, vos réponses"), body);
    return el("li", { class: "test-item", "data-record": item.record?.id ?? "" },
      el("h3", { id }, testTitle(item.key, runtime, item.campaign), el("span", { class: "test-date" }, ` — ${formatDate(item.date)}`)),
      el("ul", { class: "test-levels" }, levels),
      item.record?.profile ? el("p", {}, `Vous maîtrisez ${item.record.profile.mastery} % de ce parcours.`) : null,
      detail);
  }));
}

async function loadViews(records) {
  const status = $("space-engine");
  status.replaceChildren(el("span", { class: "spinner", "aria-hidden": "true" }), " Préparation du détail de vos tests…");
  const absolute = (path) => new URL(path, location.href).href;
  const engine = new EngineClient(new URL(runtime.worker, location.href),
    { pyodide: absolute(runtime.pyodide), engine: absolute(runtime.engine), referential: absolute(runtime.referential), lock: runtime.lock });
  let response;
  try {
    await engine.boot();
    response = await engine.request({ type: "views", records });
  } catch (error) {
    status.textContent = `Le détail de vos tests n'a pas pu être préparé (${error.message}). Vos niveaux restent affichés.`;
    return;
  } finally {
    engine.worker?.terminate(); // the views are all the page needs from it
  }
  if (!response.ok) {
    status.textContent = `Le détail de vos tests n'a pas pu être préparé (${response.error.message}).`;
    return;
  }
  records.forEach((record, i) => { if (response.views[i]) views.set(record.id, response.views[i]); });
  for (const [index, item] of finishedItems(items).entries()) {
    const body = $(`test-${index}-body`);
    const view = item.record && views.get(item.record.id);
    if (!view) {
      if (item.record) body.replaceChildren(el("p", { class: "meta" }, "Le détail de ce test ne peut plus être affiché."));
      continue;
    }
    renderResults(body, view, { asset, heading: 4, idPrefix: `t${index}`, tutos });
  }
  status.textContent = "Le détail de vos tests est prêt.";
  document.body.dataset.viewsReady = "true";
  renderSummary();
}

// ------------------------------------------------------------------ the printable summary
// What fits on one A4 page with all 16 competences measured (checked by the print test).
const SUMMARY_STEPS = 16;
const SUMMARY_TUTORIALS = 8;
// One page, for the learner to keep: who, when, the latest levels, what to work on, and the
// tutorials' addresses written out (a sheet of paper has no links).
function renderSummary() {
  const latest = latestLevels(items);
  const summary = $("print-summary");
  const measured = space.competences.filter((c) => latest[c.id]);
  if (!measured.length) return summary.replaceChildren();
  // A fair share of the page for each competence: a few steps each, tutorials taken in turn.
  const perCompetence = Math.max(1, Math.floor(SUMMARY_STEPS / measured.length));
  const steps = [], queues = [];
  for (const comp of measured) {
    const item = finishedItems(items).find((i) => i.record && i.key === latest[comp.id].key && i.date === latest[comp.id].date);
    const view = item && views.get(item.record.id);
    const result = view?.competences.find((c) => c.competence_id === comp.id);
    if (!result) continue;
    for (const step of result.next_steps.slice(0, perCompetence)) steps.push(`${comp.id} — ${step.skill.title} (niveau ${step.skill.level})`);
    queues.push([...result.tutorials]);
  }
  const tutorials = new Map();
  while (tutorials.size < SUMMARY_TUTORIALS && queues.some((q) => q.length)) {
    for (const queue of queues) {
      const tut = queue.shift();
      if (tut && !tutorials.has(tut.id) && tutorials.size < SUMMARY_TUTORIALS) tutorials.set(tut.id, tut);
    }
  }
  const sameDay = new Set(measured.map((c) => formatDate(latest[c.id].date, { time: false }))).size === 1;
  const when = (id) => (sameDay ? "" : ` (${formatDate(latest[id].date, { time: false })})`);
  summary.replaceChildren(
    el("h2", {}, `Diagnum — résultats de ${profile.name}`),
    el("p", {}, `Imprimé le ${formatDate(new Date().toISOString(), { time: false })}.`,
      sameDay ? ` Test passé le ${formatDate(latest[measured[0].id].date, { time: false })}.` : ""),
    el("h3", {}, "Niveaux, de 0 à 8, sur le cadre de référence national (CRCN)"),
    el("ul", { class: "summary-levels" }, measured.map((comp) => el("li", {}, `${comp.id} ${comp.title} : `,
      el("strong", {}, levelWords(latest[comp.id])), when(comp.id)))),
    steps.length ? el("h3", {}, "À travailler ensuite") : null,
    steps.length ? el("ul", {}, steps.slice(0, SUMMARY_STEPS).map((s) => el("li", {}, s))) : null,
    tutorials.size ? el("h3", {}, "Tutoriels recommandés") : null,
    tutorials.size ? el("ul", {}, [...tutorials.values()].map((t) => el("li", {}, `${t.title} : `, el("span", { class: "address" }, asset(t.url))))) : null);
}

main();
