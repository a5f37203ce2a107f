// Diagnum's browser storage: one versioned JSON document in localStorage, shaped for several
// local profiles on a shared computer. Damaged data is never overwritten: it is set aside under
// another key and the learner is told. "Damaged" is judged by a validator of the whole document,
// so that no later code meets a null where it expects a test and hangs the page.

export const STORAGE_KEY = "diagnum";
// 2: finished and set-aside tests are kept as the engine's records (docs/result-file.md); entries
// of schema 1 ({key, finishedAt, state, summary}) are kept as they were, marked `legacy: true`.
export const SCHEMA = 2;
// Damaged documents are set aside under this prefix (they may hold a person's answers: erasing
// the last profile removes them too).
export const DAMAGED_PREFIX = `${STORAGE_KEY}.endommage.`;
export const DEFAULT_PROFILE_NAME = "Mon profil";

// kind: "unavailable" (storage refused), "full" (a write failed), "newer" (written by a newer
// Diagnum: read-only here), "damaged" (could not even be set aside).
export class StorageProblem extends Error {
  constructor(kind, message) {
    super(message);
    this.kind = kind;
  }
}

export function newProfile(id, name = DEFAULT_PROFILE_NAME) {
  return { id, name, createdAt: new Date().toISOString(), sessions: {}, history: [], tutorials: {} };
}

export function blank() {
  const id = "p1";
  return { schema: SCHEMA, active: id, profiles: { [id]: newProfile(id) } };
}

// Schema 1 → 2, in place: nothing is dropped; history entries without a record become legacy.
export function migrate(data) {
  if (!isObject(data) || data.schema !== 1 || !isObject(data.profiles)) return data;
  for (const profile of Object.values(data.profiles)) {
    if (!isObject(profile)) continue;
    if (Array.isArray(profile.history)) {
      for (const entry of profile.history) if (isObject(entry) && !isObject(entry.record)) entry.legacy = true;
    }
    if (profile.tutorials === undefined) profile.tutorials = {};
  }
  data.schema = SCHEMA;
  return data;
}

// ------------------------------------------------------------------ the validator
const isObject = (v) => v !== null && typeof v === "object" && !Array.isArray(v);
const isString = (v) => typeof v === "string";
const isStringOrNull = (v) => v === null || v === undefined || typeof v === "string";
const isInteger = (v) => Number.isInteger(v);

// Each checker pushes "path: what is wrong" into problems; it never throws, whatever the input.
function checkState(state, path, problems) {
  if (!isObject(state)) return problems.push(`${path} : un état de test doit être un objet`);
  if (!isInteger(state.format)) problems.push(`${path}.format : nombre entier attendu`);
  if (!isInteger(state.seed)) problems.push(`${path}.seed : nombre entier attendu`);
  if (!isStringOrNull(state.referential)) problems.push(`${path}.referential : texte attendu`);
  if (!Array.isArray(state.competences) || !state.competences.every(isString)) problems.push(`${path}.competences : liste de textes attendue`);
  if (state.skills != null && (!Array.isArray(state.skills) || !state.skills.every(isString))) problems.push(`${path}.skills : liste de textes attendue`);
  if (!isStringOrNull(state.profile)) problems.push(`${path}.profile : texte attendu`);
  if (state.config != null && !isObject(state.config)) problems.push(`${path}.config : objet attendu`);
  if (state.closed != null && (!Array.isArray(state.closed) || !state.closed.every(isString))) problems.push(`${path}.closed : liste de textes attendue`);
  if (!isStringOrNull(state.pending)) problems.push(`${path}.pending : texte attendu`);
  if (!Array.isArray(state.answers)) return problems.push(`${path}.answers : liste attendue`);
  state.answers.forEach((answer, i) => {
    const at = `${path}.answers[${i}]`;
    if (!isObject(answer)) return problems.push(`${at} : objet attendu`);
    if (!isString(answer.challenge)) problems.push(`${at}.challenge : texte attendu`);
    if (typeof answer.correct !== "boolean") problems.push(`${at}.correct : vrai ou faux attendu`);
    if (answer.status !== undefined && !isString(answer.status)) problems.push(`${at}.status : texte attendu`);
  });
}

// The engine's record (docs/result-file.md), checked for what the pages read; the engine's own
// validator checks it fully when it is imported.
function checkRecord(record, path, problems) {
  if (!isObject(record)) return problems.push(`${path} : objet attendu`);
  for (const field of ["id", "status", "started_at", "finished_at"]) {
    if (!isString(record[field])) problems.push(`${path}.${field} : texte attendu`);
  }
  if (!Array.isArray(record.answers) || !record.answers.every(isObject)) problems.push(`${path}.answers : liste d'objets attendue`);
  if (!Array.isArray(record.competences) || !record.competences.every(isObject)) problems.push(`${path}.competences : liste d'objets attendue`);
  if (typeof record.pix !== "number") problems.push(`${path}.pix : nombre attendu`);
}

function checkSession(session, path, problems) {
  if (!isObject(session)) return problems.push(`${path} : un test en cours doit être un objet`);
  for (const field of ["key", "startedAt", "updatedAt"]) {
    if (!isString(session[field])) problems.push(`${path}.${field} : texte attendu`);
  }
  checkState(session.state, `${path}.state`, problems);
  if (session.progress != null && !isObject(session.progress)) problems.push(`${path}.progress : objet attendu`);
  if (session.record != null) checkRecord(session.record, `${path}.record`, problems);
}

