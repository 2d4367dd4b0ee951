// Main-thread glue for calculator pages: adopts the worker early-boot.js started, keeps form, URL and
// result in sync. The page already shows the form and the default result (rendered at build time); this
// makes it live. The messages to and from the worker are documented and checked in protocol.js.
import { early, mayPrefetchSnapshot } from "./early-boot.js";
import { enableParts, openParts, partRequester, receivePart, saveBlob } from "./parts.js";
import { checkFromWorker, documentMessage, prefetchSnapshotMessage, runMessage, runtimeUrl } from "./protocol.js";

const DEBOUNCE_MS = 150;
// A boot that takes longer than this is reported as failed (tests may shorten it through window.hbBootTimeoutMs).
const BOOT_TIMEOUT_MS = window.hbBootTimeoutMs || 30000;
const calculators = [...document.querySelectorAll("[data-calculator]")];

function setStatus(element, state, text) {
  element.dataset.runtime = state;
  element.querySelector("[data-status]").textContent = text;
  element.querySelector("form").setAttribute("aria-busy", state === "loading" ? "true" : "false");
}

function formValues(form) {
  return Object.fromEntries(new FormData(form).entries());
}

function showErrors(element, errors) {
  for (const field of element.querySelectorAll("[data-field]")) {
    const name = field.dataset.field;
    const message = errors[name] || "";
    field.querySelector("[data-error-for]").textContent = message;
    field.classList.toggle("hb-calc__field--error", Boolean(message));
    const control = field.querySelector("input, select");
    if (message) control.setAttribute("aria-invalid", "true");
    else control.removeAttribute("aria-invalid");
    if (message) reveal(field);
  }
}

// The assumptions (calculators/_form.py) follow the result, folded away in a <details>; a field in there with a
// message or a value other than its default must be seen, so its block opens (and stays open: nothing the reader
// looks at closes by itself).
function reveal(field) {
  const folded = field.closest("details[data-assumptions]");
  if (folded && !folded.open) folded.open = true;
}

function revealChanged(element, form) {
  for (const control of form.elements) {
    if (control.name && control.value !== element.defaults[control.name]) {
      const field = control.closest("[data-field]");
      if (field) reveal(field);
    }
  }
}

// The result sits between the questions and the assumptions. When the reader works below it, a new result of
// another height would move the field under their hands: `update` changes the page, and the focused element is
// put back where it was on the screen (Chromium's scroll anchoring mostly does this already; Safari has none).
function keepFocusInPlace(element, update) {
  const result = element.querySelector("[data-result]");
  const focused = document.activeElement;
  const below = focused && element.contains(focused) && !result.contains(focused)
    && Boolean(result.compareDocumentPosition(focused) & Node.DOCUMENT_POSITION_FOLLOWING);
  const before = below ? focused.getBoundingClientRect().top : 0;
  update(result);
  if (below) {
    const moved = focused.getBoundingClientRect().top - before;
    if (Math.abs(moved) >= 1) window.scrollBy(0, moved);
  }
}

const shareable = (element, name) => element.querySelector(`[name="${name}"]`)?.dataset.shareable !== "false";

function writeUrl(element, values) {
  const url = new URL(window.location.href);
  for (const [name, value] of Object.entries(values)) {
    if (value === element.defaults[name] || !shareable(element, name)) url.searchParams.delete(name);
    else url.searchParams.set(name, value);
  }
  window.history.replaceState(null, "", url);
}

function readUrl(element) {
  const params = new URLSearchParams(window.location.search);
  let changed = false;
  // form.elements: the controls in the <form> and those tied to it by its id (the assumptions after the result).
  for (const control of element.querySelector("form").elements) {
    if (!control.name) continue;
    if (params.has(control.name) && control.dataset.shareable !== "false") {
      control.value = params.get(control.name);
      changed = true;
    }
  }
  return changed;
}

// Personal documents: a button in the result asks the worker for a filled Word file (documenten/sjablonen/),
// and the answer becomes a download made here, from bytes that never left the browser.
const WORD_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
const pendingDocuments = new Map();

function enableDocuments(element, request) {
  const result = element.querySelector("[data-result]");
  for (const note of result.querySelectorAll("[data-document-note]")) note.hidden = true;
  for (const buttons of result.querySelectorAll("[data-document-buttons]")) buttons.hidden = false;
  for (const button of result.querySelectorAll("button[data-document]")) {
    button.addEventListener("click", () => request(element, button));
  }
}

function documentRequester(worker, nextId) {
  return (element, button) => {
    const id = nextId();
    pendingDocuments.set(id, element);
    const runtime = JSON.parse(document.getElementById("hb-runtime").textContent);
    const template = runtimeUrl(runtime, window.location.href, button.dataset.template);
    element.querySelector("[data-status]").textContent = "Het document wordt gemaakt…";
    const values = formValues(element.querySelector("form"));
    worker.postMessage(documentMessage(id, element.dataset.calculator, button.dataset.document, template, values));
  };
}

