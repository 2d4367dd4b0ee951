// The messages between a calculator page (early-boot.js, runtime.js) and its web worker (worker.js).
// Both sides build and check their messages here, so every field has one name from the build to the page
// and back: the runtime settings travel exactly as the build wrote them, and the calculator's outcome
// travels exactly as Python returned it (calculators/_browser.py run_json). A message that does not
// match its shape is a programming error and throws a ProtocolError that names the field.

/**
 * Runtime settings written by the build into `<script type="application/json" id="hb-runtime">`.
 * Paths are relative to `root`, which is relative to the page.
 * @typedef {object} RuntimeConfig
 * @property {string} root            the site root, relative to the page ("../../")
 * @property {string} pyodide         folder of the self-hosted Pyodide core ("assets/pyodide/<version>/")
 * @property {string} pyodide_version the version the worker must find in that folder
 * @property {string[]} pyodide_files the core's files the worker fetches, handed to the service worker once live
 * @property {object} [lock_file]     Pyodide's lock file (no packages), passed as lockFileContents: no fetch
 * @property {string} [stdlib]        the build's standard library with bytecode for what the calculators use, passed
 *   as stdLibURL; absent when the build made none (then Pyodide's own python_stdlib.zip, sources only)
 * @property {string} calculators     the zip with the calculators' Python, as bytecode when the build compiled it
 *   (content-hashed name)
 * @property {string} data            the JSON data bundle (content-hashed name)
 * @property {string} [snapshot]      the gzip memory snapshot; absent when the build made none
 */

/**
 * Page → worker: boot Pyodide. Sent once, by early-boot.js, before the page has finished loading.
 * @typedef {object} InitMessage
 * @property {"init"} type
 * @property {RuntimeConfig} runtime     as the build wrote it
 * @property {string} page               the page's absolute URL: what `runtime.root` is relative to
 * @property {"cached"|"fetch"|"none"} snapshotPolicy "cached": restore from the snapshot only once it is cached
 *   (the site's policy; a first visit fetches it after going live); the bench's levers, through
 *   window.hbSnapshotPolicy: "fetch" also fetches it before booting on a first visit, "none" never restores
 */

/**
 * Page → worker: validate and compute one calculator with the form's raw text values.
 * @typedef {object} RunMessage
 * @property {"run"} type
 * @property {number} id                   increasing per page; the page shows only the latest answer
 * @property {string} calculator           the calculator's name (data-calculator)
 * @property {Object<string, string>} input form field name → raw text
 * @property {string[]} [open]             a live answer (runtime.js): the collapsed parts the reader has open are
 *   shown in full, the others left empty until asked for with a part message (calculators/_parts.py); without
 *   it, the whole answer as the build renders it
 */

/**
 * Page → worker: one part a live result left out (a collapsed block's body or a download), for the input.
 * @typedef {object} PartMessage
 * @property {"part"} type
 * @property {number} id                   shares the counter of the run messages
 * @property {string} calculator           the calculator's name (data-calculator)
 * @property {string} part                 the part's key, as the result names it (data-part, data-part-file)
 * @property {Object<string, string>} input form field name → raw text
 */

/**
 * Page → worker: make a personal document (a Word file) from a calculator's input. The worker fetches the
 * template (same origin, written by the build in documenten/sjablonen/), Python validates the input as for
 * "run" and fills the template; the file stays in the browser.
 * @typedef {object} DocumentMessage
 * @property {"document"} type
 * @property {number} id                   shares the counter of the run messages
 * @property {string} calculator           the calculator's name (data-calculator)
 * @property {string} document             which document, as the result's button names it (data-document)
 * @property {string} template             the template's absolute URL
 * @property {Object<string, string>} input form field name → raw text
 */

/**
 * Page → worker: fetch the snapshot into Cache Storage for the next visit (sent in idle time).
 * @typedef {{type: "prefetch-snapshot"}} PrefetchSnapshotMessage
 */

/**
 * Worker → page: Pyodide runs and the data is loaded.
 * @typedef {object} ReadyMessage
 * @property {"ready"} type
 * @property {string} version                the Pyodide version that booted
 * @property {"plain"|"snapshot"} path       the boot path that ran (pyodide-boot.js)
 * @property {number} bootMs                 milliseconds from init to ready, in the worker
 * @property {Object<string, number>} timings milliseconds per boot phase
 * @property {boolean} snapshot              whether the build made a snapshot to prefetch
 */

