// « Certification blanche » in the mediator's space: the centre's signing key, sessions, the
// attendance sheet, importing a candidate's file (re-checked by certification/ in the worker),
// signing the attestation (WebCrypto ECDSA P-256) and printing it. Kept in the encrypted space,
// under space.certification = {centre, key, sessions: [...], candidates: {code: [...]}}.
import { el } from "./dom.js";
import * as store from "./mediator-store.js";
import { ALGORITHM, canUseCrypto, sign, verifyCode } from "./jws.js";
import { attestationView } from "./attestation-view.js";

const $ = (id) => document.getElementById(id);
const KEY_FORMAT = "diagnum-cle-centre";
// Words a proctor can say in a room and a candidate can type: short, common, no accents.
const ROOM_WORDS = ["abricot", "albatros", "amande", "boussole", "brioche", "cactus", "caramel",
  "castor", "cerisier", "chocolat", "citron", "colibri", "coquelicot", "dauphin", "domino",
  "flocon", "framboise", "girafe", "glycine", "grenadine", "hibou", "hirondelle", "jonquille",
  "kiwi", "lanterne", "lavande", "libellule", "lilas", "mandarine", "marmotte", "melodie",
  "mimosa", "moustique", "myrtille", "noisette", "olivier", "orchidee", "origami", "panda",
  "papillon", "pelican", "pinceau", "pissenlit", "potiron", "radis", "renard", "romarin",
  "sapin", "tambour", "tortue", "toucan", "tournesol", "trompette", "tulipe", "violette",
  "violon", "yaourt", "zebre"];

let api = null;        // {rpc, space(), save(), download(name, text, type), qr(text, label), config}
let signingKey = null; // the centre's private CryptoKey (non-extractable copy), while the space is open
let current = null;    // the open session's code
let shown = null;      // the candidate whose attestation is shown

function cert() {
  const space = api.space();
  space.certification ||= { centre: null, key: null, sessions: [], candidates: {} };
  return space.certification;
}

function randomBelow(n) {
  const limit = Math.floor(2 ** 32 / n) * n;
  for (;;) {
    const [word] = crypto.getRandomValues(new Uint32Array(1));
    if (word < limit) return word % n;
  }
}

function frenchDate(iso) {
  const [y, m, d] = iso.split("-").map(Number);
  return new Date(Date.UTC(y, m - 1, d)).toLocaleDateString("fr-FR", { weekday: "long", day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });
}

function keyStatus(text) {
  $("key-status").textContent = text;
}

// ------------------------------------------------------------------ the centre's key
async function useKey() {
  const c = cert();
  signingKey = c.key ? await crypto.subtle.importKey("jwk", c.key.private, ALGORITHM, false, ["sign"]) : null;
}

function publicJwk(jwk) {
  return { kty: jwk.kty, crv: jwk.crv, x: jwk.x, y: jwk.y };
}

async function renderKey() {
  const c = cert();
  $("key-none").hidden = Boolean(c.key);
  $("key-present").hidden = !c.key;
  if (!c.key) return;
  const response = await api.rpc({ type: "certification-key", centre: c.centre, jwk: publicJwk(c.key.private) });
  if (!response.ok) return keyStatus(response.error.message);
  c.key.kid = response.kid;
  $("key-summary").textContent = `Clé du centre « ${c.centre.name} » (identifiant ${c.centre.id}), créée le ${c.key.created.slice(0, 10)}. Identifiant de la clé : ${response.kid}.`;
  $("key-yaml").textContent = response.yaml;
}

$("key-form").addEventListener("submit", async (event) => {
  event.preventDefault();
  const centre = { id: $("centre-id").value.trim(), name: $("centre-name").value.trim() };
  const pair = await crypto.subtle.generateKey(ALGORITHM, true, ["sign", "verify"]);
  const privateJwk = await crypto.subtle.exportKey("jwk", pair.privateKey);
  const check = await api.rpc({ type: "certification-key", centre, jwk: publicJwk(privateJwk) });
  if (!check.ok) {
    keyStatus(check.error.message);
    return;
  }
  const c = cert();
  c.centre = centre;
  c.key = { private: privateJwk, kid: check.kid, created: new Date().toISOString() };
  await api.save();
  await useKey();
  await renderKey();
  keyStatus("Clé du centre créée et gardée dans votre espace chiffré.");
  $("key-yaml").focus();
});

