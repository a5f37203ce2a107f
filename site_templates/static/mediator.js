// The « Espace médiateur »: campaigns, imports, results, analysis and exports, with no server.
// The figures come from the project's Python (campaigns/, engine/) run in a worker; the space is
// kept encrypted in IndexedDB (mediator-store.js). The worker opens and seals it and keeps its
// participations (mediator-vault.js): the page holds the campaigns and the certification's data,
// and receives only what it shows (a page of rows, the analysis, the counts). Every imported
// string is shown as text (dom.js).
import { el } from "./dom.js";
import * as store from "./mediator-store.js";
import { barChart, columnChart, figuresTable } from "./mediator-charts.js";
import { qrSvg } from "./mediator-qr.js";
import * as certification from "./mediator-certification.js";

const config = JSON.parse(document.getElementById("diagnum-mediator").textContent);
const $ = (id) => document.getElementById(id);
// A drop is validated in batches (fewer calls, each at most this much text) and stored once.
const BATCH_FILES = 250;
const BATCH_BYTES = 4_000_000;  // of files
const PAGE_ROWS = 50;     // rows of the results table shown at once (mediator-vault.js too)
const GOALS = { evaluer: "Évaluer sur un profil cible", collecter: "Collecter les profils" };
const QR_MAX = 2300;

let worker = null;
let nextId = 0;
const pending = new Map();
let site = null;          // what the worker says the site offers (parcours, tubes, competences)
let space = null;         // the open space but its participations: {campaigns, certification}
let counts = {};          // {campaign code → participations stored}, as the worker says
let current = null;       // the open campaign's code
let lastView = null;      // what the worker sent of the open campaign's figures (mediator-vault.js)
let tablePage = 0;        // the results table's page (0-based)
let drops = 0;
let siteIsReady;
const siteReady = new Promise((resolve) => { siteIsReady = resolve; });

// ------------------------------------------------------------------ status and the worker
function status(text, busy = false) {
  $("med-status-text").textContent = text;
  $("med-status").classList.toggle("busy", busy);
}

// Requests are small objects (the participations stay in the worker); result files travel apart,
// as File handles the worker reads into bytes.
function rpc(request, files = null) {
  return new Promise((resolve) => {
    const id = ++nextId;
    pending.set(id, resolve);
    worker.postMessage({ id, request, files });
  });
}

function startWorker() {
  worker = new Worker(new URL(config.worker, location.href), { type: "module" });
  worker.onmessage = (event) => {
    const { id, response, heapMb } = event.data;
    if (heapMb) document.body.dataset.workerHeapMb = String(heapMb);
    pending.get(id)?.(response);
    pending.delete(id);
  };
  const absolute = (path) => new URL(path, location.href).href;
  return rpc({ type: "boot", config: { pyodide: absolute(config.pyodide), mediator: absolute(config.mediator), referential: absolute(config.referential), lock: config.lock } });
}

// ------------------------------------------------------------------ the space
// The worker seals the whole space (this part and the participations it keeps) and stores it.
async function save() {
  const response = await rpc({ type: "space-save", rest: space });
  if (!response.ok) throw new Error(response.error.message);
}

// A worker's refusal as the error the lock screen shows.
function spaceError(response) {
  return response.error.code === "wrong-passphrase" ? new store.WrongPassphrase(response.error.message)
    : response.error.code === "bad-backup" ? new store.BadBackup(response.error.message) : new Error(response.error.message);
}

function campaignOf(code) {
  return space.campaigns.find((c) => c.code === code);
}

function countOf(code) {
  return counts[code] || 0;
}

async function openSpace(opened) {
  status("Ouverture de l'espace…", true);
  space = opened.rest;
  counts = opened.counts;
  $("lock").hidden = true;
  $("space").hidden = false;
  for (const id of ["passphrase", "new-passphrase", "new-passphrase-again", "restore-passphrase"]) $(id).value = "";
  document.body.dataset.spaceOpen = "true";
  renderCampaignList();
  renderCompareChoices();
  await certification.opened();
  if (space.campaigns.length) await openCampaign(space.campaigns[space.campaigns.length - 1].code, false);
  status("Espace ouvert.");
  $("campaigns-title").setAttribute("tabindex", "-1");
  $("campaigns-title").focus();
}

function lockError(text) {
  $("lock-error").textContent = text;
  $("lock-error").hidden = !text;
}

async function showLock() {
  $("lock").hidden = false;
  $("space").hidden = true;
  delete document.body.dataset.spaceOpen;
  if (!store.canProtect()) {
    $("insecure").hidden = false;
    $("restore-block").hidden = true;
    status("Espace indisponible : connexion non sécurisée.");
    return;
  }
  const exists = await store.hasEnvelope();
  $("unlock-form").hidden = !exists;
  $("create-space-form").hidden = exists;
  status(exists ? "Espace verrouillé." : "Aucun espace dans ce navigateur.");
}

