// What the home page and « Mon espace » both say about a learner's tests: their names, dates,
// how far a test in progress is, and the latest level of each competence. Plain functions over
// the data read through learner.js (records: docs/result-file.md); no storage access here.

const DATE = { day: "numeric", month: "long", year: "numeric" };

/** « 7 décembre 2026 à 15 h 12 » (local time) from an ISO 8601 date. */
export function formatDate(iso, { time = true } = {}) {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return "date inconnue";
  const day = date.toLocaleDateString("fr-FR", DATE);
  if (!time) return day;
  return `${day} à ${date.getHours()}\u00a0h\u00a0${String(date.getMinutes()).padStart(2, "0")}`;
}

/** A campaign's name as the pages say it (a bare code carries no name). */
export const campaignName = (campaign, code = "") => (campaign?.name ? `Campagne « ${campaign.name} »` : `Campagne ${campaign?.code || code}`);

/**
 * The test a key names, in words: « 4.1 Sécuriser… », « Parcours « … » » or « Campagne « … » »
 * (campaign: what the page stored with a campaign's test, {code, name, fragment, …}).
 */
export function testTitle(key, runtime, campaign = null) {
  const [kind, rest = ""] = String(key).split(/:(.*)/s);
  if (kind === "parcours") return `Parcours « ${runtime.profiles?.[rest] ?? rest} »`;
  if (kind === "campagne") return campaignName(campaign, rest);
  return rest.split(",").filter(Boolean).map((id) => `${id} ${runtime.titles?.[id] ?? ""}`.trim()).join(", ");
}

/** The test page's address for a key (to resume it or take it again). */
export function testUrl(key, runtime, campaign = null) {
  const [kind, rest = ""] = String(key).split(/:(.*)/s);
  const base = new URL(runtime.test, location.href);
  if (kind === "campagne") {
    base.searchParams.set("campagne", rest);
    if (campaign?.fragment) base.hash = campaign.fragment; // a campaign carried in full by its link
    return base.href;
  }
  base.searchParams.set(kind === "parcours" ? "parcours" : "competence", rest);
  return base.href;
}

/** How far a test in progress is, in words. item: learner.js InProgress. */
export function progressWords(item) {
  const answered = `${item.answers} question${item.answers > 1 ? "s" : ""} répondue${item.answers > 1 ? "s" : ""}`;
  const p = item.progress;
  if (!p) return `${answered}.`;
  const part = p.competence_count > 1 && !p.interleaved ? `, compétence ${p.competence_index + 1} sur ${p.competence_count}` : "";
  const cap = p.max_total ? `au plus ${p.max_total} questions pour tout le profil` : `au plus ${p.max_in_competence} questions par compétence`;
  return `${answered}${part} (${cap}).`;
}

/** Finished tests of a history (learner.js HistoryItem[], newest first). */
export const finishedItems = (items) => items.filter((item) => item.status === "finished" && (item.record || item.legacy?.summary));

/** A finished item's competences as [{id, level, max_level|null}] (record, or legacy summary). */
export function itemLevels(item) {
  if (item.record) return item.record.competences.map((c) => ({ id: c.id, level: c.level, max_level: c.max_level }));
  return item.legacy.summary.competences.map((c) => ({ id: c.id, level: c.level, max_level: null }));
}

/** Whether a measured level is « au moins » (a test capped below 8 whose cap was reached). */
export const isAtLeast = (c) => c.max_level !== null && c.max_level !== undefined && c.max_level < 8 && c.level > 0 && c.level >= c.max_level;

/**
 * The latest level of each competence from whichever finished test measured it:
 * {id: {level, atLeast, date, key}}. A test capped below level 8 whose level reached its cap
 * (everything it measures validated) says « au moins » that level.
 */
export function latestLevels(items) {
  const latest = {};
  const sorted = finishedItems(items).slice().sort((a, b) => String(a.date).localeCompare(String(b.date)));
  for (const item of sorted) {
    for (const c of itemLevels(item)) {
      latest[c.id] = { level: c.level, atLeast: isAtLeast(c), date: item.date, key: item.key };
    }
  }
  return latest;
}

/** « au moins 2 », « 3 » or « 0 ». */
export const levelWords = (known) => (known.atLeast ? `au moins ${known.level}` : String(known.level));
