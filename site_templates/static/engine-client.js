// The engine worker's lifecycle, seen from the page: start it, boot it, send requests with a
// timeout, and start a new one when it died or stopped answering. The page holds the test's state,
// so a new worker loses nothing: the page resumes from that state.

// A step takes milliseconds; replaying a long test on a slow computer a few seconds. Beyond this,
// the worker is considered lost.
export const REQUEST_TIMEOUT_MS = 30_000;
// The boot has no overall limit: it only gives up after this long without any progress (bytes
// received, a step done), so that a slow connection that keeps downloading is never cut off.
export const BOOT_SILENCE_MS = 45_000;

// The worker stopped answering or crashed: the page offers to start a new one.
export class EngineUnavailable extends Error {}

// The engine could not boot (message in French, detail for whoever installed the site).
export class BootFailure extends Error {
  constructor(message, detail) {
    super(message);
    this.detail = detail;
  }
}

export class EngineClient {
  /**
   * workerUrl: the worker script; config: the boot config (absolute URLs).
   * handlers.onProgress(step, bytes), handlers.onStall() (long silence while booting; the boot
   * goes on and may still succeed).
   */
  constructor(workerUrl, config, handlers = {}) {
    this.workerUrl = workerUrl;
    this.config = config;
    this.handlers = handlers;
    this.worker = null;
    this.nextId = 0;
    this.pending = new Map();
    this.booted = false;
  }

  // Start a worker and boot the engine; resolves with the boot response ({version, loadMs}).
  boot() {
    this.booted = false;
    const worker = new Worker(this.workerUrl, { type: "module" });
    this.worker = worker;
    let silence = null;
    const poke = () => {
      clearTimeout(silence);
      silence = setTimeout(() => this.handlers.onStall?.(), BOOT_SILENCE_MS);
    };
    const stop = () => clearTimeout(silence);
    poke();
    return new Promise((resolve, reject) => {
      worker.onmessage = (event) => {
        if (worker !== this.worker) return;
        const { id, response, kind } = event.data;
        if (kind === "progress") {
          poke();
          this.handlers.onProgress?.(event.data.step, event.data.bytes, event.data.expected);
          return;
        }
        if (kind === "boot-failed") {
          this.failAll(new BootFailure(event.data.message, event.data.detail));
          return;
        }
        const entry = this.pending.get(id);
        if (!entry) return;
        this.pending.delete(id);
        clearTimeout(entry.timer);
        entry.resolve(response);
      };
      worker.onerror = (event) => {
        event.preventDefault?.();
        if (worker !== this.worker) return;
        this.failAll(this.booted
          ? new EngineUnavailable("Le moteur du test s'est arrêté.")
          : new BootFailure("Le moteur du test n'a pas pu démarrer. L'hébergement sert peut-être mal certains fichiers (.mjs, .wasm) : la personne qui l'a installé peut vérifier le fichier .htaccess fourni.", event.message));
      };
      this.send({ type: "boot", config: this.config }, null).then((response) => {
        stop();
        if (!response.ok) {
          return reject(new BootFailure("Le moteur du test n'a pas pu démarrer. Un fichier du site est peut-être abîmé ou incomplet sur l'hébergement : réessayez plus tard, et si cela recommence, prévenez la personne qui a installé Diagnum.", response.error.detail || response.error.message));
        }
        this.booted = true;
        resolve(response);
      }, (error) => { stop(); reject(error); });
    });
  }

  // Terminate the current worker (if any) and boot a new one.
  restart() {
    this.failAll(new EngineUnavailable("Le moteur du test a été relancé."));
    this.worker?.terminate();
    this.worker = null;
    return this.boot();
  }

  // Send one request; rejects with EngineUnavailable after timeoutMs without an answer.
  request(request, timeoutMs = REQUEST_TIMEOUT_MS) {
    if (!this.worker || !this.booted) return Promise.reject(new EngineUnavailable("Le moteur du test n'est pas prêt."));
    return this.send(request, timeoutMs);
  }

  send(request, timeoutMs) {
    return new Promise((resolve, reject) => {
      const id = ++this.nextId;
      const timer = timeoutMs == null ? null : setTimeout(() => {
        this.pending.delete(id);
        reject(new EngineUnavailable("Le moteur du test ne répond plus."));
      }, timeoutMs);
      this.pending.set(id, { resolve, reject, timer });
      this.worker.postMessage({ id, request });
    });
  }

  failAll(error) {
    for (const entry of this.pending.values()) {
      clearTimeout(entry.timer);
      entry.reject(error);
    }
    this.pending.clear();
  }
}