$("create-space-form").addEventListener("submit", async (event) => {
  event.preventDefault();
  const first = $("new-passphrase").value;
  if (first.length < 10) return lockError("La phrase secrète doit avoir 10 caractères au moins.");
  if (first !== $("new-passphrase-again").value) return lockError("Les deux phrases ne sont pas identiques.");
  lockError("");
  status("Création de l'espace chiffré…", true);
  await siteReady;
  const { participations: _none, ...rest } = store.emptySpace();
  const response = await rpc({ type: "space-create", passphrase: first, rest });
  if (!response.ok) return lockError(response.error.message);
  await openSpace({ rest, counts: response.counts });
});

$("unlock-form").addEventListener("submit", async (event) => {
  event.preventDefault();
  lockError("");
  status("Ouverture de l'espace…", true);
  try {
    await siteReady;
    const opened = await rpc({ type: "space-open", passphrase: $("passphrase").value });
    if (!opened.ok) throw spaceError(opened);
    await openSpace(opened);
  } catch (error) {
    status("Espace verrouillé.");
    lockError(error instanceof store.WrongPassphrase ? "Phrase secrète incorrecte : l'espace reste fermé." : error.message);
    $("passphrase").focus();
  }
});

// A backup file is read and opened by the worker (its participations never come to the page).
async function readBackup(type, fileInput, passInput) {
  const file = fileInput.files[0];
  if (!file) throw new store.BadBackup("Choisissez d'abord le fichier de sauvegarde.");
  await siteReady;
  const response = await rpc({ type, file, passphrase: passInput.value });
  if (!response.ok) throw spaceError(response);
  return response;
}

$("restore-button").addEventListener("click", async () => {
  lockError("");
  try {
    const existing = await store.hasEnvelope();
    if (existing && !confirm("Un espace existe déjà dans ce navigateur. Le remplacer par la sauvegarde ?")) return;
    await openSpace(await readBackup("space-restore", $("restore-file"), $("restore-passphrase")));
  } catch (error) {
    lockError(error instanceof store.WrongPassphrase ? "Phrase secrète incorrecte pour cette sauvegarde : rien n'a été changé." : error.message);
  }
});

$("lock-button").addEventListener("click", () => {
  rpc({ type: "space-close" });
  space = null;
  counts = {};
  current = null;
  lastView = null;
  $("results-pager").hidden = true;
  tableHead = "";
  spareRows.length = 0;
  for (const id of ["campaign-list", "results-table", "analysis-body", "participant", "import-report", "compare-body", "print-sheet"]) $(id).replaceChildren();
  $("campaign").hidden = true;
  certification.closed();
  showLock().then(() => $("passphrase").focus());
});

$("backup-button").addEventListener("click", async () => {
  const response = await rpc({ type: "space-backup", rest: space });
  if (!response.ok) return status(`Sauvegarde impossible : ${response.error.message}`);
  download(`espace-mediateur-${today()}.diagnum`, response.backup, "application/json");
  $("backup-status").textContent = "Sauvegarde téléchargée (chiffrée avec votre phrase secrète).";
});

$("merge-button").addEventListener("click", async () => {
  try {
    // The worker adds the backup's participations (each once); its campaigns and sessions join here.
    const { other, added: results, counts: after } = await readBackup("space-merge", $("merge-file"), $("merge-passphrase"));
    let campaigns = 0;
    for (const campaign of other.campaigns) {
      if (!campaignOf(campaign.code)) {
        space.campaigns.push(campaign);
        campaigns += 1;
      }
    }
    const sessions = certification.merge(other);
    const changed = current && after[current] !== countOf(current);
    counts = after;
    await save();
    $("merge-passphrase").value = "";
    renderCampaignList();
    renderCompareChoices();
    if (changed) await renderResults();
    $("backup-status").textContent = `Sauvegarde ajoutée : ${campaigns} campagne(s) et ${results} résultat(s) nouveaux`
      + (sessions ? `, ${sessions} session(s) de certification blanche.` : ".");
  } catch (error) {
    $("backup-status").textContent = error instanceof store.WrongPassphrase ? "Phrase secrète incorrecte pour cette sauvegarde : rien n'a été changé." : error.message;
  }
});

// ------------------------------------------------------------------ campaigns
function renderCampaignList() {
  const list = $("campaign-list");
  list.replaceChildren(...space.campaigns.map((c) => el("li", {},
    el("button", { type: "button", class: "link-button", "data-code": c.code, "aria-current": c.code === current ? "true" : false },
      `${c.name} — ${c.code}`),
    el("span", { class: "meta" }, ` ${GOALS[c.goal]} · ${countOf(c.code)} résultat(s)`))));
  $("no-campaign").hidden = space.campaigns.length > 0;
  renderDeclared();
}

let declared = [];
async function loadDeclared() {
  try {
    const response = await fetch(new URL(config.campaigns, location.href));
    declared = response.ok ? await response.json() : [];
  } catch {
    declared = [];
  }
}

function renderDeclared() {
  const missing = declared.filter((c) => !campaignOf(c.code));
  $("declared").hidden = missing.length === 0;
  $("declared-list").replaceChildren(...missing.map((c) => el("li", {}, `${c.name} — ${c.code} `,
    el("button", { type: "button", class: "button", "data-declared": c.code }, `Ajouter « ${c.name} » à mon espace`))));
}

