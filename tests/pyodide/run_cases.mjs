// Runs calculator cases inside the real Pyodide runtime (the npm package the site ships) under Node.
// Usage: node run_cases.mjs <calculators.zip> <data.json> <cases.json>  -> JSON array of outputs on stdout.
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";

const require = createRequire(import.meta.url);
const pyodideDir = path.dirname(require.resolve("pyodide/package.json", { paths: [process.cwd()] }));
const { loadPyodide } = await import(path.join(pyodideDir, "pyodide.mjs"));

const [zipPath, dataPath, casesPath] = process.argv.slice(2);
const pyodide = await loadPyodide({ indexURL: pyodideDir + path.sep, packages: [] });
pyodide.unpackArchive(new Uint8Array(await readFile(zipPath)), "zip");
const browser = pyodide.pyimport("calculators._browser");
browser.load(await readFile(dataPath, "utf8")).destroy();
const cases = JSON.parse(await readFile(casesPath, "utf8"));
const outputs = cases.map(({ calculator, input }) => browser.run_json(calculator, JSON.stringify(input)));
process.stdout.write(JSON.stringify({ version: pyodide.version, outputs }));
