// Signed codes of the « certification blanche »: JWS compact serialisation, ES256 (ECDSA P-256,
// SHA-256), with WebCrypto only. The mediator's space signs (its key never leaves WebCrypto
// unless exported with a passphrase); « Vérifier une attestation » verifies against the public
// keys the site lists (data/centres.json). WebCrypto exists only in a secure context.

const encoder = new TextEncoder();
export const ALGORITHM = { name: "ECDSA", namedCurve: "P-256" };
const SIGNING = { name: "ECDSA", hash: "SHA-256" };

export function canUseCrypto() {
  return Boolean(globalThis.isSecureContext && globalThis.crypto && crypto.subtle);
}

export function b64url(bytes) {
  let text = "";
  for (let i = 0; i < bytes.length; i += 0x8000) text += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(text).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

export function unb64url(text) {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) throw new Error("base64url");
  const raw = atob(text.replace(/-/g, "+").replace(/_/g, "/") + "===".slice((text.length + 3) % 4));
  const out = new Uint8Array(raw.length);
  for (let i = 0; i < raw.length; i += 1) out[i] = raw.charCodeAt(i);
  return out;
}

// `signingInput` is "base64url(header).base64url(payload)" (written by certification/attestation.py).
export async function sign(privateKey, signingInput) {
  const signature = await crypto.subtle.sign(SIGNING, privateKey, encoder.encode(signingInput));
  return `${signingInput}.${b64url(new Uint8Array(signature))}`;
}

export class CodeError extends Error {
  constructor(reason, message, detail = {}) {
    super(message);
    this.reason = reason;
    Object.assign(this, detail);
  }
}

// The parts of a code: {header, payload, signature, signingInput}; CodeError("malformed") if not.
export function parseCode(text) {
  const code = String(text).trim().replace(/^.*#/, "").replace(/\s+/g, "");
  const parts = code.split(".");
  try {
    if (parts.length !== 3) throw new Error("parts");
    const header = JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(unb64url(parts[0])));
    const payload = JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(unb64url(parts[1])));
    const signature = unb64url(parts[2]);
    if (header.alg !== "ES256" || typeof header.kid !== "string" || signature.length !== 64
        || !payload || typeof payload !== "object") throw new Error("shape");
    return { header, payload, signature, signingInput: `${parts[0]}.${parts[1]}` };
  } catch {
    throw new CodeError("malformed", "Ce code n'est pas un code de vérification complet : il a peut-être été mal recopié ou coupé. Recopiez-le en entier, ou ouvrez le lien du QR code.");
  }
}

// Verify a code against the listed centres [{id, name, kid, jwk}]: {payload, centre} or CodeError.
export async function verifyCode(text, centres) {
  const { header, payload, signature, signingInput } = parseCode(text);
  const centre = centres.find((c) => c.kid === header.kid);
  if (!centre) {
    throw new CodeError("unknown-key", "Ce code est signé par une clé que ce site ne connaît pas : il ne vient d'aucun des centres que ce site liste. Il a pu être délivré par un centre qui utilise un autre site (vérifiez-le sur le site de ce centre), ou être un faux.", { payload });
  }
  const key = await crypto.subtle.importKey("jwk", { ...centre.jwk, ext: true }, ALGORITHM, false, ["verify"]);
  const good = await crypto.subtle.verify(SIGNING, key, signature, encoder.encode(signingInput));
  if (!good) {
    throw new CodeError("bad-signature", `La signature ne correspond pas : ce document a été modifié après sa signature (un nom, une date ou un niveau changé), ou il n'a pas été signé par la clé du centre « ${centre.name} ». Ne vous y fiez pas.`, { payload, centre });
  }
  const claimed = payload.centre ?? (payload.issuer?.id || "").replace(/^urn:diagnum:centre:/, "");
  if (claimed !== centre.id) {
    throw new CodeError("wrong-centre", `Ce document se dit délivré par le centre « ${claimed} », mais il est signé par la clé du centre « ${centre.name} » : ne vous y fiez pas.`, { payload, centre });
  }
  return { payload, centre };
}