$("key-copy").addEventListener("click", async () => {
  try {
    await navigator.clipboard.writeText($("key-yaml").textContent);
    keyStatus("Bloc copié.");
  } catch {
    getSelection().selectAllChildren($("key-yaml"));
    keyStatus("Le bloc est sélectionné : copiez-le avec Ctrl+C.");
  }
});

$("key-export").addEventListener("click", async () => {
  const passphrase = $("key-export-passphrase").value;
  if (passphrase.length < 10) return keyStatus("La phrase secrète du fichier doit avoir 10 caractères au moins.");
  const c = cert();
  const envelope = await store.sealData(await store.newLock(passphrase), { centre: c.centre, key: c.key }, KEY_FORMAT);
  api.download(`cle-${c.centre.id}.diagnum-cle`, JSON.stringify(envelope), "application/json");
  $("key-export-passphrase").value = "";
  keyStatus("Clé exportée dans un fichier chiffré avec la phrase choisie.");
});

$("key-import").addEventListener("click", async () => {
  const file = $("key-file").files[0];
  if (!file) return keyStatus("Choisissez d'abord le fichier de la clé.");
  try {
    const { value } = await store.unsealData(JSON.parse(await file.text()), $("key-file-passphrase").value, KEY_FORMAT);
    await crypto.subtle.importKey("jwk", value.key.private, ALGORITHM, false, ["sign"]);
    const check = await api.rpc({ type: "certification-key", centre: value.centre, jwk: publicJwk(value.key.private) });
    if (!check.ok) throw new Error(check.error.message);
    const c = cert();
    c.centre = value.centre;
    c.key = value.key;
    await api.save();
    await useKey();
    await renderKey();
    $("key-file-passphrase").value = "";
    keyStatus(`Clé du centre « ${c.centre.name} » importée.`);
  } catch (error) {
    keyStatus(error instanceof store.WrongPassphrase ? "Phrase secrète incorrecte pour ce fichier : rien n'a été changé."
      : error instanceof store.BadBackup || error instanceof SyntaxError ? "Ce fichier n'est pas une clé de centre Diagnum." : `Clé refusée : ${error.message}`);
  }
});

// ------------------------------------------------------------------ sessions
function sessionOf(code) {
  return cert().sessions.find((s) => s.code === code);
}

function candidatesOf(code) {
  return cert().candidates[code] || [];
}

function renderSessions() {
  const sessions = cert().sessions;
  $("no-session").hidden = sessions.length > 0;
  $("session-list").replaceChildren(...sessions.map((s) => el("li", {},
    el("button", { type: "button", class: "link-button", "data-session": s.code, "aria-current": s.code === current ? "true" : false },
      `Session ${s.code} du ${s.date}`),
    el("span", { class: "meta" }, ` ${s.place}, ${s.room} · ${candidatesOf(s.code).length} candidat(s)`))));
}

$("session-list").addEventListener("click", (event) => {
  const button = event.target.closest("button[data-session]");
  if (button) openSession(button.dataset.session, true);
});

$("session-form").addEventListener("submit", async (event) => {
  event.preventDefault();
  const errors = $("session-errors");
  const c = cert();
  const fields = {
    date: $("session-date").value, place: $("session-place").value, room: $("session-room").value,
    proctor: $("session-proctor").value, retake_days: Number.parseInt($("session-retake").value, 10),
    room_word: ROOM_WORDS[randomBelow(ROOM_WORDS.length)],
    proctor_code: String(randomBelow(1000000)).padStart(6, "0"),
    centre: c.centre ? c.centre.id : "",
  };
  if (Number.isNaN(fields.retake_days)) fields.retake_days = -1;
  const random = Array.from(crypto.getRandomValues(new Uint32Array(16)));
  const response = await api.rpc({ type: "certification-session", fields, random });
  if (!response.ok) {
    errors.replaceChildren(el("p", {}, "La session n'a pas été ouverte :"),
      el("ul", {}, (response.error.problems || [response.error.message]).map((p) => el("li", {}, p))));
    errors.hidden = false;
    return;
  }
  if (sessionOf(response.session.code)) return errors.replaceChildren("Tirage d'un code déjà utilisé : cliquez à nouveau.");
  errors.hidden = true;
  c.sessions.push(response.session);
  c.candidates[response.session.code] = [];
  await api.save();
  $("session-form").reset();
  renderSessions();
  await openSession(response.session.code, true);
});