$("declared-list").addEventListener("click", async (event) => {
  const button = event.target.closest("button[data-declared]");
  const campaign = button && declared.find((c) => c.code === button.dataset.declared);
  if (!campaign || campaignOf(campaign.code)) return;
  space.campaigns.push({ ...campaign, created: new Date().toISOString() });
  await save();
  renderDeclared();
  renderCompareChoices();
  await openCampaign(campaign.code, true);
});

$("campaign-list").addEventListener("click", (event) => {
  const button = event.target.closest("button[data-code]");
  if (button) openCampaign(button.dataset.code, true);
});

function campaignLink(campaign) {
  const url = new URL(config.test, location.href);
  url.search = `?campagne=${campaign.code}`;
  url.hash = campaign.fragment || "";
  return url.href;
}

async function openCampaign(code, focus) {
  current = code;
  const campaign = campaignOf(code);
  $("campaign").hidden = false;
  $("campaign-title").textContent = `Campagne « ${campaign.name} »`;
  const target = campaign.goal === "evaluer"
    ? (campaign.parcours ? `parcours « ${site.parcours.find((p) => p.id === campaign.parcours)?.title || campaign.parcours} »` : `sélection de ${campaign.selection.length} sujet(s)`)
    : "tout le profil";
  $("campaign-meta").textContent = `${GOALS[campaign.goal]} — ${target}. Créée le ${campaign.created.slice(0, 10)}.`
    + (campaign.external_id_label ? ` Identifiant demandé : « ${campaign.external_id_label} ».` : "");
  $("campaign-code").textContent = campaign.code;
  $("code-only-note").textContent = campaign.needs_link
    ? "Cette campagne a une sélection, un identifiant ou des textes à elle : donnez le lien ou le QR code (le code seul ne les contient pas)."
    : "Le code suffit : les participants le tapent sur la page d'accueil (« J'ai un code »), ou ouvrent le lien.";
  const link = campaignLink(campaign);
  $("campaign-link").value = link;
  const qr = link.length <= QR_MAX ? await qrSvg(new URL(config.qrcode, location.href).href, link, `QR code du lien de la campagne ${campaign.code}`) : null;
  $("campaign-qr").replaceChildren(qr || el("p", { class: "meta" }, "Le lien est trop long pour un QR code (textes très longs) : donnez le code et le lien."));
  $("copy-status").textContent = "";
  $("import-report").replaceChildren();
  $("participant").hidden = true;
  renderCampaignList();
  tablePage = 0;
  await renderResults();
  if (focus) $("campaign-title").focus();
}

function fillCampaignForm() {
  $("campaign-parcours").replaceChildren(...site.parcours.map((p) => el("option", { value: p.id }, `${p.title} (${p.skills} acquis)`)));
}

// The selection of sujets (a list per tube: about 1 500 DOM nodes) is built the first time the
// mediator chooses it, not for every visit.
function fillSelection() {
  const groups = site.competences.map((comp) => {
    const tubes = site.tubes.filter((t) => t.competence_id === comp.id);
    if (!tubes.length) return null;
    return el("fieldset", { class: "selection-group" }, el("legend", {}, `${comp.id} ${comp.title}`),
      tubes.map((tube) => {
        const id = `cap-${tube.id}`;
        const levels = [...new Set(tube.levels)];
        return el("div", { class: "field field-inline" }, el("label", { for: id }, tube.title),
          el("select", { id, "data-tube": tube.id }, el("option", { value: "" }, "non retenu"),
            levels.map((lv) => el("option", { value: String(lv) }, `jusqu'au niveau ${lv}`))));
      }));
  });
  $("selection-box").replaceChildren(...groups.filter(Boolean));
}

function syncTargetFields() {
  const evaluate = document.querySelector("input[name=goal]:checked").value === "evaluer";
  const selection = document.querySelector("input[name=target]:checked").value === "selection";
  $("target-fieldset").hidden = !evaluate;
  $("campaign-parcours").disabled = selection;
  if (selection && !$("selection-box").hasChildNodes()) fillSelection();
  $("selection-box").hidden = !selection;
}
for (const input of document.querySelectorAll("input[name=goal], input[name=target]")) input.addEventListener("change", syncTargetFields);

