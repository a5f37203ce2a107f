// Saving a test in progress without ever losing an answer. Every write is a compare-and-set: the
// stored test must still be the one this tab last saw (same seed, same number of answers, same
// pending question), re-read just before writing, inside a Web Lock when the browser has them (so
// read-check-write is atomic across tabs) and as one synchronous step otherwise (plain HTTP has
// no Web Locks: best effort, still far better than a blind write). A test that is replaced goes to
// the history as it was, never to the bin; when storage is full, only finished tests may be
// removed to make room, oldest first, and only after the learner agreed. Every function names the
// profile it works on: another tab switching the active profile never redirects this tab's saves.
import { load, write, isFinished, StorageProblem } from "./storage.js";

export const LOCK_NAME = "diagnum-storage";

// What identifies the stored test of a key at one moment; null when there is none.
export function fingerprint(session) {
  const state = session?.state;
  if (!state) return null;
  const print = { seed: state.seed, answers: state.answers.length, pending: state.pending ?? null };
  if (session.early) print.early = true; // an answer given before the engine was ready (early.js)
  return print;
}

export function sameFingerprint(a, b) {
  return JSON.stringify(a) === JSON.stringify(b);
}

export const locksAvailable = () => typeof navigator !== "undefined" && !!navigator.locks;

export async function exclusive(task) {
  if (locksAvailable()) return navigator.locks.request(LOCK_NAME, async () => task());
  return task();
}

// The stored test for key in a profile (null if none, or if the profile is gone); throws
// StorageProblem when storage cannot be read.
export function storedSession(key, profileId) {
  const { data } = load();
  return data.profiles[profileId]?.sessions[key] || null;
}

// Finished tests in a profile (the only ones the learner may remove to free space).
export function finishedCount(profileId) {
  try {
    const { data } = load();
    return (data.profiles[profileId]?.history || []).filter(isFinished).length;
  } catch {
    return 0;
  }
}

// Record statuses (docs/result-file.md) of the page's reasons to set a test aside.
export const RECORD_STATUS = { remplace: "replaced", "contenu-modifie": "content-changed", illisible: "content-changed", interrompu: "interrupted" };

function summarise(result) {
  return { pix: result.pix, competences: result.competences.map((c) => ({ id: c.competence_id, level: c.level, pix: c.pix })) };
}

// Does this record describe exactly this stored state (same seed, same answers)?
function recordOf(record, state) {
  return !!record && record.seed === state.seed && record.answers.length === state.answers.length;
}

/**
 * The history entry of a stored test set aside for `reason` (a key of RECORD_STATUS): the
 * engine's record made for it when given and matching, else the latest record kept with the
 * session (its status and end date set), else the state kept as it was (legacy: no record).
 */
export function setAsideEntry(key, stored, reason, record = null, now = new Date().toISOString()) {
  const status = RECORD_STATUS[reason] || "interrupted";
  const campaign = stored.campaign ? { campaign: stored.campaign } : {};
  if (recordOf(record, stored.state)) return { key, savedAt: now, record: { ...record, status }, ...campaign };
  if (recordOf(stored.record, stored.state)) return { key, savedAt: now, record: { ...stored.record, status, finished_at: now }, ...campaign };
  return { key, legacy: true, status: reason, startedAt: stored.startedAt, endedAt: now, state: stored.state, ...campaign };
}

// Apply one change to a profile: set the stored test aside (replacing = {reason, record}), then
// save the step (a test in progress, or a finished one kept as the engine's record).
function apply(profile, key, step, replacing, startedAt, campaign) {
  const now = new Date().toISOString();
  const stored = profile.sessions[key];
  if (replacing && stored) {
    profile.history.push(setAsideEntry(key, stored, replacing.reason, replacing.record, now));
    delete profile.sessions[key];
  }
  if (!step) return;
  // A campaign's test keeps its campaign (name, link, external id) from start to history.
  const kept = campaign || profile.sessions[key]?.campaign;
  const withCampaign = kept ? { campaign: kept } : {};
  if (step.result && step.result.complete) {
    delete profile.sessions[key];
    profile.history.push(step.record
      ? { key, savedAt: now, record: step.record, ...withCampaign }
      // The engine could not make a record (it said why in record_error): keep the state as it is.
      : { key, legacy: true, status: "termine", finishedAt: now, state: step.state, summary: summarise(step.result) });
  } else {
    const previous = profile.sessions[key];
    const session = { key, startedAt: previous?.startedAt || startedAt || now, updatedAt: now, state: step.state };
    if (step.progress) session.progress = step.progress;
    const record = step.record || (previous?.record && recordOf(previous.record, step.state) ? previous.record : null);
    if (record) session.record = record;
    // An answer given before the engine was ready: replayed when the engine is (early.js).
    if (step.early) session.early = step.early;
    if (kept) session.campaign = kept;
    profile.sessions[key] = session;
  }
}

/**
 * Save a step of the test of `key` in profile `profileId` if the stored test is still `expected`
 * (a fingerprint).
 * step: an engine response ({state, progress, result, record}) or null (only set the stored test aside).
 * replacing: {reason, record} to set the stored test aside first (reason: "remplace",
 *   "contenu-modifie", "illisible", "interrompu"; record: the engine's record for it, or null).
 * startedAt: the start date of a new test (sent to the engine as started_at).
 * freeSpace: when the write is refused, remove finished tests, oldest first, until it fits.
 * campaign: for a campaign's test, what the page keeps of it ({code, name, fragment, …}); a later
 *   step without it keeps the stored one.
 * Returns {status: "saved", fingerprint, removed} | {status: "conflict", stored}
 *       | {status: "failed", problem}. A profile erased meanwhile is a conflict with stored null.
 */
export async function commit(key, step, expected, { profileId, replacing = null, freeSpace = false, startedAt = null, campaign = null } = {}) {
  return exclusive(() => {
    let data;
    try {
      data = load().data;
    } catch (problem) {
      if (problem instanceof StorageProblem) return { status: "failed", problem };
      throw problem;
    }
    const profile = data.profiles[profileId];
    if (!profile) return { status: "conflict", stored: null };
    const stored = profile.sessions[key] || null;
    if (!sameFingerprint(fingerprint(stored), expected)) return { status: "conflict", stored };
    const removable = profile.history.filter(isFinished).length; // never the step being saved
    apply(profile, key, step, replacing, startedAt, campaign);
    let removed = 0;
    for (;;) {
      try {
        write(data);
        return { status: "saved", fingerprint: fingerprint(profile.sessions[key]), removed };
      } catch (problem) {
        if (!(problem instanceof StorageProblem)) throw problem;
        const oldest = freeSpace && removed < removable ? profile.history.findIndex(isFinished) : -1;
        if (oldest < 0) return { status: "failed", problem, removed: 0 };
        profile.history.splice(oldest, 1);
        removed += 1;
      }
    }
  });
}