async function openSession(code, focus) {
  current = code;
  shown = null;
  const s = sessionOf(code);
  $("cert-session").hidden = false;
  $("attestation").hidden = true;
  $("candidate-detail").hidden = true;
  $("cert-session-title").textContent = `Session ${s.code} — ${frenchDate(s.date)}`;
  $("cert-session-meta").textContent = `${s.place}, ${s.room}. Surveillant : ${s.proctor}. Délai avant de repasser : ${s.retake_days} jour(s).`;
  $("cert-session-code").textContent = s.code;
  $("cert-room-word").textContent = s.room_word;
  $("cert-proctor-code").textContent = s.proctor_code;
  $("cert-report").replaceChildren();
  renderSessions();
  renderCandidates();
  if (focus) $("cert-session-title").focus();
}

function printWith(mode) {
  document.body.dataset.print = mode;
  window.print();
}

$("attendance-button").addEventListener("click", () => {
  const s = sessionOf(current);
  const c = cert();
  const rows = Math.max(12, candidatesOf(current).length);
  $("print-attendance").replaceChildren(
    el("h2", {}, "Feuille d'émargement — certification blanche"),
    el("p", { class: "attestation-mention" }, "Certification blanche — ce n'est pas une certification Pix."),
    el("p", {}, `${c.centre ? c.centre.name : ""} — session ${s.code} du ${frenchDate(s.date)}`),
    el("p", {}, `Lieu : ${s.place} — salle : ${s.room} — surveillant : ${s.proctor}`),
    el("table", { class: "data-table attendance-table" },
      el("caption", {}, "Candidats présents"),
      el("thead", {}, el("tr", {}, ["N°", "Nom et prénom", "Signature à l'arrivée", "Heure de fin", "Signature à la fin"].map((h) => el("th", { scope: "col" }, h)))),
      el("tbody", {}, Array.from({ length: rows }, (_, i) => el("tr", {},
        el("td", {}, String(i + 1)), el("td", {}, candidatesOf(current)[i]?.check.name || ""), el("td", {}, ""), el("td", {}, ""), el("td", {}, ""))))),
    el("p", {}, "Signature du surveillant :"));
  printWith("attendance");
});

// ------------------------------------------------------------------ importing a candidate
function earlier() {
  const c = cert();
  return Object.entries(c.candidates).flatMap(([code, list]) => list.map((k) => ({
    name: k.check.name, date: sessionOf(code)?.date || k.check.date, session: code, file_id: k.check.file_id })));
}

function checkView(name, response) {
  if (!response.ok) {
    return el("div", { class: "alert alert-error" }, el("p", {}, el("strong", {}, name), " : refusé — fichier illisible."),
      el("ul", {}, (response.error.problems || [response.error.message]).map((p) => el("li", {}, p))));
  }
  const check = response.check;
  if (check.problems.length) {
    return el("div", { class: "alert alert-error" },
      el("p", {}, el("strong", {}, name), ` : refusé, rien n'est signé (${check.problems.length} problème(s)).`),
      el("ul", {}, check.problems.map((p) => el("li", {}, p))));
  }
  return el("div", { class: "alert alert-info" },
    el("p", {}, el("strong", {}, name), ` : vérifié. Taux de reproductibilité ${check.rate} % ; `,
      check.certified ? `${check.pix} pix certifiés.` : "aucune compétence certifiée (moins de 50 %)."),
    check.missing.length ? el("p", {}, `Épreuves non posées (session arrêtée), comptées fausses : ${check.missing.map((m) => `${m.count} en ${m.competence}`).join(", ")}.`) : "");
}

async function importTexts(items) {
  const s = sessionOf(current);
  const reports = [];
  for (const item of items) {
    const response = await api.rpc({ type: "certification-check", session: s, text: item.text, earlier: earlier() });
    reports.push(checkView(item.name, response));
    if (response.ok && response.check.ok) {
      (cert().candidates[current] ||= []).push({ check: response.check, text: item.text, neutralised: [], imported: new Date().toISOString(), attestation: null });
      await api.save();
    }
  }
  $("cert-report").replaceChildren(...reports);
  renderCandidates();
  renderSessions();
  document.body.dataset.certImported = String(Number(document.body.dataset.certImported || 0) + 1);
}