$("campaign-form").addEventListener("submit", async (event) => {
  event.preventDefault();
  const goal = document.querySelector("input[name=goal]:checked").value;
  const useSelection = document.querySelector("input[name=target]:checked").value === "selection";
  const selection = [...$("selection-box").querySelectorAll("select[data-tube]")]
    .filter((s) => s.value).map((s) => ({ tube: s.dataset.tube, max_level: Number(s.value) }));
  const fields = {
    name: $("campaign-name").value, goal,
    parcours: goal === "evaluer" && !useSelection ? $("campaign-parcours").value : "",
    selection: goal === "evaluer" && useSelection ? selection : [],
    external_id_label: $("campaign-label").value, landing_text: $("campaign-landing").value,
    result_text: $("campaign-result").value,
  };
  const random = Array.from(crypto.getRandomValues(new Uint32Array(8)));
  const response = await rpc({ type: "new-campaign", fields, random, created: new Date().toISOString() });
  const errors = $("campaign-errors");
  if (!response.ok) {
    errors.replaceChildren(el("p", {}, "La campagne n'a pas été créée :"),
      el("ul", {}, (response.error.problems || [response.error.message]).map((p) => el("li", {}, p))));
    errors.hidden = false;
    errors.focus?.();
    return;
  }
  if (campaignOf(response.campaign.code)) return errors.replaceChildren("Tirage d'un code déjà utilisé : cliquez à nouveau.");
  errors.hidden = true;
  space.campaigns.push(response.campaign);
  await save();
  $("campaign-form").reset();
  syncTargetFields();
  renderCompareChoices();
  await openCampaign(response.campaign.code, true);
  status(`Campagne « ${response.campaign.name} » créée : code ${response.campaign.code}.`);
});

$("copy-link").addEventListener("click", async () => {
  try {
    await navigator.clipboard.writeText($("campaign-link").value);
    $("copy-status").textContent = "Lien copié.";
  } catch {
    $("campaign-link").select();
    $("copy-status").textContent = "Le lien est sélectionné : copiez-le avec Ctrl+C.";
  }
});

function printWith(mode) {
  document.body.dataset.print = mode;
  window.print();
}
window.addEventListener("afterprint", () => {
  if (document.body.dataset.print === "report" && lastView) renderTable(campaignOf(current), lastView);
  delete document.body.dataset.print;
});

$("print-sheet-button").addEventListener("click", () => {
  const campaign = campaignOf(current);
  const qr = $("campaign-qr").querySelector("svg")?.cloneNode(true);
  if (qr) qr.removeAttribute("id");
  $("print-sheet").replaceChildren(
    el("h2", {}, campaign.name),
    el("p", { class: "sheet-lead" }, `Pour passer le test de compétences numériques de ${config.site_name} :`),
    el("ol", {},
      el("li", {}, "Ouvrez le site sur un ordinateur, une tablette ou un téléphone ; sur la page d'accueil, choisissez « J'ai un code »."),
      el("li", {}, "Tapez ce code : ", el("strong", { class: "campaign-code" }, campaign.code)),
      el("li", {}, campaign.needs_link ? "Ou mieux : photographiez le QR code, ou tapez le lien ci-dessous (cette campagne a besoin du lien)." : "Ou photographiez le QR code avec l'appareil photo.")),
    qr || "",
    el("p", { class: "sheet-link" }, campaignLink(campaign)),
    campaign.landing_text ? el("p", {}, campaign.landing_text) : "",
    el("p", { class: "meta" }, "À la fin, le site vous donne un code de résultat (ou un fichier) : c'est vous qui choisissez de le remettre. Rien ne quitte votre appareil sans vous."));
  printWith("sheet");
});
$("print-report-button").addEventListener("click", async () => {
  // The printed report has every row, not the page on screen (asked of the worker for the print).
  const campaign = campaignOf(current);
  const response = lastView && await rpc({ type: "report", campaign, all: true });
  if (response?.ok && campaign === campaignOf(current)) renderTable(campaign, response.view);
  printWith("report");
});

// ------------------------------------------------------------------ imports
const LISTED_ACCEPTED = 20;   // beyond, accepted files are counted, not listed one by one

function reportOutcomes(outcomes) {
  const accepted = outcomes.filter((o) => o.ok).length;
  const listed = accepted > LISTED_ACCEPTED ? outcomes.filter((o) => !o.ok) : outcomes;
  $("import-report").replaceChildren(
    el("p", { class: accepted === outcomes.length ? "alert alert-info" : "alert alert-error" },
      `${accepted} résultat(s) importé(s), ${outcomes.length - accepted} refusé(s).`),
    listed.length ? el("ul", { class: "import-list" }, listed.map((o) => el("li", { class: o.ok ? "import-ok" : "import-ko" },
      el("strong", {}, o.name || "(sans nom)"), " : ", o.ok ? "importé." : `refusé — ${o.message}`))) : "");
}

// The next batch of a drop: up to BATCH_FILES files or BATCH_BYTES bytes. The files themselves
// (handles, not their text) go to the worker, which reads them: a thousand files' texts never sit
// in memory together, and never in the page.
function nextBatch(items, start) {
  const batch = [];
  let bytes = 0;
  let i = start;
  while (i < items.length && batch.length < BATCH_FILES) {
    const item = items[i];
    const size = item.file ? item.file.size : 0;
    if (batch.length && bytes + size > BATCH_BYTES) break;
    bytes += size;
    batch.push(item);
    i += 1;
  }
  return { read: batch, next: i };
}

