// Times the cost calculator's keystroke (`run_json` as worker.js calls it) inside the real Pyodide runtime under Node.
// Usage: node recompute_node.mjs <calculators.zip> <data.json> <cases.json> [sections|plain] [snapshot.bin.gz]
// cases.json: {case name: [form, ...]}. Each case runs in a fresh runtime (its first call is a cold one); with a
// snapshot (the build's, handbook_build/runtime/pyodide_snapshot.mjs) that runtime is restored from it, as the
// browser does on a next visit: Python's caches are warm then, the WebAssembly code is not.
// Prints {case: {run_json: [ms, ...], check: [...], compute: [...], render: [...], json: [...]}}: the steps are
// timed inside Python in a second pass over the same forms (so their "first" is not a cold call).
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { gunzipSync } from "node:zlib";

const require = createRequire(import.meta.url);
const pyodideDir = path.dirname(require.resolve("pyodide/package.json", { paths: [process.cwd()] }));
const { loadPyodide } = await import(path.join(pyodideDir, "pyodide.mjs"));

const [zipPath, dataPath, casesPath, mode, snapshotPath] = process.argv.slice(2);
const snapshot = snapshotPath ? gunzipSync(await readFile(snapshotPath)) : null;
const zip = new Uint8Array(await readFile(zipPath));
const data = await readFile(dataPath, "utf8");
const cases = JSON.parse(await readFile(casesPath, "utf8"));

const SECTIONS = await readFile(new URL("./recompute_sections.py", import.meta.url), "utf8"); // the steps, as in CPython

const found = {};
for (const [name, forms] of Object.entries(cases)) {
  const options = { indexURL: pyodideDir + path.sep, packages: [] };
  if (snapshot) options._loadSnapshot = new Uint8Array(snapshot);
  const pyodide = await loadPyodide(options);
  pyodide.unpackArchive(zip, "zip");
  const browser = pyodide.pyimport("calculators._browser");
  if (!snapshot) browser.load(data).destroy();
  const times = [];
  for (const form of forms) {
    const start = performance.now();
    const answer = browser.run_json("kosten", JSON.stringify(form), "[]");
    times.push(performance.now() - start);
    if (!answer.startsWith('{"html"')) throw new Error(`no result: ${answer.slice(0, 300)}`);
  }
  found[name] = { run_json: times };
  if (mode === "sections") {
    pyodide.runPython(SECTIONS);
    const sectioned = pyodide.globals.get("sectioned");
    const steps = { check: [], compute: [], render: [], json: [] };
    for (const form of forms) {
      const values = JSON.parse(sectioned(JSON.stringify(form)));
      Object.keys(steps).forEach((key, index) => steps[key].push(values[index]));
    }
    sectioned.destroy();
    Object.assign(found[name], steps);
  }
  browser.destroy();
}
process.stdout.write(JSON.stringify(found));
