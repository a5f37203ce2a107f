// « Cliquer au bon endroit » (zone): the learner chooses a place on a picture.
//
// Two doors to the same choice, so that nobody is favoured:
// - the picture, with a transparent SVG overlay holding one shape per zone, for the mouse and
//   touch (pointer only, hidden from assistive technology);
// - a native radio group, one radio per zone in the engine's neutral order with its neutral
//   label, for the keyboard and screen readers (arrows move, Space selects).
// The radio group holds the state; the picture only mirrors it (focused, hovered, chosen zone).

const SVG = "http://www.w3.org/2000/svg";
const NAME = "zone";
const HINT = "Il n'y a rien à choisir à cet endroit. Les endroits que l'on peut choisir sont encadrés quand la souris passe sur l'image.";
const HINT_TOUCH = "Il n'y a rien à choisir à cet endroit. Touchez un des endroits encadrés de l'image, ou choisissez dans la liste sous l'image.";

function svg(tag, attrs = {}) {
  const node = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attrs)) node.setAttribute(name, String(value));
  return node;
}

// The mark's place: just outside the zone's top right corner, kept inside the picture, so that
// it hides little of what was chosen.
function corner(points, [x0, y0, width, height], r) {
  const x = Math.max(...points.map((p) => p[0])) + r * 0.4;
  const y = Math.min(...points.map((p) => p[1])) - r * 0.4;
  const clamp = (v, lo, hi) => Math.min(Math.max(v, lo), hi);
  return [clamp(x, x0 + r * 1.2, x0 + width - r * 1.2), clamp(y, y0 + r * 1.2, y0 + height - r * 1.2)];
}

// The mark of the chosen zone: a check mark in a disc, so the choice is not shown by colour alone.
function marker(zone, viewBox, r) {
  const [x, y] = corner(zone.points, viewBox, r);
  const group = svg("g", { class: "zone-marker", "data-key": zone.key });
  group.append(svg("circle", { cx: x, cy: y, r: r * 1.12, class: "zone-marker-halo" }));
  group.append(svg("circle", { cx: x, cy: y, r, class: "zone-marker-disc" }));
  group.append(svg("path", {
    class: "zone-marker-check",
    d: `M ${x - r * 0.5} ${y} L ${x - r * 0.12} ${y + r * 0.4} L ${x + r * 0.52} ${y - r * 0.38}`,
  }));
  return group;
}

function overlay(view) {
  const [x0, y0, width, height] = view.image.viewBox;
  const layer = svg("svg", {
    class: "zone-overlay", viewBox: `${x0} ${y0} ${width} ${height}`,
    preserveAspectRatio: "none", "aria-hidden": "true", focusable: "false",
  });
  const size = Math.max(8, Math.min(width, height) * 0.04);
  for (const zone of view.zones) {
    const points = zone.points.map((p) => p.join(",")).join(" ");
    const shape = svg("g", { class: "zone-shape", "data-key": zone.key });
    shape.append(svg("polygon", { points, class: "zone-halo" }));
    shape.append(svg("polygon", { points, class: "zone-line" }));
    layer.append(shape);
  }
  // Markers above every shape, so that a neighbour's outline never hides one.
  for (const zone of view.zones) layer.append(marker(zone, view.image.viewBox, size));
  return layer;
}

// French spacing: a no-break space before « : » and inside « », so no line starts with « : » or « ».
function nonBreaking(text) {
  return text.replace(/ ([:;!?»])/g, "\u00a0$1").replace(/« /g, "«\u00a0");
}

function radios(view, el) {
  const fieldset = el("fieldset", { class: "choices zone-choices", "aria-describedby": "instruction" },
    el("legend", {}, "Choisissez un endroit de l'image :"));
  const total = view.zones.length;
  view.zones.forEach((zone, i) => {
    const id = `zone-${zone.key}`;
    fieldset.append(el("div", { class: "choice zone-choice", "data-key": zone.key },
      el("input", { type: "radio", name: NAME, id, value: zone.key }),
      el("label", { for: id }, nonBreaking(`Zone ${i + 1} sur ${total} : ${zone.label}`))));
  });
  return fieldset;
}

// Mirror the radio group's state on the picture: one class per role, on shapes and markers.
function mark(root, className, key) {
  for (const node of root.querySelectorAll(`.${className}`)) node.classList.remove(className);
  if (key == null) return;
  for (const node of root.querySelectorAll(`[data-key="${CSS.escape(key)}"]`)) node.classList.add(className);
}

function wire(root) {
  const picture = root.querySelector(".zone-picture");
  const hint = root.querySelector(".zone-hint");
  let touched = false;
  const radio = (key) => root.querySelector(`input[name="${NAME}"][value="${CSS.escape(key)}"]`);
  const refresh = () => mark(root, "is-chosen", root.querySelector(`input[name="${NAME}"]:checked`)?.value);

  picture.addEventListener("pointerdown", (event) => { touched = event.pointerType === "touch" || event.pointerType === "pen"; });
  picture.addEventListener("click", (event) => {
    const shape = event.target.closest?.(".zone-shape");
    if (!shape) {
      hint.textContent = touched ? HINT_TOUCH : HINT;
      return;
    }
    hint.textContent = "";
    const input = radio(shape.dataset.key);
    input.checked = true;
    input.dispatchEvent(new Event("change", { bubbles: true }));
  });
  picture.addEventListener("pointerover", (event) => mark(root, "is-hovered", event.target.closest?.(".zone-shape")?.dataset.key));
  picture.addEventListener("pointerleave", () => mark(root, "is-hovered", null));

  const group = root.querySelector(".zone-choices");
  group.addEventListener("change", () => { hint.textContent = ""; refresh(); });
  group.addEventListener("focusin", (event) => mark(root, "is-focused", event.target.value));
  group.addEventListener("focusout", () => mark(root, "is-focused", null));
  group.addEventListener("pointerover", (event) => mark(root, "is-hovered", event.target.closest?.(".zone-choice")?.dataset.key));
  group.addEventListener("pointerleave", () => mark(root, "is-hovered", null));
}

export default {
  render(view, { el, asset }) {
    const [, , width, height] = view.image.viewBox;
    const picture = el("div", { class: "zone-picture" },
      el("img", { src: asset(view.image.src), alt: view.image.alt, width: String(width), height: String(height) }));
    // The box keeps the picture's proportions at every width, so the overlay's shapes stay on it.
    picture.style.aspectRatio = `${width} / ${height}`;
    picture.style.maxWidth = `${width}px`;
    picture.append(overlay(view));
    const root = el("div", { class: "zone-question" },
      el("figure", { class: "illustration zone-figure" }, picture),
      el("p", { class: "zone-hint", role: "status" }),
      radios(view, el));
    wire(root);
    return root;
  },

  collect(root) {
    return root.querySelector(`input[name="${NAME}"]:checked`)?.value ?? null;
  },

  emptyMessage: "Choisissez un endroit de l'image, ou cliquez sur « Je passe » si vous ne savez pas.",
};
