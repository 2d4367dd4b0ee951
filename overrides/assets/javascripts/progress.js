// The progress overview (docs/stappen/voortgang.md). handbook_build/progress.py lists every checklist of the site on
// the page (id, number of points, the points as links); this script counts the ticks that checklists.js keeps in
// localStorage ("hb-checklist:<version>:<checklist>": the indexes of the ticked boxes), shows done / open per
// checklist and per step, and saves or loads all ticks as a JSON file. Nothing leaves the browser: the file is made
// here as a Blob and read here from the file input. A file of another version or a damaged file changes nothing.
import { saveBlob } from "./parts.js";

const PREFIX = "hb-checklist:"; // the same keys as checklists.js
const FORMAT = "handboek-zij-instroom-voortgang";
const MAX_BYTES = 1_000_000;
const UNCHANGED = "Er is niets veranderd.";

const root = document.querySelector('[data-progress="steps"][data-version]');
if (root) setUp(root);

function storageKey(version, id) {
  return `${PREFIX}${version}:${id}`;
}

/** The ticks as sorted unique indexes below `count`, or null when `value` is not such a list. */
function validTicks(value, count) {
  if (!Array.isArray(value)) return null;
  if (!value.every((index) => Number.isInteger(index) && index >= 0 && index < count)) return null;
  const unique = [...new Set(value)].sort((a, b) => a - b);
  return unique.length === value.length ? unique : null;
}

function readTicks(version, id, count) {
  try {
    const value = JSON.parse(window.localStorage.getItem(storageKey(version, id)) || "[]");
    return Array.isArray(value) ? [...new Set(value.filter((i) => Number.isInteger(i) && i >= 0 && i < count))] : [];
  } catch {
    return []; // storage blocked or damaged: nothing ticked, as checklists.js reads it
  }
}

function points(count) {
  return count === 1 ? "1 punt" : `${count} punten`;
}

/** A loaded file checked against this site: { ticks, saved }, or { error } with the Dutch message to show. */
function checkFile(text, version, known) {
  let data;
  try {
    data = JSON.parse(text);
  } catch {
    return { error: `Dit bestand is beschadigd of geen voortgangsbestand: het kon niet worden gelezen. ${UNCHANGED}` };
  }
  const isObject = (value) => value !== null && typeof value === "object" && !Array.isArray(value);
  if (!isObject(data) || data.format !== FORMAT) {
    return { error: `Dit is geen voortgangsbestand van dit handboek. ${UNCHANGED}` };
  }
  if (typeof data.version !== "string" || !data.version) {
    return { error: `Dit voortgangsbestand is beschadigd: de versie van het handboek ontbreekt. ${UNCHANGED}` };
  }
  if (data.version !== version) {
    return {
      error: `Dit voortgangsbestand hoort bij versie ${data.version} van het handboek, deze site is versie ${version}. `
        + `De checklists kunnen in de twee versies verschillen. ${UNCHANGED}`,
    };
  }
  const keys = Object.keys(data).sort().join(",");
  if (keys !== "checklists,format,saved,version" || typeof data.saved !== "string" || Number.isNaN(Date.parse(data.saved))
      || !isObject(data.checklists)) {
    return { error: `Dit voortgangsbestand is beschadigd: het mist gegevens of heeft onbekende gegevens. ${UNCHANGED}` };
  }
  const ticks = new Map();
  for (const [id, value] of Object.entries(data.checklists)) {
    if (!known.has(id)) {
      return { error: `Dit voortgangsbestand noemt een checklist die deze versie van het handboek niet kent (${id}). `
        + UNCHANGED };
    }
    const valid = validTicks(value, known.get(id));
    if (!valid) {
      return { error: `Dit voortgangsbestand is beschadigd: de vinkjes bij de checklist ${id} kloppen niet. ${UNCHANGED}` };
    }
    ticks.set(id, valid);
  }
  return { ticks, saved: new Date(data.saved) };
}

/** Writes every known checklist's ticks at once; on a storage error puts back what was there and returns false. */
function writeAll(version, known, ticks) {
  const before = new Map();
  try {
    for (const id of known.keys()) before.set(id, window.localStorage.getItem(storageKey(version, id)));
    for (const id of known.keys()) {
      const list = ticks.get(id) || [];
      if (list.length) window.localStorage.setItem(storageKey(version, id), JSON.stringify(list));
      else window.localStorage.removeItem(storageKey(version, id));
    }
    return true;
  } catch {
    for (const [id, value] of before) {
      try {
        if (value === null) window.localStorage.removeItem(storageKey(version, id));
        else window.localStorage.setItem(storageKey(version, id), value);
      } catch {
        // storage refuses everything: nothing was written either
      }
    }
    return false;
  }
}

