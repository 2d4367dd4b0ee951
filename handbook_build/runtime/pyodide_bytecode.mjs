// Build step: compile, with the pinned Pyodide's own Python, what a calculator page runs, so that the browser
// unmarshals bytecode instead of compiling source. Pyodide's python_stdlib.zip holds only sources: a calculator
// page's boot compiled every standard-library module it imports (some 150) and then the calculators' 60-odd
// modules, every time (bench/RESULTS.md). Boots Pyodide in Node, imports the calculators, loads the data and runs
// every calculator once (defaults and a refused input), then writes:
//   - a standard library: the npm package's zip with every module that run imported replaced by its bytecode
//     (hash-based, unchecked: nothing to compare with at import), the other modules left as source;
//   - the calculators zip as bytecode only (<name>.pyc in place of <name>.py, unchecked): a source would only give
//     a traceback its lines (the line numbers are there; the lines are in the repository), for 130 KB more.
// Usage: node pyodide_bytecode.mjs <pyodide dir> <calculators.zip> <data.json> <out stdlib.zip> <out calculators.zip>
// Prints {"modules": compiled standard-library modules, "stdlib": bytes, "calculators": bytes, "ms": time}.
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { warmCalculators } from "./pyodide_warm.mjs";

const [pyodideDir, zipPath, dataPath, stdlibOut, calculatorsOut] = process.argv.slice(2);
const started = performance.now();
const { loadPyodide } = await import(path.resolve(pyodideDir, "pyodide.mjs"));
const pyodide = await loadPyodide({ indexURL: path.resolve(pyodideDir) + path.sep, packages: [] });
pyodide.FS.writeFile("/tmp/hb-calculators.zip", new Uint8Array(await readFile(zipPath)));
pyodide.unpackArchive(pyodide.FS.readFile("/tmp/hb-calculators.zip"), "zip");
warmCalculators(pyodide, await readFile(dataPath, "utf8"));
// What that run imported from the standard library, before the imports of this step itself.
pyodide.runPython(`
import sys
hb_imported = [module.__file__ for module in list(sys.modules.values()) if getattr(module, "__file__", None)]
`);
const counts = pyodide.runPython(`
import io, os, py_compile, sys, zipfile

STDLIB = "/lib/python314.zip"  # where Pyodide mounts python_stdlib.zip, whatever its URL
FIXED = (2020, 1, 1, 0, 0, 0)  # same inputs, same archive
UNCHECKED = py_compile.PycInvalidationMode.UNCHECKED_HASH
work = "/tmp/hb-bytecode"


def entry(name, like=None):
    info = zipfile.ZipInfo(name, date_time=FIXED)
    info.compress_type = like.compress_type if like else zipfile.ZIP_DEFLATED
    info.external_attr = like.external_attr if like else 0o644 << 16
    return info


def compiled(source_path, shown_as):
    target = os.path.join(work, "out.pyc")
    py_compile.compile(source_path, cfile=target, dfile=shown_as, doraise=True, invalidation_mode=UNCHECKED)
    with open(target, "rb") as file:
        return file.read()


os.makedirs(work, exist_ok=True)
prefix = STDLIB + "/"
used = {file[len(prefix):] for file in hb_imported if file.startswith(prefix) and file.endswith(".py")}
stdlib = io.BytesIO()
with zipfile.ZipFile(STDLIB) as source, zipfile.ZipFile(stdlib, "w", compresslevel=9) as target:
    for info in source.infolist():
        data = source.read(info)
        if info.filename in used:
            source_path = os.path.join(work, "module.py")
            with open(source_path, "wb") as file:
                file.write(data)
            target.writestr(entry(info.filename[:-3] + ".pyc"), compiled(source_path, prefix + info.filename))
        else:
            target.writestr(entry(info.filename, info), data)

calculators = io.BytesIO()
with zipfile.ZipFile("/tmp/hb-calculators.zip") as source, zipfile.ZipFile(calculators, "w", compresslevel=9) as target:
    for info in source.infolist():
        if info.filename.endswith(".py"):
            shown_as = os.path.join(os.getcwd(), info.filename)  # where the worker unpacks it, as tracebacks name it
            target.writestr(entry(info.filename[:-3] + ".pyc", info), compiled(shown_as, shown_as))
        else:
            target.writestr(entry(info.filename, info), source.read(info))

with open("/tmp/hb-stdlib.out", "wb") as file:
    file.write(stdlib.getvalue())
with open("/tmp/hb-calculators.out", "wb") as file:
    file.write(calculators.getvalue())
len(used)
`);
await writeFile(stdlibOut, pyodide.FS.readFile("/tmp/hb-stdlib.out"));
await writeFile(calculatorsOut, pyodide.FS.readFile("/tmp/hb-calculators.out"));
process.stdout.write(JSON.stringify({
  modules: counts, stdlib: pyodide.FS.stat("/tmp/hb-stdlib.out").size,
  calculators: pyodide.FS.stat("/tmp/hb-calculators.out").size, ms: Math.round(performance.now() - started),
}));
