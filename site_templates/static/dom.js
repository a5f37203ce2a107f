// The one door from strings to the page. A string is always text; only a value the engine
// declared as builder-sanitised HTML ({html: "…"}, see engine/text.py) is parsed as markup.
// Nothing else in the site sets innerHTML, so no learner's answer, accepted answer, imported
// file or stored data can ever become markup.

export function isHtml(value) {
  return value !== null && typeof value === "object" && !Array.isArray(value)
    && typeof value.html === "string" && Object.keys(value).length === 1;
}

// Builder-sanitised HTML as a fragment; anything else is refused loudly.
export function markup(value) {
  if (!isHtml(value)) throw new TypeError("Seul du HTML assaini par le constructeur peut devenir du balisage.");
  const template = document.createElement("template");
  template.innerHTML = value.html;
  return template.content;
}

// Children: Nodes as they are, {html} through markup(), every other value as text.
export function append(node, ...children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    if (child instanceof Node) node.append(child);
    else if (isHtml(child)) node.append(markup(child));
    else node.append(document.createTextNode(String(child)));
  }
  return node;
}

export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === true) node.setAttribute(name, "");
    else if (value !== false && value !== null && value !== undefined) node.setAttribute(name, String(value));
  }
  return append(node, ...children);
}

// The plain text of a display value (for titles, aria labels, confirmations).
export function plainText(value) {
  return isHtml(value) ? markup(value).textContent : String(value ?? "");
}
