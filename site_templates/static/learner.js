// The learner's data, for every page that shows or manages it (« Mon espace », the home page, the
// test page, « Mes données »): local profiles, tests in progress, history as the engine's records,
// tutorial marks, export to the result file, import, and erasing. Pages READ through this module
// and never touch localStorage themselves. Everything stays on this device.
//
// History is read from records (docs/result-file.md), never by replaying a state. Entries kept
// from before records existed (schema 1) are returned as `legacy` items with what they hold.
import { load, write, newProfile, isFinished, StorageProblem, STORAGE_KEY, DAMAGED_PREFIX, DEFAULT_PROFILE_NAME } from "./storage.js";
import { exclusive, setAsideEntry } from "./sessions.js";

export { StorageProblem, DEFAULT_PROFILE_NAME };

// The profile chosen in this tab (sessionStorage: a new window or tab asks again who is there).
export const CHOSEN_KEY = "diagnum.profil-choisi";
// Cache Storage and IndexedDB names that may hold a learner's personal data: erasing removes
// them. Nothing uses them today; any future learner cache must use this prefix. The site's own
// cached files and the mediator's space (IndexedDB « diagnum-mediateur ») never use it.
export const LEARNER_STORE_PREFIX = "diagnum-apprenant";
export const NAME_MAX = 100; // a nickname in the result file is at most 100 characters

/**
 * @typedef {Object} ProfileInfo
 * @property {string} id
 * @property {string} name       the first name or nickname the person typed (or « Mon profil »)
 * @property {string} createdAt  ISO 8601
 * @property {boolean} active    the profile last chosen on this browser
 * @property {number} inProgress tests in progress
 * @property {number} finished   finished tests in the history
 */

/**
 * @typedef {Object} HistoryItem
 * @property {string} key        the test: "competence:4.1", "competence:1.1,4.1", "parcours:<id>"
 * @property {string} date       when it ended (finished, or set aside), ISO 8601
 * @property {string} status     "finished" | "interrupted" | "replaced" | "content-changed"
 * @property {Object|null} record the engine's record (docs/result-file.md), null for legacy items
 * @property {Object|null} legacy for entries stored before records existed: {status, state
 *   (answers, seed…), summary ({pix, competences: [{id, level, pix}]} for a finished test, or
 *   null)}; shown as they are, never replayed
 */

/**
 * @typedef {Object} InProgress
 * @property {string} key
 * @property {string} startedAt
 * @property {string} updatedAt
 * @property {number} answers    answers given so far
 * @property {Object|null} progress the engine's last progress ({asked, competence_index,
 *   competence_count, asked_in_competence, max_in_competence}), null for older sessions
 * @property {Object|null} record the record so far (status "interrupted"), null if none yet
 */

function read() {
  return load().data;
}

// Read-change-write inside the storage lock, as sessions.commit does.
async function change(task) {
  return exclusive(() => {
    const data = read();
    const result = task(data);
    write(data);
    return result;
  });
}

function cleanName(name) {
  const text = String(name ?? "").replace(/\s+/g, " ").trim().slice(0, NAME_MAX);
  if (!text) throw new RangeError("Indiquez un prénom ou un pseudonyme.");
  return text;
}

/** Every local profile of this browser, oldest first. @returns {ProfileInfo[]} */
export function listProfiles() {
  const data = read();
  return Object.values(data.profiles)
    .sort((a, b) => a.createdAt.localeCompare(b.createdAt))
    .map((p) => ({
      id: p.id, name: p.name, createdAt: p.createdAt, active: p.id === data.active,
      inProgress: Object.keys(p.sessions).length,
      finished: p.history.filter(isFinished).length,
    }));
}

/**
 * The profile chosen in this tab, else the one last chosen on this browser (a default for
 * managing data; to show someone's tests, use chosenProfile). @returns {ProfileInfo}
 */
export function activeProfile() {
  const profiles = listProfiles();
  let chosen = null;
  try { chosen = sessionStorage.getItem(CHOSEN_KEY); } catch { /* no sessionStorage */ }
  return profiles.find((p) => p.id === chosen) || profiles.find((p) => p.active) || profiles[0];
}

/**
 * The person using this tab, for pages that show personal data (« Reprendre votre test », last
 * results): the profile chosen in this tab; else the only profile of this browser when it has no
 * test in progress; else null: several people use this browser (or the only profile's test in
 * progress may be someone else's), so ask first (listProfiles, then setActiveProfile or
 * createProfile), as the test page does. @returns {ProfileInfo|null}
 */
