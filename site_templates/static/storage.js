// Diagnum's browser storage: one versioned JSON document in localStorage, shaped for several
// local profiles on a shared computer. Damaged data is never overwritten: it is set aside under
// another key and the learner is told.

export const STORAGE_KEY = "diagnum";
export const SCHEMA = 1;

export class StorageProblem extends Error {}

function blank() {
  const id = "p1";
  return { schema: SCHEMA, active: id, profiles: { [id]: { id, name: "Mon profil", createdAt: new Date().toISOString(), sessions: {}, history: [] } } };
}

function valid(data) {
  return data && typeof data === "object" && data.schema === SCHEMA && data.profiles
    && typeof data.profiles === "object" && data.profiles[data.active]
    && typeof data.profiles[data.active].sessions === "object"
    && Array.isArray(data.profiles[data.active].history);
}

// Returns {data, notice}: notice is a French message when something had to be set aside.
export function load() {
  let raw;
  try {
    raw = localStorage.getItem(STORAGE_KEY);
  } catch (error) {
    throw new StorageProblem("Ce navigateur refuse l'enregistrement des réponses (navigation privée ou réglages de confidentialité). Le test fonctionnera, mais rien ne sera gardé si vous fermez la page.");
  }
  if (raw === null) return { data: blank(), notice: null };
  let data = null;
  try { data = JSON.parse(raw); } catch { data = null; }
  if (data && typeof data.schema === "number" && data.schema > SCHEMA) {
    throw new StorageProblem("Les résultats enregistrés dans ce navigateur viennent d'une version plus récente de Diagnum. Pour ne pas les abîmer, ils ne seront pas modifiés ici.");
  }
  if (valid(data)) return { data, notice: null };
  const backupKey = `${STORAGE_KEY}.endommage.${Date.now()}`;
  try { localStorage.setItem(backupKey, raw); } catch { /* the original stays in place below */ }
  if (localStorage.getItem(backupKey) !== raw) {
    throw new StorageProblem("Les données enregistrées dans ce navigateur sont endommagées et n'ont pas pu être mises de côté. Rien n'a été effacé.");
  }
  const fresh = blank();
  try { localStorage.setItem(STORAGE_KEY, JSON.stringify(fresh)); } catch { /* kept in memory */ }
  return { data: fresh, notice: `Les données enregistrées dans ce navigateur étaient endommagées. Elles ont été mises de côté sans être effacées (clé « ${backupKey} ») et un nouveau départ a été créé.` };
}

// Read the freshest copy, change it, write it back: another tab's writes are not lost.
export function update(change) {
  const { data } = load();
  const result = change(data.profiles[data.active], data);
  try {
    localStorage.setItem(STORAGE_KEY, JSON.stringify(data));
  } catch (error) {
    throw new StorageProblem("L'espace de stockage du navigateur est plein : votre dernière réponse n'a pas pu être enregistrée.");
  }
  return result;
}

export function activeProfile() {
  const { data } = load();
  return data.profiles[data.active];
}
