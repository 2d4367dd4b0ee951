// Fills personal document templates inside the real Pyodide runtime under Node, the way worker.js does
// (template and result through Pyodide's in-memory file system).
// Usage: node run_documents.mjs <calculators.zip> <data.json> <requests.json>
//   requests: [{calculator, document, input, template: path on disk}] -> JSON [{outcome, base64}] on stdout.
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";

const require = createRequire(import.meta.url);
const pyodideDir = path.dirname(require.resolve("pyodide/package.json", { paths: [process.cwd()] }));
const { loadPyodide } = await import(path.join(pyodideDir, "pyodide.mjs"));

const [zipPath, dataPath, requestsPath] = process.argv.slice(2);
const pyodide = await loadPyodide({ indexURL: pyodideDir + path.sep, packages: [] });
pyodide.unpackArchive(new Uint8Array(await readFile(zipPath)), "zip");
const browser = pyodide.pyimport("calculators._browser");
browser.load(await readFile(dataPath, "utf8")).destroy();
pyodide.FS.mkdirTree("/tmp/hb-documents");
const answers = [];
for (const request of JSON.parse(await readFile(requestsPath, "utf8"))) {
  const source = "/tmp/hb-documents/template.docx";
  const target = "/tmp/hb-documents/document.docx";
  pyodide.FS.writeFile(source, new Uint8Array(await readFile(request.template)));
  const outcome = JSON.parse(browser.document_json(request.calculator, request.document,
    JSON.stringify(request.input), source, target));
  const base64 = outcome.status === "file" ? Buffer.from(pyodide.FS.readFile(target)).toString("base64") : null;
  if (pyodide.FS.analyzePath(target).exists) pyodide.FS.unlink(target);
  answers.push({ outcome, base64 });
}
process.stdout.write(JSON.stringify(answers));