// Import files or codes into the open campaign. The space is sealed and stored once, at the end:
// if the tab closes during a drop, the stored space is the one from before it (nothing of the
// drop is kept, nothing else is touched), and dropping the same files again is safe.
async function importItems(items) {
  const begun = performance.now();
  const code = current;
  const campaign = campaignOf(code);
  const drop = ++drops;   // the worker keeps the drop's accepted results apart until the end
  const outcomes = [];
  const timings = { worker: 0, seal: 0 };
  status(`Import de ${items.length} élément(s)…`, true);
  for (let i = 0; i < items.length;) {
    const { read, next } = nextBatch(items, i);
    const response = await rpc({ type: "import", campaign, drop,
      items: read.map((item) => (item.file ? { name: item.name } : item)) }, read.map((item) => item.file || null));
    timings.worker += response.workerMs || 0;
    if (!response.ok) {
      outcomes.push(...read.map((item) => ({ name: item.name, ok: false, message: response.error.message })));
    } else {
      outcomes.push(...response.outcomes);
    }
    i = next;
    if (i < items.length) status(`Import : ${i} sur ${items.length}…`, true);
  }
  // The drop is stored at once (sealed by the worker with the rest of the space), or not at all.
  const sealing = performance.now();
  const committed = await rpc({ type: "import-commit", drop, rest: space });
  const added = committed.ok ? committed.added : 0;
  if (!committed.ok) status(`Enregistrement impossible : ${committed.error.message}`);
  else counts = committed.counts;
  if (added) timings.seal += performance.now() - sealing;
  document.body.dataset.importWorkerMs = String(Math.round(timings.worker));
  document.body.dataset.importSealMs = String(Math.round(timings.seal));
  reportOutcomes(outcomes);
  if (added) {
    renderCampaignList();
    if (current === code) await renderResults();
  }
  if (committed.ok) status(`Import terminé : ${added} sur ${outcomes.length}.`);
  document.body.dataset.importMs = String(Math.round(performance.now() - begun));
  document.body.dataset.imported = String(Number(document.body.dataset.imported || 0) + 1);
  return outcomes;
}

async function importFiles(files) {
  if (files.length) await importItems(files.map((file) => ({ name: file.name, file })));
}

$("import-files").addEventListener("change", async (event) => {
  await importFiles([...event.target.files]);
  event.target.value = "";
});
const drop = $("drop-zone");
drop.addEventListener("dragover", (event) => { event.preventDefault(); drop.classList.add("dragging"); });
drop.addEventListener("dragleave", () => drop.classList.remove("dragging"));
drop.addEventListener("drop", (event) => {
  event.preventDefault();
  drop.classList.remove("dragging");
  importFiles([...event.dataTransfer.files]);
});

$("import-codes-button").addEventListener("click", async () => {
  const lines = $("import-codes").value.split("\n").map((l) => l.trim()).filter(Boolean);
  if (!lines.length) return reportOutcomes([{ name: "Codes", ok: false, message: "Tapez ou collez au moins un code de résultat." }]);
  const items = lines.map((line, index) => {
    const [label, code] = line.includes(";") ? line.split(";", 2).map((s) => s.trim()) : ["", line];
    return { name: label || `Code ${index + 1}`, code, label };
  });
  const outcomes = await importItems(items);
  if (outcomes.every((o) => o.ok)) $("import-codes").value = "";
});

// Camera scanning: BarcodeDetector where the browser has it; the typed field always works.
let scanning = null;
function setupScanner() {
  const possible = "BarcodeDetector" in window && navigator.mediaDevices?.getUserMedia;
  $("scan-button").hidden = !possible;
  $("scan-unavailable").hidden = Boolean(possible);
}
$("scan-button").addEventListener("click", async () => {
  try {
    const detector = new window.BarcodeDetector({ formats: ["qr_code"] });
    const stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: "environment" } });
    const video = $("scanner-video");
    video.srcObject = stream;
    $("scanner").hidden = false;
    await video.play();
    scanning = stream;
    const tick = async () => {
      if (scanning !== stream) return;
      const found = await detector.detect(video).catch(() => []);
      if (found.length) {
        const text = found[0].rawValue.replace(/^.*[#?&]resultat=/, "");
        $("import-codes").value = ($("import-codes").value.trim() + "\n" + text).trim();
        stopScanner();
        $("import-codes").focus();
        return;
      }
      setTimeout(tick, 250);
    };
    tick();
  } catch {
    stopScanner();
    $("scan-unavailable").hidden = false;
    $("scan-unavailable").textContent = "La caméra n'a pas pu être ouverte (autorisation refusée ?) : tapez ou collez le code de résultat.";
  }
});
function stopScanner() {
  scanning?.getTracks().forEach((t) => t.stop());
  scanning = null;
  $("scanner").hidden = true;
}
$("scanner-stop").addEventListener("click", stopScanner);

// ------------------------------------------------------------------ results and analysis
// A campaign's figures (table, analysis): computed by the worker once per change and kept there;
// the page receives one page of rows, the analysis and the count (mediator-vault.js).
async function figuresOf(code, page) {
  const response = await rpc({ type: "report", campaign: campaignOf(code), page });
  if (!response.ok) throw new Error(response.error.message);
  return response.view;
}