$("cert-files").addEventListener("change", async (event) => {
  const files = [...event.target.files];
  await importTexts(await Promise.all(files.map(async (f) => ({ name: f.name, text: f.size > 5_000_000 ? "" : await f.text() }))));
  event.target.value = "";
});

$("cert-code-button").addEventListener("click", async () => {
  const text = $("cert-code").value.trim();
  if (!text) return $("cert-report").replaceChildren(el("p", { class: "alert alert-error" }, "Collez d'abord le contenu du QR code du candidat."));
  await importTexts([{ name: "QR code collé", text }]);
  $("cert-code").value = "";
});

function renderCandidates() {
  const list = candidatesOf(current);
  $("no-candidate").hidden = list.length > 0;
  $("candidates-scroll").hidden = list.length === 0;
  $("candidates-table").replaceChildren(...(list.length ? [
    el("caption", { class: "visually-hidden" }, `Candidats de la session ${current}`),
    el("thead", {}, el("tr", {}, ["Candidat", "Taux", "Pix certifiés", "Attestation", "Action"].map((h) => el("th", { scope: "col" }, h)))),
    el("tbody", {}, list.map((k, index) => el("tr", {},
      el("th", { scope: "row" }, k.check.name),
      el("td", {}, `${k.check.rate} %`),
      el("td", {}, k.check.certified ? String(k.check.pix) : "non certifié"),
      el("td", {}, k.attestation ? `signée le ${k.attestation.signed.slice(0, 10)}` : "à signer"),
      el("td", {}, k.attestation
        ? el("button", { type: "button", class: "button button-small", "data-show": String(index) }, `Voir l'attestation de ${k.check.name}`)
        : el("button", { type: "button", class: "button button-small button-primary", "data-sign": String(index) }, `Signer l'attestation de ${k.check.name}`),
        " ", el("button", { type: "button", class: "button button-small", "data-detail": String(index) }, `Détail de ${k.check.name}`)))))] : []));
}

$("candidates-table").addEventListener("click", async (event) => {
  const signButton = event.target.closest("button[data-sign]");
  const showButton = event.target.closest("button[data-show]");
  const detailButton = event.target.closest("button[data-detail]");
  if (signButton) await signCandidate(Number(signButton.dataset.sign));
  else if (showButton) await showAttestation(Number(showButton.dataset.show), true);
  else if (detailButton) showDetail(Number(detailButton.dataset.detail), detailButton);
});

// ------------------------------------------------------------------ a candidate's detail, neutralising
const ACTIONS = { pause: "pause", resume: "reprise", note: "note", end: "fin de la session" };
const VERDICTS = { valide: "validée", abaisse: "abaissée d'un niveau", "non certifie": "non certifiée" };

function clock(iso) {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : date.toLocaleTimeString("fr-FR", { hour: "2-digit", minute: "2-digit" });
}

function showDetail(index, opener) {
  const k = candidatesOf(current)[index];
  const check = k.check;
  const editable = !k.attestation && typeof k.text === "string";
  const panel = $("candidate-detail");
  panel.replaceChildren(
    el("h5", { id: "candidate-detail-title" }, `Détail de ${check.name}`),
    el("p", {}, `Test du ${clock(check.started_at)} au ${clock(check.finished_at)} ; taux de reproductibilité ${check.rate} %.`),
    el("h6", {}, "Actions du surveillant"),
    check.events.length ? el("ul", {}, [...check.events].sort((x, y) => new Date(x.at) - new Date(y.at)).map((e) => el("li", {}, `${clock(e.at)} — ${ACTIONS[e.action] || e.action}${e.note ? ` : « ${e.note} »` : ""}`)))
      : el("p", { class: "meta" }, "Aucune."),
    el("h6", {}, "Compétences"),
    el("ul", {}, check.competences.map((c) => el("li", {}, `${c.id} ${c.title} : ${VERDICTS[c.action] || c.action}${c.level >= 0 ? ` (niveau ${c.level}, ${c.pix} pix ; mesuré : niveau ${c.measured[0]})` : ""}`))),
    el("h6", {}, "Épreuves posées"),
    editable ? el("p", { class: "meta" }, "Une épreuve gênée par un problème technique (noté par le surveillant) peut être neutralisée : elle ne compte plus, comme dans la certification Pix. Cochez-la puis recalculez.") : "",
    el("div", { class: "table-scroll", tabindex: "0", role: "region", "aria-label": `Épreuves posées à ${check.name}` },
      el("table", { class: "data-table" },
        el("caption", { class: "visually-hidden" }, `Épreuves posées à ${check.name}`),
        el("thead", {}, el("tr", {}, ["Épreuve", "Compétence", "Niveau", "Réponse", ...(editable ? ["Neutraliser"] : [])].map((h) => el("th", { scope: "col" }, h)))),
        el("tbody", {}, check.answers.map((a) => el("tr", {},
          el("th", { scope: "row" }, a.challenge), el("td", {}, String(a.competence)), el("td", {}, String(a.level)),
          el("td", {}, `${a.correct ? "juste" : "fausse"}${a.note ? ` (${a.note})` : ""}${a.neutralised ? ", neutralisée" : ""}`),
          editable ? el("td", {}, el("input", { type: "checkbox", "data-neutralise": a.challenge, checked: a.neutralised, "aria-label": `Neutraliser l'épreuve ${a.challenge}` })) : ""))))),
    editable ? el("div", { class: "actions" }, el("button", { type: "button", class: "button", "data-recheck": String(index) }, "Recalculer")) : "",
    el("button", { type: "button", class: "button", id: "candidate-detail-close" }, "Fermer"));
  panel.hidden = false;
  panel.focus();
  $("candidate-detail-close").addEventListener("click", () => {
    panel.hidden = true;
    (opener && opener.isConnected ? opener : $("candidates-table")).focus();
  });
}