export function chosenProfile() {
  const profiles = listProfiles();
  let chosen = null;
  try { chosen = sessionStorage.getItem(CHOSEN_KEY); } catch { /* no sessionStorage */ }
  const mine = profiles.find((p) => p.id === chosen);
  if (mine) return mine;
  return profiles.length === 1 && profiles[0].inProgress === 0 ? profiles[0] : null;
}

/** Make `profileId` the current one (this tab and, as a default, this browser). */
export async function setActiveProfile(profileId) {
  await change((data) => {
    if (!data.profiles[profileId]) throw new RangeError("Ce profil n'existe plus.");
    data.active = profileId;
  });
  try { sessionStorage.setItem(CHOSEN_KEY, profileId); } catch { /* no sessionStorage */ }
}

/** A new profile with the name the person typed; it becomes the current one. @returns {Promise<string>} its id */
export async function createProfile(name) {
  const clean = cleanName(name);
  const id = await change((data) => {
    let n = Object.keys(data.profiles).length + 1;
    while (data.profiles[`p${n}`]) n += 1;
    const profileId = `p${n}`;
    data.profiles[profileId] = newProfile(profileId, clean);
    data.active = profileId;
    return profileId;
  });
  try { sessionStorage.setItem(CHOSEN_KEY, id); } catch { /* no sessionStorage */ }
  return id;
}

/** Rename a profile (the name is what the person types: a first name or a nickname). */
export async function renameProfile(profileId, name) {
  const clean = cleanName(name);
  await change((data) => {
    if (!data.profiles[profileId]) throw new RangeError("Ce profil n'existe plus.");
    data.profiles[profileId].name = clean;
  });
}

function historyItem(entry) {
  if (!entry.legacy) {
    return { key: entry.key, date: entry.record.finished_at, status: entry.record.status, record: entry.record, legacy: null };
  }
  const finished = entry.status === undefined || entry.status === "termine";
  const status = finished ? "finished" : entry.status === "remplace" ? "replaced" : entry.status === "interrompu" ? "interrupted" : "content-changed";
  return {
    key: entry.key, date: entry.finishedAt || entry.endedAt, status, record: null,
    legacy: { status: entry.status ?? "termine", state: entry.state, summary: entry.summary ?? null },
  };
}

/** The history of a profile, newest first, from records. @returns {HistoryItem[]} */
export function history(profileId) {
  const profile = read().profiles[profileId];
  if (!profile) return [];
  return profile.history.map(historyItem).reverse();
}

/**
 * The « certification blanche » kept with a profile (in progress or finished, one at a time), or
 * null. Its shape is the candidate's page's (certification.js); erasing the profile erases it.
 */
export function certification(profileId) {
  return read().profiles[profileId]?.certification ?? null;
}

/** Keep (or, with null, forget) the profile's « certification blanche ». */
export async function saveCertification(profileId, value) {
  await change((data) => {
    const profile = data.profiles[profileId];
    if (!profile) throw new RangeError("Ce profil n'existe plus.");
    if (value === null) delete profile.certification;
    else profile.certification = value;
  });
}

/** The tests in progress of a profile, most recent first. @returns {InProgress[]} */
export function inProgress(profileId) {
  const profile = read().profiles[profileId];
  if (!profile) return [];
  return Object.values(profile.sessions)
    .map((s) => ({ key: s.key, startedAt: s.startedAt, updatedAt: s.updatedAt, answers: s.state.answers.length, progress: s.progress ?? null, record: s.record ?? null }))
    .sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
}

/**
 * Stop a test in progress: it goes to the history as it was (the record kept with the session,
 * status "interrupted"; the state as it is when there is none). @returns {Promise<boolean>}
 */
export async function stopTest(profileId, key) {
  return change((data) => {
    const profile = data.profiles[profileId];
    const stored = profile?.sessions[key];
    if (!stored) return false;
    profile.history.push(setAsideEntry(key, stored, "interrompu"));
    delete profile.sessions[key];
    return true;
  });
}

/** The tutorial marks of a profile: {tutorialId: {bookmarked, read, updatedAt}}. */
export function tutorialMarks(profileId) {
  return read().profiles[profileId]?.tutorials ?? {};
}

/**
 * Bookmark a tutorial or mark it as read (« Mes tutos »): marks = {bookmarked?, read?}; a
 * tutorial neither bookmarked nor read is forgotten.
 */
