// A campaign's test, seen from the participant's page: the campaign read by Python in the worker
// (campaigns.participant, « campaign-read »), its landing (name, the mediator's text as TEXT, the
// external id it asks for), and at the end « Envoyer mes résultats au médiateur »: the result code
// made by Python (« campaign-result »), its QR code drawn on the device, and the result file
// (docs/result-file.md) with the campaign's code and the external id. Nothing here decides a
// figure; nothing leaves the device unless the person hands it over.
import { el } from "./dom.js";
import { qrSvg } from "./mediator-qr.js";
import { normalise } from "./campaign-code.js";
import { campaignName } from "./learner-view.js";

const $ = (id) => document.getElementById(id);
export const EXTERNAL_ID_MAX = 200; // campaign.external_id in the result file

/** The campaign a test page's address names ({kind: "campagne", code, fragment}), or null. */
export function campaignTarget(params, hash) {
  const code = params.get("campagne");
  if (code === null) return null;
  return { kind: "campagne", code: normalise(code), fragment: hash.replace(/^#/, "") };
}

// The campaigns the site declares in content/campagnes (data/campagnes.json): [] when unreadable.
async function declaredCampaigns(url) {
  try {
    const response = await fetch(new URL(url, location.href));
    return response.ok ? await response.json() : [];
  } catch {
    return [];
  }
}

/**
 * The campaign, read by Python from the code and the link's fragment (the one stored with the test
 * when the address has none). Resolves {ok, campaign} or {ok: false, error: {message}}; null when
 * the engine is lost.
 */
export async function readCampaign(ask, target, runtime, stored = null) {
  const fragment = target.fragment || stored?.fragment || "";
  const declared = await declaredCampaigns(runtime.campaigns);
  const response = await ask({ type: "campaign-read", code: target.code, fragment, declared });
  if (response?.ok) response.campaign.fragment = fragment.startsWith("c=") ? fragment : "";
  return response;
}

// Text typed by the mediator, as paragraphs of text (never markup).
function paragraphs(text) {
  return String(text).split(/\n\s*\n/).map((p) => p.trim()).filter(Boolean).map((p) => el("p", {}, p));
}

/** The landing: the campaign's name and what it measures, the mediator's text, the external id. */
export function showLanding(campaign, stored = null) {
  $("intro-title").textContent = campaignName(campaign);
  $("intro-subject").textContent = campaign.title;
  $("campaign-text").replaceChildren(...paragraphs(campaign.landing_text));
  $("campaign-text").hidden = !campaign.landing_text;
  const label = campaign.external_id_label;
  $("campaign-id-field").hidden = !label;
  if (label) {
    $("campaign-id-label").textContent = `${label} (demandé par la personne qui anime la campagne)`;
    if (stored?.externalId && !$("campaign-id").value) $("campaign-id").value = stored.externalId;
  }
  $("campaign-landing").hidden = false;
  document.title = `${campaignName(campaign)} — Diagnum`;
}

/** The external id typed (or ""), or null after saying in French what is missing. */
export function externalId(campaign) {
  if (!campaign.external_id_label) return "";
  const input = $("campaign-id");
  const value = input.value.replace(/\s+/g, " ").trim().slice(0, EXTERNAL_ID_MAX);
  if (value) {
    $("campaign-id-error").hidden = true;
    input.removeAttribute("aria-invalid");
    return value;
  }
  $("campaign-id-error").textContent = `Indiquez d'abord : ${campaign.external_id_label}. La personne qui anime la campagne en a besoin pour reconnaître vos résultats.`;
  $("campaign-id-error").hidden = false;
  input.setAttribute("aria-invalid", "true");
  input.setAttribute("aria-describedby", "campaign-id-error");
  input.focus();
  return null;
}

/** What the page keeps of the campaign with the test (storage.js checks its shape). */
export function keptCampaign(campaign, id) {
  return { code: campaign.code, name: campaign.name, fragment: campaign.fragment || "", goal: campaign.goal, externalIdLabel: campaign.external_id_label || "", externalId: id || "" };
}

/** The result file for the mediator: the records, the campaign's code and the external id. */
export function campaignFile(kept, records, nickname) {
  const file = { format: "diagnum-resultats", version: 1, created: new Date().toISOString(), app: "Diagnum" };
  if (nickname) file.nickname = nickname.slice(0, 100);
  file.campaign = { code: kept.code };
  if (kept.externalId) file.campaign.external_id = kept.externalId.slice(0, EXTERNAL_ID_MAX);
  file.records = records;
  return file;
}

function download(file, code) {
  const blob = new Blob([JSON.stringify(file, null, 1)], { type: "application/json" });
  const link = el("a", { href: URL.createObjectURL(blob), download: `diagnum-campagne-${code}-${new Date().toISOString().slice(0, 10)}.json`, hidden: true });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 60_000);
}

/**
 * « Envoyer mes résultats au médiateur »: the result code of `records` (the test just finished; for
 * « collecter les profils », every finished test of the profile) computed in the worker, its QR
 * code and the file. Returns false when the code could not be made (said on the page).
 */
export async function showSend({ ask, campaign, kept, records, nickname, runtime }) {
  const section = $("campaign-send");
  section.hidden = false;
  $("campaign-result-text").replaceChildren(...paragraphs(campaign.result_text || ""));
  const response = await ask({ type: "campaign-result", campaign, records });
  if (!response) return false;
  if (!response.ok) {
    $("result-code-box").replaceChildren(el("p", { class: "alert alert-error" }, response.error.message));
    return false;
  }
  $("result-code").textContent = response.code;
  $("result-code").dataset.code = response.code;
  const what = campaign.goal === "evaluer"
    ? `Il contient ce que vous avez réussi ou non pour chacun des ${campaign.skills} acquis de la campagne${response.mastery !== null ? ` (vous en maîtrisez ${response.mastery} %)` : ""}.`
    : `Il contient votre niveau et vos pix dans ${response.competences.length > 1 ? `chacune des ${response.competences.length} compétences` : "la compétence"} que vous avez testée${response.competences.length > 1 ? "s" : ""}.`;
  $("result-code-words").textContent = `${response.characters} caractères, en groupes de 4 : la personne qui anime la campagne peut le taper, ou photographier le QR code. ${what}`;
  const levels = response.competences || [];
  $("result-profile").replaceChildren(...levels.map((c) => el("li", {}, `${c.id} ${runtime.titles?.[c.id] ?? ""} : niveau ${c.level} (${c.pix} pix)`)));
  $("result-profile").hidden = levels.length === 0;
  const qr = await qrSvg(new URL(runtime.qrcode, location.href).href, response.code, "QR code du code de résultat");
  $("result-qr").replaceChildren(qr || el("p", { class: "meta" }, "Ce code est trop long pour un QR code : donnez plutôt le fichier."));
  const button = $("campaign-file");
  button.onclick = () => {
    download(campaignFile(kept, records, nickname), campaign.code);
    $("campaign-file-note").textContent = "Le fichier a été téléchargé dans le dossier des téléchargements de ce navigateur. Remettez-le à la personne qui anime la campagne (clé USB, courriel…) : il ne part nulle part tout seul.";
  };
  document.body.dataset.resultCode = response.code;
  return true;
}
