// « Mes données »: the profiles of this browser (create, rename, choose, export, erase), export of
// every profile, and import of a result file checked by the engine's validator in the worker
// (booted only when a file is imported). Everything goes through learner.js.
import { el } from "./dom.js";
import { listProfiles, setActiveProfile, createProfile, renameProfile, downloadExport, importResultFile, askPersistence, onChange, StorageProblem } from "./learner.js";
import { eraseWithConfirmation } from "./erase.js";
import { EngineClient, EngineUnavailable } from "./engine-client.js";

const runtime = JSON.parse(document.getElementById("diagnum-runtime").textContent);
const $ = (id) => document.getElementById(id);
const plural = (n, one, many) => `${n} ${n > 1 ? many : one}`;
let renaming = null;
let engine = null;

function problem(error) {
  if (error instanceof StorageProblem || error instanceof RangeError) {
    $("profiles-error").textContent = error.message;
    $("profiles-error").hidden = false;
    return;
  }
  throw error;
}

function render() {
  let profiles;
  try {
    profiles = listProfiles();
  } catch (error) {
    return problem(error);
  }
  $("profiles-body").replaceChildren(...profiles.map((p) => el("tr", {},
    el("th", { scope: "row" }, p.name, p.active ? el("span", { class: "meta" }, " (profil actuel)") : null),
    el("td", {}, String(p.finished)),
    el("td", {}, String(p.inProgress)),
    el("td", {}, el("div", { class: "actions" },
      p.active ? null : button(`Choisir ${p.name}`, "Choisir", () => act(() => setActiveProfile(p.id), `« ${p.name} » est maintenant le profil actuel.`)),
      button(`Renommer ${p.name}`, "Renommer", () => startRename(p)),
      button(`Télécharger les résultats de ${p.name}`, "Télécharger", () => exportSome([p.id])),
      button(`Effacer les données de ${p.name}`, "Effacer…", (event) => erase(p, event.currentTarget), "button button-danger"))))));
}

function button(label, text, onClick, cls = "button button-small") {
  const b = el("button", { type: "button", class: cls, "aria-label": label }, text);
  b.addEventListener("click", onClick);
  return b;
}

function notice(message) {
  $("data-notice").textContent = message;
  $("data-notice").hidden = false;
}

async function act(task, message) {
  $("profiles-error").hidden = true;
  try {
    await task();
  } catch (error) {
    return problem(error);
  }
  render();
  notice(message);
}

function startRename(profile) {
  renaming = profile;
  $("rename-label").textContent = `Nouveau nom pour « ${profile.name} »`;
  $("rename-name").value = profile.name;
  $("rename-form").hidden = false;
  $("rename-name").focus();
}

async function erase(profile, opener) {
  if (!await eraseWithConfirmation(profile.id, { returnFocus: opener })) return;
  render();
  notice(`Les données de « ${profile.name} » ont été effacées de cet ordinateur.`);
  $("data-title").focus();
}

function exportSome(ids) {
  const out = downloadExport(ids);
  const left = out.left ? ` ${plural(out.left, "test ancien n'a pas pu être exporté", "tests anciens n'ont pas pu être exportés")} (enregistré${out.left > 1 ? "s" : ""} par une version précédente de Diagnum).` : "";
  $("export-note").textContent = out.files
    ? `${plural(out.files, "fichier téléchargé", "fichiers téléchargés")} (${plural(out.records, "test", "tests")}), dans le dossier des téléchargements de ce navigateur.${left}`
    : `Il n'y a aucun résultat à télécharger.${left}`;
}

// The engine's validator, in the worker, booted once when the first file is imported.
async function validate(text) {
  if (!engine) {
    const absolute = (path) => new URL(path, location.href).href;
    engine = new EngineClient(new URL(runtime.worker, location.href),
      { pyodide: absolute(runtime.pyodide), engine: absolute(runtime.engine), referential: absolute(runtime.referential), lock: runtime.lock });
    try {
      await engine.boot();
    } catch (error) {
      engine = null;
      return { ok: false, error: { message: `Le vérificateur de fichiers n'a pas pu démarrer (${error.message}). Réessayez dans un moment.` } };
    }
  }
  try {
    return await engine.request({ type: "validate-result-file", text });
  } catch (error) {
    if (!(error instanceof EngineUnavailable)) throw error;
    engine = null;
    return { ok: false, error: { message: "Le vérificateur de fichiers ne répond plus. Réessayez." } };
  }
}

async function importFile(event) {
  event.preventDefault();
  const out = $("import-result");
  const file = $("import-file").files[0];
  if (!file) {
    out.replaceChildren(el("p", { class: "alert alert-error" }, "Choisissez d'abord un fichier de résultats."));
    return $("import-file").focus();
  }
  $("import-submit").disabled = true;
  out.replaceChildren(el("p", {}, "Vérification du fichier… (la première fois, cela peut prendre un moment)"));
  try {
    const text = await file.text();
    const result = await importResultFile(text, validate, listProfiles().find((p) => p.active)?.id);
    if (!result.ok) {
      out.replaceChildren(el("div", { class: "alert alert-error" },
        el("p", {}, el("strong", {}, `Le fichier « ${file.name} » n'a pas été importé : rien n'a changé.`)),
        el("ul", { class: "problem-list" }, result.problems.map((line) => el("li", {}, line)))));
    } else {
      const skipped = result.skipped ? ` ${plural(result.skipped, "test était déjà présent et n'a pas été ajouté", "tests étaient déjà présents et n'ont pas été ajoutés")}.` : "";
      out.replaceChildren(el("p", { class: "alert alert-info" },
        `${plural(result.added, "test importé", "tests importés")} dans le profil « ${result.profileName} ».${skipped}`));
      render();
    }
  } catch (error) {
    if (!(error instanceof StorageProblem)) throw error;
    out.replaceChildren(el("p", { class: "alert alert-error" }, `${error.message} Rien n'a été importé.`));
  } finally {
    $("import-submit").disabled = false;
  }
}

async function init() {
  render();
  $("create-form").addEventListener("submit", (event) => {
    event.preventDefault();
    const name = $("create-name").value;
    act(async () => { await createProfile(name); $("create-name").value = ""; }, `Le profil « ${name.trim()} » a été créé et choisi.`);
  });
  $("rename-form").addEventListener("submit", (event) => {
    event.preventDefault();
    const profile = renaming;
    act(() => renameProfile(profile.id, $("rename-name").value), "Le nom a été changé.").then(() => {
      if ($("profiles-error").hidden) $("rename-form").hidden = true;
    });
  });
  $("rename-cancel").addEventListener("click", () => { $("rename-form").hidden = true; });
  $("export-all").addEventListener("click", () => exportSome(listProfiles().map((p) => p.id)));
  $("import-form").addEventListener("submit", importFile);
  onChange(render);
  const persistence = await askPersistence();
  $("persist-status").textContent = {
    persisted: "Ce navigateur a accepté de garder vos données : il ne les effacera pas de lui-même.",
    "best-effort": "Ce navigateur garde vos données, mais pourrait les effacer s'il manque de place : téléchargez vos résultats pour les garder à coup sûr.",
    insecure: "Ce site est servi sans connexion sécurisée (HTTP) : le navigateur garde vos données normalement, mais ne peut pas promettre de ne jamais les effacer. Rien n'est cassé ; téléchargez vos résultats pour les garder à coup sûr.",
    unsupported: "Ce navigateur garde vos données, sans promesse de ne jamais les effacer : téléchargez vos résultats pour les garder à coup sûr.",
  }[persistence];
  document.body.dataset.dataReady = "true";
}

init();