// A history entry is {key, savedAt, record} (the engine's record), or a legacy entry kept as it
// was: a finished test of schema 1 has finishedAt and summary; a test set aside unfinished
// (replaced, content changed) has a status and endedAt.
function checkHistoryEntry(entry, path, problems) {
  if (!isObject(entry)) return problems.push(`${path} : objet attendu`);
  if (!isString(entry.key)) problems.push(`${path}.key : texte attendu`);
  if (!entry.legacy) {
    if (!isString(entry.savedAt)) problems.push(`${path}.savedAt : texte attendu`);
    return checkRecord(entry.record, `${path}.record`, problems);
  }
  if (isFinished(entry)) {
    if (!isString(entry.finishedAt)) problems.push(`${path}.finishedAt : texte attendu`);
    if (!isObject(entry.summary)) problems.push(`${path}.summary : objet attendu`);
  } else {
    if (!isString(entry.status)) problems.push(`${path}.status : texte attendu`);
    if (!isString(entry.endedAt)) problems.push(`${path}.endedAt : texte attendu`);
  }
  checkState(entry.state, `${path}.state`, problems);
}

// A finished test (record status "finished"; legacy: no status, or "termine").
export function isFinished(entry) {
  if (!entry.legacy) return entry.record?.status === "finished";
  return entry.status === undefined || entry.status === "termine";
}

function checkProfile(profile, id, problems) {
  const path = `profiles.${id}`;
  if (!isObject(profile)) return problems.push(`${path} : objet attendu`);
  if (profile.id !== id) problems.push(`${path}.id : « ${id} » attendu`);
  if (!isString(profile.name)) problems.push(`${path}.name : texte attendu`);
  if (!isString(profile.createdAt)) problems.push(`${path}.createdAt : texte attendu`);
  if (!isObject(profile.sessions)) problems.push(`${path}.sessions : objet attendu`);
  else for (const [key, session] of Object.entries(profile.sessions)) checkSession(session, `${path}.sessions["${key}"]`, problems);
  if (!Array.isArray(profile.history)) problems.push(`${path}.history : liste attendue`);
  else profile.history.forEach((entry, i) => checkHistoryEntry(entry, `${path}.history[${i}]`, problems));
  if (!isObject(profile.tutorials)) problems.push(`${path}.tutorials : objet attendu`);
  if (profile.certification != null && !isObject(profile.certification)) problems.push(`${path}.certification : objet attendu`);
}

// Every problem of a stored document, as French lines; an empty list means the document is usable.
export function validateDocument(data) {
  const problems = [];
  if (!isObject(data)) return ["le document doit être un objet"];
  if (data.schema !== SCHEMA) problems.push(`schema : ${SCHEMA} attendu`);
  if (!isObject(data.profiles)) return [...problems, "profiles : objet attendu"];
  for (const [id, profile] of Object.entries(data.profiles)) checkProfile(profile, id, problems);
  if (!isString(data.active) || !Object.hasOwn(data.profiles, data.active)) problems.push("active : le nom d'un profil existant est attendu");
  return problems;
}

// ------------------------------------------------------------------ reading and writing
// Returns {data, notice}: notice is a French message when something had to be set aside.
export function load() {
  let raw;
  try {
    raw = localStorage.getItem(STORAGE_KEY);
  } catch (error) {
    throw new StorageProblem("unavailable", "Ce navigateur refuse l'enregistrement des réponses (navigation privée ou réglages de confidentialité). Le test fonctionnera, mais rien ne sera gardé si vous fermez la page.");
  }
  if (raw === null) return { data: blank(), notice: null };
  let data = null;
  try { data = JSON.parse(raw); } catch { data = null; }
  if (data && typeof data.schema === "number" && data.schema > SCHEMA) {
    throw new StorageProblem("newer", "Les résultats enregistrés dans ce navigateur viennent d'une version plus récente de Diagnum. Pour ne pas les abîmer, ils ne seront pas modifiés ici.");
  }
  if (data !== null) migrate(data);
  if (data !== null && validateDocument(data).length === 0) return { data, notice: null };
  const backupKey = `${DAMAGED_PREFIX}${Date.now()}`;
  try { localStorage.setItem(backupKey, raw); } catch { /* the original stays in place below */ }
  if (localStorage.getItem(backupKey) !== raw) {
    throw new StorageProblem("damaged", "Les données enregistrées dans ce navigateur sont endommagées et n'ont pas pu être mises de côté. Rien n'a été effacé.");
  }
  const fresh = blank();
  try { localStorage.setItem(STORAGE_KEY, JSON.stringify(fresh)); } catch { /* kept in memory */ }
  return { data: fresh, notice: `Les données enregistrées dans ce navigateur étaient endommagées. Elles ont été mises de côté sans être effacées (clé « ${backupKey} ») et un nouveau départ a été créé.` };
}

// Write the whole document; a refusal (quota full, storage disabled) is a StorageProblem "full".
export function write(data) {
  try {
    localStorage.setItem(STORAGE_KEY, JSON.stringify(data));
  } catch (error) {
    throw new StorageProblem("full", "L'espace de stockage du navigateur est plein ou refusé : votre dernière réponse n'a pas pu être enregistrée.");
  }
}

// Read the freshest copy, change it, write it back: another tab's writes are not lost.
export function update(change) {
  const { data } = load();
  const result = change(data.profiles[data.active], data);
  write(data);
  return result;
}