/** Handles the answer to a document message; false when `message` answers something else. */
function receiveDocument(message) {
  const element = pendingDocuments.get(message.id);
  if (!element) return false;
  pendingDocuments.delete(message.id);
  const status = element.querySelector("[data-status]");
  const outcome = message.type === "file" ? message.outcome : null;
  if (outcome && outcome.status === "file") {
    saveBlob(outcome.name, new Blob([outcome.bytes], { type: WORD_TYPE }));
    element.dataset.lastDocument = outcome.name; // read by the browser tests
    status.textContent = `Het document ${outcome.name} is gemaakt en gedownload.`;
  } else if (outcome) {
    showErrors(element, outcome.errors);
    status.textContent = "Het document kon niet worden gemaakt: pas de gemarkeerde velden aan.";
  } else {
    status.textContent = `Het document kon niet worden gemaakt: ${message.message}`;
  }
  return true;
}

// Hands the service worker the runtime files this page used, so the next visit works without a network.
function keepForOffline() {
  const runtime = JSON.parse(document.getElementById("hb-runtime").textContent);
  const at = (path) => runtimeUrl(runtime, window.location.href, path);
  const here = (file) => new URL(file, import.meta.url).href;
  const urls = [...runtime.pyodide_files.map((file) => at(runtime.pyodide + file)), at(runtime.calculators),
    at(runtime.data), ...(runtime.stdlib ? [at(runtime.stdlib)] : []),
    ...["worker.js", "pyodide-boot.js", "protocol.js", "inflate-worker.js"].map(here)];
  window.hbRegisterServiceWorker().catch(() => {});
  navigator.serviceWorker.ready.then((registration) =>
    registration.active.postMessage({ type: "cache-runtime", urls })).catch(() => {});
}

