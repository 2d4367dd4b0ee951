// Module web worker: boots the pinned, self-hosted Pyodide (restored from the build's memory snapshot
// when the browser has it cached), then answers each run message with the calculator's outcome and each
// document message with a filled Word file. The
// messages are documented and checked in protocol.js. No Python source lives here: it calls
// calculators._browser.
import { boot } from "./pyodide-boot.js";
import { checkFromWorker, checkToWorker, runtimeUrl } from "./protocol.js";

const SNAPSHOT_CACHE = "hb-pyodide-snapshot";
let ready = null;
let snapshotUrl = null;

const post = (message) => self.postMessage(checkFromWorker(message));
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
// visit and measured no slower than reading the raw bytes (DESIGN.md).
async function cachedSnapshot(url) {
  if (!url || typeof caches === "undefined") return null;
  try {
    const hit = await (await caches.open(SNAPSHOT_CACHE)).match(url);
    return hit ? new Uint8Array(await hit.arrayBuffer()) : null;
  } catch {
    return null;
  }
}

// First visit: boot plainly (the snapshot is larger than Pyodide itself) and fetch the snapshot once the
// calculator is live and the page idle, for the next visit. The decision and its figures: bench/RESULTS.md.
async function prefetchSnapshot(url) {
  const cache = await caches.open(SNAPSHOT_CACHE);
  if (!(await cache.match(url))) await cache.put(url, await fetchOk(url));
  // Older builds of this site version only: another published version (another folder) keeps its snapshot.
  const folder = new URL(".", url).href;
  for (const request of await cache.keys()) {
    if (request.url !== url && request.url.startsWith(folder)) await cache.delete(request);
  }
}

/** @param {import("./protocol.js").InitMessage} init */
async function start({ runtime, page, snapshotPolicy }) {
  const started = performance.now();
  const at = (path) => runtimeUrl(runtime, page, path);
  const calculators = fetchOk(at(runtime.calculators)).then((r) => r.arrayBuffer());
  calculators.catch(() => {}); // reported when awaited
  const options = {
    indexURL: at(runtime.pyodide),
    stdLibURL: runtime.stdlib ? at(runtime.stdlib) : undefined,
    version: runtime.pyodide_version,
    lockFile: runtime.lock_file,
    calculators: () => calculators,
    data: () => fetchOk(at(runtime.data)).then((r) => r.text()),
  };
  const firstVisitFetch = async () => {
    if (snapshotPolicy === "none") return null;
    const cached = await cachedSnapshot(snapshotUrl);
    if (cached || snapshotPolicy !== "fetch" || !snapshotUrl) return cached;
    await prefetchSnapshot(snapshotUrl).catch(() => {});
    return cachedSnapshot(snapshotUrl);
  };
  const [{ loadPyodide }, snapshot] = await Promise.all([import(options.indexURL + "pyodide.mjs"), firstVisitFetch()]);
  const prepared = Math.round(performance.now() - started);
  const booted = await Promise.race([boot(loadPyodide, options, snapshot), wasmFailure()]);
  if (snapshot && booted.path !== "snapshot") {
    await caches.open(SNAPSHOT_CACHE).then((cache) => cache.delete(snapshotUrl)).catch(() => {});
  }
  console.debug(`[handboek] Pyodide ${booted.pyodide.version} gestart: ${booted.path}`);
  return { ...booted, timings: { prepare: prepared, ...booted.timings }, bootMs: Math.round(performance.now() - started) };
}

async function init(message) {
  snapshotUrl = message.runtime.snapshot ? runtimeUrl(message.runtime, message.page, message.runtime.snapshot) : null;
  ready = start(message);
  try {
    const { pyodide, path, bootMs, timings, finish } = await ready;
    post({ type: "ready", version: pyodide.version, path, bootMs, timings, snapshot: Boolean(snapshotUrl) });
    // Synchronous, and before any other handler resumes: they all await `ready` after this one did.
    finish();
  } catch (error) {
    post({ type: "fatal", message: describe(error) });
  }
}

async function prefetch() {
  try {
    await prefetchSnapshot(snapshotUrl);
    post({ type: "snapshot", state: "cached" });
  } catch (error) {
    post({ type: "snapshot", state: "unavailable", message: describe(error) });
  }
}

/** @param {import("./protocol.js").RunMessage} message */
async function run({ id, calculator, input, open }) {
  try {
    const { browser } = await ready;
    const answer = browser.run_json(calculator, JSON.stringify(input), JSON.stringify(open ?? null));
    post({ type: "outcome", id, outcome: JSON.parse(answer) });
  } catch (error) {
    post({ type: "error", id, message: describe(error) });
  }
}

/** @param {import("./protocol.js").PartMessage} message */
async function part({ id, calculator, part: key, input }) {
  try {
    const { browser } = await ready;
    post({ type: "part", id, outcome: JSON.parse(browser.part_json(calculator, JSON.stringify(input), key)) });
  } catch (error) {
    post({ type: "error", id, message: describe(error) });
  }
}

// Template and result go through Pyodide's in-memory file system, not through JSON (DESIGN.md).
/** @param {import("./protocol.js").DocumentMessage} message */
async function makeDocument({ id, calculator, document, template, input }) {
  const folder = "/tmp/hb-documents";
  try {
    const [{ pyodide, browser }, response] = await Promise.all([ready, fetchOk(template)]);
    pyodide.FS.mkdirTree(folder);
    const source = `${folder}/template-${id}.docx`;
    const target = `${folder}/document-${id}.docx`;
    pyodide.FS.writeFile(source, new Uint8Array(await response.arrayBuffer()));
    try {
      const outcome = JSON.parse(browser.document_json(calculator, document, JSON.stringify(input), source, target));
      if (outcome.status === "file") {
        const bytes = pyodide.FS.readFile(target).slice().buffer;
        self.postMessage(checkFromWorker({ type: "file", id, outcome: { ...outcome, bytes } }), [bytes]);
      } else {
        post({ type: "file", id, outcome });
      }
    } finally {
      for (const path of [source, target]) {
        if (pyodide.FS.analyzePath(path).exists) pyodide.FS.unlink(path);
      }
    }
  } catch (error) {
    post({ type: "error", id, message: describe(error) });
  }
}

self.onmessage = (event) => {
  const message = checkToWorker(event.data);
  if (message.type === "init") init(message);
  else if (message.type === "prefetch-snapshot") prefetch();
  else if (message.type === "document") makeDocument(message);
  else if (message.type === "part") part(message);
  else run(message);
};
