// Enlarge a picture full screen: many illustrations are screenshots whose text is too small on a
// phone. A tap on the picture or the « Agrandir l'image » button opens a modal dialog with a
// non-clickable copy of the picture, its text alternative written out, zoom buttons (+ / −, and
// the + and - keys) and a visible « Fermer » button; Escape closes too, and the focus goes back
// to what opened it. Pinch-zoom stays available (the page never forbids it).
import { el } from "./dom.js";

const STEPS = [1, 1.5, 2, 3, 4];
let dialog = null;
let opener = null;
let step = 0;

function parts() {
  return {
    picture: dialog.querySelector(".zoom-picture"),
    level: dialog.querySelector(".zoom-level"),
    minus: dialog.querySelector(".zoom-out"),
    plus: dialog.querySelector(".zoom-in"),
  };
}

function applyStep(next) {
  step = Math.max(0, Math.min(STEPS.length - 1, next));
  const { picture, level, minus, plus } = parts();
  picture.style.width = `${STEPS[step] * 100}%`;
  level.textContent = `Taille\u00a0: ${Math.round(STEPS[step] * 100)}\u00a0%`;
  minus.disabled = step === 0;
  plus.disabled = step === STEPS.length - 1;
}

function build() {
  dialog = el("dialog", { class: "zoom-dialog", "aria-labelledby": "zoom-title", id: "zoom-dialog" },
    el("div", { class: "zoom-bar" },
      el("h2", { id: "zoom-title", class: "zoom-title" }, "Image agrandie"),
      el("div", { class: "zoom-tools" },
        el("button", { type: "button", class: "button zoom-out", "aria-label": "Réduire l'image" }, "−"),
        el("p", { class: "zoom-level", "aria-live": "polite" }),
        el("button", { type: "button", class: "button zoom-in", "aria-label": "Agrandir encore l'image" }, "+"),
        el("button", { type: "button", class: "button button-primary zoom-close" }, "Fermer"))),
    el("div", { class: "zoom-scroller", tabindex: "0", role: "region", "aria-label": "Image (faites défiler pour voir toute l'image)" },
      el("img", { class: "zoom-picture", alt: "" })),
    el("p", { class: "zoom-alt" }));
  dialog.querySelector(".zoom-out").addEventListener("click", () => applyStep(step - 1));
  dialog.querySelector(".zoom-in").addEventListener("click", () => applyStep(step + 1));
  dialog.querySelector(".zoom-close").addEventListener("click", () => dialog.close());
  dialog.addEventListener("keydown", (event) => {
    if (event.target.closest("button") && (event.key === "Enter" || event.key === " ")) return;
    if (event.key === "+" || event.key === "=") { applyStep(step + 1); event.preventDefault(); }
    if (event.key === "-" || event.key === "−") { applyStep(step - 1); event.preventDefault(); }
  });
  dialog.addEventListener("close", () => {
    const back = opener;
    opener = null;
    if (back && back.isConnected) back.focus();
  });
  document.body.append(dialog);
}

// French spacing for the text alternative (plain text from the content, shown as a paragraph).
function nonBreaking(text) {
  return text.replace(/ ([?!;])/g, "\u202f$1").replace(/ ([:»])/g, "\u00a0$1").replace(/« /g, "«\u00a0");
}

// Open the enlarged copy of ``img``; ``from`` gets the focus back when it closes.
export function openZoom(img, from) {
  if (!dialog) build();
  opener = from;
  const { picture } = parts();
  picture.src = img.currentSrc || img.src;
  const alt = img.getAttribute("alt") || "";
  // The copy is decorative: its description is written out below it, for everyone.
  dialog.querySelector(".zoom-alt").textContent = alt ? `Description de l'image\u00a0: ${nonBreaking(alt)}` : "";
  dialog.querySelector(".zoom-alt").hidden = !alt;
  applyStep(0);
  dialog.showModal();
  dialog.querySelector(".zoom-close").focus();
}

// The « Agrandir l'image » button for ``img``; with ``clickPicture``, a tap on the picture opens
// the enlarged copy too (not for pictures whose clicks mean an answer).
export function zoomButton(img, { clickPicture = true } = {}) {
  const button = el("button", { type: "button", class: "button zoom-open" },
    el("span", { "aria-hidden": "true", class: "zoom-icon" }, "⤢"), " Agrandir l'image");
  button.addEventListener("click", () => openZoom(img, button));
  if (clickPicture) {
    img.classList.add("is-zoomable");
    img.addEventListener("click", () => openZoom(img, button));
  }
  return button;
}
