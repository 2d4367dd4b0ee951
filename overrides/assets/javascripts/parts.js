// Lazy parts of a live result (calculators/_parts.py): the worker's live render leaves the body of a collapsed
// block empty unless the reader has it open, and turns each download into a button. Opening such a block or
// pressing such a button asks the worker for that one part; the answer fills the block or becomes a download.
import { partMessage } from "./protocol.js";

const pending = new Map();

/** The keys of the collapsed parts the reader has open: the next live render shows them in full. */
export function openParts(element) {
  return [...element.querySelectorAll("[data-result] details[data-part][open]")].map((details) => details.dataset.part);
}

/** Wires the empty blocks and download buttons of a fresh result to `request(element, key, target)`. */
export function enableParts(element, request) {
  const result = element.querySelector("[data-result]");
  for (const details of result.querySelectorAll("details[data-part-empty]")) {
    details.addEventListener("toggle", () => {
      if (details.open && details.hasAttribute("data-part-empty")) request(element, details.dataset.part, details);
    });
  }
  for (const button of result.querySelectorAll("button[data-part-file]")) {
    button.addEventListener("click", () => request(element, button.dataset.partFile, button));
  }
}

/** A requester that posts part messages to `worker` with ids from `nextId`, for the current form values. */
export function partRequester(worker, nextId, formValues) {
  return (element, key, target) => {
    const id = nextId();
    pending.set(id, { element, target });
    worker.postMessage(partMessage(id, element.dataset.calculator, key, formValues(element.querySelector("form"))));
  };
}

/** Saves `blob` as a download named `name`: made here, in the browser (also runtime.js's Word files). */
export function saveBlob(name, blob) {
  const url = URL.createObjectURL(blob);
  const link = Object.assign(document.createElement("a"), { href: url, download: name, hidden: true });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60000);
}

/** Handles the answer to a part message; false when `message` answers something else. */
export function receivePart(message, showErrors) {
  const found = pending.get(message.id);
  if (!found) return false;
  pending.delete(message.id);
  const { element, target } = found;
  const status = element.querySelector("[data-status]");
  const outcome = message.type === "part" ? message.outcome : null;
  if (outcome && outcome.status === "result") {
    // A newer result may have replaced the block meanwhile; that one was rendered with the block open.
    if (target.isConnected && target.hasAttribute("data-part-empty")) {
      target.insertAdjacentHTML("beforeend", outcome.html);
      target.removeAttribute("data-part-empty");
    }
  } else if (outcome && outcome.status === "text") {
    saveBlob(outcome.name, new Blob([outcome.text], { type: `${outcome.type};charset=utf-8` }));
    element.dataset.lastDocument = outcome.name; // read by the browser tests
    status.textContent = `Het bestand ${outcome.name} is gemaakt en gedownload.`;
  } else if (outcome) {
    showErrors(element, outcome.errors);
    status.textContent = "Dit deel kon niet worden gemaakt: pas de gemarkeerde velden aan.";
  } else {
    status.textContent = `Dit deel kon niet worden gemaakt: ${message.message}`;
  }
  return true;
}
