// Simple accessible SVG charts for the mediator's « Analyse »: each chart is an image with a title
// and a description, and the same figures are given as a table next to it (its text alternative).
// Built with createElementNS and textContent only: no markup is ever parsed.
import { el } from "./dom.js";

const NS = "http://www.w3.org/2000/svg";
let counter = 0;

function svg(tag, attrs = {}, text = null) {
  const node = document.createElementNS(NS, tag);
  for (const [name, value] of Object.entries(attrs)) node.setAttribute(name, String(value));
  if (text !== null) node.textContent = text;
  return node;
}

function frame(width, height, title, description) {
  const id = `chart-${++counter}`;
  const root = svg("svg", { viewBox: `0 0 ${width} ${height}`, width, height, role: "img", class: "chart",
    "aria-labelledby": `${id}-title ${id}-desc` });
  root.append(svg("title", { id: `${id}-title` }, title), svg("desc", { id: `${id}-desc` }, description));
  return root;
}

// Horizontal bars, one per item: {label, value (0–100)}.
export function barChart(title, items, unit = " %") {
  const rowHeight = 28;
  const labelWidth = 360; // 42 characters of 14 px text fit, with room on the left
  const barWidth = 360;
  const height = items.length * rowHeight + 10;
  const description = items.map((i) => `${i.label} : ${i.value}${unit}`).join(" ; ");
  const chart = frame(labelWidth + barWidth + 60, height, title, description);
  items.forEach((item, index) => {
    const y = index * rowHeight + 5;
    const label = item.label.length > 42 ? `${item.label.slice(0, 41)}…` : item.label;
    chart.append(
      svg("text", { x: labelWidth - 8, y: y + 17, "text-anchor": "end", class: "chart-label" }, label),
      svg("rect", { x: labelWidth, y: y + 3, width: barWidth, height: 18, class: "chart-track" }),
      svg("rect", { x: labelWidth, y: y + 3, width: Math.round((barWidth * Math.max(0, Math.min(100, item.value))) / 100), height: 18, class: "chart-bar" }),
      svg("text", { x: labelWidth + barWidth + 6, y: y + 17, class: "chart-value" }, `${item.value}${unit}`));
  });
  return chart;
}

// Vertical bars: {label, value} counts (e.g. participants per level).
export function columnChart(title, items) {
  const max = Math.max(1, ...items.map((i) => i.value));
  const colWidth = 56;
  const plot = 160;
  const chart = frame(items.length * colWidth + 20, plot + 50, title,
    items.map((i) => `${i.label} : ${i.value}`).join(" ; "));
  items.forEach((item, index) => {
    const x = 10 + index * colWidth;
    const h = Math.round((plot * item.value) / max);
    chart.append(
      svg("rect", { x: x + 8, y: plot - h + 20, width: colWidth - 16, height: h, class: "chart-bar" }),
      svg("text", { x: x + colWidth / 2, y: plot - h + 14, "text-anchor": "middle", class: "chart-value" }, String(item.value)),
      svg("text", { x: x + colWidth / 2, y: plot + 40, "text-anchor": "middle", class: "chart-label" }, item.label));
  });
  return chart;
}

// The figures as a table (the chart's text alternative), in a disclosure.
export function figuresTable(caption, headers, rows) {
  return el("details", { class: "chart-figures" }, el("summary", {}, `${caption} : les chiffres`),
    el("table", { class: "data-table" },
      el("caption", {}, caption),
      el("thead", {}, el("tr", {}, headers.map((h) => el("th", { scope: "col" }, h)))),
      el("tbody", {}, rows.map((row) => el("tr", {}, row.map((cell, i) => (i === 0 ? el("th", { scope: "row" }, String(cell)) : el("td", {}, String(cell)))))))));
}