export async function saveTutorialMark(profileId, tutorialId, marks) {
  await change((data) => {
    const profile = data.profiles[profileId];
    if (!profile) throw new RangeError("Ce profil n'existe plus.");
    const previous = profile.tutorials[tutorialId] || { bookmarked: false, read: false };
    const next = { bookmarked: marks.bookmarked ?? previous.bookmarked, read: marks.read ?? previous.read, updatedAt: new Date().toISOString() };
    if (!next.bookmarked && !next.read) delete profile.tutorials[tutorialId];
    else profile.tutorials[tutorialId] = { bookmarked: !!next.bookmarked, read: !!next.read, updatedAt: next.updatedAt };
  });
}

// ------------------------------------------------------------------ export and import
/**
 * The result file (docs/result-file.md) of one profile: its records, oldest first, with its
 * nickname only when the person typed one. Legacy entries have no record and are left out
 * (`left` counts them). @returns {{file: Object|null, left: number}} file null when no record
 */
export function exportProfile(profileId) {
  const profile = read().profiles[profileId];
  if (!profile) return { file: null, left: 0 };
  const records = profile.history.filter((e) => !e.legacy).map((e) => e.record);
  const left = profile.history.length - records.length;
  if (!records.length) return { file: null, left };
  const file = { format: "diagnum-resultats", version: 1, created: new Date().toISOString(), app: "Diagnum" };
  if (profile.name !== DEFAULT_PROFILE_NAME) file.nickname = profile.name.slice(0, NAME_MAX);
  file.records = records;
  return { file, left };
}

/** A file name for a profile's export: diagnum-resultats-<nickname>-<date>.json. */
export function exportFileName(profileName) {
  const slug = String(profileName).normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase()
    .replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "").slice(0, 40) || "profil";
  return `diagnum-resultats-${slug}-${new Date().toISOString().slice(0, 10)}.json`;
}

/**
 * Download the result file of each profile given (one .json file per profile: a result file
 * names one person). @returns {{files: number, records: number, left: number}}
 */
export function downloadExport(profileIds) {
  const data = read();
  let files = 0, records = 0, left = 0;
  for (const id of profileIds) {
    const out = exportProfile(id);
    left += out.left;
    if (!out.file) continue;
    const blob = new Blob([JSON.stringify(out.file, null, 1)], { type: "application/json" });
    const link = document.createElement("a");
    link.href = URL.createObjectURL(blob);
    link.download = exportFileName(data.profiles[id].name);
    link.hidden = true;
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(link.href), 60_000);
    files += 1;
    records += out.file.records.length;
  }
  return { files, records, left };
}

function sameTest(a, b) {
  return a.id === b.id || (a.started_at === b.started_at && a.seed === b.seed && JSON.stringify(a.answers) === JSON.stringify(b.answers));
}

/**
 * Add the records of a result file already validated by the engine (see importResultFile) to a
 * profile: the profile named like the file's nickname (created if none), else `profileId`.
 * A record already there (same id, or same start date, seed and answers) is skipped.
 * @returns {Promise<{profileId: string, profileName: string, added: number, skipped: number}>}
 */
export async function addRecords(file, profileId) {
  return change((data) => {
    let profile = file.nickname ? Object.values(data.profiles).find((p) => p.name === file.nickname) : null;
    if (!profile && file.nickname) {
      // An untouched default profile (a fresh browser) takes the nickname instead of a second one.
      const blank = Object.values(data.profiles).find((p) => p.name === DEFAULT_PROFILE_NAME && !p.history.length && !Object.keys(p.sessions).length);
      if (blank) {
        profile = blank;
        profile.name = cleanName(file.nickname);
      } else {
        let n = Object.keys(data.profiles).length + 1;
        while (data.profiles[`p${n}`]) n += 1;
        profile = data.profiles[`p${n}`] = newProfile(`p${n}`, cleanName(file.nickname));
      }
    }
    profile ??= data.profiles[profileId] || data.profiles[data.active];
    const now = new Date().toISOString();
    const known = profile.history.filter((e) => !e.legacy).map((e) => e.record);
    let added = 0, skipped = 0;
    for (const record of file.records) {
      if (known.some((r) => sameTest(r, record))) { skipped += 1; continue; }
      profile.history.push({ key: keyOf(record), savedAt: now, record });
      known.push(record);
      added += 1;
    }
    profile.history.sort((a, b) => dateOf(a).localeCompare(dateOf(b)));
    data.active = profile.id;
    return { profileId: profile.id, profileName: profile.name, added, skipped };
  });
}

