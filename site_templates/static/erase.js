// « J'ai fini, effacer mes données de cet ordinateur »: an in-page dialog that says what goes,
// offers to download the results first, and erases only after the person confirmed. Used at the
// end of a test and by « Mon espace » / « Mes données »: eraseWithConfirmation(profileId).
import { el } from "./dom.js";
import { listProfiles, downloadExport, eraseProfile } from "./learner.js";

const plural = (n, one, many) => `${n} ${n > 1 ? many : one}`;

/**
 * Ask, offer export, erase. Resolves true when the profile's data were erased, false when the
 * person cancelled (focus then goes back to `returnFocus`).
 */
export function eraseWithConfirmation(profileId, { returnFocus = null } = {}) {
  const profile = listProfiles().find((p) => p.id === profileId);
  if (!profile) return Promise.resolve(false);
  const note = el("p", { role: "status", id: "erase-note" });
  const exportButton = el("button", { type: "button", class: "button", id: "erase-export" }, "Télécharger d'abord mes résultats");
  const confirm = el("button", { type: "submit", value: "erase", class: "button button-danger", id: "erase-confirm" }, "Effacer définitivement");
  const cancel = el("button", { type: "submit", value: "cancel", class: "button", id: "erase-cancel" }, "Annuler");
  const dialog = el("dialog", { class: "dialog", id: "erase-dialog", "aria-labelledby": "erase-title", "aria-describedby": "erase-text" },
    el("form", { method: "dialog" },
      el("h2", { id: "erase-title" }, `Effacer les données de « ${profile.name} » ?`),
      el("p", { id: "erase-text" },
        `Seront effacés de cet ordinateur : ${plural(profile.finished, "test terminé", "tests terminés")}, ${plural(profile.inProgress, "test en cours", "tests en cours")}, l'historique, les tutoriels marqués et le profil lui-même. Les autres profils de cet ordinateur ne sont pas touchés.`),
      el("p", {}, "Pour garder vos résultats, téléchargez-les d'abord : le fichier pourra être importé sur un autre appareil ou envoyé à la personne qui vous accompagne. Une fois effacées, vos données ne peuvent pas être récupérées."),
      el("div", { class: "actions" }, exportButton),
      note,
      el("div", { class: "actions" }, confirm, cancel)));
  exportButton.addEventListener("click", () => {
    const out = downloadExport([profileId]);
    note.textContent = out.files
      ? `Fichier téléchargé (${plural(out.records, "test", "tests")}). Vérifiez qu'il est bien dans vos téléchargements avant d'effacer.`
      : "Il n'y a encore aucun résultat à télécharger.";
  });
  document.body.append(dialog);
  dialog.returnValue = "cancel";
  return new Promise((resolve) => {
    dialog.addEventListener("close", async () => {
      const erase = dialog.returnValue === "erase";
      dialog.remove();
      if (!erase) {
        returnFocus?.focus();
        return resolve(false);
      }
      await eraseProfile(profileId);
      resolve(true);
    }, { once: true });
    dialog.showModal();
    exportButton.focus();
  });
}
