// The mediator's space, kept in this browser's IndexedDB and encrypted with the mediator's
// passphrase: PBKDF2-SHA-256 (600 000 rounds, random salt) derives an AES-GCM 256-bit key; the
// whole space (campaigns and participations) is one sealed JSON document with a fresh IV at each
// save. The same envelope is the backup file. Its database name ("diagnum-mediateur") is not the
// learner's storage (localStorage "diagnum"): « effacer mes données » never touches it.

export const DB_NAME = "diagnum-mediateur";
const STORE = "coffre";
const KEY = "espace";
export const FORMAT = "diagnum-espace-mediateur";
const ITERATIONS = 600000;

export class WrongPassphrase extends Error {}
export class BadBackup extends Error {}

// WebCrypto exists only in a secure context (HTTPS or localhost).
export function canProtect() {
  return Boolean(globalThis.isSecureContext && globalThis.crypto && crypto.subtle && globalThis.indexedDB);
}

export function emptySpace() {
  return { campaigns: [], participations: {} };
}

// Base64 without building the text piece by piece: a whole space's ciphertext is megabytes, and
// the old `text += String.fromCharCode(...)` loop left several times that in garbage. Browsers
// with Uint8Array.prototype.toBase64 / Uint8Array.fromBase64 do it in one step.
function bytesToBase64(bytes) {
  if (typeof bytes.toBase64 === "function") return bytes.toBase64();
  const chunks = [];
  for (let i = 0; i < bytes.length; i += 0x8000) chunks.push(String.fromCharCode.apply(null, bytes.subarray(i, i + 0x8000)));
  return btoa(chunks.join(""));
}

function base64ToBytes(text) {
  if (typeof Uint8Array.fromBase64 === "function") return Uint8Array.fromBase64(text);
  const raw = atob(text);
  const out = new Uint8Array(raw.length);
  for (let i = 0; i < raw.length; i += 1) out[i] = raw.charCodeAt(i);
  return out;
}

async function deriveKey(passphrase, salt, iterations) {
  const material = await crypto.subtle.importKey("raw", new TextEncoder().encode(passphrase), "PBKDF2", false, ["deriveKey"]);
  return crypto.subtle.deriveKey({ name: "PBKDF2", hash: "SHA-256", salt, iterations },
    material, { name: "AES-GCM", length: 256 }, false, ["encrypt", "decrypt"]);
}

// A key bound to its salt: what an open space keeps in memory (never the passphrase).
export async function newLock(passphrase) {
  const salt = crypto.getRandomValues(new Uint8Array(16));
  return { key: await deriveKey(passphrase, salt, ITERATIONS), salt, iterations: ITERATIONS };
}

export function seal(lock, space) {
  return sealData(lock, space, FORMAT);
}

// Any JSON value sealed the same way, under another format name (the centre's key file).
export async function sealData(lock, value, format) {
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const plain = new TextEncoder().encode(JSON.stringify(value));
  const data = new Uint8Array(await crypto.subtle.encrypt({ name: "AES-GCM", iv }, lock.key, plain));
  return {
    format, version: 1,
    kdf: { name: "PBKDF2", hash: "SHA-256", iterations: lock.iterations, salt: bytesToBase64(lock.salt) },
    cipher: { name: "AES-GCM", iv: bytesToBase64(iv) },
    data: bytesToBase64(data),
  };
}

export function checkEnvelope(envelope, format = FORMAT) {
  const ok = envelope && envelope.format === format && envelope.version === 1
    && envelope.kdf?.name === "PBKDF2" && Number.isInteger(envelope.kdf.iterations)
    && envelope.kdf.iterations >= 100000 && envelope.kdf.iterations <= 10000000
    && typeof envelope.kdf.salt === "string" && envelope.cipher?.name === "AES-GCM"
    && typeof envelope.cipher.iv === "string" && typeof envelope.data === "string";
  if (!ok) throw new BadBackup("Ce fichier n'est pas une sauvegarde d'espace médiateur Diagnum.");
  return envelope;
}

// Open an envelope: {lock, space}, or WrongPassphrase (AES-GCM refuses a wrong key).
export async function unseal(envelope, passphrase) {
  const { lock, value: space } = await unsealData(envelope, passphrase, FORMAT);
  if (!Array.isArray(space.campaigns) || typeof space.participations !== "object") {
    throw new BadBackup("Cette sauvegarde est abîmée.");
  }
  return { lock, space };
}

export async function unsealData(envelope, passphrase, format) {
  checkEnvelope(envelope, format);
  let salt, iv, data;
  try {
    [salt, iv, data] = [envelope.kdf.salt, envelope.cipher.iv, envelope.data].map(base64ToBytes);
  } catch {
    throw new BadBackup("Cette sauvegarde est abîmée.");
  }
  const key = await deriveKey(passphrase, salt, envelope.kdf.iterations);
  let plain;
  try {
    plain = await crypto.subtle.decrypt({ name: "AES-GCM", iv }, key, data);
  } catch {
    throw new WrongPassphrase("Phrase secrète incorrecte (ou sauvegarde abîmée).");
  }
  return { lock: { key, salt, iterations: envelope.kdf.iterations }, value: JSON.parse(new TextDecoder().decode(plain)) };
}

function database() {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(DB_NAME, 1);
    request.onupgradeneeded = () => request.result.createObjectStore(STORE);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

async function transact(mode, action) {
  const db = await database();
  try {
    return await new Promise((resolve, reject) => {
      const tx = db.transaction(STORE, mode);
      const request = action(tx.objectStore(STORE));
      tx.oncomplete = () => resolve(request.result);
      tx.onerror = () => reject(tx.error);
      tx.onabort = () => reject(tx.error);
    });
  } finally {
    db.close();
  }
}

// Whether this browser holds a space, without reading its megabytes.
export async function hasEnvelope() {
  return (await transact("readonly", (store) => store.count(KEY))) > 0;
}

export function loadEnvelope() {
  return transact("readonly", (store) => store.get(KEY));
}

export function saveEnvelope(envelope) {
  return transact("readwrite", (store) => store.put(envelope, KEY));
}