/**
 * Worker → page: booting failed; the page keeps its pre-rendered result and says why.
 * @typedef {{type: "fatal", message: string}} FatalMessage
 */

/**
 * Worker → page: what became of a prefetch-snapshot request.
 * @typedef {{type: "snapshot", state: "cached"|"unavailable", message?: string}} SnapshotMessage
 */

/**
 * The calculator's outcome as Python returned it: a result to show, or Dutch messages per field.
 * @typedef {{status: "result", html: string} | {status: "invalid", errors: Object<string, string>}} Outcome
 */

/**
 * Worker → page: the answer to the run message with the same id.
 * @typedef {{type: "outcome", id: number, outcome: Outcome}} OutcomeMessage
 */

/**
 * A personal document: the filled file, or Dutch messages per field (the same as the form shows).
 * @typedef {{status: "file", name: string, bytes: ArrayBuffer} | {status: "invalid", errors: Object<string, string>}} FileOutcome
 */

/**
 * Worker → page: the answer to the document message with the same id.
 * @typedef {{type: "file", id: number, outcome: FileOutcome}} FileMessage
 */

/**
 * A part: HTML for a collapsed block, a text file to download, or Dutch messages per field.
 * @typedef {{status: "result", html: string} | {status: "text", name: string, type: string, text: string}
 *   | {status: "invalid", errors: Object<string, string>}} PartOutcome
 */

/**
 * Worker → page: the answer to the part message with the same id.
 * @typedef {{type: "part", id: number, outcome: PartOutcome}} PartAnswerMessage
 */

/**
 * Worker → page: the run, part or document message with this id raised in the worker (a bug, not bad input).
 * @typedef {{type: "error", id: number, message: string}} ErrorMessage
 */

/** @typedef {InitMessage|RunMessage|PartMessage|DocumentMessage|PrefetchSnapshotMessage} ToWorker */
/** @typedef {ReadyMessage|FatalMessage|SnapshotMessage|OutcomeMessage|PartAnswerMessage|FileMessage|ErrorMessage} FromWorker */

// Required fields and their typeof per message type; "?" marks an optional field. No other field is allowed,
// so a renamed field fails on the side that sends it instead of arriving as undefined.
const TO_WORKER = {
  init: { runtime: "object", page: "string", snapshotPolicy: "string" },
  run: { id: "number", calculator: "string", input: "object", open: "object?" },
  part: { id: "number", calculator: "string", part: "string", input: "object" },
  document: { id: "number", calculator: "string", document: "string", template: "string", input: "object" },
  "prefetch-snapshot": {},
};
const FROM_WORKER = {
  ready: { version: "string", path: "string", bootMs: "number", timings: "object", snapshot: "boolean" },
  fatal: { message: "string" },
  snapshot: { state: "string", message: "string?" },
  outcome: { id: "number", outcome: "object" },
  part: { id: "number", outcome: "object" },
  file: { id: "number", outcome: "object" },
  error: { id: "number", message: "string" },
};
const RUNTIME = {
  root: "string", pyodide: "string", pyodide_version: "string", pyodide_files: "object",
  calculators: "string", data: "string", snapshot: "string?", lock_file: "object?", stdlib: "string?",
};
const OUTCOME = { result: { status: "string", html: "string" }, invalid: { status: "string", errors: "object" } };
const PART_OUTCOME = {
  result: OUTCOME.result, invalid: OUTCOME.invalid,
  text: { status: "string", name: "string", type: "string", text: "string" },
};
const FILE_OUTCOME = { file: { status: "string", name: "string", bytes: "object" }, invalid: OUTCOME.invalid };
const POLICIES = ["cached", "fetch", "none"];
const BOOT_PATHS = ["plain", "snapshot"];
const SNAPSHOT_STATES = ["cached", "unavailable"];

export class ProtocolError extends Error {
  constructor(message) {
    super(message);
    this.name = "ProtocolError";
  }
}

