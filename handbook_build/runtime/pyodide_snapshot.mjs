// Build step: boot the pinned Pyodide in Node, import the calculators and the data, run every calculator
// once (so everything they import is in memory), and write a gzip-compressed memory snapshot.
// Usage: node handbook_build/runtime/pyodide_snapshot.mjs <pyodide dir> <calculators.zip> <data.json> <out.gz> [stdlib.zip]
// With stdlib.zip (the build's compiled standard library, pyodide_bytecode.mjs) Pyodide boots with it, as the worker
// does: the snapshot holds the zip's directory as Python read it, so it must be restored with the same zip.
// Prints {"bytes": raw size, "gzip": compressed size, "ms": time} on stdout.
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { warmCalculators } from "./pyodide_warm.mjs";

const [pyodideDir, zipPath, dataPath, outPath, stdlibPath] = process.argv.slice(2);
const started = performance.now();
const { loadPyodide } = await import(path.resolve(pyodideDir, "pyodide.mjs"));
const stdlib = stdlibPath ? { stdLibURL: path.resolve(stdlibPath) } : {};
const pyodide = await loadPyodide({ indexURL: path.resolve(pyodideDir) + path.sep, packages: [], _makeSnapshot: true,
  ...stdlib });
pyodide.unpackArchive(new Uint8Array(await readFile(zipPath)), "zip");
warmCalculators(pyodide, await readFile(dataPath, "utf8"));
const snapshot = pyodide.makeMemorySnapshot();
const compressed = gzipSync(snapshot, { level: 6 });
await writeFile(outPath, compressed);
process.stdout.write(JSON.stringify({ bytes: snapshot.length, gzip: compressed.length,
  ms: Math.round(performance.now() - started) }));