const dateOf = (entry) => (entry.legacy ? entry.finishedAt || entry.endedAt : entry.record.finished_at) || "";

// The test a record is about, as the test page names it.
export function keyOf(record) {
  if (record.profile) return `parcours:${record.profile.id}`;
  return `competence:${record.competences.map((c) => c.id).join(",")}`;
}

/**
 * Import a result file: `validate(text)` sends {type: "validate-result-file", text} to the
 * engine's worker and returns its response ({ok, valid, problems, file}). A damaged or foreign
 * file changes nothing. @returns {Promise<{ok: true, profileId, profileName, added, skipped}
 *   | {ok: false, problems: string[]}>}
 */
export async function importResultFile(text, validate, profileId) {
  const answer = await validate(text);
  if (!answer || !answer.ok) return { ok: false, problems: [answer?.error?.message || "Le fichier n'a pas pu être vérifié."] };
  if (!answer.valid) return { ok: false, problems: answer.problems };
  const added = await addRecords(answer.file, profileId);
  try { sessionStorage.setItem(CHOSEN_KEY, added.profileId); } catch { /* no sessionStorage */ }
  return { ok: true, ...added };
}

// ------------------------------------------------------------------ erasing
/**
 * Erase a person's data from this browser: the profile (its tests in progress, history and
 * tutorial marks) in localStorage; when it was the last profile, the whole document and the
 * damaged copies set aside (they may hold that person's answers); the tab's choice; and any
 * Cache Storage or IndexedDB store named with LEARNER_STORE_PREFIX. Never the mediator's space
 * nor the site's own cached files. @returns {Promise<{remaining: number}>}
 */
export async function eraseProfile(profileId) {
  const remaining = await exclusive(() => {
    const data = read();
    delete data.profiles[profileId];
    const left = Object.keys(data.profiles);
    if (!left.length) {
      localStorage.removeItem(STORAGE_KEY);
      for (let i = localStorage.length - 1; i >= 0; i--) {
        const key = localStorage.key(i);
        if (key && key.startsWith(DAMAGED_PREFIX)) localStorage.removeItem(key);
      }
      return 0;
    }
    if (!data.profiles[data.active]) data.active = left[0];
    write(data);
    return left.length;
  });
  try {
    if (sessionStorage.getItem(CHOSEN_KEY) === profileId || remaining === 0) sessionStorage.removeItem(CHOSEN_KEY);
  } catch { /* no sessionStorage */ }
  await eraseLearnerStores(profileId, remaining === 0);
  return { remaining };
}

// Caches and databases of a learner: `${LEARNER_STORE_PREFIX}-${profileId}…`, or all when none remain.
async function eraseLearnerStores(profileId, all) {
  const mine = (name) => name.startsWith(all ? LEARNER_STORE_PREFIX : `${LEARNER_STORE_PREFIX}-${profileId}`);
  if (globalThis.caches) {
    try {
      for (const name of await caches.keys()) if (mine(name)) await caches.delete(name);
    } catch { /* Cache Storage refused (plain HTTP): nothing there */ }
  }
  if (globalThis.indexedDB?.databases) {
    try {
      for (const { name } of await indexedDB.databases()) if (name && mine(name)) indexedDB.deleteDatabase(name);
    } catch { /* no IndexedDB */ }
  }
}

// ------------------------------------------------------------------ persistence
/**
 * Ask the browser to keep this site's data (navigator.storage.persist). Only secure origins
 * (HTTPS, localhost) can ask. @returns {Promise<"persisted"|"best-effort"|"insecure"|"unsupported">}
 */
export async function askPersistence() {
  if (!globalThis.isSecureContext) return "insecure";
  if (!navigator.storage?.persist) return "unsupported";
  try {
    if (await navigator.storage.persisted()) return "persisted";
    return (await navigator.storage.persist()) ? "persisted" : "best-effort";
  } catch {
    return "best-effort";
  }
}

/** Call `callback()` when another tab changes the learner's data. @returns {() => void} to stop */
export function onChange(callback) {
  const listener = (event) => { if (event.key === null || event.key === STORAGE_KEY) callback(); };
  window.addEventListener("storage", listener);
  return () => window.removeEventListener("storage", listener);
}
