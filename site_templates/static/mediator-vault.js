// The open space's participations, kept in the mediator's worker (never in the page): the worker
// opens and seals the space (WebCrypto, IndexedDB; the key is not extractable and never leaves
// it), keeps each campaign's participations and its figures, and answers the page with only what
// it shows (a page of rows, the analysis, the counts). The page keeps the rest of the space (its
// campaigns and the certification's data, a few kilobytes) and sends it with each save.
import * as store from "./mediator-store.js";

const CACHED_REPORTS = 4;   // campaigns whose figures stay computed
const PAGE_ROWS = 50;

let lock = null;            // {key, salt, iterations}
let participations = null;  // {campaign code → [participation]}
// Each campaign's figures, computed once per change of its participations: {code → {count,
// report}}. Participations are only ever added, so the count says when to compute again.
const reports = new Map();
// A drop's accepted participations, kept apart until the page commits the whole drop.
const drops = new Map();

function partsOf(code) {
  return participations[code] || [];
}

function counts() {
  return Object.fromEntries(Object.entries(participations).map(([code, list]) => [code, list.length]));
}

function hold(newLock, space) {
  const { participations: parts, ...rest } = space;
  lock = newLock;
  participations = parts && typeof parts === "object" ? parts : {};
  reports.clear();
  drops.clear();
  return { ok: true, rest, counts: counts() };
}

async function save(rest) {
  await store.saveEnvelope(await store.seal(lock, { ...rest, participations }));
}

function failure(error) {
  const code = error instanceof store.WrongPassphrase ? "wrong-passphrase"
    : error instanceof store.BadBackup ? "bad-backup" : "worker";
  return { ok: false, error: { code, message: String((error && error.message) || error) } };
}

async function readEnvelope(file) {
  try {
    return JSON.parse(await file.text());
  } catch {
    throw new store.BadBackup("Ce fichier n'est pas une sauvegarde d'espace médiateur Diagnum.");
  }
}

// `python(request)`: the request handed to the project's Python, its answer parsed.
async function figures(python, campaign) {
  const parts = partsOf(campaign.code);
  const cached = reports.get(campaign.code);
  if (cached && cached.count === parts.length) return cached.report;
  const response = python({ type: "report", campaign, participations: parts });
  if (!response.ok) throw new Error(response.error.message);
  reports.delete(campaign.code);
  reports.set(campaign.code, { count: parts.length, report: response.report });
  while (reports.size > CACHED_REPORTS) reports.delete(reports.keys().next().value);
  return response.report;
}

// What the page shows of a campaign's figures: one page of rows (all of them to print).
function view(report, page, all) {
  const total = report.rows.length;
  const pages = Math.max(1, Math.ceil(total / PAGE_ROWS));
  const shown = all ? 0 : Math.min(Math.max(0, page | 0), pages - 1);
  const first = all ? 0 : shown * PAGE_ROWS;
  return {
    total, page: shown, first, rows: all ? report.rows : report.rows.slice(first, first + PAGE_ROWS),
    estimated: report.rows.some((r) => r.competences.some((c) => c.level_estimated)),
    analysis: report.analysis, competence_titles: report.competence_titles, tutorials: report.tutorials,
  };
}

// The requests about the open space (the others go to Python as they are).
export const TYPES = new Set(["space-create", "space-open", "space-restore", "space-close", "space-save",
  "space-backup", "space-merge", "import", "import-commit", "report", "compare"]);

// One request of the page about the space: `python(request)` and `importBatch(request, files)`
// call the project's Python and return its parsed answer.
export async function request(message, files, python, importBatch) {
  try {
    switch (message.type) {
      case "space-create":
        hold(await store.newLock(message.passphrase), { ...message.rest, participations: {} });
        await save(message.rest);
        return { ok: true, counts: counts() };
      case "space-open": {
        const { lock: opened, space } = await store.unseal(await store.loadEnvelope(), message.passphrase);
        return hold(opened, space);
      }
      case "space-restore": {
        const { lock: opened, space } = await store.unseal(await readEnvelope(message.file), message.passphrase);
        const held = hold(opened, space);
        await save(held.rest);
        return held;
      }
      case "space-close":
        lock = null;
        participations = null;
        reports.clear();
        drops.clear();
        return { ok: true };
      default:
        break;
    }
    if (!participations) return { ok: false, error: { code: "locked", message: "L'espace est verrouillé." } };
    switch (message.type) {
      case "space-save":
        await save(message.rest);
        return { ok: true };
      case "space-backup": {
        const envelope = await store.seal(lock, { ...message.rest, participations });
        return { ok: true, backup: new Blob([JSON.stringify(envelope)], { type: "application/json" }) };
      }
      case "space-merge": {
        // A backup added to this space: its participations join here (each once, by id); its
        // campaigns and certification go to the page, which adds them and saves.
        const { space: other } = await store.unseal(await readEnvelope(message.file), message.passphrase);
        const { participations: theirs, ...rest } = other;
        let added = 0;
        for (const [code, list] of Object.entries(theirs || {})) {
          if (!Array.isArray(list)) continue;
          const mine = participations[code] ||= [];
          const known = new Set(mine.map((p) => p.id));
          for (const p of list) {
            if (p && !known.has(p.id)) {
              mine.push(p);
              known.add(p.id);
              added += 1;
            }
          }
        }
        return { ok: true, other: rest, added, counts: counts() };
      }
      case "import": {
        // A batch of a drop: checked against what is stored and what the drop already took.
        const drop = drops.get(message.drop) || { code: message.campaign.code, fresh: [] };
        drops.set(message.drop, drop);
        const known = [...partsOf(drop.code).map((p) => p.id), ...drop.fresh.map((p) => p.id)];
        const response = await importBatch({ type: "import", campaign: message.campaign, known, items: message.items }, files);
        if (!response.ok) return response;
        const outcomes = response.outcomes.map((o) => {
          if (!o.ok) return o;
          drop.fresh.push(o.participation);
          return { name: o.name, ok: true };
        });
        return { ok: true, outcomes };
      }
      case "import-commit": {
        // The whole drop is stored at once, or nothing of it (the tab may close before).
        const drop = drops.get(message.drop);
        drops.delete(message.drop);
        if (!drop || !drop.fresh.length) return { ok: true, added: 0, counts: counts() };
        (participations[drop.code] ||= []).push(...drop.fresh);
        await save(message.rest);
        return { ok: true, added: drop.fresh.length, counts: counts() };
      }
      case "report": {
        if (message.csv) {
          const response = python({ type: "report", campaign: message.campaign, participations: partsOf(message.campaign.code), csv: true });
          return response.ok ? { ok: true, csv: response.report.csv } : response;
        }
        const report = await figures(python, message.campaign);
        return { ok: true, view: view(report, message.page, message.all) };
      }
      case "compare":
        return python({ type: "compare", items: message.campaigns.map((campaign) => ({ campaign, participations: partsOf(campaign.code) })) });
      default:
        return { ok: false, error: { code: "bad-request", message: `Demande inconnue : ${message.type}` } };
    }
  } catch (error) {
    return failure(error);
  }
}
