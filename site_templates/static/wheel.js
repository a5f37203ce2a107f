// « Mon profil » as a wheel: 16 sectors (one per competence) coloured by domain, each filled from
// the centre in proportion to its level (0–8). Drawn as our own SVG with DOM calls (no markup
// strings); the same numbers are given as text by the page's table, and each sector carries its
// competence number and level as visible text, so nothing is said by colour alone.

const NS = "http://www.w3.org/2000/svg";
export const MAX_LEVEL = 8;
// Domain colours: each ≥ 4.5:1 against white (text) and ≥ 3:1 against the light track.
export const DOMAIN_COLOURS = { 1: "#1f4e9c", 2: "#0b6e6e", 3: "#7b3294", 4: "#b3261e", 5: "#7a5600" };
const SIZE = 440, C = SIZE / 2, INNER = 34, OUTER = 165, LABEL = 190;

function svg(tag, attrs = {}, text = null) {
  const node = document.createElementNS(NS, tag);
  for (const [name, value] of Object.entries(attrs)) node.setAttribute(name, String(value));
  if (text !== null) node.textContent = text;
  return node;
}

const point = (r, angle) => [C + r * Math.cos(angle), C + r * Math.sin(angle)];
const fmt = (n) => n.toFixed(2);

// An annular sector between radii r0 < r1 and angles a0 < a1 (radians, clockwise from the top).
function sectorPath(r0, r1, a0, a1) {
  const [x0, y0] = point(r1, a0), [x1, y1] = point(r1, a1);
  const [x2, y2] = point(r0, a1), [x3, y3] = point(r0, a0);
  return `M${fmt(x0)} ${fmt(y0)} A${r1} ${r1} 0 0 1 ${fmt(x1)} ${fmt(y1)} L${fmt(x2)} ${fmt(y2)} A${r0} ${r0} 0 0 0 ${fmt(x3)} ${fmt(y3)} Z`;
}

/**
 * The wheel as an <svg role="img">. competences: [{id, title, domain}] in order; levels:
 * {competenceId: {level, atLeast}} (absent = not measured yet). Its accessible name says what it
 * is and where the numbers are given as text (tableId).
 */
export function drawWheel(competences, levels, tableId) {
  const measured = competences.filter((c) => levels[c.id]).length;
  const root = svg("svg", { viewBox: `0 0 ${SIZE} ${SIZE}`, class: "wheel", role: "img",
    "aria-labelledby": "wheel-title", "aria-describedby": tableId, focusable: "false" });
  root.append(svg("title", { id: "wheel-title" },
    `Roue de vos compétences : ${measured} compétence${measured > 1 ? "s" : ""} mesurée${measured > 1 ? "s" : ""} sur ${competences.length}. Les niveaux sont donnés dans le tableau qui suit.`));
  const step = (2 * Math.PI) / competences.length, gap = 0.012;
  competences.forEach((comp, i) => {
    const a0 = -Math.PI / 2 + i * step + gap, a1 = a0 + step - 2 * gap;
    const colour = DOMAIN_COLOURS[comp.domain] || "#161616";
    const known = levels[comp.id];
    const group = svg("g", { class: `wheel-sector domain-${comp.domain}`, "data-competence": comp.id, "data-level": known ? known.level : "" });
    group.append(svg("path", { d: sectorPath(INNER, OUTER, a0, a1), class: "wheel-track", stroke: colour }));
    if (known && known.level > 0) {
      const r = INNER + (OUTER - INNER) * Math.min(known.level, MAX_LEVEL) / MAX_LEVEL;
      group.append(svg("path", { d: sectorPath(INNER, r, a0, a1), class: "wheel-fill", fill: colour }));
    }
    const [lx, ly] = point(LABEL, (a0 + a1) / 2);
    group.append(svg("text", { x: fmt(lx), y: fmt(ly - 6), class: "wheel-label" }, comp.id));
    group.append(svg("text", { x: fmt(lx), y: fmt(ly + 12), class: "wheel-value" },
      known ? `${known.atLeast ? "≥ " : ""}${known.level}` : "–"));
    root.append(group);
  });
  // Level rings every 2 levels, over the sectors: guides to read a fill (decorative).
  for (let level = 2; level < MAX_LEVEL; level += 2) {
    root.append(svg("circle", { cx: C, cy: C, r: INNER + (OUTER - INNER) * level / MAX_LEVEL, class: "wheel-ring" }));
  }
  return root;
}