function start() {
  if (typeof WebAssembly !== "object" || typeof Worker !== "function") {
    for (const element of calculators) {
      setStatus(element, "unavailable", "Deze browser kan niet live rekenen (WebAssembly of web workers ontbreken). "
        + "De uitkomst hieronder geldt voor de standaardwaarden.");
    }
    return;
  }
  // Started by early-boot.js from the page head, so Pyodide boots while the page loads.
  if (!early) return;
  const worker = early.worker;
  const byId = new Map();
  let nextId = 1;
  const requestDocument = documentRequester(worker, () => nextId++);
  const requestPart = partRequester(worker, () => nextId++, formValues);

  const compute = (element) => {
    const id = nextId++;
    element.latest = id;
    byId.set(id, element);
    const values = formValues(element.querySelector("form"));
    element.sentAt = performance.now();
    writeUrl(element, values);
    worker.postMessage(runMessage(id, element.dataset.calculator, values, openParts(element)));
  };

  // A fresh runtime's first computation is several times slower than the next (empty caches in Python, code
  // not yet optimised by the browser): do it once now, with the form as it is, and drop the answer (no id is
  // registered), so that the reader's first change is answered at full speed.
  const warmUp = (element) => {
    const values = formValues(element.querySelector("form"));
    worker.postMessage(runMessage(nextId++, element.dataset.calculator, values, openParts(element)));
  };

  const fail = (message) => {
    clearTimeout(watchdog);
    worker.terminate();
    for (const element of calculators) {
      setStatus(element, "error", `De rekenhulp kon niet worden geladen (${message}). `
        + "De uitkomst hieronder geldt voor de standaardwaarden.");
    }
  };

  const watchdog = setTimeout(() => fail("het laden duurt te lang"), BOOT_TIMEOUT_MS);
  worker.onerror = (event) => fail(event.message || "onbekende fout");
  const receive = (message) => {
    if (message.type === "fatal") return fail(message.message);
    if (message.type === "ready") {
      clearTimeout(watchdog);
      for (const element of calculators) {
        element.dataset.boot = message.path;
        element.dataset.readyAt = Math.round(performance.now()); // read by bench/ and tests
        element.dataset.bootTimings = JSON.stringify({ worker: message.bootMs, ...message.timings });
        element.querySelector("[data-copy-link]").hidden = false;
        for (const picker of element.querySelectorAll("input[type=file][data-fills]")) picker.hidden = false;
        setStatus(element, "ready", "De rekenhulp rekent mee terwijl je typt.");
        enableDocuments(element, requestDocument);
        if (element.restored) compute(element);
        else warmUp(element);
      }
      // What serves only a later visit waits until the calculator is live and the page idle: the service worker's
      // offline copy of what this page used (from the HTTP cache) and the snapshot (for the next visit).
      const idle = window.requestIdleCallback || ((callback) => setTimeout(callback, 2000));
      if ("serviceWorker" in navigator) idle(keepForOffline, { timeout: 5000 });
      if (message.snapshot && message.path !== "snapshot" && mayPrefetchSnapshot()) {
        idle(() => worker.postMessage(prefetchSnapshotMessage()), { timeout: 5000 });
      }
      return;
    }
    if (message.type === "snapshot") {
      for (const element of calculators) element.dataset.snapshot = message.state;
      return;
    }
    if (receiveDocument(message) || receivePart(message, showErrors)) return;
    const element = byId.get(message.id);
    byId.delete(message.id);
    if (!element || message.id !== element.latest) return; // an older answer: a newer one is on its way
    const outcome = message.type === "outcome" ? message.outcome : null;
    keepFocusInPlace(element, (result) => {
      if (outcome && outcome.status === "result") {
        showErrors(element, {});
        result.innerHTML = outcome.html;
        for (const button of result.querySelectorAll("[data-print]")) {
          button.hidden = false;
          button.addEventListener("click", () => window.print());
        }
        enableDocuments(element, requestDocument);
        enableParts(element, requestPart);
        element.querySelector("[data-status]").textContent = "Uitkomst bijgewerkt.";
      } else if (outcome) {
        showErrors(element, outcome.errors);
        const count = Object.keys(outcome.errors).length;
        result.innerHTML = '<p class="hb-calc__invalid">Er is nu geen uitkomst: pas de gemarkeerde velden aan.</p>';
        element.querySelector("[data-status]").textContent =
          count === 1 ? "1 veld moet worden aangepast." : `${count} velden moeten worden aangepast.`;
      } else {
        element.querySelector("[data-status]").textContent = `Er ging iets mis bij het rekenen: ${message.message}`;
      }
    });
    // Round trip from the change to the updated page, read by bench/ (and handy when debugging).
    element.dataset.computeMs = (performance.now() - element.sentAt).toFixed(1);
    element.dataset.computed = String(Number(element.dataset.computed || 0) + 1);
  };
  worker.onmessage = (event) => receive(checkFromWorker(event.data));

  for (const element of calculators) {
    const form = element.querySelector("form");
    element.defaults = formValues(form);
    element.restored = readUrl(element);
    revealChanged(element, form);
    setStatus(element, "loading", "De rekenhulp wordt geladen…");
    let timer = null;
    const schedule = () => {
      clearTimeout(timer);
      timer = setTimeout(() => element.dataset.runtime === "ready" && compute(element), DEBOUNCE_MS);
    };
    // Listened for on the whole calculator: the assumptions' controls belong to the form but stand after the
    // result, outside the <form> element. Controls in the result (buttons, checkboxes) are not the form's.
    const ours = (event) => event.target.form === form && schedule();
    element.addEventListener("input", ours);
    element.addEventListener("change", ours);
    form.addEventListener("submit", (event) => event.preventDefault());
    // A chosen file is read here, in the browser, into its text field; it is never uploaded anywhere.
    for (const picker of element.querySelectorAll("input[type=file][data-fills]")) {
      picker.addEventListener("change", async () => {
        const target = form.elements.namedItem(picker.dataset.fills);
        if (picker.files.length) target.value = await readLocalFile(picker.files[0]);
        target.dispatchEvent(new Event("input", { bubbles: true }));
      });
    }
    element.querySelector("[data-copy-link]").addEventListener("click", async () => {
      const status = element.querySelector("[data-status]");
      try {
        await navigator.clipboard.writeText(window.location.href);
        status.textContent = "Link gekopieerd.";
      } catch {
        status.textContent = `Kopieer deze link: ${window.location.href}`;
      }
    });
  }
  for (const message of early.messages.splice(0)) receive(message);
}

// Steps 1-3 of the encoding rule in calculators/matching/csv_decode.py: a byte-order mark (UTF-8, UTF-16), else
// UTF-8, else Windows-1252 (a Dutch Excel's plain CSV). The calculator refuses, in Dutch, text that comes out garbled.
async function readLocalFile(file) {
  const bytes = new Uint8Array(await file.arrayBuffer());
  const utf16 = bytes[0] === 0xff && bytes[1] === 0xfe ? "utf-16le" : bytes[0] === 0xfe && bytes[1] === 0xff ? "utf-16be" : "";
  try {
    return new TextDecoder(utf16 || "utf-8", { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder(utf16 ? "utf-8" : "windows-1252").decode(bytes);
  }
}

// The link above the result to the folded assumptions opens them (browsers that do not open a <details> for the
// target of a link). Works while Pyodide still loads, and without it.
for (const link of document.querySelectorAll("[data-open-assumptions]")) {
  link.addEventListener("click", () => {
    const folded = document.getElementById(decodeURIComponent(link.hash.slice(1)))?.closest("details");
    if (folded) folded.open = true;
  });
}

if (calculators.length) start();