function setUp(steps) {
  const version = steps.dataset.version;
  const lists = [...steps.querySelectorAll("[data-progress-checklist]")];
  const known = new Map(lists.map((list) => [list.dataset.progressChecklist, Number(list.dataset.items)]));
  const status = document.querySelector("[data-progress-status]");

  function say(message, problem) {
    status.textContent = message;
    status.classList.toggle("hb-progress-problem", Boolean(problem));
  }

  function setRow(key, done, all) {
    const row = document.querySelector(`[data-progress-row="${key}"]`);
    if (!row) return;
    row.querySelector("[data-progress-done]").textContent = String(done);
    row.querySelector("[data-progress-open]").textContent = String(all - done);
  }

  function render() {
    let doneAll = 0;
    let pointsAll = 0;
    for (const step of steps.querySelectorAll("[data-progress-step]")) {
      let done = 0;
      let all = 0;
      for (const list of step.querySelectorAll("[data-progress-checklist]")) {
        const count = Number(list.dataset.items);
        const ticks = readTicks(version, list.dataset.progressChecklist, count);
        for (const item of list.querySelectorAll("[data-progress-item]")) {
          item.hidden = ticks.includes(Number(item.dataset.progressItem));
        }
        const finished = ticks.length === count;
        list.querySelector(".hb-progress-items").hidden = finished;
        list.classList.toggle("hb-progress-finished", finished);
        list.querySelector("[data-progress-count]").textContent = finished
          ? `(alles gedaan: ${points(count)})`
          : `(${ticks.length} van ${count} gedaan, ${count - ticks.length} open)`;
        done += ticks.length;
        all += count;
      }
      step.querySelector("[data-progress-summary]").textContent =
        `${done} van ${points(all)} gedaan, ${all - done} open.`;
      setRow(step.dataset.progressStep, done, all);
      doneAll += done;
      pointsAll += all;
    }
    setRow("totaal", doneAll, pointsAll);
  }

  function save() {
    const checklists = {};
    let count = 0;
    for (const [id, items] of known) {
      const ticks = readTicks(version, id, items).sort((a, b) => a - b);
      if (ticks.length) checklists[id] = ticks;
      count += ticks.length;
    }
    const now = new Date();
    const data = { format: FORMAT, version, saved: now.toISOString(), checklists };
    const name = `voortgang-handboek-${version}-${now.toISOString().slice(0, 10)}.json`;
    saveBlob(name, new Blob([`${JSON.stringify(data, null, 2)}\n`], { type: "application/json" }));
    steps.dataset.lastFile = name; // read by the browser tests
    say(`Je voortgang (${points(count)} afgevinkt) is bewaard in het bestand ${name}, bij je downloads.`);
  }

  async function load(input) {
    const file = input.files && input.files[0];
    if (!file) return;
    try {
      if (file.size > MAX_BYTES) {
        say(`Dit bestand is te groot voor een voortgangsbestand. ${UNCHANGED}`, true);
        return;
      }
      const result = checkFile(await file.text(), version, known);
      if (result.error) {
        say(result.error, true);
      } else if (!writeAll(version, known, result.ticks)) {
        say(`Je browser bewaart geen vinkjes (bijvoorbeeld in een privévenster). ${UNCHANGED}`, true);
      } else {
        render();
        const count = [...result.ticks.values()].reduce((sum, ticks) => sum + ticks.length, 0);
        const day = result.saved.toLocaleDateString("nl-NL", { day: "numeric", month: "long", year: "numeric" });
        say(`De voortgang uit ${file.name} (bewaard op ${day}) is geladen: ${points(count)} afgevinkt. `
          + "De vinkjes die in deze browser stonden, zijn vervangen.");
      }
    } catch {
      say(`Dit bestand kon niet worden gelezen. ${UNCHANGED}`, true);
    } finally {
      input.value = ""; // the same file can be loaded again
    }
  }

  const controls = document.querySelector("[data-progress-file]");
  if (controls) {
    controls.querySelector("[data-progress-save]").addEventListener("click", save);
    const input = controls.querySelector("[data-progress-load]");
    input.addEventListener("change", () => load(input));
    controls.hidden = false;
  }
  for (const note of document.querySelectorAll("[data-progress-nojs]")) note.hidden = true;
  // Ticked in another tab, or back here from a checklist (a page restored from the back-forward cache).
  window.addEventListener("storage", (event) => {
    if (!event.key || event.key.startsWith(PREFIX)) render();
  });
  window.addEventListener("pageshow", (event) => {
    if (event.persisted) render();
  });
  render();
  steps.dataset.progressReady = "";
}
