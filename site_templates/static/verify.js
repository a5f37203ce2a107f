// « Vérifier une attestation »: a code pasted, or the QR code's link (the code is in the
// fragment, never sent to a server), checked with WebCrypto against data/centres.json.
import { el } from "./dom.js";
import { canUseCrypto, verifyCode } from "./jws.js";
import { attestationView, french } from "./attestation-view.js";

const config = JSON.parse(document.getElementById("diagnum-verify").textContent);
const $ = (id) => document.getElementById(id);
let centres = [];

async function loadCentres() {
  try {
    const response = await fetch(new URL(config.centres, location.href));
    centres = response.ok ? await response.json() : [];
  } catch {
    centres = [];
  }
  $("verify-centres").textContent = centres.length
    ? `${[...new Set(centres.map((c) => c.name))].join(", ")}.`
    : "aucun pour l'instant (le site n'en liste pas encore).";
}

function show(node) {
  $("verify-result").replaceChildren(node);
  document.body.dataset.verified = String(Number(document.body.dataset.verified || 0) + 1);
}

async function check(text) {
  if (!text.trim()) {
    show(el("p", { class: "alert alert-error" }, "Collez d'abord le code de vérification."));
    return;
  }
  try {
    const { payload, centre } = await verifyCode(text, centres);
    document.body.dataset.verdict = "ok";
    show(el("div", { class: "alert alert-info verdict-ok" },
      el("p", { class: "alert-title" }, french(`Signature valide : ce document a bien été signé avec la clé du centre « ${centre.name} », et il n'a pas été modifié.`)),
      attestationView(payload, config.titles, "h2")));
  } catch (error) {
    document.body.dataset.verdict = error.reason || "error";
    show(el("div", { class: "alert alert-error verdict-ko" },
      el("p", { class: "alert-title" }, "Vérification échouée"),
      el("p", {}, french(error.reason ? error.message : "La vérification n'a pas pu se faire dans ce navigateur."))));
  }
}

$("verify-form").addEventListener("submit", (event) => {
  event.preventDefault();
  check($("verify-code").value);
});

async function main() {
  if (!canUseCrypto()) {
    $("verify-insecure").hidden = false;
    $("verify-button").disabled = true;
    return;
  }
  await loadCentres();
  document.body.dataset.verifyReady = "true";
  const fragment = decodeURIComponent(location.hash.slice(1));
  if (fragment) {
    $("verify-code").value = fragment;
    await check(fragment);
  }
}

window.addEventListener("hashchange", () => {
  const fragment = decodeURIComponent(location.hash.slice(1));
  if (fragment) {
    $("verify-code").value = fragment;
    check(fragment);
  }
});

main();
