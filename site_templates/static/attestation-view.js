// An attestation (or a badge credential) of a « certification blanche », as text: the same view
// on the mediator's printable page and on « Vérifier une attestation ». Every value is text.
import { el } from "./dom.js";

// French no-break spaces before « : ; ? ! % » and inside « », as the builder puts in page text.
export function french(text) {
  return String(text).replace(/ ([?!;])/g, "\u202f$1").replace(/ ([:»%])/g, "\u00a0$1").replace(/« /g, "«\u00a0");
}

const LEVEL = (level) => (level < 0 ? "non certifiée" : `niveau ${level}`);

function frenchDate(iso) {
  const [y, m, d] = String(iso).split("-").map(Number);
  if (!y || !m || !d) return String(iso);
  return new Date(Date.UTC(y, m - 1, d)).toLocaleDateString("fr-FR", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });
}

function facts(rows) {
  return el("dl", { class: "attestation-facts" }, rows.flatMap(([term, value]) => [el("dt", {}, term), el("dd", {}, french(value))]));
}

export function attestationView(payload, titles = {}, heading = "h2") {
  if (payload.kind === "diagnum-badge") return badgeView(payload, heading);
  const comps = Array.isArray(payload.competences) ? payload.competences : [];
  const badges = Array.isArray(payload.badges) ? payload.badges : [];
  return el("div", { class: "attestation-body" },
    el(heading, { class: "attestation-title" }, "Attestation de certification blanche"),
    el("p", { class: "attestation-mention" }, String(payload.mention || "")),
    facts([
      ["Nom", String(payload.name)],
      ["Date de la session", frenchDate(payload.date)],
      ["Centre", `${payload.centre_name} (${payload.centre})`],
      ["Session", String(payload.session)],
      ["Taux de reproductibilité", `${payload.rate} %`],
      ["Résultat", payload.certified ? `certification blanche obtenue : ${payload.pix} pix au total` : "aucune compétence certifiée (taux de reproductibilité inférieur à 50 %)"],
    ]),
    el("table", { class: "data-table attestation-table" },
      el("caption", {}, "Niveau certifié par compétence"),
      el("thead", {}, el("tr", {}, el("th", { scope: "col" }, "Compétence"), el("th", { scope: "col" }, "Niveau certifié"), el("th", { scope: "col" }, "Pix"))),
      el("tbody", {}, comps.map(([id, level, pix]) => el("tr", {},
        el("th", { scope: "row" }, titles[id] ? `${id} ${titles[id]}` : String(id)), el("td", {}, LEVEL(level)), el("td", {}, String(pix))))),
      el("tfoot", {}, el("tr", {}, el("th", { scope: "row" }, "Total"), el("td", {}, ""), el("td", {}, String(payload.pix))))),
    badges.length
      ? el("p", {}, french(`Badges : ${badges.map((b) => String(b.title)).join(" ; ")}.`))
      : el("p", {}, french("Badges : aucun.")));
}

function badgeView(credential, heading) {
  const subject = credential.credentialSubject || {};
  const achievement = subject.achievement || {};
  const who = (subject.identifier || []).map((i) => i.identityHash).join(", ");
  return el("div", { class: "attestation-body" },
    el(heading, { class: "attestation-title" }, french(`Badge « ${achievement.name} »`)),
    el("p", { class: "attestation-mention" }, String(credential.mention || "")),
    facts([
      ["Pour", who],
      ["Délivré par", String(credential.issuer?.name || "")],
      ["Date", frenchDate(String(credential.validFrom || "").slice(0, 10))],
      ["Critères", String(achievement.criteria?.narrative || "")],
    ]),
    el("p", { class: "meta" }, "Ce badge a la forme d'un badge Open Badges 3.0, mais ce n'est pas une preuve Open Badges conforme : il se vérifie seulement ici, avec la clé du centre que ce site publie."));
}
