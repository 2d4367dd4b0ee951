// Module web worker: boots the pinned, self-hosted Pyodide (restored from the build's memory snapshot
// when the browser has it cached), then answers {id, type: "run", calculator, input} with
// {id, type: result|invalid|error, ...}. No Python source lives here: it calls calculators._browser.
import { boot } from "./pyodide-boot.js";

const SNAPSHOT_CACHE = "hb-pyodide-snapshot";
let ready = null;
let settings = null;

const post = (message) => self.postMessage(message);
const describe = (error) => String(error && error.message ? error.message : error);

async function fetchOk(url) {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url} kon niet worden geladen (HTTP ${response.status})`);
  return response;
}

// Pyodide 314 only logs a failed WebAssembly download and then waits forever: turn that log into an error.
function wasmFailure() {
  return new Promise((_, reject) => {
    const warn = console.warn;
    console.warn = (...args) => {
      if (String(args[0]).includes("wasm instantiation failed")) reject(new Error("WebAssembly kon niet worden geladen"));
      warn(...args);
    };
  });
}

// The cache keeps the gzip file as built (6 MB instead of 31): decompressing checks its CRC on every
// visit and measured no slower than reading the raw bytes (README, design notes).
async function cachedSnapshot(url) {
  if (!url || typeof caches === "undefined") return null;
  try {
    const hit = await (await caches.open(SNAPSHOT_CACHE)).match(url);
    return hit ? new Uint8Array(await hit.arrayBuffer()) : null;
  } catch {
    return null;
  }
}

// First visit: boot plainly (the snapshot is larger than Pyodide itself) and fetch the snapshot when the
// page is idle, for the next visit. The decision and its figures are in the README's design notes.
async function prefetchSnapshot(url) {
  const cache = await caches.open(SNAPSHOT_CACHE);
  if (!(await cache.match(url))) await cache.put(url, await fetchOk(url));
  for (const request of await cache.keys()) {
    if (request.url !== url) await cache.delete(request); // snapshots of older builds
  }
}

async function start(config) {
  const started = performance.now();
  const calculators = fetchOk(config.calculators).then((r) => r.arrayBuffer());
  calculators.catch(() => {}); // reported when awaited
  const options = {
    indexURL: config.pyodide,
    version: config.pyodide_version,
    calculators: () => calculators,
    data: () => fetchOk(config.data).then((r) => r.text()),
  };
  const firstVisitFetch = async () => {
    const cached = await cachedSnapshot(config.snapshot);
    if (cached || config.snapshotPolicy !== "fetch" || !config.snapshot) return cached;
    await prefetchSnapshot(config.snapshot).catch(() => {});
    return cachedSnapshot(config.snapshot);
  };
  const [{ loadPyodide }, snapshot] = await Promise.all([import(config.pyodide + "pyodide.mjs"), firstVisitFetch()]);
  const prepared = Math.round(performance.now() - started);
  const booted = await Promise.race([boot(loadPyodide, options, snapshot), wasmFailure()]);
  if (snapshot && booted.path !== "snapshot") {
    await caches.open(SNAPSHOT_CACHE).then((cache) => cache.delete(config.snapshot)).catch(() => {});
  }
  console.debug(`[handboek] Pyodide ${booted.pyodide.version} gestart: ${booted.path}`);
  return { ...booted, timings: { prepare: prepared, ...booted.timings }, bootMs: Math.round(performance.now() - started) };
}

self.onmessage = async (event) => {
  const message = event.data || {};
  if (message.type === "init") {
    settings = message.config;
    ready = start(settings);
    try {
      const { pyodide, path, bootMs, timings } = await ready;
      post({ type: "ready", version: pyodide.version, bootMs, timings, boot: path, snapshot: Boolean(settings.snapshot) });
    } catch (error) {
      post({ type: "fatal", message: describe(error) });
    }
    return;
  }
  if (message.type === "prefetch-snapshot") {
    try {
      await prefetchSnapshot(settings.snapshot);
      post({ type: "snapshot", state: "cached" });
    } catch (error) {
      post({ type: "snapshot", state: "unavailable", message: describe(error) });
    }
    return;
  }
  if (message.type === "run") {
    try {
      const { browser } = await ready;
      const outcome = JSON.parse(browser.run_json(message.calculator, JSON.stringify(message.input || {})));
      post({ id: message.id, type: outcome.status, ...outcome });
    } catch (error) {
      post({ id: message.id, type: "error", message: describe(error) });
    }
  }
};