function checkFields(value, shape, what) {
  if (!value || typeof value !== "object" || Array.isArray(value)) throw new ProtocolError(`${what}: geen object`);
  for (const [name, kind] of Object.entries(shape)) {
    const optional = kind.endsWith("?");
    if (optional && value[name] === undefined) continue;
    const actual = value[name] === null ? "null" : typeof value[name];
    if (actual !== kind.replace("?", "")) {
      throw new ProtocolError(`${what}: veld "${name}" is ${actual}, verwacht ${kind.replace("?", "")}`);
    }
  }
  for (const name of Object.keys(value)) {
    if (name !== "type" && !(name in shape)) throw new ProtocolError(`${what}: onbekend veld "${name}"`);
  }
}

function checkOneOf(value, allowed, what) {
  if (!allowed.includes(value)) throw new ProtocolError(`${what}: "${value}" is niet een van ${allowed.join(", ")}`);
}

function checkMessage(message, shapes, direction) {
  const type = message && message.type;
  if (!Object.hasOwn(shapes, type)) throw new ProtocolError(`${direction}: onbekend berichttype "${type}"`);
  const what = `${direction} ${type}`;
  checkFields(message, shapes[type], what);
  return what;
}

/** Throws a ProtocolError unless `message` is a valid page → worker message. @returns {ToWorker} */
export function checkToWorker(message) {
  const what = checkMessage(message, TO_WORKER, "naar worker");
  if (message.type === "init") {
    checkFields(message.runtime, RUNTIME, `${what} runtime`);
    checkOneOf(message.snapshotPolicy, POLICIES, `${what} snapshotPolicy`);
  }
  if (message.type === "run" && message.open !== undefined
      && !(Array.isArray(message.open) && message.open.every((key) => typeof key === "string"))) {
    throw new ProtocolError(`${what}: veld "open" is geen lijst van teksten`);
  }
  if (message.type === "run" || message.type === "part" || message.type === "document") {
    for (const [name, value] of Object.entries(message.input)) {
      if (typeof value !== "string") throw new ProtocolError(`${what}: invoer "${name}" is geen tekst`);
    }
  }
  return message;
}

/** Throws a ProtocolError unless `message` is a valid worker → page message. @returns {FromWorker} */
export function checkFromWorker(message) {
  const what = checkMessage(message, FROM_WORKER, "van worker");
  if (message.type === "ready") checkOneOf(message.path, BOOT_PATHS, `${what} path`);
  if (message.type === "snapshot") checkOneOf(message.state, SNAPSHOT_STATES, `${what} state`);
  if (message.type === "outcome" || message.type === "part" || message.type === "file") {
    const shapes = { outcome: OUTCOME, part: PART_OUTCOME, file: FILE_OUTCOME }[message.type];
    const status = message.outcome.status;
    if (!Object.hasOwn(shapes, status)) throw new ProtocolError(`${what}: onbekende status "${status}"`);
    checkFields(message.outcome, shapes[status], `${what} ${status}`);
    if (status === "file" && !(message.outcome.bytes instanceof ArrayBuffer)) {
      throw new ProtocolError(`${what}: veld "bytes" is geen ArrayBuffer`);
    }
  }
  return message;
}

/** The absolute URL of a runtime path (relative to the site root, which is relative to the page). */
export function runtimeUrl(runtime, page, path) {
  return new URL(runtime.root + path, page).href;
}

/** @returns {InitMessage} */
export const initMessage = (runtime, page, snapshotPolicy = "cached") =>
  checkToWorker({ type: "init", runtime, page, snapshotPolicy });

/** @returns {PrefetchSnapshotMessage} */
export const prefetchSnapshotMessage = () => checkToWorker({ type: "prefetch-snapshot" });

/** @returns {RunMessage} */
export const runMessage = (id, calculator, input, open) =>
  checkToWorker({ type: "run", id, calculator, input, ...(open === undefined ? {} : { open }) });

/** @returns {PartMessage} */
export const partMessage = (id, calculator, part, input) => checkToWorker({ type: "part", id, calculator, part, input });

/** @returns {DocumentMessage} */
export const documentMessage = (id, calculator, document, template, input) =>
  checkToWorker({ type: "document", id, calculator, document, template, input });
