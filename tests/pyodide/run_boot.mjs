// Boots Pyodide through the site's own boot module (overrides/assets/javascripts/pyodide-boot.js) under Node,
// from a snapshot file (possibly damaged by the test) or plainly, and runs calculator cases.
// Usage: node run_boot.mjs <snapshot.gz or "none"> <calculators.zip> <data.json> <cases.json> [lock.json] [stdlib.zip]
// With lock.json (the build's trimmed lock file) Pyodide gets it inline, as in the browser, and fetches none; with
// stdlib.zip (the build's compiled standard library) Pyodide boots with it, as the site's worker does.
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

console.debug = (...args) => console.error(...args); // keep stdout for the JSON answer
const here = path.dirname(fileURLToPath(import.meta.url));
const { boot } = await import(pathToFileURL(path.join(here, "../../overrides/assets/javascripts/pyodide-boot.js")).href);
const require = createRequire(import.meta.url);
const pyodideDir = path.dirname(require.resolve("pyodide/package.json", { paths: [process.cwd()] }));
const { loadPyodide, version } = await import(path.join(pyodideDir, "pyodide.mjs"));

const [snapshotPath, zipPath, dataPath, casesPath, lockPath, stdlibPath] = process.argv.slice(2);
const options = {
  indexURL: pyodideDir + path.sep,
  version,
  calculators: async () => new Uint8Array(await readFile(zipPath)),
  data: async () => readFile(dataPath, "utf8"),
  lockFile: lockPath ? JSON.parse(await readFile(lockPath, "utf8")) : undefined,
  stdLibURL: stdlibPath ? path.resolve(stdlibPath) : undefined,
};
const snapshot = snapshotPath === "none" ? null : new Uint8Array(await readFile(snapshotPath));
const started = performance.now();
const { browser, path: bootPath, finish } = await boot(loadPyodide, options, snapshot);
finish(); // as worker.js does before it answers
const bootMs = Math.round(performance.now() - started);
const cases = JSON.parse(await readFile(casesPath, "utf8"));
const outputs = cases.map(({ calculator, input }) => browser.run_json(calculator, JSON.stringify(input)));
process.stdout.write(JSON.stringify({ boot: bootPath, bootMs, outputs }));