async function renderResults(analysis = true) {
  const campaign = campaignOf(current);
  const started = performance.now();
  let view;
  try {
    view = await figuresOf(current, tablePage);
  } catch (error) {
    status(`Calcul impossible : ${error.message}`);
    return;
  }
  if (campaign !== campaignOf(current)) return;   // another campaign was opened meanwhile
  lastView = view;
  tablePage = view.page;
  renderTable(campaign, view);
  if (analysis) renderAnalysis(campaign, view);
  document.body.dataset.reportMs = String(Math.round(performance.now() - started));
  document.body.dataset.rows = String(view.total);
}

function rowLabel(row) {
  return row.label || "(sans nom)";
}

function renderPager(total, first, shown) {
  const pages = Math.ceil(total / PAGE_ROWS);
  $("results-pager").hidden = total === 0;
  $("results-count").textContent = shown === total
    ? `${total} participant(s).`
    : `Participants ${first + 1} à ${first + shown} sur ${total} (page ${tablePage + 1} sur ${pages}).`;
  $("rows-previous").hidden = $("rows-next").hidden = pages <= 1 || shown === total;
  $("rows-previous").disabled = tablePage === 0;
  $("rows-next").disabled = tablePage >= pages - 1;
}

// A row's cells as text (the last one, « Détail », is a button).
function rowTexts(row, collect) {
  return [rowLabel(row), row.date, row.source === "code" ? "code" : "fichier",
    ...(collect ? [String(row.pix), row.certifiable ? "oui" : "non"] : [`${row.progress} %`, `${row.mastery} %`]),
    ...row.competences.map((c) => (collect ? (c.level === null ? "—" : `niv. ${c.level}`)
      : `${c.mastery} % · niv. ${c.level}${c.level_estimated ? "*" : ""}`)),
    ...(collect ? [] : [row.badges.filter((b) => b.obtained).map((b) => b.title).join(", ") || "—",
      row.stage ? `${row.stage.index}/${row.stage.count} ${row.stage.title}` : "—"])];
}

function rowElement(texts, index) {
  return el("tr", {}, el("th", { scope: "row" }, texts[0]), texts.slice(1).map((text) => el("td", {}, text)),
    el("td", {}, el("button", { type: "button", class: "link-button", "data-row": String(index) }, `Voir ${texts[0]}`)));
}

// A row drawn again with other figures: only its texts change (no node is rebuilt); a row of
// another shape is made anew.
function patchRow(tr, texts, index) {
  const cells = tr.children;
  if (cells.length !== texts.length + 1) return rowElement(texts, index);
  texts.forEach((text, k) => { cells[k].firstChild.data = text; });
  const button = cells[texts.length].firstChild;
  button.dataset.row = String(index);
  button.firstChild.data = `Voir ${texts[0]}`;
  return tr;
}

// Rows taken off the table (an empty campaign, a shorter page), kept to be drawn again.
const spareRows = [];
function takeRows(body, keep) {
  while (body && body.rows.length > keep) {
    const tr = body.lastElementChild;
    tr.remove();
    if (spareRows.length < PAGE_ROWS) spareRows.push(tr);
  }
}

// The table shows the rows the worker sent (a page, or all of them when printing), in the
// report's order. Turning a page, an import or another campaign with the same columns changes
// the texts of the rows already drawn: a table drawn again from nothing left thousands of DOM
// nodes to Blink's collector each time.
let tableHead = "";
function renderTable(campaign, view) {
  const table = $("results-table");
  $("results-empty").hidden = view.total > 0;
  $("results-scroll").hidden = view.total === 0;
  const { first, rows } = view;
  renderPager(view.total, first, rows.length);
  if (!rows.length) {
    takeRows(table.tBodies[0], 0);
    tableHead = "";
    return table.replaceChildren();
  }
  const collect = campaign.goal !== "evaluer";
  const comps = rows[0].competences;
  const head = [campaign.external_id_label || "Participant", "Date", "Source",
    ...(collect ? ["Pix", "Certifiable"] : ["Progression", "Maîtrise"]),
    ...comps.map((c) => c.id), ...(collect ? [] : ["Badges", "Palier"]), "Détail"];
  const caption = `Résultats de la campagne ${campaign.name}, un participant par ligne`;
  const signature = JSON.stringify(head);
  if (signature !== tableHead) {
    tableHead = signature;
    takeRows(table.tBodies[0], 0);
    table.replaceChildren(el("caption", { class: "visually-hidden" }, caption),
      el("thead", {}, el("tr", {}, head.map((h) => el("th", { scope: "col" }, h)))), el("tbody"));
  } else if (table.caption.textContent !== caption) {
    table.caption.textContent = caption;
  }
  const body = table.tBodies[0];
  takeRows(body, rows.length);
  rows.forEach((row, offset) => {
    const texts = rowTexts(row, collect);
    const drawn = body.rows[offset];
    if (drawn) {
      const next = patchRow(drawn, texts, first + offset);
      if (next !== drawn) drawn.replaceWith(next);
    } else {
      const spare = spareRows.pop();
      body.append(spare ? patchRow(spare, texts, first + offset) : rowElement(texts, first + offset));
    }
  });
  table.tFoot?.remove();
  if (!collect && view.estimated) {
    table.append(el("tfoot", {}, el("tr", {}, el("td", { colspan: String(head.length), class: "meta" },
      "* niveau estimé d'après les acquis validés (un code de résultat ne contient pas le niveau)."))));
  }
}

