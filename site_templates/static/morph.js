// Draw a part of the page again without rebuilding it: the new content is built detached (as
// `el` builds it), then every node already in the page that has the same shape (node type, tag)
// is kept and given the new attributes and texts; only what differs is replaced. Nodes never
// attached cost Blink little; nodes drawn and thrown away leave their style and layout to its
// collector (the mediator's analysis, drawn again at every import and campaign opened).

function sameShape(a, b) {
  return a.nodeType === b.nodeType && a.nodeName === b.nodeName && a.namespaceURI === b.namespaceURI;
}

function morphNode(current, fresh) {
  if (current.nodeType !== Node.ELEMENT_NODE) {
    if (current.data !== fresh.data) current.data = fresh.data;
    return;
  }
  for (const { name } of [...current.attributes]) if (!fresh.hasAttribute(name)) current.removeAttribute(name);
  for (const { name, value } of [...fresh.attributes]) if (current.getAttribute(name) !== value) current.setAttribute(name, value);
  morphChildren(current, [...fresh.childNodes]);
}

// Make `parent`'s children like `children` (detached nodes).
export function morphChildren(parent, children) {
  const old = [...parent.childNodes];
  children.forEach((child, i) => {
    const current = old[i];
    if (current && sameShape(current, child)) morphNode(current, child);
    else if (current) parent.replaceChild(child, current);
    else parent.append(child);
  });
  for (let i = children.length; i < old.length; i += 1) old[i].remove();
}
