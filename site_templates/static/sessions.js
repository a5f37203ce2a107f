// Saving a test in progress without ever losing an answer. Every write is a compare-and-set: the
// stored test must still be the one this tab last saw (same seed, same number of answers, same
// pending question), re-read just before writing, inside a Web Lock when the browser has them (so
// read-check-write is atomic across tabs) and as one synchronous step otherwise (plain HTTP has
// no Web Locks: best effort, still far better than a blind write). A test that is replaced goes to
// the history as it was, never to the bin; when storage is full, only finished tests may be
// removed to make room, oldest first, and only after the learner agreed.
import { load, write, isFinished, StorageProblem } from "./storage.js";

const LOCK_NAME = "diagnum-storage";

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

async function exclusive(task) {
  if (locksAvailable()) return navigator.locks.request(LOCK_NAME, async () => task());
  return task();
}

// The stored test for key (null if none); throws StorageProblem when storage cannot be read.
export function storedSession(key) {
  const { data } = load();
  return data.profiles[data.active].sessions[key] || null;
}

// Finished tests in the active profile (the only ones the learner may remove to free space).
export function finishedCount() {
  try {
    const { data } = load();
    return data.profiles[data.active].history.filter(isFinished).length;
  } catch {
    return 0;
  }
}

function summarise(result) {
  return { pix: result.pix, competences: result.competences.map((c) => ({ id: c.competence_id, level: c.level, pix: c.pix })) };
}

// Apply one change to the active profile: set the stored test aside (replacing = its history
// status), then record the step (a test in progress, or a finished one).
function apply(profile, key, step, replacing) {
  const now = new Date().toISOString();
  const stored = profile.sessions[key];
  if (replacing && stored) {
    profile.history.push({ key, status: replacing, startedAt: stored.startedAt, endedAt: now, state: stored.state });
    delete profile.sessions[key];
  }
  if (!step) return;
  if (step.result && step.result.complete) {
    delete profile.sessions[key];
    profile.history.push({ key, status: "termine", finishedAt: now, state: step.state, summary: summarise(step.result) });
  } else {
    const previous = profile.sessions[key];
    profile.sessions[key] = { key, startedAt: previous?.startedAt || now, updatedAt: now, state: step.state };
    // An answer given before the engine was ready: replayed when the engine is (early.js).
    if (step.early) profile.sessions[key].early = step.early;
  }
}

/**
 * Save a step of the test of `key` if the stored test is still `expected` (a fingerprint).
 * step: an engine response ({state, result}) or null (only set the stored test aside).
 * replacing: a history status ("remplace", "contenu-modifie"…) to set the stored test aside first.
 * freeSpace: when the write is refused, remove finished tests, oldest first, until it fits.
 * Returns {status: "saved", fingerprint, removed} | {status: "conflict", stored}
 *       | {status: "failed", problem}.
 */
export async function commit(key, step, expected, { replacing = null, freeSpace = false } = {}) {
  return exclusive(() => {
    let data;
    try {
      data = load().data;
    } catch (problem) {
      if (problem instanceof StorageProblem) return { status: "failed", problem };
      throw problem;
    }
    const profile = data.profiles[data.active];
    const stored = profile.sessions[key] || null;
    if (!sameFingerprint(fingerprint(stored), expected)) return { status: "conflict", stored };
    const removable = profile.history.filter(isFinished).length; // never the step being saved
    apply(profile, key, step, replacing);
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