async function turnPage(step) {
  tablePage = lastView.page + step;   // the worker sends the page's rows (a few milliseconds)
  await renderResults(false);
  $("participant").hidden = true;
  // A button that just became disabled would drop the focus: hand it to the other one.
  const pressed = $(step > 0 ? "rows-next" : "rows-previous");
  (pressed.disabled ? $(step > 0 ? "rows-previous" : "rows-next") : pressed).focus();
}
$("rows-previous").addEventListener("click", () => turnPage(-1));
$("rows-next").addEventListener("click", () => turnPage(1));

$("results-table").addEventListener("click", (event) => {
  const button = event.target.closest("button[data-row]");
  if (button) showParticipant(lastView.rows[Number(button.dataset.row) - lastView.first], button);
});

function tutorialLinks(tutorials) {
  const home = new URL(config.home, location.href);
  return el("ul", {}, tutorials.map((t) => el("li", {},
    el("a", { href: new URL(t.url, home).href }, t.title), t.duration ? ` (${t.duration})` : "")));
}

function showParticipant(row, opener) {
  const panel = $("participant");
  const collect = row.mastery === undefined;
  panel.replaceChildren(
    el("h4", { id: "participant-title" }, rowLabel(row)),
    el("p", {}, collect ? `${row.pix} pix au total, résultat du ${row.date}.`
      : `Maîtrise : ${row.mastery} % des acquis du profil cible (${row.validated} sur ${row.skills}) ; progression ${row.progress} % ; résultat du ${row.date}.`),
    el("ul", {}, row.competences.map((c) => el("li", {}, `${c.id} ${lastView.competence_titles[c.id]} : `,
      collect ? (c.level === null ? "non testée" : `niveau ${c.level}, ${c.pix} pix`)
        : `${c.mastery} % (${c.validated} acquis sur ${c.skills}), niveau ${c.level}${c.level_estimated ? " (estimé)" : ""}`))),
    collect ? "" : el("p", {}, row.stage ? `Palier : ${row.stage.title} (${row.stage.index} sur ${row.stage.count}).` : "Aucun palier."),
    collect || !row.badges.length ? "" : el("p", {}, "Badges : ", row.badges.map((b) => `${b.title} — ${b.obtained ? "obtenu" : `progression ${b.progress} %`}`).join(" ; ")),
    el("h5", {}, "Tutoriels à proposer"),
    row.tutorials.length ? tutorialLinks(row.tutorials.map((id) => lastView.tutorials[id])) : el("p", { class: "meta" }, collect ? "Une collecte de profils ne propose pas de tutoriels." : "Aucun acquis échoué : pas de tutoriel à proposer."),
    el("button", { type: "button", class: "button", id: "participant-close" }, "Fermer"));
  panel.hidden = false;
  panel.focus();
  $("participant-close").addEventListener("click", () => { panel.hidden = true; opener.focus(); });
}

const BUBBLES = (n) => "●".repeat(n) + "○".repeat(4 - n);

function renderAnalysis(campaign, view) {
  const a = view.analysis;
  const body = $("analysis-body");
  if (!a.participants) return body.replaceChildren(el("p", { class: "meta" }, "L'analyse apparaît dès le premier résultat importé."));
  const parts = [el("p", {}, `${a.participants} participant(s). Les chiffres sont calculés par le moteur du site, dans ce navigateur.`)];
  if (a.competences.length) {
    const items = a.competences.map((c) => ({ label: `${c.id} ${c.title}`, value: c.mastery }));
    parts.push(el("h4", {}, "Maîtrise par compétence"), barChart("Maîtrise des acquis du profil cible, par compétence", items),
      figuresTable("Maîtrise par compétence", ["Compétence", "Acquis du profil", "Maîtrise"], a.competences.map((c) => [`${c.id} ${c.title}`, c.skills, `${c.mastery} %`])),
      el("h4", {}, "Maîtrise par domaine"),
      el("table", { class: "data-table" }, el("caption", { class: "visually-hidden" }, "Maîtrise par domaine"),
        el("thead", {}, el("tr", {}, el("th", { scope: "col" }, "Domaine"), el("th", { scope: "col" }, "Acquis du profil"), el("th", { scope: "col" }, "Maîtrise"))),
        el("tbody", {}, a.domains.map((d) => el("tr", {}, el("th", { scope: "row" }, d.title), el("td", {}, String(d.skills)), el("td", {}, `${d.mastery} %`))))));
  }
  if (a.tubes.length) {
    parts.push(el("h4", {}, "Sujets à travailler"),
      el("p", { class: "meta" }, "Classés comme dans Pix Orga : d'abord les sujets où le groupe est le moins avancé, compte tenu de leur difficulté (pertinence sur 100, plus elle est basse, plus le sujet est à travailler)."),
      el("ol", { class: "tube-list", id: "tube-list" }, a.tubes.map((t) => el("li", {},
        el("strong", {}, t.title), ` (${t.competence_id}) — `,
        el("span", { class: "bubbles", "aria-hidden": "true" }, BUBBLES(t.bubbles)), ` ${t.label} ; pertinence ${t.score} ; maîtrise ${t.mastery} %.`,
        t.tutorials.length ? el("details", {}, el("summary", {}, `Tutoriels à proposer (${t.tutorials.length})`), tutorialLinks(t.tutorials)) : ""))));
  }
  if (a.levels.length) {
    const totals = Array(9).fill(0);
    for (const c of a.levels) c.counts.forEach((n, lv) => { totals[lv] += n; });
    const top = Math.max(...totals.map((n, lv) => (n ? lv : 0)));
    const items = totals.slice(0, top + 1).map((n, lv) => ({ label: `niv. ${lv}`, value: n }));
    parts.push(el("h4", {}, "Répartition des niveaux"),
      columnChart("Nombre de résultats de compétence à chaque niveau, toutes compétences confondues", items),
      figuresTable("Répartition des niveaux par compétence", ["Compétence", ...items.map((i) => i.label)],
        a.levels.map((c) => [`${c.id} ${c.title}`, ...c.counts.slice(0, top + 1)])));
  }
  if (a.stages && a.stages.length) {
    parts.push(el("h4", {}, "Paliers atteints"),
      el("ul", {}, a.stages.map((s) => el("li", {}, `${s.title} : ${s.count} participant(s)`))));
  }
  body.replaceChildren(...parts);
}

