// One entry per challenge type: how the page shows it (render) and reads the learner's answer
// (collect). Everything else about a type — its content fields, its answer checking, what the
// review says — is in its Python module (engine/types/). Adding a type = one entry here.
import { el } from "./dom.js";
import zone from "./types/zone.js";

export const MAX_TYPED = 500; // the engine refuses longer answers (engine/types/base.py)

function choices(multiple) {
  return {
    render(view) {
      const fieldset = el("fieldset", { class: "choices", "aria-describedby": "instruction" },
        el("legend", {}, multiple ? "Cochez toutes les bonnes réponses (il y en a plusieurs) :" : "Choisissez une réponse :"));
      view.proposals.forEach((proposal, i) => {
        const id = `choice-${i + 1}`;
        fieldset.append(el("div", { class: "choice" },
          el("input", { type: multiple ? "checkbox" : "radio", name: "choice", id, value: String(i + 1) }),
          el("label", { for: id }, proposal)));
      });
      return fieldset;
    },
    collect(root) {
      const values = [...root.querySelectorAll("input[name=choice]:checked")].map((input) => Number(input.value));
      if (!values.length) return null;
      return multiple ? values : String(values[0]);
    },
    emptyMessage: "Choisissez une réponse, ou cliquez sur « Je passe » si vous ne savez pas.",
  };
}

const typed = {
  render(view) {
    const group = el("div", { class: "fields" });
    view.fields.forEach((field, i) => {
      const id = `field-${field.key}`;
      group.append(el("div", { class: "field" },
        el("label", { for: id }, field.label),
        el("input", {
          type: "text", id, name: field.key, autocomplete: "off", autocapitalize: "off", spellcheck: "false",
          maxlength: MAX_TYPED, inputmode: view.format === "nombre" ? "decimal" : null,
          "aria-describedby": i === 0 ? "instruction" : null,
        })));
    });
    return group;
  },
  collect(root) {
    const values = {};
    for (const input of root.querySelectorAll(".fields input")) values[input.name] = input.value.slice(0, MAX_TYPED);
    return Object.values(values).some((v) => v.trim()) ? values : null;
  },
  emptyMessage: "Écrivez votre réponse, ou cliquez sur « Je passe » si vous ne savez pas.",
};

export const TYPES = {
  QCU: choices(false),
  QCM: choices(true),
  QROC: typed,
  "QROCM-ind": typed,
  "QROCM-dep": typed,
  zone,
};

export function typeOf(view) {
  const type = TYPES[view.type];
  if (!type) throw new Error(`Type de question inconnu de cette page : ${view.type}`);
  return type;
}