$("candidate-detail").addEventListener("click", async (event) => {
  const button = event.target.closest("button[data-recheck]");
  if (!button) return;
  const index = Number(button.dataset.recheck);
  const k = candidatesOf(current)[index];
  const neutralised = [...$("candidate-detail").querySelectorAll("input[data-neutralise]:checked")].map((i) => i.dataset.neutralise);
  const others = earlier().filter((e) => !(e.session === current && e.file_id === k.check.file_id));
  const response = await api.rpc({ type: "certification-check", session: sessionOf(current), text: k.text, earlier: others, neutralised });
  if (!response.ok || !response.check.ok) {
    $("cert-report").replaceChildren(checkView(k.check.name, response));
    return;
  }
  k.check = response.check;
  k.neutralised = neutralised;
  await api.save();
  renderCandidates();
  $("cert-report").replaceChildren(checkView(`${k.check.name} (recalculé, ${neutralised.length} épreuve(s) neutralisée(s))`, response));
  showDetail(index, null);
  document.body.dataset.rechecked = String(Number(document.body.dataset.rechecked || 0) + 1);
});

// ------------------------------------------------------------------ signing and the attestation
async function signCandidate(index) {
  const c = cert();
  const candidate = candidatesOf(current)[index];
  if (!signingKey) {
    $("cert-report").replaceChildren(el("p", { class: "alert alert-error" }, "Créez ou importez d'abord la clé du centre (en haut de cette partie) : sans elle, rien ne se signe."));
    $("centre-key-title").scrollIntoView();
    return;
  }
  const session = sessionOf(current);
  if (session.centre !== c.centre.id) {
    $("cert-report").replaceChildren(el("p", { class: "alert alert-error" }, `Cette session a été ouverte pour le centre « ${session.centre} », mais la clé de cet espace est celle du centre « ${c.centre.id} » : rien n'est signé.`));
    return;
  }
  const response = await api.rpc({ type: "certification-attestation", check: candidate.check, centre: c.centre, jwk: publicJwk(c.key.private) });
  if (!response.ok) {
    $("cert-report").replaceChildren(el("p", { class: "alert alert-error" }, response.error.message));
    return;
  }
  const code = await sign(signingKey, response.signing_input);
  // The signature is checked at once, as the verification page will check it.
  await verifyCode(code, [{ id: c.centre.id, name: c.centre.name, kid: response.kid, jwk: publicJwk(c.key.private) }]);
  const badges = [];
  for (const badge of response.badges) badges.push({ badge: badge.badge, jws: await sign(signingKey, badge.signing_input) });
  candidate.attestation = { payload: response.attestation, code, kid: response.kid, badges, signed: new Date().toISOString() };
  await api.save();
  renderCandidates();
  await showAttestation(index, true);
  document.body.dataset.signed = String(Number(document.body.dataset.signed || 0) + 1);
}

function verifyLink(code) {
  return `${new URL(api.config.verify, location.href).href}#${code}`;
}

