// Starts the calculator worker as early as possible: loaded from the page head as an async module
// (overrides/calculator.html), so Pyodide boots while the rest of the page loads. runtime.js imports the
// same module instance, adopts the worker and replays what the worker said in the meantime.
import { checkFromWorker, initMessage } from "./protocol.js";

/**
 * @typedef {object} EarlyWorker
 * @property {Worker} worker
 * @property {import("./protocol.js").FromWorker[]} messages  what the worker said before runtime.js took over
 */

// First-visit snapshot policy, chosen from the bench's profile figures (README, "Benchmark figures"): fetching
// the 6.6 MB snapshot before booting makes the calculator live sooner only on a fast connection, and costs
// 6.6 MB more on the very first page. Browsers cap navigator.connection.downlink at 10 Mbit/s, so "fast"
// means at that cap. Without the Network Information API (Firefox, Safari) or with Save-Data: the plain boot.
const FAST_DOWNLINK_MBPS = 10;

/** @returns {"cached"|"fetch"} */
export function snapshotPolicy(connection = navigator.connection) {
  if (window.hbSnapshotPolicy) return window.hbSnapshotPolicy; // bench/ compares the two
  if (!connection || connection.saveData) return "cached";
  return connection.downlink >= FAST_DOWNLINK_MBPS && connection.effectiveType === "4g" ? "fetch" : "cached";
}

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
