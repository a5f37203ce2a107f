// QR codes drawn on the device, as SVG, by the MIT-licensed « qrcode-generator » (npm, pinned in
// package-lock.json, copied into dist/vendor/ at build): no server ever sees a campaign link.
const NS = "http://www.w3.org/2000/svg";
let encoder = null;

async function load(url) {
  encoder ??= import(url).then((module) => module.default || module.qrcode);
  return encoder;
}

// An <svg> of `text` (ASCII), with an accessible name; null when too long for a QR code.
export async function qrSvg(moduleUrl, text, label, level = "M") {
  const qrcode = await load(moduleUrl);
  const qr = qrcode(0, level);
  try {
    qr.addData(text, "Byte");
    qr.make();
  } catch {
    return null;
  }
  const count = qr.getModuleCount();
  const margin = 4;
  const size = count + margin * 2;
  const root = document.createElementNS(NS, "svg");
  root.setAttribute("viewBox", `0 0 ${size} ${size}`);
  root.setAttribute("role", "img");
  root.setAttribute("aria-label", label);
  root.setAttribute("class", "qr");
  root.setAttribute("shape-rendering", "crispEdges");
  const background = document.createElementNS(NS, "rect");
  background.setAttribute("width", size);
  background.setAttribute("height", size);
  background.setAttribute("fill", "#fff");
  root.append(background);
  let d = "";
  for (let r = 0; r < count; r += 1) {
    for (let c = 0; c < count; c += 1) {
      if (qr.isDark(r, c)) d += `M${c + margin} ${r + margin}h1v1h-1z`;
    }
  }
  const path = document.createElementNS(NS, "path");
  path.setAttribute("d", d);
  path.setAttribute("fill", "#000");
  root.append(path);
  root.dataset.modules = String(count);
  return root;
}