async function sheet(attestation) {
  const link = verifyLink(attestation.code);
  const qr = await api.qr(link, "QR code : lien vers la vérification de cette attestation");
  return el("div", { class: "attestation-page" },
    el("p", { class: "attestation-site" }, api.config.site_name),
    attestationView(attestation.payload, api.config.titles, "h5"),
    el("div", { class: "attestation-check" },
      qr || el("p", { class: "meta" }, "Code trop long pour un QR code : utilisez le code ci-dessous."),
      el("div", {},
        el("p", {}, "Pour vérifier ce document : ouvrez la page « Vérifier une attestation » du site (ou photographiez le QR code) et collez le code de vérification ci-dessous."),
        el("p", { class: "verification-code" }, attestation.code))));
}

async function showAttestation(index, focus) {
  shown = candidatesOf(current)[index];
  const attestation = shown.attestation;
  $("attestation-sheet").replaceChildren(await sheet(attestation));
  $("badge-exports").replaceChildren(...(attestation.badges.length ? [
    el("h5", {}, "Badges (fichiers signés)"),
    el("p", { class: "meta" }, "Chaque badge s'exporte en un fichier signé avec la clé du centre (JWS, ES256). Il a la forme d'un badge Open Badges 3.0, mais ce n'est pas une preuve Open Badges conforme : il se vérifie sur la page « Vérifier une attestation » de ce site."),
    el("ul", {}, attestation.badges.map((b, i) => el("li", {},
      el("button", { type: "button", class: "button button-small", "data-badge": String(i) }, `Télécharger le badge « ${b.badge.title} »`))))] : []));
  $("attestation").hidden = false;
  if (focus) $("attestation").focus();
}

$("badge-exports").addEventListener("click", (event) => {
  const button = event.target.closest("button[data-badge]");
  if (!button) return;
  const badge = shown.attestation.badges[Number(button.dataset.badge)];
  api.download(`badge-${badge.badge.id}-${shown.attestation.payload.session}.jws`, badge.jws, "application/jose");
});

function fileName(payload) {
  const name = payload.name.normalize("NFKD").replace(/[\u0300-\u036f]/g, "").replace(/[^A-Za-z0-9]+/g, "-").replace(/^-|-$/g, "").toLowerCase();
  return `attestation-${payload.session}-${name || "candidat"}.json`;
}

$("attestation-download").addEventListener("click", () => {
  const a = shown.attestation;
  const file = { format: "diagnum-attestation", version: 1, mention: a.payload.mention, attestation: a.payload,
    code: a.code, verify: verifyLink(a.code), badges: a.badges.map((b) => ({ badge: b.badge, jws: b.jws })) };
  api.download(fileName(a.payload), JSON.stringify(file, null, 2), "application/json");
});

$("attestation-print").addEventListener("click", async () => {
  $("print-attestation").replaceChildren(await sheet(shown.attestation));
  printWith("attestation");
});

// ------------------------------------------------------------------ the space opens, locks, merges
export function setup(mediator) {
  api = mediator;
  if (!canUseCrypto()) $("certification").hidden = true;
}

export async function opened() {
  current = null;
  $("cert-session").hidden = true;
  await useKey();
  await renderKey();
  renderSessions();
  $("session-date").value ||= new Date().toISOString().slice(0, 10);
}

export function closed() {
  signingKey = null;
  current = null;
  shown = null;
  for (const id of ["key-yaml", "session-list", "candidates-table", "candidate-detail", "cert-report", "attestation-sheet", "badge-exports", "print-attendance", "print-attestation"]) $(id).replaceChildren();
  $("cert-session").hidden = true;
}

// A backup added to this space: its sessions and candidates join; its key only if none here.
export function merge(other) {
  const mine = cert();
  const theirs = other.certification;
  if (!theirs) return 0;
  if (!mine.key && theirs.key) {
    mine.key = theirs.key;
    mine.centre = theirs.centre;
  }
  let added = 0;
  for (const s of theirs.sessions || []) {
    if (!sessionOf(s.code)) {
      mine.sessions.push(s);
      added += 1;
    }
    const list = mine.candidates[s.code] ||= [];
    const known = new Set(list.map((k) => k.check.file_id));
    for (const k of (theirs.candidates || {})[s.code] || []) if (!known.has(k.check.file_id)) list.push(k);
  }
  return added;
}