// ------------------------------------------------------------------ exports and comparison
function today() {
  return new Date().toISOString().slice(0, 10);
}

// `data`: a text, or a Blob the worker made (a backup: its megabytes never become a string here).
function download(name, data, type) {
  const url = URL.createObjectURL(data instanceof Blob ? data : new Blob([data], { type }));
  const link = el("a", { href: url, download: name, hidden: true });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
}

$("csv-button").addEventListener("click", async () => {
  const response = await rpc({ type: "report", campaign: campaignOf(current), csv: true });
  if (!response.ok) return status(`Export impossible : ${response.error.message}`);
  download(`campagne-${current}-${today()}.csv`, response.csv, "text/csv;charset=utf-8");
});

function renderCompareChoices() {
  $("compare-choices").replaceChildren(...space.campaigns.map((c) => el("label", { class: "choice" },
    el("input", { type: "checkbox", value: c.code }), ` ${c.name} (${c.code})`)));
}

$("compare-form").addEventListener("submit", async (event) => {
  event.preventDefault();
  const codes = [...$("compare-choices").querySelectorAll("input:checked")].map((i) => i.value);
  if (codes.length < 2) return $("compare-body").replaceChildren(el("p", { class: "alert alert-error", role: "alert" }, "Cochez au moins deux campagnes."));
  const response = await rpc({ type: "compare", campaigns: codes.map(campaignOf) });
  if (!response.ok) return $("compare-body").replaceChildren(el("p", { class: "alert alert-error" }, response.error.message));
  const cmp = response.compare;
  const cell = (v) => (v === null || v === undefined ? "—" : `${v} %`);
  $("compare-body").replaceChildren(el("div", { class: "table-scroll", tabindex: "0", role: "region", "aria-label": "Comparaison des campagnes" },
    el("table", { class: "data-table", id: "compare-table" }, el("caption", {}, "Maîtrise par compétence, campagne par campagne"),
      el("thead", {}, el("tr", {}, el("th", { scope: "col" }, "Compétence"), cmp.campaigns.map((c) => el("th", { scope: "col" }, `${c.name} (${c.participants} participant(s))`)))),
      el("tbody", {},
        el("tr", {}, el("th", { scope: "row" }, "Maîtrise moyenne du profil"), cmp.campaigns.map((c) => el("td", {}, cell(c.mastery)))),
        cmp.competences.map((r) => el("tr", {}, el("th", { scope: "row" }, `${r.id} ${r.title}`), r.values.map((v) => el("td", {}, cell(v)))))))));
});

// ------------------------------------------------------------------ start
async function main() {
  setupScanner();
  await showLock();
  if (!store.canProtect()) return;
  status("Chargement des calculs du médiateur…", true);
  const booted = await startWorker();
  if (!booted.ok) {
    status(`L'espace médiateur n'a pas pu démarrer : ${booted.error.message}`);
    return;
  }
  site = booted.site;
  await loadDeclared();
  fillCampaignForm();
  syncTargetFields();
  certification.setup({ rpc, space: () => space, save, download, config,
    qr: (text, label) => qrSvg(new URL(config.qrcode, location.href).href, text, label, "L") });
  document.body.dataset.mediatorReady = "true";
  siteIsReady();
  status($("unlock-form").hidden ? "Prêt : créez votre espace." : "Prêt : ouvrez votre espace.");
}

main();
