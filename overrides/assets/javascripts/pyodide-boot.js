// The one place that knows how Pyodide is booted: plain, or restored from a build-time memory snapshot.
// Used by worker.js in the browser and by tests/pyodide under Node. `_loadSnapshot` is an experimental
// Pyodide API: the version is pinned and any failure falls back to the plain boot.

async function gunzip(compressed) {
  if (typeof DecompressionStream === "undefined") throw new Error("DecompressionStream ontbreekt");
  const stream = new Blob([compressed]).stream().pipeThrough(new DecompressionStream("gzip"));
  return new Uint8Array(await new Response(stream).arrayBuffer()); // checks the gzip CRC: damage throws
}

async function load(loadPyodide, options, extra, timings) {
  const mark = performance.now();
  // The lock file travels inline with the runtime settings (no request); Pyodide 314 ignores fullStdLib.
  const lock = options.lockFile ? { lockFileContents: options.lockFile } : {};
  // The build's standard library, whose modules the calculators use are bytecode (pyodide_bytecode.mjs): Pyodide's
  // own zip holds sources only, compiled on every boot.
  const stdlib = options.stdLibURL ? { stdLibURL: options.stdLibURL } : {};
  const pyodide = await loadPyodide({ indexURL: options.indexURL, packages: [], ...lock, ...stdlib, ...extra });
  timings.load = Math.round(performance.now() - mark);
  if (pyodide.version !== options.version) {
    throw new Error(`Pyodide ${pyodide.version} geladen, ${options.version} verwacht`);
  }
  return pyodide;
}

function unpack(pyodide, archive, timings) {
  const mark = performance.now();
  pyodide.unpackArchive(archive, "zip");
  timings.unpack = Math.round(performance.now() - mark);
}

export async function bootPlain(loadPyodide, options) {
  const timings = {};
  const pyodide = await load(loadPyodide, options, {}, timings);
  unpack(pyodide, await options.calculators(), timings);
  const mark = performance.now();
  const browser = pyodide.pyimport("calculators._browser");
  browser.load(await options.data()).destroy();
  timings.python = Math.round(performance.now() - mark);
  return { pyodide, browser, path: "plain", timings, finish: () => {} };
}

// In the browser on a thread of its own (inflate-worker.js): inflating on this thread while Pyodide loads starved
// Pyodide's own loading, inflating first made the two wait for each other (bench/RESULTS.md, "Next visit"). Under Node
// (tests/pyodide), where there is no Worker, here.
function inflateAside(compressed) {
  if (typeof Worker === "undefined") return gunzip(compressed);
  return new Promise((resolve, reject) => {
    const inflater = new Worker(new URL("./inflate-worker.js", import.meta.url));
    inflater.onmessage = ({ data }) => {
      inflater.terminate();
      if (data instanceof ArrayBuffer) resolve(new Uint8Array(data));
      else reject(new Error(data && data.error));
    };
    inflater.onerror = (event) => {
      inflater.terminate();
      reject(new Error(event.message || "inflate-worker.js kon niet starten"));
    };
    const copy = compressed.slice(); // transferred: the caller keeps its bytes
    inflater.postMessage(copy.buffer, [copy.buffer]);
  });
}

export async function bootFromSnapshot(loadPyodide, options, compressedSnapshot) {
  const timings = {};
  const mark = performance.now();
  const snapshot = inflateAside(compressedSnapshot).then((bytes) => {
    timings.gunzip = Math.round(performance.now() - mark);
    return bytes;
  });
  snapshot.catch(() => {}); // loadPyodide awaits it (`_loadSnapshot` takes a promise) and reports a failure
  const pyodide = await load(loadPyodide, options, { _loadSnapshot: snapshot }, timings);
  const browser = pyodide.pyimport("calculators._browser");
  if (!browser.is_loaded()) throw new Error("snapshot zonder gegevens");
  const archive = await options.calculators();
  // The snapshot holds imported modules, not files: the sources are for what is imported later (a document, a
  // traceback). Unpacking them (50-100 ms) is left to `finish`, which the worker runs right after saying it is
  // ready and before it answers any message.
  return { pyodide, browser, path: "snapshot", timings, finish: () => unpack(pyodide, archive, timings) };
}

// Snapshot when given and usable, otherwise (or when restoring fails for any reason) the plain boot.
// The caller runs the synchronous `finish()` of the result before it uses the interpreter.
export async function boot(loadPyodide, options, compressedSnapshot) {
  if (compressedSnapshot) {
    try {
      return await bootFromSnapshot(loadPyodide, options, compressedSnapshot);
    } catch (error) {
      console.debug(`[handboek] snapshot niet bruikbaar (${error && error.message}); gewone start`);
    }
  }
  return bootPlain(loadPyodide, options);
}
