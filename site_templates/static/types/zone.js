// « Cliquer au bon endroit »: the picture with a pointer overlay, and a radio per zone for the
// keyboard and screen readers (same zones, same neutral order and labels, same chance).
import { el } from "../dom.js";

const SVG = "http://www.w3.org/2000/svg";

function shape(zone) {
  const polygon = document.createElementNS(SVG, "polygon");
  polygon.setAttribute("points", zone.points.map((p) => p.join(",")).join(" "));
  polygon.setAttribute("class", "zone-shape");
  polygon.dataset.key = zone.key;
  return polygon;
}

export default {
  render(view, ctx) {
    const name = "zone";
    const [x, y, w, h] = view.image.viewBox;
    const overlay = document.createElementNS(SVG, "svg");
    overlay.setAttribute("viewBox", `${x} ${y} ${w} ${h}`);
    overlay.setAttribute("class", "zone-overlay");
    overlay.setAttribute("aria-hidden", "true");
    overlay.setAttribute("focusable", "false");
    const picture = el("div", { class: "zone-picture" },
      el("img", { src: ctx.asset(view.image.src), alt: view.image.alt }), overlay);
    const fieldset = el("fieldset", { class: "zone-choices", "aria-describedby": "instruction" },
      el("legend", {}, "Choisissez un endroit de l'image :"));
    const hint = el("p", { class: "zone-hint", "aria-live": "polite" });
    const radios = new Map();
    view.zones.forEach((zone, i) => {
      const id = `zone-${zone.key}`;
      const radio = el("input", { type: "radio", name, id, value: zone.key });
      radios.set(zone.key, radio);
      fieldset.append(el("div", { class: "choice" }, radio,
        el("label", { for: id }, `Zone ${i + 1} sur ${view.zones.length} : ${zone.label}`)));
      overlay.append(shape(zone));
    });
    const mark = () => {
      for (const polygon of overlay.querySelectorAll(".zone-shape")) {
        const radio = radios.get(polygon.dataset.key);
        polygon.classList.toggle("is-chosen", radio.checked);
        polygon.classList.toggle("is-focused", document.activeElement === radio);
      }
    };
    overlay.addEventListener("click", (event) => {
      const key = event.target.dataset?.key;
      if (!key) {
        hint.textContent = "Cliquez sur un des éléments de l'image.";
        return;
      }
      hint.textContent = "";
      radios.get(key).checked = true;
      mark();
    });
    fieldset.addEventListener("change", mark);
    fieldset.addEventListener("focusin", mark);
    fieldset.addEventListener("focusout", () => setTimeout(mark));
    return el("div", { class: "zone-question" }, picture, hint, fieldset);
  },
  collect(root) {
    return root.querySelector("input[name=zone]:checked")?.value ?? null;
  },
  emptyMessage: "Choisissez un endroit de l'image, ou cliquez sur « Je passe » si vous ne savez pas.",
};
