// Starts the calculator worker as early as possible: loaded from the page head as an async module
// (overrides/calculator.html), so Pyodide boots while the rest of the page loads. runtime.js imports the
// same module instance, adopts the worker and replays what the worker said in the meantime.
import { checkFromWorker, initMessage } from "./protocol.js";

/**
 * @typedef {object} EarlyWorker
 * @property {Worker} worker
 * @property {import("./protocol.js").FromWorker[]} messages  what the worker said before runtime.js took over
 */

// The snapshot serves a later visit only: a first visit boots plainly and fetches it once the calculator is live
// and the page idle (runtime.js), on any connection. Fetching it before booting made a first visit live sooner on
// some connections and later on others, and always moved 6.6 MB more before the reader could use the page
// (bench/RESULTS.md). window.hbSnapshotPolicy lets the bench compare ("fetch", "none").
/** @returns {"cached"|"fetch"|"none"} */
export const snapshotPolicy = () => window.hbSnapshotPolicy || "cached";

/** Whether to fetch the snapshot in idle time for the next visit: not when the reader asked to save data. */
export const mayPrefetchSnapshot = (connection = navigator.connection) => !(connection && connection.saveData);

function startWorker() {
  if (typeof WebAssembly !== "object" || typeof Worker !== "function") return null;
  const element = document.getElementById("hb-runtime");
  if (!element) return null;
  const runtime = JSON.parse(element.textContent);
  const worker = new Worker(new URL("./worker.js", import.meta.url), { type: "module" });
  /** @type {EarlyWorker} */
  const early = { worker, messages: [] };
  worker.onmessage = (event) => early.messages.push(checkFromWorker(event.data));
  worker.onerror = (event) => early.messages.push({ type: "fatal", message: event.message || "fout" });
  worker.postMessage(initMessage(runtime, window.location.href, snapshotPolicy()));
  return early;
}

/** The started worker, or null where the browser cannot run it (runtime.js then says so). */
export const early = startWorker();
// Read by the tests and bench/ to recognise a calculator page whose worker started.
window.hbEarlyWorker = early || undefined;
