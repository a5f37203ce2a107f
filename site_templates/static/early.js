// The first question before the engine is ready. The builder ran the engine for a few seeds per
// competence and parcours (data/first/<version>/<target>.json: what the engine answers to
// « start » for each seed, state included). The page shows one of them as soon as the learner
// clicks « Commencer », keeps the response WITHOUT checking it, and hands it to the engine once it
// is ready: start with the same seed, then answer. No decision is taken here.

// The file of this target's first questions, or null (several competences: the engine decides).
export function firstStepsUrl(runtime, target) {
  if (!runtime.first || target.kind === "campagne") return null; // a campaign: the engine starts it
  const name = target.kind === "parcours"
    ? `parcours-${target.id}.json`
    : target.ids.length === 1 ? `competence-${target.ids[0]}.json` : null;
  return name && new URL(runtime.first + name, location.href).href;
}

// The precomputed steps ({seed, state, challenge, progress}), or null when there are none.
export async function loadFirstSteps(runtime, target) {
  const url = firstStepsUrl(runtime, target);
  if (!url) return null;
  try {
    const response = await fetch(url);
    if (!response.ok) return null;
    const document = await response.json();
    if (document.version !== runtime.version || !document.steps?.length) return null;
    return document.steps;
  } catch {
    return null; // the engine will pick the first question itself
  }
}

// One of the steps, at random (the seeds are spread; each learner gets one of them).
export function pickStep(steps) {
  const buffer = new Uint32Array(1);
  crypto.getRandomValues(buffer);
  return steps[buffer[0] % steps.length];
}

// The request that makes the engine start exactly where the precomputed step starts.
export function startRequest(target, seed) {
  return target.kind === "parcours"
    ? { type: "start", profile: target.id, seed }
    : { type: "start", competences: target.ids, seed };
}

// « 2,1 Mo » in French.
export function megabytes(bytes) {
  return `${(bytes / 1e6).toLocaleString("fr-FR", { minimumFractionDigits: 1, maximumFractionDigits: 1 })} Mo`;
}

// The download bar: bytes received of bytes expected, in words and as a progressbar.
export function showDownload(bar, text, bytes, expected) {
  if (!expected) {
    text.textContent = bytes ? `Téléchargement du test : ${megabytes(bytes)} reçus` : "Téléchargement du test…";
    bar.removeAttribute("aria-valuenow");
    bar.removeAttribute("aria-valuetext");
    return;
  }
  const shown = Math.min(bytes, expected);
  const words = `Téléchargement du test : ${megabytes(shown)} sur ${megabytes(expected)}`;
  text.textContent = words;
  bar.setAttribute("aria-valuemin", "0");
  bar.setAttribute("aria-valuemax", String(expected));
  bar.setAttribute("aria-valuenow", String(shown));
  bar.setAttribute("aria-valuetext", words);
  bar.firstElementChild.style.width = `${Math.round((shown / expected) * 100)}%`;
}
